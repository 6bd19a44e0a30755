"""SVG snapshots of the app on the hand-built comparison, at 80x24 and 160x48.

Regenerate after a deliberate change with
``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the SVGs
(tests/tui/__snapshots__/) before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from render_sample import sample_comparison

from framediff.tui.app import make_app

SnapCompare = Callable[..., bool]


def test_grid_80x24(snap_compare: SnapCompare) -> None:
    app = make_app([], comparison=sample_comparison())
    assert snap_compare(app, terminal_size=(80, 24), press=["j"])


def test_grid_160x48(snap_compare: SnapCompare) -> None:
    app = make_app([], comparison=sample_comparison())
    assert snap_compare(app, terminal_size=(160, 48), press=["j", "right"])


def test_detail_80x24(snap_compare: SnapCompare) -> None:
    app = make_app([], comparison=sample_comparison())
    assert snap_compare(app, terminal_size=(80, 24), press=["j", "j", "enter"])


def test_help_160x48(snap_compare: SnapCompare) -> None:
    app = make_app([], comparison=sample_comparison())
    assert snap_compare(app, terminal_size=(160, 48), press=["question_mark"])


def test_unique_filter_against_another_reference_80x24(snap_compare: SnapCompare) -> None:
    app = make_app([], comparison=sample_comparison())

    async def choose_hkfp(pilot: Any) -> None:
        app.set_reference("s3")
        await pilot.press("2", "f", "f")

    assert snap_compare(app, terminal_size=(80, 24), run_before=choose_hkfp)
