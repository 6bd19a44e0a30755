"""Grouping a corpus of any size into events, all at once or a chunk at a time.

``EventGrouper`` holds what the grouping has learnt of a corpus: the term statistics, each
article's blocking keys and date window, the scored candidate pairs and the events. Adding
a chunk profiles its articles in partitions (on a ``Cluster`` when one is given: worker
processes or Dask workers, which keep the partitions' vectors), scores only the candidate
pairs that hold a new article, and regroups only the connected parts of the pair graph that
the new pairs touch. Everything else stays as it was.

What a chunk's order can change: each article's vector is weighted by the corpus as it
stood when the article was added (so is the rarity of its blocking keys), and a pair is
scored with those two vectors. Given the scored pairs, the events are exactly those one
average-linkage run over all of them gives. Grouping everything in one ``add`` gives the
same events as ``EventIndex`` with the same candidate pairs.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from framediff.events.blocking import all_pairs, candidate_pairs, components, populations, windows
from framediff.events.linkage import average_linkage
from framediff.events.partition import (
    Edges,
    PartitionStats,
    TermTable,
    extract,
    keys_of,
    score_block,
    stats_of,
    vectorize,
    vectors_of,
)
from framediff.events.scoring import DEFAULT_PARAMS, EventParams, _background
from framediff.model import Document

# Articles profiled per task: big enough that shipping a task costs little beside the
# profiling (about a millisecond an article), small enough to spread a chunk over workers.
PARTITION_SIZE = 1000


class Cluster(Protocol):
    """Where partitions are worked on. ``map`` calls ``function`` on each tuple of items
    and returns handles in order (the values themselves, or futures of a cluster that keep
    the values on its workers); handles may be passed to later ``map`` calls; ``gather``
    brings values back. ``keeps_results`` says the handles are futures."""

    keeps_results: bool

    def map(self, function: Callable[..., Any], *iterables: Sequence[Any]) -> list[Any]: ...

    def gather(self, handles: Sequence[Any]) -> list[Any]: ...


class InProcess:
    """This process, one partition after another."""

    keeps_results = False

    def map(self, function: Callable[..., Any], *iterables: Sequence[Any]) -> list[Any]:
        return [function(*items) for items in zip(*iterables, strict=True)]

    def gather(self, handles: Sequence[Any]) -> list[Any]:
        return list(handles)


class EventGrouper:
    """Articles grouped into events, a chunk at a time."""

    def __init__(self, params: EventParams = DEFAULT_PARAMS, cluster: Cluster | None = None):
        self.params = params
        self.cluster: Cluster = cluster or InProcess()
        self.ids: list[str] = []
        # Corpus-wide statistics of terms and names by corpus id (each chunk's new terms are
        # numbered after the earlier ones, in sorted order).
        self._term_ids: dict[str, int] = {}
        self._df: list[int] = []
        self._surface: list[str] = []
        self._name_ids: dict[str, int] = {}
        self._name_df: list[int] = []
        self._languages: dict[str, set[str]] = defaultdict(set)
        # General-English share of each term or name, until its languages change.
        self._background: dict[str, dict[str, float | None]] = defaultdict(dict)
        # Per article: day ordinal of its declared publication date (0 unknown), partition and
        # blocking keys.
        self._dates = np.zeros(0, dtype=np.int64)
        self._partition = np.zeros(0, dtype=np.int64)
        self._key_ptr = np.zeros(1, dtype=np.int64)
        self._key_ids = np.zeros(0, dtype=np.int64)
        self._vectors: list[Any] = []  # handles of each partition's vectors
        self._edges = Edges.concat([])
        # The events of each connected part of the pair graph, by its smallest member.
        self._groups: dict[int, list[list[int]]] = {}
        self.pairs_scored = 0  # candidate pairs scored so far

    def add(self, documents: Sequence[Document]) -> None:
        """Group ``documents`` with the articles added before."""
        if not documents:
            return
        start = len(self.ids)
        self.ids.extend(doc.id for doc in documents)
        count = len(self.ids)
        # Partitions of articles published close together, so most pairs fall in one.
        order = sorted(
            range(len(documents)),
            key=lambda k: (documents[k].article.published or "~", k),
        )
        # Each partition holds its articles in corpus order (its arrays are searched by position).
        chunks = [
            sorted(order[at : at + PARTITION_SIZE]) for at in range(0, len(order), PARTITION_SIZE)
        ]
        cluster = self.cluster
        features = cluster.map(
            extract,
            [[start + k for k in chunk] for chunk in chunks],
            [[documents[k] for k in chunk] for chunk in chunks],
        )
        stats: list[PartitionStats] = self._part(stats_of, features)
        self._merge(stats)
        self._dates = np.concatenate([self._dates, np.zeros(len(documents), dtype=np.int64)])
        partition = np.zeros(len(documents), dtype=np.int64)
        for number, part in enumerate(stats, start=len(self._vectors)):
            at = np.asarray(part.positions, dtype=np.int64)
            self._dates[at] = part.dates
            partition[at - start] = number
        self._partition = np.concatenate([self._partition, partition])
        window = windows(self._dates)
        around = populations(window)
        tables = [self._table(part, count) for part in stats]
        results = cluster.map(
            vectorize,
            features,
            tables,
            [around[np.asarray(part.positions)] for part in stats],
        )
        self._vectors.extend(self._part(vectors_of, results, gather=False))
        self._add_keys(stats, self._part(keys_of, results), start)
        if count <= self.params.blocking_above:
            i, j = all_pairs(window, start)
        else:
            i, j = candidate_pairs(self._key_ptr, self._key_ids, window, start)
        self.pairs_scored += len(i)
        self._edges = Edges.concat([self._edges, self._score(i, j)])
        self._regroup(start)

    def events(self) -> list[list[str]]:
        """Article ids grouped by event: each group in the order articles were added,
        groups by their first article."""
        groups = sorted(group for parts in self._groups.values() for group in parts)
        return [[self.ids[k] for k in group] for group in groups]

    def indices(self) -> list[list[int]]:
        return sorted(group for parts in self._groups.values() for group in parts)

    @property
    def pairs_kept(self) -> int:
        """Scored pairs kept for the linkage (similarity above 0, or kept apart)."""
        return len(self._edges.i)

    def _part(self, function: Callable[[Any], Any], handles: list[Any], gather: bool = True) -> Any:
        """A part of each result: taken where the results are kept (on a cluster's workers,
        then brought back if ``gather``), or here when they are here already."""
        if not self.cluster.keeps_results:
            return [function(handle) for handle in handles]
        parts = self.cluster.map(function, handles)
        return self.cluster.gather(parts) if gather else parts

    def _merge(self, stats: Sequence[PartitionStats]) -> None:
        """Counts of a chunk's terms and names into the corpus's; new terms get ids in
        sorted order, as ``EventIndex`` numbers them."""
        first: dict[str, tuple[int, str]] = {}
        for part in stats:
            for term, surface, at in zip(part.terms, part.surfaces, part.term_first, strict=True):
                if term not in self._term_ids and (term not in first or at < first[term][0]):
                    first[term] = (at, surface)
            for key, languages in part.languages.items():
                if not languages <= self._languages[key]:
                    self._languages[key].update(languages)
                    self._background.pop(key, None)
        for term in sorted(first):
            self._term_ids[term] = len(self._df)
            self._df.append(0)
            self._surface.append(first[term][1])
        for name in sorted({n for part in stats for n in part.names} - self._name_ids.keys()):
            self._name_ids[name] = len(self._name_df)
            self._name_df.append(0)
        for part in stats:
            for term, df in zip(part.terms, part.term_df, strict=True):
                self._df[self._term_ids[term]] += df
            for name, df in zip(part.names, part.name_df, strict=True):
                self._name_df[self._name_ids[name]] += df

    def _table(self, part: PartitionStats, count: int) -> TermTable:
        ids = [self._term_ids[term] for term in part.terms]
        name_ids = [self._name_ids[name] for name in part.names]
        return TermTable(
            term_ids=np.asarray(ids, dtype=np.int64),
            term_df=tuple(self._df[k] for k in ids),
            term_background=tuple(
                self._share(term, self._surface[k]) for k, term in zip(ids, part.terms, strict=True)
            ),
            name_ids=np.asarray(name_ids, dtype=np.int64),
            name_df=tuple(self._name_df[k] for k in name_ids),
            name_background=tuple(self._share(name, name) for name in part.names),
            count=count,
            prior=self.params.prior_documents,
            space=len(self._df),
            name_space=len(self._name_df),
        )

    def _share(self, key: str, surface: str) -> float | None:
        known = self._background[key]
        if surface not in known:
            known[surface] = _background(surface, self._languages[key])
        return known[surface]

    def _add_keys(
        self,
        stats: Sequence[PartitionStats],
        keys: Sequence[tuple[np.ndarray, np.ndarray]],
        start: int,
    ) -> None:
        """Each new article's keys, stored in corpus order after the earlier ones'."""
        lengths = np.zeros(len(self.ids) - start, dtype=np.int64)
        pieces: dict[int, np.ndarray] = {}
        for part, (ptr, ids) in zip(stats, keys, strict=True):
            for k, at in enumerate(part.positions):
                lengths[at - start] = ptr[k + 1] - ptr[k]
                pieces[at] = ids[ptr[k] : ptr[k + 1]]
        self._key_ptr = np.concatenate([self._key_ptr, self._key_ptr[-1] + np.cumsum(lengths)])
        ordered = [pieces[at] for at in range(start, len(self.ids))]
        self._key_ids = np.concatenate([self._key_ids, *ordered])

    def _score(self, i: np.ndarray, j: np.ndarray) -> Edges:
        """Scores of the pairs (i, j), one task per pair of partitions."""
        if not len(i):
            return Edges.concat([])
        part_i, part_j = self._partition[i], self._partition[j]
        width = len(self._vectors)
        codes = part_i * width + part_j
        order = np.argsort(codes, kind="stable")
        bounds = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1], True])
        tasks = []
        for begin, end in itertools.pairwise(bounds):
            chosen = order[begin:end]
            a, b = divmod(int(codes[chosen[0]]), width)
            tasks.append((self._vectors[a], self._vectors[b], i[chosen], j[chosen]))
        firsts, seconds, lefts, rights = zip(*tasks, strict=True)
        found = self.cluster.gather(
            self.cluster.map(
                score_block, [self.params] * len(tasks), firsts, seconds, lefts, rights
            )
        )
        return Edges.concat(found)

    def _regroup(self, start: int) -> None:
        """Average linkage again over the connected parts that hold a new article."""
        edges = self._edges
        labels = components(len(self.ids), edges.i, edges.j)
        touched = np.unique(labels[start:])
        stale = set(touched.tolist())
        for key in [key for key in self._groups if int(labels[key]) in stale]:
            del self._groups[key]
        members = np.flatnonzero(np.isin(labels, touched))
        members = members[np.argsort(labels[members], kind="stable")]
        member_bounds = np.flatnonzero(np.r_[True, np.diff(labels[members]) != 0, True])
        in_touched = np.isin(labels[edges.i], touched)
        edge_rows = np.flatnonzero(in_touched)
        edge_rows = edge_rows[np.argsort(labels[edges.i[edge_rows]], kind="stable")]
        edge_labels = labels[edges.i[edge_rows]]
        threshold = self.params.threshold
        for begin, end in itertools.pairwise(member_bounds):
            group = members[begin:end]  # ascending: the sort above is stable
            label = int(labels[group[0]])
            low, high = np.searchsorted(edge_labels, [label, label + 1])
            rows = edge_rows[low:high]
            local_i = np.searchsorted(group, edges.i[rows]).tolist()
            local_j = np.searchsorted(group, edges.j[rows]).tolist()
            scores = edges.score[rows].tolist()
            links = {(a, b): s for a, b, s in zip(local_i, local_j, scores, strict=True) if s > 0}
            apart = frozenset(
                (a, b)
                for a, b, kept in zip(local_i, local_j, edges.apart[rows].tolist(), strict=True)
                if kept
            )
            found = average_linkage(len(group), links, threshold, apart)
            self._groups[label] = [[int(group[k]) for k in part] for part in found]
