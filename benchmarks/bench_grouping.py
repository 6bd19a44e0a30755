"""Event grouping of large corpora: time, peak memory and B-cubed at 1k, 10k and 100k articles,
in one process, on worker processes and on a Dask local cluster.

    python benchmarks/bench_grouping.py                       # 1,000 and 10,000 articles
    python benchmarks/bench_grouping.py --sizes 1000 10000 100000 --modes processes

The corpora are built from the ECB+ articles (../shared/data/ecbplus-dev/articles.jsonl
relative to the repository; skipped when absent) in memory, never written to the
repository. Copy r of the 723 non-empty articles is a new set of events: ids and gold
events get the suffix "#r", and each article is published on its event's day (events of
a copy spread over one week, an article up to two days after its event) shifted by r years
of 52 weeks. So an event's articles share a date window, copies do not, and events keep
their real sizes (3 to 22 articles); the last copy is cut at a whole topic (both its events). Each row runs in a fresh
process: the grouping's wall time (from documents to events: profiles, weights, candidate
pairs, scores, linkage), the peak memory of that process during the grouping (the corpus
itself already loaded) and of its largest worker, and B-cubed against the known events.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from eval_events import ECB, bcubed, load_ecb  # noqa: E402

# Copy 0's events happen in the week from this day, copy r's r years of 52 weeks later:
# 70 such years before the week of 7 January 2013, so that 140 copies stay within the
# years 1900-2099 that dates are read in.
FIRST_DAY = date(2013, 1, 7) - timedelta(weeks=52 * 70)
EVENT_SPREAD_DAYS = 7
ARTICLE_DELAY_DAYS = 2
# A year of 52 weeks: each copy's articles fall on the same weekdays as the first copy's.
COPY_WEEKS = 52
MODES = ("serial", "processes", "dask")


def build_corpus(size: int) -> tuple[list[object], dict[str, str]]:
    """Documents of about ``size`` articles, and each id's gold event."""
    from dataclasses import replace

    from eval_events import ecb_document

    rows = [row for row in load_ecb(ECB) if row["sentences"]]
    base = [ecb_document(position, row) for position, row in enumerate(rows)]
    by_event: dict[str, list[int]] = defaultdict(list)
    by_topic: dict[str, set[str]] = defaultdict(set)
    for position, row in enumerate(rows):
        by_event[str(row["event"])].append(position)
        by_topic[str(row["topic"])].add(str(row["event"]))
    draw = random.Random(0)
    day_of = {event: draw.randrange(EVENT_SPREAD_DAYS) for event in sorted(by_event)}
    delay = [draw.randrange(ARTICLE_DELAY_DAYS + 1) for _ in rows]
    documents: list[object] = []
    gold: dict[str, str] = {}
    copy = 0
    while len(documents) < size:
        # Whole topics (both of a topic's events), so a cut copy keeps its hard cases.
        for topic in draw.sample(sorted(by_topic), len(by_topic)):
            if len(documents) >= size:
                break
            for event in sorted(by_topic[topic]):
                for position in by_event[event]:
                    day = FIRST_DAY + timedelta(
                        days=day_of[event] + delay[position], weeks=COPY_WEEKS * copy
                    )
                    doc = base[position]
                    article = replace(doc.article, published=day.isoformat())
                    ident = f"{doc.id}#{copy}"
                    documents.append(replace(doc, id=ident, label=ident, article=article))
                    gold[ident] = f"{event}#{copy}"
        copy += 1
    return documents, gold


def write_corpus(size: int, path: Path) -> None:
    """The corpus as `framediff corpus` reads it: one JSON article a line."""
    documents, _ = build_corpus(size)
    with path.open("w", encoding="utf-8") as handle:
        for doc in documents:
            article = doc.article  # type: ignore[attr-defined]
            row = {"id": doc.id, "published": article.published}  # type: ignore[attr-defined]
            if article.title:
                row["title"] = article.title
            row["sentences"] = list(article.presplit)
            handle.write(json.dumps(row) + "\n")
    print(f"{len(documents):,} articles written to {path}")


