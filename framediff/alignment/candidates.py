"""Candidate pairs: which sentence pairs of different documents are worth an exact score.

An inverted index over content terms (weighted by IDF) finds pairs that share rare content
and could reach MIN_CONTAINMENT. Owns pruning only; scoring is ``framediff.scoring``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from framediff.scoring import Scorer

if TYPE_CHECKING:
    import numpy as np

# Containment (share of the shorter side's content found in the other) a pair needs to be
# scored: every pair the combination links on the ECB+ development gold has at least 0.15.
MIN_CONTAINMENT = 0.15
# Terms in more than this share of all sentences are skipped in the index: they cost long
# posting lists and, with IDF near 1, cannot lift a pair over MIN_SHARED alone.
MAX_DF_SHARE = 0.05


def candidate_pairs(scorer: Scorer, owners: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j), i < j, of sentences in different documents (``owners[i]`` is i's
    document) that share an indexed term and could reach MIN_CONTAINMENT, as an array with
    a row per pair, and an upper bound of each pair's shared IDF mass."""
    import numpy as np

    n = len(owners)
    limit = max(20, int(MAX_DF_SHARE * n))
    postings: dict[str, list[int]] = {}
    for index, item in enumerate(scorer.features):
        if item.claimless:
            continue
        for term in item.terms:
            postings.setdefault(term, []).append(index)
    frequent = {term for term, members in postings.items() if len(members) > limit}
    # Weight of each sentence's unindexed (frequent) terms: what the index cannot see.
    unseen = np.array([scorer.weight(item.terms & frequent) for item in scorer.features])
    owner = np.asarray(owners, dtype=np.int64)
    keys: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    # Posting lists share few lengths: each length's index pairs once.
    triangles: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for term in sorted(postings):
        members = postings[term]
        if len(members) < 2 or term in frequent:
            continue
        rows = np.asarray(members, dtype=np.int64)
        if len(rows) not in triangles:
            triangles[len(rows)] = np.triu_indices(len(rows), 1)
        first, second = triangles[len(rows)]
        i, j = rows[first], rows[second]
        other = owner[i] != owner[j]
        keys.append(i[other] * n + j[other])
        weights.append(np.full(int(other.sum()), scorer.idf[term]))
    if not keys:
        return np.zeros((0, 2), dtype=np.intp), np.zeros(0)
    flat = np.concatenate(keys)
    unique, inverse = np.unique(flat, return_inverse=True)
    shared = np.bincount(inverse, weights=np.concatenate(weights))
    i, j = np.divmod(unique, n)
    mass = scorer.mass
    bound = shared + np.minimum(unseen[i], unseen[j])
    shorter = np.maximum(np.minimum(mass[i], mass[j]), scorer.short_mass)
    keep = bound >= MIN_CONTAINMENT * shorter
    return np.column_stack([i[keep], j[keep]]).astype(np.intp), bound[keep]
