"""Comparison -> rows of cells: the side-by-side layout the app, the rich table and the
report share. One row per claim cluster in a reference's reading order; each cell is
the source's sentences marked word by word against the reference (from ``Link.ops``).

Reads the model only; no scoring or analysis happens here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Literal

from framediff.model import Cluster, Comparison, Document, Finding, Link, Opcode, SentenceRef

# Style names of the pieces of a cell (see render/theme.py); None is plain text.
PieceStyle = Literal["fd.insert", "fd.change", "fd.delete"] | None
Filter = Literal["all", "differences", "unique", "findings"]
FILTERS: tuple[Filter, ...] = ("all", "differences", "unique", "findings")
FILTER_NAMES: dict[Filter, str] = {
    "all": "all rows",
    "differences": "differences only",
    "unique": "unique only",
    "findings": "rows with findings",
}


@dataclass(frozen=True)
class Piece:
    text: str
    style: PieceStyle = None
    credited: bool = False  # inside an attribution span (who the sentence credits)


@dataclass(frozen=True)
class Cell:
    """What one source says in one row (no sentences: it does not report the claim)."""

    source: str
    sentences: tuple[int, ...]
    pieces: tuple[Piece, ...]
    text: str = ""  # the source's own sentences, joined by a space

    @property
    def missing(self) -> bool:
        return not self.sentences

    @property
    def changed(self) -> bool:
        return any(p.style is not None for p in self.pieces)


@dataclass(frozen=True)
class Row:
    index: int
    cluster: Cluster
    cells: tuple[Cell, ...]  # one per document, in input order
    findings: tuple[Finding, ...]

    @property
    def present(self) -> tuple[str, ...]:
        return tuple(cell.source for cell in self.cells if not cell.missing)

    @property
    def is_unique(self) -> bool:
        return len(self.present) == 1

    @property
    def differs(self) -> bool:
        """Some source is missing or words differ from the reference."""
        return any(cell.missing or cell.changed for cell in self.cells)

    def cell(self, source: str) -> Cell:
        for cell in self.cells:
            if cell.source == source:
                return cell
        raise KeyError(source)

    def matches(self, row_filter: Filter) -> bool:
        if row_filter == "differences":
            return self.differs
        if row_filter == "unique":
            return self.is_unique
        if row_filter == "findings":
            return bool(self.findings)
        return True


@dataclass(frozen=True)
class Layout:
    reference: str | None
    documents: tuple[Document, ...]
    rows: tuple[Row, ...]

    @cached_property
    def row_of_ref(self) -> dict[SentenceRef, int]:
        return {
            SentenceRef(cell.source, index): row.index
            for row in self.rows
            for cell in row.cells
            for index in cell.sentences
        }

    def rows_of_finding(self, finding: Finding) -> list[int]:
        """Rows holding the finding's evidence, in row order."""
        found = {
            self.row_of_ref[SentenceRef(e.source, e.sentence)]
            for e in finding.evidence
            if SentenceRef(e.source, e.sentence) in self.row_of_ref
        }
        return sorted(found)

    def label(self, source: str) -> str:
        for doc in self.documents:
            if doc.id == source:
                return doc.label
        return source


def links_by_pair(links: Iterable[Link]) -> dict[tuple[SentenceRef, SentenceRef], Link]:
    """Every link under both orders of its two sentences."""
    table: dict[tuple[SentenceRef, SentenceRef], Link] = {}
    for link in links:
        table[(link.a, link.b)] = link
        table.setdefault((link.b, link.a), link)
    return table


