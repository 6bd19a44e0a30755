"""Per-sentence features for similarity: normalised content words, names, numbers,
clauses, and whether a sentence carries a claim at all. Computed once per sentence; no
scoring here (``framediff.scoring`` combines them).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framediff.text import WORD_RE, fold_punctuation, title_case

# --- lexicon (framediff/data/similarity_lexicon.json) -------------------------

LEXICON = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "similarity_lexicon.json").read_text(
        encoding="utf-8"
    )
)
# Function words and reporting verbs: they carry no claim, so they never count as shared content.
STOPWORDS = frozenset(LEXICON["stopwords"])
# Negation cues: one side negated, the other not, turns a near copy into a contradiction.
NEGATIONS = frozenset(LEXICON["negations"])
# British -> American spellings and aliases that the suffix rules below do not cover.
SPELLING: dict[str, str] = LEXICON["spelling"]
# Words of datelines and timestamps: a sentence made only of these, numbers and function
# words carries no claim and is never linked ("WEDNESDAY, APRIL 24, 2013, 10: 34 AM").
TIME_WORDS = frozenset(LEXICON["time_words"])
# Irregular forms news verbs take -> one key ("fled" agrees with "flee", "died" with "death").
IRREGULAR = {
    form: family.split()[0] for family in LEXICON["irregular_families"] for form in family.split()
}

# Number words and ordinals -> digits, so "fourteenth" agrees with "14th".
NUMBER_WORDS = {
    word: str(value) for value, names in enumerate(LEXICON["number_words"]) for word in names
}
# Names of two words that mean one thing ("United States" agrees with "U.S.").
PHRASES: dict[str, str] = LEXICON["phrases"]
_PHRASE_FIRST = frozenset(phrase.split()[0] for phrase in PHRASES)
# Number suffixes glued to digits ("2.1bn", "500m", "35km") -> the unit they stand for.
NUMBER_SUFFIX: dict[str, str] = LEXICON["number_suffix"]

# A clock time or time of day glued together ("10:34", "4:45pm", "44AM").
TIME_RE = re.compile(r"^\d{1,2}(?::\d\d)?(?:am|pm)$|^\d{1,2}:\d\d$", re.IGNORECASE)
# A number token: optional currency, digits with separators, optional ordinal or unit suffix
# ("$2.1bn", "1,000", "14th", "35km", "1990s").
NUMBER_RE = re.compile(r"^[$£€]?(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th|s|bn|b|m|k|km)?$")
# Where a sentence splits into clauses: ; : dashes, and a comma or space before a
# conjunction or relative word ("…, which categorize…", "…; the…", "… — China …").
CLAUSE_RE = re.compile(
    r"\s*[;:\u2014\u2013]\s*|\s+--?\s+"
    r"|,\s+(?=(?:and|but|while|whereas|which|who|where|when|as|after|before|because|"
    r"although|though|including|saying|adding|with)\b)"
    r"|\s+(?=(?:which|while|whereas)\b)|\s+(?=(?:and|but)\s)",
    re.IGNORECASE,
)
# Suffixes the light stemmer removes, longest first; each with the shortest stem it may leave.
_SUFFIXES = (
    ("ational", "ate", 3),
    ("ization", "ize", 3),
    ("fulness", "ful", 3),
    ("iveness", "ive", 3),
    ("ations", "ate", 3),
    ("ation", "ate", 3),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ingly", "", 3),
    ("edly", "", 3),
    ("ings", "", 3),
    ("ing", "", 3),
    ("ies", "y", 2),
    ("ied", "y", 2),
    ("ed", "", 3),
    ("ly", "", 4),
    ("ians", "", 3),
    ("ian", "", 3),
    ("ese", "", 3),
    ("ans", "", 4),
    ("an", "", 4),
    ("ia", "", 3),
)


# British endings with their inflections -> American ("analysed" -> "analyzed",
# "kilometres" -> "kilometers", "organisation" -> "organization", "neighbours" -> "neighbors").
BRITISH_RE = re.compile(
    r"(?<=\w{3})(?:(is)(e|ed|es|ing|ation|ations)|(ys)(e|ed|es|ing)|(our)(s|ed|ing)?|(tre)(s|d)?)$"
)
# Slavic name transliterations: -iy/-yy -> -y (Zelenskiy), -ey -> -ei (Sergey).
TRANSLIT_RE = re.compile(r"(?<=\w{3})(?:iy|yy)$|(?<=\w{3})ey$")


def _american(match: re.Match[str]) -> str:
    if match.group(1):
        return "iz" + match.group(2)
    if match.group(3):
        return "yz" + match.group(4)
    if match.group(5):
        return "or" + (match.group(6) or "")
    return "ter" + (match.group(8) or "")


@lru_cache(maxsize=65536)
def normalize_word(token: str) -> str:
    """A word's comparison key: case, possessive, British/American spelling,
    transliteration variants (Sergey/Sergei, Zelenskiy/Zelensky) and light stemming."""
    word = fold_punctuation(token).lower()
    if word.endswith(("'s", "s'")):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    word = word.replace("'", "")
    word = SPELLING.get(word, word)
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if not word.isalpha():
        return word
    stem = _stem(word)
    # A regular form of an irregular family's word joins the family ("striking" with "struck").
    return _FAMILY_STEMS.get(stem, stem)


def _stem(word: str) -> str:
    """Spelling, transliteration and suffix rules on a lowercased alphabetic word."""
    word = BRITISH_RE.sub(_american, word)
    word = TRANSLIT_RE.sub(lambda m: "ei" if m.group(0) == "ey" else "y", word)
    # Plurals.
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif (
        word.endswith("sses")
        or (word.endswith("es") and word[-3:-2] in ("x", "z"))
        or word.endswith(("ches", "shes"))
    ):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix, replacement, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsaeiou":
        word = word[:-1]  # stopped -> stopp -> stop
    if len(word) > 3 and word[-1] in "ea":
        word = word[:-1]
    return word


# Stems of an irregular family's forms -> the family's key.
_FAMILY_STEMS = {_stem(form): key for form, key in IRREGULAR.items() if form.isalpha()}


@lru_cache(maxsize=65536)
def _number(token: str) -> str | None:
    if not (token[:1].isdigit() or token[:1] in "$£€"):
        return NUMBER_WORDS.get(token.lower())
    match = NUMBER_RE.match(fold_punctuation(token).lower())
    if match is None:
        return NUMBER_WORDS.get(token.lower())
    digits = match.group(1).replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    return f"{value:g}"


# --- per-sentence features -------------------------------------------------


@dataclass(frozen=True)
class SentenceFeatures:
    """What the scorer needs of one sentence, computed once."""

    text: str
    key: str  # folded, lowercased, spaces squashed: near copies compare equal
    terms: frozenset[str]  # normalised content words
    names: frozenset[str]  # normalised capitalised words (not the sentence's first)
    numbers: frozenset[tuple[str, str]]  # (value, unit word after it)
    clauses: tuple[frozenset[str], ...]  # content terms of each clause
    negated: bool
    claimless: bool = False  # a dateline or timestamp: never linked
    # Capitalised words of a Title Case headline ("Three Killed In Athens Bank Fire"): the
    # scorer counts them as names only where another sentence capitalises them as a name.
    weak_names: frozenset[str] = frozenset()
    surfaces: tuple[tuple[str, str], ...] = ()  # (term, its first lowercased word) for embeddings
    # Runs of QUOTE_SHINGLE words inside quotation marks, folded: two sentences sharing one
    # carry the same quotation ("There is no deal until there's a deal").
    quote_shingles: frozenset[str] = frozenset()


# A figure joined to its unit by a hyphen: "12-minute", "7.8-magnitude", "three-hour",
# and a unit before its figure: "magnitude-6.8".
_COMPOUND_RE = re.compile(r"^(\d[\d,.]*|[A-Za-z]+)-([A-Za-z]+)$")
# Only a lowercase word: "COVID-19", "G-20" and "F-16" are names, not figures.
_UNIT_FIGURE_RE = re.compile(r"^([a-z]+)-(\d[\d,.]*\d|\d)$")


def _compound_pieces(start: int, token: str) -> list[tuple[int, str]]:
    """A figure-unit compound as its figure and its unit ("12-minute" -> "12", "minute";
    "magnitude-6.8" -> "magnitude", "6.8"), so that it agrees with "12 minutes" or "6.8 on
    the Richter scale"; any other token whole."""
    if "-" not in token:
        return [(start, token)]
    unit_first = _UNIT_FIGURE_RE.match(token)
    if unit_first:
        return [(start, unit_first.group(1)), (start + unit_first.start(2), unit_first.group(2))]
    match = _COMPOUND_RE.match(token)
    if match is None or (
        not match.group(1)[0].isdigit() and match.group(1).lower() not in NUMBER_WORDS
    ):
        return [(start, token)]
    return [(start, match.group(1)), (start + match.start(2), match.group(2))]


