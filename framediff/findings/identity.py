"""Who a speaker phrase names, and whether two phrases name one speaker: keys of
identifying words ("Russian President Vladimir Putin" -> vladimir, putin), acronyms,
countries, police spokespeople, pronouns and plain descriptions ("the company") that point
back to someone named elsewhere. The cross-source findings live in ``attribution``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from framediff.findings.cues import (
    ANAPHORIC_NOUNS,
    ARTICLES,
    INSTITUTION_NOUNS,
    NEWS_OUTLETS,
    POLICE_TITLES,
    SPEAKER_STOP,
    SPEAKER_TITLES,
)
from framediff.gazetteer import ORG_WORDS, country_of
from framediff.scoring.spelling import fold_variant
from framediff.sentences.speakers import KIN_NOUNS
from framediff.text import singular

# A name word of this many letters or more written with one letter added, dropped or
# changed (not the first) is the same word misspelt ("Milliote" / "Miliote", "Teixeira" /
# "Texeira"); shorter words a letter apart are other names ("Iran" / "Iraq").
MISSPELT_MIN_LETTERS = 7
# An acronym written with dots ("N.R.C.", "U.N."): read as one word ("NRC"), so that it
# matches its spelled-out name as "NRC" does.
_DOTTED_ACRONYM_RE = re.compile(r"\b(?:[A-Z]\.){2,}")
# Between the words of a name: spaces, hyphens, dashes.
_NAME_SPLIT_RE = re.compile(r"[\s\-\u2010-\u2015]+")

# Splits "Chinese Foreign Ministry + Russian Foreign Ministry" or "Lavrov and Wang" into
# speakers; commas stay, since "the chief mediator, Amara Diallo" is one speaker.
_AND_RE = re.compile(r"\s+(?:and|&)\s+|\s*\+\s*")


# A speaker word: letters with inner hyphens or apostrophes ("Russia's" -> "russia").
SPEAKER_WORD_RE = re.compile(r"[A-Za-z][\w\-]*")


@dataclass(frozen=True)
class Speaker:
    display: str
    key: frozenset[str]
    resolved: str = ""  # whom the analysers resolved the phrase to, where they did
    # Every phrase the speaker's own article names them by ("Finance Minister Laura Meyer",
    # "Meyer"): what they are, where one sentence only gives a surname.
    known_as: tuple[str, ...] = ()


def _country_key(word: str) -> str:
    """Map "Russian", "Moscow", "Russia's" to one country name where the gazetteer knows it."""
    country = country_of(word) or country_of(word.capitalize())
    return country.lower() if country else fold_variant(word.lower())


def _stem(word: str) -> str:
    return singular(word.lower().removesuffix("'s").removesuffix("’s"))


@lru_cache(maxsize=8192)
def without_accents(text: str) -> str:
    """``text`` with accents taken off its letters ("José Álvarez" -> "Jose Alvarez")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _same_word(x: str, y: str) -> bool:
    """Two lower-case name words that are one: accents aside, British or American spelling
    ("Centre" / "Center"), or one letter misspelt."""
    if x == y or fold_variant(x) == fold_variant(y):
        return True
    if x[:1] != y[:1] or max(len(x), len(y)) < MISSPELT_MIN_LETTERS or abs(len(x) - len(y)) > 1:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(x, y, score_cutoff=1) <= 1


def same_name(a: str, b: str) -> bool:
    """Two names that are one name written two ways: the same words once accents, case and
    hyphens are set aside ("Iran-Nejad" / "Iran Nejad"), each a word of the other or that
    word misspelt by one letter (``MISSPELT_MIN_LETTERS``)."""
    words_a, words_b = _name_words(a), _name_words(b)
    if len(words_a) != len(words_b):
        # "Jumaane D. Williams" / "Jumaane Williams": a middle initial one outlet writes.
        longer, shorter = (words_a, words_b) if len(words_a) > len(words_b) else (words_b, words_a)
        if any(_INITIAL_RE.fullmatch(w) for w in shorter):
            return False  # "George H.W. Bush" / "George W. Bush": two people
        inner = [
            w
            for k, w in enumerate(longer)
            if not (0 < k < len(longer) - 1 and _INITIAL_RE.fullmatch(w))
        ]
        words_a, words_b = tuple(inner), shorter
        if len(words_a) != len(words_b) or len(words_b) < 2:
            return False
    return all(_same_word(x, y) for x, y in zip(words_a, words_b, strict=True))


