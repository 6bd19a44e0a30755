"""Named entities and topics in one sentence: the gazetteer (``framediff.gazetteer``)
plus capitalisation.

Owns the topic patterns of ``framediff/data/lexicon.json``. Resolving a surname to the
full name met earlier in the same article is done by ``sentences.analysis``, not here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from framediff import frequency
from framediff.gazetteer import (
    ADJECTIVE_SUFFIXES,
    COMMON_STARTERS,
    DATA_DIR,
    EVENT_HEADS,
    MONTHS,
    MULTIWORD_TITLES,
    NAME_PARTICLES,
    NAME_WORDS,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_MODIFIERS,
    PLACE_WORDS,
    POSSESSIVE_RE,
    STATE_ABBREVIATIONS,
    STATE_BODY_WORDS,
    TITLE_SURNAMES,
    TITLES,
    WEEKDAYS,
    WORD_PARTICLES,
    country_adjective,
    gazetteer,
    match_surfaces,
)
from framediff.model import Entity, EntityType
from framediff.sentences.speakers import (
    BODY_HEAD_NOUNS,
    BODY_MODIFIERS,
    PERSON_ROLES,
    TITLE_WORDS,
    first_name_gender,
)
from framediff.text import fold_punctuation, headline_like, singular

# Speaker nouns that open sentences capitalised ("Officials said", "Witnesses said").
_COMMON_NOUNS = BODY_HEAD_NOUNS
# Reporting verbs that, right after an unknown name, suggest it names a person.
_PERSON_CUES = NAME_WORDS["person_cues"]

# One capitalised token, possessive included: "Shanghai", "Russia's", "Al-Sharaa".
# A hyphen inside a name: not a dash written as two ("Evansville--and"), nor one making
# an adjective of the name ("New York-based").
_HYPHEN = rf"-(?!-|(?:{'|'.join(sorted(ADJECTIVE_SUFFIXES))})\b)"
_CAP = rf"[A-Z](?:(?:[\w'’]|{_HYPHEN})*\w)?"
# Abbreviations written like initials that name a place, never a person's initials: the
# gazetteer's ("U.S.", "U.N.") and US places the gazetteer does not list.
_PLACE_INITIALS = frozenset(
    [
        *(k.replace(" ", "") for k in gazetteer().surfaces if re.fullmatch(r"(?:[A-Z]\.\s?)+", k)),
        *("N.Y.", "N.J.", "N.H.", "N.M.", "N.C.", "N.D.", "S.C.", "S.D.", "R.I.", "D.C."),
        *("L.A.",),
    ]
)
_NOT_INITIALS = "|".join(
    r"\s?".join(re.escape(f"{letter}.") for letter in abbreviation.split(".") if letter)
    for abbreviation in sorted(_PLACE_INITIALS, key=len, reverse=True)
)
# Initials, one token: "J.", "J.D.", "J. D." ("J. D. Drew", "George W. Bush"); never a
# place's abbreviation ("U. S. Surgeon General", "N. Y."), nor its last letter ("N.J. His").
_INITIALS = rf"(?<![.\w])(?<!\.\s)(?!(?:{_NOT_INITIALS})(?!\s?[A-Z]\.))[A-Z]\.(?:\s?[A-Z]\.)*"
# A name's token after initials: a word, not one more letter ("N. Y." is no name).
_WORD = rf"[A-Z](?:[\w'’]|{_HYPHEN})*\w"
# A run of capitalised tokens, allowing "of", "for" and "and" inside: "Shanghai Cooperation
# Organization", "Ministry of Foreign Affairs"; initials only before a word of the name,
# never ending it (an abbreviation closing a sentence is no part of a name after it).
_NAME_TOKEN = rf"(?:{_INITIALS}\s+{_WORD}|{_CAP})"
# One or two particles inside a name: "de" of "Bill de Blasio", "von der" of "Ursula von
# der Leyen", "de la" of "Oscar de la Hoya" (a capitalised word on each side; "the de
# facto leader" joins nothing).
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
_PARTICLES = rf"(?:{_PARTICLE})(?:\s+(?:{_PARTICLE}|la|le|los|las))?"
_CAP_RUN_RE = re.compile(
    rf"{_NAME_TOKEN}(?:['’]?\s+(?:(?:of|for|and)\s+(?:the\s+)?|{_PARTICLES}\s+)?{_NAME_TOKEN})*"
)  # (a plural possessive between two words is split apart again unless it names a body)
_CAP_TOKEN_RE = re.compile(rf"{_INITIALS}(?=\s+{_WORD})|{_CAP}")
# US states as AP style abbreviates them after a city ("Springfield, Mo."), and "Jr." or
# "Sr." after a surname and a comma: no names of their own.
_STATE_ABBREVIATIONS = STATE_ABBREVIATIONS | {"Jr", "Sr"}
# A company's legal form after its name: no part of the name others write.
_LEGAL_SUFFIXES = frozenset(
    ["LLC", "Inc", "Ltd", "Corp", "Co", "plc", "PLC", "GmbH", "LLP", "SA", "AG", "NV", "SGPS"]
)


def _state_ends_the_name(words: Sequence[str]) -> bool:
    """ "State" after a word that is no title ends a name, not a title: a university, a
    team or a state ("Ohio State", "Wayne State", "New York State"); in "Secretary of
    State" it stays a title."""
    return len(words) > 1 and words[-1] == "State" and words[-2] not in TITLES


