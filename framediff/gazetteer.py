"""The gazetteer both event grouping and sentence analysis read: countries with demonyms
and seats of government, organisations, people with transliterations and regions, and
the name word lists (``framediff/data/gazetteer.json``), read once. Finding names in a
sentence is ``sentences.entities``'s job, not this module's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from framediff.model import EntityType

# The package's data folder: word lists, lexicons and models kept as data.
DATA_DIR = Path(__file__).resolve().parent / "data"


def _name_words() -> dict[str, frozenset[str]]:
    raw = json.loads((DATA_DIR / "gazetteer.json").read_text(encoding="utf-8"))["name_words"]
    return {key: frozenset(values) for key, values in raw.items()}


NAME_WORDS = _name_words()
# Words that start many sentences or quotations: a capitalised word here is not a name.
COMMON_STARTERS = NAME_WORDS["common_starters"]
MONTHS = NAME_WORDS["months"]
WEEKDAYS = NAME_WORDS["weekdays"]
# Titles and role words: before a name they mark a person; alone they are no entity.
TITLES = NAME_WORDS["titles"]
ORG_WORDS = NAME_WORDS["org_words"]
PLACE_WORDS = NAME_WORDS["place_words"]
# Capitalised words that are not names: abbreviations ("TV", "GDP") and page furniture.
NOT_NAMES = NAME_WORDS["not_names"]
# Words that make a place of their own out of a country's name before it: "New England",
# "Little Italy", "Northern Ireland".
PLACE_MODIFIERS = NAME_WORDS["place_modifiers"]
# Head words of a state's own bodies: after a country ("the Chinese Embassy", "Russia's
# Parliament") the body is that state's, and the country stays named.
STATE_BODY_WORDS = NAME_WORDS["state_body_words"]
# Words a hyphen joins to a name to make an adjective of it: "New York-based",
# "Soviet-era", "JavaScript-related". The name ends before the hyphen.
ADJECTIVE_SUFFIXES = NAME_WORDS["adjective_suffixes"]
# Titles of two words whose first is no title of its own ("District Attorney", "Surgeon
# General"), as word tuples with abbreviations' full stops dropped ("Dist. Atty." ->
# ("Dist", "Atty")), the way a name's tokens are written.
MULTIWORD_TITLES = frozenset(
    tuple(word.rstrip(".") for word in title.split()) for title in NAME_WORDS["multiword_titles"]
)
# Lower-case words inside a person's or a place's name: "Bill de Blasio", "Ursula von der
# Leyen", "Plaza de Mayo".
NAME_PARTICLES = NAME_WORDS["name_particles"]
# Particles that are English words too ("the Ford van Martinez rented"): inside a name only
# after a known first name ("Vincent van Gogh") or before another particle ("van der").
WORD_PARTICLES = NAME_WORDS["word_particles"]
# Head words of an award, a contest or a series: a name ending on one names no body, though
# a body's word stands in it ("Academy Award", "American League Division Series").
EVENT_HEADS = NAME_WORDS["event_heads"]
# US states as AP style abbreviates them, each written with a dot ("Springfield, Mo.",
# "Sen. Bob Corker, R-Tenn.").
STATE_ABBREVIATIONS = frozenset(
    [
        *("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind"),
        *("Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb"),
        *("Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo"),
    ]
)
# Titles that are common surnames too: after a known first name, the surname ("Billy
# King", "John Major"); other titles stay titles ("The Virginia Governor").
TITLE_SURNAMES = frozenset(NAME_WORDS["title_surnames"])
POSSESSIVE_RE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class Gazetteer:
    """Surface form -> (canonical, type); country surfaces -> country; country -> adjective."""

    surfaces: dict[str, tuple[str, EntityType]]
    country_of: dict[str, str]
    adjective: dict[str, str]
    person_alias: dict[str, str]
    buckets: dict[str, list[str]]  # first two characters -> surfaces, longest first
    seat: dict[str, str]  # country -> its first seat of government
    demonyms: frozenset[str]  # the adjective surfaces: "American", "Finnish", "Russians"


# Where a gazetteer surface may start: a word start not inside "U.S." or "e.g.".
_WORD_START_RE = re.compile(r"(?<![\w.])\w")


def _buckets(surfaces: list[str]) -> dict[str, list[str]]:
    # Longest first so "United States of America" wins over "United States".
    buckets: dict[str, list[str]] = {}
    for surface in sorted(surfaces, key=len, reverse=True):
        buckets.setdefault(surface[:2], []).append(surface)
    return buckets


def match_surfaces(text: str, buckets: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Gazetteer surfaces in ``text``, longest first, with no word character on either
    side: "US" never matches inside "USSR", nor "Iran" inside "Iranian"."""
    found: list[tuple[int, int, str]] = []
    last_end = -1
    for start_match in _WORD_START_RE.finditer(text):
        start = start_match.start()
        if start < last_end:
            continue
        for surface in buckets.get(text[start : start + 2], ()):
            end = start + len(surface)
            if text.startswith(surface, start) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "_")
            ):
                found.append((start, end, surface))
                last_end = end
                break
    return found


