"""Speaker phrases and reporting verbs: the lexicons and one canonical name per speaker.

Owns reading the reporting-verb and speaker word lists (``framediff/data/lexicon.json``)
and ``canonical_speaker``: "Russia's Foreign Ministry", "Moscow's foreign ministry" ->
"Russian Foreign Ministry". Finding speakers in sentences is ``attribution``'s job;
resolving "he" or "the ministry" across sentences is ``sentences``'.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from framediff.gazetteer import DATA_DIR, country_adjective, country_of, gazetteer
from framediff.text import fold_punctuation, squash_spaces

# Reporting verbs whose final consonant doubles: "slammed", "admitted".
_DOUBLING = frozenset({"slam", "admit", "rebut", "scoff"} - {"scoff"})


def _inflections(lemma: str) -> list[str]:
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        third, past = head[:-1] + "ies", head[:-1] + "ied"
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        third, past = head + "es", head + "ed"
    elif head.endswith("e"):
        third, past = head + "s", head + "d"
    else:
        third, past = head + "s", head + "ed"
    if head in _DOUBLING:
        past = head + head[-1] + "ed"
        gerund = head + head[-1] + "ing"
    elif head.endswith("e") and not head.endswith("ee"):
        gerund = head[:-1] + "ing"
    else:
        gerund = head + "ing"
    return [w + tail for w in (head, third, past, gerund)]


@dataclass(frozen=True)
class VerbLexicon:
    """Every form of every reporting verb -> (lemma, connotation class)."""

    forms: dict[str, tuple[str, str]]
    multiword: re.Pattern[str]  # "pointed out", "made clear"


@cache
def verb_lexicon() -> VerbLexicon:
    raw = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))
    irregular: dict[str, list[str]] = raw["irregular_forms"]
    forms: dict[str, tuple[str, str]] = {}
    for connotation, lemmas in raw["reporting_verbs"].items():
        for lemma in lemmas:
            for form in [lemma, *irregular.get(lemma, _inflections(lemma))]:
                forms.setdefault(form, (lemma, connotation))
    multi = sorted((f for f in forms if " " in f), key=len, reverse=True)
    pattern = re.compile(r"\b(?:{})\b".format("|".join(re.escape(f) for f in multi)))
    return VerbLexicon(forms, pattern)


def verb_lemma(verb: str) -> str | None:
    """The lemma of a reporting-verb form ("insisted" -> "insist"), else None."""
    entry = verb_lexicon().forms.get(squash_spaces(verb.lower()))
    return entry[0] if entry else None


# --- speaker normalisation ----------------------------------------------------


def _speaker_lexicon() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))
    return raw


_RAW = _speaker_lexicon()
_W = {key: frozenset(values) for key, values in _RAW["speaker_words"].items()}
# Words that name a document rather than its author: "the readout", "a statement".
DOC_NOUNS = _W["doc_nouns"]
PRONOUNS = _W["pronouns"]
# Role words for people: "the diplomat said" refers back to a person.
PERSON_ROLES = _W["person_roles"]
# Words naming someone by kinship ("his sister Paula", "mother, Claritha"), with plurals.
KIN_NOUNS = _W["kin_nouns"]
DETERMINERS = _W["determiners"]
_NUMBER_WORDS = _W["number_words"]
_SINGULAR: dict[str, str] = _RAW["speaker_singular"]
# Body names that mean one thing: "top diplomat" is the foreign minister.
_BODY_SYNONYMS: dict[str, str] = _RAW["speaker_synonyms"]
# Head nouns of a body or a person speaking ("officials", "spokesman", "police"), as listed.
BODY_HEAD_NOUNS = _W["body_heads"]
# Words before such a head ("foreign", "senior"), as listed.
BODY_MODIFIERS = _W["body_modifiers"]
# Lowercase words that may sit inside a speaker phrase ("the Russian foreign ministry").
BODY_HEADS = BODY_HEAD_NOUNS | DOC_NOUNS | frozenset(_SINGULAR)
BODY_WORDS = BODY_HEADS | BODY_MODIFIERS
_TITLE_WORDS = _W["title_words"]
TITLE_WORDS = _TITLE_WORDS
# Words between a speaker and its verb: "Lavrov also said", "Putin has sometimes described".
ADVERBS = _W["adverbs"]
# Verbs that report speech whatever follows ("emphasized the importance of ...").
ALWAYS_SPEECH = _W["always_speech"]
# Verbs whose speaker may follow them: '"...," said Lavrov'.
INVERTING = _W["inverting"]
# Spelling and gender variants inside a body name: "government spokesman".
_WORD_SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "defense": "defence",
    "organization": "organisation",
}
# "the group", "the agency": an organisation named earlier.
GENERIC_ORG_NOUNS = _W["generic_org_nouns"]
# "both leaders", "the two ministers": several people named earlier.
PLURAL_MARKERS = _W["plural_markers"]
# "China and Russia's", "Russia's and China's", "Russian and Chinese".
_CONJUNCTION_RE = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")


@dataclass(frozen=True)
class SpeakerParse:
    """A speaker phrase taken apart; ``kind`` tells ``speakers`` how to resolve it."""

    canonical: str
    kind: str  # person | body | government | document | pronoun | role | org | other
    countries: tuple[str, ...] = ()
    body: str = ""
    plural: bool = False  # "both leaders", "officials": never one person


def _title(words: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words.split())


def _strip(name: str) -> str:
    text = squash_spaces(fold_punctuation(name)).strip(" ,.;:\"'()")
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    text = " ".join(words)
    return re.sub(r"(?:'s|')$", "", text)


def _country_prefix(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading country references ("China and Russia's") -> (countries, remaining words)."""
    countries: list[str] = []
    rest = list(words)
    while rest:
        # Two-word countries first ("South Korea's", "United States").
        for size in (4, 3, 2, 1):
            if len(rest) >= size:
                country = country_of(" ".join(rest[:size]))
                if country:
                    countries.append(country)
                    rest = rest[size:]
                    break
        else:
            break
        if rest and rest[0].lower() in ("and", "&", ","):
            rest = rest[1:]
            continue
        break
    return countries, rest


