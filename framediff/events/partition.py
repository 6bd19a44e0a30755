"""The grouping's work on one partition of a corpus, done where the partition lives (this
process, a worker process or a Dask worker): profiles in compact arrays, term vectors under
the corpus's weights, blocking keys, and the scores of candidate pairs.

What leaves a partition is small: its term counts (``PartitionStats``), each article's
blocking keys and the scored candidate pairs (``Edges``). The vectors are built with the
same arithmetic as ``EventIndex``, so a pair scores the same to the last bit whichever
partition, process or machine scores it.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from framediff.events.dates import parse_iso
from framediff.events.features import EventFacts, facts_of, profile_document
from framediff.events.scoring import EventParams, _batched_dots, _idf, evidence_between
from framediff.model import Document

# Blocking keys kept per article: its most telling rare terms (as ``EventIndex`` keeps).
KEYS_PER_ARTICLE = 30
# An article whose terms are all common still meets its reprints through this many top terms.
MIN_KEYS = 5


@dataclass(frozen=True)
class PartitionStats:
    """What the corpus-wide term weights need from a partition."""

    terms: tuple[str, ...]  # the partition's terms, in the order first met
    surfaces: tuple[str, ...]  # a word form of each term, from the first article using it
    term_first: tuple[int, ...]  # corpus position of the first article using each term
    term_df: tuple[int, ...]  # articles of the partition using each term
    names: tuple[str, ...]
    name_df: tuple[int, ...]
    languages: dict[str, frozenset[str]]  # term or name -> languages of the articles using it
    positions: tuple[int, ...]  # corpus positions of the partition's articles
    dates: tuple[int, ...]  # each article's publication date as a day ordinal, 0 when unknown


@dataclass(frozen=True)
class PartitionFeatures:
    """Profiles of a partition's articles: terms and names as local ids, and the facts a
    pair score reads."""

    stats: PartitionStats
    term_ptr: np.ndarray  # article k's terms are term_ids[term_ptr[k]:term_ptr[k + 1]]
    term_ids: np.ndarray  # local term ids, in the profile's order
    term_weights: np.ndarray  # position-weighted counts
    name_ptr: np.ndarray
    name_ids: np.ndarray  # local name ids
    facts: tuple[EventFacts, ...]


@dataclass(frozen=True)
class TermTable:
    """The corpus's counts for one partition's local terms and names."""

    term_ids: np.ndarray  # corpus id of each local term
    term_df: tuple[int, ...]  # corpus document frequency of each local term
    term_background: tuple[float | None, ...]  # share of general-English articles using it
    name_ids: np.ndarray
    name_df: tuple[int, ...]
    name_background: tuple[float | None, ...]
    count: int  # articles in the corpus
    prior: float  # ``EventParams.prior_documents``
    space: int  # corpus terms so far (the scratch vector's length)
    name_space: int

    def idf(self, local: int, population: int) -> float:
        """A term's weight among ``population`` articles (see ``vectorize``)."""
        df = self.term_df[local] * population / self.count
        return _idf(df, population, self.term_background[local], self.prior)

    def name_idf(self, local: int, population: int) -> float:
        df = self.name_df[local] * population / self.count
        return _idf(df, population, self.name_background[local], self.prior)


@dataclass(frozen=True)
class PartitionVectors:
    """Normalised term vectors and weighted names of a partition's articles."""

    positions: np.ndarray
    terms: tuple[tuple[np.ndarray, np.ndarray], ...]  # (corpus term ids, weights), by id
    names: tuple[tuple[np.ndarray, np.ndarray], ...]
    name_mass: tuple[float, ...]
    facts: tuple[EventFacts, ...]
    space: int
    name_space: int


@dataclass(frozen=True)
class Edges:
    """Scored candidate pairs: corpus positions ``i < j``, their similarity, and whether
    the parameters keep the two apart whatever the score."""

    i: np.ndarray
    j: np.ndarray
    score: np.ndarray
    apart: np.ndarray

    @staticmethod
    def concat(parts: Sequence[Edges]) -> Edges:
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return Edges(empty, empty, np.zeros(0), np.zeros(0, dtype=bool))
        return Edges(
            np.concatenate([p.i for p in parts]),
            np.concatenate([p.j for p in parts]),
            np.concatenate([p.score for p in parts]),
            np.concatenate([p.apart for p in parts]),
        )


