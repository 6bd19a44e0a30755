"""The term-level features of many sentence pairs at once: shared IDF mass, clause cover,
content cover, names and numbers in common, and soft (word-embedding) cover, computed with
array operations over all pairs instead of a Python loop per pair. ``Scorer``
(``__init__.py``) owns the meaning of each feature and combines them.

Every sentence's terms are laid end to end (``TermArrays``); a pair's shared terms are found
by one sorted search of one side's (pair, term) keys in the other's.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy

    from framediff.scoring.features import SentenceFeatures

# Pairs handled per round: bounds the memory of the per-term arrays on large comparisons.
CHUNK = 16384

_controller: list[Any] = []
_controller_lock = threading.Lock()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the enclosed array work with BLAS on one thread, as it was before on exit.

    Soft cover multiplies thousands of small matrices (a sentence's words against its
    partners'). OpenBLAS's own threads cost more than they give there, and far more when
    the cores are busy: ``align`` at 1,000 x 1,000 sentences spent 0.14-0.65 s in soft
    cover with two BLAS threads on two shared cores, 0.03 s with one. Larger products
    (sentence cosines) lose little. The library's state is read once per process (~1 ms).
    """
    with _controller_lock:
        if not _controller:
            # The controller sees only the libraries loaded when it is made: numpy's first.
            import numpy  # noqa: F401
            from threadpoolctl import ThreadpoolController

            _controller.append(ThreadpoolController())
    with _controller[0].limit(limits=1, user_api="blas"):
        yield


@dataclass(frozen=True)
class TermArrays:
    """Every sentence's terms end to end (sorted ids within a sentence) and its clauses;
    ``*_start`` has one entry per sentence and a last one."""

    term_start: numpy.ndarray
    ids: numpy.ndarray  # term ids
    idf: numpy.ndarray
    rows: numpy.ndarray  # row in the term-vector table (the last row is zeros: numbers)
    name: numpy.ndarray  # which terms are names
    number: numpy.ndarray  # which terms are numbers ("#12")
    name_count: numpy.ndarray  # per sentence
    number_count: numpy.ndarray  # per sentence
    clause_start: numpy.ndarray  # clause rows per sentence (each has a last, empty clause)
    entry_start: numpy.ndarray  # (clause, term) entries per sentence ...
    entry_clause: numpy.ndarray  # ... the entry's clause within its sentence
    entry_term: numpy.ndarray  # ... the term's position within its sentence
    entry_weight: numpy.ndarray  # ... and its IDF share of that clause
    vocabulary: int  # number of term ids


@dataclass(frozen=True)
class PairFeatures:
    """Term-level features of pairs, an entry per pair."""

    shared: numpy.ndarray  # IDF mass of the terms both hold
    clause: numpy.ndarray  # best clause cover, either way
    content: numpy.ndarray  # containment of the shared terms that are names on neither side
    soft: numpy.ndarray | None  # cover with word-embedding matches (None without vectors)
    names: numpy.ndarray  # shared names / the smaller name set (0.0 when a side has none)
    numbers: numpy.ndarray  # numbers agreement: 1.0 with none on either side, 0.5 on one
    # side only, else the share of the smaller set of values found in the other


