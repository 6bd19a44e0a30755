"""How clean the entity table is on real coverage: of the rows framediff's coverage table
gives for the 40 ECB+ events of ``benchmarks/real_events.json``, a fixed-seed sample judged
blind, row by row, as a complete name of the right type or not.

    python benchmarks/eval_entity_table.py                     # shares of the sample
    python benchmarks/eval_entity_table.py --packets DIR       # the unjudged rows, to judge
    python benchmarks/eval_entity_table.py --merge DIR/rows.judged.json
    python benchmarks/eval_entity_table.py --against CHECKOUT [--packets DIR]
    FRAMEDIFF_CHECKOUT=DIR python benchmarks/eval_entity_table.py    # another version's table

Each event's articles are compared as ``eval_real_findings.py`` compares them; every row of
``Comparison.analysis.coverage`` is a candidate but topics (lower-case canonicals, not
names). ``SAMPLE`` of them are drawn by a hash of their keys under ``SEED`` (``_draw``: a
few rows added or removed leave the rest of the sample as it was). A row's label lives in
``benchmarks/entity_table_gold.json``, keyed by event, name and type (names only, never the
articles' sentences):

- ``clean``: a complete proper name of one person, organisation, place, country, event or
  work, as an editor would list it, of a type that is not wrong (``OTHER`` never is);
- ``fragment``: part of a name, a name with words stuck to it (a role before it, a word
  after it), two names run together, an abbreviation or common word naming no one;
- ``wrong-type``: a complete name of the wrong type (a company typed PERSON).

The judge sees, per row, its name, type, how it was written and the sentence it was
written in (the packet, written outside the repository), never the code that found it.

``--against CHECKOUT`` measures a change instead of a level: the rows an earlier checkout's
table has and this one's has not (removed) and the reverse (added), up to ``CHANGED`` of
each drawn with a fixed seed, with their labels. Two samples of the whole table differ by
more rows than most changes touch; the rows a change removes and adds are what it did.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_real_findings as real  # noqa: E402

GOLD = ROOT / "benchmarks" / "entity_table_gold.json"
LABELS = ("clean", "fragment", "wrong-type")
SEED = 43
SAMPLE = 150
# Rows of each side of a change (``--against``) drawn to judge, and their seeds.
CHANGED = 100
CHANGED_SEEDS = {"removed": 5, "added": 6}
GOLD_ABOUT = (
    "Rows of framediff's entity (coverage) table on the 40 events of real_events.json, "
    "judged blind by benchmarks/eval_entity_table.py's rubric. Key: event, name, type. "
    "label: clean, fragment or wrong-type."
)

Key = tuple[str, str, str]


def table_rows(events: Sequence[Mapping[str, Any]], data: Path) -> list[dict[str, str]]:
    """Every name row of each event's coverage table, with how one sentence wrote it."""
    with (data / "articles.jsonl").open(encoding="utf-8") as handle:
        articles = {r["id"]: r for r in map(json.loads, handle)}
    found: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory() as workdir:
        for event in events:
            comparison = real.compare_event(event, articles, Path(workdir))
            example: dict[tuple[str, str], tuple[str, str]] = {}
            for analysis in comparison.analysis.sentences:
                sentence = comparison.document(analysis.ref.source).sentences[analysis.ref.sentence]
                for entity in analysis.entities:
                    example.setdefault(
                        (entity.canonical, entity.type), (entity.text, sentence.text)
                    )
            for coverage in comparison.analysis.coverage:
                if coverage.canonical.islower():
                    continue  # a topic, not a name
                written, sentence = example.get((coverage.canonical, coverage.type), ("", ""))
                found.append(
                    {
                        "event": event["event"],
                        "name": coverage.canonical,
                        "type": coverage.type,
                        "written": written,
                        "sentence": sentence,
                    }
                )
    return found


def key_of(row: Mapping[str, str]) -> Key:
    return (row["event"], row["name"], row["type"])


def _draw(rows: Sequence[dict[str, str]], seed: int, size: int) -> list[dict[str, str]]:
    """The ``size`` rows whose keys hash lowest under ``seed``: the same rows are drawn
    whatever else the table holds, so a change that adds or removes a few rows leaves the
    rest of the sample (and its labels) as it was."""

    def rank(row: Mapping[str, str]) -> str:
        return hashlib.sha1(f"{seed}:{key_of(row)!r}".encode()).hexdigest()

    return sorted(rows, key=rank)[:size]


def sample(rows: Sequence[dict[str, str]]) -> list[dict[str, str]]:
    return _draw(rows, SEED, SAMPLE)


def load_gold(path: Path | None = None) -> dict[Key, str]:
    path = path or GOLD
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(r["event"], r["name"], r["type"]): r["label"] for r in data["rows"]}