# "No." before a figure: "Juror No. 12".
_NUMBERED_RE = re.compile(r"\.\s*\d")
# Whitespace (with "of", "for" or "and", maybe "the", or particles) between two tokens of
# one name; ``_joins`` says when those words join.
_NAME_GAP_RE = re.compile(rf"\s+(?:(?:of|for|and)\s+(?:the\s+)?|{_PARTICLES}\s+)?")
# A title or role right before a name: "President Xi", "Mr. Smith", "lawyer Winyat".
_TITLE_BEFORE_RE = re.compile(
    r"\b(?:President|Minister|Mr\.|Mrs\.|Ms\.|Dr\.|Secretary|Chancellor|Premier|Governor|"
    r"Senator|spokesperson|spokesman|spokeswoman|leader|lawyer|envoy|diplomat|counterpart|"
    r"minister|official|chief|director|General|Judge|Mayor|Sheriff|"
    # Abbreviated titles: "Gen. Norman Ham", "Sen. Ada Brill", "Rep. Tom Ellery".
    r"(?:Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Adm|Maj|Cmdr|Rev|Det|Insp|Supt)\.)\s+$"
)
# A government body in lower case right after a country: "'s foreign ministry".
_BODY_AFTER_COUNTRY_RE = re.compile(
    r"(?:'s|’s)?\s+((?:foreign|defen[cs]e|interior|finance|commerce|trade|justice|health|"
    r"economy|education|energy|emergencies|agriculture|culture|information) ministr(?:y|ies))\b"
)


def _is_sentence_start(text: str, position: int) -> bool:
    """Whether ``position`` opens a sentence, or a quotation after a comma or colon
    ('said simply, "Maybe I can help.'; "I said, 'Boy, ...'"): a quotation of speech opens
    a sentence of its own."""
    before = text[:position].rstrip(" \t\"'‘“(")
    if not before or before.endswith(("\n", ".", "!", "?", ":", "—", "–", "-")):
        return True
    return bool(_QUOTATION_OPENS_RE.search(text, 0, position))


# An opening quotation mark right before a word, after a comma or colon.
_QUOTATION_OPENS_RE = re.compile(r"[,:]\s*[\"'‘“]$")
# A word that makes a place of its own of the country's name right after it.
_PLACE_MODIFIER_RE = re.compile(rf"(?<![\w.])(?:{'|'.join(sorted(PLACE_MODIFIERS))}) $")


def _opens_a_name(text: str, end: int, demonym: bool, gazetteer_starts: set[int]) -> bool:
    """Whether the country word ending at ``end`` is the first word of a name written right
    after it: a demonym, or a place named with a country's name ("New England"), before any
    capitalised name ("American League", "British Airways", "Finnish Foundation for Human
    Rights", "New England Patriots"), or a country's or capital's name before a body's or
    place's name ("Jamaica Hospital", "Athens Polytechnic University"). Never before a
    title or a first name ("Chinese President Xi", "Chinese Wang Yi"), another gazetteer
    name, or a state's own body ("the Chinese Embassy", "Russian Foreign Ministry"), which
    is that country's."""
    run = _CAP_RUN_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    if not run or run.start() in gazetteer_starts:
        return False
    words = [POSSESSIVE_RE.sub("", t.group()) for t in _CAP_TOKEN_RE.finditer(run.group())]
    first = words[0]
    if (
        first in TITLES
        or first in MONTHS
        or first in WEEKDAYS
        or first in NOT_NAMES
        or first_name_gender(first)
        or set(words) & STATE_BODY_WORDS
    ):
        return False
    named = any(_body_word(w) or w in PLACE_WORDS for w in words)
    # One common word after a demonym is a phrase, not a name: "the American People".
    return named or (demonym and (len(words) > 1 or not _common_word(first)))


# How common (a share of running English text) a word must be to be taken for a word, not
# a name, when capitalised only because it opens a sentence: 1 in 10,000 (Zipf 5) takes
# "Others", "Maybe", "Stop" and "Man" and leaves most surnames ("Bush", "Reid", "Gates");
# a surname as common as "White" opening a sentence is found again by ``known_surnames``
# from the full name its article gave.
_COMMON_WORD_SHARE = 1e-4


@cache
def _common_word(word: str) -> bool:
    """A common English word that is no known first name."""
    return not first_name_gender(word) and _share_of_english(word.lower()) >= _COMMON_WORD_SHARE


def _share_of_english(word: str) -> float:
    """How often a lower-case word occurs in running English text (wordfreq)."""
    frequency.prefetch([word], "en")
    return frequency.word_frequency(word, "en")


# How common a word's singular must be for its plural opening a sentence to be taken for
# the people it names ("Officials", "Deputies", "Engineers": 1.4e-4, 3.6e-5, 3.2e-5), not a
# surname ("Hastings", "Jones": their singulars are no words). A surname whose singular is
# as common ("Gates") is found again by ``known_surnames`` from the full name its article
# gave.
_PLURAL_SINGULAR_SHARE = 1e-5


@cache
def _plural_of_common_noun(word: str) -> bool:
    """A plural ("Officials", "Deputies") whose singular is a common English word, no known
    first name ("Williams", "Roberts" are surnames)."""
    lower = word.lower()
    one = singular(lower)
    return (
        one != lower
        and not first_name_gender(one.title())
        and _share_of_english(one) >= _PLURAL_SINGULAR_SHARE
    )


# A body's name going on with "of" right before a place: "University of ", "Bank of the ".
_BODY_OF_RE = re.compile(r"(?<![\w.])([A-Z][\w'’\-]*) of (?:the )?$")


