"""Real ``--format json`` outputs validate against framediff/data/framediff-1.schema.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from render_sample import sample_comparison

from framediff.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "framediff" / "data" / "framediff-1.schema.json"
SEEDS = [
    str(ROOT / "seeds" / name)
    for name in ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")
]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == "" or captured.err.startswith("framediff: warning")
    return json.loads(captured.out)


def assert_valid(validator: Draft202012Validator, payload: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(payload), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    for source in payload["sources"]:
        for sentence in source["sentences"]:
            assert source["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_hand_built_comparison_is_valid(validator: Draft202012Validator) -> None:
    assert_valid(validator, sample_comparison().to_dict())


def test_seed_comparison_is_valid(
    validator: Draft202012Validator, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = run_json(["compare", *SEEDS, "--format", "json"], capsys)
    assert_valid(validator, payload)
    assert [source["id"] for source in payload["sources"]] == ["s1", "s2", "s3"]


@pytest.mark.parametrize(
    "argv",
    [["extract", *SEEDS], ["align", *SEEDS[:2]], ["group", *SEEDS]],
    ids=["extract", "align", "group"],
)
def test_command_payloads_are_valid(
    validator: Draft202012Validator, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    payload = run_json([*argv, "--format", "json"], capsys)
    assert_valid(validator, payload)


def test_schema_rejects_a_broken_payload(validator: Draft202012Validator) -> None:
    payload = sample_comparison().to_dict()
    payload["pairs"][0]["relation"] = "similar"
    payload["sources"][0]["published"] = "13 July 2025"
    del payload["findings"][0]["summary"]
    paths = {tuple(error.path) for error in validator.iter_errors(payload)}
    assert ("pairs", 0, "relation") in paths
    assert ("sources", 0, "published") in paths
    assert ("findings", 0) in paths
