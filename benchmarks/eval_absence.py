"""Absence claimed where the claim is there in other words: on the ECB+ development
alignment gold (``fixtures/alignment/ecbplus_dev_gold.json``, hand-labelled), how often is
one side of a gold link labelled ``paraphrase`` or ``partial`` reported as content only
one source carries (``unique``) or as left out (``omission``)?

Each gold article pair is compared as framediff compares any two articles (sentences used
as given). A link is wrongly reported when either of its sentences is evidence of a
``unique`` finding, or of an ``omission`` that names the other article as missing.

    python benchmarks/eval_absence.py               # table
    python benchmarks/eval_absence.py --list        # each wrongly reported link
    python benchmarks/eval_absence.py --gold long   # the long-article gold (../shared/data)

``--gold long`` counts the same on the long-article gold (22 pairs, 25-60 sentences,
``fixtures/alignment/ecbplus_long_gold.json``), which no weight or rule was fitted to.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_alignment import real_gold  # noqa: E402
from eval_attribution_pairs import gold_comparisons  # noqa: E402

from framediff.pipeline import compare_documents  # noqa: E402

LABELS = ("paraphrase", "partial")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="each wrongly reported link")
    parser.add_argument("--gold", choices=("dev", "long"), default="dev")
    args = parser.parse_args(argv)
    links = wrong = 0
    if args.gold == "dev":
        pairs = gold_comparisons()
    else:
        long_pairs = [p for p in real_gold() if p.gold_set == "ecbplus-long"]
        if not long_pairs:
            print("skipped: the long-article gold reads ../shared/data/ecbplus-dev")
            return 0
        pairs = (
            (
                {
                    "event": p.name,
                    "aligned": [
                        {"i": i, "j": j, "label": label} for (i, j), label in p.labels.items()
                    ],
                },
                p.a,
                p.b,
                compare_documents([p.a, p.b]),
            )
            for p in long_pairs
        )
    for pair, a, b, comparison in pairs:
        absent: set[tuple[str, int]] = set()
        for finding in comparison.analysis.findings:
            if finding.kind == "unique" or (finding.kind == "omission" and finding.sources_missing):
                absent |= {(e.source, e.sentence) for e in finding.evidence}
        for link in pair["aligned"]:
            if link["label"] not in LABELS:
                continue
            links += 1
            if ("s1", link["i"]) in absent or ("s2", link["j"]) in absent:
                wrong += 1
                if args.list:
                    print(
                        f"{pair['event']} ({link['i']}, {link['j']}) {link['label']}:\n"
                        f"  {a.sentences[link['i']].text[:110]}\n"
                        f"  {b.sentences[link['j']].text[:110]}"
                    )
    share = wrong / links if links else 0.0
    print(f"gold links labelled paraphrase or partial: {links}")
    print(f"one side reported as unique or left out:  {wrong} ({share:.3f}; target at most 0.1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
