"""Cleaning measured on real pages: the article-extraction benchmark's metric on pages-dev.

Reads the development half of the public article-extraction benchmark from
``../shared/data/pages-dev`` relative to the repository root (or ``--pages DIR``)
and skips, saying so, when the folder is absent; the pages are never copied into
the repository. Each page is read twice: its text capture (``text/<key>.txt``,
what a user gets by selecting all and copying) as a ``.txt`` source, and its saved
HTML (``html/<key>.html.gz``) as an ``.html`` source. The cleaned ``Article.text``
is scored against the article body a person cut out (``ground-truth.json``).

The metric is the benchmark's own: both texts split into ``\\w+`` tokens, 4-gram
shingles counted as multisets, TP / FP / FN per page normalised to sum 1, averaged
over pages; precision, recall and F1 from the averages. A page that cannot be
read (an InputError) counts as an empty extraction.

    python benchmarks/eval_pages.py                  # both modes, averages and worst pages
    python benchmarks/eval_pages.py --mode text --worst 20
    python benchmarks/eval_pages.py --per-page       # every page's P and R
    python benchmarks/eval_pages.py --baselines      # and the raw capture, trafilatura alone
    python benchmarks/eval_pages.py --check          # exit 1 below the floors
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "pages-dev"
MODES = ("text", "html")
# Reference points, not framediff: the capture itself, and trafilatura alone at its
# default settings and at each of its two leanings.
BASELINES = ("raw", "trafilatura", "trafilatura-precision", "trafilatura-recall")
# Floors per mode (F1): raised as cleaning improves, never lowered to pass a change.
FLOORS = {"text": 0.93, "html": 0.965}
# The benchmark's shingle length and token pattern.
SHINGLE = 4
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# A sentence of the gold or the output, for showing what was lost or kept:
# a stretch ending in final punctuation, or a line.
_SENTENCE_RE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"'”’)\]]*|\n|$)")


@dataclass(frozen=True)
class PageScore:
    key: str
    tp: float  # normalised so that tp + fp + fn == 1 (all 0 when both texts are empty)
    fp: float
    fn: float
    lost: str | None = None  # the first gold sentence missing from the output
    clutter: str | None = None  # the first output sentence not in the gold
    error: str | None = None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[str]:
    """The text's n-gram shingles as a multiset; a text of fewer than n tokens is one
    shingle (as in the benchmark), an empty text none."""
    words = tokens(text)
    grams = (" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))
    return Counter(gram for gram in grams if gram)


def match(gold: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum 1 (zeros when both are empty)."""
    true, pred = shingles(gold), shingles(predicted)
    tp = fp = fn = 0
    for gram in true.keys() | pred.keys():
        t, p = true.get(gram, 0), pred.get(gram, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def averages(scores: Iterable[PageScore]) -> tuple[float, float, float]:
    """(precision, recall, F1) from the per-page shares averaged over pages."""
    scores = list(scores)
    if not scores:
        return 0.0, 0.0, 0.0
    tp = sum(s.tp for s in scores) / len(scores)
    fp = sum(s.fp for s in scores) / len(scores)
    fn = sum(s.fn for s in scores) / len(scores)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.findall(text) if len(tokens(s)) >= 3]


def _first_missing(sentences: list[str], other: str) -> str | None:
    """The first sentence whose tokens do not occur, in order, in ``other``."""
    haystack = f" {' '.join(tokens(other))} "
    for sentence in sentences:
        if f" {' '.join(tokens(sentence))} " not in haystack:
            return sentence
    return None


def score(key: str, gold: str, predicted: str, error: str | None = None) -> PageScore:
    tp, fp, fn = match(gold, predicted)
    return PageScore(
        key,
        tp,
        fp,
        fn,
        lost=_first_missing(_sentences(gold), predicted),
        clutter=_first_missing(_sentences(predicted), gold),
        error=error,
    )


