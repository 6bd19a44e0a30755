"""Metadata read from page lines: publication dates, datelines, outlet names.

Pure functions over single lines, and two that pick the page's date and outlet
from lines the text-page cascade has classified. Dates come back as ISO
``YYYY-MM-DD``; a relative date ("4 days ago") gives ``None`` because the
capture time is unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import Protocol


class PageLine(Protocol):
    """A classified page line, as the text-page cascade leaves it."""

    text: str
    keep: bool
    reason: str | None

    @property
    def chrome(self) -> str | None:
        """What a pattern found the line to be, before the cascade decided."""

    @property
    def scope(self) -> str | None:
        """ "stop" for a heading that ends the article ("More stories from NPR")."""


# A site-name line: one to five capitalised words ("South Asian Update", "HKFP").
_SITE_NAME_RE = re.compile(
    r"^(?:[A-Z0-9][\w'’.&-]*)(?:\s+(?:[A-Z0-9][\w'’.&-]*|of|the|and|&)){0,4}$"
)
# A video duration (02:08): never a publication date.
_DURATION_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")

# Month names and abbreviations in the languages framediff meets most often.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv januar jänner enero ene gennaio gen janeiro januari январь января",
        "february feb febr février févr februar febrero febbraio fevereiro februari февраль февраля",
        "march mar mars märz marzo março maart март марта",
        "april apr avril abril aprile апрель апреля",
        "may mai mayo maggio maio mei май мая",
        "june jun juin juni junio giugno junho июнь июня",
        "july jul juillet juil juli julio luglio julho июль июля",
        "august aug août agosto augustus август августа",
        "september sep sept septembre septiembre settembre setembro сентябрь сентября",
        "october oct octobre oktober octubre ottobre outubro okt октябрь октября",
        "november nov novembre noviembre novembro ноябрь ноября",
        "december dec décembre déc dezember diciembre dic dicembre dezembro desember декабрь декабря",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH = r"(?P<month>[^\W\d_]{3,10})"
# A year, also when a page glues the time to it ("July 5, 20245:12 AM UTC").
_YEAR = r"(?P<year>\d{4})(?:\b|(?=\d{1,2}:\d{2}))"
# 14 July 2025 · 14. Juli 2025 · 12 juin 2024 · 14 de julio de 2025 · 3rd May 2024
_DAY_MONTH_YEAR_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?{_MONTH}\.?,?\s+(?:de\s+)?{_YEAR}",
    re.I,
)
# March 26, 2024 · Feb. 7, 2023 · December 4 2023
_MONTH_DAY_YEAR_RE = re.compile(
    rf"\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.I
)
# 2024-03-18 (also the date part of 2024-03-18T09:12:00+01:00)
_ISO_RE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
# 08/08/2024 · 14/07/2025 · 7/14/2025 · 20-02-2025: read only when day and month cannot be swapped
# (one of them is over 12, or both are equal), as pages write both orders.
_SLASHED_RE = re.compile(r"\b(?P<first>\d{1,2})([/-])(?P<second>\d{1,2})\2(?P<year>\d{4})\b")
# 2025年07月13日 (Chinese and Japanese)
_CJK_DATE_RE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
# 14.07.2025 (German, Russian day.month.year)
_DOTTED_RE = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")

# Words that mark a line as a publication stamp: "Published: 12:16, 14 July 2025".
PUBLISHED_RE = re.compile(
    r"^\s*(first\s+)?(published|updated|posted|last updated|modified|date|publié|mis à jour|"
    r"veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|опубликовано|"
    r"обновлено|发布时间|发布|更新|时间|来源)\b|来源[:：]|\bpublished\b",
    re.I,
)

# A site name glued to a relative time: "HKFP4 days ago", "Reuters · 2 hours ago"
_SITE_AGO_RE = re.compile(
    r"^(?P<site>[^\d\W][\w .&'’-]{0,40}?)\s*[·|•-]?\s*(?:time)?\d+\s*"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$",
    re.I,
)
# Credit lines naming the outlet: "Le Monde avec AFP", "The Guardian with agencies"
_CREDIT_RE = re.compile(
    r"^(?P<site>[A-Z][\w'’.&-]*(?:\s[A-Z][\w'’.&-]*){0,4})\s+(?:avec|with|mit|con|com)\s+"
    r"(?:AFP|AP|Reuters|agencies|agences|Agenturen|agencias|dpa|EFE|ANSA)\.?$"
)
# "来源：新华社" / "Source: Reuters" / "Source: Al Jazeera and news agencies"
_SOURCE_RE = re.compile(
    r"(?:来源|Source|Quelle|Fuente|Источник)\s*[:：]\s*"
    r"(?P<site>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}|[^\s,;|]{2,30})"
)
# Lines that name a known outlet around the article: the name alone ("BBC News"), in
# parentheses ("(AFP)"), after "More stories from", or in a copyright line.
_OUTLET_LINE_RE = re.compile(
    r"^(?:\((?P<tag>[^()]{2,40})\)|(?:more\s+)?(?:stories|news|articles)\s+from\s+(?P<more>.{2,40})"
    r"|(?:©|copyright)\s*(?:\d{4}\s+)?(?P<copyright>[^.,]{2,40})\b.*"
    r"|(?P<placed>[^,]{2,40}),\s*[A-Z][\w .'’-]{1,30}|(?P<alone>.{2,40}))$",
    re.I,
)


@cache
def known_outlets() -> dict[str, str]:
    """Every way of writing a known outlet (casefolded) -> its reported name."""
    text = resources.files("framediff").joinpath("data/outlets.txt").read_text("utf-8")
    names: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            forms = [form.strip() for form in line.split(" | ")]
            for form in forms:
                names[form.casefold()] = forms[0]
    return names


def known_outlet_in(line: str) -> str | None:
    """The known outlet a line around the article names, or None."""
    match = _OUTLET_LINE_RE.match(" ".join(line.split()))
    if match is None:
        return None
    found = next(group for group in match.groups() if group is not None)
    return known_outlets().get(found.strip().casefold())


def parse_date(text: str) -> str | None:
    """The first absolute date written in ``text`` as ISO, or None."""
    found: list[tuple[int, str]] = []
    for pattern in (_ISO_RE, _CJK_DATE_RE, _DOTTED_RE):
        for match in pattern.finditer(text):
            iso = _iso(match.group("year"), match.group("month"), match.group("day"))
            if iso:
                found.append((match.start(), iso))
    for match in _SLASHED_RE.finditer(text):
        first, second = int(match.group("first")), int(match.group("second"))
        if first == second or max(first, second) > 12:
            day_month = (first, second) if first > 12 or first == second else (second, first)
            iso = _iso(match.group("year"), str(day_month[1]), str(day_month[0]))
            if iso:
                found.append((match.start(), iso))
    for pattern in (_DAY_MONTH_YEAR_RE, _MONTH_DAY_YEAR_RE):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group("month").lower().rstrip("."))
            if month:
                iso = _iso(match.group("year"), str(month), match.group("day"))
                if iso:
                    found.append((match.start(), iso))
    return min(found)[1] if found else None


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value.isoformat() if 1900 < value.year < 2200 else None


def is_publication_stamp(line: str) -> bool:
    """A line that states when the article was published or updated."""
    return (
        bool(PUBLISHED_RE.search(line))
        and parse_date(line) is not None
        and not is_relative_stamp(line)
    )


# A stamp that dates a post relative to when the page was read ("Posted 1 year, 160 days
# ago [downloaded on 2 October 2013]"): a calendar date on it is the reading's, not the post's.
_RELATIVE_STAMP_RE = re.compile(
    r"^\W*(?:first\s+)?(?:posted|updated|published|added)\b[^.!?]{0,40}?\bago\b", re.IGNORECASE
)


def is_relative_stamp(line: str) -> bool:
    """A post stamp counted back from the day the page was read: it dates nothing."""
    return bool(_RELATIVE_STAMP_RE.search(line))


def outlet_from_line(line: str) -> str | None:
    """An outlet named by a site line: "HKFP4 days ago", "Le Monde avec AFP", "来源：新华社"."""
    for pattern in (_SITE_AGO_RE, _CREDIT_RE, _SOURCE_RE):
        match = pattern.search(line)
        if match:
            site = match.group("site").strip(" -·|•")
            if site and site.lower() not in {"time", "updated", "published"}:
                return site
    return None


def is_relative_time(line: str) -> bool:
    """A line that only says how long ago something happened ("4 days ago", "time3 hours ago")."""
    return bool(_SITE_AGO_RE.match(line)) or bool(
        re.fullmatch(r"(?:time)?\d+\s*\w+\s+ago", line.strip(), re.I)
    )


def page_published(lines: Sequence[PageLine], body_end: int) -> str | None:
    """A stamp ("Published: ..."), else a dated byline, else a date line under the title.

    A date line above the title is the page's "today" widget, not the article's date."""
    head = lines[: body_end + 1]
    stamps = [line for line in head if not line.keep and is_publication_stamp(line.text)]
    bylines = [line for line in head if line.reason == "byline"]
    title_at = next((i for i, line in enumerate(head) if line.reason == "title"), len(head))
    dated = [
        line
        for line in head[title_at + 1 :]
        if line.reason == "date-line"
        and not _DURATION_RE.match(line.text)
        and not is_relative_stamp(line.text)
    ]
    for line in (*stamps, *bylines, *dated):
        found = parse_date(line.text)
        if found:
            return found
    return None


# Removed lines that name someone else's outlet: photo credits, teasers of other stories.
_OTHER_SOURCES = frozenset({"caption", "related-links", "teaser", "comments"})


def page_outlet(lines: Sequence[PageLine], zone_start: int, body_start: int) -> str | None:
    # A credit or source line anywhere outside the body ("Le Monde avec AFP", "来源：新华社").
    for line in lines:
        if not line.keep:
            site = outlet_from_line(line.text)
            if site and not is_relative_time(line.text):
                return site
    # A site name glued to a relative time next to the headline ("HKFP4 days ago").
    for line in lines[zone_start : body_start + 1]:
        if not line.keep and is_relative_time(line.text):
            site = outlet_from_line(line.text)
            if site:
                return site
    # A short capitalised line repeated above the headline ("South Asian Update").
    before_title = []
    for line in lines[zone_start:body_start]:
        if line.reason == "title":
            break
        if line.chrome is None:
            before_title.append(line.text)
    counts = Counter(before_title)
    for text in before_title:
        if counts[text] > 1 and _SITE_NAME_RE.match(text) and len(text.split()) <= 5:
            return text
    # A known outlet named around the article: under the headline first, then anywhere
    # but in photo credits and lists of other stories, which name their own sources.
    around = [line for line in lines[zone_start:body_start] if not line.keep]
    for line in [*around, *(line for line in lines if not line.keep)]:
        if line.reason in _OTHER_SOURCES and line.scope != "stop":
            continue
        known = known_outlet_in(line.text)
        if known:
            return known
    return _masthead(lines, zone_start, body_start)


# Last words of a publication's name ("The Frontier Daily", "Evening Courier").
_MASTHEAD_WORDS = frozenset(
    [
        *("daily", "times", "post", "news", "herald", "tribune", "journal", "chronicle"),
        *("gazette", "express", "observer", "standard", "telegraph", "mail", "mirror"),
        *("star", "sun", "record", "courier", "independent", "guardian", "today"),
        *("weekly", "online", "tv", "radio", "dispatch", "examiner", "bulletin", "review"),
    ]
)
# Words of section labels, which stand next to headlines too ("Latest News", "World").
_SECTION_WORDS = frozenset(
    [
        *("latest", "top", "breaking", "world", "local", "national", "international"),
        *("business", "sport", "sports", "politics", "opinion", "home", "more", "live"),
        *("trending", "popular", "video", "videos", "news", "stories", "menu", "search"),
        *("share", "print", "email", "comments", "subscribe", "listen", "advertisement"),
        *("updated", "published", "close", "login", "register", "sign", "in", "up"),
    ]
)


# What a line next to the headline is when a pattern recognised it: not a masthead.
_NOT_MASTHEADS = frozenset(
    [
        *("byline", "date-line", "caption", "share-widget", "navigation", "advert"),
        *("app-prompt", "newsletter", "related-links", "teaser", "comments"),
    ]
)


def _masthead(lines: Sequence[PageLine], zone_start: int, body_start: int) -> str | None:
    """A publication's name on a line of its own next to the headline: "The Frontier
    Daily" (ends like a publication's name) or "WHNS 21" (named again on the page, "Stay
    with WHNS 21 for updates"). Section labels ("Latest News") and bylines are not."""
    zone = list(lines[zone_start : body_start + 1])
    titles = [i for i, line in enumerate(zone) if line.reason == "title"]
    if not titles:
        return None
    candidates = [
        zone[i].text.strip()
        for t in titles
        for i in (t - 1, t + 1)
        if 0 <= i < len(zone) and zone[i].reason not in _NOT_MASTHEADS
    ]
    for text in candidates:
        words = text.split()
        if not (1 <= len(words) <= 4 and _SITE_NAME_RE.match(text)) or text.endswith("."):
            continue
        lowered = [w.lower().strip(".,") for w in words]
        if all(w in _SECTION_WORDS or w == "the" for w in lowered):
            continue
        # Named again inside another line, leaving out bylines and author bios.
        elsewhere = any(
            text in line.text and line.text.strip() != text and line.reason != "byline"
            for line in lines
        )
        if lowered[-1] in _MASTHEAD_WORDS or elsewhere:
            return text
    return None
