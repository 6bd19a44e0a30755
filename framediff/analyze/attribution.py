"""Who one sentence credits for its content: speaker, cue and kind, by rules.

Owns the reporting-verb lexicon (``framediff/data/lexicon.json``), the speaker
grammar ("X said", "said X", "according to X", "X told Y that", "X quoted Y as
saying", "was quoted as", "as stated by X") and speaker normalisation
(``canonical_speaker``). Quote spans come from ``quotes``; resolving "he", "the
ministry" or "Wang" across an article's sentences is done by ``speakers``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from framediff.analyze.entities import DATA_DIR, country_adjective, country_of, gazetteer
from framediff.model import Attribution, AttributionKind
from framediff.text import WORD_RE, fold_punctuation, squash_spaces

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

# Words that name a document rather than its author: "the readout", "a statement".
DOC_NOUNS = frozenset(
    [
        "statement",
        "statements",
        "readout",
        "readouts",
        "summary",
        "report",
        "reports",
        "communique",
        "communiqué",
        "release",
        "account",
        "transcript",
        "note",
        "letter",
        "post",
        "tweet",
        "message",
        "declaration",
        "website",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "him", "her", "them", "who"])
# Role words for people: "the diplomat said" refers back to a person.
PERSON_ROLES = frozenset(
    [
        "diplomat",
        "minister",
        "president",
        "leader",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "envoy",
        "ambassador",
        "premier",
        "chancellor",
        "secretary",
        "lawyer",
        "counterpart",
        "chief",
        "prosecutor",
        "judge",
    ]
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "both",
    ]
)
_NUMBER_WORDS = frozenset(["two", "three", "four", "five", "several", "many", "some"])
_SINGULAR = {
    "ministries": "ministry",
    "ministers": "minister",
    "officials": "official",
    "governments": "government",
    "leaders": "leader",
    "presidents": "president",
    "spokespersons": "spokesperson",
    "diplomats": "diplomat",
    "embassies": "embassy",
    "agencies": "agency",
}
# Body names that mean one thing: "top diplomat" is the foreign minister.
_BODY_SYNONYMS = {
    "top diplomat": "foreign minister",
    "foreign affairs ministry": "foreign ministry",
    "ministry of foreign affairs": "foreign ministry",
    "ministry of defence": "defence ministry",
    "ministry of defense": "defence ministry",
    "defense ministry": "defence ministry",
    "defense minister": "defence minister",
    "foreign office": "foreign ministry",
    "mfa": "foreign ministry",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "state media": "state media",
}
# "China and Russia's", "Russia's and China's", "Russian and Chinese".
_CONJUNCTION_RE = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")


@dataclass(frozen=True)
class SpeakerParse:
    """A speaker phrase taken apart; ``kind`` tells ``speakers`` how to resolve it."""

    canonical: str
    kind: str  # person | body | government | document | pronoun | role | org | other
    countries: tuple[str, ...] = ()
    body: str = ""


def _title(words: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words.split())


def _strip(name: str) -> str:
    text = squash_spaces(fold_punctuation(name)).strip(" ,.;:\"'()")
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
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
    """Take a speaker phrase apart: countries, body or person, and a canonical form."""
    text = _strip(name)
    lower = text.lower()
    if not text:
        return SpeakerParse("", "other")
    if lower in PRONOUNS:
        return SpeakerParse(lower, "pronoun")
    gaz = gazetteer()
    if text in gaz.person_alias:
        return SpeakerParse(gaz.person_alias[text], "person")
    words = text.replace(",", " , ").split()
    # "a Chinese foreign ministry readout", "X's statement": the document's author.
    is_document = bool(words) and words[-1].lower() in DOC_NOUNS
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
    words = [w for w in words if w.lower() not in _DETERMINERS and w.lower() not in _NUMBER_WORDS]
    if len(words) >= 3 and words[-2] == "of" and country_of(words[-1]):
        words = [words[-1], *words[:-2]]  # "Ministry of Defense of Ukraine"
    countries, rest = _country_prefix(
        [
            re.sub(r"(?:'s|')$", "", w) if i == 0 or words[i - 1] != "," else w
            for i, w in enumerate(words)
        ]
    )
    countries = list(dict.fromkeys(countries))
    rest = [re.sub(r"(?:'s|')$", "", w) for w in rest if w != ","]
    # Drop a place after the body: "embassy spokesperson in Islamabad".
    for i, w in enumerate(rest):
        if w in ("in", "at", "from") and i and rest[i - 1].lower() in _BODY_HEADS:
            rest = rest[:i]
            break
    tail: list[str] = []
    for w in reversed(rest):
        if not w[:1].isupper() or w in _TITLE_WORDS or w.lower() in _BODY_WORDS:
            break
        tail.insert(0, w)
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
    body = " ".join(w if w.isupper() else _SINGULAR.get(w.lower(), w.lower()) for w in rest)
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
        return SpeakerParse("statement", "document")
    if body in gaz.surfaces:
        return SpeakerParse(gaz.surfaces[body][0], "org")
    if text in gaz.surfaces:
        return SpeakerParse(gaz.surfaces[text][0], "org")
    last = body.split()[-1]
    if last in PERSON_ROLES and len(body.split()) <= 2 and "foreign" not in body:
        return SpeakerParse(_title(body), "role", (), body)
    if last in _BODY_HEADS or last in PERSON_ROLES:
        return SpeakerParse(_title(body), "body", (), body)
    return SpeakerParse(text, "other")


def canonical_speaker(name: str) -> str:
    """One name for one speaker: "Russia's Foreign Ministry", "Moscow's foreign ministry"
    -> "Russian Foreign Ministry"; "China and Russia's foreign ministries" ->
    "Chinese Foreign Ministry + Russian Foreign Ministry"; "Sergei Lavrov" -> "Sergey Lavrov".
    """
    return parse_speaker(name).canonical


# --- finding attributions in a sentence ---------------------------------------

# Lowercase words that may sit inside a speaker phrase ("the Russian foreign ministry").
_BODY_HEADS = (
    frozenset(
        [
            "ministry",
            "minister",
            "government",
            "office",
            "embassy",
            "agency",
            "broadcaster",
            "media",
            "sources",
            "source",
            "analysts",
            "experts",
            "police",
            "military",
            "army",
            "department",
            "council",
            "committee",
            "court",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "official",
            "diplomat",
            "leader",
            "president",
            "premier",
            "secretary",
            "envoy",
            "ambassador",
            "counterpart",
            "authorities",
            "representative",
            "representatives",
            "prosecutors",
            "lawyer",
            "judge",
            "researchers",
            "scientists",
            "study",
            "survey",
            "poll",
            "data",
            "figures",
            "statistics",
            "newspaper",
            "outlet",
            "channel",
            "channels",
            "television",
            "news",
            "service",
            "host",
            "group",
            "organization",
            "organisation",
            "company",
            "firm",
            "party",
            "union",
            "residents",
            "witnesses",
            "parties",
            "sides",
            "side",
            "ministers",
            "officials",
            "diplomats",
            "leaders",
            "spokespeople",
            "officers",
            "medics",
            "doctors",
            "activists",
            "observers",
            "monitors",
            "investigators",
            "regulator",
            "presidency",
            "administration",
            "cabinet",
            "kremlin",
            "commission",
            "website",
        ]
    )
    | DOC_NOUNS
    | frozenset(_SINGULAR)
)
_BODY_WORDS = _BODY_HEADS | frozenset(
    [
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "trade",
        "state",
        "top",
        "senior",
        "chief",
        "local",
        "federal",
        "national",
        "regional",
        "presidential",
        "press",
        "two",
        "both",
        "three",
        "several",
        "unnamed",
        "anonymous",
        "other",
        "its",
        "their",
        "his",
        "her",
        "affairs",
        "public",
        "official",
        "security",
        "economic",
        "military",
        "prime",
        "vice",
        "deputy",
        "general",
        "health",
        "justice",
    ]
)
_TITLE_WORDS = frozenset(
    [
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Foreign",
        "Defence",
        "Defense",
        "Secretary",
        "General",
        "Deputy",
        "Chancellor",
        "Premier",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "Envoy",
        "Ambassador",
        "Top",
        "Senior",
        "Chief",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sen",
        "Senator",
        "Governor",
        "Mayor",
        "King",
        "Queen",
        "Prince",
        "Supreme",
        "Leader",
        "State",
        "Field",
        "Marshal",
        "Counterpart",
        "Special",
        "Presidents",
        "Ministers",
    ]
)
_ADVERBS = frozenset(
    [
        "also",
        "later",
        "earlier",
        "previously",
        "has",
        "have",
        "had",
        "will",
        "would",
        "repeatedly",
        "again",
        "publicly",
        "separately",
        "further",
        "then",
        "already",
        "once",
        "recently",
        "just",
        "had",
        "has",
        "reportedly",
        "privately",
        "firmly",
        "explicitly",
        "sometimes",
        "often",
        "frequently",
        "occasionally",
        "never",
        "always",
        "long",
        "also",
    ]
) - {"told"}
_PREPS_IN_NAME = frozenset({"of", "in", "at", "for"})
# A weekday or date after the verb: "said on Sunday that".
_TIME_AFTER_RE = re.compile(
    r"^\s*(?:(?:on|in|late|early|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|[A-Z][a-z]+ \d{1,2}|\w+day|week|month)\b"
)
_IN_STATEMENT_RE = re.compile(
    r"^\s*(?:(?:on|in|late|early|last)\s+\w+\s+)?(?:in|on|via|through)\s+(?:a|an|the|its|their)"
    r"\s+(?:\w+\s+){0,2}?(?:statement|readout|post|interview|briefing|speech|release|"
    r"conference|call|message|letter|report|telegram)\b"
)
# "according to X", "as stated by X", "citing X".
_ACCORDING_RE = re.compile(
    r"\b(?:according to|as (?:stated|reported|quoted|cited|announced|noted|said|told) (?:by|to)"
    r"|in the words of|citing|per)\s+"
)
# "X quoted Y as saying", "Y was quoted as saying".
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(.{1,80}?)\s+as\s+(\w+)\b")
_PASSIVE_QUOTED_RE = re.compile(r"\b(?:was|were|is|are|has been|have been)\s+quoted\s+as\s+(\w+)\b")
# Agentless reporting: "it was emphasized", "it is said", "it was reported that".
_AGENTLESS_RE = re.compile(
    r"\b(?:[Ii]t|[Tt]his)\s+(?:was|is|has been|had been)\s+(?:also\s+)?(\w+ed|said|told)\b"
)
_NP_END_RE = re.compile(
    r"[,;:.!?()\"]|\bthat\b|\bwhich\b|\bwho\b|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


@dataclass(frozen=True)
class Found:
    """One attribution in sentence coordinates, before resolution."""

    speaker: str | None
    speaker_start: int
    speaker_end: int
    cue: str
    cue_start: int
    cue_end: int
    kind: AttributionKind
    parse: SpeakerParse | None


def _in(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _np_token_ok(word: str) -> bool:
    bare = re.sub(r"(?:'s|')$", "", word)
    return bare[:1].isupper() or bare.lower() in _BODY_WORDS or bare.isdigit()


def _left_speaker(
    text: str, tokens: list[re.Match[str]], index: int, after_comma: bool = False
) -> tuple[int, int] | None:
    """The speaker phrase ending right before token ``index`` (the verb), as a span;
    ``after_comma`` lets a comma separate them (an appositive was skipped)."""
    j = index - 1
    while j >= 0 and tokens[j].group().lower() in _ADVERBS:
        if text[tokens[j].end() : tokens[j + 1].start()].strip():
            return None
        j -= 1
    if j < 0:
        return None
    end_token = j
    if text[tokens[j].end() : tokens[j + 1].start()].strip() not in (
        "",
        "," if after_comma else "",
    ):
        return None  # punctuation between speaker and verb: "...," said X
    if tokens[j].group().lower() in PRONOUNS:
        return tokens[j].start(), tokens[j].end()
    start_token = None
    while j >= 0:
        word = tokens[j].group()
        gap = text[tokens[j].end() : tokens[j + 1].start()] if j < end_token else ""
        if gap.strip() == "." and "." in word:
            gap = ""  # "U.S. embassy": WORD_RE leaves the abbreviation's last dot out
        if gap.strip() not in ("", ","):
            break
        if gap.strip() == "," and not (
            word[:1].isupper() and j > 0 and tokens[j - 1].group().lower() == "and"
        ):
            break
        lower = word.lower()
        if _np_token_ok(word):
            start_token = j
        elif (
            lower in ("and", "&")
            and start_token is not None
            and j > 0
            and _np_token_ok(tokens[j - 1].group())
        ) or (
            lower in _PREPS_IN_NAME
            and start_token is not None
            and j > 0
            and tokens[j - 1].group().lower() in _BODY_HEADS
        ):
            pass
        elif lower in _DETERMINERS and start_token is not None:
            start_token = j
            break
        else:
            break
        j -= 1
    if start_token is None:
        return None
    words = [t.group().lower() for t in tokens[start_token : end_token + 1]]
    if all(w in _DETERMINERS or w in ("two", "both", "three") for w in words):
        return None
    return tokens[start_token].start(), tokens[end_token].end()


def _right_speaker(text: str, start: int) -> tuple[int, int] | None:
    """The speaker phrase right after ``start`` ("said Lavrov", "according to X")."""
    match = _NP_END_RE.search(text, start)
    end = match.start() if match else len(text)
    chunk = text[start:end]
    stop = re.search(r"\s+(?:in|on|at|during|after|before|when|while|to)\s+(?!the\s+[A-Z])", chunk)
    if stop and chunk[: stop.start()].strip():
        # Keep "of" phrases ("a readout of their meeting" stops at "of their").
        chunk = chunk[: stop.start()]
    chunk = re.sub(r"\s+of\s+(?:their|the|its|his|her)\s+\w+$", "", chunk)
    stripped = chunk.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    words = stripped.split()
    if not words or len(words) > 12:
        return None
    if not (
        _np_token_ok(words[0]) or words[0].lower() in _DETERMINERS or words[0].lower() in PRONOUNS
    ):
        return None
    if not any(_np_token_ok(w) or w.lower() in PRONOUNS for w in words):
        return None
    return start + lead, start + len(stripped)


# Verbs that report speech whatever follows ("emphasized the importance of ...").
_ALWAYS_SPEECH = frozenset(
    [
        "say",
        "tell",
        "add",
        "write",
        "claim",
        "insist",
        "allege",
        "admit",
        "deny",
        "stress",
        "emphasize",
        "emphasise",
        "underline",
        "underscore",
        "reaffirm",
        "reiterate",
        "highlight",
        "express",
        "warn",
        "urge",
        "vow",
        "pledge",
        "acknowledge",
    ]
)
# Verbs whose speaker may follow them: '"...," said Lavrov'.
_INVERTING = frozenset(
    ["say", "add", "write", "tell", "insist", "claim", "ask", "reply", "explain", "note"]
)


def _appositive_speaker(
    text: str, tokens: list[re.Match[str]], index: int
) -> tuple[int, int] | None:
    """'China, a diplomatic ally of Moscow, claims' -> the span of 'China'."""
    before = text[: tokens[index].start()].rstrip()
    if not before.endswith(","):
        return None
    first = before[:-1].rfind(",")
    if first < 0:
        return None
    middle = before[first + 1 : -1].split()
    if (
        not middle
        or len(middle) > 14
        or middle[0].lower() not in ("a", "an", "the", "who", "which", "whose", "its", "his", "her")
    ):
        return None
    anchor = next((i for i, t in enumerate(tokens) if t.start() > first), None)
    if anchor is None:
        return None
    span = _left_speaker(text, tokens, anchor, after_comma=True)
    return span if span and text[span[1] : first].strip() == "" else None


def _speech_follows(after: str, lemma: str) -> bool:
    """Whether the words after a reporting verb make it a speech act, not an action."""
    if lemma in _ALWAYS_SPEECH:
        return True
    rest = _TIME_AFTER_RE.sub("", after, count=1)
    rest = _IN_STATEMENT_RE.sub("", rest, count=1)
    return bool(re.match(r"\s*(?:that\b|[:,;.!?\"']|$)", rest))


def _span_words(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def find_attributions(text: str, quotes: Sequence[tuple[int, int, bool]] = ()) -> list[Found]:
    """Attributions of one sentence in its own coordinates.

    ``quotes`` are the sentence's quotation spans as ``(start, end, partial)``;
    reporting verbs inside them are the quoted speaker's words, not attributions.
    Cascade:
    1. "X quoted Y as saying" (Y speaks, X is according_to) and "Y was quoted as saying".
    2. "according to X", "as stated by X", "citing X" -> according_to.
    3. Reporting verbs from the lexicon with a speaker on the left ("X said", "which
       Moscow said", "X told Y that") or, after a comma or quote, on the right ("said X").
       Verbs such as "announced" count only when a clause, quote or sentence end follows.
    4. Agentless "it was emphasized" when nothing else names a speaker -> unattributed.
    """
    folded = fold_punctuation(text)
    spans = [(s, e) for s, e, _ in quotes]
    has_direct = any(not partial for _, _, partial in quotes)
    has_partial = any(partial for _, _, partial in quotes)
    quote_kind: AttributionKind = (
        "direct" if has_direct else "partial_quote" if has_partial else "indirect"
    )
    forms = verb_lexicon().forms
    tokens = list(WORD_RE.finditer(folded))
    found: list[Found] = []
    consumed: set[int] = set()

    def add(
        span: tuple[int, int] | None, cue: str, cs: int, ce: int, kind: AttributionKind
    ) -> None:
        speaker = _span_words(text, span) if span else None
        parse = parse_speaker(speaker) if speaker else None
        s0, s1 = span if span else (cs, ce)
        found.append(Found(speaker, s0, s1, cue, cs, ce, kind, parse))

    # 1.
    for match in _QUOTED_AS_RE.finditer(folded):
        if _in(match.start(), spans):
            continue
        verb_index = next(i for i, t in enumerate(tokens) if t.start() == match.start())
        source = _left_speaker(folded, tokens, verb_index)
        target = (match.start(1), match.end(1))
        cue = f"quoted as {match.group(2)}"
        if target:
            add(target, cue, match.start(), match.end(), quote_kind)
        if source:
            add(source, "quoted", match.start(), match.start() + len("quoted"), "according_to")
        consumed.update(t.start() for t in tokens if match.start() <= t.start() < match.end())
    for match in _PASSIVE_QUOTED_RE.finditer(folded):
        if _in(match.start(), spans) or match.start() in consumed:
            continue
        aux_index = next(i for i, t in enumerate(tokens) if t.start() == match.start())
        span = _left_speaker(folded, tokens, aux_index)
        if span:
            add(span, match.group().split(" ", 1)[1], match.start(), match.end(), quote_kind)
        consumed.update(t.start() for t in tokens if match.start() <= t.start() < match.end())
    # 2.
    for match in _ACCORDING_RE.finditer(folded):
        if _in(match.start(), spans):
            continue
        span = _right_speaker(folded, match.end())
        if span:
            add(span, match.group().strip(), match.start(), match.end() - 1, "according_to")
            consumed.update(t.start() for t in tokens if match.start() <= t.start() < match.end())
    # 3.
    for index, token in enumerate(tokens):
        word = token.group()
        lower = word.lower()
        if lower not in forms or token.start() in consumed or _in(token.start(), spans):
            continue
        lemma = forms[lower][0]
        if word[:1].isupper() or lower.endswith("ing"):
            continue
        previous = tokens[index - 1].group().lower() if index else ""
        if previous in ("to", "was", "were", "is", "are", "be", "been", "being"):
            continue
        before = folded[: token.start()].rstrip()
        after = folded[token.end() :]
        span = _left_speaker(folded, tokens, index) or _appositive_speaker(folded, tokens, index)
        if span is None and before.endswith((",", '"', "'")) and lemma in _INVERTING:
            span = _right_speaker(folded, token.end())
            if span and folded[token.end() : span[0]].strip():
                span = None
        if span is None:
            continue
        lead = folded[: min(span[0], token.start())]
        next_to_quote = any(
            not folded[e : min(span[0], token.start())].strip(" ,.!?'\"")
            or 0 <= s - token.end() < 4
            for s, e in spans
        )
        final = not after.strip(" .!?\"'") and (not lead.strip() or lead.rstrip()[-1:] in ",\"'")
        if next_to_quote:
            kind = "direct" if has_direct else quote_kind
        elif (_speech_follows(after, lemma) and after.strip(" .!?\"'")) or final:
            kind = (
                "partial_quote"
                if any(s > token.end() for s, _ in spans) and has_partial
                else "indirect"
            )
        elif any(s > token.end() and s - token.end() < 60 for s, _ in spans):
            kind = "partial_quote"
        else:
            continue
        end = token.end()
        statement = _IN_STATEMENT_RE.match(after)
        if statement:
            end += statement.end()
        add(span, lower, token.start(), end, kind)
    # 4.
    if not found:
        for match in _AGENTLESS_RE.finditer(folded):
            if not _in(match.start(), spans) and match.group(1).lower() in forms:
                add(None, match.group(), match.start(), match.end(), "unattributed")
    found.sort(key=lambda f: (min(f.speaker_start, f.cue_start), f.cue_start))
    return found


def to_attribution(found: Found, canonical: str | None, offset: int) -> Attribution:
    """The model value of one found attribution, offsets made absolute."""
    start = min(found.speaker_start, found.cue_start)
    end = max(found.speaker_end, found.cue_end)
    return Attribution(
        found.speaker, canonical, found.cue, found.kind, start + offset, end + offset
    )


def attributions(text: str, offset: int = 0) -> tuple[Attribution, ...]:
    """Attributions of one sentence with its own quotes, unresolved across sentences."""
    from framediff.analyze.quotes import find_quotes

    scan = find_quotes(text)
    quotes = [(q.start, q.end, q.partial) for q in scan.quotes]
    return tuple(
        to_attribution(f, f.parse.canonical if f.parse else None, offset)
        for f in find_attributions(text, quotes)
    )
