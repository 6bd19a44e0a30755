"""Whether a sentence reports someone's words, and who, where the phrase grammar of
``attribution`` found no speaker: the plain wire forms ("..., the coast guard said."), a
reporting verb or sourcing phrase with no speaker to tie it to, hedges that leave a claim
to others ("reportedly", "allegedly", "is thought to"), and quotations. The one answer to
"is this sentence stated in the outlet's own voice?", which findings read and never
work out again from the text.
"""

from __future__ import annotations

import re

from framediff.sentences.phrases import named_before_role

# Plain speech verbs and sourcing phrases: a sentence holding one is attributed even when
# no speaker could be resolved ("..., a hospital spokeswoman said."); "have been told"
# is not speech reported.
SPEECH_RE = re.compile(
    r"\b(?:said|says|saying|(?<!been )(?<!was )(?<!were )(?<!be )told|tells|according to|"
    r"stated|quoted|announced|added|adding|reported|alleging|claiming|insisting|arguing|"
    r"noting|warning|"
    # Speech acts that credit their subject with the claim ("Starmer on Friday promised a
    # phase of national renewal"), not inside a relative clause ("a government that
    # promised to stay"), where they describe someone rather than report a claim.
    r"(?<!\bthat )(?<!\bwho )(?<!\bwhich )(?:warned|promised|pledged|vowed|urged|"
    r"acknowledged|conceded|disclosed|revealed|declared|confirmed|denied|insisted))\b",
    re.IGNORECASE,
)

# A sentence that reports a speech and goes on with a participle saying what the speaker
# stressed: "X spoke first at the news conference, highlighting the government's resolve".
# The clause is the speaker's point, not the writer's interpretation.
SPOKEN_CLAUSE_RE = re.compile(
    r"\b(?:spoke|speaking|speech|address|statement|remarks|conference|interview|briefing|"
    r"said|says|told)\b[^.;]*?,\s+(?:highlighting|underscoring|underlining|stressing|"
    r"emphasi[sz]ing|reiterating|noting|signalling|signaling)\b",
    re.IGNORECASE,
)

# Words that pass a claim on without owning it: "reportedly", "allegedly", "is accused of",
# "is thought to", "according to reports", "is said to". A sentence holding one does not
# state its claim as fact, though it names no speaker.
HEDGE_RE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|accused\s+of|(?:is|are|was|were)\s+"
    r"(?:thought|believed|said|reported|alleged|understood|expected|suspected)\s+to|"
    r"(?:it\s+is|it\s+was)\s+(?:thought|believed|understood|expected|reported|alleged)|"
    r"according\s+to\s+(?:reports|media\s+reports|sources))\b",
    re.IGNORECASE,
)
# Forms of "be": before a participle, a passive ("have been told", "was told": the
# subject is told, it does not speak).
BE_FORMS = frozenset(["be", "been", "being", "is", "are", "was", "were"])
# Quotations shorter than this are labels, not statements.
_MIN_STATEMENT_WORDS = 4
# Quotation marks that open a quotation.
OPENING_QUOTES = frozenset(['"', "“", "«", "„"])

# The closing speaker of wire copy: ", the coast guard said." / ", survivors told aid
# workers." / ", Reyes said in a statement." (group 1: the speaker phrase, at most six words).
_TRAILING_SPEAKER_RE = re.compile(
    r",\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+),?\s+(?:said|says|told|added|stated|announced)"
    r"(?:\s+[\w'’-]+){0,4}[.!]?[\"'”’]?$"
)
# The opening speaker: "The university's rector, Ilse Brandt, said classes would ..." /
# "The rebel delegation said it would ..." (group 1: at most seven words).
_LEADING_SPEAKER_RE = re.compile(
    r"^((?:[\w'’.-]+,?\s+){0,6}?[\w'’.-]+),?\s+(?:said|says|told\s+[\w'’-]+)\s+(?:that\s+)?"
    r"(?=\S)"
)
# First words that make the phrase before "said" a clause, not a speaker.
_NOT_SPEAKERS = frozenset(
    ["it", "this", "that", "which", "who", "and", "but", "he", "she", "they", "we", "i"]
)
# Words that open a subordinate clause: before "said", the speaker is what follows the last
# of them ("Gomes was arrested on Tuesday after | investigators said they found him").
_SUBORDINATORS = frozenset(
    [
        "after",
        "before",
        "when",
        "while",
        "because",
        "since",
        "until",
        "although",
        "though",
        "once",
        "as",
        "if",
        "where",
        "whereas",
    ]
)


def after_subordinator(phrase: str) -> str:
    """The words of a phrase before a speech verb after its last subordinating word."""
    words = phrase.split()
    cut = max(
        (k for k, word in enumerate(words) if word.lower().strip(",") in _SUBORDINATORS),
        default=-1,
    )
    return " ".join(words[cut + 1 :])


def wire_speaker(text: str) -> tuple[int, int, str] | None:
    """The speaker phrase of the plain wire forms ("..., the coast guard said.", "The rebel
    delegation said it would ...") as a span and its cue, when it reads as a speaker."""
    found = _TRAILING_SPEAKER_RE.search(text) or _LEADING_SPEAKER_RE.search(text)
    if not found:
        return None
    phrase = after_subordinator(found.group(1))
    words = phrase.lower().split()
    # A form of "be" anywhere makes the phrase a clause ("the man was charged").
    if not words or words[0] in _NOT_SPEAKERS or BE_FORMS.intersection(words):
        return None
    end = found.start(1) + len(found.group(1))
    start = end - len(phrase)
    cue = re.search(r"\b(?:said|says|told|added|stated|announced)\b", text[end:])
    # "..., Christopher Budd, security response communications lead at Microsoft, said":
    # the name before the role speaks.
    start, end = named_before_role(text, (start, end)) or (start, end)
    return start, end, cue.group() if cue else "said"


def reporting_cue(text: str) -> re.Match[str] | None:
    """A reporting verb, sourcing phrase or hedge in the sentence, whoever speaks."""
    return SPEECH_RE.search(text) or SPOKEN_CLAUSE_RE.search(text) or HEDGE_RE.search(text)


def is_statement(quote_text: str, sentence_text: str, quote_end: int) -> bool:
    """A quotation that states something, not a label: four words or more, or a short
    whole sentence ("...: "Change begins now.""). ``quote_end`` is where the quotation ends
    in ``sentence_text``."""
    if len(quote_text.split()) >= _MIN_STATEMENT_WORDS:
        return True
    after = sentence_text[quote_end : quote_end + 2]
    return quote_text[:1].isupper() and (quote_text.rstrip()[-1:] in ".!?" or after[:1] in ".!?")