def extract(pages: Path, key: str, mode: str) -> tuple[str, str | None]:
    """The cleaned article text of one page (empty, with the message, when unreadable)."""
    from framediff.clean import clean_document
    from framediff.errors import InputError
    from framediff.ingest import decode_bytes
    from framediff.model import RawDocument

    if mode in ("text", "raw"):
        path = pages / "text" / f"{key}.txt"
        content = decode_bytes(path.read_bytes(), str(path))
    else:
        path = pages / "html" / f"{key}.html.gz"
        content = decode_bytes(gzip.decompress(path.read_bytes()), str(path), html=True)
    if mode == "raw":
        return content, None
    if mode.startswith("trafilatura"):
        import trafilatura

        leaning = mode.partition("-")[2]
        text = trafilatura.extract(
            content,
            favor_precision=leaning == "precision",
            favor_recall=leaning == "recall",
            include_comments=False,
            include_tables=False,
        )
        return text or "", None
    try:
        article = clean_document(RawDocument(str(path), content, is_html=mode == "html"))
    except InputError as error:
        return "", str(error)
    return article.text, None


def _score_one(job: tuple[Path, str, str, str]) -> PageScore:
    pages, key, mode, gold = job
    text, error = extract(pages, key, mode)
    return score(key, gold, text, error)


def evaluate(
    pages: Path, mode: str, jobs: int = 1, keys: list[str] | None = None
) -> list[PageScore]:
    """One score per page, in key order."""
    truth = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))
    work = [
        (pages, key, mode, truth[key].get("articleBody") or "")
        for key in sorted(truth)
        if keys is None or key in keys
    ]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            return list(pool.map(_score_one, work, chunksize=4))
    return [_score_one(job) for job in work]


def _short(text: str | None, width: int = 100) -> str:
    if text is None:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(mode: str, scores: list[PageScore], worst: int, per_page: bool) -> str:
    precision, recall, f1 = averages(scores)
    rows = [f"{mode}: {len(scores)} pages  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"]
    errors = [s for s in scores if s.error]
    if errors:
        rows.append(f"  unreadable: {len(errors)} ({', '.join(s.key[:12] for s in errors)})")
    listed = sorted(scores, key=lambda s: s.key) if per_page else []
    if worst:
        # Worst first by the larger of the two losses.
        listed = sorted(scores, key=lambda s: min(s.precision, s.recall))[:worst]
    for s in listed:
        rows.append(f"  {s.key[:12]}  P {s.precision:.3f}  R {s.recall:.3f}")
        if s.recall < 1.0:
            rows.append(f"      lost:    {_short(s.lost)}")
        if s.precision < 1.0:
            rows.append(f"      clutter: {_short(s.clutter)}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="the pages-dev folder")
    parser.add_argument("--mode", choices=(*MODES, "both"), default="both")
    parser.add_argument(
        "--baselines", action="store_true", help="also score the raw capture and trafilatura alone"
    )
    parser.add_argument("--worst", type=int, default=10, help="list the N worst pages")
    parser.add_argument("--per-page", action="store_true", help="list every page")
    parser.add_argument("--key", action="append", help="only the page(s) whose key starts so")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--check", action="store_true", help="exit 1 below the floors")
    args = parser.parse_args(argv)
    if not (args.pages / "ground-truth.json").exists():
        print(f"skipped: no pages at {args.pages} (the pages-dev folder is not in the repository)")
        return 0
    sys.path.insert(0, str(ROOT))
    keys = None
    if args.key:
        truth = json.loads((args.pages / "ground-truth.json").read_text(encoding="utf-8"))
        keys = [k for k in truth if any(k.startswith(p) for p in args.key)]
    problems = []
    for mode in MODES if args.mode == "both" else (args.mode,):
        scores = evaluate(args.pages, mode, args.jobs, keys)
        worst = 0 if args.per_page else args.worst
        print(render(mode, scores, worst, args.per_page))
        f1 = averages(scores)[2]
        if f1 < FLOORS[mode]:
            problems.append(f"{mode} F1 {f1:.3f} < {FLOORS[mode]}")
    for mode in BASELINES if args.baselines else ():
        print(render(mode, evaluate(args.pages, mode, args.jobs, keys), 0, False))
    for problem in problems:
        print(f"below floor: {problem}")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
