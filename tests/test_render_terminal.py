"""Rich and plain comparison output: content, widths at 80 columns, CJK alignment,
plain text when piped, no colour under NO_COLOR."""

from __future__ import annotations

from io import StringIO

import pytest
from render_sample import sample_comparison
from rich.cells import cell_len
from rich.console import Console

from framediff.render.terminal import comparison_renderables, print_comparison
from framediff.render.text import comparison_to_text, pieces_to_text
from framediff.render.theme import theme


def render(comparison: object, width: int, **options: object) -> str:
    console = Console(file=StringIO(), width=width, theme=theme(), **options)  # type: ignore[arg-type]
    for part in comparison_renderables(comparison):  # type: ignore[arg-type]
        console.print(part)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_rich_output_has_summary_findings_and_side_by_side() -> None:
    out = render(sample_comparison(), 100)
    assert "Reuters *" in out
    assert "Findings (3)" in out
    assert "⇄ Reuters credits the US-ties claim" in out
    assert "not reported" in out
    assert "Aligned sentences (against Reuters)" in out
    for label in ("Reuters", "SAU", "HKFP"):
        assert label in out


@pytest.mark.parametrize("width", [80, 100, 160])
def test_rich_output_fits_the_width(width: int) -> None:
    out = render(sample_comparison(), width)
    assert max(cell_len(line) for line in out.splitlines()) <= width


def test_cjk_cells_line_up() -> None:
    from render_sample import TEXTS

    texts = {key: list(value) for key, value in TEXTS.items()}
    texts["s2"][2] = "俄罗斯外交部长拉夫罗夫在北京会见了中国外交部长王毅，双方讨论了乌克兰问题。"
    out = render(sample_comparison(texts), 80)
    table = [line for line in out.splitlines() if line.startswith(("│", "┃", "├", "┡", "└", "┏"))]
    assert any("俄罗斯" in line for line in table)
    assert {cell_len(line) for line in table} == {80}


def test_styles_come_from_the_theme_and_no_color_drops_colour() -> None:
    coloured = render(sample_comparison(), 100, force_terminal=True, color_system="truecolor")
    assert "\x1b[9;31m" in coloured or "\x1b[31;9m" in coloured  # fd.delete: strike red
    plain = render(sample_comparison(), 100, force_terminal=True, no_color=True)
    assert "\x1b[9m" in plain  # struck through, without colour
    assert "31m" not in plain and "32m" not in plain


def test_piped_output_is_plain_text() -> None:
    stream = StringIO()
    print_comparison(sample_comparison(), stream)
    out = stream.getvalue()
    assert "\x1b[" not in out
    assert out == comparison_to_text(sample_comparison())
    assert "[-Beijing on Sunday-] {~the Chinese capital~}" in out
    assert "  HKFP    | (not reported)" in out


def test_plain_markers() -> None:
    from framediff.render.rows import Piece

    pieces = [
        Piece("a "),
        Piece("b", "fd.insert"),
        Piece(" "),
        Piece("c", "fd.delete"),
        Piece(" d"),
    ]
    assert pieces_to_text(pieces) == "a {+b+} [-c-] d"


def test_control_sequences_never_reach_the_terminal() -> None:
    from render_sample import TEXTS

    texts = {key: list(value) for key, value in TEXTS.items()}
    texts["s3"][0] = "Wang Yi \x1b]0;owned\x07hailed \x1b[2J'strategically valuable' ties."
    out = render(sample_comparison(texts), 100, force_terminal=True)
    assert "\x1b]0;" not in out and "\x1b[2J" not in out
    assert "\x1b" not in comparison_to_text(sample_comparison(texts))
