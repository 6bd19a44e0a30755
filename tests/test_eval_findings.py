"""The findings evaluation gate: precision and recall per planted kind on the
hand-labelled sets in fixtures/findings (benchmarks/eval_findings.py). Floors only go up."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_findings import FIXTURES, PLANTED, run_case  # noqa: E402

RECALL_FLOOR = 0.8
PRECISION_FLOOR = 0.8


def test_findings_floors_per_planted_kind() -> None:
    gold_n: Counter[str] = Counter()
    gold_hit: Counter[str] = Counter()
    prod_n: Counter[str] = Counter()
    prod_ok: Counter[str] = Counter()
    for case in sorted(p for p in FIXTURES.iterdir() if (p / "gold.json").exists()):
        result = run_case(case)
        for entry, hit in result.gold_hits:
            kind = entry["kind"]
            if isinstance(kind, str):
                gold_n[kind] += 1
                gold_hit[kind] += hit
        if result.counts_precision:
            for finding, ok in result.produced:
                prod_n[finding["kind"]] += 1
                prod_ok[finding["kind"]] += ok
    for kind in PLANTED:
        assert gold_n[kind] >= 10, kind
        recall = gold_hit[kind] / gold_n[kind]
        precision = prod_ok[kind] / prod_n[kind] if prod_n[kind] else 0.0
        assert recall >= RECALL_FLOOR, f"{kind} recall {recall:.2f}"
        assert precision >= PRECISION_FLOOR, f"{kind} precision {precision:.2f}"
