"""British and American spellings folded to one form, so "labour"/"labor",
"recognise"/"recognize", "defence"/"defense" never count as a difference: in the word
diff of linked sentences and wherever findings compare words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from framediff.scoring.features import LEXICON

# Spelling variants folded to one form, so "labour"/"labor", "recognise"/"recognize",
# "defence"/"defense", "litres"/"liters" never count as a difference. Applied to
# lower-cased tokens; each rule is (pattern, replacement).
_VARIANT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # labour, favourite, honoured, neighbourhood, behaviours
    (
        re.compile(r"(?<=[a-z]{2})our(s|ed|ing|able|ite|ites|hood|hoods|ly|ful|less|er|ers)?$"),
        r"or\1",
    ),
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),  # recognise(d)
    (re.compile(r"(?<=[a-z])ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=[a-z]{2})tre(s)?$"), r"ter\1"),  # centre, litres, kilometres
    (re.compile(r"(?<=[a-z]{2})ence(s|less)?$"), r"ense\1"),  # defence, licence, defenceless
    (re.compile(r"ogue(s)?$"), r"og\1"),  # catalogue
    (re.compile(r"(?<=[a-z]{2}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelling
    (re.compile(r"^ageing$"), "aging"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
)
# Words with a variant-looking ending that must stay as they are.
_VARIANT_KEEP = frozenset(LEXICON["variant_keep"])


@lru_cache(maxsize=65536)
def fold_variant(word: str) -> str:
    """One spelling for British and American variants of a lower-cased word."""
    if word in _VARIANT_KEEP or len(word) < 4:
        return word
    for pattern, replacement in _VARIANT_RULES:
        folded = pattern.sub(replacement, word)
        if folded != word:
            return folded
    return word