def _tokens(text: str) -> list[tuple[int, str]]:
    """Word tokens and where they start, with two-word names joined ("United States" ->
    "United_states")."""
    found = [
        piece
        for match in WORD_RE.finditer(text)
        for piece in _compound_pieces(match.start(), match.group())
    ]
    firsts = [k for k, (_, token) in enumerate(found[:-1]) if token.lower() in _PHRASE_FIRST]
    if not firsts:
        return found
    out = []
    k = 0
    while k < len(found):
        if k + 1 < len(found):
            joined = PHRASES.get(f"{found[k][1]} {found[k + 1][1]}".lower())
            if joined is not None:
                out.append((found[k][0], found[k][1][0] + joined[1:]))
                k += 2
                continue
        out.append(found[k])
        k += 1
    return out


def sentence_features(text: str) -> SentenceFeatures:
    """Tokens, names, numbers and clauses of one sentence."""
    located = _tokens(text)
    tokens = [token for _, token in located]
    terms: set[str] = set()
    names: set[str] = set()
    numbers: set[tuple[str, str]] = set()
    surfaces: dict[str, str] = {}
    weak: set[str] = set()
    headline = title_case(tokens)
    keys: list[str] = []  # every token's comparison key, for its clause
    for position, token in enumerate(tokens):
        key, value, unit, content = _token(token)
        keys.append(key)
        if value is not None:
            if not unit and position + 1 < len(tokens):
                unit = normalize_word(tokens[position + 1])
            numbers.add((value, unit))
            terms.add(key)
            continue
        if not content:
            continue
        terms.add(key)
        surfaces.setdefault(key, token.lower().replace("_", " "))
        if token[0].isupper() and (position > 0 or token.isupper()):
            if headline:
                weak.add(key)
            else:
                names.add(key)
    # A token belongs to the clause its first character falls in.
    bounds = [match.start() for match in CLAUSE_RE.finditer(text)]
    members: list[set[str]] = [set() for _ in range(len(bounds) + 1)]
    for (start, _), key in zip(located, keys, strict=True):
        if key in terms:
            members[bisect_right(bounds, start)].add(key)
    clauses = [frozenset(clause) for clause in members if clause]
    lowered = {t.lower() for t in tokens}
    claimless = all(
        t in TIME_WORDS or t in STOPWORDS or TIME_RE.match(t) or _number(t) is not None
        for t in lowered
    )
    return SentenceFeatures(
        text=text,
        key=" ".join(fold_punctuation(text).lower().split()),
        terms=frozenset(terms),
        names=frozenset(names),
        numbers=frozenset(numbers),
        clauses=tuple(clauses),
        negated=bool(lowered & NEGATIONS) or "n't" in text.lower(),
        surfaces=tuple(sorted(surfaces.items())),
        claimless=claimless,
        weak_names=frozenset(weak - names),
        quote_shingles=quote_shingles(text),
    )


