"""The entity-table benchmark's bookkeeping (benchmarks/eval_entity_table.py): the packet a
judge reads, merging answers into the gold and the fixed-seed sample, on hand-made rows (no
ECB+ data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_entity_table as table  # noqa: E402

ROWS = [
    {
        "event": "1_ecb",
        "name": "J.D. Drew",
        "type": "PERSON",
        "written": "J.D. Drew",
        "sentence": "The Red Sox signed J.D. Drew.",
    },
    {
        "event": "1_ecb",
        "name": "Juror No",
        "type": "PERSON",
        "written": "Juror No",
        "sentence": "Juror No. 12 said so.",
    },
]


def test_a_judged_packet_merges_into_the_gold_and_keeps_earlier_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = tmp_path / "gold.json"
    monkeypatch.setattr(table, "GOLD", gold)
    table.save_gold({("1_ecb", "J.D. Drew", "PERSON"): "clean"}, gold)
    packet = tmp_path / "packet"
    assert table.write_packet(packet, ROWS) == 2
    text = (packet / "rows.txt").read_text(encoding="utf-8")
    assert "name: Juror No | type: PERSON" in text
    keys = json.loads((packet / "rows.key.json").read_text(encoding="utf-8"))
    answers = {ident: "fragment" for ident in keys}
    (packet / "rows.judged.json").write_text(json.dumps(answers), encoding="utf-8")
    assert table.merge(packet / "rows.judged.json") == 1  # one row was judged already
    labels = table.load_gold(gold)
    assert labels[("1_ecb", "J.D. Drew", "PERSON")] == "clean"
    assert labels[("1_ecb", "Juror No", "PERSON")] == "fragment"


def test_a_label_outside_the_rubric_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "GOLD", tmp_path / "gold.json")
    packet = tmp_path / "packet"
    table.write_packet(packet, ROWS[:1])
    ident = next(iter(json.loads((packet / "rows.key.json").read_text(encoding="utf-8"))))
    (packet / "rows.judged.json").write_text(json.dumps({ident: "maybe"}), encoding="utf-8")
    with pytest.raises(SystemExit, match="not one of"):
        table.merge(packet / "rows.judged.json")


def test_the_sample_is_the_same_every_run() -> None:
    rows = [dict(ROWS[0], name=f"Name {n}") for n in range(400)]
    assert table.sample(rows) == table.sample(rows)
    assert len(table.sample(rows)) == table.SAMPLE