def _ends_a_body_name(text: str, start: int) -> bool:
    """Whether the country's name at ``start`` ends the name of a body that is no state's
    own: "University of Athens", "Medical Center of Central Georgia" (not "Government of
    India", "Embassy of China", which are that country's)."""
    body = _BODY_OF_RE.search(text, 0, start)
    if body is None:
        return False
    return _body_word(body.group(1)) and body.group(1) not in STATE_BODY_WORDS


def _common_noun_of(text: str, token: re.Match[str], after: re.Match[str], word: str) -> bool:
    """A common word, no body's, place's or title's, opening a sentence before "of": "Fans
    of the New England Patriots" (not "Bank of America", "Statue of Liberty")."""
    return (
        text[token.end() : after.start()].split()[:1] == ["of"]
        and not _body_word(word)
        and word not in PLACE_WORDS
        and word not in TITLES
        and _common_word(word)
    )


def _a_persons_name(words: Sequence[str], start: int) -> bool:
    """Whether ``words`` from ``start`` (after a title) are a person's name: two or more
    words, the first no common word, with no body's or place's word and no joining word,
    after a title that is no part of a body's name ("Office of the Chief Medical
    Examiner")."""
    name = words[start:]
    return (
        len(name) >= 2
        and "of" not in words[:start]
        and not _common_word(name[0])
        and not any(_body_word(w) or w in PLACE_WORDS or w in ("of", "for", "and") for w in name)
    )


def _body_word(word: str) -> bool:
    """A body's head word, or its plural: "Institute", "Institutes"."""
    return word in ORG_WORDS or (word.endswith("s") and word[:-1] in ORG_WORDS)


def known_surnames(
    text: str, offset: int, entities: Sequence[Entity], persons: Mapping[str, str]
) -> tuple[Entity, ...]:
    """``entities`` with the surnames of ``persons`` (surname -> the full name the article
    gave) that open a sentence in ``text`` ("Thomas came into 2010 ..."): ``find_entities``
    passes over a lone capitalised word there, which may be any word; a surname the
    article has named someone by is that person (``ArticleMemory.resolve_entity`` gives the
    full name)."""
    found = list(entities)
    for token in _CAP_TOKEN_RE.finditer(text):
        word = POSSESSIVE_RE.sub("", token.group())
        full = persons.get(word)
        if not full or full.split()[-1] != word or not _is_sentence_start(text, token.start()):
            continue
        start = offset + token.start()
        if not any(e.start <= start < e.end for e in found):
            found.append(Entity(word, word, "PERSON", start, start + len(word)))
    return tuple(sorted(found, key=lambda e: (e.start, e.end, e.canonical)))


# Initials written as one word: "J.D." of "J.D. Drew", "E." of "E. J. Dionne".
_INITIALS_WORD_RE = re.compile(r"(?:[A-Z]\.)+")


def is_initials(word: str) -> bool:
    """A word that is initials ("J.D.", "E."): opening a name, it makes it a person's."""
    return _INITIALS_WORD_RE.fullmatch(word) is not None


def _head(tokens: Sequence[str]) -> str:
    """The word a name names a kind of thing by: its last, or the last before "of" ("Port"
    of "Port of Spain", "Gulf" of "Gulf of Aden")."""
    return tokens[tokens.index("of") - 1] if "of" in tokens[1:] else tokens[-1]


def _classify(tokens: list[str], after: str, titled: bool) -> EntityType:
    words = set(tokens)
    head = _head(tokens)
    joined = [i for i, token in enumerate(tokens) if token in ("of", "for") and i > 0]
    if tokens[joined[0] - 1 if joined else -1] in EVENT_HEADS:
        return "OTHER"  # an award or a contest: "Academy Award for Best Visual Effects"
    if head in PLACE_WORDS and head not in ORG_WORDS:
        return "PLACE"  # "Church Ave": a street named after a body's word
    if words & ORG_WORDS or (
        # An abbreviation alone names a body ("FBI"); with figures, a product, a cable or
        # a bulletin ("SMW4", "IE7", "MS08-078").
        len(tokens) == 1
        and tokens[0].isupper()
        and len(tokens[0]) > 1
        and not any(c.isdigit() for c in tokens[0])
    ):
        return "ORG"
    if tokens[0] in PLACE_WORDS or head in PLACE_WORDS:
        return "PLACE"  # "Lake Michigan", "Kansas City", "Church Ave"; not "Kansas City Chiefs"
    if titled or (len(tokens) >= 2 and is_initials(tokens[0])):
        return "PERSON"  # "President Xi"; "J.D. Drew", "E. J. Dionne"
    first_after = after.split(maxsplit=1)[0].strip(",.") if after.strip() else ""
    if len(tokens) <= 4 and (first_after in _PERSON_CUES or after.startswith(", who")):
        return "PERSON"
    return "OTHER"


def _pieces(
    text: str, run: re.Match[str], taken: list[tuple[int, int]]
) -> list[list[re.Match[str]]]:
    """The run's tokens outside gazetteer matches, grouped into adjacent pieces."""
    pieces: list[list[re.Match[str]]] = []
    for token in _CAP_TOKEN_RE.finditer(text, run.start(), run.end()):
        if any(s <= token.start() < e for s, e in taken):
            continue
        gap = text[pieces[-1][-1].end() : token.start()] if pieces else ""
        plural_possessive = bool(_PLURAL_POSSESSIVE_GAP_RE.fullmatch(gap)) and _possessed_body(
            text, pieces[-1]
        )  # "the National Sheriffs' Association"
        if pieces and (
            plural_possessive or (_NAME_GAP_RE.fullmatch(gap) and _joins(text, pieces[-1], gap))
        ):
            pieces[-1].append(token)
        else:
            pieces.append([token])
    return pieces