def term_arrays(
    features: Sequence[SentenceFeatures],
    idf: dict[str, float],
    vector_row: dict[str, int],
    zero_row: int,
    names: Sequence[frozenset[str]],
) -> TermArrays:
    """The arrays of all sentences; clauses with fewer than three content words do not count."""
    import numpy as np

    term_id = {term: n for n, term in enumerate(sorted(idf))}
    sizes: list[int] = []
    ids: list[int] = []
    weights: list[float] = []
    rows: list[int] = []
    name: list[bool] = []
    number: list[bool] = []
    clause_counts: list[int] = []
    entry_sizes: list[int] = []
    entry_clause: list[int] = []
    entry_term: list[int] = []
    entry_weight: list[float] = []
    for item, named in zip(features, names, strict=True):
        terms = sorted(item.terms)  # term ids are numbered in sorted order
        own = [idf[t] for t in terms]
        sizes.append(len(terms))
        ids.extend(term_id[t] for t in terms)
        weights.extend(own)
        rows.extend(vector_row.get(t, zero_row) for t in terms)
        name.extend(t in named for t in terms)
        number.extend(t.startswith("#") for t in terms)
        position = {term: n for n, term in enumerate(terms)}
        clauses = [c for c in item.clauses if len(c) >= 3]
        before = len(entry_term)
        for c, clause in enumerate(clauses):
            members = [position[t] for t in clause if t in position]
            total = math.fsum([own[p] for p in members])
            for p in members:
                entry_clause.append(c)
                entry_term.append(p)
                entry_weight.append(own[p] / total if total else 0.0)
        # A last clause with no terms keeps every sentence's clause list non-empty.
        clause_counts.append(len(clauses) + 1)
        entry_sizes.append(len(entry_term) - before)

    def start(counts: list[int]) -> numpy.ndarray:
        out = np.zeros(len(counts) + 1, dtype=np.intp)
        np.cumsum(counts, out=out[1:])
        return out

    term_start = start(sizes)
    name_array = np.array(name, dtype=bool)
    number_array = np.array(number, dtype=bool)
    owner = np.repeat(np.arange(len(sizes)), sizes)
    return TermArrays(
        term_start=term_start,
        ids=np.array(ids, dtype=np.int64),
        idf=np.array(weights, dtype=float),
        rows=np.array(rows, dtype=np.intp),
        name=name_array,
        number=number_array,
        name_count=_sum_by(owner, name_array, len(sizes)),
        number_count=_sum_by(owner, number_array, len(sizes)),
        clause_start=start(clause_counts),
        entry_start=start(entry_sizes),
        entry_clause=np.array(entry_clause, dtype=np.intp),
        entry_term=np.array(entry_term, dtype=np.intp),
        entry_weight=np.array(entry_weight, dtype=float),
        vocabulary=max(1, len(term_id)),
    )


@dataclass(frozen=True)
class PairContext:
    """What scoring pairs of one comparison needs besides the pairs: the term arrays, each
    sentence's IDF mass, the floor a short side's mass counts as, and the word vectors
    (None without the embedding model) with the cosine from which a word matches softly."""

    arrays: TermArrays
    mass: numpy.ndarray
    short_mass: float
    term_vectors: numpy.ndarray | None
    soft_min: float


def pair_features(
    context: PairContext, first: numpy.ndarray, second: numpy.ndarray
) -> PairFeatures:
    """Term-level features of the pairs (first[k], second[k]) (see ``PairFeatures``).

    Soft cover multiplies one sentence's word vectors with those of all its partners at
    once, so pairs are best given grouped by ``first`` (pairs of one sentence together).
    """
    import numpy as np

    parts = [
        _chunk(context, first[s : s + CHUNK], second[s : s + CHUNK])
        for s in range(0, len(first), CHUNK)
    ]
    soft = context.term_vectors is not None
    if not parts:
        empty = np.zeros(0)
        return PairFeatures(empty, empty, empty, empty if soft else None, empty, empty)

    def joined(name: str) -> numpy.ndarray:
        return np.concatenate([getattr(part, name) for part in parts])

    return PairFeatures(
        shared=joined("shared"),
        clause=joined("clause"),
        content=joined("content"),
        soft=joined("soft") if soft else None,
        names=joined("names"),
        numbers=joined("numbers"),
    )


