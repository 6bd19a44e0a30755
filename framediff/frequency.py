"""General word frequencies from wordfreq, for the IDF priors of link scoring and event
grouping: ``word_frequency(word, language)`` is exactly ``wordfreq.word_frequency(word,
language)``, but the words a caller names to ``prefetch`` first are found in one pass over
the language's word list instead of through wordfreq's word -> frequency dict, whose
building (321,000 English words, a Python loop) cost more than a short comparison's own
scoring. A word not prefetched goes to wordfreq itself.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from typing import Any

_lock = threading.Lock()
# Per language: the frequency of each looked-up (number-smashed) token; None when absent
# from the list.
_tokens: dict[str, dict[str, float | None]] = {}
# Per language: each prefetched word's tokens.
_words: dict[str, dict[str, list[str]]] = {}


def _wordfreq() -> Any:
    import wordfreq

    return wordfreq


def _tokenize(word: str, language: str) -> list[str]:
    # A plain lowercase English word is its own single token: skip the tokenizer, which
    # costs far more than the look-up.
    if language == "en" and word.isascii() and word.isalpha() and word.islower():
        return [word]
    tokens: list[str] = _wordfreq().lossy_tokenize(word, language)
    return tokens


def prefetch(words: Iterable[str], language: str) -> None:
    """Look up every token of these words at once (one pass over the word list)."""
    wordfreq = _wordfreq()
    from wordfreq.numbers import smash_numbers

    with _lock:
        known = _words.setdefault(language, {})
        found = _tokens.setdefault(language, {})
        fresh: dict[str, list[str]] = {}
        for word in set(words).difference(known):
            try:
                fresh[word] = _tokenize(word, language)
            except Exception:  # left to wordfreq, which fails the same way for the caller
                continue
        needed = {smash_numbers(token) for tokens in fresh.values() for token in tokens}
        needed.difference_update(found)
        if needed:
            try:
                pack = wordfreq.get_frequency_list(language, "best")
            except Exception:  # no list for the language: likewise left to wordfreq
                return
            hits: dict[str, float | None] = dict.fromkeys(needed)
            # As in wordfreq's get_frequency_dict: bucket i holds the words at -i
            # centibels, and a later bucket wins.
            for index, bucket in enumerate(pack):
                matched = needed.intersection(bucket)
                if matched:
                    hits.update(dict.fromkeys(matched, wordfreq.cB_to_freq(-index)))
            found.update(hits)
        known.update(fresh)


def word_frequency(word: str, language: str) -> float:
    """wordfreq.word_frequency(word, language) (its "best" list, no minimum)."""
    tokens = _words.get(language, {}).get(word)
    if tokens is None:
        return float(_wordfreq().word_frequency(word, language))
    if not tokens:
        return 0.0
    from wordfreq.numbers import digit_freq, smash_numbers

    found = _tokens[language]
    # wordfreq's combination: 1 / f = 1 / f1 + 1 / f2 + ..., a digit sequence weighted by
    # its own distribution, then rounded to three significant digits.
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        freq = found.get(smashed)
        if freq is None:
            return 0.0
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    wordfreq = _wordfreq()
    if wordfreq.get_language_info(language)["tokenizer"] == "jieba":
        freq *= wordfreq.INFERRED_SPACE_FACTOR ** -(len(tokens) - 1)
    if freq == 0.0:
        return 0.0
    return round(freq, math.floor(-math.log(freq, 10)) + 3)
