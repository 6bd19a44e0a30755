"""Average-linkage agglomeration over a sparse graph of pair similarities."""

from __future__ import annotations

import heapq


def average_linkage(
    count: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    apart: frozenset[tuple[int, int]] = frozenset(),
) -> list[list[int]]:
    """Agglomerate items 0..count-1 by average similarity over a sparse graph.

    A pair absent from ``edges`` counts as similarity 0, so merging stays cheap when the
    graph is sparse. Two groups holding a pair listed in ``apart`` never merge. Ties break
    by the smallest member indices, so runs are deterministic.
    """
    blocked: dict[int, set[int]] = {i: set() for i in range(count)}
    for i, j in apart:
        blocked[i].add(j)
        blocked[j].add(i)
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    for (i, j), similarity in edges.items():
        sums[i][j] = similarity
        sums[j][i] = similarity
    heap = [(-s, i, j) for (i, j), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    alive = set(range(count))
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in alive or j not in alive:
            continue
        current = sums[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(current + negative) > 1e-12 or j in blocked[i]:
            continue  # stale entry (the pair's average changed since it was pushed) or kept apart
        # Merge j into i (i has the smaller first member after the swap).
        if members[j][0] < members[i][0]:
            i, j = j, i
        members[i].extend(members.pop(j))
        alive.discard(j)
        for other in blocked.pop(j):
            blocked[other].discard(j)
            blocked[other].add(i)
            blocked[i].add(other)
        merged = sums.pop(j)
        merged.pop(i, None)
        sums[i].pop(j, None)
        for other, value in merged.items():
            sums[i][other] = sums[i].get(other, 0.0) + value
        for other, value in sums[i].items():
            sums[other].pop(j, None)
            sums[other][i] = value
            average = value / (len(members[i]) * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, min(i, other), max(i, other)))
    groups = [sorted(members[i]) for i in alive]
    return sorted(groups, key=lambda group: group[0])