def _chunk(context: PairContext, first: numpy.ndarray, second: numpy.ndarray) -> PairFeatures:
    import numpy as np

    arrays, short_mass = context.arrays, context.short_mass
    count = len(first)
    pair = np.arange(count)
    size_a = arrays.term_start[first + 1] - arrays.term_start[first]
    size_b = arrays.term_start[second + 1] - arrays.term_start[second]
    at_a = _ranges(arrays.term_start[first], size_a)  # each pair's a-terms, pair after pair
    at_b = _ranges(arrays.term_start[second], size_b)
    pair_a = np.repeat(pair, size_a)
    pair_b = np.repeat(pair, size_b)
    # (pair, term) keys are sorted on each side (ids are sorted within a sentence), so one
    # sorted search finds each a-term's copy in the b side.
    key_a = pair_a * arrays.vocabulary + arrays.ids[at_a]
    key_b = pair_b * arrays.vocabulary + arrays.ids[at_b]
    found = np.searchsorted(key_b, key_a)
    found[found >= len(key_b)] = 0
    in_b = key_b[found] == key_a if len(key_b) else np.zeros(len(key_a), dtype=bool)
    copy = found[in_b]  # where each matched a-term sits on the b side
    in_a = np.zeros(len(key_b), dtype=bool)  # b-terms that a holds too
    in_a[copy] = True

    idf_a, idf_b = arrays.idf[at_a], arrays.idf[at_b]
    name_a, name_b = arrays.name[at_a], arrays.name[at_b]
    shared = _sum_by(pair_a, idf_a * in_b, count)

    # Names: a term counts when it is a name on both sides.
    both_named = np.zeros(len(key_a), dtype=bool)
    both_named[in_b] = name_a[in_b] & name_b[copy]
    name_floor = np.minimum(arrays.name_count[first], arrays.name_count[second])
    names = np.divide(
        _sum_by(pair_a, both_named, count),
        name_floor,
        out=np.zeros(count),
        where=name_floor > 0,
    )
    numbers_a, numbers_b = arrays.number_count[first], arrays.number_count[second]
    number_floor = np.minimum(numbers_a, numbers_b)
    number_shared = _sum_by(pair_a, arrays.number[at_a] & in_b, count)
    numbers = np.where(
        number_floor > 0,
        np.divide(number_shared, number_floor, out=np.zeros(count), where=number_floor > 0),
        np.where((numbers_a == 0) & (numbers_b == 0), 1.0, 0.5),
    )

    # Content cover: containment of the shared terms that are a name on neither side.
    named_a = name_a.copy()
    named_a[in_b] |= name_b[copy]
    named_b = name_b.copy()
    named_b[copy] |= name_a[in_b]
    shared_content = _sum_by(pair_a, idf_a * (in_b & ~named_a), count)
    rest_a = _sum_by(pair_a, idf_a * ~named_a, count)
    rest_b = _sum_by(pair_b, idf_b * ~named_b, count)
    floor = np.maximum(np.minimum(rest_a, rest_b), short_mass)
    content = np.where(shared_content > 0, np.minimum(1.0, shared_content / floor), 0.0)

    # Clause cover, both ways: the best-covered clause of a in b, and of b in a.
    clause = np.maximum(
        _clause_cover(arrays, first, size_a, in_b), _clause_cover(arrays, second, size_b, in_a)
    )

    soft = None
    if context.term_vectors is not None:
        soft = _soft_cover(context, first, second, size_a, size_b, at_a, at_b, in_b, in_a, shared)
    return PairFeatures(shared, clause, content, soft, names, numbers)


def _clause_cover(
    arrays: TermArrays, side: numpy.ndarray, sizes: numpy.ndarray, held: numpy.ndarray
) -> numpy.ndarray:
    """Per pair, the largest IDF share of one clause of ``side``'s sentence whose terms the
    other sentence holds (``held``: per term of ``side``, pair after pair)."""
    import numpy as np

    entry_first = arrays.entry_start[side]
    entry_sizes = arrays.entry_start[side + 1] - entry_first
    entries = _ranges(entry_first, entry_sizes)
    clause_counts = arrays.clause_start[side + 1] - arrays.clause_start[side]
    clause_first = _starts(clause_counts)
    term = arrays.entry_term[entries] + np.repeat(_starts(sizes), entry_sizes)
    row = arrays.entry_clause[entries] + np.repeat(clause_first, entry_sizes)
    covered = _sum_by(row, arrays.entry_weight[entries] * held[term], int(clause_counts.sum()))
    return np.maximum.reduceat(covered, clause_first) if len(side) else np.zeros(0)


