"""Claim clusters from links: forming them, merging event groups, and reading order.

Connected components of the link graph snowball (a headline links five body sentences,
each of which links others), so clusters grow greedily from the strongest link down and a
merge is refused when the cluster would hold too many sentences of one source. A link
whose two sentences end up in different clusters is dropped, so both sentences of every
kept link share a cluster (the contract's invariant).
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.model import Alignment, Cluster, Coverage, Document, SentenceRef

# Most sentences of one source a cluster may hold (splits and merges); beyond it, weaker
# links that would join two claims are dropped instead.
MAX_PER_SOURCE = 3
# Share of the cross-source sentence pairs between two groups that must be linked for the
# groups to merge (average linkage): a single link no longer chains two claims together.
MIN_SUPPORT = 0.34


def cluster_links(
    sources: Sequence[str], ends: Sequence[tuple[int, int]], order: Sequence[int]
) -> tuple[list[int], list[list[int]]]:
    """Sentences are numbered in (source, sentence) order and ``sources[n]`` is sentence n's
    source; ``ends[k]`` are link k's two sentences and ``order`` its links strongest first.
    Returns the kept links (positions in ``ends``) and the groups of sentence numbers, every
    sentence in exactly one, each group sorted and the groups by their first member."""
    # Union-find over integers: comparing two numbers compares their sentences, and hashing
    # dataclass refs dominated the time on large comparisons.
    parent = list(range(len(sources)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(sources))}
    # Sentences of each source in each group, kept up to date as groups merge.
    per_source: dict[int, dict[str, int]] = {n: {sources[n]: 1} for n in range(len(sources))}

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def fits(left: dict[str, int], right: dict[str, int]) -> bool:
        return all(count + right.get(source, 0) <= MAX_PER_SOURCE for source, count in left.items())

    # Links between each two groups, kept up to date as groups merge.
    between_links: dict[int, dict[int, int]] = {}
    for a, b in ends:
        between_links.setdefault(a, {})[b] = between_links.get(a, {}).get(b, 0) + 1
        between_links.setdefault(b, {})[a] = between_links.get(b, {}).get(a, 0) + 1

    def supported(left: int, right: int) -> bool:
        """Enough links between two groups (average linkage), so chains do not merge claims:
        a share of the pairs of their sentences from different sources."""
        found = between_links[left].get(right, 0)
        counts_left, counts_right = per_source[left], per_source[right]
        between = len(members[left]) * len(members[right]) - sum(
            count * counts_right.get(source, 0) for source, count in counts_left.items()
        )
        return found >= MIN_SUPPORT * between

    for k in order:
        ra, rb = root(ends[k][0]), root(ends[k][1])
        if ra == rb:
            continue
        if fits(per_source[ra], per_source[rb]) and supported(ra, rb):
            keep, gone = (ra, rb) if ra < rb else (rb, ra)
            parent[gone] = keep
            members[keep] = members[ra] + members[rb]
            counts = per_source[keep]
            for source, count in per_source.pop(gone).items():
                counts[source] = counts.get(source, 0) + count
            kept_links = between_links[keep]
            del kept_links[gone]
            for other, count in between_links.pop(gone).items():
                if other == keep:
                    continue
                kept_links[other] = kept_links.get(other, 0) + count
                other_links = between_links[other]
                other_links[keep] = other_links.get(keep, 0) + count
                del other_links[gone]
            del members[gone]
    kept = [k for k, (a, b) in enumerate(ends) if root(a) == root(b)]
    return kept, [sorted(members[head]) for head in sorted(members)]


def make_clusters(
    refs: Sequence[SentenceRef], groups: Sequence[Sequence[int]], total: int
) -> tuple[Cluster, ...]:
    """Clusters (ids still empty) from groups of sentence numbers (positions in ``refs``)."""
    clusters = []
    for numbers in groups:
        group = tuple(refs[n] for n in numbers)
        sources = {ref.source for ref in group}
        coverage: Coverage = (
            "one" if len(sources) == 1 else "all" if len(sources) == total else "some"
        )
        clusters.append(Cluster(id="", members=group, coverage=coverage))
    return tuple(clusters)


def merge_alignments(documents: Sequence[Document], alignments: Sequence[Alignment]) -> Alignment:
    """One alignment over all documents: every sentence in exactly one cluster."""
    links = tuple(link for alignment in alignments for link in alignment.links)
    clusters = [cluster for alignment in alignments for cluster in alignment.clusters]
    covered = {ref for cluster in clusters for ref in cluster.members}
    for doc in documents:
        for sentence in doc.sentences:
            ref = SentenceRef(doc.id, sentence.index)
            if ref not in covered:
                clusters.append(Cluster(id="", members=(ref,), coverage="one"))
    numbered = tuple(
        Cluster(id=f"c{n + 1}", members=c.members, coverage=c.coverage)
        for n, c in enumerate(clusters)
    )
    return Alignment(links=links, clusters=numbered)


def order_clusters(
    alignment: Alignment, documents: Sequence[Document], reference: str | None
) -> Alignment:
    """Clusters in the reference's reading order, others after their nearest preceding
    neighbour (the cluster of the closest earlier sentence of the same source); renumbered."""
    clusters = list(alignment.clusters)
    if not clusters:
        return alignment
    of_ref = {ref: n for n, cluster in enumerate(clusters) for ref in cluster.members}
    sources = [doc.id for doc in documents]
    if reference in sources:
        sources.remove(reference)
        sources.insert(0, reference)
    ordered: list[int] = []
    placed: set[int] = set()
    for source in sources:
        doc = next(d for d in documents if d.id == source)
        anchor: int | None = None
        for sentence in doc.sentences:
            number = of_ref.get(SentenceRef(source, sentence.index))
            if number is None:
                continue
            if number not in placed:
                if source == sources[0]:
                    ordered.append(number)
                else:
                    ordered.insert(0 if anchor is None else ordered.index(anchor) + 1, number)
                placed.add(number)
            anchor = number
    ordered.extend(n for n in range(len(clusters)) if n not in placed)
    renumbered = tuple(
        Cluster(id=f"c{k + 1}", members=clusters[n].members, coverage=clusters[n].coverage)
        for k, n in enumerate(ordered)
    )
    return Alignment(links=alignment.links, clusters=renumbered)