# Words of bodies' names spelt two ways, British and American: a body is one body
# however its name is spelt ("Organisation for Security and Co-operation in Europe").
# Not "Defense" / "Defence": there the spelling tells the country ("Australia's
# Department of Defence" is no Pentagon).
_SPELT_TWO_WAYS = (
    ("Organization", "Organisation"),
    ("Co-operation", "Cooperation"),
    ("Center", "Centre"),
    ("Labor", "Labour"),
    ("Program", "Programme"),
)


def _spellings(form: str) -> list[str]:
    """``form`` and the forms with each of its two-way words spelt the other way."""
    forms = [form]
    for one, other in _SPELT_TWO_WAYS:
        for known in list(forms):
            words = known.split()
            for a, b in ((one, other), (other, one)):
                if a in words:
                    forms.append(" ".join(b if w == a else w for w in words))
    return list(dict.fromkeys(forms))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once from ``framediff/data/gazetteer.json``."""
    raw = json.loads((DATA_DIR / "gazetteer.json").read_text(encoding="utf-8"))
    surfaces: dict[str, tuple[str, EntityType]] = {}
    country_of: dict[str, str] = {}
    adjective: dict[str, str] = {}
    seat: dict[str, str] = {}
    demonyms: set[str] = set()

    def put(surface: str, canonical: str, kind: EntityType) -> None:
        if surface and surface not in surfaces:
            surfaces[surface] = (canonical, kind)

    for country in raw["countries"]:
        name = country["name"]
        adjective[name] = country["adjectives"][0] if country["adjectives"] else name
        if country["seats"]:
            seat[name] = country["seats"][0]
        forms = [name, *country["aliases"], *country["adjectives"], *country["seats"]]
        demonyms.update(country["adjectives"])
        for adj in country["adjectives"]:
            if adj.endswith(("n", "i")) and adj.upper() != adj:
                forms.append(adj + "s")  # demonym plural: "Russians", "Israelis"
                demonyms.add(adj + "s")
        for form in forms:
            put(form, name, "COUNTRY")
            country_of.setdefault(form, name)
            country_of.setdefault(form.lower(), name)
    for name, aliases in raw["organizations"].items():
        for form in (name, *aliases):
            for spelt in _spellings(form):
                put(spelt, name, "ORG")
    person_alias: dict[str, str] = {}
    for name, aliases in raw["people"].items():
        for form in (name, *aliases):
            put(form, name, "PERSON")
            person_alias[form] = name
    for name, aliases in raw["places"].items():
        for form in (name, *aliases, *raw["place_adjectives"].get(name, [])):
            put(form, name, "PLACE")
    return Gazetteer(
        surfaces,
        country_of,
        adjective,
        person_alias,
        _buckets(list(surfaces)),
        seat,
        frozenset(demonyms),
    )


def country_of(surface: str) -> str | None:
    """The country a name, demonym or seat of government refers to ("Moscow's" -> "Russia")."""
    gaz = gazetteer()
    word = POSSESSIVE_RE.sub("", surface.strip())
    return gaz.country_of.get(word) or gaz.country_of.get(word.lower())


def seat_of(country: str) -> str | None:
    """The first seat of government the gazetteer gives a country ("China" -> "Beijing")."""
    return gazetteer().seat.get(country)


def country_adjective(country: str) -> str:
    """The adjective used in canonical names: "Russia" -> "Russian", "United States" -> "US"."""
    return gazetteer().adjective.get(country, country)
