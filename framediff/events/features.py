"""What one document says about *which* event it reports: a profile for event grouping.

Owns the per-document features (weighted content terms, names, places, dates, years)
read from the title and lead sentences more than from the tail. It compares nothing;
``framediff.events.grouping`` scores pairs of profiles and groups them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from framediff.clean.metadata import is_relative_stamp
from framediff.events.dates import (
    CLOCK_RE,
    RELATIVE_RE,
    full_dates,
    is_date_line,
    month_day,
    parse_iso,
    resolve_weekday,
)
from framediff.events.lexicon import known_place, lexicon
from framediff.model import Document
from framediff.text import fold_punctuation

# A word token after punctuation folding: "U.S.", "Lavrov's", "6.1", "1,000", "Russia-China".
_TOKEN_RE = re.compile(r"[^\W_]+(?:['.,\-][^\W_]+)*\.?", re.UNICODE)
# Runs of capitalised words joined by "of"/"de"/"-"/"'s": "Shanghai Cooperation Organization".
# Capitals of Latin (with accents), Greek and Cyrillic: "Álvaro", "Łukasz", "Лавров".
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-ЯЁ"
_NAME_RUN_RE = re.compile(
    rf"(?<![\w'])(?:[{_UPPER}][\w'.\-]*|[{_UPPER}]\.)"
    r"(?:\s+(?:(?:of|de|del|la|van|von|bin|al)\s+)?"
    rf"(?:[{_UPPER}][\w'.\-]*|[{_UPPER}]\.))*"
)
# A year on its own: "2022", "in 2013".
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A number that is not a year: "23", "6.1", "1,000".
_NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*$")
# A run of Chinese, Japanese or Korean characters: "智利北部", "地震".
_CJK_RUN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
# How much each position counts: the title and first sentence say what happened.
LEAD_SENTENCES = 3
TITLE_WEIGHT = 3.0
LEAD_WEIGHTS = (3.0, 2.0, 2.0)
TAIL_WEIGHT = 1.0
# How far into the body the event's weekday is looked for when the lead gives none.
WEEKDAY_SENTENCES = 15
# Sentences past this are ignored: long pages end in clutter, not in the event.
MAX_SENTENCES = 40


@dataclass(frozen=True)
class LeadSentence:
    """A sentence that states the event: which sentence, and its text."""

    index: int  # -1 for the title
    text: str


@dataclass(frozen=True)
class EventProfile:
    """Everything the grouper compares about one document."""

    id: str
    terms: dict[str, float]  # stemmed content word -> position-weighted count
    surfaces: dict[str, str]  # stemmed term -> a word form it came from (for frequency look-ups)
    language: str  # the article's language code ("en", "fr"; "und" when unknown)
    names: frozenset[str]  # lower-cased name tokens anywhere in the text
    lead_names: tuple[str, ...]  # capitalised name runs of the lead, in order
    places: tuple[str, ...]  # places named with a locative in the lead, in order
    reference_date: date | None  # published, else a date line at the top
    event_date: date | None  # explicit or weekday-resolved date the lead gives
    weekday: str | None  # the lead's weekday ("sunday"), resolved or not
    years: frozenset[int]  # years of the lead's explicit dates and the reference date
    lead: tuple[LeadSentence, ...]


@cache
def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet "earthquakes"/"earthquake", "killed"/"kills"."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: len(word) - len(suffix)] + keep
    return word


def name_runs(text: str) -> list[tuple[int, str]]:
    """Capitalised word runs with their offsets, minus calendar and function words."""
    lex = lexicon()
    runs = []
    for match in _NAME_RUN_RE.finditer(text):
        words = match[0].split()
        # Drop leading function words that are capitalised only because they open a sentence.
        while words and (words[0].lower() in lex.stopwords or words[0].lower() in lex.months):
            words = words[1:]
        while words and words[-1].lower() in lex.months:
            words = words[:-1]
        if not words or all(w.lower() in lex.weekdays for w in words):
            continue
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 4:
            continue  # a shouted dateline or heading word ("MOSCOW", "UPDATED")
        # A run may not cross a sentence end: "on Sunday. Lavrov" is two runs.
        for cut, word in enumerate(words[:-1]):
            if word.endswith(".") and len(word) > 4 and not word.isupper():
                words = words[: cut + 1]
                break
        words[-1] = words[-1].rstrip(".") if len(words[-1]) > 4 else words[-1]
        runs.append((match.start() + match[0].index(words[0]), " ".join(words)))
    return runs


def _seat_named(adjective: str) -> str | None:
    """The seat of government of the country an adjective names ("Chinese" -> Beijing)."""
    from framediff.gazetteer import country_of, seat_of

    country = country_of(adjective)
    return seat_of(country) if country else None


def _places(text: str) -> list[str]:
    """Places named after a locative word ("in Beijing", "visiting Moscow"), in order."""
    lex = lexicon()
    found = []
    for start, run in name_runs(text):
        before = text[max(0, start - 16) : start].lower().split()
        after_locative = bool(before) and before[-1] in lex.locatives
        # "in the Gulf of Aden", "at the Vatican"
        after_the = before[-2:] in (["in", "the"], ["at", "the"], ["near", "the"])
        if not (after_locative or after_the):
            continue
        head = before[-3 if after_the else -2 :][:1]
        if head and head[0].strip(",;:") in lex.non_site_heads:
            continue
        key = run.lower().removeprefix("the ").rstrip(".").removesuffix("'s")
        # "in the Chinese capital": the country's seat of government.
        if text[start + len(run) :].lower().startswith(" capital"):
            seat = _seat_named(run)
            key = seat.lower() if seat else key
        known = known_place(key)
        if known is not None:
            found.append(known)
    return found


def _terms(text: str, weight: float, into: dict[str, float], surfaces: dict[str, str]) -> None:
    lex = lexicon()
    text = CLOCK_RE.sub(" ", text)
    # Scripts written without spaces count by character pairs, and their runs are cut out
    # so the numbers and Latin names inside ("8.2级", "Iquique附近") stand alone.
    for run in _CJK_RUN_RE.findall(text):
        for k in range(max(1, len(run) - 1)):
            pair = run[k : k + 2]
            into[pair] = into.get(pair, 0.0) + weight
            surfaces.setdefault(pair, pair)
    text = _CJK_RUN_RE.sub(" ", text)
    for token in _TOKEN_RE.findall(text):
        token = token.rstrip(".").lower()
        if token.endswith("'s"):
            token = token[:-2]
        if _NUMBER_RE.match(token):
            if _YEAR_RE.fullmatch(token) or len(token) > 12:
                continue
            key = "#" + token.replace(",", "")
            surfaces.setdefault(key, token.replace(",", ""))
        else:
            if len(token) < 2 or token in lex.stopwords or token in lex.weekdays:
                continue
            if token in lex.months:
                continue
            key = _stem(token)
            surfaces.setdefault(key, token)
        into[key] = into.get(key, 0.0) + weight


def _event_weekday(text: str) -> str | None:
    """The first weekday of ``text`` that dates what happened: one right after a statement
    verb ("police said Friday", "said on Friday") or after telling the press ("told
    reporters Friday") dates the statement, not the event; telling someone ("Wang told
    Lavrov on Sunday") may well be the event."""
    lex = lexicon()
    lowered = text.lower()
    for found in re.finditer(r"\b(" + "|".join(lex.weekdays) + r")\b", lowered):
        before = _WORD_RE.findall(lowered[max(0, found.start() - _STATEMENT_REACH) : found.start()])
        if before and before[-1] == "on":
            before = before[:-1]
        if before and before[-1] in lex.statement_verbs:
            continue
        if (
            len(before) >= 2
            and before[-2] in ("told", "tells", "the")
            and (before[-1] in lex.statement_audiences)
        ):
            continue
        return found[1]
    return None


# Characters before a weekday within which its statement verb stands.
_STATEMENT_REACH = 40
_WORD_RE = re.compile(r"[\w'’-]+")


# Profiles kept for reuse: the grouping, the occurrence split and the different-event
# findings of one comparison each read every document's profile, which is made once; a
# corpus run profiles each article again only after this many others.
PROFILES_KEPT = 512


@lru_cache(maxsize=PROFILES_KEPT)
def profile_document(document: Document) -> EventProfile:
    """The event profile of one document: lead-weighted terms, names, places and dates
    (one profile per document, shared by every caller: read it, never change it)."""
    article = document.article
    lex = lexicon()
    sentences = [fold_punctuation(s.text) for s in document.sentences[:MAX_SENTENCES]]
    title = fold_punctuation(article.title) if article.title else None

    # 1. The reference date: the declared publication date, else a date line near the top.
    reference = parse_iso(article.published)
    if reference is None:
        # A date line the cleaner removed still dates the page.
        for removed in article.removed:
            stamp = is_relative_stamp(removed.text)
            if removed.reason in ("date-line", "byline", "dateline") and not stamp:
                dates = full_dates(fold_punctuation(removed.text))
                if dates:
                    reference = dates[0][1]
                    break
    header_lines = set()
    for position, text in enumerate(sentences[:6]):
        if is_relative_stamp(text):
            header_lines.add(position)
        elif is_date_line(text):
            header_lines.add(position)
            if reference is None:
                dates = full_dates(text)
                if dates:
                    reference = dates[0][1]

    # 2. The lead: title and the first sentences that are not date lines.
    lead: list[LeadSentence] = []
    if title:
        lead.append(LeadSentence(-1, title))
    body = [(i, t) for i, t in enumerate(sentences) if i not in header_lines]
    for index, text in body[:LEAD_SENTENCES]:
        if not lead or text.strip() != lead[-1].text.strip():
            lead.append(LeadSentence(index, text))

    # 3. Weighted terms.
    terms: dict[str, float] = {}
    surfaces: dict[str, str] = {}
    if title:
        _terms(title, TITLE_WEIGHT, terms, surfaces)
    for rank, (_, text) in enumerate(body):
        weight = LEAD_WEIGHTS[rank] if rank < len(LEAD_WEIGHTS) else TAIL_WEIGHT
        _terms(text, weight, terms, surfaces)

    # 4. Names, places, dates of the lead.
    names: set[str] = set()
    for _, text in body:
        for _, run in name_runs(text):
            names.update(w.lower().rstrip(".") for w in run.split() if len(w) > 1)
    if title:
        for _, run in name_runs(title):
            names.update(w.lower().rstrip(".") for w in run.split() if len(w) > 1)
    lead_text = " \n".join(item.text for item in lead)
    lead_names = tuple(run for _, run in name_runs(lead_text))
    places = tuple(_places(lead_text))

    event_date: date | None = None
    years: set[int] = set()
    explicit = full_dates(lead_text)
    if not explicit and article.dateline:
        # The dateline the cleaner took off the lead ("Johannesburg, 20 February 2025 -")
        # dates the event as the lead would have. Its place is where the report was filed,
        # which need not be where the event was, so it is not read for places.
        explicit = full_dates(fold_punctuation(article.dateline))
    if explicit:
        event_date = explicit[0][1]
        years.update(found.year for _, found in explicit)
    weekday = None
    # The first weekday the lead gives, else the first one the opening sentences give.
    for scope in (lead_text, " \n".join(text for _, text in body[:WEEKDAY_SENTENCES])):
        weekday = _event_weekday(scope)
        if weekday is not None:
            break
    if event_date is None and reference is not None:
        if weekday is not None:
            event_date = resolve_weekday(weekday, reference)
        else:
            relative = RELATIVE_RE.search(lead_text)
            if relative:
                shift = 1 if relative[1].lower() in ("yesterday", "last night") else 0
                event_date = reference - timedelta(days=shift)
            else:
                event_date = month_day(lead_text, reference)
    if event_date is not None and weekday is None:
        weekday = lex.weekdays[event_date.weekday()]
    if reference is not None:
        years.add(reference.year)
    if event_date is not None:
        years.add(event_date.year)

    return EventProfile(
        id=document.id,
        terms=terms,
        surfaces=surfaces,
        language=article.language or "und",
        names=frozenset(names),
        lead_names=lead_names,
        places=places,
        reference_date=reference,
        event_date=event_date,
        weekday=weekday,
        years=frozenset(years),
        lead=tuple(lead),
    )


@dataclass(frozen=True)
class EventFacts:
    """What a pair score reads of a profile besides its terms and names: small enough to
    keep for every article of a large corpus."""

    reference_date: date | None
    event_date: date | None
    weekday: str | None
    years: frozenset[int]
    places: tuple[str, ...]
    people: frozenset[str]  # surnames of the people the lead names
    actions: frozenset[str]  # kinds of event the lead names


def facts_of(profile: EventProfile) -> EventFacts:
    return EventFacts(
        reference_date=profile.reference_date,
        event_date=profile.event_date,
        weekday=profile.weekday,
        years=profile.years,
        places=profile.places,
        people=frozenset(name.split()[-1].lower() for name in participants(profile)),
        actions=frozenset(actions(profile)),
    )


def participants(profile: EventProfile) -> list[str]:
    """People the lead names, titles stripped ("Chinese President Xi Jinping" -> Xi Jinping)."""
    lex = lexicon()
    found: list[str] = []
    for run in profile.lead_names:
        words = [w.removesuffix("'s") for w in run.split()]
        while words and (
            words[0].lower() in lex.titles
            or words[0].lower() in lex.demonyms
            or known_place(words[0].lower()) is not None
        ):
            words = words[1:]
        if not 2 <= len(words) <= 3:
            continue
        lowered = [w.lower().rstrip(".") for w in words]
        if any(w in lex.org_words or w in lex.stopwords or w in lex.places for w in lowered):
            continue
        if any(not w[0].isupper() or (w.isupper() and len(w) > 2) for w in words):
            continue
        name = " ".join(words).rstrip(".")
        # "Lavrov" after "Sergey Lavrov" is the same person.
        if not any(name in known or known in name for known in found):
            found.append(name)
    return found


def actions(profile: EventProfile) -> list[str]:
    """Kinds of event the lead names, in order of first mention ("meeting", "phone call")."""
    table = lexicon().actions
    found: list[str] = []
    # Body sentences first: a headline often names what is coming ("ahead of a summit"),
    # the first sentence what happened.
    for item in sorted(profile.lead, key=lambda sentence: sentence.index < 0):
        for token in _TOKEN_RE.findall(item.text.lower()):
            kind = table.get(token.rstrip("."))
            if kind and kind not in found:
                found.append(kind)
    return found
