"""Sentences of N documents -> Alignment (links and claim clusters).

PLACEHOLDER: links nothing; the N-way aligner is being written.
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.config import Settings
from framediff.model import Alignment, Cluster, Document, SentenceRef


def align(sentences_a: Sequence[str], sentences_b: Sequence[str]) -> list[tuple[int, int, float]]:
    """Links between two lists of sentences as (i, j, score), sorted by i then j."""
    return []


def align_documents(documents: Sequence[Document], settings: Settings) -> Alignment:
    """Links between every pair of documents and the claim clusters they form."""
    return Alignment(links=(), clusters=())


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
    """Clusters in the reference's reading order, others after their nearest preceding neighbour."""
    return alignment