def diff_pieces(
    base_text: str,
    other_text: str,
    other_span: tuple[int, int],
    ops: Sequence[Opcode],
    removed: bool = True,
) -> list[Piece]:
    """``other_text[span]`` marked against ``base_text`` by ops (a = base, b = other).

    Text the ops do not cover (spaces, punctuation between words) stays plain;
    removed base words appear, struck, where they would have been (unless
    ``removed`` is false).
    """
    start, end = other_span
    pieces: list[Piece] = []
    cursor = start
    for op in sorted(ops, key=lambda o: (o.b_start, o.a_start)):
        b_start, b_end = max(op.b_start, start), min(op.b_end, end)
        if b_start > cursor:
            pieces.append(Piece(other_text[cursor:b_start]))
            cursor = b_start
        if removed and op.tag in ("delete", "replace") and op.a_end > op.a_start:
            # Removed words get a space on each side that touches a word; the spaces
            # belong to the removed piece so the source's own text stays intact.
            lead = " " if cursor > start and not other_text[cursor - 1].isspace() else ""
            following = other_text[cursor] if cursor < end else ""
            trail = " " if b_end > b_start or following.isalnum() else ""
            pieces.append(Piece(lead + base_text[op.a_start : op.a_end] + trail, "fd.delete"))
        if b_end > cursor:
            piece_style: PieceStyle = {"insert": "fd.insert", "replace": "fd.change"}.get(op.tag)  # type: ignore[assignment]
            pieces.append(Piece(other_text[cursor:b_end], piece_style))
            cursor = b_end
    if cursor < end:
        pieces.append(Piece(other_text[cursor:end]))
    return _merge(pieces)


def split_edges(text: str) -> tuple[str, str, str]:
    """``text`` as (leading spaces, core, trailing spaces): markers go around the core only."""
    core = text.strip()
    if not core:
        return text, "", ""
    lead = text[: len(text) - len(text.lstrip())]
    return lead, core, text[len(lead) + len(core) :]


def mark_credit(
    pieces: Sequence[Piece], start: int, spans: Sequence[tuple[int, int]]
) -> list[Piece]:
    """Split the pieces of a sentence starting at ``start`` so attribution spans are ``credited``.

    Removed words are not the source's text and are never credited; the other pieces
    cover the sentence's text in order, which gives their absolute offsets.
    """
    if not spans:
        return list(pieces)
    out: list[Piece] = []
    cursor = start
    for piece in pieces:
        if piece.style == "fd.delete":
            out.append(piece)
            continue
        end = cursor + len(piece.text)
        cuts = sorted({cursor, end, *(p for s, e in spans for p in (s, e) if cursor < p < end)})
        for left, right in pairwise(cuts):
            inside = any(s <= left and right <= e for s, e in spans)
            out.append(Piece(piece.text[left - cursor : right - cursor], piece.style, inside))
        cursor = end
    return out


def without_credit(pieces: Iterable[Piece]) -> list[Piece]:
    """The pieces with attribution marks dropped and neighbours of one style joined again."""
    return _merge([Piece(p.text, p.style) for p in pieces])


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        last = merged[-1] if merged else None
        if last is not None and (last.style, last.credited) == (piece.style, piece.credited):
            merged[-1] = Piece(last.text + piece.text, piece.style, piece.credited)
        else:
            merged.append(piece)
    return merged


def _cell(
    comparison: Comparison,
    doc: Document,
    indexes: Sequence[int],
    reference: str | None,
    reference_refs: Sequence[SentenceRef],
    links: dict[tuple[SentenceRef, SentenceRef], Link],
) -> Cell:
    pieces: list[Piece] = []
    # Removed words only read well one sentence against one: in a split or merge each
    # sentence matches part of the reference and the rest would show as removed.
    one_to_one = len(indexes) == 1 and len(reference_refs) == 1
    for number, index in enumerate(indexes):
        if number:
            pieces.append(Piece(" "))
        sentence = doc.sentences[index]
        ref = SentenceRef(doc.id, index)
        candidates = [links[(r, ref)] for r in reference_refs if (r, ref) in links]
        if doc.id == reference or not candidates:
            marked = [Piece(sentence.text)]
        else:
            best = max(candidates, key=lambda link: link.score)
            base_ref = best.a if best.b == ref else best.b
            marked = diff_pieces(
                comparison.document(base_ref.source).article.text,
                doc.article.text,
                (sentence.start, sentence.end),
                best.ops_from(base_ref),
                removed=one_to_one,
            )
        analysis = comparison.sentence_analysis(ref)
        credit = [
            (a.start, a.end)
            for a in (analysis.attributions if analysis else ())
            if a.kind != "unattributed" and a.end > a.start
        ]
        pieces.extend(mark_credit(marked, sentence.start, credit))
    own = " ".join(doc.sentences[index].text for index in indexes)
    return Cell(doc.id, tuple(indexes), tuple(_merge(pieces)), own)