# A middle initial as a name's word: "d.", "h.w.".
_INITIAL_RE = re.compile(r"(?:[a-z]\.)+")


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    """A name's words without accents, case or hyphens (memoised: a comparison's names are
    compared with one another many times)."""
    return tuple(_NAME_SPLIT_RE.split(without_accents(name).lower().strip()))


def speaker_keys(phrase: str) -> list[frozenset[str]]:
    """One key (a set of identifying words) per speaker the phrase names."""
    keys = []
    phrase = _DOTTED_ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), without_accents(phrase))
    for part in _AND_RE.split(phrase):
        words = _without_title(
            [w.removesuffix("'s").removesuffix("’s") for w in SPEAKER_WORD_RE.findall(part)]
        )
        key = frozenset(_key_word(w) for w in words if w.lower() not in SPEAKER_STOP)
        if key:
            keys.append(key)
    return keys


def _without_title(words: list[str]) -> list[str]:
    """A person's name without the titles and nationality before it ("Russian President
    Vladimir Putin" -> "Vladimir Putin"); an institution ("Russian Foreign Ministry") or a
    title alone ("the president") is kept whole."""
    start = 1 if words and words[0].lower() in ARTICLES else 0
    cut = start
    while cut < len(words) and (
        words[cut].lower().strip(".") in SPEAKER_TITLES or is_country(words[cut])
    ):
        cut += 1
    rest = words[cut:]
    if cut == start or not rest or not all(w[:1].isupper() for w in rest):
        return words
    if any(w.lower() in INSTITUTION_NOUNS or is_country(w) for w in rest):
        return words
    return rest


def _key_word(word: str) -> str:
    """A word of a speaker key: lowercased and stemmed, a country's name for its adjective
    or capital, and an acronym kept in capitals so that ``compatible`` can spell it out."""
    if not word[:1].isupper():
        return fold_variant(_stem(word))
    key = _country_key(_stem(word))
    if word.isupper() and word.isalpha() and 2 <= len(word) <= 6 and key == word.lower():
        return word
    return key