def _soft_cover(
    context: PairContext,
    first: numpy.ndarray,
    second: numpy.ndarray,
    size_a: numpy.ndarray,
    size_b: numpy.ndarray,
    at_a: numpy.ndarray,
    at_b: numpy.ndarray,
    in_b: numpy.ndarray,
    in_a: numpy.ndarray,
    shared: numpy.ndarray,
) -> numpy.ndarray:
    """Cover counting each unmatched word at its best word-vector cosine (from ``soft_min``)
    in the other sentence, the larger of the two directions; one matrix product per run of
    pairs that share their first sentence."""
    import numpy as np

    arrays, soft_min = context.arrays, context.soft_min
    term_vectors = context.term_vectors
    assert term_vectors is not None
    count = len(first)
    start_a = np.append(_starts(size_a), len(at_a))
    start_b = np.append(_starts(size_b), len(at_b))
    usable = (size_a > 0) & (size_b > 0)
    rows_a, rows_b = arrays.rows[at_a], arrays.rows[at_b]
    # Per term of each pair, its best cosine with the other sentence's terms, side by side
    # with ``at_a`` and ``at_b``; the loop only fills them, and the sums come after it.
    best_a = np.zeros(len(at_a), dtype=term_vectors.dtype)
    best_b = np.zeros(len(at_b), dtype=term_vectors.dtype)
    # Runs of consecutive pairs with the same first sentence: their a-terms repeat pair after
    # pair and their b-terms lie end to end, so a run needs slices, not gathers.
    boundaries = np.flatnonzero(np.diff(first)) + 1
    run_lo = np.concatenate([[0], boundaries])
    run_hi = np.concatenate([boundaries, [count]])
    # Where each pair's b-terms start within its run's block (a partner with no terms gets
    # an empty block, clamped into range here and masked by ``usable`` below).
    b_lo_of_pair = np.repeat(start_b[run_lo], run_hi - run_lo)
    b_hi_of_pair = np.repeat(start_b[run_hi], run_hi - run_lo)
    offsets = np.minimum(start_b[:-1] - b_lo_of_pair, b_hi_of_pair - b_lo_of_pair - 1)
    sizes, a_at, b_at = size_a.tolist(), start_a.tolist(), start_b.tolist()
    for lo, hi in zip(run_lo.tolist(), run_hi.tolist(), strict=True):
        size, b_lo, b_hi = sizes[lo], b_at[lo], b_at[hi]
        if size == 0 or b_hi == b_lo:
            continue
        a_lo = a_at[lo]
        cosines = term_vectors[rows_a[a_lo : a_lo + size]] @ term_vectors[rows_b[b_lo:b_hi]].T
        # a's words against each partner (pair after pair, as ``at_a`` lays them out) ...
        best_a[a_lo : a_at[hi]] = np.maximum.reduceat(cosines, offsets[lo:hi], axis=1).T.ravel()
        # ... and each partner's words against a.
        best_b[b_lo:b_hi] = cosines.max(axis=0)
    # A best cosine under soft_min is no match (thresholding the best is thresholding all).
    best_a *= best_a >= soft_min
    best_b *= best_b >= soft_min
    # What counts of a word: its IDF where the other side lacks it, else nothing.
    open_a = arrays.idf[at_a] * ~in_b
    open_b = arrays.idf[at_b] * ~in_a
    credit_a = _sum_by(np.repeat(np.arange(count), size_a), open_a * best_a, count)
    credit_b = _sum_by(np.repeat(np.arange(count), size_b), open_b * best_b, count)
    mass_a = np.maximum(context.mass[first], context.short_mass)
    mass_b = np.maximum(context.mass[second], context.short_mass)
    soft = np.minimum(1.0, np.maximum((shared + credit_a) / mass_a, (shared + credit_b) / mass_b))
    return np.where(usable, soft, 0.0)


def _sum_by(groups: numpy.ndarray, weights: numpy.ndarray, count: int) -> numpy.ndarray:
    """Sums of ``weights`` per group number, as floats (bincount of nothing gives integers)."""
    import numpy as np

    return np.bincount(groups, weights=weights, minlength=count).astype(float, copy=False)


def _ranges(first: numpy.ndarray, sizes: numpy.ndarray) -> numpy.ndarray:
    """The indices first[k] .. first[k] + sizes[k] - 1 of every k, end to end."""
    import numpy as np

    return np.repeat(first - _starts(sizes), sizes) + np.arange(int(sizes.sum()))


def _starts(sizes: numpy.ndarray) -> numpy.ndarray:
    """Where each of consecutive blocks of these sizes starts (np.r_ is slow on small arrays)."""
    import numpy as np

    out = np.zeros(len(sizes), dtype=np.intp)
    np.cumsum(sizes[:-1], out=out[1:])
    return out
