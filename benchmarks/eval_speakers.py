"""Who said it, measured on real annotated news: speaker precision, recall and F1 on the
PolNeAR development split, overall and per publisher, scored by the shared scorer
(``../shared/tools/score_speakers.py``, the exact measure framediff is judged by: its
``score`` function is imported, never rewritten).

Reads the third-party articles from ``../shared/data/polnear-dev`` (not part of this
repository) and skips when they are absent. Also counts the pronoun speakers ("he said",
"she added") framediff resolved to a name, and draws a fixed-seed sample of those
resolutions, printed with the sentences before them, for checking by hand.

    python benchmarks/eval_speakers.py                    # overall and per publisher
    python benchmarks/eval_speakers.py --show-misses 300  # also the scorer's misses
    python benchmarks/eval_speakers.py --pronouns 50      # and 50 pronoun resolutions
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "polnear-dev"
SCORER = SHARED / "tools" / "score_speakers.py"
# The sample of pronoun resolutions is drawn with this seed, so a rerun checks the same ones.
PRONOUN_SEED = 20261206
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we"})


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_speakers", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _publishers() -> dict[str, list[str]]:
    by_publisher: dict[str, list[str]] = defaultdict(list)
    with (DATA / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if (DATA / "text" / f"{row['filename']}.txt").exists():
                by_publisher[row["publisher"]].append(row["filename"])
    return dict(sorted(by_publisher.items()))


def _subset(names: list[str], into: Path) -> Path:
    """A data folder holding only ``names`` (links to the shared files), for per-publisher
    scores from the unchanged scorer."""
    (into / "text").mkdir(parents=True)
    (into / "attributions").mkdir()
    for name in names:
        (into / "text" / f"{name}.txt").symlink_to(DATA / "text" / f"{name}.txt")
        for ann in (DATA / "attributions").glob(f"{name}_*.ann"):
            (into / "attributions" / ann.name).symlink_to(ann)
    return into


def _framediff_command() -> list[str]:
    found = shutil.which("framediff") or str(Path(sys.executable).with_name("framediff"))
    return [found]


def speaker_scores(show_misses: int) -> None:
    scorer = _scorer()
    command = _framediff_command()
    totals = {"hits_p": 0, "n_p": 0, "hits_r": 0, "n_r": 0, "unlocated_sentences": 0}
    rows = []
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for publisher, names in _publishers().items():
            folder = _subset(names, Path(tmp) / publisher)
            result = scorer.score(folder, command, None, show_misses)
            misses += result["misses"]
            for key in totals:
                totals[key] += result[key]
            rows.append((publisher, result))
    for miss in misses[:show_misses]:
        print(miss)
    print(f"{'publisher':<14} {'P':>6} {'R':>6} {'F1':>6} {'attributions':>13} {'gold':>5}")
    for publisher, result in rows:
        print(
            f"{publisher:<14} {result['precision']:6.3f} {result['recall']:6.3f} "
            f"{result['f1']:6.3f} {result['n_p']:>13} {result['n_r']:>5}"
        )
    precision = totals["hits_p"] / totals["n_p"] if totals["n_p"] else 0.0
    recall = totals["hits_r"] / totals["n_r"] if totals["n_r"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{'all':<14} {precision:6.3f} {recall:6.3f} {f1:6.3f} {totals['n_p']:>13} "
        f"{totals['n_r']:>5}   ({totals['hits_p']}/{totals['n_p']} precise, "
        f"{totals['hits_r']}/{totals['n_r']} found; "
        f"{totals['unlocated_sentences']} sentences not located)"
    )


def pronoun_resolutions(sample: int) -> None:
    """Pronoun speakers resolved to a name, counted, and a fixed-seed sample printed with
    the two sentences before each, for a person to check."""
    from framediff.pipeline import load_all, segment_all
    from framediff.sentences.analysis import analyze_sentences

    resolved: list[tuple[str, str, str, str]] = []
    unresolved = 0
    for path in sorted((DATA / "text").glob("*.txt")):
        documents = segment_all(load_all([str(path)]))
        for item in analyze_sentences(documents):
            sentences = documents[0].sentences
            for attribution in item.attributions:
                if (attribution.speaker or "").lower() not in PRONOUNS:
                    continue
                canonical = attribution.speaker_canonical or ""
                if not canonical or canonical.lower() in PRONOUNS:
                    unresolved += 1
                    continue
                first = max(0, item.ref.sentence - 2)
                before = " ".join(s.text for s in sentences[first : item.ref.sentence])
                resolved.append((path.stem, before, sentences[item.ref.sentence].text, canonical))
    print(f"\npronoun speakers: {len(resolved)} resolved to a name, {unresolved} left unresolved")
    if not sample:
        return
    rng = random.Random(PRONOUN_SEED)
    for number, (name, before, text, canonical) in enumerate(
        rng.sample(resolved, min(sample, len(resolved))), 1
    ):
        print(
            f"\n[{number}] {name}\n  before: {before[-300:]}\n  sentence: {text}\n  -> {canonical}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", type=int, default=0, metavar="K")
    parser.add_argument("--pronouns", type=int, default=0, metavar="N", help="sample N resolutions")
    parser.add_argument("--no-score", action="store_true", help="only the pronoun count/sample")
    args = parser.parse_args(argv)
    if not DATA.is_dir() or not SCORER.is_file():
        print(f"skipped: {DATA} or {SCORER} is absent (PolNeAR is not part of this repository)")
        return 0
    if not args.no_score:
        speaker_scores(args.show_misses)
    pronoun_resolutions(args.pronouns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
