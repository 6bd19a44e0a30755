"""Candidate pairs: which sentence pairs of different documents are worth an exact score.

An inverted index over content terms (weighted by IDF) finds pairs that share rare content
and could reach MIN_CONTAINMENT. Owns pruning only; scoring is ``framediff.similarity``.
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.similarity import Scorer

# Containment (share of the shorter side's content found in the other) a pair needs to be
# scored: every pair the combination links on the ECB+ development gold has at least 0.15.
MIN_CONTAINMENT = 0.15
# Terms in more than this share of all sentences are skipped in the index: they cost long
# posting lists and, with IDF near 1, cannot lift a pair over MIN_SHARED alone.
MAX_DF_SHARE = 0.05


def candidate_pairs(scorer: Scorer, owners: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences in different documents (``owners[i]`` is i's document)
    that share at least one indexed term and could reach MIN_CONTAINMENT."""
    n = len(owners)
    limit = max(20, int(MAX_DF_SHARE * n))
    postings: dict[str, list[int]] = {}
    for index, item in enumerate(scorer.features):
        if item.claimless:
            continue
        for term in item.terms:
            postings.setdefault(term, []).append(index)
    idf = scorer.idf
    frequent = {term for term, members in postings.items() if len(members) > limit}
    # Weight of each sentence's unindexed (frequent) terms: what the index cannot see.
    unseen = [scorer.weight(item.terms & frequent) for item in scorer.features]
    accumulated: dict[int, float] = {}
    for term, members in postings.items():
        if len(members) < 2 or term in frequent:
            continue
        weight = idf[term]
        for position, i in enumerate(members):
            owner = owners[i]
            base = i * n
            for j in members[position + 1 :]:
                if owners[j] != owner:
                    key = base + j
                    accumulated[key] = accumulated.get(key, 0.0) + weight
    pairs = []
    mass, short = scorer.mass, scorer.short_mass
    for key, shared in accumulated.items():
        i, j = divmod(key, n)
        bound = shared + min(unseen[i], unseen[j])
        if bound >= MIN_CONTAINMENT * max(min(mass[i], mass[j]), short):
            pairs.append((i, j))
    return sorted(pairs)
