"""Quotations in one sentence: straight and curly, double and single, whole or partial.

Owns telling quote marks from apostrophes ("Russia's", "didn't", "ministries'") and
deciding whether a quotation is a direct quote or a few words quoted inside the
reporter's own sentence (partial). Who said it is decided by ``attribution`` and
``sentences``; a quotation left open at a sentence's end carries into the next.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from framediff.gazetteer import DATA_DIR
from framediff.text import WORD_RE

_OPENERS = frozenset("“«„‘‹")
_CLOSERS = frozenset("”»›")
_AMBIGUOUS = frozenset("\"'’`´")
# Words before a quotation that introduce it as a direct quote: "said:", "that".
_INTRODUCERS = frozenset(
    json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))["speaker_words"][
        "quote_introducers"
    ]
)
# A decade or year abbreviation after an apostrophe: "'90s", "'22".
_DECADE_RE = re.compile(r"\d\d(?:s\b|\b)")
# The end of a word split off by tokenised text ("CU ’ s", "can ’ t", "I ’ m"): no
# quotation opens with these, so the mark before them is a detached apostrophe.
_DETACHED_ENDING_RE = re.compile(r"\s?(?:s|t|m|d|re|ll|ve)(?![\w'’-])")
_TRAILING = " \t\n,.;:"


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation's inner text as a span of the sentence (marks excluded)."""

    start: int
    end: int
    text: str
    mark: str  # '"' or "'"
    partial: bool  # a few words quoted inside the reporter's own sentence
    opened_before: bool  # the quotation began in an earlier sentence
    open_after: bool  # the quotation runs on into the next sentence


@dataclass(frozen=True)
class QuoteScan:
    quotes: tuple[QuoteSpan, ...]
    open_mark: str | None  # a quote mark still open where the sentence ends


# Single characters before and after an opening mark that make it a closing one ('step
# in, "DiLeo said', 'the orchestra “, the host said'); sets, so that no character (the
# sentence's edge) is none of them.
_BEFORE_A_CLOSER = frozenset(",.!?")
_AFTER_A_CLOSER = frozenset(",.;:!?")


def _role(text: str, i: int) -> str:
    """'open', 'close', 'either' or 'none' for the quote-like character at ``i``."""
    char = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if char in _OPENERS:
        return "open"
    if char in _CLOSERS:
        return "close"
    if prev.isalnum() and nxt.isalnum():
        return "none"  # an apostrophe inside a word: "didn't", "Russia's"
    if char in "'’" and _DECADE_RE.match(text, i + 1):
        return "none"
    if char in "'’" and text[:i].rstrip()[-1:].isalpha() and _DETACHED_ENDING_RE.match(text, i + 1):
        return "none"
    if (prev.isspace() or i == 0) and (nxt.isspace() or i + 1 == len(text)):
        # Spaced on both sides ('police. ’ They'): closes if one is open. A right single
        # mark never opens one: in tokenised text it is a plural's apostrophe ("Bluejays ’").
        return "close" if char == "’" else "either"
    if prev.isspace() or prev in "([{—–-/" or i == 0:
        return "open" if not nxt.isspace() else "none"
    if nxt.isspace() or nxt in ".,;:!?)]}—–-…\"'”’»" or i + 1 == len(text):
        return "close"
    if prev in ",:;" and nxt.isalnum():
        return "open"  # 'to O'Brien,"He asked why': an opener with no space before it
    return "none"


def _family(char: str) -> str:
    return '"' if char in '"“”«»„' else "'"


def _is_partial(text: str, start: int, end: int, opened_before: bool, open_after: bool) -> bool:
    if opened_before or open_after:
        return False
    before = text[:start].rstrip().rstrip("\"'“‘«„").rstrip()  # text before the opening mark
    if not before and re.match(r"[\s,.!?…]*[\"'”’]?\s*[,!?]?\s*[\"'”’]?\s", text[end:] + " "):
        return False  # '"We are ready," he said': a whole short quotation opens the sentence
    words = WORD_RE.findall(text[start:end])
    if len(words) < 4:
        return True
    return not _introduced(before)


def _introduced(before: str) -> bool:
    """The text before a quotation's opening mark ends as a quotation's introduction does:
    nothing (the sentence opens on it), a colon or a comma, or a word introducing a
    quotation ("said", "told")."""
    if not before or before.endswith((":", ",")):
        return True
    last = WORD_RE.findall(before[-30:])
    return bool(last) and last[-1].lower() in _INTRODUCERS


def _opens_quotation(text: str, start: int) -> bool:
    """A mark opening at ``start`` (just after it) opens a quotation that may run on: one
    introduced as a quotation is (``_introduced``)."""
    return _introduced(text[: max(0, start - 1)].rstrip())


def find_quotes(text: str, open_mark: str | None = None) -> QuoteScan:
    """Quotations in ``text``; ``open_mark`` says a quotation of that mark is still open
    from the previous sentence, so this one starts inside it.
    """
    raw: list[tuple[int, int, str, bool, bool]] = []  # start, end, family, before, after
    open_at: dict[str, int] = {}
    if open_mark:
        open_at[open_mark] = 0
    first_double_seen = False
    reopened = 0
    for i, char in enumerate(text):
        if char not in _OPENERS and char not in _CLOSERS and char not in _AMBIGUOUS:
            continue
        role = _role(text, i)
        if role == "none":
            continue
        family = _family(char)
        if role == "open" and family in open_at and not text[:i].strip():
            # A paragraph going on with a quotation opens with the mark again: the
            # quotation runs on, its words from after the mark.
            reopened = i + 1
            continue
        if (
            role == "open"
            and family == '"'
            and family in open_at
            and (
                text[:i].rstrip()[-1:] in _BEFORE_A_CLOSER or text[i + 1 : i + 2] in _AFTER_A_CLOSER
            )
        ):
            # 'step in, "DiLeo said': a spaced closing mark; 'the orchestra “, the host
            # said': an opening mark typed where the quotation closes.
            role = "close"
        if family in open_at and role in ("close", "either"):
            start = open_at.pop(family)
            raw.append((start, i, family, start == 0 and open_mark == family, False))
        elif role in ("open", "either") and family not in open_at:
            open_at[family] = i + 1
        elif role == "close" and family == '"' and not first_double_seen and not raw:
            # A closing mark with no opener: the quotation began in an earlier sentence.
            raw.append((0, i, family, True, False))
        if family == '"':
            first_double_seen = True
    still_open = None
    for family, start in open_at.items():
        carried = start == 0 and open_mark == family
        # Only a quotation opened as one (the sentence's start, after a colon or comma, or
        # after a word introducing it) runs on; a mark opened mid-phrase and never closed
        # ('the "very spiritual\' worker') is a stray or mistyped one.
        runs_on = carried or _opens_quotation(text, start)
        raw.append((start, len(text), family, carried, runs_on))
        if runs_on:
            still_open = family
    quotes: list[QuoteSpan] = []
    for start, end, family, before, after in sorted(raw):
        if before and start == 0:
            start = reopened
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end <= start:
            continue
        partial = _is_partial(text, start, end, before, after)
        quotes.append(QuoteSpan(start, end, text[start:end], family, partial, before, after))
    return QuoteScan(tuple(quotes), still_open)