# The gap a plural possessive leaves between two words of a name: "Sheriffs' Association".
_PLURAL_POSSESSIVE_GAP_RE = re.compile(r"['’]\s+")
# One or two capitalised words after a possessive: "Club" of "Sam's Club", "Liberation
# Army" of "the People's Liberation Army".
_POSSESSED_RE = re.compile(r"['’]?\s+((?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*)(?![\w'’-]*\s+[A-Z])")


def _possessed_body(text: str, piece: list[re.Match[str]]) -> bool:
    """Whether the possessive ending ``piece`` is part of a body's name: one or two words
    after it end on a body's head word, and the possessor names no person ("Sam's Club",
    "the Sheriff's Department", "Children's Hospital"; not "the NFL's Winston Moss",
    "President Nixon's Committee", "Irving Klaw's Movie Star News")."""
    found = _POSSESSED_RE.match(text, piece[-1].end())
    if found is None:
        return False
    owner = [POSSESSIVE_RE.sub("", t.group()) for t in piece]
    if _names_a_person(owner) or any(w in TITLES for w in owner[:-1]):
        return False
    return _body_word(found.group(1).split()[-1])


# The capitalised words right after a gap, up to the last of them (at most three).
_CAPITALISED_AHEAD_RE = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)(?![\w'’-]*\s+[A-Z])")


def _joins(text: str, piece: list[re.Match[str]], gap: str) -> bool:
    """Whether the word after ``gap`` goes on the name ``piece`` holds so far. "of" joins
    after one word or a body's, place's or title's word, never after a person's name
    ("William Hakim of the Oregon State Police": a person and the body they serve); "for"
    only after a body's word ("Central Commission for Elections");
    "and" inside a body's name, past its "of" or "for" ("Department of Health and
    Human Services"; "Ada Brill and Tom Ellery" are two), or after common words that end
    on a body's head word after it ("Central Election and Referendum Commission"); a
    particle always ("Bill de Blasio")."""
    link = gap.split()[:1]
    words = [t.group() for t in piece]
    if POSSESSIVE_RE.search(words[-1]) and words[-1][-1:] in "sS":
        # "the NFL's Winston Moss": whose a name is comes before it; but "Sam's Club",
        # "Children's Hospital": a body named with a possessive.
        return _possessed_body(text, piece)
    if link and link[0] in NAME_PARTICLES:
        # "Bill de Blasio", "Vincent van Gogh", "Jan van der Berg"; not after a month
        # ("June de la Cruz") nor an English word ("the Ford van Martinez rented").
        return (
            words[-1] not in MONTHS
            and words[-1] not in WEEKDAYS
            and (
                link[0] not in WORD_PARTICLES
                or first_name_gender(words[-1]) is not None
                or len(gap.split()) > 1
            )
        )
    if not link:
        return True
    if link == ["of"]:
        # "Statue of Liberty", "University of Michigan", "Secretary of State": one word,
        # a body's, a place's or a title's word before "of"; two or more other words
        # are a name of their own ("Vishwanand Subryan of Schenectady").
        kinds = PLACE_WORDS | TITLES
        core = [w for w in words if w.lower() not in COMMON_STARTERS]  # "The Statue"
        return not _names_a_person(words) and (
            len(core) <= 1 or bool(set(words) & kinds) or any(map(_body_word, words))
        )
    is_body = any(map(_body_word, words))
    if link == ["for"]:
        return is_body
    if gap.strip() != "and":
        return False  # "and the": two names
    if is_body:
        # Past the body's "of" or "for": "Faculty of Creative and Cultural Industries".
        return bool({"of", "for"} & set(text[piece[0].start() : piece[-1].end()].split()))
    # Common words, which name nothing alone, before a body's head word: "Central Election
    # and Referendum Commission", "Health and Human Services" (not "Trump and Justice
    # Department", nor one word alone after "and": "Bush and Congress", nor people:
    # "Parents and School Board members").
    ahead = _CAPITALISED_AHEAD_RE.match(text, piece[-1].end() + len(gap))
    ahead_words = ahead.group(1).split() if ahead else []
    return (
        len(ahead_words) >= 2
        and _body_word(ahead_words[-1])
        and all(map(_common_word, words))
        and not any(w.lower() in BODY_HEAD_NOUNS for w in words)
    )


def _names_a_person(words: Iterable[str]) -> bool:
    """A known first name followed by at least one more word: "William Hakim"."""
    seen = list(words)
    return any(first_name_gender(word) for word in seen[:-1])


def _role_before_name(words: Sequence[str]) -> int:
    """Where a name starts after a role written before it in capitals ("Senior Trooper
    William Hakim", "Police Commissioner Raymond Kelly", "Superior Court Judge James R.
    Dabney"): the first known first name, right after a role or title word (``_role_words``:
    not after "Robyn" of "Robyn Norma Mendes") and after no other first name, followed by a
    surname, with no word of a body or a place from there ("Queen Elizabeth Hospital"); 0
    when there is none."""
    for index in range(1, len(words) - 1):
        if first_name_gender(words[index]):
            if words[index - 1].lower().rstrip(".") not in _role_words() or any(
                first_name_gender(w) for w in words[:index]
            ):
                return 0
            if set(words[index:]) & (ORG_WORDS | PLACE_WORDS):
                return 0
            return index
    return 0


@cache
def _role_words() -> frozenset[str]:
    """Words of a role or title, lower case: the lexicon's speaker nouns and title words,
    the gazetteer's titles and party labels."""
    listed = TITLE_WORDS | PERSON_ROLES | BODY_HEAD_NOUNS | BODY_MODIFIERS
    return frozenset(
        [w.lower() for w in listed] + [w.lower().rstrip(".") for w in TITLES] + list(_PARTY_LABELS)
    )


def _found_at(words: Sequence[str], title: tuple[str, ...]) -> list[int]:
    """Where the words of ``title`` stand in ``words``, in a row."""
    size = len(title)
    return [i for i in range(len(words) - size + 1) if tuple(words[i : i + size]) == title]


def _ends_with_title(words: Sequence[str]) -> int:
    """How many of the last words are a title of several words ("Surgeon General"), or 0."""
    for title in MULTIWORD_TITLES:
        if tuple(words[-len(title) :]) == title:
            return len(title)
    return 0


# A role and "of" or "for" right before a name: the body or place the role serves ("CEO of
# Aggregate Knowledge", "the governor of Texas", "a spokesman for Waitrose"), never a person
# (unlike a relative: "the son of Tom Ellery").
_ROLE_OF_RE = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(word)
        for word in sorted(
            {t.lower().rstrip(".") for t in TITLES if " " not in t} - {"father"}
            | {"spokesman", "spokeswoman", "spokesperson", "founder", "owner", "member"}
        )
    )
    + r")\s+(?:of|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A title right after a word: " Sen. Barry", " Gov. Ana".
_TITLE_AFTER_RE = re.compile(r"\s+[A-Z][a-z]{1,4}\.\s+[A-Z]")
# Party labels written before a name like a role: "Republican Phil Bryant".
_PARTY_LABELS = frozenset(["republican", "democrat", "democratic", "conservative", "labour"])


def _country_before(text: str, start: int, countries: dict[int, str]) -> str | None:
    """The country named right before ``start`` ("Russia's ", "Chinese ")."""
    for end, country in countries.items():
        if re.fullmatch(r"(?:'s|’s)?\s+", text[end:start]):
            return country
    return None


def _unknown_names(
    text: str, taken: list[tuple[int, int]], offset: int, taken_countries: dict[int, str]
) -> list[Entity]:
    """Capitalised runs the gazetteer did not cover, split around its matches."""
    found: list[Entity] = []
    for run in _CAP_RUN_RE.finditer(text):
        for piece in _pieces(text, run, taken):
            words = [POSSESSIVE_RE.sub("", t.group()) for t in piece]
            titled = bool(
                _TITLE_BEFORE_RE.search(text[max(0, piece[0].start() - 30) : piece[0].start()])
            )
            has_org_word = bool(set(words) & ORG_WORDS)
            role = _role_before_name(words)
            if role:
                words, piece, titled = words[role:], piece[role:], True
            # A lone letter of an abbreviation written with dots ("Regina Benjamin U. S.
            # Surgeon General"), or "No." numbering someone ("Juror No. 12"), ends no name.
            while len(piece) > 1 and (
                len(words[-1]) == 1
                or (words[-1] == "No" and _NUMBERED_RE.match(text, piece[-1].end()))
            ):
                words, piece = words[:-1], piece[:-1]
            inner = sorted(
                {i for i, w in enumerate(words[:-1]) if w in TITLES}
                | {i + len(t) - 1 for t in MULTIWORD_TITLES for i in _found_at(words[:-1], t)}
            )
            if inner and (not has_org_word or _a_persons_name(words, inner[-1] + 1)):
                # "Treasury Secretary Janet Yellen": the name follows the last title word;
                # after a body's words too when a person's name follows ("Superior Court
                # Judge Rowland Barnes", not "Ministry of Foreign Affairs").
                cut = inner[-1] + 1
                words, piece, titled = words[cut:], piece[cut:], True
            # A legal form after the name ("Summit Entertainment LLC", "Apple Inc.") is no
            # part of it, and says the name is a company's.
            company = False
            while words and words[-1].rstrip(".") in _LEGAL_SUFFIXES:
                words, piece, company = words[:-1], piece[:-1], True  # "Telecom SGPS SA"
            if not piece:
                continue  # "Summit Entertainment, LLC": the form alone
            while words and (
                (title_size := _ends_with_title(words))
                or words[-1] in MONTHS
                or words[-1] in WEEKDAYS
                or (
                    words[-1] in TITLES
                    and not _state_ends_the_name(words)
                    # "Billy King", "John Major": after a first name, the surname.
                    and not (
                        len(words) > 1
                        and words[-1] in TITLE_SURNAMES
                        and first_name_gender(words[-2])
                    )
                )
                or f"{words[-1]}." in TITLES  # "Mississippi Sen. James O. Eastland"
                # "Arizona Republican Sen. Barry Goldwater": the party describes the person.
                or (
                    words[-1].lower() in _PARTY_LABELS
                    and _TITLE_AFTER_RE.match(text, piece[-1].end())
                )
            ):
                # "Bristol District Attorney": one title, no "Bristol District".
                cut = title_size or 1
                if (
                    len(piece) > cut
                    and "of" in text[piece[-cut - 1].end() : piece[-cut].start()].split()
                ):
                    break  # "Office of the Surgeon General": the title completes a body
                words, piece = words[:-cut], piece[:-cut]
            while (
                len(piece) > 1
                and _is_sentence_start(text, piece[0].start())
                and (
                    words[0].lower() in COMMON_STARTERS
                    or _common_noun_of(text, piece[0], piece[1], words[0])
                )
            ):
                words, piece = words[1:], piece[1:]  # "The RSF", "In Washington"
            while piece and words[0] in NOT_NAMES:
                words, piece = words[1:], piece[1:]
            if not piece or words[0] in MONTHS or words[0] in WEEKDAYS or words[0] == "I":
                continue
            if (
                len(piece) == 1
                and words[0] in _STATE_ABBREVIATIONS
                and text[piece[0].end() : piece[0].end() + 1] == "."
                and text[: piece[0].start()].rstrip().endswith(",")
            ):
                continue  # "Springfield, Mo.", "Rancho Mirage, Calif.": a state, AP style
            if len(piece) == 1 and (words[0] in NOT_NAMES or words[0].lower() in COMMON_STARTERS):
                continue
            start = piece[0].start()
            end = piece[-1].end()
            if len(piece) == 1 or words[-1] != piece[-1].group():
                end = piece[-1].start() + len(words[-1])
            surface = text[start:end]
            if surface.isupper() and len(surface) > 3 and surface.title() in gazetteer().surfaces:
                canonical, known = gazetteer().surfaces[surface.title()]  # datelines: "MOSCOW"
                found.append(Entity(surface, canonical, known, start + offset, end + offset))
                continue
            kind = "ORG" if company else _classify(surface.split(), text[end:], titled)
            if kind == "PERSON" and _ROLE_OF_RE.search(text, 0, start):
                kind = "OTHER"  # "CEO of Aggregate Knowledge", "a spokesman for Waitrose said"
            if (
                len(piece) == 1
                and not titled
                and not company
                and _is_sentence_start(text, start)
                and (
                    surface.lower() in COMMON_STARTERS
                    or surface.lower() in _COMMON_NOUNS
                    or surface.endswith(("ing", "ed", "ly"))  # "Having", "Asked", "Finally"
                    or kind != "PERSON"
                    or _common_word(surface)  # "Others warned"
                    or _plural_of_common_noun(surface)  # "Officials said"
                )
            ):
                continue
            if len(piece) == 1 and words[0] in PLACE_WORDS:
                continue  # "Avenue" of "97th Avenue", "Highway": a word of a place, no name
            canonical = surface
            if kind == "ORG":
                # "Russia's Foreign Ministry", "the Chinese Foreign Ministry" -> one name.
                country = _country_before(text, start, taken_countries)
                if country:
                    canonical = f"{country_adjective(country)} {surface}"
                elif len(piece) == 1 and words[0] in ORG_WORDS:
                    # "the Government", "Police" alone: a common noun capitalised in house
                    # style, which other outlets write in lower case; no entity to compare.
                    continue
            found.append(Entity(surface, canonical, kind, start + offset, end + offset))
    return found


# Spelling variants of one transliterated name: Sergey/Sergei, Dmitry/Dmitri/Dmitriy,
# Zelensky/Zelenskyy/Zelenskiy, Alexander/Aleksandr, Khodorkovsky/Hodorkovsky.
_TRANSLIT_RULES = (
    (re.compile(r"x"), "ks"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(?:iy|yy|ii|ij|ey|ei|i)$"), "y"),
    (re.compile(r"(?<=[bdgkmnstvz])er$"), "r"),
    (re.compile(r"^ye"), "e"),
    (re.compile(r"^yu"), "iu"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"ë"), "e"),
    (re.compile(r"(?<=[aeiou])j(?=[aeiou])"), "y"),
    (re.compile(r"sch"), "sh"),
)


def transliteration_key(name: str) -> str:
    """One key for the spellings of a transliterated name ("Sergei Lavrov" and
    "Sergey Lavrov"; "Volodymyr Zelenskyy" and "Volodymyr Zelensky")."""
    parts = []
    for word in name.lower().split():
        for pattern, replacement in _TRANSLIT_RULES:
            word = pattern.sub(replacement, word)
        parts.append(word)
    return " ".join(parts)


# A nickname of one or two words in quotation marks or brackets between a person's given
# names and surname: "Kimani 'Kiki' Gray", "Luis Gerardo (Jerry) Ortiz", 'Joaquín "El
# Chapo" Guzmán'. The marks are folded to straight ones first; the surname is a capitalised
# word no name goes on after, maybe with a possessive, and no bracket follows it (a list:
# "Kane (Tottenham) Salah (Liverpool)"). Up to three words before the nickname: a title
# among them is dropped.
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NICKNAME_WORDS = rf"[{_UPPER}][\w'’.-]*(?:\s+[{_UPPER}][\w'’.-]*)?"
_NICKNAMED_RE = re.compile(
    rf"(?<![\w.'’-])(?P<first>[{_UPPER}][{_LOWER}]+(?:\s+[{_UPPER}][{_LOWER}]+){{0,2}})\s+"
    rf"(?:'{_NICKNAME_WORDS}'|\"{_NICKNAME_WORDS}\"|\({_NICKNAME_WORDS}\))"
    rf"\s+(?P<surname>[{_UPPER}](?:[\w-]|['’](?=[{_UPPER}]))*[{_LOWER}])(?:['’]s?)?"
    rf"(?![\w'’-]|\s+[{_UPPER}]|\s*\()"
)


def _nicknamed_people(text: str, taken: Sequence[tuple[int, int]]) -> list[Entity]:
    """People written with a nickname inside their name, as the given names and the surname
    ("Kimani Gray", "Luis Gerardo Ortiz"), offsets into ``text``: the nickname names no one
    else, and the names on either side, which the marks would cut apart, are one person.
    No name may be a common word (a given name may if the list of first names knows it:
    "Rose"), a month, weekday, title or a body's or place's word; such words before the
    given names are left out ("Deputy")."""
    found = []
    for match in _NICKNAMED_RE.finditer(text):
        surname = match.group("surname")
        given = list(re.finditer(r"\S+", match.group("first")))
        while given and not (
            first_name_gender(given[0].group()) or _could_be_a_name(given[0].group())
        ):
            given.pop(0)  # "Deputy" of "Deputy Luis Gerardo (Jerry) Ortiz"
        if not given or not _could_be_a_name(surname):
            continue
        start, end = match.start() + given[0].start(), match.end("surname")
        if any(s < end and start < e for s, e in taken):
            continue
        canonical = " ".join([*(word.group() for word in given), surname])
        found.append(Entity(text[start:end], canonical, "PERSON", start, end))
    return found


def _could_be_a_name(word: str) -> bool:
    """A capitalised word no list takes for something else: no common English word, month,
    weekday, title, sentence opener, or body's or place's word."""
    return not (
        word in MONTHS
        or word in WEEKDAYS
        or word in TITLES
        or word.lower() in COMMON_STARTERS
        or _body_word(word)
        or word in PLACE_WORDS
        or _common_word(word)
    )


# "Jr." or "Sr." after a name: "Donald Trump Jr.", "Trump, Sr." (not a numeral: "a Trump
# II administration").
_GENERATION_RE = re.compile(r",?\s+(Jr|Sr)\.?(?![\w'’-])")
# The word right before a name, and an initial after it: "Melania " of "Melania Trump",
# "Mrs. " of "Mrs. Biden", "Fred C. " of "Fred C. Trump". Read from at most _BEFORE_REACH
# characters back, so a long text is not scanned again for every name in it.
_WORD_BEFORE_RE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]*)(\.?)\s+(?:[A-Z]\.\s+)?$")
_BEFORE_REACH = 40
# Honorifics and the sex each says ("Mrs." a woman), read here and by the article memory.
HONORIFIC_SEX = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}


