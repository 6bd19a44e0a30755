"""The detail screen of one row: its findings, each source's sentences with who they
credit and whom they quote, and the word diff of every pair of sources in the row.
"""

from __future__ import annotations

from itertools import combinations
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from framediff.model import Comparison, SentenceRef
from framediff.render.rows import (
    Piece,
    Row,
    diff_pieces,
    links_by_pair,
    split_edges,
)
from framediff.render.theme import glyph, style
from framediff.text import strip_control


def _styled(pieces: list[Piece]) -> Text:
    text = Text()
    for piece in pieces:
        lead, core, trail = split_edges(strip_control(piece.text))
        text.append(lead)
        text.append(core, style=style(piece.style) if piece.style else "")
        text.append(trail)
    return text


def row_detail(comparison: Comparison, row: Row) -> list[Text]:
    """The detail of ``row`` as blocks of text (also used by tests)."""
    labels = {doc.id: doc.label for doc in comparison.documents}
    blocks: list[Text] = []
    title = Text()
    title.append(f"Row {row.index + 1}", style="bold")
    title.append(f"  ({len(row.present)} of {len(row.cells)} sources)", style="dim")
    blocks.append(title)
    for finding in row.findings:
        line = Text()
        line.append(f"{glyph(finding.kind)} ", style=style("fd.glyph"))
        line.append(strip_control(finding.summary), style=style("fd.finding"))
        line.append(f"  {finding.kind.replace('_', ' ')} {finding.weight:.2f}", style="dim")
        blocks.append(line)
    for cell in row.cells:
        block = Text()
        block.append(strip_control(labels[cell.source]), style=style("fd.heading"))
        if cell.missing:
            block.append("\n")
            block.append("not reported", style=style("fd.missing"))
            blocks.append(block)
            continue
        doc = comparison.document(cell.source)
        for index in cell.sentences:
            block.append(f"\n({index + 1}) ", style="dim")
            block.append(strip_control(doc.sentences[index].text))
            analysis = comparison.sentence_analysis(SentenceRef(cell.source, index))
            if analysis is None:
                continue
            for attribution in analysis.attributions:
                who = attribution.speaker or attribution.speaker_canonical or "nobody named"
                block.append("\n    credited to ", style="dim")
                block.append(strip_control(who), style=style("fd.attribution"))
                cue = f", {attribution.cue}" if attribution.cue else ""
                block.append(f" ({attribution.kind.replace('_', ' ')}{cue})", style="dim")
            for quote in analysis.quotes:
                block.append("\n    quotes ", style="dim")
                block.append(f"“{strip_control(quote.text)}”", style=style("fd.quote"))
                if quote.speaker:
                    block.append(f" ({strip_control(quote.speaker)})", style="dim")
        blocks.append(block)
    blocks.extend(pair_diffs(comparison, row))
    return blocks


def pair_diffs(comparison: Comparison, row: Row) -> list[Text]:
    """Word changes of every pair of sources present in the row, from their links."""
    labels = {doc.id: doc.label for doc in comparison.documents}
    links = links_by_pair(comparison.alignment.links)
    blocks: list[Text] = []
    present = [cell for cell in row.cells if not cell.missing]
    if len(present) > 1:
        blocks.append(Text.assemble(("Word changes, pair by pair", style("fd.heading"))))
    for first, second in combinations(present, 2):
        header = Text.assemble(
            (
                f"{strip_control(labels[first.source])} → {strip_control(labels[second.source])}",
                "bold",
            )
        )
        candidates = [
            links[(SentenceRef(first.source, i), SentenceRef(second.source, j))]
            for i in first.sentences
            for j in second.sentences
            if (SentenceRef(first.source, i), SentenceRef(second.source, j)) in links
        ]
        if not candidates:
            header.append("  no direct link", style="dim")
            blocks.append(header)
            continue
        best = max(candidates, key=lambda link: link.score)
        base = best.a if best.a.source == first.source else best.b
        other = best.b if base is best.a else best.a
        header.append(f"  {best.relation} {best.score:.2f}", style="dim")
        sentence = comparison.sentence(other)
        pieces = diff_pieces(
            comparison.document(base.source).article.text,
            comparison.document(other.source).article.text,
            (sentence.start, sentence.end),
            best.ops_from(base),
        )
        header.append("\n")
        header.append_text(_styled(pieces))
        blocks.append(header)
    return blocks


class DetailScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,enter", "dismiss", "close")]

    def __init__(self, comparison: Comparison, row: Row) -> None:
        super().__init__()
        self.comparison = comparison
        self.row = row

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-box", classes="dialog"):
            for block in row_detail(self.comparison, self.row):
                yield Static(block, classes="detail-block")
            yield Static(Text("escape closes", style="dim"))
