"""Comparison -> GitHub-flavoured markdown report.

Sections, in reading order: title and sources, event check, key findings (each
quoting the exact sentences involved), coverage matrix, attribution table, aligned
sentences side by side, content unique to each source, quotations compared, method.
Every piece of article text goes through ``escape`` so it can never break a table
or inject HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from framediff.model import Comparison, Finding, SentenceRef
from framediff.render.rows import (
    Cell,
    Layout,
    Piece,
    Row,
    build_layout,
    emphasis_spans,
    evidence_refs,
    split_edges,
    without_credit,
)
from framediff.render.theme import glyph, glyphs
from framediff.text import squash_spaces, strip_control, words

KEY_FINDINGS = 10  # findings quoted in full; the rest are listed one line each
COVERAGE_ROWS = 40
CLAIM_CHARS = 90

# Characters that could start markdown syntax or HTML inside inline text or a table
# cell: \ ` * _ [ ] < > | ~ # (a heading where a line or list item starts with it), and &
# when it would start an entity (&amp; &#39;).
_MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>|~#])|&(?=#?\w+;)")


# Runs of white space, newlines included: a cell or a quote is one line.
_SPACE_RE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Article text as inline markdown that renders as the same text: one line, escaped."""
    flat = _SPACE_RE.sub(" ", strip_control(text))
    return _MARKDOWN_SPECIAL_RE.sub(lambda m: "\\" + (m.group(1) or "&"), flat)


def _marked(text: str, marker: str) -> str:
    """``text`` wrapped in ``marker`` with its outer spaces left outside (CommonMark needs that)."""
    lead, core, trail = split_edges(text)
    if not core:
        return text
    return f"{lead}{marker}{escape(core)}{marker}{trail}"


def pieces_markdown(pieces: Iterable[Piece]) -> str:
    """Marked-up cell: inserted and changed words **bold**, removed words ~~struck~~."""
    out = []
    for piece in without_credit(pieces):
        if piece.style in ("fd.insert", "fd.change"):
            out.append(_marked(piece.text, "**"))
        elif piece.style == "fd.delete":
            out.append(_marked(piece.text, "~~"))
        else:
            out.append(escape(piece.text) if piece.text.strip() else " ")
    return squash_spaces("".join(out))


def _cell_markdown(cell: Cell) -> str:
    return "_not reported_" if cell.missing else pieces_markdown(cell.pieces)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return lines


def shorten(text: str, limit: int = CLAIM_CHARS) -> str:
    """Text on one line, cut at a word and marked with "…" when longer than ``limit``."""
    flat = squash_spaces(text)
    if len(flat) <= limit:
        return flat
    return (
        flat[: flat.rfind(" ", 0, limit - 1) if " " in flat[:limit] else limit].rstrip(",;: ") + "…"
    )


def _title(comparison: Comparison, layout: Layout) -> str:
    reference = next((d for d in comparison.documents if d.id == layout.reference), None)
    title = (reference.article.title if reference else None) or "how the sources differ"
    return f"# framediff report: {escape(title)}"


def _sources_section(comparison: Comparison, layout: Layout) -> list[str]:
    unique = {doc.id: 0 for doc in comparison.documents}
    for row in layout.rows:
        if row.is_unique:
            unique[row.present[0]] += len(row.cell(row.present[0]).sentences)
    rows = []
    for doc in comparison.documents:
        article = doc.article
        label = escape(doc.label) + (" (reference)" if doc.id == layout.reference else "")
        rows.append(
            [
                label,
                escape(article.outlet or "—"),
                article.published or "—",
                str(len(words(article.text))),
                str(len(doc.sentences)),
                str(unique[doc.id]),
            ]
        )
    header = ["Source", "Outlet", "Date", "Words", "Sentences", "Unique sentences"]
    return _table(header, rows)


def _event_section(comparison: Comparison) -> list[str]:
    labels = {doc.id: doc.label for doc in comparison.documents}
    events = comparison.events
    if len(events) <= 1:
        count = len(comparison.documents)
        who = "both sources" if count == 2 else f"all {count} sources"
        return [f"**Event check:** {who} appear to report the same event."]
    groups = "; ".join(", ".join(escape(labels[s]) for s in event) for event in events)
    return [
        f"**Event check:** the sources may report {len(events)} different events ({groups}). "
        "Alignment, coverage and omissions are computed within each group."
    ]


