"""Plain-text renderings: extract listings, alignment TSV, event lines, and the
plain comparison summary used when output is piped or written to a file.
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.model import Comparison, Document, Link
from framediff.text import strip_control


def extract_to_text(documents: Sequence[Document]) -> str:
    """Metadata, numbered sentences and removed lines of every article."""
    blocks = []
    for doc in documents:
        article = doc.article
        lines = [f"== {doc.id} {doc.label}"]
        for name, value in (
            ("origin", article.origin),
            ("title", article.title),
            ("outlet", article.outlet),
            ("dateline", article.dateline),
            ("published", article.published),
            ("language", article.language),
            ("url", article.url),
        ):
            if value:
                lines.append(f"{name}: {value}")
        lines.append(f"sentences: {len(doc.sentences)}")
        lines.append("")
        for sentence in doc.sentences:
            lines.append(f"[{sentence.index}] {sentence.text}")
        if article.removed:
            lines.append("")
            lines.append(f"removed ({len(article.removed)}):")
            for removed in article.removed:
                snippet = removed.text if len(removed.text) <= 100 else removed.text[:97] + "..."
                lines.append(f"  - {removed.reason}: {snippet}")
        blocks.append("\n".join(lines))
    return strip_control("\n\n".join(blocks)) + "\n"


def links_to_tsv(links: Sequence[Link]) -> str:
    """``i<TAB>j<TAB>score<TAB>relation`` per link, sorted by i then j."""
    rows = sorted((link.a.sentence, link.b.sentence, link.score, link.relation) for link in links)
    return "".join(f"{i}\t{j}\t{score:.3f}\t{relation}\n" for i, j, score, relation in rows)


def events_to_text(documents: Sequence[Document], events: Sequence[Sequence[str]]) -> str:
    """One line per event: its sources' labels, tab-separated."""
    labels = {doc.id: doc.label for doc in documents}
    return "".join("\t".join(labels[source] for source in event) + "\n" for event in events)


def comparison_to_text(comparison: Comparison) -> str:
    """A plain summary: sources, then findings. PLACEHOLDER until the renderers land."""
    lines = [f"framediff {comparison.version}"]
    for doc in comparison.documents:
        lines.append(f"{doc.id}\t{doc.label}\t{len(doc.sentences)} sentences")
    for finding in comparison.analysis.findings:
        lines.append(f"[{finding.kind}] {finding.summary}")
    return strip_control("\n".join(lines)) + "\n"