def _spelled_out(key: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """``key`` with each acronym replaced by the words of ``other`` it abbreviates: the
    same letters ("NATO" / "Nato"), or as many words whose initials are its letters ("CHP"
    / "California Highway Patrol"); an acronym with neither stays, lowercased."""
    lowered = {word.lower() for word in other}
    out: set[str] = set()
    for word in key:
        if not word.isupper():
            out.add(word)
            continue
        letters = word.lower()
        initials = [w for w in lowered if w[:1] in letters and w != letters]
        if letters not in lowered and sorted(w[0] for w in initials) == sorted(letters):
            out.update(initials)
        else:
            out.add(letters)
    return frozenset(out)


def _respelled(key: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """``key`` with each word ``other`` writes with one letter more, less or changed
    replaced by ``other``'s spelling ("miliote" for "milliote")."""
    missing = key - other
    if not missing:
        return key
    extra = other - key
    out = set(key)
    for word in missing:
        match = next((w for w in sorted(extra) if _same_word(word, w)), None)
        if match is not None:
            out.discard(word)
            out.add(match)
    return frozenset(out)


def is_country(word: str) -> bool:
    return country_of(word.capitalize()) is not None or country_of(word.upper()) is not None


def compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two speaker keys name the same speaker: equal, or one refines the other
    ("Reyes" / "fire chief Anna Reyes", "Moscow" / "Russia's foreign ministry") without
    adding another country. An acronym matches the words it abbreviates ("the CHP" / "the
    California Highway Patrol")."""
    a, b = _spelled_out(a, b), _spelled_out(b, a)
    a = _respelled(a, b)  # one side takes the other's spelling
    if a == b:
        return True
    # A police spokesperson speaks for any police force named in the comparison
    # ("Constable Tim Fanning" / "Vancouver police").
    if (POLICE_KEY in a and ({"police", POLICE_KEY} & b)) or (POLICE_KEY in b and "police" in a):
        return True
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small <= large:
        return False
    return not any(is_country(word) for word in large - small)


def is_outlet(phrase: str) -> bool:
    return bool(NEWS_OUTLETS.intersection(w.lower().strip(".,'’") for w in phrase.split()))


# Marks a speaker key as a police spokesperson's (never a word of any phrase).
POLICE_KEY = "@police"


def is_police(phrase: str) -> bool:
    return bool(POLICE_TITLES.intersection(w.lower().rstrip(".") for w in phrase.split()))


def police_keys(keys: list[frozenset[str]], police: bool) -> list[frozenset[str]]:
    """Speaker keys marked as a police spokesperson's when ``police`` (an empty key, a
    speaker with no identifying word, stays empty)."""
    return [key | {POLICE_KEY} if police and key else key for key in keys]


# Speakers named only by a pronoun ("she said"): who they are is a guess at best (the
# analysers resolve a pronoun to the latest fitting person, who may be the wrong one), so
# they never differ from a named speaker.
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "one"])


def _named(speaker: Speaker) -> bool:
    return not speaker.key <= _PRONOUNS and speaker.display.lower() not in _PRONOUNS


def _vague_description(speaker: Speaker) -> bool:
    """ "the company", "the ministry": a bare description pointing back to an organisation
    named elsewhere, left unresolved or resolved to a person ("the company" -> an official
    quoted earlier). It may be any organisation the other source names ("Jeju Air"), so it
    differs only from another description ("police", "the army"). A description with its
    own words ("the interior ministry", "the plant's owner") names its body."""
    words = speaker.display.split()
    # "the company", or with a nationality, "the French firm" (not "the defence ministry",
    # whose own word names its body).
    if len(words) not in (2, 3) or words[0].lower() not in ARTICLES:
        return False
    if len(words) == 3 and not is_country(words[1]):
        return False
    head = words[-1].lower()
    if head not in ANAPHORIC_NOUNS and _stem(head) not in ANAPHORIC_NOUNS:
        return False
    resolved = [
        w.lower() for w in SPEAKER_WORD_RE.findall(speaker.resolved) if w.lower() not in ARTICLES
    ]
    if not resolved or resolved == [head] or resolved == [w.lower() for w in words[1:]]:
        return True  # left unresolved, or "resolved" to its own words ("French Firm")
    return any(w in _PERSON_ROLES or w in SPEAKER_TITLES for w in resolved)


# Words that make a resolved speaker a person, not an organisation.
_PERSON_ROLES = frozenset(
    [
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "executive",
        "worker",
        "witness",
        "resident",
        "source",
        "sources",
    ]
)


def _proper(speaker: Speaker) -> bool:
    """Named with a capitalised name ("Jeju Air", "Velto"), not a description."""
    return any(word[:1].isupper() for word in speaker.display.split()[1:]) or (
        speaker.display[:1].isupper() and speaker.display.split()[0].lower() != "the"
    )


def _same_speaker(x: Speaker, y: Speaker) -> bool:
    if compatible(x.key, y.key):
        return True
    return (_vague_description(x) and _names_a_body(y)) or (
        _vague_description(y) and _names_a_body(x)
    )


def _names_a_body(speaker: Speaker) -> bool:
    """What a bare description ("the company") may point back to: a name, written or
    resolved ("The company" the article resolved to France Telecom)."""
    return _proper(speaker) or bool(_named_words(speaker))


def _compared(speakers: list[Speaker]) -> list[Speaker]:
    """The speakers that can make a shift: named, and not a news outlet, which relays a
    claim rather than makes it ("Lavrov disclosed plans ..., as reported by the TASS news
    agency" / "Lavrov said")."""
    return [x for x in speakers if _named(x) and not is_outlet(x.display)]


# Words of the authorities that handle an incident: police, prosecutors, investigators and
# their officers speak for one inquiry, so crediting one rather than another is no shift
# ("police" / "the NYPD" / "DA spokesman Miliote" / "investigators").
_LAW_ENFORCEMENT = frozenset(
    [
        "police",
        "nypd",
        "lapd",
        "chp",
        "sheriff",
        "deputies",
        "prosecutor",
        "prosecutors",
        "prosecution",
        "da",
        "investigators",
        "investigator",
        "detectives",
        "officers",
        "officer",
        "patrol",
        "troopers",
        "cops",
        "coroner",
        "examiner",
    ]
)
# Speakers so general they may be anyone the other source names: "officials", "sources",
# "authorities", "experts", "residents".
_ANYONE = frozenset(
    ["officials", "official", "authorities", "sources", "source", "experts", "people", "residents"]
)
# Words that make a name an organisation's rather than a person's.
_ORGANISATION_WORDS = frozenset(w.lower().rstrip(".") for w in ORG_WORDS) | INSTITUTION_NOUNS
# Nouns that describe a person by role ("a witness", "the chairman", "the rector") or by
# kinship ("his grandson", the lexicon's kin nouns): two different roles are two people; a
# role and a name may be one.
_ROLE_NOUNS = _PERSON_ROLES | KIN_NOUNS | frozenset(
    [
        "chairman", "chairwoman", "director", "chief", "head", "manager", "lawyer", "attorney",
        "rector", "president", "mayor", "governor", "minister", "leader", "secretary",
        "senator", "representative", "ambassador", "envoy", "judge", "sheriff", "commander",
        "captain", "general", "premier", "chancellor", "ceo", "deputy", "founder", "owner",
        "coach", "teacher", "student", "doctor", "nurse", "survivor", "survivors", "analyst",
        "analysts", "economist", "economists", "neighbour", "neighbor", "friend", "relative",
        "comedian", "actor", "actress", "singer", "star", "host", "writer", "author",
        "producer", "player", "quarterback", "pitcher", "businessman", "businesswoman",
        "candidate", "nominee", "victim", "suspect", "spokesman", "spokeswoman",
    ]
)  # fmt: skip
# Words by which a person speaks for an organisation ("a company spokesman", "officials").
_SPEAKS_FOR_WORDS = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
     "representatives", "official", "officials", "executive", "executives", "press"]
)  # fmt: skip


