"""``framediff view``: the side-by-side app. It holds no analysis logic: a thread worker
runs the pipeline (source by source, so one unreadable source is reported and the
others go on), then the app arranges rows from render/rows.py and coordinates the
widgets: the grid, the findings panel, the status line and the dialogs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.widgets import Footer, Input, Label, OptionList, ProgressBar, Static

from framediff.config import Settings
from framediff.model import Comparison, Finding
from framediff.render.rows import FILTER_NAMES, FILTERS, Filter, Layout, Row, build_layout
from framediff.render.theme import style
from framediff.text import strip_control
from framediff.tui.messages import (
    CursorMoved,
    InputsSkipped,
    Loaded,
    LoadFailed,
    Progress,
    RowChosen,
    SourceFailed,
)
from framediff.tui.widgets.findings import FindingsPanel
from framediff.tui.widgets.grid import RowGrid

EXIT_OK, EXIT_ERROR = 0, 2
# Skipped inputs a notification names; the rest are counted (all are listed while loading).
SKIPPED_NOTIFIED = 5


class FramediffApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "framediff"
    ENABLE_COMMAND_PALETTE = False
    AUTO_FOCUS = None  # the grid takes focus once rows exist; until then keys go to the app
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (150, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "finding(1)", "next", key_display="n/N"),
        Binding("N", "finding(-1)", "previous finding", show=False),
        Binding("f", "cycle_filter", "filter"),
        Binding("r", "choose_reference", "ref"),
        Binding("1", "toggle_source(0)", "hide", key_display="1-9"),
        *(
            Binding(str(n), f"toggle_source({n - 1})", f"hide {n}", show=False)
            for n in range(2, 10)
        ),
        Binding("slash", "search", "find", key_display="/"),
        Binding("e", "export", "export"),
        Binding("question_mark", "help", "help", key_display="?"),
        Binding("q", "quit", "quit"),
    ]

    def __init__(
        self,
        sources: Sequence[str],
        labels: Sequence[str] | None = None,
        settings: Settings | None = None,
        comparison: Comparison | None = None,
    ) -> None:
        super().__init__()
        self.source_args = [str(source) for source in sources]
        self.labels = list(labels or [])
        self.settings = settings or Settings()
        self.comparison: Comparison | None = comparison
        self.reference: str | None = None
        self.row_filter: Filter = "all"
        self.hidden: set[str] = set()
        self.search_term = ""
        self.errors: list[str] = []
        self.failed = False
        self.failure: str | None = None
        self._layouts: dict[str | None, Layout] = {}
        self._findings: list[Finding] = []

    # --- building -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Text("framediff: reading sources…"), id="status")
        with Vertical(id="loading"):
            yield Label(Text("reading sources"), id="stage")
            yield ProgressBar(total=100, show_eta=False, id="progress")
            yield Static(id="errors")
        with Container(id="main"):
            yield RowGrid(id="grid")
            yield FindingsPanel(id="findings")
        yield Input(placeholder="search: enter jumps to the next match, escape closes", id="search")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#main").display = False
        self.query_one("#search").display = False
        if self.comparison is not None:
            self._show(self.comparison)
        else:
            # Start after the first frame: the worker's imports would delay it.
            self.call_after_refresh(self.analyse)

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self) -> None:
        """The pipeline in a thread; it reports by messages (see tui/analysis.py)."""
        from framediff.tui.analysis import analyse_sources

        analyse_sources(self.source_args, self.labels, self.settings, self.post_message)

    # --- worker messages ----------------------------------------------------------

    def on_progress(self, message: Progress) -> None:
        self.query_one("#stage", Label).update(Text(strip_control(message.stage)))
        self.query_one("#progress", ProgressBar).update(progress=round(message.fraction * 100))

    def on_source_failed(self, message: SourceFailed) -> None:
        line = message.error
        if message.location not in line:
            line = f"{message.location}: {line}"
        self._list_errors([line])
        self.notify(strip_control(line), title="source skipped", severity="error", markup=False)

    def on_inputs_skipped(self, message: InputsSkipped) -> None:
        lines = [str(item) for item in message.skipped]
        self._list_errors(lines)
        shown = [strip_control(line) for line in lines[:SKIPPED_NOTIFIED]]
        if len(lines) > SKIPPED_NOTIFIED:
            shown.append(f"… and {len(lines) - SKIPPED_NOTIFIED} more")
        title = f"{len(lines)} input{'s' if len(lines) > 1 else ''} skipped"
        self.notify("\n".join(shown), title=title, severity="warning", markup=False)

    def _list_errors(self, lines: Sequence[str]) -> None:
        self.errors.extend(lines)
        self.query_one("#errors", Static).update(
            Text("\n".join(self.errors), style=style("fd.error"))
        )

    def on_load_failed(self, message: LoadFailed) -> None:
        self.failed = True
        self.failure = message.error
        self.query_one("#stage", Label).update(
            Text(strip_control(message.error), style=style("fd.error"))
        )
        self.query_one("#progress").display = False
        self.query_one("#status", Static).update(Text("framediff: nothing to compare (q quits)"))

    def on_loaded(self, message: Loaded) -> None:
        self._show(message.comparison)

    def _show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.reference = comparison.reference
        self._layouts.clear()
        self.query_one("#loading").display = False
        self.query_one("#main").display = True
        self._findings = list(comparison.shown_findings)
        self.query_one(FindingsPanel).show_findings(self._findings)
        self._refresh_grid(row_index=0)
        self.query_one(RowGrid).focus()

    # --- arranging rows -------------------------------------------------------------

    @property
    def layout(self) -> Layout | None:
        if self.comparison is None:
            return None
        if self.reference not in self._layouts:
            self._layouts[self.reference] = build_layout(self.comparison, self.reference)
        return self._layouts[self.reference]

    def shown_rows(self) -> list[Row]:
        layout = self.layout
        if layout is None:
            return []
        # A row only hidden sources carry would show nothing but "not reported".
        return [
            row
            for row in layout.rows
            if row.matches(self.row_filter) and set(row.present) - self.hidden
        ]

    def _refresh_grid(self, row_index: int | None = None) -> None:
        layout = self.layout
        if layout is None:
            return
        grid = self.query_one(RowGrid)
        if row_index is None and grid.current_row is not None:
            row_index = grid.current_row.index
        sources = [doc for doc in layout.documents if doc.id not in self.hidden]
        grid.show(
            sources,
            self.shown_rows(),
            self.reference,
            self.search_term,
            row_index,
            numbers=self._numbers(layout),
        )
        self._update_status()

    @staticmethod
    def _numbers(layout: Layout) -> dict[str, int]:
        return {doc.id: n for n, doc in enumerate(layout.documents, start=1) if n <= 9}

    def _update_status(self) -> None:
        layout = self.layout
        if layout is None:
            return
        grid = self.query_one(RowGrid)
        reference = layout.label(self.reference) if self.reference else "none"
        parts = [
            f"ref {reference}",
            FILTER_NAMES[self.row_filter],
            f"row {grid.cursor + 1 if grid.rows else 0}/{len(grid.rows)}",
        ]
        if self.hidden:
            parts.append("hidden " + ",".join(layout.label(s) for s in sorted(self.hidden)))
        if self.search_term:
            parts.append(f"search “{self.search_term}”")
        if self.errors:
            parts.append(f"{len(self.errors)} source{'s' if len(self.errors) > 1 else ''} skipped")
        text = Text("framediff ", style="bold")
        text.append(strip_control(" · ".join(parts)))
        self.query_one("#status", Static).update(text)

    def on_cursor_moved(self, message: CursorMoved) -> None:
        self._update_status()

    def on_row_chosen(self, message: RowChosen) -> None:
        layout = self.layout
        if layout is None or self.comparison is None:
            return
        from framediff.tui.screens.detail import DetailScreen

        self.push_screen(DetailScreen(self.comparison, layout.rows[message.row]))

    # --- actions ----------------------------------------------------------------------

    def action_finding(self, step: int) -> None:
        grid = self.query_one(RowGrid)
        positions = [n for n, row in enumerate(grid.rows) if row.findings]
        ahead = [n for n in positions if (n > grid.cursor if step > 0 else n < grid.cursor)]
        if not ahead:
            self.notify("no further finding" if step > 0 else "no earlier finding", timeout=2)
            return
        target = ahead[0] if step > 0 else ahead[-1]
        grid.move_to(target)
        self.query_one(FindingsPanel).highlight_finding(grid.rows[target].findings[0].id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "findings" or self.layout is None:
            return
        finding = self.query_one(FindingsPanel).finding(event.option.id)
        if finding is None:
            return
        rows = self.layout.rows_of_finding(finding)
        if not rows:
            self.notify("this finding points at no sentence row", timeout=3)
            return
        if not self.layout.rows[rows[0]].matches(self.row_filter):
            self.row_filter = "all"
        source = finding.evidence[0].source if finding.evidence else None
        grid = self.query_one(RowGrid)
        sources = [doc for doc in self.layout.documents if doc.id not in self.hidden]
        grid.show(
            sources,
            self.shown_rows(),
            self.reference,
            self.search_term,
            rows[0],
            source,
            numbers=self._numbers(self.layout),
        )
        grid.focus()
        self._update_status()

    def action_cycle_filter(self) -> None:
        if self.layout is None:
            return
        self.row_filter = FILTERS[(FILTERS.index(self.row_filter) + 1) % len(FILTERS)]
        self._refresh_grid()

    def action_toggle_source(self, position: int) -> None:
        layout = self.layout
        if layout is None or position >= len(layout.documents):
            return
        source = layout.documents[position].id
        if source not in self.hidden and len(self.hidden) + 1 >= len(layout.documents):
            self.notify("at least one source stays visible", timeout=2)
            return
        self.hidden.symmetric_difference_update({source})
        self._refresh_grid()

    def action_choose_reference(self) -> None:
        if self.comparison is None:
            return
        from framediff.tui.screens.reference import ReferenceScreen

        self.push_screen(
            ReferenceScreen(self.comparison.documents, self.reference), self.set_reference
        )

    def set_reference(self, source: str | None) -> None:
        if source is None or self.comparison is None or source == self.reference:
            return
        self.reference = source
        self._refresh_grid(row_index=0)

    def action_search(self) -> None:
        if self.layout is None:
            return
        search = self.query_one("#search", Input)
        search.display = True
        search.value = self.search_term
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        self.search_term = event.value.strip()
        self._refresh_grid()
        if self.search_term:
            self._jump_to_match()
        else:
            event.input.display = False
            self.query_one(RowGrid).focus()

    def _jump_to_match(self) -> None:
        grid = self.query_one(RowGrid)
        needle = self.search_term.casefold()
        count = len(grid.rows)
        for step in range(1, count + 1):
            position = (grid.cursor + step) % count
            row = grid.rows[position]
            if any(
                needle in cell.text.casefold()
                for cell in row.cells
                if cell.source not in self.hidden
            ):
                grid.move_to(position)
                return
        self.notify(f"no row contains “{self.search_term}”", timeout=2, markup=False)

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#search", Input)
        if event.key == "escape" and search.has_focus:
            search.display = False
            self.query_one(RowGrid).focus()

    def action_export(self) -> None:
        if self.comparison is None:
            return
        from framediff.tui.screens.export import ExportScreen

        self.push_screen(ExportScreen(), self.export_report)

    def export_report(self, path: Path | None) -> None:
        if path is None or self.comparison is None:
            return
        from framediff import files
        from framediff.render.markdown import render_markdown

        text = render_markdown(self.comparison, reference=self.reference)
        try:
            files.write_text(path, text)
        except OSError as error:
            self.notify(f"could not write {path}: {error}", severity="error", markup=False)
            return
        self.notify(f"report written to {path}", timeout=4, markup=False)

    def action_help(self) -> None:
        from framediff.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.exit(return_code=EXIT_ERROR if self.failed else EXIT_OK)


def make_app(
    sources: Sequence[str],
    labels: Sequence[str] | None = None,
    settings: Settings | None = None,
    comparison: Comparison | None = None,
) -> FramediffApp:
    """The app on ``sources`` (analysed in a worker), or on a ready ``comparison``."""
    return FramediffApp(sources, labels=labels, settings=settings, comparison=comparison)
