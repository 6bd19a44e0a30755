"""How far two careful readers agree on sentence links: pairs of the real alignment gold
labelled again, blind to their links, by the gold's own rules, and the relabelling scored
against the gold (precision, recall and F1 of the links, the gold as reference) and, where
two readers relabelled the same pair, against each other. What an aligner can be asked to
reach on that gold is bounded by this figure.

    python benchmarks/alignment_agreement.py                  # table
    python benchmarks/alignment_agreement.py --packets DIR    # one packet per drawn pair
    python benchmarks/alignment_agreement.py --merge R1 DIR/*.links.json

The drawn pairs: with ``random.Random(18)``, 2 of the 12 pairs of the ECB+ development gold
and 2 of the long-article gold's pairs of at most 70 sentences in all (pair names sorted
first). A packet holds the rules (the ``about`` text of the development gold) and both
articles' sentences numbered from 0, never the links. The reader answers in
``DIR/<pair>.links.json``: ``{"links": [[i, j, "label"], ...]}``. Relabellings are kept in
``fixtures/alignment/relabels.json`` (indices and labels only, no article text).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_alignment import GOLD, GoldPair, Score, real_gold  # noqa: E402

RELABELS = GOLD / "relabels.json"
SEED = 18
PER_SET = 2
# Long pairs above this many sentences in all take a reader hours to relabel.
MAX_SENTENCES = 70
RELABELS_ABOUT = (
    "Pairs of the real alignment gold labelled again, blind to their links, by the rules of "
    "the ECB+ development gold; benchmarks/alignment_agreement.py draws the pairs and scores "
    "the agreement. pair: 'a/b' article ids; aligned: i (article a), j (article b), 0-based, "
    "and label."
)


def drawn_pairs(gold: Sequence[GoldPair]) -> list[GoldPair]:
    """The pairs to relabel: ``PER_SET`` of each gold set, drawn with ``SEED``."""
    rng = random.Random(SEED)
    dev = sorted((p for p in gold if p.gold_set == "ecbplus-dev"), key=lambda p: p.name)
    long = sorted(
        (
            p
            for p in gold
            if p.gold_set == "ecbplus-long"
            and len(p.a.sentences) + len(p.b.sentences) <= MAX_SENTENCES
        ),
        key=lambda p: p.name,
    )
    return rng.sample(dev, PER_SET) + (rng.sample(long, PER_SET) if len(long) >= PER_SET else [])


def packet(pair: GoldPair, rules: str) -> str:
    lines = [
        f"Article pair {pair.name}: label the sentence links by these rules.",
        "",
        rules,
        "",
        'Answer as {"links": [[i, j, "label"], ...]} (i: article A, j: article B, 0-based).',
        "",
        "ARTICLE A",
    ]
    lines += [f"A{s.index}: {s.text}" for s in pair.a.sentences]
    lines += ["", "ARTICLE B"]
    lines += [f"B{s.index}: {s.text}" for s in pair.b.sentences]
    return "\n".join(lines) + "\n"


def file_name(pair: GoldPair) -> str:
    return pair.name.replace("/", "__")


def load_relabels() -> list[dict]:
    if not RELABELS.exists():
        return []
    relabels: list[dict] = json.loads(RELABELS.read_text(encoding="utf-8"))["relabels"]
    return relabels


def merge(annotator: str, paths: Sequence[Path], pairs: Sequence[GoldPair]) -> int:
    by_file = {file_name(p): p for p in pairs}
    relabels = load_relabels()
    for path in paths:
        name = path.name.removesuffix(".links.json")
        if name not in by_file:
            raise SystemExit(f"{path}: not a drawn pair")
        pair = by_file[name]
        links = json.loads(path.read_text(encoding="utf-8"))["links"]
        aligned = sorted(
            {(int(i), int(j)): str(label) for i, j, label in links}.items(),
        )
        for (i, j), _ in aligned:
            if not (0 <= i < len(pair.a.sentences) and 0 <= j < len(pair.b.sentences)):
                raise SystemExit(f"{path}: link ({i}, {j}) outside the articles")
        relabels = [r for r in relabels if (r["annotator"], r["pair"]) != (annotator, pair.name)]
        relabels.append(
            {
                "annotator": annotator,
                "pair": pair.name,
                "aligned": [{"i": i, "j": j, "label": label} for (i, j), label in aligned],
            }
        )
    relabels.sort(key=lambda r: (r["pair"], r["annotator"]))
    RELABELS.write_text(
        json.dumps({"about": RELABELS_ABOUT, "relabels": relabels}, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{len(paths)} relabellings by {annotator} in {RELABELS.relative_to(ROOT)}")
    return 0


def agreement(reference: set[tuple[int, int]], other: set[tuple[int, int]], name: str) -> Score:
    return Score(name, len(reference), len(other), len(reference & other))


def print_table(pairs: Sequence[GoldPair]) -> None:
    by_name = {p.name: p for p in pairs}
    relabels = [r for r in load_relabels() if r["pair"] in by_name]
    if not relabels:
        print("no relabellings yet: write packets, have them labelled, merge the answers")
        return
    print(
        f"{'pair':28} {'against':10} {'reader':8} {'gold':>5} {'links':>6} {'both':>5}  P      R      F1"
    )
    pooled: dict[str, Score] = {}

    def row(pair: str, against: str, reader: str, score: Score) -> None:
        print(
            f"{pair:28} {against:10} {reader:8} {score.gold:>5} {score.predicted:>6} "
            f"{score.correct:>5}  {score.precision:.3f}  {score.recall:.3f}  {score.f1:.3f}"
        )
        total = pooled.setdefault(against + " " + reader, Score(reader, 0, 0, 0))
        total.gold += score.gold
        total.predicted += score.predicted
        total.correct += score.correct

    for name in sorted({r["pair"] for r in relabels}):
        mine = [r for r in relabels if r["pair"] == name]
        links = {r["annotator"]: {(x["i"], x["j"]) for x in r["aligned"]} for r in mine}
        for reader, found in sorted(links.items()):
            row(name, "gold", reader, agreement(by_name[name].links, found, reader))
        readers = sorted(links)
        for n, first in enumerate(readers):
            for second in readers[n + 1 :]:
                row(name, first, second, agreement(links[first], links[second], second))
    print()
    for key, score in sorted(pooled.items()):
        against, reader = key.split(" ", 1)
        row("pooled", against, reader, score)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packets", type=Path, metavar="DIR", help="write relabelling packets")
    parser.add_argument("--merge", nargs="+", metavar="ARG", help="ANNOTATOR FILE...")
    args = parser.parse_args(argv)
    gold = real_gold()
    pairs = drawn_pairs(gold)
    if args.merge:
        if len(args.merge) < 2:
            raise SystemExit("--merge takes an annotator name, then the answer files")
        return merge(args.merge[0], [Path(p) for p in args.merge[1:]], pairs)
    if args.packets:
        rules_path = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "alignment_gold.json"
        if not rules_path.exists():
            print("skipped: the rules are read from ../shared/data/ecbplus-dev")
            return 0
        rules = json.loads(rules_path.read_text(encoding="utf-8"))["about"]
        args.packets.mkdir(parents=True, exist_ok=True)
        for pair in pairs:
            (args.packets / f"{file_name(pair)}.txt").write_text(
                packet(pair, rules), encoding="utf-8"
            )
        print(f"{len(pairs)} packets in {args.packets}: {', '.join(p.name for p in pairs)}")
        return 0
    print_table(pairs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
