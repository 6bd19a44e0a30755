"""Sentence similarity: the score's components and their combination, and word-level
opcodes. Owns *how alike two sentences are*; which pairs to score and how links become
clusters belong to ``framediff.align``.

A ``Scorer`` holds one comparison's sentences (features from ``features.py``, computed
once), IDF weights over them and the optional static embeddings (``framediff.embed``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from framediff.model import Opcode, Signals
from framediff.similarity.features import SentenceFeatures, normalize_word, sentence_features
from framediff.text import fold_punctuation, word_spans

if TYPE_CHECKING:
    import numpy

__all__ = [
    "FEATURES",
    "Scorer",
    "SentenceFeatures",
    "combine",
    "normalize_word",
    "numbers_conflict",
    "sentence_features",
    "similarity",
    "word_opcodes",
]

# --- the combination: the one place that turns evidence into a score -------

# Logistic weights over the features of ``Scorer.evidence``, fitted on the ECB+ development
# gold (benchmarks/eval_alignment.py --fit), the intercept shifted so that the best-F1
# threshold there maps to 0.5 (Settings.threshold). Two sets: with and without the static
# embedding, which may be unavailable.
FEATURES = (
    "lexical",
    "containment",
    "clause",
    "characters",
    "names",
    "numbers",
    "mass",
    "semantic",
    "soft",
)
# The fewest content words a side counts as when measuring containment.
SHORT_TERMS = 3.0
# Word-embedding cosine from which an unmatched word counts as a soft match.
SOFT_MIN = 0.6
WEIGHTS_SEMANTIC = (2.726, 0.192, 0.584, -0.311, -0.198, -0.198, 2.479, 1.207, 6.167, -4.558)
WEIGHTS_LEXICAL = (3.764, 4.675, 1.179, -0.149, -0.119, -0.116, 2.933, 0.0, 0.0, -4.445)


def combine(evidence: Sequence[float], semantic: bool) -> float:
    """The link score in [0, 1] from the evidence vector (order of ``FEATURES``)."""
    weights = WEIGHTS_SEMANTIC if semantic else WEIGHTS_LEXICAL
    z = weights[-1] + math.fsum(w * x for w, x in zip(weights, evidence, strict=False))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# --- scoring ---------------------------------------------------------------


def _embed(texts: Sequence[str]) -> numpy.ndarray | None:
    """Static sentence embeddings when ``framediff.embed`` and its model are present."""
    try:
        from framediff import embed
    except ImportError:
        return None
    try:
        if not embed.model_available():
            return None
        return embed.embed_sentences(list(texts))
    except Exception:  # a broken model must not break alignment: fall back to lexical
        return None


class Scorer:
    """Scores sentence pairs of one comparison: IDF over its sentences, optional embeddings."""

    def __init__(self, features: Sequence[SentenceFeatures], use_embeddings: bool = True) -> None:
        self.features = list(features)
        df: dict[str, int] = {}
        for item in self.features:
            for term in item.terms:
                df[term] = df.get(term, 0) + 1
        n = len(self.features)
        # Smoothed IDF (as scikit-learn's): terms in every sentence still weigh 1.
        self.idf = {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}
        self.mass = [self.weight(item.terms) for item in self.features]
        # Containment of a one- or two-word side proves little ("I partied." in any sentence
        # about partying): the shorter side counts as at least SHORT_TERMS average terms.
        average = math.fsum(self.idf.values()) / len(self.idf) if self.idf else 1.0
        self.short_mass = SHORT_TERMS * average
        self.vectors = _embed([f.text for f in self.features]) if use_embeddings else None
        self.term_rows: dict[str, int] = {}
        self.term_vectors: numpy.ndarray | None = None
        if self.vectors is not None:
            surfaces = {t: w for item in self.features for t, w in item.surfaces}
            ordered = sorted(surfaces)
            self.term_vectors = _embed([surfaces[t] for t in ordered])
            self.term_rows = {t: n for n, t in enumerate(ordered)}

    def weight(self, terms: Iterable[str]) -> float:
        idf = self.idf
        return math.fsum(idf.get(term, 1.0) for term in terms)

    def evidence(self, i: int, j: int) -> tuple[list[float], Signals]:
        """The feature vector (``FEATURES`` order) and the signals of sentences i and j."""
        from rapidfuzz.fuzz import ratio

        x, y = self.features[i], self.features[j]
        shared = self.weight(x.terms & y.terms)
        wx, wy = self.mass[i], self.mass[j]
        lexical = 2 * shared / (wx + wy) if wx + wy else 0.0
        shorter = max(min(wx, wy), self.short_mass)
        containment = shared / shorter if shorter else 0.0
        clause = max(self._clause_cover(x, y.terms), self._clause_cover(y, x.terms))
        characters = ratio(x.key, y.key) / 100.0
        names = (
            len(x.names & y.names) / min(len(x.names), len(y.names)) if x.names and y.names else 0.0
        )
        numbers = _number_agreement(x, y)
        semantic = 0.0
        if self.vectors is not None:
            semantic = max(0.0, min(1.0, float(self.vectors[i] @ self.vectors[j])))
        mass = math.log1p(shared) / 3.0
        soft = containment
        if self.term_vectors is not None:
            soft = max(
                self._soft_cover(x, y, shared, max(wx, self.short_mass)),
                self._soft_cover(y, x, shared, max(wy, self.short_mass)),
            )
        vector = [lexical, containment, clause, characters, names, numbers, mass, semantic, soft]
        signals = Signals(
            lexical=round(lexical, 3),
            containment=round(containment, 3),
            names=round(names, 3),
            numbers=round(numbers, 3),
            characters=round(characters, 3),
            semantic=round(semantic, 3),
        )
        return vector, signals

    def _soft_cover(
        self, x: SentenceFeatures, y: SentenceFeatures, shared: float, wx: float
    ) -> float:
        """Share of x's content found in y, words without an exact match credited with their
        best word-embedding cosine in y (fled/escaped, jail/prison)."""
        if not wx or self.term_vectors is None:
            return 0.0
        rows = self.term_rows
        only = [t for t in x.terms - y.terms if t in rows]
        other = [rows[t] for t in y.terms if t in rows]
        if not only or not other:
            return shared / wx
        cosines = self.term_vectors[[rows[t] for t in only]] @ self.term_vectors[other].T
        best = cosines.max(axis=1)
        credit = math.fsum(
            self.idf.get(t, 1.0) * float(c)
            for t, c in zip(only, best, strict=True)
            if c >= SOFT_MIN
        )
        return min(1.0, (shared + credit) / wx)

    def _clause_cover(self, x: SentenceFeatures, other: frozenset[str]) -> float:
        """How fully the best-covered clause of ``x`` (3+ content words) appears in ``other``."""
        best = 0.0
        for clause in x.clauses:
            if len(clause) < 3:
                continue
            total = self.weight(clause)
            if total:
                best = max(best, self.weight(clause & other) / total)
        return best

    def score(self, i: int, j: int) -> tuple[float, Signals]:
        """The combined score of sentences i and j (1.0 for identical text) and its signals."""
        vector, signals = self.evidence(i, j)
        if self.features[i].key == self.features[j].key:
            return 1.0, signals
        if self.features[i].claimless or self.features[j].claimless:
            return 0.0, signals
        return combine(vector, semantic=self.vectors is not None), signals


def _number_agreement(x: SentenceFeatures, y: SentenceFeatures) -> float:
    """1.0 when neither has numbers, else the share of the smaller set of values in the other."""
    if not x.numbers and not y.numbers:
        return 1.0
    if not x.numbers or not y.numbers:
        return 0.5
    vx = {value for value, _ in x.numbers}
    vy = {value for value, _ in y.numbers}
    return len(vx & vy) / min(len(vx), len(vy))


def numbers_conflict(x: SentenceFeatures, y: SentenceFeatures) -> bool:
    """Two different values counting the same thing ("12 people" / "15 people")."""
    vx = {value for value, _ in x.numbers}
    vy = {value for value, _ in y.numbers}
    for value, unit in x.numbers:
        if not unit or value in vy:
            continue
        for other, other_unit in y.numbers:
            if other_unit == unit and other != value and other not in vx:
                return True
    return False


def similarity(sentence_a: str, sentence_b: str) -> float:
    """Symmetric similarity in [0, 1]; 1.0 for identical sentences."""
    scorer = Scorer([sentence_features(sentence_a), sentence_features(sentence_b)])
    return scorer.score(0, 1)[0]


# --- word-level diffs ------------------------------------------------------


def word_opcodes(
    text_a: str, text_b: str, offset_a: int = 0, offset_b: int = 0
) -> tuple[Opcode, ...]:
    """difflib opcodes over the word tokens of two texts, as absolute character spans.

    Words compare case-insensitively with folded punctuation; ``offset_a``/``offset_b`` are
    where the texts start in their sources. An empty side maps to the position where the
    other side's words would go.
    """
    spans_a = list(word_spans(text_a))
    spans_b = list(word_spans(text_b))
    tokens_a = [fold_punctuation(text_a[s:e]).lower() for s, e in spans_a]
    tokens_b = [fold_punctuation(text_b[s:e]).lower() for s, e in spans_b]
    matcher = SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start, a_end = _char_range(spans_a, i1, i2, len(text_a))
        b_start, b_end = _char_range(spans_b, j1, j2, len(text_b))
        ops.append(
            Opcode(tag, a_start + offset_a, a_end + offset_a, b_start + offset_b, b_end + offset_b)
        )
    return tuple(ops)


def _char_range(spans: list[tuple[int, int]], lo: int, hi: int, length: int) -> tuple[int, int]:
    if lo < hi:
        return spans[lo][0], spans[hi - 1][1]
    position = spans[lo][0] if lo < len(spans) else (spans[-1][1] if spans else length)
    return position, position
