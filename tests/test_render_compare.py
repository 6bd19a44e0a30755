"""``framediff compare`` through main(): formats, plain output when piped, --exit-code,
--min-weight and --version as the contract says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framediff.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [
    str(ROOT / "seeds" / name)
    for name in ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_piped_compare_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["compare", *SEEDS], capsys)
    assert code == 0 and err == ""
    assert "\x1b[" not in out
    assert out.startswith("framediff 0.1.0: 3 sources")
    assert "Rows against" in out and "-- row 1" in out


def test_source_line_counts_one_sentence_in_the_singular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one = tmp_path / "wire.txt"
    one.write_text(
        "The minister resigned on Tuesday after a week of protests, officials said.\n",
        encoding="utf-8",
    )
    two = tmp_path / "post.txt"
    two.write_text(
        "The minister resigned on Tuesday after a week of protests. He denied wrongdoing.\n",
        encoding="utf-8",
    )
    code, out, _ = run(["compare", str(one), str(two)], capsys)
    assert code == 0
    assert "  1 sentence\n" in out and "  2 sentences\n" in out


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("markdown", "# framediff report"), ("json", "{"), ("text", "framediff 0.1.0")],
)
def test_formats(capsys: pytest.CaptureFixture[str], fmt: str, start: str) -> None:
    code, out, err = run(["compare", *SEEDS, "--format", fmt], capsys)
    assert code == 0 and err == ""
    assert out.startswith(start)


def test_exit_code_and_min_weight(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", *SEEDS, "--format", "json"], capsys)
    findings = json.loads(out)["findings"]
    assert code == 0
    code, _, _ = run(["compare", *SEEDS, "--format", "json", "--exit-code"], capsys)
    assert code == (1 if findings else 0)
    code, out, _ = run(
        ["compare", *SEEDS, "--format", "json", "--exit-code", "--min-weight", "1"], capsys
    )
    shown = json.loads(out)["findings"]
    assert all(f["weight"] >= 1 for f in shown)
    assert code == (1 if shown else 0)
    code, out, _ = run(["report", *SEEDS, "--min-weight", "1"], capsys)
    assert code == 0 and "Findings below weight 1.00 are left out" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == "framediff 0.1.0"


def test_demo_report_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["demo"], capsys)
    assert code == 0 and err == ""
    assert out.startswith("# framediff report")
    assert "| Reuters |" in out or "| Reuters (reference) |" in out


def test_view_needs_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["view", *SEEDS], capsys)
    assert code == 2 and out == ""
    assert err.startswith("framediff: error: view needs a terminal")
    code, _, err = run(["view", SEEDS[0], "-"], capsys)
    assert code == 2 and "standard input" in err


def test_demo_app_needs_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["demo", "--format", "app"], capsys)
    assert code == 2 and out == "" and "needs a terminal" in err
