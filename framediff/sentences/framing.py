"""Certainty and wording cues in one sentence: hedges, reporting-verb connotation,
loaded terms and VADER valence.

Owns reading the hedge and loaded-term lexicons (``framediff/data/lexicon.json``)
and the VADER lexicon shipped by the vaderSentiment package (read lazily from that
package's directory). Deciding that two linked sentences differ is the findings' job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from framediff.gazetteer import DATA_DIR
from framediff.sentences.attribution import verb_lexicon
from framediff.text import fold_punctuation, words


@dataclass(frozen=True)
class Cue:
    """A hedge: ``strength`` 0..1, higher is less certain."""

    text: str
    normalized: str
    strength: float
    start: int
    end: int


@dataclass(frozen=True)
class LoadedTerm:
    """A term with connoted alternatives: all alternatives share ``concept``;
    ``connotation`` runs from -1 (condemning) to +1 (favourable or euphemistic)."""

    text: str
    concept: str
    term: str  # the lexicon entry it matched, e.g. "full-scale invasion"
    connotation: float
    start: int
    end: int


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    entries: dict[str, tuple[str, str, float]]  # group -> (concept or hedge, term, score)


@cache
def _lexicon() -> dict[str, object]:
    data: dict[str, object] = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))
    return data


def _compile(items: list[tuple[str, str, float]], flags: int) -> _Matcher:
    # Longest entries first so "full-scale invasion" wins over "invasion".
    ordered = sorted(items, key=lambda item: len(item[1]), reverse=True)
    parts, entries = [], {}
    for index, (label, term, score) in enumerate(ordered):
        parts.append(f"(?P<g{index}>{term})")
        entries[f"g{index}"] = (label, term, score)
    return _Matcher(re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", flags), entries)


@cache
def _hedge_matcher() -> _Matcher:
    hedges = _lexicon()["hedges"]
    assert isinstance(hedges, list)
    return _compile([("hedge", term, float(score)) for term, score in hedges], 0)


@dataclass(frozen=True)
class _TermIndex:
    """Loaded terms by anchor word, so a sentence only tries terms whose first word it has."""

    by_anchor: dict[str, list[tuple[re.Pattern[str], str, str, float]]]


# The first literal word of a lexicon entry: "full" of "full-scale invasion".
_ANCHOR_RE = re.compile(r"[a-z][a-z\-]*")
# Lower-case words of a sentence.
_LOWER_WORD_RE = re.compile(r"[a-z][a-z\-]*")


@cache
def _loaded_index() -> _TermIndex:
    concepts = _lexicon()["loaded_terms"]
    assert isinstance(concepts, dict)
    by_anchor: dict[str, list[tuple[re.Pattern[str], str, str, float]]] = {}
    for concept, terms in concepts.items():
        for term, score in terms:
            anchor_match = _ANCHOR_RE.match(term)
            assert anchor_match, term
            anchor = anchor_match.group()
            if term[len(anchor) : len(anchor) + 1] in ("?", "*"):
                anchor = anchor[:-1]  # "attacks?" is anchored on "attack"
            pattern = re.compile(rf"(?<![\w-])(?:{term})(?![\w-])", re.IGNORECASE)
            by_anchor.setdefault(anchor, []).append((pattern, concept, term, float(score)))
    return _TermIndex(by_anchor)


def find_hedges(text: str) -> list[Cue]:
    """Hedges ("reportedly", "allegedly", "claims to", "may", "sources said") with strength.

    Modal verbs match in lower case only, so "May 28" is a date, not a hedge; a hedge
    starting a sentence ("Reportedly, ...") is matched through its lower-cased form.
    """
    folded = fold_punctuation(text)
    matcher = _hedge_matcher()
    probe = folded[:1].lower() + folded[1:]
    cues: list[Cue] = []
    for match in matcher.pattern.finditer(probe):
        _, _term, strength = matcher.entries[match.lastgroup or ""]
        start, end = match.span()
        cues.append(Cue(text[start:end], match.group().lower(), strength, start, end))
    return cues


def reporting_verb_connotation(verb: str) -> str:
    """neutral | assertive | doubtful | conceding | positive | negative | denial, or
    "unknown" for a verb outside the lexicon ("insisted" -> "assertive")."""
    entry = verb_lexicon().forms.get(" ".join(verb.lower().split()))
    return entry[1] if entry else "unknown"


def find_loaded_terms(text: str) -> list[LoadedTerm]:
    """Terms from the loaded-term lexicon, each with its concept and connotation.

    Where entries overlap the longest wins ("full-scale invasion" over "invasion").
    """
    folded = fold_punctuation(text)
    index = _loaded_index().by_anchor
    present: set[str] = set()
    for word in _LOWER_WORD_RE.findall(folded.lower()):
        present.update((word, word[:-1]) if word.endswith("s") else (word,))
    hits: list[tuple[int, int, str, str, float]] = []
    for anchor in present & index.keys():
        for pattern, concept, term, score in index[anchor]:
            hits.extend(
                (m.start(), m.end(), concept, term, score) for m in pattern.finditer(folded)
            )
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    found: list[LoadedTerm] = []
    end = -1
    for start, stop, concept, term, score in hits:
        if start >= end:
            found.append(LoadedTerm(text[start:stop], concept, term, score, start, stop))
            end = stop
    return found


@cache
def _vader() -> dict[str, float]:
    import vaderSentiment  # only for its directory: the lexicon ships beside the module

    path = Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            try:
                table[fields[0].lower()] = float(fields[1])
            except ValueError:
                continue
    return table


def valence(phrase: str) -> float:
    """Mean VADER valence of the phrase's words that the lexicon knows, scaled to -1..1
    (VADER scores run -4..4); 0.0 when it knows none."""
    table = _vader()
    scores = [table[w] for w in (w.lower() for w in words(phrase)) if w in table]
    if not scores:
        return 0.0
    return max(-1.0, min(1.0, sum(scores) / len(scores) / 4.0))
