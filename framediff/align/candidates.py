"""Candidate pairs: which sentence pairs of different documents are worth an exact score.

An inverted index over content terms (weighted by IDF) finds pairs that share enough rare
content; when static embeddings are present, each sentence's nearest neighbours in every
other document are added, so low-overlap paraphrases still reach the scorer. Owns pruning
only; scoring is ``framediff.similarity``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from framediff.similarity import Scorer

if TYPE_CHECKING:
    import numpy

# Shared IDF mass a pair needs to be scored: about one rare word, or two common ones.
# Pairs below it scored under 0.1 on the ECB+ development gold.
MIN_SHARED = 2.5
# Terms in more than this share of all sentences are skipped in the index: they cost long
# posting lists and, with IDF near 1, cannot lift a pair over MIN_SHARED alone.
MAX_DF_SHARE = 0.05
# Embedding neighbours per sentence and document, and the cosine they need.
NEIGHBOURS = 3
MIN_COSINE = 0.45


def candidate_pairs(scorer: Scorer, owners: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences in different documents (``owners[i]`` is i's document)."""
    n = len(owners)
    limit = max(20, int(MAX_DF_SHARE * n))
    postings: dict[str, list[int]] = {}
    for index, item in enumerate(scorer.features):
        for term in item.terms:
            postings.setdefault(term, []).append(index)
    idf = scorer.idf
    accumulated: dict[int, float] = {}
    for term, members in postings.items():
        if len(members) < 2 or len(members) > limit:
            continue
        weight = idf[term]
        for position, i in enumerate(members):
            owner = owners[i]
            base = i * n
            for j in members[position + 1 :]:
                if owners[j] != owner:
                    key = base + j
                    accumulated[key] = accumulated.get(key, 0.0) + weight
    pairs = {divmod(key, n) for key, total in accumulated.items() if total >= MIN_SHARED}
    if scorer.vectors is not None:
        pairs |= _neighbour_pairs(scorer.vectors, owners)
    return sorted(pairs)


def _neighbour_pairs(vectors: numpy.ndarray, owners: Sequence[int]) -> set[tuple[int, int]]:
    """Each sentence's nearest neighbours in every other document, by cosine."""
    import numpy as np

    owner_array = np.asarray(owners)
    documents = sorted(set(owners))
    pairs: set[tuple[int, int]] = set()
    for a_pos, doc_a in enumerate(documents):
        rows_a = np.flatnonzero(owner_array == doc_a)
        for doc_b in documents[a_pos + 1 :]:
            rows_b = np.flatnonzero(owner_array == doc_b)
            # Blocks of rows keep memory flat at 5,000 sentences a side.
            for start in range(0, len(rows_a), 1024):
                block = rows_a[start : start + 1024]
                cosines = vectors[block] @ vectors[rows_b].T
                k = min(NEIGHBOURS, len(rows_b))
                best_b = np.argpartition(-cosines, k - 1, axis=1)[:, :k]
                for r, cols in enumerate(best_b):
                    for c in cols:
                        if cosines[r, c] >= MIN_COSINE:
                            pairs.add((int(block[r]), int(rows_b[c])))
                k_a = min(NEIGHBOURS, len(block))
                best_a = np.argpartition(-cosines, k_a - 1, axis=0)[:k_a, :]
                for r_list, c in zip(best_a.T, range(cosines.shape[1]), strict=True):
                    for r in r_list:
                        if cosines[r, c] >= MIN_COSINE:
                            pairs.add((int(block[r]), int(rows_b[c])))
    return pairs