def _someone_else_of_that_name(text: str, start: int, surface: str, canonical: str) -> bool:
    """Whether the surname the gazetteer gives one person ("Trump" -> Donald Trump), at
    ``start``, names someone else: written after another known given name ("Melania
    Trump", "Fred C. Trump"), but not one sharing the name's first letters ("Don Trump",
    "Joe" for "Joseph"), nor a given name that is also a common word opening a sentence
    or a headline ("Will Biden run?", "Protests Mark Putin Visit"); or after an honorific
    of the other sex ("Mrs. Biden")."""
    if " " in surface or " " not in canonical:
        return False  # a full name matched, or a one-word name ("Lula")
    before = _WORD_BEFORE_RE.search(text, max(0, start - _BEFORE_REACH), start)
    if before is None:
        return False
    word, stop = before.groups()
    own = canonical.split()[0]
    sex = first_name_gender(own)
    if word in HONORIFIC_SEX:
        return sex is not None and HONORIFIC_SEX[word] != sex
    if stop or word[:3] == own[:3] or first_name_gender(word) is None:
        return False  # an abbreviated title ("Sen. Biden"), or their own name ("Don Trump")
    return _share_of_english(word) < _COMMON_WORD_SHARE or not (
        _is_sentence_start(text, before.start()) or headline_like(text)
    )


