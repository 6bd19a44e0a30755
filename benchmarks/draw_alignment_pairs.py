"""Draws the article pairs of the long-article alignment gold from ECB+ (development data) and
writes, or checks, ``fixtures/alignment/ecbplus_long_pairs.json``.

    python benchmarks/draw_alignment_pairs.py           # check that the committed list is reproduced
    python benchmarks/draw_alignment_pairs.py --write   # write it (only ever once)

The draw, reading ``../shared/data/ecbplus-dev`` relative to the repository root:

1. every event of ``articles.jsonl`` except the 12 events of ``alignment_gold.json`` and the
   12 events ``benchmarks/real_events.json`` sets aside;
2. in each, the articles of 25 to 60 sentences of the corpus's own split (25 makes them
   longer than the first gold's; above 60 a pair is more than one reader can check sentence
   by sentence);
3. candidate pairs: two such articles of one event that are not near-copies (they share less
   than half of the shorter article's word 5-grams, as in draw_real_events.py);
4. ``random.Random(18)`` shuffles each event's candidates (sorted first); one pair per event,
   then, in the same event order, a second pair sharing no article with the first, until
   there are 22 pairs (20 asked for, two spare in case one proves unlabellable).

The ids only are committed; the sentences stay in ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev"
PAIRS = ROOT / "fixtures" / "alignment" / "ecbplus_long_pairs.json"
SEED = 18
WANTED = 22
MIN_SENTENCES = 25
MAX_SENTENCES = 60

sys.path.insert(0, str(ROOT / "benchmarks"))
from draw_real_events import NEAR_COPY, containment, grams, render, write_or_check  # noqa: E402


def draw(data: Path = DATA) -> dict[str, Any]:
    with (data / "articles.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    gold = json.loads((data / "alignment_gold.json").read_text(encoding="utf-8"))
    events = json.loads((ROOT / "benchmarks" / "real_events.json").read_text(encoding="utf-8"))
    excluded = {pair["event"] for pair in gold["pairs"]}
    excluded |= {e["event"] for e in events["events"] if e["split"] == "set_aside"}
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["event"] not in excluded and MIN_SENTENCES <= len(row["sentences"]) <= MAX_SENTENCES:
            by_event[str(row["event"])].append(row)
    rng = random.Random(SEED)
    candidates: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for event in sorted(by_event, key=lambda e: (int(e.split("_")[0]), e)):
        members = sorted(by_event[event], key=lambda r: str(r["id"]))
        pairs = [
            (a, b)
            for a, b in combinations(members, 2)
            if containment(grams(str(a["text"])), grams(str(b["text"]))) < NEAR_COPY
        ]
        if pairs:
            rng.shuffle(pairs)
            candidates[event] = pairs
    chosen: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for event, pairs in candidates.items():
        chosen.append((event, *pairs[0]))
    for event, pairs in candidates.items():
        if len(chosen) >= WANTED:
            break
        first = {pairs[0][0]["id"], pairs[0][1]["id"]}
        spare = [p for p in pairs[1:] if not first & {p[0]["id"], p[1]["id"]}]
        if spare:
            chosen.append((event, *spare[0]))
    return {
        "about": (
            "Article pairs of the long-article alignment gold (ecbplus_long_gold.json), drawn "
            "by benchmarks/draw_alignment_pairs.py from ECB+ dev data: events of "
            "alignment_gold.json and the set-aside events of benchmarks/real_events.json left "
            f"out; articles of {MIN_SENTENCES}-{MAX_SENTENCES} sentences; pairs not near-copies; "
            f"random.Random({SEED}); one pair per event, then second pairs sharing no article."
        ),
        "seed": SEED,
        "excluded": sorted(excluded),
        "pairs": [
            {
                "event": event,
                "topic": a["topic"],
                "a": a["id"],
                "b": b["id"],
                "n_a": len(a["sentences"]),
                "n_b": len(b["sentences"]),
            }
            for event, a, b in chosen
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write ecbplus_long_pairs.json")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not (args.data / "articles.jsonl").exists():
        print(f"skipped: no ECB+ data at {args.data}")
        return 0
    return write_or_check(PAIRS, render(draw(args.data), items="pairs"), args.write)


if __name__ == "__main__":
    raise SystemExit(main())