def _sentence_quote(comparison: Comparison, finding: Finding, ref: SentenceRef) -> str:
    """The exact sentence with the parts the finding is about in bold."""
    doc = comparison.document(ref.source)
    sentence = doc.sentences[ref.sentence]
    pieces: list[Piece] = []
    cursor = sentence.start
    for start, end in emphasis_spans(comparison, finding, ref):
        pieces.append(Piece(doc.article.text[cursor:start]))
        pieces.append(Piece(doc.article.text[start:end], "fd.insert"))
        cursor = end
    pieces.append(Piece(doc.article.text[cursor : sentence.end]))
    return pieces_markdown(pieces)


def _finding_block(comparison: Comparison, number: int, finding: Finding) -> list[str]:
    labels = {doc.id: doc.label for doc in comparison.documents}
    kind = finding.kind.replace("_", " ")
    lines = [f"### {number}. {glyph(finding.kind)} {escape(finding.summary)}", ""]
    meta = f"_{kind}, weight {finding.weight:.2f}"
    if finding.sources:
        meta += " · in: " + ", ".join(escape(labels.get(s, s)) for s in finding.sources)
    if finding.sources_missing:
        meta += " · not in: " + ", ".join(escape(labels.get(s, s)) for s in finding.sources_missing)
    lines += [meta + "_", ""]
    quoted = []
    for ref in evidence_refs(finding):
        label = escape(labels.get(ref.source, ref.source))
        text = _sentence_quote(comparison, finding, ref)
        quoted.append(f"> **{label}** (sentence {ref.sentence + 1}): {text}")
    for source in finding.sources_missing:
        quoted.append(f"> **{escape(labels.get(source, source))}**: _not reported_")
    lines += _joined_quote(quoted)
    return lines


