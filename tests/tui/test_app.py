"""Pilot tests of the app: keys change state as the footer and help screen say."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from render_sample import sample_comparison
from textual.widgets import Input, OptionList

from framediff.tui.app import FramediffApp, make_app
from framediff.tui.screens.detail import DetailScreen
from framediff.tui.screens.export import ExportScreen
from framediff.tui.screens.help import HelpScreen
from framediff.tui.screens.reference import ReferenceScreen
from framediff.tui.widgets.grid import RowGrid

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [
    str(ROOT / "seeds" / name)
    for name in ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")
]

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def wait_for_analysis(app: FramediffApp, pilot: Any, timeout: float = 90.0) -> None:
    """Until the worker has delivered a comparison or given up (it starts after the first frame)."""
    deadline = time.monotonic() + timeout
    while app.comparison is None and not app.failed:
        assert time.monotonic() < deadline, "the analysis never finished"
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
    await pilot.pause()


def sample_app() -> FramediffApp:
    return make_app([], comparison=sample_comparison())


async def test_rows_and_columns_move_with_keys() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(RowGrid)
        assert grid.has_focus
        assert [doc.id for doc in grid.sources] == ["s1", "s2", "s3"]
        assert grid.cursor == 0
        await pilot.press("j", "down")
        assert grid.current_row is not None and grid.current_row.index == 2
        await pilot.press("k")
        assert grid.cursor == 1
        await pilot.press("right", "right", "right")
        assert grid.current_source == "s3"
        assert grid.scroll_x > 0  # three columns do not fit in 80 cells: the view follows
        await pilot.press("left")
        assert grid.current_source == "s2"
        await pilot.press("G")
        assert grid.cursor == 4
        await pilot.press("g")
        assert grid.cursor == 0


async def test_next_and_previous_finding() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(RowGrid)
        await pilot.press("n")
        assert grid.cursor == 1  # row 0 holds f3; the next row with findings is row 1
        listing = app.query_one("#findings", OptionList)
        assert listing.highlighted == 0  # f1, the first finding of that row
        await pilot.press("n")
        assert grid.cursor == 1  # no further finding: stays
        await pilot.press("N")
        assert grid.cursor == 0


async def test_filter_cycles_through_four_views() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(RowGrid)
        seen = []
        for _ in range(4):
            await pilot.press("f")
            seen.append((app.row_filter, [row.index for row in grid.rows]))
        assert seen == [
            ("differences", [0, 1, 2, 3, 4]),
            ("unique", [0, 3, 4]),
            ("findings", [0, 1]),
            ("all", [0, 1, 2, 3, 4]),
        ]


async def test_number_keys_hide_and_show_sources() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(RowGrid)
        await pilot.press("1")
        assert [doc.id for doc in grid.sources] == ["s2", "s3"]
        await pilot.press("3")
        assert [doc.id for doc in grid.sources] == ["s2"]
        await pilot.press("2")  # the last visible source stays
        assert [doc.id for doc in grid.sources] == ["s2"]
        await pilot.press("1", "3", "9")
        assert [doc.id for doc in grid.sources] == ["s1", "s2", "s3"]


async def test_reference_can_be_changed() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, ReferenceScreen)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.reference == "s3"
        grid = app.query_one(RowGrid)
        assert grid.reference == "s3"
        row = next(r for r in grid.rows if r.index == 2)
        assert not row.cell("s3").changed and row.cell("s1").changed


async def test_details_help_and_escape() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.row.index == 1
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.query_one(RowGrid).has_focus


async def test_selecting_a_finding_jumps_to_its_row() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "f")  # unique only: the finding's row is hidden
        listing = app.query_one("#findings", OptionList)
        listing.focus()
        listing.highlighted = 0
        await pilot.press("enter")
        grid = app.query_one(RowGrid)
        assert app.row_filter == "all"
        assert grid.current_row is not None and grid.current_row.index == 1
        assert grid.has_focus


async def test_search_jumps_to_matching_row() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        search = app.query_one("#search", Input)
        assert search.has_focus
        await pilot.press(*"chinese capital", "enter")
        grid = app.query_one(RowGrid)
        assert app.search_term == "chinese capital"
        assert grid.current_row is not None and grid.current_row.index == 2
        await pilot.press("escape")
        assert grid.has_focus and not search.display


async def test_export_asks_and_never_overwrites_silently(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# framediff report")
        mask = os.umask(0o022)
        os.umask(mask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not left private
        target.write_text("kept\n", encoding="utf-8")
        await pilot.press("e")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # asks before replacing
        assert target.read_text(encoding="utf-8") == "kept\n"
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# framediff report")


async def test_quit_returns_zero() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_worker_analyses_real_sources_and_reports_a_bad_one(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    app = make_app([SEEDS[0], missing, SEEDS[1], SEEDS[2]])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        assert app.comparison is not None
        assert len(app.errors) == 1 and "missing.txt" in app.errors[0]
        assert "1 source skipped" in str(app.query_one("#status").render())
        grid = app.query_one(RowGrid)
        assert len(grid.sources) == 3 and grid.rows
        await pilot.press("j", "enter")
        assert isinstance(app.screen, DetailScreen)


async def test_fewer_than_two_sources_shows_an_error(tmp_path: Path) -> None:
    app = make_app([SEEDS[0], str(tmp_path / "missing.txt")])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(app, pilot)
        assert app.failed and app.comparison is None
        await pilot.press("q")
    assert app.return_code == 2


async def test_resize_keeps_the_cursor_and_widens_columns() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(RowGrid)
        await pilot.press("j", "j")
        narrow = grid.virtual_size.width
        assert narrow > grid.scrollable_content_region.width  # scrolls sideways at 80 cells
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert grid.cursor == 2
        assert grid.virtual_size.width <= grid.scrollable_content_region.width


def test_a_column_shows_its_own_words_not_the_references() -> None:
    """A cell keeps the source's words and marks its changes; the reference's words it left
    out are not struck through inside it (the detail view shows them)."""
    from framediff.render.rows import Cell, Piece
    from framediff.tui.widgets.grid import cell_text

    cell = Cell(
        source="s2",
        sentences=(0,),
        pieces=(
            Piece("Hundreds of "),
            Piece("rioters", "fd.delete"),
            Piece(" "),
            Piece("protesters", "fd.insert"),
            Piece(" gathered."),
        ),
    )
    assert cell_text(cell).plain == "Hundreds of  protesters gathered."