# Words in a row that make a shared quotation: four-word runs recur in unrelated remarks
# ("we will not allow"), five of the same words inside quotation marks do not.
QUOTE_SHINGLE = 5
# A quotation: from an opening mark to the next closing one (a right single quote closes
# only where no letter follows, since it is also the apostrophe of "there’s").
_QUOTED_RE = re.compile(r"[“\"«‘](.+?)(?:[”\"»]|’(?![A-Za-z])|$)")
# Contractions written out, so "there’s" and "there is" are the same words.
_CONTRACTIONS = (
    (re.compile(r"\b(there|it|that|he|she|what|who|where|here)'s\b"), r"\1 is"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"\bi'm\b"), "i am"),
)


def quote_shingles(text: str) -> frozenset[str]:
    """Every run of QUOTE_SHINGLE words inside the sentence's quotations, case, curly
    apostrophes and contractions folded."""
    if not any(mark in text for mark in '“"«‘'):
        return frozenset()
    out: set[str] = set()
    for match in _QUOTED_RE.finditer(text):
        quoted = fold_punctuation(match.group(1)).lower()
        for pattern, replacement in _CONTRACTIONS:
            quoted = pattern.sub(replacement, quoted)
        words = WORD_RE.findall(quoted)
        out.update(
            " ".join(words[k : k + QUOTE_SHINGLE]) for k in range(len(words) - QUOTE_SHINGLE + 1)
        )
    return frozenset(out)


@lru_cache(maxsize=65536)
def _token(token: str) -> tuple[str, str | None, str, bool]:
    """A token's comparison key ("#12" for a number), its number value, the unit its suffix
    names ("35km"), and whether it is a content word; cached, as most tokens recur."""
    lower = token.lower()
    value = _number(token)
    if value is not None:
        suffix = NUMBER_RE.match(lower)
        unit = NUMBER_SUFFIX.get(suffix.group(2) or "", "") if suffix else ""
        return "#" + value, value, unit, True
    content = not ((lower in STOPWORDS and not token.isupper()) or len(lower) < 2)
    return normalize_word(token), None, "", content


@lru_cache(maxsize=16384)
def carries_claim(text: str) -> bool:
    """Whether a sentence says anything beyond dates, times and numbers: "Updated: January
    6, 2011, 11:34 AM ET" or "May 2, 2013 | 5:03pm" carry no claim to compare or report.
    Memoised: every findings detector asks it of the same sentences."""
    return not sentence_features(text).claimless
