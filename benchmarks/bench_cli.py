"""Whole ``framediff`` processes against the same work in a warm process, in one run.

    python benchmarks/bench_cli.py [--runs 5] [--data PATH]

Every row is the min, median and max wall time of ``--runs`` runs after one warm-up run
(which fills the file cache and writes bytecode), and the median CPU time (user + system) of
the same runs: on cores shared with other work the CPU time moves far less than the wall
time, so the ratios are given for both. Rows:

- whole processes, launched from this script with subprocess as a shell would: ``framediff
  --version``; ``compare`` on seeds 000, 001 and 003; ``compare`` on a 5-source event (the
  ECB+ articles 31_3ecbplus, 31_10ecbplus, 31_2ecbplus, 31_9ecbplus and 31_4ecbplus, each
  given as a JSON article with its text, so it is cleaned and split as a page is); ``report``
  on the seeds; ``align --presplit`` on two documents of 1,000 sentences each (the first
  2,000 ECB+ sentences longer than 40 characters, in file order);
- the same two ``compare`` calls repeated inside one Python process after a first call
  (``framediff.compare``): the floor a whole process is held against;
- baselines: ``python -c pass``, and word-level difflib over all 1,000 x 1,000 sentence
  pairs of the ``align`` documents (``SequenceMatcher(None, autojunk=False)``, the first
  document's sentence set once as ``seq2``, each second-document sentence as ``seq1``,
  ``ratio()``).

The ECB+ rows read third-party articles from ../shared/data/ecbplus-dev (relative to the
repository root; not part of the repository) and are skipped when it is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
SEEDS = [
    str(ROOT / "seeds" / name)
    for name in ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")
]
EVENT = ("31_3ecbplus", "31_10ecbplus", "31_2ecbplus", "31_9ecbplus", "31_4ecbplus")
ALIGN_SENTENCES = 1_000
# Shorter lines are mostly headlines, datelines and captions.
MIN_SENTENCE_CHARS = 40

# Run in a child process: a first comparison, then ``runs`` timed ones, printed as JSON.
WARM_SCRIPT = """
import json, sys, time
import framediff
sources, runs = json.loads(sys.argv[1]), int(sys.argv[2])
framediff.compare(sources)
times = []
for _ in range(runs):
    start, cpu = time.perf_counter(), time.process_time()
    framediff.compare(sources)
    times.append((time.perf_counter() - start, time.process_time() - cpu))
print(json.dumps(times))
"""

# (wall seconds, CPU seconds) of one run.
Timing = tuple[float, float]


def framediff_command() -> list[str]:
    """The installed ``framediff`` script next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).parent / "framediff"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "framediff"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_process(argv: Sequence[str], runs: int) -> list[Timing]:
    """Wall and CPU seconds of ``runs`` runs of one process after a warm-up run."""
    times = []
    for k in range(runs + 1):
        start, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed, used = time.perf_counter() - start, _children_cpu() - cpu
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode().strip()}")
        if k:
            times.append((elapsed, used))
    return times


