"""Comparison -> rich terminal output: sources, event check, findings and the side-by-side
table with word-level highlights. Styles are the ``fd.*`` names of render/theme.py.

Piped output (not a terminal) gets the plain rendering of render/text.py instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from framediff.model import Comparison, Finding
from framediff.render.rows import (
    Cell,
    Layout,
    Piece,
    build_layout,
    emphasis_spans,
    evidence_refs,
    split_edges,
)
from framediff.render.theme import glyph, glyphs, theme
from framediff.text import strip_control

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

MAX_FINDINGS = 12


def pieces_text(pieces: Iterable[Piece]) -> Text:
    """A cell's pieces as rich Text with ``fd.*`` styles (control sequences stripped)."""
    from rich.text import Text

    text = Text()
    for piece in pieces:
        lead, core, trail = split_edges(strip_control(piece.text).replace("\n", " "))
        text.append(lead)
        start = len(text)
        text.append(core, style=piece.style or "")
        if piece.credited:
            # Under the word-change style, so its colour wins.
            text.stylize_before("fd.attribution", start, len(text))
        text.append(trail)
    return text


def cell_text(cell: Cell) -> Text:
    from rich.text import Text

    if cell.missing:
        return Text("not reported", style="fd.missing")
    return pieces_text(cell.pieces)


def sources_table(comparison: Comparison, layout: Layout) -> RenderableType:
    from rich.table import Table

    table = Table(title="Sources", title_justify="left", expand=False, show_edge=False)
    for name in ("source", "outlet", "date", "sentences"):
        table.add_column(name, overflow="fold", justify="right" if name == "sentences" else "left")
    for doc in comparison.documents:
        label = doc.label + (" *" if doc.id == layout.reference else "")
        table.add_row(
            strip_control(label),
            strip_control(doc.article.outlet or "—"),
            doc.article.published or "—",
            str(len(doc.sentences)),
        )
    table.caption = "* reference: rows and word changes are read against it"
    table.caption_justify = "left"
    return table


def finding_renderable(comparison: Comparison, finding: Finding, number: int) -> RenderableType:
    """A finding: its summary, then each source's exact sentence, indented under it."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    labels = {doc.id: doc.label for doc in comparison.documents}
    summary = Text()
    summary.append(strip_control(finding.summary), style="fd.finding")
    summary.append(f"  {finding.kind.replace('_', ' ')} {finding.weight:.2f}", style="fd.meta")
    lines: list[RenderableType] = [summary]
    for ref in evidence_refs(finding):
        sentence = comparison.sentence(ref)
        line = Text(strip_control(sentence.text))
        for start, end in emphasis_spans(comparison, finding, ref):
            line.stylize("fd.attribution", start - sentence.start, end - sentence.start)
        label = Text(f"{strip_control(labels[ref.source])}: ", style="fd.label")
        lines.append(Padding(label + line, (0, 0, 0, 2)))
    for source in finding.sources_missing:
        label = Text(f"{strip_control(labels.get(source, source))}: ", style="fd.label")
        lines.append(Padding(label + Text("not reported", style="fd.missing"), (0, 0, 0, 2)))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=5, no_wrap=True)
    grid.add_column(ratio=1)
    marker = Text(f"{number:>2}.", style="fd.meta")
    marker.append(f" {glyph(finding.kind)}", style="fd.glyph")
    grid.add_row(marker, Group(*lines))
    return grid


def side_by_side(comparison: Comparison, layout: Layout) -> RenderableType:
    """One column per source, one row per claim; words marked against the reference."""
    from rich.table import Table

    table = Table(
        title=f"Aligned sentences (against {layout.label(layout.reference or '')})",
        title_justify="left",
        show_lines=True,
        expand=True,
        pad_edge=False,
    )
    table.add_column("", width=2, overflow="fold", style="fd.glyph")
    for doc in comparison.documents:
        table.add_column(strip_control(doc.label), ratio=1, overflow="fold")
    for row in layout.rows:
        marks = glyphs(f.kind for f in row.findings)
        table.add_row(marks, *(cell_text(cell) for cell in row.cells))
    return table


def comparison_renderables(
    comparison: Comparison, reference: str | None = None
) -> list[RenderableType]:
    """Everything ``compare`` prints, as renderables (laid out when a console gives a width)."""
    from rich.text import Text

    layout = build_layout(comparison, reference)
    findings = list(comparison.shown_findings)
    parts: list[RenderableType] = [sources_table(comparison, layout), Text()]
    if len(comparison.events) > 1:
        labels = {doc.id: doc.label for doc in comparison.documents}
        groups = " / ".join(", ".join(labels[s] for s in event) for event in comparison.events)
        parts += [
            Text(
                f"Event check: the sources may report different events: {groups}", style="fd.error"
            ),
            Text(),
        ]
    parts.append(Text(f"Findings ({len(findings)})", style="fd.heading"))
    if not findings:
        parts.append(
            Text("none: the sources agree on everything framediff checks", style="fd.meta")
        )
    for number, finding in enumerate(findings[:MAX_FINDINGS], start=1):
        parts.append(finding_renderable(comparison, finding, number))
    if len(findings) > MAX_FINDINGS:
        parts.append(
            Text(f"    … {len(findings) - MAX_FINDINGS} more (framediff report)", style="fd.meta")
        )
    parts += [Text(), side_by_side(comparison, layout)]
    legend = Text("  ")
    for name, label in (
        ("fd.insert", "inserted"),
        ("fd.change", "changed"),
        ("fd.delete", "removed"),
    ):
        legend.append(label, style=name)
        legend.append("  ")
    parts.append(legend)
    return parts


def make_console(stream: TextIO, width: int | None = None) -> Console:
    """A console on ``stream`` with the framediff theme; rich honours NO_COLOR itself."""
    from rich.console import Console

    return Console(file=stream, theme=theme(), highlight=False, width=width, emoji=False)


def print_comparison(comparison: Comparison, stream: TextIO) -> None:
    """Rich output on a terminal, the plain rendering when piped."""
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        from framediff.render.text import comparison_to_text

        stream.write(comparison_to_text(comparison))
        return
    console = make_console(stream)
    for part in comparison_renderables(comparison):
        console.print(part)
