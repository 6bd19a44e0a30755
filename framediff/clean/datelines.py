"""Datelines: the place, date and agency that open a wire story's lead ("MOSCOW (Reuters)
--", "Guwahati (Assam) [India], January 6 (ANI):", "MOSCOW, June 26. /TASS/.", "BEIJING:",
"新华社北京7月13日电"), split off the paragraph they open. Which paragraph to try and what
to do with the agency belong to ``text_page`` and ``metadata``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from framediff.clean.metadata import known_outlets

# A dateline opening a paragraph: "MOSCOW (Reuters) --", "THE HAGUE (AFP) —",
# "ATLANTA (AP) —", "WASHINGTON —", "Beijing, July 13 (Reuters) -", "Madrid, 5 jun (EFE).-",
# "BOLOGNA, Italy (AP) —", "KANSAS CITY, Mo. (AP) —" (a region or country after the place).
_DATELINE_RE = re.compile(
    r"^(?P<dateline>(?P<place>[A-Z][A-Z .'’/-]{1,40}[A-Z]|[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3})"
    r"(?:,\s*[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}(?=\s*(?:\(|--|—|–|-\s)))?"
    r"(?:,\s*(?:[A-Z][\w.]+\.?\s*\d{1,2}|\d{1,2}\s+[^\W\d_]{3,10}\.?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?\.?\s*(?:--|—|–|-)\s*)(?=\S)"
)
# An agency dateline in the forms wire copy is reprinted in: "Guwahati (Assam) [India],
# January 6 (ANI): ...", "Chandigarh, Feb 20 (IANS) Haryana's ...", "Aug 18 (Reuters) -
# ...", "(VOVWORLD) -The ...", "DHAKA/NEW DELHI (Reuters) – ...": a place (with a region in
# parentheses or a country in brackets) or a date or neither, then the agency in
# parentheses, then a dash, a colon or nothing. A known agency may stand without a dash.
_PLACE = r"[A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){0,3}"
_DAY = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?\s+\d{4})?"
)
_AGENCY_DATELINE_RE = re.compile(
    rf"^(?P<dateline>(?:(?P<place>{_PLACE})(?:\s*\([^()]{{2,30}}\))?(?:\s*\[[^\]]{{2,30}}\])?"
    rf"(?:,\s*{_DAY})?\s*|{_DAY}\s*)?\((?P<agency>[A-Za-z][\w .&/-]{{0,30}})\)"
    r"\s*(?P<mark>::?|--|—|–|-)?\s*)(?=[A-Z\"“‘'])"
)
# An English dateline of a Russian agency: "MOSCOW, June 26. /TASS/. ..."
_SLASHED_AGENCY_RE = re.compile(
    rf"^(?P<dateline>(?P<place>[A-Z][A-Z .'’-]{{1,30}}[A-Z]),\s*{_DAY}\.\s*"
    r"/(?P<agency>[A-Za-z][\w .-]{1,20})/\.?\s+)(?=\S)"
)
# A place and a colon opening the lead: "BEIJING: Two people ...", "New Delhi: The ...".
_COLON_DATELINE_RE = re.compile(
    r"^(?P<dateline>(?P<place>[A-Z][\w'’. -]{1,30}?)\s*:\s+)(?=[A-Z\"“])"
)
# The dash closing a dateline with no agency: after a space, or doubled ("WASHINGTON--").
_SPACED_DASH_RE = re.compile(r"(?:\s(?:--|—|–|-)|--)$")
# Capitalised labels that open a line with a colon and are no place.
_NOT_PLACES = frozenset(
    [
        *("update", "updated", "watch", "listen", "breaking", "exclusive", "analysis"),
        *("opinion", "editorial", "note", "photos", "photo", "video", "live", "read"),
        *("related", "correction", "clarification", "disclaimer", "warning", "source"),
        *("background", "factbox", "explainer", "comment", "review", "interview", "editor"),
    ]
)
# A place written in capitals ("WASHINGTON", "THE HAGUE"): a dateline without an agency.
_CAPS_PLACE_RE = re.compile(r"^[A-Z][A-Z .'’-]+$")
# A Russian agency dateline: МОСКВА, 13 июля. /ТАСС/. · МОСКВА, 13 июл - РИА Новости.
_SLASH_DATELINE_RE = re.compile(
    r"^(?P<dateline>[A-ZА-ЯЁ][A-ZА-ЯЁ -]{1,30},\s*\d{1,2}\s+[^\W\d_]{3,10}\.?\s*"
    r"(?:/(?P<agency>[^/]{2,30})/|[-–—]\s*(?P<agency2>[^\W\d_][\w ]{1,30}?))\.?\s+)(?=\S)"
)
# A Japanese dateline: 【北京＝共同】 / 【ワシントン=時事】
_BRACKET_DATELINE_RE = re.compile(
    r"^(?P<dateline>【[^＝=】]{1,12}[＝=](?P<agency>[^】]{1,12})】\s*)(?=\S)"
)
# A Chinese dateline: 新华社北京7月13日电 / 中新社莫斯科7月13日电（记者 王某）
_CJK_DATELINE_RE = re.compile(
    r"^(?P<dateline>(?P<agency>[\u4e00-\u9fff]{1,6}社)[\u4e00-\u9fff]{1,8}\d{1,2}月\d{1,2}日电"
    r"(?:（[^）]{0,30}）)?\s*)(?=\S)"
)


def split_dateline(paragraph: str) -> tuple[str, str | None, str] | None:
    """``(dateline, agency or None, rest)`` when ``paragraph`` opens with a dateline."""
    match = _CJK_DATELINE_RE.match(paragraph) or _BRACKET_DATELINE_RE.match(paragraph)
    if match:
        return match.group("dateline").strip(), match.group("agency"), paragraph[match.end() :]
    match = _SLASH_DATELINE_RE.match(paragraph)
    if match:
        agency = match.group("agency") or match.group("agency2")
        return match.group("dateline").strip(), agency.strip(), paragraph[match.end() :]
    match = _SLASHED_AGENCY_RE.match(paragraph)
    if match:
        return (
            match.group("dateline").strip(),
            match.group("agency").strip(),
            paragraph[match.end() :],
        )
    match = _AGENCY_DATELINE_RE.match(paragraph)
    if match and (match.group("place") is None or len(match.group("place").split()) <= 4):
        agency = match.group("agency").strip()
        known = _is_agency(agency)
        if match.group("mark") or known:
            # "(SAN FRANCISCO) — ...": a place in parentheses, not an agency. An unknown
            # agency is one word ("(VOVWORLD) -", "(KGO) --").
            named = agency if known or " " not in agency else None
            return match.group("dateline").strip(), named, paragraph[match.end() :]
    match = _COLON_DATELINE_RE.match(paragraph)
    rest = paragraph[match.end() :] if match else ""
    if match and _is_dateline_place(match.group("place")) and opens_sentence(rest):
        return match.group("dateline").strip(), None, rest
    match = _DATELINE_RE.match(paragraph)
    if not match:
        return None
    place, agency = match.group("place"), match.group("agency")
    rest = paragraph[match.end() :]
    # "CORRECTED-RPT-U.S. companies ...": a dash glued to the word before it is a
    # hyphen, not the dash after a dateline.
    if agency is None and not _SPACED_DASH_RE.search(match.group("dateline").rstrip()):
        return None
    # Without an agency, only an all-caps place or a capital or country the gazetteer
    # knows is a dateline ("WASHINGTON —", "Pretoria -"), and
    # what follows must start a sentence.
    if agency is None and not (_CAPS_PLACE_RE.match(place) or place in known_places()):
        return None
    if not rest[:1].isupper() and rest[:1] not in "\"“'‘":
        return None
    if len(place.split()) > 4:
        return None
    return match.group("dateline").strip(), agency.strip() if agency else None, rest


def opens_sentence(text: str) -> bool:
    """``text`` reads as the start of a lead sentence rather than the rest of a headline:
    it ends like a sentence, or runs long ("Two people were killed when ...")."""
    words = text.split()
    if not words:
        return False
    if sum(1 for w in words[1:] if w[:1].isupper()) >= 0.75 * max(1, len(words) - 1):
        return False  # Title Case or capitals: a headline
    return text.rstrip()[-1:] in '.!?"”’' or len(words) >= 12


def _is_agency(name: str) -> bool:
    """A news agency or outlet framediff knows by name ("IANS", "Reuters")."""
    return name.strip().casefold() in known_outlets()


def _is_dateline_place(place: str) -> bool:
    """A place a lead can open with before a colon: a capitalised place ("BEIJING") or a
    capital or country the gazetteer knows ("New Delhi"), never a label ("UPDATE")."""
    words = place.split()
    if not words or len(words) > 3 or any(w.lower().strip(".") in _NOT_PLACES for w in words):
        return False
    if _CAPS_PLACE_RE.match(place) and len(place) >= 3:
        return True
    return place in known_places()


@cache
def known_places() -> frozenset[str]:
    """Countries and seats of government in the gazetteer (framediff/data/gazetteer.json)."""
    import json

    raw = resources.files("framediff").joinpath("data/gazetteer.json").read_text("utf-8")
    countries = json.loads(raw)["countries"]
    return frozenset(name for country in countries for name in [country["name"], *country["seats"]])
