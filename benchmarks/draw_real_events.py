"""Draws the events of the real-coverage findings benchmark from ECB+ (development data) and
writes, or checks, ``benchmarks/real_events.json``.

    python benchmarks/draw_real_events.py           # check that the committed list is reproduced
    python benchmarks/draw_real_events.py --write   # write it (only ever once)

The draw, reading ``../shared/data/ecbplus-dev`` relative to the repository root:

1. every event of ``articles.jsonl`` except the 12 events of ``alignment_gold.json``;
2. in each, the articles of at least 100 words of ``text`` (shorter ones are headline
   stubs), longest first (ties by id), kept greedily unless a near-copy of one already
   kept, up to 5: a near-copy shares at least half of the shorter article's word 5-grams
   (lower-cased ``\\w+`` words) with the other;
3. events that keep at least 3 articles are eligible; ``random.Random(15)`` samples 40 of
   them (event ids sorted as strings first), then 12 of those 40 (same generator, in the
   order drawn) are set aside.

Set-aside events are the final test: nobody tunes on them, labels pairs from them or judges
their findings before the final run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev"
EVENTS = ROOT / "benchmarks" / "real_events.json"
SEED = 15
DRAWN = 40
SET_ASIDE = 12
MIN_ARTICLES = 3
MAX_ARTICLES = 5
NEAR_COPY = 0.5
GRAM = 5
MIN_WORDS = 100
# Word tokens for the n-grams: runs of letters, digits and underscores.
WORD = re.compile(r"\w+")


def grams(text: str, n: int = GRAM) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def containment(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """Share of the smaller n-gram set found in the other (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def pick_articles(rows: list[dict[str, Any]], limit: int = MAX_ARTICLES) -> list[dict[str, Any]]:
    """The longest articles of one event (up to ``limit``) that are not near-copies of a
    longer one kept."""
    long_enough = [r for r in rows if len(str(r["text"]).split()) >= MIN_WORDS]
    ordered = sorted(long_enough, key=lambda r: (-len(str(r["text"]).split()), str(r["id"])))
    kept: list[tuple[dict[str, Any], set[tuple[str, ...]]]] = []
    for row in ordered:
        shingles = grams(str(row["text"]))
        if any(containment(shingles, other) >= NEAR_COPY for _, other in kept):
            continue
        kept.append((row, shingles))
        if len(kept) == limit:
            break
    return [row for row, _ in kept]


def draw(data: Path = DATA) -> dict[str, Any]:
    with (data / "articles.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    gold = json.loads((data / "alignment_gold.json").read_text(encoding="utf-8"))
    excluded = {pair["event"] for pair in gold["pairs"]}
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["event"] not in excluded:
            by_event[str(row["event"])].append(row)
    picked = {event: pick_articles(members) for event, members in by_event.items()}
    eligible = sorted(e for e, kept in picked.items() if len(kept) >= MIN_ARTICLES)
    rng = random.Random(SEED)
    drawn = rng.sample(eligible, DRAWN)
    aside = set(rng.sample(drawn, SET_ASIDE))
    events = [
        {
            "event": event,
            "topic": picked[event][0]["topic"],
            "split": "set_aside" if event in aside else "judged",
            "articles": [str(r["id"]) for r in picked[event]],
            "words": [len(str(r["text"]).split()) for r in picked[event]],
        }
        for event in sorted(drawn, key=lambda e: (int(e.split("_")[0]), e))
    ]
    return {
        "about": (
            "Events of the real-coverage findings benchmark, drawn from ECB+ dev data "
            "(../shared/data/ecbplus-dev) by benchmarks/draw_real_events.py: the events of "
            "alignment_gold.json left out; per event the 3-5 longest articles (words of text) "
            f"of at least {MIN_WORDS} words, kept greedily from the longest unless a near-copy of one kept (>= {NEAR_COPY} of "
            f"the shorter's word {GRAM}-grams shared); random.Random({SEED}) samples {DRAWN} of "
            f"the {len(eligible)} events keeping >= {MIN_ARTICLES} articles, then {SET_ASIDE} of "
            "those as set_aside (the final test: no tuning, no pair labelling, no judging "
            "before the final run); the rest are judged."
        ),
        "seed": SEED,
        "excluded": sorted(excluded),
        "eligible": len(eligible),
        "events": events,
    }


def render(payload: dict[str, Any], items: str = "events") -> str:
    """The payload as JSON with one line per entry of ``payload[items]`` (diffs read well)."""
    lines = ["{"]
    head = [k for k in payload if k != items]
    for key in head:
        lines.append(f"  {json.dumps(key)}: {json.dumps(payload[key], ensure_ascii=False)},")
    lines.append(f"  {json.dumps(items)}: [")
    entries = [json.dumps(e, ensure_ascii=False) for e in payload[items]]
    lines.append(",\n".join(f"    {entry}" for entry in entries))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_or_check(path: Path, text: str, write: bool) -> int:
    """Writes a drawn list once, or checks that the committed one is reproduced."""
    if write:
        if path.exists():
            print(f"{path} exists; the draw is made once", file=sys.stderr)
            return 1
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
        return 0
    same = path.exists() and path.read_text(encoding="utf-8") == text
    print(f"{path.name} reproduced" if same else f"{path.name} DIFFERS from the draw")
    return 0 if same else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write real_events.json")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not (args.data / "articles.jsonl").exists():
        print(f"skipped: no ECB+ data at {args.data}")
        return 0
    return write_or_check(EVENTS, render(draw(args.data)), args.write)


if __name__ == "__main__":
    raise SystemExit(main())
