"""Attribution findings on real coverage, judged blind: every ``attribution_shift`` and
``attribution_dropped`` finding framediff reports on the ECB+ development events that are
neither in the alignment gold nor set aside by ``benchmarks/real_events.json``, and how many
of them a reader judged true.

    python benchmarks/eval_attribution_findings.py                 # table, per kind
    python benchmarks/eval_attribution_findings.py --list          # every finding, verdict
    python benchmarks/eval_attribution_findings.py --packets DIR   # judging packets, unjudged
    python benchmarks/eval_attribution_findings.py --merge DIR/EVENT.judged.json
    FRAMEDIFF_CHECKOUT=DIR python benchmarks/eval_attribution_findings.py ...  # another version

The events: every event of ``../shared/data/ecbplus-dev`` (relative to the repository root;
the script skips without it) except the 12 of its alignment gold and the 12 set-aside events
of the findings benchmark. Per event, the articles of at least 100 words, longest first,
near-copies left out, up to 6 (``draw_real_events.pick_articles`` with a larger cap: more
outlets give more chances for one to credit what another states), compared in this process.
Events keeping fewer than 2 articles are skipped.

Unlike the findings benchmark, which judges each report's top 12, every attribution finding
reported is listed: these are the findings a reader meets first in a report, and the measure
is how often one is true. Judgements live in ``benchmarks/attribution_findings_gold.json``,
keyed (like the findings gold) by event, kind and the sorted texts of the evidence sentences;
packets mix the findings of the checkout run and of any earlier run written to the same
directory, shuffled and unlabelled, so before and after are judged together. The rubric and
protocol are those of ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import draw_real_events as draw  # noqa: E402
import eval_real_findings as real  # noqa: E402

GOLD = ROOT / "benchmarks" / "attribution_findings_gold.json"
KINDS = ("attribution_shift", "attribution_dropped")
# More outlets than the findings benchmark's 5 would make a packet too long to read
# whole; 6 keeps every packet under about 150 sentences.
MAX_ARTICLES = 6
ABOUT = (
    "Judgements of every attribution finding framediff reported (before and after the speaker "
    "and attribution changes) on the ECB+ dev events outside the alignment gold and the "
    "set-aside events, made blind (benchmarks/README.md); see "
    "benchmarks/eval_attribution_findings.py. Key: event, kind and the sorted texts of the "
    "finding's evidence sentences. verdict: true, false or debatable (counts as not true)."
)
MIN_ARTICLES = 2


def events(data: Path) -> list[dict[str, Any]]:
    """The eligible events, each with the ids of the articles compared."""
    with (data / "articles.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    gold = json.loads((data / "alignment_gold.json").read_text(encoding="utf-8"))
    listed = json.loads(real.EVENTS.read_text(encoding="utf-8"))["events"]
    excluded = {pair["event"] for pair in gold["pairs"]}
    excluded |= {e["event"] for e in listed if e["split"] == "set_aside"}
    by_event: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["event"] not in excluded:
            by_event.setdefault(str(row["event"]), []).append(row)
    picked = {
        event: draw.pick_articles(members, MAX_ARTICLES) for event, members in by_event.items()
    }
    return [
        {"event": event, "articles": [str(r["id"]) for r in kept]}
        for event, kept in sorted(picked.items())
        if len(kept) >= MIN_ARTICLES
    ]


def attribution_runs(chosen: Sequence[Mapping[str, Any]], data: Path) -> list[real.EventRun]:
    """Each event run, its ``top`` holding every attribution finding shown (ranks kept)."""
    return real.only_kinds(real.run_events(chosen, data, top=sys.maxsize), KINDS)


def tally(
    runs: Sequence[real.EventRun], gold: Mapping[real.Key, Mapping[str, str]]
) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    for run in runs:
        for shown in run.top:
            verdict = gold[shown.key]["verdict"] if shown.key in gold else "unjudged"
            counts[shown.key.kind][verdict] += 1
    return counts


def print_table(runs: Sequence[real.EventRun], gold: Mapping[real.Key, Mapping[str, str]]) -> None:
    counts = tally(runs, gold)
    print(
        f"{'kind':22} {'findings':>9} {'true':>5} {'false':>6} {'debat.':>7} {'unjudged':>9}  precision"
    )
    total: Counter[str] = Counter()
    for kind in KINDS:
        total.update(counts[kind])
        _row(kind, counts[kind])
    _row("total", total)
    with_findings = sum(1 for run in runs if run.top)
    print(f"{len(runs)} events compared, {with_findings} with attribution findings")


def _row(kind: str, row: Counter[str]) -> None:
    judged = row["true"] + row["false"] + row["debatable"]
    findings = judged + row["unjudged"]
    print(
        f"{kind:22} {findings:>9} {row['true']:>5} {row['false']:>6} {row['debatable']:>7} "
        f"{row['unjudged']:>9}  {real._ratio(row['true'], judged)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="every finding with its verdict")
    parser.add_argument("--packets", type=Path, metavar="DIR", help="write judging packets")
    parser.add_argument(
        "--merge", type=Path, nargs="+", metavar="FILE", help="merge DIR/<event>.judged.json"
    )
    parser.add_argument("--replace", action="store_true", help="with --merge: replace verdicts")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--data", type=Path, default=real.DATA)
    parser.add_argument("names", nargs="*", help="event ids (default: every eligible event)")
    args = parser.parse_args(argv)
    if args.merge:
        return max(real.merge_file(path, args.gold, args.replace, ABOUT) for path in args.merge)
    if not (args.data / "articles.jsonl").exists():
        print(f"skipped: no ECB+ data at {args.data}")
        return 0
    gold = real.load_gold(args.gold)
    chosen = events(args.data)
    if args.names:
        chosen = [e for e in chosen if e["event"] in args.names]
    runs = attribution_runs(chosen, args.data)
    if args.list:
        for run in runs:
            for shown in run.top:
                verdict = gold[shown.key]["verdict"] if shown.key in gold else "unjudged"
                print(f"{verdict:9} {run.event} #{shown.rank} {shown.summary[:150]}")
    print_table(runs, gold)
    if args.packets:
        count = real.write_packets(args.packets, runs, gold)
        print(f"packets: {len(runs)} events, {count} findings to judge, in {args.packets}")
    return 0


if __name__ == "__main__":
    # FRAMEDIFF_CHECKOUT: run an earlier checkout's framediff (the "before" of a blind
    # before/after judging); this repository's otherwise.
    sys.path.insert(0, os.environ.get("FRAMEDIFF_CHECKOUT") or str(ROOT))
    raise SystemExit(main())