def time_warm(sources: list[str], runs: int) -> list[Timing]:
    done = subprocess.run(
        [sys.executable, "-c", WARM_SCRIPT, json.dumps(sources), str(runs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [(float(wall), float(cpu)) for wall, cpu in json.loads(done.stdout)]


def time_calls(call: Callable[[], object], runs: int) -> list[Timing]:
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


def difflib_all_pairs(first: list[str], second: list[str]) -> None:
    matcher = SequenceMatcher(None, autojunk=False)
    for a in first:
        matcher.set_seq2(a.split())
        for b in second:
            matcher.set_seq1(b.split())
            matcher.ratio()


def write_inputs(data: Path, folder: Path) -> tuple[list[str], list[str], list[str]]:
    """The 5-source event's article files, the two align documents and their sentences."""
    wanted = dict.fromkeys(EVENT)
    sentences: list[str] = []
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] in wanted:
                wanted[article["id"]] = article
            for sentence in article.get("sentences") or ():
                text = " ".join(sentence.split())
                if len(text) > MIN_SENTENCE_CHARS and len(sentences) < 2 * ALIGN_SENTENCES:
                    sentences.append(text)
    event = []
    for name, article in wanted.items():
        if article is None:
            raise SystemExit(f"{data} has no article {name}")
        path = folder / f"{name}.json"
        fields = ("id", "title", "url", "text")
        path.write_text(json.dumps({key: article.get(key) for key in fields}), encoding="utf-8")
        event.append(str(path))
    documents = []
    for k in range(2):
        path = folder / f"align-{k + 1}.txt"
        part = sentences[k * ALIGN_SENTENCES : (k + 1) * ALIGN_SENTENCES]
        path.write_text("\n".join(part) + "\n", encoding="utf-8")
        documents.append(str(path))
    return event, documents, sentences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    runs = args.runs
    command = framediff_command()
    rows: dict[str, list[Timing]] = {}
    rows["python -c pass"] = time_process([sys.executable, "-c", "pass"], runs)
    rows["framediff --version"] = time_process([*command, "--version"], runs)
    rows["compare, 3 seeds"] = time_process([*command, "compare", *SEEDS], runs)
    rows["compare, 3 seeds, warm process"] = time_warm(SEEDS, runs)
    rows["report, 3 seeds"] = time_process([*command, "report", *SEEDS], runs)
    with tempfile.TemporaryDirectory() as folder:
        if args.data.is_file():
            event, documents, sentences = write_inputs(args.data, Path(folder))
            rows["compare, 5-source event"] = time_process([*command, "compare", *event], runs)
            rows["compare, 5-source event, warm process"] = time_warm(event, runs)
            rows["align --presplit, 1,000 x 1,000"] = time_process(
                [*command, "align", "--presplit", *documents], runs
            )
            first, second = sentences[:ALIGN_SENTENCES], sentences[ALIGN_SENTENCES:]
            rows["difflib words, 1,000 x 1,000 pairs"] = time_calls(
                lambda: difflib_all_pairs(first, second), runs
            )
        else:
            print(f"{args.data} not found: ECB+ rows skipped\n")

    print(f"framediff whole processes and baselines, {runs} runs each after a warm-up (seconds)")
    print(f"{'case':<40} {'min':>7} {'median':>7} {'max':>7} {'CPU median':>11}")
    for name, times in rows.items():
        wall = [t[0] for t in times]
        cpu = statistics.median(t[1] for t in times)
        print(
            f"{name:<40} {min(wall):>7.3f} {statistics.median(wall):>7.3f} {max(wall):>7.3f}"
            f" {cpu:>11.3f}"
        )
    median = {name: statistics.median(t[0] for t in times) for name, times in rows.items()}
    cpu_median = {name: statistics.median(t[1] for t in times) for name, times in rows.items()}
    print()
    ratios = [
        ("compare, 3 seeds: whole / warm process", "compare, 3 seeds", "compare, 3 seeds, warm process", 2.0, "at most"),
        ("compare, 5 sources: whole / warm process", "compare, 5-source event", "compare, 5-source event, warm process", 1.5, "at most"),
        ("difflib words / align, 1,000 x 1,000", "difflib words, 1,000 x 1,000 pairs", "align --presplit, 1,000 x 1,000", 25.0, "at least"),
    ]  # fmt: skip
    for label, top, bottom, target, sense in ratios:
        if top in median and bottom in median:
            ratio = median[top] / median[bottom]
            on_cpu = cpu_median[top] / max(cpu_median[bottom], 1e-9)
            met = ratio <= target if sense == "at most" else ratio >= target
            print(
                f"{label:<42} {ratio:>6.2f}x wall, {on_cpu:>6.2f}x CPU"
                f"  (target {sense} {target:g}x, on wall time: {'met' if met else 'missed'})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
