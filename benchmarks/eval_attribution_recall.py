"""How many of the real attribution differences in the coverage framediff finds: on the
ECB+ development events ``eval_attribution_findings.py`` compares (outside the alignment
gold and the set-aside events), an editor read every article of each event and listed
every difference in credit an editor would want to know (the same claim credited to
different speakers, or credited in one outlet and stated as fact in another), blind to
framediff's output (``benchmarks/attribution_recall_gold.json``, keyed by article id and
sentence number, never by the articles' text).

For each listed difference: **found** when an ``attribution_shift`` or
``attribution_dropped`` finding's evidence holds both its sentences; otherwise the table
says what stood in the way, in pipeline order:

- ``not linked``: the aligner links the two sentences at no score;
- ``weak link``: linked below ``FIRM_LINK``, the bar attribution findings start from;
- ``both credited`` / ``both plain``: the sentence stage reads both sentences as
  attributed (or neither), so a dropped credit cannot show (a shift still can);
- ``held back``: linked firmly with the credit read as the editor read it, yet no finding.

    python benchmarks/eval_attribution_recall.py            # table
    python benchmarks/eval_attribution_recall.py --list     # every difference, found or why not

Skips (printing why) when ../shared/data/ecbplus-dev is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_attribution_findings as attribution  # noqa: E402
import eval_real_findings as real  # noqa: E402

from framediff.findings.context import FIRM_LINK  # noqa: E402
from framediff.model import Comparison, SentenceRef  # noqa: E402

GOLD = ROOT / "benchmarks" / "attribution_recall_gold.json"
KINDS = ("attribution_shift", "attribution_dropped")
OUTCOMES = ("found", "not linked", "weak link", "both credited", "both plain", "held back")


def _ref(comparison: Comparison, where: str) -> SentenceRef:
    """ "<article id> s<n>" as the comparison's sentence reference."""
    article, number = where.split()
    source = next(d.id for d in comparison.documents if d.label == article)
    return SentenceRef(source, int(number.lstrip("s")))


def outcome(comparison: Comparison, difference: Mapping[str, Any]) -> tuple[str, float]:
    """What framediff made of one listed difference, and the link score between its two
    sentences (0 when unlinked)."""
    a, b = _ref(comparison, difference["a"]), _ref(comparison, difference["b"])
    for finding in comparison.analysis.findings:
        if finding.kind in KINDS:
            refs = {SentenceRef(e.source, e.sentence) for e in finding.evidence}
            if {a, b} <= refs:
                return "found", _score(comparison, a, b)
    score = _score(comparison, a, b)
    if not score:
        return "not linked", 0.0
    if score < FIRM_LINK:
        return "weak link", score
    if difference["kind"] == "dropped":
        credited = [_attributed(comparison, r) for r in (a, b)]
        if all(credited):
            return "both credited", score
        if not any(credited):
            return "both plain", score
    return "held back", score


def _score(comparison: Comparison, a: SentenceRef, b: SentenceRef) -> float:
    return max(
        (link.score for link in comparison.alignment.links if {link.a, link.b} == {a, b}),
        default=0.0,
    )


def _attributed(comparison: Comparison, ref: SentenceRef) -> bool:
    analysis = comparison.sentence_analysis(ref)
    return bool(analysis and analysis.attributed)


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    differences: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["differences"]
    return differences


def evaluate(
    events: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], show: bool
) -> Counter[tuple[str, str, str]]:
    """(verdict, kind, outcome) counts over the listed differences of ``events``."""
    with (real.DATA / "articles.jsonl").open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in map(json.loads, handle)}
    counts: Counter[tuple[str, str, str]] = Counter()
    with tempfile.TemporaryDirectory(prefix="framediff-recall-") as workdir:
        for event in events:
            listed = [d for d in gold if d["event"] == event["event"]]
            if not listed:
                continue
            comparison = real.compare_event(event, rows, Path(workdir))
            for difference in listed:
                result, score = outcome(comparison, difference)
                counts[(difference["verdict"], difference["kind"], result)] += 1
                if show:
                    print(
                        f"{result:<14}{score:5.2f}  {difference['verdict']:<10}"
                        f"{difference['kind']:<8}{event['event']} {difference['a']} / "
                        f"{difference['b']}: {difference['claim']}"
                    )
    return counts


def print_table(counts: Counter[tuple[str, str, str]]) -> None:
    for verdict in ("difference", "debatable"):
        print(f"\n{verdict}s listed by the editor")
        print(f"{'kind':<10}{'listed':>8}" + "".join(f"{o:>15}" for o in OUTCOMES))
        for kind in ("shift", "dropped", "all"):
            row = Counter(
                {
                    o: sum(
                        n
                        for (v, k, out), n in counts.items()
                        if v == verdict and out == o and kind in (k, "all")
                    )
                    for o in OUTCOMES
                }
            )
            total = sum(row.values())
            print(f"{kind:<10}{total:>8}" + "".join(f"{row[o]:>15}" for o in OUTCOMES))
    listed = sum(n for (v, _, _), n in counts.items() if v == "difference")
    found = sum(n for (v, _, o), n in counts.items() if v == "difference" and o == "found")
    share = f"{found / listed:.2f}" if listed else "-"
    print(f"\nrecall of the differences: {found}/{listed} ({share})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="every difference, found or why not")
    parser.add_argument("names", nargs="*", help="event ids (default: every listed event)")
    args = parser.parse_args(argv)
    if not real.DATA.exists():
        print(f"skipped: {real.DATA} is absent")
        return 0
    events = attribution.events(real.DATA)
    if args.names:
        events = [e for e in events if e["event"] in args.names]
    print_table(evaluate(events, load_gold(), args.list))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