def ordered_clusters(comparison: Comparison, reference: str | None) -> tuple[Cluster, ...]:
    """Clusters in ``reference``'s reading order (the comparison's own order for its reference)."""
    if reference == comparison.reference or reference is None:
        return comparison.alignment.clusters
    from framediff.alignment import order_clusters

    return order_clusters(comparison.alignment, comparison.documents, reference).clusters


def build_layout(comparison: Comparison, reference: str | None = None) -> Layout:
    """Rows of cells read against ``reference`` (default: the comparison's reference).

    Rows list the findings at or above the comparison's ``min_weight``.
    """
    reference = reference or comparison.reference
    links = links_by_pair(comparison.alignment.links)
    clusters = ordered_clusters(comparison, reference)
    findings_by_ref: dict[SentenceRef, list[Finding]] = {}
    shown = comparison.shown_findings
    for finding in shown:
        for evidence in finding.evidence:
            key = SentenceRef(evidence.source, evidence.sentence)
            bucket = findings_by_ref.setdefault(key, [])
            if finding not in bucket:
                bucket.append(finding)
    rows = []
    for number, cluster in enumerate(clusters):
        by_source: dict[str, list[int]] = {}
        for member in cluster.members:
            by_source.setdefault(member.source, []).append(member.sentence)
        reference_refs = (
            [SentenceRef(reference, i) for i in by_source.get(reference, [])] if reference else []
        )
        cells = tuple(
            _cell(
                comparison,
                doc,
                sorted(by_source.get(doc.id, [])),
                reference,
                reference_refs,
                links,
            )
            for doc in comparison.documents
        )
        row_findings: list[Finding] = []
        for member in cluster.members:
            for finding in findings_by_ref.get(member, []):
                if finding not in row_findings:
                    row_findings.append(finding)
        row_findings.sort(key=lambda f: -f.weight)
        rows.append(Row(number, cluster, cells, tuple(row_findings)))
    return Layout(reference, comparison.documents, tuple(rows))


def evidence_refs(finding: Finding) -> list[SentenceRef]:
    """The sentences a finding quotes, each once, in evidence order."""
    refs: list[SentenceRef] = []
    for evidence in finding.evidence:
        ref = SentenceRef(evidence.source, evidence.sentence)
        if ref not in refs:
            refs.append(ref)
    return refs


def emphasis_spans(
    comparison: Comparison, finding: Finding, ref: SentenceRef
) -> list[tuple[int, int]]:
    """The parts of sentence ``ref`` a reader should see first when ``finding`` quotes it.

    The finding's own evidence spans where they are narrower than the sentence; else,
    for attribution and quotation findings, the sentence's attribution or quote spans.
    """
    sentence = comparison.sentence(ref)
    bounds = (sentence.start, sentence.end)
    spans = sorted(
        (max(e.start, sentence.start), min(e.end, sentence.end))
        for e in finding.evidence
        if (e.source, e.sentence) == (ref.source, ref.sentence)
    )
    narrow = [(s, e) for s, e in spans if e > s and (s, e) != bounds]
    if narrow:
        return _disjoint(narrow)
    analysis = comparison.sentence_analysis(ref)
    if analysis is None:
        return []
    if finding.kind.startswith("attribution"):
        marked = [(a.start, a.end) for a in analysis.attributions if a.kind != "unattributed"]
    elif finding.kind.startswith("quote"):
        marked = [(q.start, q.end) for q in analysis.quotes]
    else:
        return []
    return _disjoint(sorted((max(s, bounds[0]), min(e, bounds[1])) for s, e in marked if e > s))


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