def _words_of(speaker: Speaker) -> set[str]:
    """The speaker's words, lowercased, a title's abbreviation with its full form too
    ("Gov." is a governor) and a role in the plural with its singular ("witnesses")."""
    text = " ".join((speaker.display, speaker.resolved, *speaker.known_as))
    words = {w.lower() for w in SPEAKER_WORD_RE.findall(text)}
    forms = [_TITLE_FORMS.get(w.rstrip(".")) for w in words] + [_role_singular(w) for w in words]
    return words | {form for form in forms if form}


def _role_singular(word: str) -> str | None:
    """The role a plural names ("witnesses" -> "witness", "neighbours" -> "neighbour")."""
    for suffix in ("es", "s"):
        if word.endswith(suffix) and word[: -len(suffix)] in _ROLE_NOUNS:
            return word[: -len(suffix)]
    return None


# Abbreviated titles and the role each stands for.
_TITLE_FORMS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "gen": "general", "lt": "lieutenant", "capt": "captain", "col": "colonel",
    "maj": "major", "adm": "admiral", "sgt": "sergeant", "supt": "superintendent",
    "insp": "inspector", "atty": "attorney",
}  # fmt: skip
# Offices that speak for a national government (its seat: "the Kremlin", "Downing Street").
_GOVERNMENT_OFFICES = frozenset(
    ["president", "prime", "premier", "chancellor", "minister", "secretary", "ambassador",
     "envoy", "spokesman", "spokeswoman", "spokesperson", "king", "queen"]
)  # fmt: skip


def _countries(speaker: Speaker) -> set[str]:
    """The countries the speaker's words name ("Russian", "U.S.", "Britain")."""
    text = " ".join((speaker.display, speaker.resolved, *speaker.known_as))
    found = (country_of(w) for w in SPEAKER_WORD_RE.findall(text))
    return {country for country in found if country}