def extract(positions: Sequence[int], documents: Sequence[Document]) -> PartitionFeatures:
    """Profile a partition's articles (``positions`` are their places in the corpus)."""
    terms: dict[str, int] = {}
    surfaces: list[str] = []
    term_first: list[int] = []
    term_df: list[int] = []
    names: dict[str, int] = {}
    name_df: list[int] = []
    languages: dict[str, set[str]] = defaultdict(set)
    term_ptr, term_ids, term_weights = [0], [], []
    name_ptr, name_ids = [0], []
    facts, dates = [], []
    for position, document in zip(positions, documents, strict=True):
        profile = profile_document(document)
        for term, weight in profile.terms.items():
            local = terms.setdefault(term, len(terms))
            if local == len(surfaces):
                surfaces.append(profile.surfaces.get(term, term))
                term_first.append(position)
                term_df.append(0)
            elif position < term_first[local]:
                # The surface comes from the first article in corpus order, whatever the
                # order the partition was profiled in.
                surfaces[local] = profile.surfaces.get(term, term)
                term_first[local] = position
            term_df[local] += 1
            term_ids.append(local)
            term_weights.append(weight)
            languages[term].add(profile.language)
        for name in sorted(profile.names):
            local = names.setdefault(name, len(names))
            if local == len(name_df):
                name_df.append(0)
            name_df[local] += 1
            name_ids.append(local)
            languages[name].add(profile.language)
        term_ptr.append(len(term_ids))
        name_ptr.append(len(name_ids))
        facts.append(facts_of(profile))
        # Only a declared publication date places an article in a date window: a date
        # line read from the text may be an update stamp or a date the story looks back to.
        published = parse_iso(document.article.published)
        dates.append(published.toordinal() if published else 0)
    stats = PartitionStats(
        terms=tuple(terms),
        surfaces=tuple(surfaces),
        term_first=tuple(term_first),
        term_df=tuple(term_df),
        names=tuple(names),
        name_df=tuple(name_df),
        languages={key: frozenset(value) for key, value in languages.items()},
        positions=tuple(positions),
        dates=tuple(dates),
    )
    return PartitionFeatures(
        stats=stats,
        term_ptr=np.asarray(term_ptr, dtype=np.int64),
        term_ids=np.asarray(term_ids, dtype=np.int64),
        term_weights=np.asarray(term_weights, dtype=np.float64),
        name_ptr=np.asarray(name_ptr, dtype=np.int64),
        name_ids=np.asarray(name_ids, dtype=np.int64),
        facts=tuple(facts),
    )


def stats_of(features: PartitionFeatures) -> PartitionStats:
    return features.stats


def vectorize(
    features: PartitionFeatures, table: TermTable, populations: np.ndarray
) -> tuple[PartitionVectors, tuple[np.ndarray, np.ndarray]]:
    """The partition's vectors under the corpus's weights, and each article's blocking keys
    as (pointers, corpus term ids).

    A term weighs what it would among the articles an article can be compared with,
    ``populations[k]`` of them (its date window and the undated; the corpus when undated):
    the corpus's share of articles using the term, blended with general English as
    ``EventIndex`` blends it for a corpus of that size. So an article weighs its words the
    same whether its week is grouped alone or inside a season's corpus; for an undated
    corpus, the weights are ``EventIndex``'s to the last bit.

    A key is one of the article's top-weighted terms that is rare where the article can find
    partners: among ``populations[k]`` articles (its date window, or the whole corpus when
    undated) the term is expected in at most max(5, 3 sqrt(population)) of them, the cap
    ``EventIndex`` puts on the whole corpus.
    """
    stats = features.stats
    term_vectors, name_vectors, masses = [], [], []
    key_ptr, key_ids = [0], []
    ptr, local_ids, raw = features.term_ptr, features.term_ids.tolist(), features.term_weights
    for k in range(len(stats.positions)):
        pop = int(populations[k])
        locals_k = local_ids[ptr[k] : ptr[k + 1]]
        weights_k = raw[ptr[k] : ptr[k + 1]].tolist()
        # The same arithmetic, in the same order, as EventIndex._vector.
        values = [
            (1.0 + math.log(w) if w >= 1 else w) * table.idf(t, pop)
            for t, w in zip(locals_k, weights_k, strict=True)
        ]
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        values = [v / norm for v in values]
        order = sorted((int(table.term_ids[t]), v) for t, v in zip(locals_k, values, strict=True))
        term_vectors.append(
            (
                np.fromiter((i for i, _ in order), dtype=np.int64, count=len(order)),
                np.fromiter((v for _, v in order), dtype=np.float64, count=len(order)),
            )
        )
        name_locals = features.name_ids[features.name_ptr[k] : features.name_ptr[k + 1]].tolist()
        named = sorted((int(table.name_ids[n]), table.name_idf(n, pop)) for n in name_locals)
        name_weights = np.fromiter((w for _, w in named), dtype=np.float64, count=len(named))
        name_vectors.append(
            (np.fromiter((i for i, _ in named), dtype=np.int64, count=len(named)), name_weights)
        )
        masses.append(float(name_weights.sum()))
        key_ids.extend(_keys(locals_k, values, stats, table, pop))
        key_ptr.append(len(key_ids))
    vectors = PartitionVectors(
        positions=np.asarray(stats.positions, dtype=np.int64),
        terms=tuple(term_vectors),
        names=tuple(name_vectors),
        name_mass=tuple(masses),
        facts=features.facts,
        space=table.space,
        name_space=table.name_space,
    )
    keys = (np.asarray(key_ptr, dtype=np.int64), np.asarray(key_ids, dtype=np.int64))
    return vectors, keys


