"""Page text -> lines: white space and Markdown marks, and lines rejoined where a
sentence or a hard-wrapped paragraph was broken (steps 1 and 2 of the text-page
cascade in ``text_page``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from framediff.clean import signals
from framediff.clean.language import non_final_words
from framediff.text import strip_control

# Spaces and tabs inside a line (not newlines).
# (not the ideographic space, which CJK headlines use as a separator)
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
# Markdown syntax: "## Heading", "[text](https://...)", "**bold**" / "_italic_"
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:https?://|/|#)[^)\s]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")
# A list item: "- people aged 65", "• residents", "* item", "1. item"
BULLET_RE = re.compile(r"^(?:[-•*▪–·]|\d{1,2}[.)])\s+\S")


@dataclass
class Line:
    """One line of the page and what the cascade has found out about it."""

    text: str
    blank_before: bool
    prose: signals.ProseClass = "short"
    chrome: str | None = None  # the removal reason a pattern gives this line
    scope: signals.Scope | None = None  # a stop or teaser heading
    keep: bool = False
    reason: str | None = None  # why it went, once decided


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with white space squashed and Markdown marks dropped."""
    lines: list[Line] = []
    blank = False
    for raw in strip_control(text).split("\n"):
        cleaned = _SPACES_RE.sub(" ", raw).strip()
        # Markdown: headings, links and bold/italic markers are not article text.
        cleaned = _MD_LINK_RE.sub(r"\1", _MD_HEADING_RE.sub("", cleaned))
        cleaned = _MD_EMPHASIS_RE.sub(r"\2", cleaned).strip()
        if not cleaned:
            blank = True
            continue
        lines.append(Line(cleaned, blank_before=blank))
        blank = False
    return lines


def rejoin(lines: list[Line], language: str) -> list[Line]:
    """Lines joined where a sentence or a hard-wrapped paragraph was broken."""
    stops = non_final_words(language)
    width = _wrap_width(lines)
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not line.blank_before
            and (
                _continues(previous.text, line.text, stops)
                or (width is not None and _wrapped(previous.text, line.text, width))
            )
        ):
            previous.text = f"{previous.text} {line.text}"
        else:
            joined.append(line)
    return joined


def _wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped text (a .txt or .md file wrapped at 72 or 80) breaks
    at, or None: most long lines end near one width, many of them mid-sentence."""
    lengths = sorted(len(line.text) for line in lines if len(line.text) >= 20)
    if len(lengths) < 8:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= width <= 120:
        return None
    near = [line for line in lines if 0.75 * width <= len(line.text) <= 1.05 * width]
    open_ended = sum(1 for line in near if not signals.ends_sentence(line.text))
    return width if len(near) >= 6 and open_ended >= 0.5 * len(near) else None


def _wrapped(first: str, second: str, width: int) -> bool:
    """In hard-wrapped text a paragraph goes on until a short line or a blank line."""
    if len(first) < 0.6 * width or BULLET_RE.match(second):
        return False
    return not (signals.match_clutter(second) or signals.is_byline(second))


def _continues(first: str, second: str, stops: frozenset[str]) -> bool:
    if signals.ends_sentence(first) or signals.word_count(first) < 6:
        return False
    if signals.match_clutter(second) or signals.is_byline(second) or signals.date_line_kind(second):
        return False
    if second[:1].islower():
        return True
    # An upper-case start continues only a line cut after a function word or comma, and
    # must itself end a sentence (a headline above a byline or a standfirst does not).
    last = first.split()[-1]
    cut = first.endswith(",") or (last.islower() and last in stops)
    return cut and signals.ends_sentence(second) and signals.word_count(second) >= 3
