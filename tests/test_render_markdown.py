"""The markdown report: escaping, section order, exact quotes, tables that keep their
columns (checked by parsing with markdown-it), and -o that never overwrites silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from render_sample import TEXTS, sample_comparison

from framediff.cli import main
from framediff.render.markdown import escape, pieces_markdown, render_markdown
from framediff.render.rows import Piece
from framediff.text import strip_control

ROOT = Path(__file__).resolve().parent.parent
ESCAPING = ROOT / "fixtures" / "report-escaping"


def parse(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)


def inline_text(tokens: list[Token]) -> str:
    """All text the report renders as text (code spans included), joined."""
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
    return " ".join(parts)


def assert_safe(markdown: str) -> list[Token]:
    tokens = parse(markdown)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_inline", "html_block", "code_inline", "link_open", "image"}
    # Every table row has as many cells as its header.
    columns = None
    for token in tokens:
        if token.type == "table_open":
            columns = None
        elif token.type == "tr_open":
            columns_in_row = 0
        elif token.type in ("th_open", "td_open"):
            columns_in_row += 1
        elif token.type == "tr_close":
            columns = columns if columns is not None else columns_in_row
            assert columns_in_row == columns
    return tokens


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("<script>x</script>", r"\<script\>x\</script\>"),
        ("`code`", r"\`code\`"),
        ("*a* _b_", r"\*a\* \_b\_"),
        ("[x](y)", r"\[x\](y)"),
        ("back\\slash", r"back\\slash"),
        ("~~gone~~", r"\~\~gone\~\~"),
        ("AT&T &amp;", r"AT&T \&amp;"),
        ("two\nlines", "two lines"),
        ("bell\x1b[31mred", "bellred"),
    ],
    ids=[
        "pipe",
        "html",
        "backtick",
        "emphasis",
        "link",
        "backslash",
        "strike",
        "entity",
        "newline",
        "ansi",
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_escaped_text_renders_as_itself() -> None:
    raw = "A | B <script>alert(1)</script> `x` *y* _z_ [l](u) \\ ~~s~~ # h"
    tokens = assert_safe(escape(raw))
    assert inline_text(tokens) == raw


def test_pieces_markdown_keeps_spaces_outside_markers() -> None:
    pieces = [
        Piece("met "),
        Piece("Beijing", "fd.delete"),
        Piece(" "),
        Piece(" the capital ", "fd.change"),
        Piece("."),
    ]
    assert pieces_markdown(pieces) == "met ~~Beijing~~ **the capital** ."


def test_report_sections_in_order_and_findings_quote_exact_sentences() -> None:
    report = render_markdown(sample_comparison())
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Key findings",
        "## Coverage of entities and topics",
        "## Who is credited",
        "## Aligned sentences",
        "## Only in one source",
        "## Quotations compared",
        "## Method",
    ]
    first_finding = report.index("### 1.")
    assert (
        report.index("| Source | Outlet | Date | Words | Sentences | Unique sentences |")
        < first_finding
    )
    tokens = assert_safe(report)
    assert tokens
    # Every finding quotes the exact sentence of each source involved.
    assert f"> **Reuters** (sentence 1): {escape(TEXTS['s1'][0])}" in report
    assert f"> **SAU** (sentence 1): {escape(TEXTS['s2'][0])}" in report
    assert f"> **HKFP** (sentence 1): {escape(TEXTS['s3'][0])}" in report
    assert "**Russia's Foreign Ministry said**" in report
    assert "> **HKFP**: _not reported_" in report
    assert "| 2 | Russia's and China's foreign ministers" in report
    assert (
        "Russia's Foreign Ministry (indirect) | China and Russia's foreign ministries (indirect)"
        in report
    )


def test_report_marks_words_against_the_chosen_reference() -> None:
    against_reuters = render_markdown(sample_comparison())
    assert "~~Beijing on Sunday~~ **the Chinese capital**" in against_reuters
    against_hkfp = render_markdown(sample_comparison(), reference="s3")
    assert "Rows follow the reading order of HKFP" in against_hkfp
    assert "~~Beijing on Sunday, a readout said~~ **the Chinese capital**" in against_hkfp


def test_article_html_and_pipes_stay_text_in_hand_built_report() -> None:
    report = render_markdown(sample_comparison())
    tokens = assert_safe(report)
    assert "<script>alert(1)</script>" in inline_text(tokens)
    assert "candid | frank" in inline_text(tokens)


def test_escaping_fixture_renders_as_text() -> None:
    from framediff.pipeline import compare

    comparison = compare([ESCAPING / "wire.txt", ESCAPING / "local.txt"])
    report = comparison.to_markdown()
    tokens = assert_safe(report)
    rendered = inline_text(tokens)
    assert '<script>alert("x")</script>' in rendered
    assert "Pipe | Street" in rendered
    assert "`budget`" in rendered
    assert not any(t.type == "heading_open" and t.tag == "h1" for t in tokens[1:])


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_report_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "r.md"
    sources = [str(ESCAPING / "wire.txt"), str(ESCAPING / "local.txt")]
    assert main(["report", *sources, "-o", str(target)]) == 0
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# framediff report")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()  # not left private by mkstemp
    capsys.readouterr()
    target.write_text("kept\n", encoding="utf-8")
    assert main(["report", *sources, "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "kept\n"
    err = capsys.readouterr().err
    assert err.startswith("framediff: error:") and "--force" in err and len(err.splitlines()) == 1
    assert main(["report", *sources, "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == first


def test_event_check_names_the_groups() -> None:
    from dataclasses import replace

    comparison = replace(sample_comparison(), events=(("s1", "s2"), ("s3",)))
    report = render_markdown(comparison)
    assert (
        "**Event check:** the sources may report 2 different events (Reuters, SAU; HKFP)" in report
    )
    same = render_markdown(sample_comparison())
    assert "**Event check:** all 3 sources appear to report the same event." in same


def test_min_weight_hides_weaker_findings() -> None:
    from dataclasses import replace

    comparison = sample_comparison()
    comparison = replace(comparison, settings=replace(comparison.settings, min_weight=0.5))
    report = render_markdown(comparison)
    assert "### 2. ∅" in report and "### 3." not in report
    assert "Findings below weight 0.50 are left out" in report


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_text_renders_as_itself(raw: str) -> None:
    tokens = parse(f"x {escape(raw)} y")
    kinds = {c.type for t in tokens for c in t.children or []} | {t.type for t in tokens}
    assert not kinds & {
        "html_inline",
        "html_block",
        "code_inline",
        "link_open",
        "image",
        "em_open",
        "strong_open",
        "s_open",
    }
    rendered = "".join(c.content for t in tokens for c in t.children or [] if c.type == "text")
    expected = " ".join(f"x {strip_control(raw)} y".split())
    assert " ".join(rendered.split()) == expected


@given(st.text(alphabet=st.sampled_from("ab |*_`<>[]\\~&#-"), max_size=40))
@settings(max_examples=200, deadline=None)
def test_any_text_keeps_table_columns(raw: str) -> None:
    cell = escape(raw) or " "
    table = f"| a | b |\n| --- | --- |\n| {cell} | z |\n"
    assert_safe(table)
    cells = [t for t in parse(table) if t.type == "inline"]
    assert cells[-1].content == "z"
