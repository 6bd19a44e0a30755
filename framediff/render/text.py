"""Plain-text renderings: extract listings, alignment TSV, event lines, and the
plain comparison summary used when output is piped or written to a file.
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.model import Comparison, Document, Finding, Link
from framediff.render.rows import Piece, build_layout, evidence_refs, split_edges, without_credit
from framediff.render.theme import glyph, glyphs
from framediff.text import display_width, squash_spaces, strip_control


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


def pieces_to_text(pieces: Sequence[Piece]) -> str:
    """A marked cell in plain text, wdiff style: {+inserted+}, [-removed-], changed as {~new~}."""
    marks = {"fd.insert": ("{+", "+}"), "fd.change": ("{~", "~}"), "fd.delete": ("[-", "-]")}
    out = []
    for piece in without_credit(pieces):
        if piece.style in marks and piece.text.strip():
            opening, closing = marks[piece.style]
            lead, core, trail = split_edges(piece.text)
            out.append(f"{lead}{opening}{core}{closing}{trail}")
        else:
            out.append(piece.text)
    return squash_spaces("".join(out))


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def finding_lines(comparison: Comparison, finding: Finding, number: int) -> list[str]:
    """One finding: its summary, then the exact sentence of every source involved."""
    labels = {doc.id: doc.label for doc in comparison.documents}
    lines = [
        f"{number}. {glyph(finding.kind)} [{finding.kind} {finding.weight:.2f}] {finding.summary}"
    ]
    for ref in evidence_refs(finding):
        sentence = comparison.sentence(ref)
        lines.append(
            f"   {labels.get(ref.source, ref.source)} ({ref.sentence + 1}): {sentence.text}"
        )
    for source in finding.sources_missing:
        lines.append(f"   {labels.get(source, source)}: not reported")
    return lines


def comparison_to_text(comparison: Comparison) -> str:
    """The plain comparison (for pipes and files): sources, event check, findings, rows."""
    layout = build_layout(comparison)
    labels = {doc.id: doc.label for doc in comparison.documents}
    width = max(display_width(label) for label in labels.values()) if labels else 0
    reference = labels.get(comparison.reference or "", "none")
    lines = [
        f"framediff {comparison.version}: {len(comparison.documents)} sources, reference {reference}",
        "",
    ]
    outlets = [doc.article.outlet or "-" for doc in comparison.documents]
    outlet_width = max((display_width(outlet) for outlet in outlets), default=0)
    for doc, outlet in zip(comparison.documents, outlets, strict=True):
        date = doc.article.published or "-"
        lines.append(
            f"  {_pad(doc.label, width)}  {_pad(outlet, outlet_width)}  {date:<10}"
            f"  {len(doc.sentences)} sentence{'' if len(doc.sentences) == 1 else 's'}"
        )
    if len(comparison.events) > 1:
        groups = " / ".join(", ".join(labels[s] for s in event) for event in comparison.events)
        lines += ["", f"Event check: the sources may report different events: {groups}"]
    findings = list(comparison.shown_findings)
    lines += ["", f"Findings ({len(findings)}):"]
    for number, finding in enumerate(findings, start=1):
        lines += finding_lines(comparison, finding, number)
    lines += ["", f"Rows against {reference}: {{+inserted+}} {{~changed~}} [-removed-]"]
    for row in layout.rows:
        marks = glyphs(f.kind for f in row.findings)
        lines.append(f"-- row {row.index + 1} {marks}".rstrip())
        for cell in row.cells:
            text = "(not reported)" if cell.missing else pieces_to_text(cell.pieces)
            lines.append(f"  {_pad(labels[cell.source], width)} | {text}")
    return strip_control("\n".join(lines)) + "\n"
