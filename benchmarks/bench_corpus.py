"""Corpus runs: one process against worker processes and a local Dask cluster, in one run.

    python benchmarks/bench_corpus.py [--corpus PATH] [--jobs N] [--no-dask]

The corpus is the ECB+ articles (shared/data/ecbplus-dev/articles.jsonl: 772 lines, of which
the non-empty articles are read), run through ``framediff.run_corpus`` as ``framediff corpus``
runs it: every article cleaned and split, all grouped into events at once, every event of two
or more articles compared and its markdown and JSON report rendered (files are not written).
Columns: wall time of reading, grouping and comparing, the total, the speed-up against one
process in the same run, and articles per second. A second table times the grouping alone on
the corpus repeated two and four times (each copy under new ids), to show how it grows.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framediff import pipeline  # noqa: E402
from framediff.corpus import run_corpus  # noqa: E402
from framediff.events.grouping import group_events  # noqa: E402
from framediff.model import CorpusSummary  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"


def timed_run(corpus: Path, jobs: int, dask: str | None) -> dict[str, float]:
    """Seconds from the start to the end of each stage, and what the run found."""
    start = time.perf_counter()
    first: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        first.setdefault(stage, time.perf_counter() - start)

    summary = None
    for item in run_corpus([str(corpus)], jobs=jobs, dask=dask, on_progress=progress):
        if isinstance(item, CorpusSummary):
            summary = item
    assert summary is not None
    total = time.perf_counter() - start
    # Each stage starts when the one before it ends.
    return {
        "read": first["grouping"],
        "group": first["comparing"] - first["grouping"],
        "compare": total - first["comparing"],
        "total": total,
        "articles": summary.articles,
        "events": len(summary.events),
    }


def grouping_times(corpus: Path, copies: list[int]) -> list[tuple[int, float]]:
    out = []
    for count in copies:
        lines = corpus.read_text(encoding="utf-8").splitlines()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "copies.jsonl"
            rows = []
            for copy in range(count):
                for line in lines:
                    row = json.loads(line)
                    row["id"] = f"{row['id']}#{copy}"
                    rows.append(json.dumps(row))
            path.write_text("\n".join(rows) + "\n", encoding="utf-8")
            documents = pipeline.segment_all(pipeline.load_all([str(path)]))
        start = time.perf_counter()
        group_events(documents)
        out.append((len(documents), time.perf_counter() - start))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster row")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"no corpus at {args.corpus}")
    logging.getLogger("framediff").setLevel(logging.ERROR)  # the corpus's empty lines

    runs = [("one process", 1, None), (f"{args.jobs} worker processes", args.jobs, None)]
    if not args.no_dask:
        try:
            import distributed  # noqa: F401

            runs.append((f"Dask local cluster, {args.jobs} workers", args.jobs, "local"))
        except ImportError:
            print("(Dask row skipped: pip install 'framediff[dask]')")
    rows = [(name, timed_run(args.corpus, jobs, dask)) for name, jobs, dask in runs]
    base = rows[0][1]["total"]
    first = rows[0][1]
    print(f"\n{first['articles']:.0f} articles, {first['events']:.0f} events of two or more\n")
    print("| run | read | group | compare | total | speed-up | articles/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, row in rows:
        print(
            f"| {name} | {row['read']:.1f} s | {row['group']:.1f} s | {row['compare']:.1f} s "
            f"| {row['total']:.1f} s | {base / row['total']:.2f}x "
            f"| {row['articles'] / row['total']:.0f} |"
        )
    print("\n| articles grouped | time | per 1,000 articles |")
    print("| ---: | ---: | ---: |")
    for count, seconds in grouping_times(args.corpus, [1, 2, 4]):
        print(f"| {count:,} | {seconds:.1f} s | {1000 * seconds / count:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