def _reset_peak() -> None:
    """Start this process's peak memory count again (Linux: clear_refs 5)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_run(size: int, mode: str, jobs: int) -> dict[str, float]:
    """Group a corpus of ``size`` articles in ``mode``; what it cost and how right it was."""
    import logging

    from framediff.corpus import workers
    from framediff.events.grouping import group_events

    logging.getLogger("distributed").setLevel(logging.ERROR)
    documents, gold = build_corpus(size)
    dask = "local" if mode == "dask" else None
    with workers(1 if mode == "serial" else jobs, dask) as cluster:
        if dask:
            cluster.client.run(lambda: None)  # the workers are up before the clock starts
        _reset_peak()
        workers_cpu = sum(cluster.client.run(_cpu_seconds).values()) if dask else 0.0
        cpu = _cpu_seconds()
        start = time.perf_counter()
        events = group_events(documents, cluster=cluster)  # type: ignore[arg-type]
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu
        peak = _peak_mb()
        worker = 0.0
        if dask:
            worker = max(cluster.client.run(_worker_peak).values())
            workers_cpu = sum(cluster.client.run(_cpu_seconds).values()) - workers_cpu
    if mode == "processes":
        worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers_cpu = children.ru_utime + children.ru_stime
    p, r, f = bcubed(events, gold)
    return {
        "articles": len(documents),
        "seconds": seconds,
        "cpu": cpu + workers_cpu,
        "peak_mb": peak,
        "worker_mb": worker,
        "events": len(events),
        "gold_events": len(set(gold.values())),
        "p": p,
        "r": r,
        "f1": f,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "MODE"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--write",
        nargs=2,
        metavar=("SIZE", "PATH"),
        help="write the corpus of SIZE articles as JSONL to PATH (outside the repository) "
        "for `framediff corpus`, and stop",
    )
    args = parser.parse_args(argv)
    if not ECB.exists():
        print(f"skipped: no ECB+ articles at {ECB}")
        return 0
    if args.write:
        write_corpus(int(args.write[0]), Path(args.write[1]))
        return 0
    if args.one:
        print(json.dumps(one_run(int(args.one[0]), args.one[1], args.jobs)))
        return 0
    print(f"ECB+ copies, {args.jobs} workers where the mode has workers; one run each\n")
    print(
        "| articles | mode | time | CPU time | per 1,000 | peak memory | largest worker "
        "| events (gold) | P | R | B-cubed F1 |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    results: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for size in args.sizes:
        for mode in args.modes:
            command = [sys.executable, __file__, "--one", str(size), mode, "--jobs", str(args.jobs)]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"| {size:,} | {mode} | failed: {done.stderr.strip().splitlines()[-1:]} |")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            results[mode].append((int(row["articles"]), row["seconds"], row["cpu"]))
            worker = f"{row['worker_mb']:,.0f} MB" if row["worker_mb"] else "—"
            print(
                f"| {row['articles']:,} | {mode} | {row['seconds']:.1f} s | {row['cpu']:.1f} s "
                f"| {1000 * row['seconds'] / row['articles']:.2f} s "
                f"| {row['peak_mb']:,.0f} MB | {worker} "
                f"| {row['events']:,} ({row['gold_events']:,}) "
                f"| {row['p']:.3f} | {row['r']:.3f} | {row['f1']:.3f} |",
                flush=True,
            )
    print()
    for mode, points in results.items():
        for (n1, t1, c1), (n2, t2, c2) in itertools.pairwise(points):
            exponent = math.log(t2 / t1) / math.log(n2 / n1)
            cpu_exponent = math.log(c2 / c1) / math.log(n2 / n1)
            print(
                f"{mode}: from {n1:,} to {n2:,} articles, time grows as n^{exponent:.2f}, "
                f"CPU time as n^{cpu_exponent:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
