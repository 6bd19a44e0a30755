"""Dates in news text: explicit calendar dates, time stamp lines, weekdays resolved against
a reference date. Pure functions over strings; which date is the event's is decided in
``framediff.events.features``.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, timedelta

from framediff.events.lexicon import lexicon

# A word token: "U.S.", "a.m.", "11".
_TOKEN_RE = re.compile(r"[^\W_]+(?:['.,\-][^\W_]+)*\.?", re.UNICODE)
# Full dates: "July 14, 2025", "JUL 14 2025", "14 July 2025", "2025-07-14". Month words
# are checked against the lexicon, so "Flight 12, 2013" is no date.
_DATE_MDY_RE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DATE_DMY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_DATE_ISO_RE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# Month and day without a year: "on July 14", "June 8".
_DATE_MD_RE = re.compile(
    r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)"
)
# Relative days: "yesterday", "today", "last night".
RELATIVE_RE = re.compile(r"\b(yesterday|today|tonight|last night|this morning)\b", re.IGNORECASE)
# Clock times and bare counters say nothing about the event: "08:06AM".
CLOCK_RE = re.compile(r"\b\d{1,2}\s*:\s*\d\d\s*(?:am|pm|AM|PM)?\b")


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    match = _DATE_ISO_RE.search(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def full_dates(text: str) -> list[tuple[int, date]]:
    """Explicit calendar dates in ``text`` with their offsets, in order."""
    months = lexicon().months
    found: list[tuple[int, date]] = []
    for match in _DATE_MDY_RE.finditer(text):
        month = months.get(match[1].lower())
        if month:
            _append_date(found, match.start(), int(match[3]), month, int(match[2]))
    for match in _DATE_DMY_RE.finditer(text):
        month = months.get(match[2].lower())
        if month:
            _append_date(found, match.start(), int(match[3]), month, int(match[1]))
    for match in _DATE_ISO_RE.finditer(text):
        _append_date(found, match.start(), int(match[1]), int(match[2]), int(match[3]))
    return sorted(found)


def _append_date(found: list[tuple[int, date]], at: int, year: int, month: int, day: int) -> None:
    with contextlib.suppress(ValueError):  # "February 30"
        found.append((at, date(year, month, day)))


def is_date_line(text: str) -> bool:
    """A line that is only a date or time stamp ("May 03, 2013", "Published: 12:16, 14 July 2025")."""
    stripped = CLOCK_RE.sub(" ", text)
    for regex in (_DATE_MDY_RE, _DATE_DMY_RE, _DATE_ISO_RE):
        stripped = regex.sub(" ", stripped)
    rest = [w.lower() for w in _TOKEN_RE.findall(stripped)]
    lex = lexicon()
    rest = [w for w in rest if w not in lex.weekdays and w not in lex.stamp_words]
    return len(rest) <= 1 and len(text) < 80


def resolve_weekday(weekday: str, reference: date) -> date:
    """The most recent ``weekday`` on or before ``reference``: news mostly reports the past."""
    wanted = lexicon().weekdays.index(weekday)
    return reference - timedelta(days=(reference.weekday() - wanted) % 7)


def month_day(text: str, reference: date | None) -> date | None:
    """ "July 14" read in the reference date's year (the year before if that is in the future)."""
    if reference is None:
        return None
    months = lexicon().months
    for match in _DATE_MD_RE.finditer(text):
        month = months.get(match[1].lower())
        if month is None:
            continue
        try:
            found = date(reference.year, month, int(match[2]))
        except ValueError:
            continue
        if found > reference + timedelta(days=2):
            found = found.replace(year=reference.year - 1)
        return found
    return None
