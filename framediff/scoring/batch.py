"""The two costly features for many pairs at once: clause coverage and soft (word-embedding)
coverage of one sentence against all its candidate partners, in a few array operations
instead of a Python loop per pair. ``Scorer`` (``__init__.py``) owns the per-sentence
arrays built here and the meaning of each feature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy

    from framediff.scoring.features import SentenceFeatures


@dataclass(frozen=True)
class SentenceArrays:
    """One sentence's terms as arrays: ids, IDF weights, embedding rows, and its clauses."""

    ids: numpy.ndarray  # global term ids, sorted
    idf: numpy.ndarray
    rows: numpy.ndarray  # row in the term-vector table (the last row is zeros: numbers)
    name: numpy.ndarray  # which terms are names
    clause_matrix: numpy.ndarray  # clauses x terms: IDF share of each term in each clause
    clause_index: numpy.ndarray  # for each (clause, term) entry of this sentence ...
    clause_term: numpy.ndarray  # ... the term position
    clause_weight: numpy.ndarray  # ... and its IDF share of that clause


def sentence_arrays(
    features: Sequence[SentenceFeatures],
    idf: dict[str, float],
    vector_row: dict[str, int],
    zero_row: int,
    names: Sequence[frozenset[str]],
) -> list[SentenceArrays]:
    """Arrays for every sentence; clauses with fewer than three content words do not count."""
    import numpy as np

    term_id = {term: n for n, term in enumerate(sorted(idf))}
    out = []
    for item, named in zip(features, names, strict=True):
        terms = sorted(item.terms)
        position = {term: n for n, term in enumerate(terms)}
        weights = np.array([idf[t] for t in terms], dtype=float)
        clauses = [c for c in item.clauses if len(c) >= 3]
        # A last clause with no terms keeps every sentence's clause list non-empty.
        matrix = np.zeros((len(clauses) + 1, len(terms)))
        index, term_pos, share = [], [], []
        for c, clause in enumerate(clauses):
            members = [position[t] for t in clause if t in position]
            total = float(weights[members].sum()) if members else 0.0
            for p in members:
                matrix[c, p] = weights[p] / total if total else 0.0
                index.append(c)
                term_pos.append(p)
                share.append(matrix[c, p])
        out.append(
            SentenceArrays(
                ids=np.array([term_id[t] for t in terms], dtype=np.intp),
                idf=weights,
                rows=np.array([vector_row.get(t, zero_row) for t in terms], dtype=np.intp),
                name=np.array([t in named for t in terms], dtype=bool),
                clause_matrix=matrix,
                clause_index=np.array(index, dtype=np.intp),
                clause_term=np.array(term_pos, dtype=np.intp),
                clause_weight=np.array(share, dtype=float),
            )
        )
    return out


@dataclass(frozen=True)
class FlatArrays:
    """Every sentence's arrays end to end, so a group of partners is gathered with a few
    index operations instead of a Python loop over them; ``*_start`` has one entry per
    sentence and a last one."""

    term_start: numpy.ndarray
    ids: numpy.ndarray
    idf: numpy.ndarray
    rows: numpy.ndarray
    name: numpy.ndarray
    clause_start: numpy.ndarray  # in clause rows (each sentence's clause_matrix rows)
    entry_start: numpy.ndarray  # in (clause, term) entries
    entry_index: numpy.ndarray
    entry_term: numpy.ndarray
    entry_weight: numpy.ndarray


def flatten(arrays: Sequence[SentenceArrays]) -> FlatArrays:
    """The arrays of all sentences end to end (see ``FlatArrays``)."""
    import numpy as np

    def start(sizes: list[int]) -> numpy.ndarray:
        return np.concatenate([[0], np.cumsum(sizes, dtype=np.intp)]).astype(np.intp)

    def joined(parts: list[numpy.ndarray], dtype: Any) -> numpy.ndarray:
        return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)

    return FlatArrays(
        term_start=start([len(a.ids) for a in arrays]),
        ids=joined([a.ids for a in arrays], np.intp),
        idf=joined([a.idf for a in arrays], float),
        rows=joined([a.rows for a in arrays], np.intp),
        name=joined([a.name for a in arrays], bool),
        clause_start=start([len(a.clause_matrix) for a in arrays]),
        entry_start=start([len(a.clause_index) for a in arrays]),
        entry_index=joined([a.clause_index for a in arrays], np.intp),
        entry_term=joined([a.clause_term for a in arrays], np.intp),
        entry_weight=joined([a.clause_weight for a in arrays], float),
    )


