"""Undo sentence boundaries that news text makes wrong, within one line.

The splitters (Punkt for English, script punctuation otherwise) propose
boundaries; these rules remove some of them, in this order:

1. A piece with no letter or digit (the dots of ". . .", a stray quote mark)
   joins the piece before it, or the next one when it comes first.
2. Pairwise, between a piece and the next:
   a. a title before a name does not end a sentence ("Gov. | Bill Lee"), one
      before a function word may ("met Hun Sen. | During the call");
   b. a numbering abbreviation before a number ("No. | 10", "Jan. | 5",
      "case No. | VA089897", "MAR. | 14");
   c. a piece that opens in lower case, with a comma or the like, or with a
      possessive continues the previous one ('"Stop!" | he yelled.', "to... |
      deepen", "Что дальше? | — спросил он", '"...Doc?" | ", was published',
      "The D.A. | 's office"), unless its first word is cased inside
      ("iPhone");
   d. a quote closed by ! or ? followed by a capitalised attribution
      ('"Why?" | Putin asked.');
   e. a lone capital initial after a name, or dotted initials, unless a
      function word follows ("George W. | Bush", "manager A.J. | Smith" join,
      "in Group B. | The" does not);
   f. in languages that write ordinals with a period, a short number before
      a word ("am 3. | Oktober");
   g. a weekday abbreviation or clock time before a date, month or time zone
      ("Sat. | July 12", "3:45 p.m. | ET");
   h. a dotted place before a run of capitalised words ("U.S. | Fish and
      Wildlife Service"), where Punkt took the common word for a new sentence;
   i. a name written with "!" before a capitalised word ("E! | News").
3. Quotations: a quotation that opens and closes within the line is one
   sentence with whatever shares its sentence, with its attribution after or
   before it ('"We came. | We saw," he said.', 'He said: "We came. | We
   saw."') or with none ('"We came. | We saw." | He left.', the attribution
   coming in a later sentence). A quotation is what outlets copy and alter,
   so it is kept as one unit wherever its speaker is named, and its marks
   stay balanced for the quote analysis, which credits an unattributed
   quotation from the context. A quotation that does not close within the
   line (news style for quotes running over several paragraphs) is left to
   the other rules: its sentences split as usual and the quote analysis
   carries the open quotation on.
4. Brackets: a boundary inside an opened (, [ or { that closes within the
   next few pieces of the line is removed ("(Reporting by A. | Editing by B.)").
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from framediff.segment.rules import (
    BEFORE_DATE,
    CAPITALISED_ATTRIBUTION_RE,
    COMMON_STARTERS,
    DATE_OR_ZONE_RE,
    DOTTED_INITIALS_RE,
    DOTTED_NOT_INITIALS,
    DOTTED_PLACES,
    EXCLAIMED_NAME_END_RE,
    EXCLAIMED_QUOTE_END_RE,
    FIRST_WORD_RE,
    FOREIGN_TITLES,
    INITIAL_END_RE,
    NUMBERED,
    ORDINAL_END_RE,
    PROPER_NAME_RUN_RE,
    TITLES,
    WORD_BEFORE_PERIOD_RE,
)

Span = tuple[int, int]

# What a numbering abbreviation takes: "10", "VA089897", "#3".
_NUMBER_LIKE_RE = re.compile(r"#?\d|[A-Z]+\d")

# A possessive ending cut off from its noun: "'s office" after "The D.A."
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_CLOSING_QUOTES = "\"'”’»"
# Punctuation that cannot open a sentence.
_CONTINUING_PUNCTUATION = frozenset(",;:%)]}")

# Any word character: whether a stretch of text holds words or only punctuation.
_WORD_RE = re.compile(r"\w")

_OPENING_BRACKETS = "([{（【［｛"
_CLOSING_BRACKETS = ")]}）】］｝"
# How many pieces after an opening bracket its close may be and still join them.
_BRACKET_REACH = 4
# Characters after which a straight quote opens rather than closes.
_QUOTE_OPENERS_BEFORE = "([{—–-/"
_QUOTE_CHARACTERS = frozenset("\"“”«»‘’'")


def repair(
    text: str, pieces: list[Span], english: bool = True, ordinal_dots: bool = False
) -> list[Span]:
    """Join the pieces of one line that belong to one sentence (rules 1-4).

    ``english`` selects English titles only (else other languages' too, rule
    2a); ``ordinal_dots``: the language writes ordinals with a period (2f).
    """
    if len(pieces) < 2:
        return pieces
    # 1.
    pieces = _join_wordless(text, pieces)
    # 2.
    pieces = _join_pairs(text, pieces, TITLES if english else FOREIGN_TITLES, ordinal_dots)
    # 3.
    pieces = _join_quotes(text, pieces)
    # 4.
    return _join_brackets(text, pieces)


def _join_wordless(text: str, pieces: list[Span]) -> list[Span]:
    joins: set[int] = set()
    for index, piece in enumerate(pieces):
        if _WORD_RE.search(text, *piece) is None:
            joins.add(index - 1 if index > 0 else 0)
    return _merge(pieces, joins)


def _merge(pieces: list[Span], joins: set[int]) -> list[Span]:
    """Merge piece k with piece k + 1 for every k in ``joins``."""
    merged: list[Span] = []
    for index, piece in enumerate(pieces):
        if index - 1 in joins:
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return merged


def _join_pairs(
    text: str, pieces: list[Span], titles: frozenset[str], ordinal_dots: bool
) -> list[Span]:
    joins = {
        index
        for index in range(len(pieces) - 1)
        if _continues(
            text[slice(*pieces[index])], text[slice(*pieces[index + 1])], titles, ordinal_dots
        )
    }
    return _merge(pieces, joins)


def _continues(previous: str, following: str, titles: frozenset[str], ordinal_dots: bool) -> bool:
    """Whether ``following`` continues the sentence ``previous`` seemed to end."""
    word = WORD_BEFORE_PERIOD_RE.search(previous)
    if word is not None:
        # a.
        if word.group(1) in titles and _opens_with_name(following):
            return True
        # b.
        numbered = word.group(1) in NUMBERED or word.group(1).capitalize() in NUMBERED
        if numbered and _NUMBER_LIKE_RE.match(following):
            return True
        # h.
        if (
            word.group(1) in DOTTED_PLACES
            and PROPER_NAME_RUN_RE.match(following)
            and _opens_with_name(following)
        ):
            return True
    # c.
    first = following.lstrip("—–- ")[:1] or following[0]
    if following.lstrip(_CLOSING_QUOTES)[:1] in _CONTINUING_PUNCTUATION or _POSSESSIVE_RE.match(
        following
    ):
        return True
    if first.islower() or first in _CONTINUING_PUNCTUATION:
        opening = FIRST_WORD_RE.match(following.lstrip("—–- "))
        return opening is None or not any(char.isupper() for char in opening.group(1)[1:])
    # d.
    if (
        EXCLAIMED_QUOTE_END_RE.search(previous)
        and CAPITALISED_ATTRIBUTION_RE.match(following)
        and _opens_with_name(following)
    ):
        return True
    # i.
    if EXCLAIMED_NAME_END_RE.search(previous) and _opens_with_name(following):
        return True
    # e.
    if (
        word is not None
        and DOTTED_INITIALS_RE.match(word.group(1))
        and word.group(1).isupper()
        and word.group(1).lower() not in DOTTED_NOT_INITIALS
        and following[0].isupper()
        and _opens_with_name(following)
    ):
        return True
    initial = INITIAL_END_RE.search(previous)
    if (
        initial is not None
        and initial.group(2).isupper()
        and (initial.group(1) is None or initial.group(1)[0].isupper())
        and following[0].isupper()
        and _opens_with_name(following)
    ):
        return True
    # f.
    if ordinal_dots and ORDINAL_END_RE.search(previous) is not None and first.isalpha():
        return True
    # g.
    return (
        word is not None
        and word.group(1) in BEFORE_DATE
        and DATE_OR_ZONE_RE.match(following) is not None
    )


def _opens_with_name(piece: str) -> bool:
    """Whether ``piece`` opens with a capitalised word that is not a function word."""
    opening = FIRST_WORD_RE.match(piece)
    return (
        opening is not None
        and opening.group(1)[0].isupper()
        and opening.group(1) not in COMMON_STARTERS
    )


def quote_spans(text: str, start: int, end: int) -> list[Span]:
    """(opening, closing) offsets of the quotations that open and close in ``text[start:end]``.

    Curly and angle double quotes pair by direction. A straight double quote
    opens after white space or an opening bracket and closes otherwise. A
    single quote, curly or straight, opens only before a letter where a word
    could start, and closes only where no letter or digit follows, so the
    apostrophes of "don't" and "'90s" are never taken for quotes. An opening
    quote never closed is dropped when the next one of its kind opens.
    """
    spans: list[Span] = []
    open_curly: int | None = None
    open_straight: int | None = None
    open_single: int | None = None
    for index in range(start, end):
        char = text[index]
        if char not in _QUOTE_CHARACTERS:
            continue
        before = text[index - 1] if index > start else " "
        after = text[index + 1] if index + 1 < end else " "
        opens = before.isspace() or before in _QUOTE_OPENERS_BEFORE
        if char in "“«":
            open_curly = index
        elif char in "”»":
            if open_curly is not None:
                spans.append((open_curly, index))
                open_curly = None
        elif char == '"':
            if opens:
                open_straight = index if not after.isspace() else open_straight
            elif open_straight is not None:
                spans.append((open_straight, index))
                open_straight = None
        elif (opens or before in '“"') and after.isalpha() and char in "‘'":
            open_single = index
        elif (
            open_single is not None
            and char in "’'"
            and not after.isalnum()
            and not before.isspace()
        ):
            spans.append((open_single, index))
            open_single = None
    return sorted(spans)


def _piece_at(pieces: list[Span], offset: int) -> int | None:
    index = bisect_right(pieces, (offset, sys.maxsize)) - 1
    if index >= 0 and pieces[index][0] <= offset < pieces[index][1]:
        return index
    return None


def _join_quotes(text: str, pieces: list[Span]) -> list[Span]:
    joins: set[int] = set()
    for opening, closing in quote_spans(text, pieces[0][0], pieces[-1][1]):
        first = _piece_at(pieces, opening)
        last = _piece_at(pieces, closing)
        if first is not None and last is not None and first < last:
            joins.update(range(first, last))
    return _merge(pieces, joins)


def _depth_change(piece: str, depth: int) -> int:
    for char in piece:
        if char in _OPENING_BRACKETS:
            depth += 1
        elif char in _CLOSING_BRACKETS and depth > 0:
            depth -= 1
    return depth


def _join_brackets(text: str, pieces: list[Span]) -> list[Span]:
    joins: set[int] = set()
    index = 0
    while index < len(pieces):
        depth = _depth_change(text[slice(*pieces[index])], 0)
        closed_at = None
        if depth > 0:
            for later in range(index + 1, min(len(pieces), index + 1 + _BRACKET_REACH)):
                depth = _depth_change(text[slice(*pieces[later])], depth)
                if depth == 0:
                    closed_at = later
                    break
        if closed_at is None:
            index += 1
            continue
        joins.update(range(index, closed_at))
        index = closed_at + 1
    return _merge(pieces, joins)