def parse_speaker(name: str) -> SpeakerParse:
    """Take a speaker phrase apart: countries, body or person, and a canonical form.

    Several named speakers ("Presidents Vladimir Putin and Xi Jinping") are listed
    sorted and joined by " + ", like plural bodies ("China and Russia's foreign ministries").
    """
    single = _parse_one(name)
    if " and " not in name or single.kind == "body" or len(single.countries) > 1:
        return single
    parts = [_parse_one(part) for part in _AND_RE.split(_strip(name))]
    if len(parts) > 1 and all(p.kind in ("person", "org", "government") for p in parts):
        countries = tuple(c for p in parts for c in p.countries)
        names = sorted(dict.fromkeys(p.canonical for p in parts))
        kind = parts[0].kind if len({p.kind for p in parts}) == 1 else "other"
        return SpeakerParse(" + ".join(names), kind, countries)
    return single


# Between two named speakers: "Putin and Xi", "Lavrov & Wang".
_AND_RE = re.compile(r"\s+(?:and|&)\s+")


def _parse_one(name: str) -> SpeakerParse:
    text = _strip(name)
    lower = text.lower()
    if not text:
        return SpeakerParse("", "other")
    if lower in PRONOUNS:
        return SpeakerParse(lower, "pronoun")
    gaz = gazetteer()
    if text in gaz.person_alias:
        return SpeakerParse(gaz.person_alias[text], "person")
    for form in (text, f"The {text}"):
        if form in gaz.surfaces and gaz.surfaces[form][1] == "ORG":
            return SpeakerParse(gaz.surfaces[form][0], "org")  # "The Washington Post"
    first = text.split()[0] if text.split() else ""
    if (
        len(text.split()) > 1
        and first in gaz.country_of
        and gaz.surfaces.get(first, ("", ""))[1] == "COUNTRY"
        and first == country_of(first)
        and all(w[:1].isupper() and w not in _TITLE_WORDS for w in text.split()[1:])
    ):
        return SpeakerParse(text, "org")  # "France Telecom SA", "China Daily": a name
    words = text.replace(",", " , ").split()
    # "a Chinese foreign ministry readout", "X's statement": the document's author.
    is_document = bool(words) and words[-1] in DOC_NOUNS  # "Post" in a name is not a post
    if is_document:
        words = words[:-1]
    for index, word in enumerate(words):  # "readout from China's foreign ministry"
        if (
            word.lower() in DOC_NOUNS
            and index + 1 < len(words)
            and words[index + 1] in ("from", "by", "of")
        ):
            words = words[index + 2 :]
            is_document = True
            break
    words = [w for w in words if w.lower() not in DETERMINERS and w.lower() not in _NUMBER_WORDS]
    if len(words) >= 3 and words[-2] == "of" and country_of(words[-1]):
        words = [words[-1], *words[:-2]]  # "Ministry of Defense of Ukraine"
    countries, rest = _country_prefix(words)  # country_of reads possessives itself
    countries = list(dict.fromkeys(countries))
    owners = [i for i, w in enumerate(rest[:-1]) if re.search(r"(?:'s|s')$", w)]
    if owners and any(w[:1].isupper() and w not in _TITLE_WORDS for w in rest[owners[-1] + 1 :]):
        rest = rest[owners[-1] + 1 :]  # "SEACOM's Suveer Ramdhani", "Thaksin's lawyer Winyat"
    rest = [re.sub(r"(?:'s|')$", "", w) for w in rest if w != ","]
    # "a spokesperson for the firm": the generic organisation named earlier speaks.
    if len(rest) >= 3 and rest[-2] in ("for", "of", "at") and rest[-1].lower() in GENERIC_ORG_NOUNS:
        noun = rest[-1].lower()
        return SpeakerParse(_title(noun), "body", tuple(countries), noun)
    # Drop a place after the body: "embassy spokesperson in Islamabad".
    for i, w in enumerate(rest):
        if w in ("in", "at", "from") and i and rest[i - 1].lower() in BODY_HEADS:
            place = country_of(" ".join(rest[i + 1 :]))
            if not place and not countries:
                return SpeakerParse(text, "other")  # "analysts at Barclays"
            if place and not countries:
                countries = [place]  # "officials in Kyiv" speak for Ukraine
            rest = rest[:i]
            break
    tail: list[str] = []
    for i in range(len(rest) - 1, -1, -1):
        w = rest[i]
        if w == "and" and tail and i and rest[i - 1][:1].isupper():
            tail.insert(0, w)  # "Procter and Gamble"
            continue
        if not w[:1].isupper() or w in _TITLE_WORDS or w.lower() in BODY_WORDS:
            break
        tail.insert(0, w)
    if tail and tail[0] == "and":
        tail.pop(0)
    if tail:
        # A named person or organisation after any title or role: "Foreign Minister Wang Yi".
        person = " ".join(tail)
        if person in gaz.person_alias:
            return SpeakerParse(gaz.person_alias[person], "person", tuple(countries))
        if person in gaz.surfaces:
            canonical, entity_type = gaz.surfaces[person]
            return SpeakerParse(
                canonical, "org" if entity_type == "ORG" else "other", tuple(countries)
            )
        titled = len(tail) < len(rest)
        kind = "person" if titled or len(tail) in (2, 3) else "other"
        return SpeakerParse(person, kind, tuple(countries))
    body = " ".join(
        w if w.isupper() else _WORD_SYNONYMS.get(w.lower(), _SINGULAR.get(w.lower(), w.lower()))
        for w in rest
    )
    body = _BODY_SYNONYMS.get(body, body)
    if countries:
        if not body:
            return SpeakerParse(
                " + ".join(sorted(f"{country_adjective(c)} government" for c in countries)),
                "document" if is_document else "government",
                tuple(countries),
            )
        canonical = " + ".join(sorted(f"{country_adjective(c)} {_title(body)}" for c in countries))
        return SpeakerParse(canonical, "body", tuple(countries), body)
    if not body:
        # An authorless document keeps its noun: "the report said" -> "Report".
        noun = text.split()[-1].lower() if is_document and text else "statement"
        return SpeakerParse(_title(noun), "document")
    if body in gaz.surfaces:
        return SpeakerParse(gaz.surfaces[body][0], "org")
    if text in gaz.surfaces:
        return SpeakerParse(gaz.surfaces[text][0], "org")
    if not all(w in BODY_WORDS or w.isupper() for w in body.split()):
        return SpeakerParse(text, "other")
    last = body.split()[-1]
    plural_form = any(w.lower() in _SINGULAR for w in text.split())
    group = any(w in PLURAL_MARKERS for w in name.lower().split())
    # "both leaders" are people to resolve; "officials" are a body.
    one_role = last in PERSON_ROLES and len(body.split()) == 1
    if one_role and (group or not plural_form):
        return SpeakerParse(_title(body), "role", (), body, group)
    if last in BODY_HEADS or last in PERSON_ROLES:
        return SpeakerParse(_title(body), "body", (), body, plural_form)
    return SpeakerParse(text, "other")


def canonical_speaker(name: str) -> str:
    """One name for one speaker: "Russia's Foreign Ministry", "Moscow's foreign ministry"
    -> "Russian Foreign Ministry"; "China and Russia's foreign ministries" ->
    "Chinese Foreign Ministry + Russian Foreign Ministry"; "Sergei Lavrov" -> "Sergey Lavrov".
    """
    return parse_speaker(name).canonical


@cache
def _first_names() -> dict[str, str]:
    data = json.loads((DATA_DIR / "first_names.json").read_text(encoding="utf-8"))
    return {name: "f" for name in data["female"]} | {name: "m" for name in data["male"]}


def first_name_gender(name: str) -> str | None:
    """ "f" or "m" for a common first name (``framediff/data/first_names.json``), else None."""
    return _first_names().get(name.strip(".,"))
