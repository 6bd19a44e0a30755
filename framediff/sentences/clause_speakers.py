"""Speakers named at the head of their clause, away from the verb: a name before a long
appositive ("Dana Ruiz, the executive director of ..., said") and a common noun opening
the clause ("The campaign says", "..., one county clerk said"). Spans only, in the
sentence's own coordinates; the phrases right beside the verb are ``phrases``'.
"""

from __future__ import annotations

import re

from framediff.gazetteer import COMMON_STARTERS
from framediff.sentences.phrases import INSIDE_NAME
from framediff.sentences.speakers import ADVERBS, DETERMINERS, PRONOUNS, verb_lexicon

# Where a clause opens before a speaker phrase: the sentence start, a closing quotation, a
# comma ("..., one slide says."), a colon, a semicolon or a dash.
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[\"”'’]\s*,?\s+|[,:;]\s+|\s--\s+|\s—\s*)$")
# Openers of a noun phrase that names a speaker by a common noun: "the announcer", "one
# slide", "another source", "Connecticut's tax commissioner".
_NOUN_PHRASE_OPENERS = frozenset(
    {"the", "a", "an", "one", "another", "his", "her", "its", "their", "some", "several"}
)
# Words a common-noun speaker phrase never ends on: what remains is no one who speaks.
_NOT_SPEAKER_HEADS = frozenset(
    {
        "it",
        "this",
        "that",
        "there",
        "what",
        "which",
        "who",
        "one",
        "other",
        "same",
        "latter",
        "former",
        "first",
        "last",
        "next",
        "rest",
        "way",
        "time",
        "thing",
        "things",
        "idea",
    }
)

# Words that open a clause of its own inside a sentence: a speaker phrase never spans one.
_SUBORDINATORS = frozenset(
    ["after", "before", "until", "because", "when", "while", "since", "although", "though",
     "if", "unless", "once", "whereas"]
)  # fmt: skip


def common_noun_speaker(
    text: str, tokens: list[re.Match[str]], index: int
) -> tuple[int, int] | None:
    """A speaker named by a common noun that opens its clause right before the verb:
    "The campaign says ...", "the announcer said, ...", "one slide says", "Connecticut's tax
    commissioner says". Up to five words, from a determiner or a possessive name; adverbs
    ("now", "also") may stand between."""
    j = index - 1
    while j >= 0 and tokens[j].group().lower() in ADVERBS:
        j -= 1
    if j < 0 or text[tokens[j].end() : tokens[index].start()].strip(" "):
        return None
    head = tokens[j].group()
    if (
        not head.isalpha()
        or head.lower() in _NOT_SPEAKER_HEADS | _NOUN_PHRASE_OPENERS | DETERMINERS
        or head.lower() in PRONOUNS
    ):
        return None
    if head.lower() in verb_lexicon().forms:
        return None
    for first in range(j, max(j - 5, -1), -1):
        word = tokens[first].group()
        if word.lower() in _SUBORDINATORS:
            return None  # "The plant closed after officials said": a clause opens there
        opener = word.lower() in _NOUN_PHRASE_OPENERS or (
            word[:1].isupper() and word.endswith(("'s", "’s"))
        )
        if first < j and text[tokens[first].end() : tokens[first + 1].start()].strip():
            return None  # punctuation inside: not one noun phrase
        if opener and _CLAUSE_OPEN_RE.search(text[: tokens[first].start()]):
            return tokens[first].start(), tokens[j].end()
    return None


def named_subject(text: str, tokens: list[re.Match[str]], index: int) -> tuple[int, int] | None:
    """The name opening a clause when a long appositive stands between it and the verb:
    "Richard Revesz, director of the Institute for Policy Integrity at New York University's
    law school, said ...", "''...,'' Scott Pruitt, the Republican attorney general of
    Oklahoma, one of the states suing the EPA, said". The name is one to six capitalised
    words (titles and initials with their dots); what stands between has no reporting verb
    and no quotation mark."""
    verb = index
    while verb > 0 and tokens[verb - 1].group().lower() in ADVERBS:
        verb -= 1  # "..., forcefully told": the adverb stands between appositive and verb
    before = text[: tokens[verb].start()].rstrip()
    delimiter = next((d for d in (",", "--", "—") if before.endswith(d)), None)
    if delimiter is None:
        return None
    closed = list(_QUOTE_CLOSED_RE.finditer(before, 0, len(before) - len(delimiter)))
    clause = closed[-1].end() if closed else len(before) - len(before.lstrip())
    comma = before.find(delimiter, clause)
    if comma < 0 or comma >= len(before) - len(delimiter):
        return None  # no appositive: "X, said" is the inverted form
    name = [t for t in tokens if clause <= t.start() < comma]
    if not 1 <= len(name) <= 6 or name[0].group().lower() in COMMON_STARTERS:
        return None
    if not all(t.group()[:1].isupper() or t.group().lower() in INSIDE_NAME for t in name):
        return None
    middle = text[comma : len(before) - len(delimiter)]
    if re.match(r"[,\s—-]*(?:[A-Z][\w.'’-]*\s+)+(?:and|or|&)\s", middle):
        return None  # "Google, Meta and Microsoft, three of ...": a list, not an appositive
    words = [t.group().lower() for t in tokens if comma <= t.start() < len(before) - len(delimiter)]
    forms = verb_lexicon().forms
    if (
        not words
        or len(words) > 40
        or re.search(r"[\"“”;:]|''", middle)
        or any(word in forms and forms[word][0] in _SPEECH_LEMMAS for word in words)
    ):
        return None
    return name[0].start(), name[-1].end()


# A quotation closed with its comma: the clause of its speaker opens after it.
_QUOTE_CLOSED_RE = re.compile(r"[,.?!]\s*(?:[\"”’]|'')\s+")
# Reporting verbs whose presence inside an appositive means it is not one.
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "claim", "note", "argue", "announce", "write"})