def _named_so(canonical: str, suffix: str) -> bool:
    """Whether the gazetteer's person carries the suffix in their own name ("Joseph R.
    Biden Jr."): the gazetteer's aliases say so."""
    return any(
        alias.rstrip(".").endswith(f" {suffix}")
        for alias, person in gazetteer().person_alias.items()
        if person == canonical
    )


def find_entities(text: str, offset: int = 0) -> tuple[Entity, ...]:
    """People, places, organisations and countries in ``text``, offsets plus ``offset``.

    1. Gazetteer surfaces (aliases, demonyms, capitals, transliterations) matched
       case-sensitively on word boundaries, longest first.
    2. Remaining runs of capitalised words: titles ("President", "Minister") are
       stripped and mark a PERSON; organisation or place head words decide ORG or PLACE;
       a lone capitalised word at a sentence start is skipped (it is usually not a name).
    """
    gaz = gazetteer()
    folded = fold_punctuation(text)
    entities: list[Entity] = []
    taken: list[tuple[int, int]] = []
    matches = match_surfaces(folded, gaz.buckets)
    starts = {start for start, _, _ in matches}
    for start, end, surface in matches:
        canonical, kind = gaz.surfaces[surface]
        if kind == "PERSON" and _someone_else_of_that_name(folded, start, surface, canonical):
            continue  # "Melania Trump": left to the capitalised run it opens
        junior = _GENERATION_RE.match(folded, end) if kind == "PERSON" else None
        if junior and not _named_so(canonical, junior.group(1)):
            # "Donald Trump Jr.": the son (or father) of the person the gazetteer knows,
            # one name however written ("Trump Jr.", "Donald J. Trump Jr.").
            named = f"{canonical} {junior.group(1)}."
            stop = junior.end()
            entities.append(
                Entity(text[start:stop], named, "PERSON", start + offset, stop + offset)
            )
            taken.append((start, stop))
            continue
        if kind == "COUNTRY":
            # "New England", "Little Italy" (not "North American": an adjective still).
            modifier = (
                None if surface in gaz.demonyms else _PLACE_MODIFIER_RE.search(folded, 0, start)
            )
            first = modifier.start() if modifier else start
            # A name's first word is a word ("American", "Jamaica", "New England"); an
            # abbreviation ("U.S. Forest Service") qualifies a body as the state's.
            word = surface.isalpha() and not surface.isupper()
            demonym = surface in gaz.demonyms or bool(modifier)
            if word and (
                _ends_a_body_name(folded, first) or _opens_a_name(folded, end, demonym, starts)
            ):
                # Left to the capitalised run it belongs to: "American League", "Jamaica
                # Hospital", "University of South Wales".
                continue
            if modifier:
                # "New England", "Little Italy": a place of its own, not the country.
                place = text[first:end]
                entities.append(Entity(place, place, "PLACE", first + offset, end + offset))
                taken.append((first, end))
                continue
        entities.append(Entity(text[start:end], canonical, kind, start + offset, end + offset))
        taken.append((start, end))
    countries = {e.end - offset: e.canonical for e in entities if e.type == "COUNTRY"}
    for person in _nicknamed_people(folded, taken):
        entities.append(replace(person, start=person.start + offset, end=person.end + offset))
        taken.append((person.start, person.end))
    entities.extend(_unknown_names(folded, taken, offset, countries))
    for end, country in countries.items():
        # "the Chinese foreign ministry", "Russia's defence ministry": a lower-case body.
        body = _BODY_AFTER_COUNTRY_RE.match(folded, end)
        if body:
            name = " ".join(w.capitalize() for w in body.group(1).split())
            name = name.replace("Defense", "Defence").replace("Ministries", "Ministry")
            b0, b1 = body.span(1)
            entities.append(
                Entity(
                    text[b0:b1],
                    f"{country_adjective(country)} {name}",
                    "ORG",
                    b0 + offset,
                    b1 + offset,
                )
            )
    entities = [
        e
        if e.text == text[e.start - offset : e.end - offset]
        else Entity(text[e.start - offset : e.end - offset], e.canonical, e.type, e.start, e.end)
        for e in entities
    ]
    entities.sort(key=lambda e: (e.start, e.end))
    return tuple(e for e in entities if not _fragment(e))


