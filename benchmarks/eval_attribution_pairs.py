"""Attribution findings against real attribution differences: the 47 linked sentence pairs
of the ECB+ development alignment gold (``fixtures/alignment/ecbplus_dev_gold.json``,
hand-labelled) marked ``attribution_differs`` (real outlets crediting one claim
differently, or one crediting and one not).

Each gold article pair is compared as framediff compares any two articles (its sentences
used as given). A hit: an ``attribution_shift`` or ``attribution_dropped`` finding whose
evidence holds both sentences of a pair marked ``attribution_differs``. A false finding:
one whose every evidence pair (a sentence of each article) is a gold link marked
``attribution_differs: false``. Recall: pairs hit of the 47; precision: hits over hits
and false findings (findings neither hitting nor false are counted apart, unjudged).

Each of the 47 pairs was also judged blind as a finding would be read
(``benchmarks/attribution_pairs_judged.json``: true, false or debatable, by an editor who saw
the two articles and the pairs only); the last rows count the pairs hit by verdict, since a
pair an editor calls trivial (an undisputed toll a headline states plainly) is no finding a
reader needs.

    python benchmarks/eval_attribution_pairs.py          # table
    python benchmarks/eval_attribution_pairs.py --list   # every finding and pair
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framediff.alignment import _presplit_document  # noqa: E402
from framediff.model import Comparison, Document  # noqa: E402
from framediff.pipeline import compare_documents  # noqa: E402

GOLD = ROOT / "fixtures" / "alignment" / "ecbplus_dev_gold.json"
JUDGED = ROOT / "benchmarks" / "attribution_pairs_judged.json"
KINDS = ("attribution_shift", "attribution_dropped")


def gold_comparisons() -> Iterator[tuple[dict[str, Any], Document, Document, Comparison]]:
    """Each gold pair, its two articles as documents ("s1", "s2") and their comparison."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    for pair in data["pairs"]:
        a = _presplit_document("s1", articles[pair["a"]]["sentences"])
        b = _presplit_document("s2", articles[pair["b"]]["sentences"])
        yield pair, a, b, compare_documents([a, b])


def verdicts() -> dict[tuple[str, int, int], str]:
    """(event, i, j) -> the blind verdict on the pair read as a finding."""
    data = json.loads(JUDGED.read_text(encoding="utf-8"))
    return {(x["event"], x["i"], x["j"]): x["verdict"] for x in data["judgements"]}


def evaluate(show: bool) -> dict[str, int]:
    totals = {"pairs": 0, "hit_pairs": 0, "findings": 0, "hits": 0, "false": 0}
    verdict = verdicts()
    for name in ("true", "false", "debatable"):
        totals[f"judged {name}"] = 0
        totals[f"hit {name}"] = 0
    for pair, a, _b, comparison in gold_comparisons():
        differs = {(x["i"], x["j"]) for x in pair["aligned"] if x["attribution_differs"]}
        agrees = {(x["i"], x["j"]) for x in pair["aligned"] if not x["attribution_differs"]}
        hit_pairs: set[tuple[int, int]] = set()
        for finding in comparison.analysis.findings:
            if finding.kind not in KINDS:
                continue
            left = {e.sentence for e in finding.evidence if e.source == "s1"}
            right = {e.sentence for e in finding.evidence if e.source == "s2"}
            spans = {(i, j) for i in left for j in right}
            hits = spans & differs
            false = bool(spans) and spans <= agrees
            totals["findings"] += 1
            totals["hits"] += bool(hits)
            totals["false"] += false
            hit_pairs |= hits
            if show:
                outcome = "HIT" if hits else "FALSE" if false else "unjudged"
                print(f"{pair['event']} {finding.kind} {outcome}: {finding.summary[:110]}")
        totals["pairs"] += len(differs)
        totals["hit_pairs"] += len(hit_pairs)
        for i, j in differs:
            name = verdict[(pair["event"], i, j)]
            totals[f"judged {name}"] += 1
            totals[f"hit {name}"] += (i, j) in hit_pairs
        if show:
            for i, j in sorted(differs - hit_pairs):
                judged = verdict[(pair["event"], i, j)]
                print(
                    f"{pair['event']} MISS ({i}, {j}) judged {judged}: {a.sentences[i].text[:70]!r}"
                )
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="every finding and missed pair")
    args = parser.parse_args(argv)
    totals = evaluate(args.list)
    recall = totals["hit_pairs"] / totals["pairs"] if totals["pairs"] else 0.0
    judged = totals["hits"] + totals["false"]
    precision = totals["hits"] / judged if judged else 0.0
    print(f"{'measure':<40}{'value':>8}")
    print(
        f"{'recall (pairs hit / differing)':<40}{recall:>8.3f}   ({totals['hit_pairs']}/{totals['pairs']})"
    )
    print(f"{'precision (hits / hits + false)':<40}{precision:>8.3f}   ({totals['hits']}/{judged})")
    print(
        f"{'attribution findings':<40}{totals['findings']:>8}   ({totals['findings'] - judged} neither)"
    )
    for name in ("true", "false", "debatable"):
        hit, of = totals[f"hit {name}"], totals[f"judged {name}"]
        label = f"pairs judged {name} as findings, hit"
        print(f"{label:<40}{hit / of if of else 0.0:>8.3f}   ({hit}/{of})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