def rare_cap(population: int) -> int:
    """How many articles of a population may share a term for it to block on: grows with
    the square root, so the pairs it makes grow about linearly with the population."""
    return max(5, int(3 * math.sqrt(population)))


def _keys(
    locals_k: list[int], values: list[float], stats: PartitionStats, table: TermTable, pop: int
) -> list[int]:
    ranked = sorted(
        ((v, stats.terms[t], t) for t, v in zip(locals_k, values, strict=True)), reverse=True
    )
    # Expected users of the term among the population: df * pop / count <= cap, in integers.
    limit = rare_cap(pop) * table.count
    rare = [t for _, _, t in ranked if table.term_df[t] * pop <= limit][:KEYS_PER_ARTICLE]
    if len(rare) < MIN_KEYS:
        rare += [t for _, _, t in ranked if t not in rare][: MIN_KEYS - len(rare)]
    return [int(table.term_ids[t]) for t in rare]


def keys_of(
    result: tuple[PartitionVectors, tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray]:
    return result[1]


def vectors_of(
    result: tuple[PartitionVectors, tuple[np.ndarray, np.ndarray]],
) -> PartitionVectors:
    return result[0]


def score_block(
    params: EventParams,
    first: PartitionVectors,
    second: PartitionVectors,
    i: np.ndarray,
    j: np.ndarray,
) -> Edges:
    """Scores of the candidate pairs (i[k], j[k]) with i in ``first``, j in ``second``,
    sorted by (i, j); the products batched per article as ``EventIndex.pair_evidence``."""
    local_i = np.searchsorted(first.positions, i)
    local_j = np.searchsorted(second.positions, j)
    dense_terms = np.zeros(max(first.space, second.space) + 1)
    dense_names = np.zeros(max(first.name_space, second.name_space) + 1)
    scores = np.zeros(len(i))
    apart = np.zeros(len(i), dtype=bool)
    bounds: list[int] = (
        np.flatnonzero(np.r_[True, local_i[1:] != local_i[:-1], True]).tolist() if len(i) else []
    )
    for begin, end in itertools.pairwise(bounds):
        a = int(local_i[begin])
        partners = local_j[begin:end].tolist()
        texts = _batched_dots(dense_terms, first.terms[a], [second.terms[b] for b in partners])
        shared = _batched_dots(
            dense_names,
            first.names[a],
            [(ids, np.ones(len(ids))) for ids, _ in (second.names[b] for b in partners)],
        )
        for offset, (b, text, common) in enumerate(zip(partners, texts, shared, strict=True)):
            union = first.name_mass[a] + second.name_mass[b] - common
            names = float(common / union) if union > 0 else 0.0
            found = evidence_between(first.facts[a], second.facts[b], float(text), names)
            scores[begin + offset] = found.score(params)
            apart[begin + offset] = any(c in params.keep_apart for c in found.conflicts)
    kept = (scores > 0) | apart
    return Edges(i[kept], j[kept], scores[kept], apart[kept])