def _holds_office_of(person: Speaker, body: Speaker) -> bool:
    """The person holds an office of the government the body is ("President Vladimir
    Putin" and "the Kremlin", resolved to the Russian government), unless the person is
    tied to another country ("U.S. President Joe Biden")."""
    if "government" not in body.key or not _words_of(person) & _GOVERNMENT_OFFICES:
        return False
    theirs = _countries(person)
    return not theirs or bool(theirs & _countries(body))


def _law_enforcement(speaker: Speaker) -> bool:
    text = " ".join((speaker.display, speaker.resolved, *speaker.known_as)).lower()
    return (
        is_police(speaker.display)
        or bool(_words_of(speaker) & _LAW_ENFORCEMENT)
        or "district attorney" in text
    )


def _organisation(speaker: Speaker) -> bool:
    """A body, not a person: an acronym or a body's word, unless the phrase ends on a
    person's role ("the association's director" is a person)."""
    shown = SPEAKER_WORD_RE.findall(speaker.display)
    if shown and shown[-1].lower() in _ROLE_NOUNS:
        return False
    acronym = any(w.isupper() and len(w) > 1 for w in speaker.display.split())
    words = {w.lower() for w in SPEAKER_WORD_RE.findall(f"{speaker.display} {speaker.resolved}")}
    return acronym or bool(words & _ORGANISATION_WORDS)


def _named_words(speaker: Speaker) -> list[str]:
    """Capitalised words of the phrase that name someone: not titles or roles, not a
    country, not the capital that opens a sentence on a common noun ("Officials")."""
    return [
        w
        for w in SPEAKER_WORD_RE.findall(f"{speaker.display} {speaker.resolved}")
        if w[:1].isupper()
        and w.lower() not in ARTICLES
        and w.lower() not in SPEAKER_STOP
        and w.lower() not in _ROLE_NOUNS
        and _role_singular(w.lower()) is None
        and w.lower() not in SPEAKER_TITLES
        and w.lower() not in _ANYONE
        and w.lower() not in _LAW_ENFORCEMENT
        and not country_of(w)
    ]


def _anyone(speaker: Speaker) -> bool:
    """So general it may be anyone the other source names: "officials", "sources"."""
    words = {w.lower() for w in SPEAKER_WORD_RE.findall(speaker.display)}
    return bool(words) and words <= _ANYONE | ARTICLES | SPEAKER_STOP


def _speaks_for(person: Speaker, body: Speaker) -> bool:
    """The person speaks for the body: a spokesperson or official of no other named body,
    or a person whose article names them by the body's own words ("Finance Minister Laura
    Meyer" for "the finance ministry", "Microsoft's Reavey" for Microsoft)."""
    words = _words_of(person)
    if words & _SPEAKS_FOR_WORDS and not _named_words(person):
        return True
    own = {
        w.lower()
        for w in SPEAKER_WORD_RE.findall(body.display)
        if w.lower() not in ARTICLES and w.lower() not in _ORGANISATION_WORDS
    }
    return bool(own & words)


def _may_be_one(described: Speaker, other: Speaker) -> bool:
    """A person described by role alone may be the other person: unless both carry roles
    and none is shared ("a student union leader" is not "the rector, Ilse Brandt")."""
    roles = _words_of(described) & _ROLE_NOUNS
    theirs = _words_of(other) & _ROLE_NOUNS
    # "a hospital spokeswoman" speaks for a hospital: only someone the article ties to it.
    # The jurisdiction of an office ("the state's attorney general", "the French
    # president") is no such body: the office is the one the other's title names.
    context = {
        w
        for w in _words_of(described) - roles - ARTICLES - SPEAKER_STOP - {"a", "an", "one"}
        if w not in _JURISDICTIONS and not is_country(w)
    }
    if context and not context & _words_of(other):
        return False
    if not theirs:
        return bool(_named_words(other))  # "a witness" may be "Angela Benson"
    return bool(roles & theirs)


# Words naming where an office holds power, and the possessive's stray "s" ("state's").
_JURISDICTIONS = frozenset(
    ["s", "state", "city", "county", "country", "nation", "national", "federal", "province",
     "provincial", "region", "regional", "town", "local"]
)  # fmt: skip


