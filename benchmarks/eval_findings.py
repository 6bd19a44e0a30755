"""Precision and recall of framediff's findings per kind on the hand-labelled sets in
``fixtures/findings/`` (gold labelled before the finding code ran on them).

A produced finding matches a gold one when its kind is (one of) the gold kind(s), every
gold evidence substring lies in one of the finding's evidence sentences of that source,
and every source the gold lists as ``missing`` is in ``sources_missing``. Recall: gold
findings matched. Precision: produced findings that match a gold finding or an
``also_ok`` entry (a true difference nobody planted); counted only on the sets whose
gold says every plantable difference is labelled (not the seeds).

    python benchmarks/eval_findings.py            # table per kind
    python benchmarks/eval_findings.py --misses   # also list misses and false positives
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "findings"
# Kinds planted at least ten times: their precision and recall have floors.
PLANTED = (
    "attribution_shift",
    "attribution_dropped",
    "quote_altered",
    "number_conflict",
    "hedging",
    "wording",
    "omission",
    "editorializing",
)


@dataclass
class CaseResult:
    name: str
    gold_hits: list[tuple[dict[str, Any], bool]] = field(default_factory=list)
    produced: list[tuple[dict[str, Any], bool]] = field(default_factory=list)  # (finding, true)
    counts_precision: bool = True


def _kinds(entry: dict[str, Any]) -> list[str]:
    kind = entry["kind"]
    return [kind] if isinstance(kind, str) else list(kind)


def matches(
    finding: dict[str, Any],
    gold: dict[str, Any],
    texts: dict[tuple[str, int], str],
    label_of: dict[str, str],
) -> bool:
    if finding["kind"] not in _kinds(gold):
        return False
    sentences: dict[str, list[str]] = {}
    for ev in finding["evidence"]:
        sentences.setdefault(label_of[ev["source"]], []).append(
            texts[(ev["source"], ev["sentence"])]
        )
    for label, subs in gold.get("evidence", {}).items():
        for sub in subs:
            if not any(sub in text for text in sentences.get(label, [])):
                return False
    missing = {label_of[s] for s in finding["sources_missing"]}
    return set(gold.get("missing", [])) <= missing


def run_case(case: Path) -> CaseResult:
    from framediff.config import Settings
    from framediff.pipeline import compare

    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    paths = [str((case / s["file"]).resolve()) for s in gold["sources"]]
    labels = [s["label"] for s in gold["sources"]]
    comparison = compare(
        paths, labels=labels, settings=Settings(presplit=gold.get("presplit", False))
    )
    payload = comparison.to_dict()
    label_of = {s["id"]: s["label"] for s in payload["sources"]}
    texts = {(s["id"], x["index"]): x["text"] for s in payload["sources"] for x in s["sentences"]}
    result = CaseResult(case.name, counts_precision=gold.get("precision", True))
    findings = payload["findings"]
    for entry in gold["findings"]:
        hit = any(matches(f, entry, texts, label_of) for f in findings)
        result.gold_hits.append((entry, hit))
    accepted = gold["findings"] + gold.get("also_ok", [])
    for finding in findings:
        ok = any(matches(finding, entry, texts, label_of) for entry in accepted)
        shown = dict(
            finding,
            evidence_text=[texts[(e["source"], e["sentence"])] for e in finding["evidence"]],
        )
        result.produced.append((shown, ok))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    parser.add_argument("cases", nargs="*", help="case folder names (default: all)")
    args = parser.parse_args(argv)
    cases = sorted(p for p in FIXTURES.iterdir() if (p / "gold.json").exists())
    if args.cases:
        cases = [c for c in cases if c.name in args.cases]
    gold_n: Counter[str] = Counter()
    gold_hit: Counter[str] = Counter()
    prod_n: Counter[str] = Counter()
    prod_ok: Counter[str] = Counter()
    for case in cases:
        result = run_case(case)
        for entry, hit in result.gold_hits:
            kind = "|".join(_kinds(entry))
            gold_n[kind] += 1
            gold_hit[kind] += hit
            if args.misses and not hit:
                print(f"MISS {case.name} {kind} {entry['evidence']}")
        if result.counts_precision:
            for finding, ok in result.produced:
                prod_n[finding["kind"]] += 1
                prod_ok[finding["kind"]] += ok
                if args.misses and not ok:
                    print(f"FP   {case.name} {finding['kind']} {finding['summary'][:160]}")
    kinds = sorted(set(gold_n) | set(prod_n), key=lambda k: (k not in PLANTED, k))
    print(f"{'kind':45} {'recall':>12} {'precision':>12}")
    for kind in kinds:
        recall = (
            f"{gold_hit[kind] / gold_n[kind]:.2f} ({gold_hit[kind]}/{gold_n[kind]})"
            if gold_n[kind]
            else "-"
        )
        precision = (
            f"{prod_ok[kind] / prod_n[kind]:.2f} ({prod_ok[kind]}/{prod_n[kind]})"
            if prod_n[kind]
            else "-"
        )
        print(f"{kind:45} {recall:>12} {precision:>12}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