def save_gold(gold: Mapping[Key, str], path: Path | None = None) -> None:
    path = path or GOLD
    rows = [
        {"event": e, "name": n, "type": t, "label": label}
        for (e, n, t), label in sorted(gold.items())
    ]
    text = json.dumps({"about": GOLD_ABOUT, "rows": rows}, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def item_id(key: Key) -> str:
    return "e" + hashlib.sha1(repr(key).encode("utf-8")).hexdigest()[:8]


def write_packet(directory: Path, rows: Sequence[Mapping[str, str]]) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Entity table rows to judge",
        "",
        "Each row is one line of a news-comparison tool's entity table: a name it found in",
        "articles about one news event, the type it gave (PERSON, ORG, PLACE, COUNTRY, OTHER),",
        "how the name was written in one sentence, and that sentence. Label each row:",
        "- clean: a complete proper name of one person, organisation, place, country, event or",
        "  work, as an editor would list it (a surname alone is clean when it is how the",
        "  article names that person), of a type that is not wrong (OTHER is never wrong);",
        "- fragment: part of a name, a name with extra words stuck to it (a role or title",
        "  before it, a word after it), two names run together, an abbreviation or common",
        "  word that names no one, or page clutter;",
        "- wrong-type: a complete name whose type is wrong (a company or a place typed PERSON,",
        "  a person typed ORG or PLACE).",
        "",
        'Answer in rows.judged.json: {"<id>": "clean" | "fragment" | "wrong-type"}.',
        "",
    ]
    keys = {}
    for row in rows:
        ident = item_id(key_of(row))
        keys[ident] = list(key_of(row))
        lines.append(
            f"[{ident}] name: {row['name']} | type: {row['type']} | written: {row['written']}"
            f" | sentence: {row['sentence'][:260]}"
        )
    (directory / "rows.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (directory / "rows.key.json").write_text(json.dumps(keys), encoding="utf-8")
    return len(rows)


def merge(answers: Path) -> int:
    keys = json.loads((answers.parent / "rows.key.json").read_text(encoding="utf-8"))
    given = json.loads(answers.read_text(encoding="utf-8"))
    gold = load_gold()
    added = 0
    for ident, label in given.items():
        if label not in LABELS:
            raise SystemExit(f"{ident}: label {label!r} is not one of {', '.join(LABELS)}")
        key: Key = tuple(keys[ident])  # type: ignore[assignment]
        if key not in gold:
            gold[key] = label
            added += 1
    save_gold(gold)
    return added


def changed_rows(
    before: Sequence[dict[str, str]], after: Sequence[dict[str, str]]
) -> dict[str, list[dict[str, str]]]:
    """The rows only ``before`` has (removed) and only ``after`` has (added), each side
    drawn down to ``CHANGED`` with its seed."""
    keys_before = {key_of(r) for r in before}
    keys_after = {key_of(r) for r in after}
    sides = {
        "removed": [r for r in before if key_of(r) not in keys_after],
        "added": [r for r in after if key_of(r) not in keys_before],
    }
    return {side: _draw(rows, CHANGED_SEEDS[side], CHANGED) for side, rows in sides.items()}


def _rows_of(checkout: Path) -> list[dict[str, str]]:
    """The table rows of another checkout's framediff, computed in a process of its own."""
    with tempfile.TemporaryDirectory() as workdir:
        dump = Path(workdir) / "rows.json"
        environment = {**os.environ, "FRAMEDIFF_CHECKOUT": str(checkout)}
        subprocess.run([sys.executable, __file__, "--dump", str(dump)], env=environment, check=True)
        rows: list[dict[str, str]] = json.loads(dump.read_text(encoding="utf-8"))
        return rows


def _print_counts(title: str, rows: Sequence[Mapping[str, str]], gold: Mapping[Key, str]) -> None:
    counts = Counter(gold.get(key_of(row), "unjudged") for row in rows)
    judged = sum(counts[label] for label in LABELS)
    print(title)
    print(f"{'label':<12}{'rows':>6}{'share of judged':>18}")
    for label in (*LABELS, "unjudged"):
        share = f"{counts[label] / judged:.2f}" if judged and label != "unjudged" else "-"
        print(f"{label:<12}{counts[label]:>6}{share:>18}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packets", type=Path, help="write the drawn rows not yet judged here")
    parser.add_argument("--merge", type=Path, help="add a judged packet's labels to the gold")
    parser.add_argument("--against", type=Path, help="an earlier checkout: rows removed and added")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.merge:
        print(f"{merge(args.merge)} labels added to {GOLD.name}")
        return 0
    if not real.DATA.exists():
        print(f"skipped: {real.DATA} is absent")
        return 0
    events = real.load_events("judged") + real.load_events("set_aside")
    rows = table_rows(events, real.DATA)
    if args.dump:
        args.dump.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        return 0
    gold = load_gold()
    if args.against:
        sides = changed_rows(_rows_of(args.against), rows)
        if args.packets:
            drawn = [r for side in sides.values() for r in side if key_of(r) not in gold]
            random.Random(SEED).shuffle(drawn)
            print(f"{write_packet(args.packets, drawn)} rows to judge in {args.packets}")
            return 0
        for side, drawn in sides.items():
            _print_counts(f"{side}: {len(drawn)} rows drawn", drawn, gold)
        return 0
    drawn = sample(rows)
    if args.packets:
        unjudged = [row for row in drawn if key_of(row) not in gold]
        print(f"{write_packet(args.packets, unjudged)} rows to judge in {args.packets}")
        return 0
    _print_counts(
        f"{len(rows)} name rows in the 40 events' tables; {len(drawn)} drawn (seed {SEED})",
        drawn,
        gold,
    )
    print()
    _print_counts("the whole table (rows judged so far, drawn or not)", rows, gold)
    names = Counter((row["event"], row["name"]) for row in rows)
    print(f"names with two or more rows in one event: {sum(n > 1 for n in names.values())}")
    return 0


if __name__ == "__main__":
    # FRAMEDIFF_CHECKOUT: run an earlier checkout's framediff (``--against``); this
    # repository's otherwise.
    sys.path.insert(0, os.environ.get("FRAMEDIFF_CHECKOUT") or str(ROOT))
    raise SystemExit(main())