# Capitalised tokens that are never a name of their own: time zones ("PDT", "ET"), titles
# and street words cut from a name ("Gov", "Sgt", "St", "Ave"), contractions ("I'm").
_NOT_A_NAME = frozenset(
    [
        "ET",
        "EST",
        "EDT",
        "CT",
        "CST",
        "CDT",
        "MT",
        "MST",
        "MDT",
        "PT",
        "PST",
        "PDT",
        "GMT",
        "BST",
        "CET",
        "UTC",
        "AM",
        "PM",
        "Gov",
        "Rev",
        "Sgt",
        "Det",
        "Lt",
        "Gen",
        "Col",
        "Capt",
        "St",
        "Ave",
        "Rd",
        "Blvd",
        "Jr",
        "Sr",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)


def _fragment(entity: Entity) -> bool:
    """A piece of a name, not a name: a single letter (the "U" of "U.N."), a time zone, a
    title or street word standing alone, a contraction."""
    name = entity.canonical.strip(".")
    return (
        len(name) <= 1
        or name in _NOT_A_NAME
        or ("'" in name and name.split("'")[0] in ("I", "It", "He", "She", "We", "You", "They"))
    )


@dataclass(frozen=True)
class _TopicMatcher:
    pattern: re.Pattern[str]
    names: dict[str, str]  # group name -> canonical topic


@cache
def _topic_matcher() -> _TopicMatcher:
    raw = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))["topics"]
    parts: list[str] = []
    names: dict[str, str] = {}
    for index, (topic, patterns) in enumerate(raw.items()):
        group = f"t{index}"
        names[group] = topic
        # All-lowercase patterns match any case ("Sanctions" at a sentence start);
        # patterns with capitals ("US ties") stay case-sensitive so "us" is not "US".
        alts = [p if any(c.isupper() for c in p) else f"(?i:{p})" for p in patterns]
        parts.append(f"(?P<{group}>{'|'.join(alts)})")
    return _TopicMatcher(re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])"), names)


def find_topics(text: str, offset: int = 0) -> tuple[Entity, ...]:
    """Topic mentions as OTHER entities whose ``canonical`` is the topic's name.

    "Iran's nuclear issue" and "the Iranian nuclear program" -> "Iranian nuclear programme";
    "relations with the United States" and "US ties" -> "US relations".
    """
    matcher = _topic_matcher()
    folded = fold_punctuation(text)
    found: list[Entity] = []
    reach: dict[str, int] = {}  # topic -> end of its last match
    position = 0
    # Search again just after each match's start, so topics may overlap ("ending the war
    # in Ukraine" is both peace talks and the war) while one topic never repeats itself.
    while (match := matcher.pattern.search(folded, position)) is not None:
        topic = matcher.names[match.lastgroup or ""]
        start, end = match.span()
        if start >= reach.get(topic, -1):
            found.append(Entity(text[start:end], topic, "OTHER", start + offset, end + offset))
            reach[topic] = end
        position = start + 1
    return tuple(found)