def related(x: Speaker, y: Speaker, unknown_is_same: bool = True) -> bool:
    """Two speakers who may speak for one side, so that crediting one rather than the other
    is no shift a reader can trust: both the authorities handling an incident; a body and
    someone who speaks for it; a person described by role only and a person who may be
    them; a speaker as general as "officials" or "sources"."""
    if _law_enforcement(x) and _law_enforcement(y):
        return True
    if _anyone(x) or _anyone(y):
        return True
    if _introduced_by(x, y) or _introduced_by(y, x):
        return True
    # "Tom Reyes" with nothing said of who he is may be "a fire department spokesman" or
    # speak for "the company": only two names, or two speakers whose roles or bodies are
    # known, can be told apart with confidence (``unknown_is_same``). Asked whether a
    # neighbouring sentence credits the same speaker, such a pair is not known to be one.
    if _bare_name(x) != _bare_name(y):
        return unknown_is_same
    if _organisation(x) != _organisation(y):
        person, body = (y, x) if _organisation(x) else (x, y)
        return _speaks_for(person, body) or _holds_office_of(person, body)
    if _organisation(x):
        return False
    if _role_only(x) and _role_only(y):
        # "the comedian" and "host": one person may be described either way; but two
        # kinships are two people ("the grandmother", "the mother").
        kin_x, kin_y = _words_of(x) & KIN_NOUNS, _words_of(y) & KIN_NOUNS
        return not (kin_x and kin_y and not kin_x & kin_y)
    return (_role_only(x) and _may_be_one(x, y)) or (_role_only(y) and _may_be_one(y, x))


def _introduced_by(person: Speaker, other: Speaker) -> bool:
    """The person's article names them by the other speaker's name besides their own
    ("Microsoft's Christopher Budd" for Microsoft, "Trump's lawyer Michael Cohen" for
    Trump): they speak for the other, whatever the other is."""
    theirs = {w.lower() for w in _named_words(other)}
    own = {w.lower() for w in SPEAKER_WORD_RE.findall(f"{person.display} {person.resolved}")}
    return bool(theirs) and theirs <= _words_of(person) and not theirs <= own


def _bare_name(speaker: Speaker) -> bool:
    """A name and nothing else the article says of who they are: no role, no body, not
    the authorities ("Tom Reyes", not "fire chief Tom Reyes" or "Jeju Air's Kim")."""
    words = _words_of(speaker)
    return (
        bool(_named_words(speaker))
        and not words & (_ROLE_NOUNS | SPEAKER_TITLES)
        and not _organisation(speaker)
        and not _law_enforcement(speaker)
    )


def _role_only(speaker: Speaker) -> bool:
    """A person described by a role and no name ("a witness", "the chairman", "the
    comedian")."""
    return bool(_words_of(speaker) & _ROLE_NOUNS) and not _named_words(speaker)


def speakers_differ(a: list[Speaker], b: list[Speaker], unknown_is_same: bool = True) -> bool:
    """The two sentences credit different speakers, as far as can be said with confidence:
    speakers that are one (``compatible``) or related (``related``) never differ. With
    ``unknown_is_same`` false, a name with nothing known of it and a role or a body count
    as different: not known to be one."""
    a, b = _compared(a), _compared(b)
    if not a or not b:
        return False

    def matched(x: Speaker, others: list[Speaker]) -> bool:
        return any(_same_speaker(x, y) or related(x, y, unknown_is_same) for y in others)

    return any(not matched(x, b) for x in a) or any(not matched(y, a) for y in b)


def shown_names(speakers: list[Speaker]) -> str:
    """Each speaker once, as first written ("Russia's Foreign Ministry", not also "the
    ministry"); one phrase naming several speakers is shown once."""
    shown: list[str] = []
    keys: list[frozenset[str]] = []
    for speaker in speakers:
        if any(compatible(speaker.key, key) for key in keys):
            continue
        keys.append(speaker.key)
        if speaker.display not in shown:
            shown.append(speaker.display)
    return " and ".join(shown)
