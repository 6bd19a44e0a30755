"""`framediff group`: one line per event with its labels, or JSON with `events`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framediff.cli import main

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
LABELS = [path.name[:3] for path in SEEDS]


def label_args() -> list[str]:
    return [arg for label in LABELS for arg in ("--label", label)]


def test_group_seeds_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["group", *map(str, SEEDS), *label_args()]) == 0
    captured = capsys.readouterr()
    assert captured.out == "000\t001\t003\n002\n004\n"
    assert captured.err == ""


def test_group_seeds_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["group", *map(str, SEEDS), *label_args(), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["schema"] == "framediff/1"
    label = {source["id"]: source["label"] for source in payload["sources"]}
    assert [[label[i] for i in event] for event in payload["events"]] == [
        ["000", "001", "003"],
        ["002"],
        ["004"],
    ]


def test_group_one_article_is_one_event(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["group", str(SEEDS[0]), "--label", "only"]) == 0
    assert capsys.readouterr().out == "only\n"


def test_group_presplit_jsonl_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quake = ["A magnitude 7.1 earthquake struck southern Peru on Monday, killing four people."]
    rows = [
        {"id": "p1", "sentences": quake},
        {"id": "m1", "sentences": ["The central bank of Norway raised its key rate on Thursday."]},
        {"id": "p2", "sentences": [*quake, "Rescuers searched collapsed homes in Arequipa."]},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert main(["group", str(corpus)]) == 0
    assert capsys.readouterr().out == "p1\tp2\nm1\n"


def test_group_missing_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["group", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framediff: error:") and err.count("\n") == 1