def _joined_quote(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out:
            out.append(">")
        out.append(line)
    return out


def _findings_section(comparison: Comparison, findings: Sequence[Finding]) -> list[str]:
    lines = ["## Key findings", ""]
    if not findings:
        return [*lines, "No findings: the sources agree on everything framediff checks."]
    key_ids = {f.id for f in comparison.key_findings}
    key = [f for f in findings if f.id in key_ids][:KEY_FINDINGS]
    confidence = comparison.settings.key_confidence
    lines += [
        f"_A finding's weight is how often findings of its kind proved true when read by "
        f"editors on real coverage; those of weight {confidence:.2f} or more are quoted "
        f"here._",
        "",
    ]
    if not key:
        lines += [f"No finding reaches weight {confidence:.2f}.", ""]
    for number, finding in enumerate(key, start=1):
        lines += [*_finding_block(comparison, number, finding), ""]
    quoted = {f.id for f in key}
    rest = [f for f in findings if f.id not in quoted]
    if rest:
        lines += [f"Other findings ({len(rest)}):", ""]
        lines += [
            f"- {escape(glyph(f.kind))} {escape(f.summary)} "
            f"(_{f.kind.replace('_', ' ')}, {f.weight:.2f}_)"
            for f in rest
        ]
        lines.append("")
    return lines[:-1] if lines[-1] == "" else lines


def _coverage_section(comparison: Comparison) -> list[str]:
    rows = comparison.analysis.coverage
    lines = ["## Coverage of entities and topics", ""]
    if not rows:
        return [*lines, "No entities or topics were recognised."]
    header = ["Entity or topic", "Type"] + [escape(d.label) for d in comparison.documents]
    body = [
        [escape(row.canonical), row.type.lower()]
        + [str(row.mentions.get(d.id, 0) or "—") for d in comparison.documents]
        for row in rows[:COVERAGE_ROWS]
    ]
    lines += _table(header, body)
    if len(rows) > COVERAGE_ROWS:
        lines += [
            "",
            f"{len(rows) - COVERAGE_ROWS} more rows in the JSON output (`--format json`).",
        ]
    return lines


def _claim(comparison: Comparison, row: Row, reference: str | None) -> str:
    present = row.present
    source = reference if reference in present else present[0]
    cell = row.cell(source)
    text = " ".join(comparison.document(source).sentences[i].text for i in cell.sentences)
    return escape(shorten(text))


def _attribution_section(comparison: Comparison, layout: Layout) -> list[str]:
    lines = ["## Who is credited", ""]
    body = []
    for row in layout.rows:
        credits = []
        any_credit = False
        for cell in row.cells:
            if cell.missing:
                credits.append("_not reported_")
                continue
            names = []
            for index in cell.sentences:
                analysis = comparison.sentence_analysis(SentenceRef(cell.source, index))
                for attribution in analysis.attributions if analysis else ():
                    if attribution.kind == "unattributed":
                        continue
                    speaker = attribution.speaker or attribution.speaker_canonical or "?"
                    names.append(f"{escape(speaker)} ({attribution.kind.replace('_', ' ')})")
            any_credit = any_credit or bool(names)
            credits.append("; ".join(names) if names else "stated as fact")
        if any_credit and len(row.present) > 1:
            body.append([str(row.index + 1), _claim(comparison, row, layout.reference), *credits])
    if not body:
        return [*lines, "No claim that several sources carry is credited to anyone."]
    header = ["Row", "Claim"] + [escape(d.label) for d in comparison.documents]
    return lines + _table(header, body)


def _aligned_section(comparison: Comparison, layout: Layout) -> list[str]:
    lines = ["## Aligned sentences", ""]
    shared = [row for row in layout.rows if len(row.present) > 1]
    if not shared:
        return [*lines, "No sentence of one source was matched in another."]
    reference = layout.label(layout.reference) if layout.reference else "the reference"
    lines += [
        f"Rows follow the reading order of {escape(reference)}; words are marked against it: "
        "**inserted or changed**, ~~removed~~.",
        "",
    ]
    header = ["Row", " "] + [escape(d.label) for d in comparison.documents]
    body = [
        [str(row.index + 1), glyphs(f.kind for f in row.findings)]
        + [_cell_markdown(cell) for cell in row.cells]
        for row in shared
    ]
    return lines + _table(header, body)


def _unique_section(comparison: Comparison, layout: Layout) -> list[str]:
    lines = ["## Only in one source", ""]
    for doc in comparison.documents:
        rows = [row for row in layout.rows if row.present == (doc.id,)]
        indexes = [i for row in rows for i in row.cell(doc.id).sentences]
        count = f"{len(indexes)} sentence" + ("" if len(indexes) == 1 else "s")
        lines.append(f"### {escape(doc.label)} ({count})")
        lines.append("")
        if not indexes:
            lines += ["Nothing: everything it says appears in another source.", ""]
            continue
        lines += [f"- ({i + 1}) {escape(doc.sentences[i].text)}" for i in indexes]
        lines.append("")
    return lines[:-1]


def _quotes_section(comparison: Comparison, layout: Layout) -> list[str]:
    lines = ["## Quotations compared", ""]
    body = []
    for row in layout.rows:
        cells = []
        for cell in row.cells:
            quotes = []
            for index in cell.sentences:
                analysis = comparison.sentence_analysis(SentenceRef(cell.source, index))
                for quote in analysis.quotes if analysis else ():
                    speaker = f" ({escape(quote.speaker)})" if quote.speaker else ""
                    quotes.append(f"“{escape(quote.text)}”{speaker}")
            cells.append("; ".join(quotes))
        if any(cells):
            body.append(
                [str(row.index + 1)]
                + [_quote_cell(c, cell) for c, cell in zip(cells, row.cells, strict=True)]
            )
    if not body:
        return [*lines, "No source quotes anyone directly."]
    header = ["Row"] + [escape(d.label) for d in comparison.documents]
    return lines + _table(header, body)


def _quote_cell(quotes: str, cell: Cell) -> str:
    if quotes:
        return quotes
    return "_not reported_" if cell.missing else "no direct quote"


def _method_section(comparison: Comparison, layout: Layout) -> list[str]:
    settings = comparison.settings
    reference = escape(layout.label(layout.reference)) if layout.reference else "none"
    legend = ", ".join(f"{g} {kind.replace('_', ' ')}" for kind, g in _glyph_legend(comparison))
    lines = [
        "## Method",
        "",
        f"framediff {comparison.version}: sentences are linked across sources when their "
        f"combined score reaches {settings.threshold:.2f}; linked sentences form one row per "
        f"claim, read against {reference}. Findings below weight {settings.min_weight:.2f} "
        "are left out. Word changes come from word-level alignment of each linked pair. "
        "Sentences are numbered from 1 here and in the app; the JSON output counts them from "
        "0.",
    ]
    if legend:
        lines += ["", f"Row marks: {legend}."]
    return lines


def _glyph_legend(comparison: Comparison) -> list[tuple[str, str]]:
    kinds: list[str] = []
    for finding in comparison.analysis.findings:
        if finding.kind not in kinds:
            kinds.append(finding.kind)
    return [(kind, glyph(kind)) for kind in kinds]


def render_markdown(comparison: Comparison, reference: str | None = None) -> str:
    """The full report; ``reference`` (a source id) overrides the comparison's reference."""
    layout = build_layout(comparison, reference)
    findings = list(comparison.shown_findings)
    sections = [
        [_title(comparison, layout)],
        _sources_section(comparison, layout),
        _event_section(comparison),
        _findings_section(comparison, findings),
        _coverage_section(comparison),
        _attribution_section(comparison, layout),
        _aligned_section(comparison, layout),
        _unique_section(comparison, layout),
        _quotes_section(comparison, layout),
        _method_section(comparison, layout),
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


__all__ = ["escape", "pieces_markdown", "render_markdown"]
