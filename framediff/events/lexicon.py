"""The word lists and gazetteer behind event grouping, read once from
``framediff/data/events_lexicon.json``, and the place logic built on them (which country a
place lies in, whether two places can be one site). No per-document work here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from framediff.gazetteer import DATA_DIR

_LEXICON_PATH = DATA_DIR / "events_lexicon.json"


@dataclass(frozen=True)
class Lexicon:
    stopwords: frozenset[str]
    weekdays: tuple[str, ...]
    stamp_words: frozenset[str]  # words of a time stamp line: "Last updated at 11:11 GMT"
    statement_verbs: frozenset[str]  # "police said Friday": the weekday dates the statement
    statement_audiences: frozenset[str]  # "told reporters Friday" (not "told Lavrov Sunday")
    months: dict[str, int]
    locatives: frozenset[str]
    non_site_heads: frozenset[str]  # "war in Ukraine" names a topic, not where the event was
    places: dict[str, str]
    regions: frozenset[str]  # gazetteer places that hold cities: states, provinces, islands
    titles: frozenset[str]  # words before a person's name: "Foreign Minister", "Gov."
    demonyms: frozenset[str]
    org_words: frozenset[str]  # words that make a name an organisation or a thing
    actions: dict[str, str]  # lead word -> the kind of event it names ("met" -> meeting)


@cache
def lexicon() -> Lexicon:
    data: dict[str, Any] = json.loads(_LEXICON_PATH.read_text(encoding="utf-8"))
    return Lexicon(
        stopwords=frozenset(data["stopwords"]),
        weekdays=tuple(data["weekdays"]),
        stamp_words=frozenset(data["stamp_words"]),
        statement_verbs=frozenset(data["statement_verbs"]),
        statement_audiences=frozenset(data["statement_audiences"]),
        months=dict(data["months"]),
        locatives=frozenset(data["locative_words"]),
        non_site_heads=frozenset(data["non_site_heads"]),
        places=dict(data["places"]),
        regions=frozenset(data["regions"]),
        titles=frozenset(data["titles"]),
        demonyms=frozenset(data["demonyms"]),
        org_words=frozenset(data["org_words"]),
        actions=dict(data["actions"]),
    )


def known_place(name: str) -> str | None:
    """The gazetteer's spelling of a place inside ``name`` ("Beijing's Great Hall" -> beijing)."""
    places = lexicon().places
    if name in places:
        return name
    words = name.split()
    for word_count in (3, 2, 1):
        for i in range(len(words) - word_count + 1):
            key = " ".join(words[i : i + word_count])
            if key in places:
                return key
    return None


def known_country(name: str) -> str | None:
    """The country a name is or lies in, where the gazetteer knows it ("Russia's" -> russia)."""
    key = name.lower().removesuffix("'s").strip()
    place = lexicon().places.get(key)
    return place


def place_country(place: str) -> str:
    """The country a gazetteer place lies in."""
    return lexicon().places.get(place, place)


def places_conflict(a: str, b: str) -> bool:
    """Whether two gazetteer places cannot be one site: other countries, or two different
    places inside one country ("Beijing" and "China" agree; "Beijing" and "Moscow" do not)."""
    country_a, country_b = place_country(a), place_country(b)
    if country_a != country_b:
        return True
    regions = lexicon().regions
    # Without a city-to-region table, a region and a city of one country may be one site.
    if a in regions and b in regions:
        return a != b
    if a in regions or b in regions:
        return False
    return a != b and a != country_a and b != country_b
