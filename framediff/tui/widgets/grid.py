"""The side-by-side grid: one column per visible source, one block of wrapped lines per
row, lined up across columns; a fixed header (label, outlet, date) and a gutter of
finding glyphs. Line API: cells are laid out once per data or width change, then each
screen line is composed from them (cursor styles are applied at composition time).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from framediff.model import Document
from framediff.render.rows import Cell, Row, split_edges
from framediff.render.theme import glyphs, style
from framediff.text import strip_control
from framediff.tui.messages import CursorMoved, RowChosen

HEADER_LINES = 3  # label, outlet and date, rule
GUTTER = 3  # up to two finding glyphs and a space
MIN_COLUMN = 30  # below this a column is unreadable: scroll sideways instead
MAX_COLUMN = 70


def cell_text(cell: Cell, search: str = "") -> Text:
    """A cell as rich Text with resolved ``fd.*`` styles; article text never parsed as markup.

    A column shows its own source's words, with what it inserted or changed against the
    reference marked; the reference's words it left out are not struck through inside it
    (they belong to the reference's column and the row's detail view)."""
    if cell.missing:
        return Text("not reported", style=style("fd.missing"))
    text = Text(overflow="fold")
    for piece in cell.pieces:
        if piece.style == "fd.delete":
            continue
        lead, core, trail = split_edges(strip_control(piece.text).replace("\n", " "))
        piece_style = style(piece.style) if piece.style else Style()
        if piece.credited:
            # The word change's colour wins; the attribution adds its own attributes.
            piece_style = Style.combine([style("fd.attribution"), piece_style])
        text.append(lead)
        text.append(core, style=piece_style)
        text.append(trail)
    if search:
        text.highlight_words([search], style=style("fd.match"), case_sensitive=False)
    return text


class RowGrid(ScrollView, can_focus=True):
    """Rows of cells; the app gives it what to show and listens for cursor messages."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rowgrid--cursor",
        "rowgrid--cursor-cell",
        "rowgrid--header",
        "rowgrid--header-cursor",
        "rowgrid--meta",
        "rowgrid--rule",
        "rowgrid--separator",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "move", key_display="jk←→"),
        Binding("k,up", "move(-1)", "row up", show=False),
        Binding("pagedown,space", "page(1)", "page down", show=False),
        Binding("pageup", "page(-1)", "page up", show=False),
        Binding("home,g", "edge(0)", "first row", show=False),
        Binding("end,G", "edge(1)", "last row", show=False),
        Binding("right,l", "column(1)", "column right", show=False),
        Binding("left,h", "column(-1)", "column left", show=False),
        Binding("enter", "choose", "info", key_display="⏎"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sources: list[Document] = []
        self.numbers: dict[str, int] = {}  # source id -> its 1-9 key
        self.rows: list[Row] = []
        self.reference: str | None = None
        self.search = ""
        self.cursor = 0  # index into self.rows
        self.column = 0  # index into self.sources
        self._lines: list[list[list[list[Segment]]]] = []  # row -> column -> lines
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._column_width = MIN_COLUMN
        # Wrapped cell lines by (reference, row, source, width, search): hiding a source or
        # changing the filter re-uses them.
        self._cache: dict[tuple[str | None, int, str, int, str], list[list[Segment]]] = {}

    # --- data -----------------------------------------------------------------

    def show(
        self,
        sources: Sequence[Document],
        rows: Sequence[Row],
        reference: str | None,
        search: str = "",
        row_index: int | None = None,
        source: str | None = None,
        numbers: dict[str, int] | None = None,
    ) -> None:
        """Replace what is shown; keep the cursor on layout row ``row_index`` (or the next shown)."""
        self.sources = list(sources)
        self.numbers = dict(numbers or {})
        self.rows = list(rows)
        self.reference = reference
        self.search = search
        if row_index is not None:
            positions = [n for n, row in enumerate(self.rows) if row.index >= row_index]
            self.cursor = positions[0] if positions else max(0, len(self.rows) - 1)
        self.cursor = min(self.cursor, max(0, len(self.rows) - 1))
        ids = [doc.id for doc in self.sources]
        if source in ids:
            self.column = ids.index(source)
        self.column = min(self.column, max(0, len(self.sources) - 1))
        self._layout_lines()
        self._follow_cursor()
        self._announce()

    @property
    def current_row(self) -> Row | None:
        return self.rows[self.cursor] if self.rows else None

    @property
    def current_source(self) -> str | None:
        return self.sources[self.column].id if self.sources else None

    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER)

    def _layout_lines(self) -> None:
        count = max(1, len(self.sources))
        fitted = (self._content_width() - (count - 1)) // count
        self._column_width = max(MIN_COLUMN, min(MAX_COLUMN, fitted))
        console = self.app.console
        options = console.options.update(width=self._column_width - 2, height=None)
        blank = [Segment(" " * (self._column_width - 2))]
        self._lines, self._tops, self._heights = [], [], []
        top = 0
        for row in self.rows:
            columns = []
            for doc in self.sources:
                key = (self.reference, row.index, doc.id, self._column_width, self.search)
                rendered = self._cache.get(key)
                if rendered is None:
                    rendered = console.render_lines(
                        cell_text(row.cell(doc.id), self.search), options, pad=True
                    )
                    self._cache[key] = rendered
                columns.append(rendered or [blank])
            height = max(len(lines) for lines in columns) + 1 if columns else 1
            self._lines.append(columns)
            self._tops.append(top)
            self._heights.append(height)
            top += height
        width = GUTTER + count * self._column_width + (count - 1)
        self.virtual_size = Size(width, HEADER_LINES + top)
        self.refresh()

    def on_resize(self, event: Resize) -> None:
        if self.rows or self.sources:
            self._layout_lines()
            self._follow_cursor()

    # --- drawing --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if not self.sources:
            return Strip.blank(width)
        if y < HEADER_LINES:
            gutter = [Segment(" " * GUTTER)]
            content = self._header_line(y)
        else:
            line = y - HEADER_LINES + round(self.scroll_y)
            gutter, content = self._body_line(line)
        strip = Strip(content).crop(round(self.scroll_x), round(self.scroll_x) + width - GUTTER)
        joined = Strip.join([Strip(gutter, GUTTER), strip]).crop_extend(0, width, None)
        return joined.apply_style(self.rich_style)

    def _separator(self) -> Segment:
        return Segment("│", self.get_component_rich_style("rowgrid--separator"))

    def _header_line(self, y: int) -> list[Segment]:
        segments: list[Segment] = []
        width = self._column_width
        for number, doc in enumerate(self.sources):
            if number:
                segments.append(
                    self._separator()
                    if y < 2
                    else Segment("┿", self.get_component_rich_style("rowgrid--rule"))
                )
            if y == 0:
                # The number is the key that hides the column (1-9).
                key = f"{self.numbers.get(doc.id, '')}"
                text = Text(f" {key} ", no_wrap=True, overflow="ellipsis")
                text.stylize(self.get_component_rich_style("rowgrid--meta"))
                name = "rowgrid--header-cursor" if number == self.column else "rowgrid--header"
                text.append(strip_control(doc.label), self.get_component_rich_style(name))
            elif y == 1:
                mark = "reference" if doc.id == self.reference else None
                meta = " · ".join(v for v in (mark, doc.article.outlet, doc.article.published) if v)
                text = Text(f" {strip_control(meta) or '—'}", no_wrap=True, overflow="ellipsis")
                text.stylize(self.get_component_rich_style("rowgrid--meta"))
            else:
                text = Text("━" * width, style=self.get_component_rich_style("rowgrid--rule"))
            text.truncate(width, pad=True)
            segments.extend(text.render(self.app.console))
        return segments

    def _body_line(self, line: int) -> tuple[list[Segment], list[Segment]]:
        blank_gutter = [Segment(" " * GUTTER)]
        if not self.rows or line >= self._tops[-1] + self._heights[-1]:
            return blank_gutter, []
        position = bisect_right(self._tops, line) - 1
        offset = line - self._tops[position]
        row = self.rows[position]
        if offset == self._heights[position] - 1:
            rule = self.get_component_rich_style("rowgrid--rule")
            count = len(self.sources)
            text = "┼".join("─" * self._column_width for _ in range(count))
            return blank_gutter, [Segment(text, rule)]
        selected = position == self.cursor
        gutter = blank_gutter
        if offset == 0 and row.findings:
            marks = glyphs(f.kind for f in row.findings)[:2]
            gutter = [Segment(marks.ljust(GUTTER), style("fd.glyph"))]
        segments: list[Segment] = []
        padding = Segment(" ")
        for number, lines in enumerate(self._lines[position]):
            if number:
                segments.append(self._separator())
            body = (
                lines[offset] if offset < len(lines) else [Segment(" " * (self._column_width - 2))]
            )
            cell = [padding, *body, padding]
            if selected:
                name = "rowgrid--cursor-cell" if number == self.column else "rowgrid--cursor"
                cell = list(Segment.apply_style(cell, self.get_component_rich_style(name)))
            segments.extend(cell)
        if selected:
            gutter = list(
                Segment.apply_style(gutter, self.get_component_rich_style("rowgrid--cursor"))
            )
        return gutter, segments

    # --- moving -----------------------------------------------------------------

    def _follow_cursor(self) -> None:
        if not self.rows:
            self.scroll_to(0, 0, animate=False)
            return
        view_height = max(1, self.scrollable_content_region.height - HEADER_LINES)
        top = self._tops[self.cursor]
        bottom = top + self._heights[self.cursor]
        y = self.scroll_y
        if top < y:
            y = top
        elif bottom > y + view_height:
            y = min(top, bottom - view_height)
        left = self.column * (self._column_width + 1)
        right = left + self._column_width
        x = self.scroll_x
        view_width = self._content_width()
        if left < x:
            x = left
        elif right > x + view_width:
            x = right - view_width
        self.scroll_to(x, y, animate=False, force=True)
        self.refresh()

    def _announce(self) -> None:
        row = self.current_row
        self.post_message(CursorMoved(row.index if row else None, self.current_source))

    def move_to(self, position: int) -> None:
        if not self.rows:
            return
        self.cursor = max(0, min(position, len(self.rows) - 1))
        self._follow_cursor()
        self._announce()

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        if not self.rows:
            return
        target = self._tops[self.cursor] + direction * max(
            1, self.scrollable_content_region.height - HEADER_LINES
        )
        self.move_to(max(0, bisect_right(self._tops, max(0, target)) - 1))

    def action_edge(self, end: int) -> None:
        self.move_to(len(self.rows) - 1 if end else 0)

    def action_column(self, step: int) -> None:
        if not self.sources:
            return
        self.column = max(0, min(self.column + step, len(self.sources) - 1))
        self._follow_cursor()
        self._announce()

    def action_choose(self) -> None:
        if self.current_row is not None:
            self.post_message(RowChosen(self.current_row.index))

    def on_click(self, event: Click) -> None:
        if not self.sources:
            return
        x = event.x - GUTTER + round(self.scroll_x)
        if x >= 0:
            self.column = min(x // (self._column_width + 1), len(self.sources) - 1)
        if event.y >= HEADER_LINES and self.rows:
            line = event.y - HEADER_LINES + round(self.scroll_y)
            position = bisect_right(self._tops, line) - 1
            if 0 <= position < len(self.rows):
                self.cursor = position
                if event.chain == 2:
                    self.action_choose()
        self._follow_cursor()
        self._announce()
