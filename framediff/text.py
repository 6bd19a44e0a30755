"""Pure text helpers shared by every stage: word tokens with spans, normalisation,
control-sequence stripping and display width. No I/O, no state, no heavy imports.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

# A word token: letters/digits with inner apostrophes, hyphens, dots or commas
# ("U.S.", "don't", "Russia-China", "1,000", "3.5"); matches "U.S" of "U.S." so
# trailing dots stay punctuation when they end a sentence.
WORD_RE = re.compile(r"\w+(?:['’.,\-]\w+)*", re.UNICODE)

# ANSI/VT escape sequences (CSI, OSC, single-character escapes) and other C0/C1
# controls except tab and newline: what an article must never send to a terminal.
_CONTROL_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)

_QUOTE_TRANSLATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u00a0": " ",
    }
)


def strip_control(text: str) -> str:
    """Remove terminal control sequences and control characters (keeps tab and newline)."""
    return _CONTROL_RE.sub("", text)


def fold_punctuation(text: str) -> str:
    """Map curly quotes, dashes and no-break spaces to their ASCII forms (same length)."""
    return text.translate(_QUOTE_TRANSLATION)


def title_case(words: Sequence[str]) -> bool:
    """A headline in Title Case or capitals: of the words after the first that start with
    a letter (at least three of them), three in four or more are capitalised, function
    words included, so capitals say nothing of names. Joined names ("United_states") are
    left out of the count."""
    counted = [word for word in words[1:] if word[:1].isalpha() and "_" not in word]
    if len(counted) < 3:
        return False
    return sum(1 for word in counted if word[0].isupper()) >= 0.75 * len(counted)


def singular(word: str) -> str:
    """A lower-case word's singular by the regular English plurals ("deputies" ->
    "deputy", "officials" -> "official"); any other word as it is ("witness", "bus")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def stands_in(name: str, text: str) -> bool:
    """``name`` stands in ``text`` as whole words, maybe inside a longer name ("San Diego"
    in "the San Diego Chargers"), not as part of a word or of a hyphenated one."""
    if name not in text:
        return False  # most names: no pattern to build
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


# A word of a line, for telling Title Case headlines from sentences.
_HEADLINE_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


def headline_like(text: str) -> bool:
    """A Title Case line with no closing punctuation ("What Putin Said At The Press
    Conference", "No Ceasefire Reached, Trump Says"): a headline or subheading. The short
    words a headline style leaves in lower case ("Had Key Role in Coverup of the
    Watergate Break-In") are not counted."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in ".!?\"”’'":
        return False
    words = _HEADLINE_WORD_RE.findall(stripped)
    return title_case(words[:1] + [w for w in words[1:] if w not in _HEADLINE_MINOR_WORDS])


# The words headline styles (AP, Chicago) leave in lower case inside a Title Case line.
_HEADLINE_MINOR_WORDS = frozenset(
    [
        *("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at"),
        *("by", "in", "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from"),
    ]
)


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the half-open character span of every word token in ``text``."""
    for match in WORD_RE.finditer(text):
        yield match.start(), match.end()


def words(text: str) -> list[str]:
    """The word tokens of ``text`` as they appear."""
    return WORD_RE.findall(text)


def display_width(text: str) -> int:
    """Terminal cells ``text`` occupies: wide East Asian characters take two, marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def squash_spaces(text: str) -> str:
    """Collapse runs of white space to one space and trim the ends."""
    return " ".join(text.split())
