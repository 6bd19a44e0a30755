"""Cleaning quality over the hand-labelled pages in fixtures/cleaning/.

Prints, per page and pooled: body precision and recall of kept sentences,
exact-match segmentation accuracy (English pages, full pipeline) and how many
metadata fields (title, outlet, published, language) match the gold.

Body measures work on text, so they do not depend on segmentation: a gold
sentence is recalled if its whitespace-normalised text occurs in the cleaned
text; a produced sentence is precise if its normalised text occurs in the gold
body. A page whose gold is ``"error": true`` scores 1.0 when reading it fails
with an InputError and 0.0 otherwise.

    python benchmarks/eval_cleaning.py            # the table
    python benchmarks/eval_cleaning.py --check    # exit 1 below the floors

The floors only go up: raise them when the cleaner improves, never lower them
to make a change pass.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "cleaning"

# Pinned floors (pooled body precision/recall, every page, pooled segmentation).
FLOOR_POOLED = 0.98
FLOOR_PAGE = 0.90
TARGET_SEGMENTATION = 0.97
METADATA_FIELDS = ("title", "outlet", "published", "language")


@dataclass(frozen=True)
class PageScore:
    case: str
    language: str | None
    gold: int  # gold sentences
    recalled: int
    produced: int  # produced sentences
    precise: int
    exact: int  # gold sentences produced exactly by the pipeline
    metadata_ok: int
    error: str | None = None  # the InputError message, for error pages

    @property
    def precision(self) -> float:
        return self.precise / self.produced if self.produced else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else float(self.produced == 0)

    @property
    def segmentation(self) -> float:
        return self.exact / self.gold if self.gold else 1.0


def _norm(text: str) -> str:
    return " ".join(text.split())


def score_page(case_dir: Path) -> PageScore:
    from framediff.errors import InputError
    from framediff.pipeline import load_all, segment_all

    gold = json.loads((case_dir / "gold.json").read_text(encoding="utf-8"))
    source = ROOT / gold["input"]
    gold_sentences = [_norm(s) for s in gold["sentences"]]
    try:
        documents = segment_all(load_all([str(source)]))
    except InputError as error:
        ok = bool(gold.get("error"))
        return PageScore(case_dir.name, None, 0, 0, 0 if ok else 1, 0, 0, 0, error=str(error))
    if gold.get("error"):
        produced = sum(len(doc.sentences) for doc in documents)
        return PageScore(case_dir.name, None, 0, 0, max(produced, 1), 0, 0, 0)
    doc = documents[0]
    text = _norm(doc.article.text)
    body = _norm(" ".join(gold["sentences"]))
    sentences = [_norm(s.text) for s in doc.sentences]
    produced_set = set(sentences)
    article = doc.article
    metadata_ok = sum(getattr(article, name) == gold.get(name) for name in METADATA_FIELDS)
    return PageScore(
        case=case_dir.name,
        language=gold.get("language"),
        gold=len(gold_sentences),
        recalled=sum(1 for s in gold_sentences if s in text),
        produced=len(sentences),
        precise=sum(1 for s in sentences if s in body),
        exact=sum(1 for s in gold_sentences if s in produced_set),
        metadata_ok=metadata_ok,
    )


def evaluate(fixtures: Path = FIXTURES) -> list[PageScore]:
    """One score per fixture case, in name order."""
    return [
        score_page(case)
        for case in sorted(p for p in fixtures.iterdir() if (p / "gold.json").exists())
    ]


def pooled(scores: list[PageScore]) -> tuple[float, float, float]:
    """Pooled (precision, recall, English segmentation accuracy) over sentences."""
    produced = sum(s.produced for s in scores)
    gold = sum(s.gold for s in scores)
    english = [s for s in scores if s.language == "en"]
    english_gold = sum(s.gold for s in english)
    precision = sum(s.precise for s in scores) / produced if produced else 1.0
    recall = sum(s.recalled for s in scores) / gold if gold else 1.0
    segmentation = sum(s.exact for s in english) / english_gold if english_gold else 1.0
    return precision, recall, segmentation


def render(scores: list[PageScore]) -> str:
    rows = [
        f"{'case':34} {'lang':4} {'gold':>4} {'prod':>4} {'P':>6} {'R':>6} {'seg':>6} {'meta':>4}"
    ]
    for s in scores:
        segmentation = f"{s.segmentation:6.3f}" if s.language == "en" else "     -"
        meta = "-" if s.error or not s.gold else f"{s.metadata_ok}/{len(METADATA_FIELDS)}"
        rows.append(
            f"{s.case:34} {s.language or '-':4} {s.gold:4d} {s.produced:4d} "
            f"{s.precision:6.3f} {s.recall:6.3f} {segmentation} {meta:>4}"
        )
    precision, recall, seg_pooled = pooled(scores)
    rows.append(
        f"{'POOLED':34} {'':4} {sum(s.gold for s in scores):4d} {sum(s.produced for s in scores):4d} "
        f"{precision:6.3f} {recall:6.3f} {seg_pooled:6.3f}"
    )
    meta_total = sum(s.metadata_ok for s in scores if s.gold)
    meta_pages = sum(1 for s in scores if s.gold)
    rows.append(f"metadata fields right: {meta_total}/{meta_pages * len(METADATA_FIELDS)}")
    return "\n".join(rows)


def failures(scores: list[PageScore]) -> list[str]:
    """What falls below the pinned floors (empty when the gate passes)."""
    problems = []
    precision, recall, _ = pooled(scores)
    if precision < FLOOR_POOLED:
        problems.append(f"pooled precision {precision:.3f} < {FLOOR_POOLED}")
    if recall < FLOOR_POOLED:
        problems.append(f"pooled recall {recall:.3f} < {FLOOR_POOLED}")
    for s in scores:
        if min(s.precision, s.recall) < FLOOR_PAGE:
            problems.append(f"{s.case}: P {s.precision:.3f} R {s.recall:.3f} < {FLOOR_PAGE}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when below the floors")
    parser.add_argument("--verbose", action="store_true", help="list missed and extra sentences")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    scores = evaluate()
    print(render(scores))
    if args.verbose:
        _explain()
    problems = failures(scores)
    for problem in problems:
        print(f"below floor: {problem}")
    return 1 if args.check and problems else 0


def _explain() -> None:
    from framediff.errors import InputError
    from framediff.pipeline import load_all, segment_all

    for case in sorted(p for p in FIXTURES.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
        try:
            doc = segment_all(load_all([str(ROOT / gold["input"])]))[0]
        except InputError as error:
            print(f"\n## {case.name}: {error}")
            continue
        text, body = _norm(doc.article.text), _norm(" ".join(gold["sentences"]))
        produced = {_norm(s.text) for s in doc.sentences}
        missed = [s for s in gold["sentences"] if _norm(s) not in text]
        extra = [s.text for s in doc.sentences if _norm(s.text) not in body]
        split = [s for s in gold["sentences"] if _norm(s) in text and _norm(s) not in produced]
        meta = {name: getattr(doc.article, name) for name in METADATA_FIELDS}
        wrong = {k: (v, gold.get(k)) for k, v in meta.items() if v != gold.get(k)}
        if missed or extra or split or wrong:
            print(f"\n## {case.name}")
            for label, items in (
                ("missed", missed),
                ("extra", extra),
                ("not split exactly", split),
            ):
                for item in items:
                    print(f"  {label}: {item[:110]}")
        if wrong:
            print(f"  metadata (got, gold): {wrong}")


if __name__ == "__main__":
    raise SystemExit(main())