def _ranges(first: numpy.ndarray, sizes: numpy.ndarray) -> numpy.ndarray:
    """The indices first[k] .. first[k] + sizes[k] - 1 of every k, end to end."""
    import numpy as np

    return np.repeat(first - _starts(sizes), sizes) + np.arange(int(sizes.sum()))


def coverage(
    arrays: Sequence[SentenceArrays],
    flat: FlatArrays,
    i: int,
    partners: Sequence[int],
    mass: Sequence[float],
    short_mass: float,
    term_vectors: numpy.ndarray | None,
    soft_min: float,
) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray | None]:
    """(shared IDF mass, clause cover, content cover, soft cover) of sentence i against each
    partner; soft is None without term vectors. Partners need terms."""
    import numpy as np

    x = arrays[i]
    count = len(partners)
    if len(x.ids) == 0 or count == 0:
        soft = np.zeros(count) if term_vectors is not None else None
        return np.zeros(count), np.zeros(count), np.zeros(count), soft
    chosen = np.asarray(partners, dtype=np.intp)
    first = flat.term_start[chosen]
    sizes = flat.term_start[chosen + 1] - first
    starts = _starts(sizes)
    gathered = _ranges(first, sizes)
    partner_ids = flat.ids[gathered]
    equal = x.ids[:, None] == partner_ids[None, :]
    in_partner = np.logical_or.reduceat(equal, starts, axis=1)  # x's terms found in each partner
    in_x = equal.any(axis=0)  # each partner term found in x
    shared = x.idf @ in_partner

    # Clause cover, both ways: the best-covered clause of x in each partner, and of each
    # partner in x.
    x_side = (x.clause_matrix @ in_partner).max(axis=0)
    clause_counts = flat.clause_start[chosen + 1] - flat.clause_start[chosen]
    clause_starts = _starts(clause_counts)
    entry_first = flat.entry_start[chosen]
    entry_sizes = flat.entry_start[chosen + 1] - entry_first
    entries = _ranges(entry_first, entry_sizes)
    index = flat.entry_index[entries] + np.repeat(clause_starts, entry_sizes)
    term = flat.entry_term[entries] + np.repeat(starts, entry_sizes)
    weight = flat.entry_weight[entries]
    covered = np.bincount(index, weights=weight * in_x[term], minlength=int(clause_counts.sum()))
    y_side = np.maximum.reduceat(covered, clause_starts)
    clause = np.maximum(x_side, y_side)

    # Content cover: containment of the shared terms that are a name on neither side.
    partner_name = flat.name[gathered]
    x_named = x.name[:, None] | np.logical_or.reduceat(equal & partner_name, starts, axis=1)
    y_named = partner_name | (equal & x.name[:, None]).any(axis=0)
    shared_content = (x.idf[:, None] * (in_partner & ~x_named)).sum(axis=0)
    partner_idf = flat.idf[gathered]
    rest_x = x.idf.sum() - (x.idf[:, None] * x_named).sum(axis=0)
    rest_y = np.add.reduceat(partner_idf * ~y_named, starts)
    floor = np.maximum(np.minimum(rest_x, rest_y), short_mass)
    content = np.where(shared_content > 0, np.minimum(1.0, shared_content / floor), 0.0)

    if term_vectors is None:
        return shared, clause, content, None
    partner_rows = flat.rows[gathered]
    cosines = term_vectors[x.rows] @ term_vectors[partner_rows].T
    # x's unmatched words credited with their best cosine in each partner ...
    best_in_partner = np.maximum.reduceat(cosines, starts, axis=1)
    credit_x = (x.idf[:, None] * best_in_partner * (best_in_partner >= soft_min) * ~in_partner).sum(
        axis=0
    )
    # ... and each partner's unmatched words with their best cosine in x.
    best_in_x = cosines.max(axis=0)
    credit_y = np.add.reduceat(partner_idf * best_in_x * (best_in_x >= soft_min) * ~in_x, starts)
    mass_x = max(mass[i], short_mass)
    mass_y = np.maximum(np.array([mass[j] for j in partners]), short_mass)
    soft = np.minimum(1.0, np.maximum((shared + credit_x) / mass_x, (shared + credit_y) / mass_y))
    return shared, clause, content, soft


def _starts(sizes: numpy.ndarray) -> numpy.ndarray:
    """Where each of consecutive blocks of these sizes starts (np.r_ is slow on small arrays)."""
    import numpy as np

    out = np.zeros(len(sizes), dtype=np.intp)
    np.cumsum(sizes[:-1], out=out[1:])
    return out
