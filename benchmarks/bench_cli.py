"""Whole ``framediff`` processes against the same work in a warm process, in one run.

    python benchmarks/bench_cli.py [--runs 5] [--data PATH]

Every row is the min, median and max wall time of ``--runs`` runs after one warm-up run
(which fills the file cache and writes bytecode: PYTHONDONTWRITEBYTECODE is left out of the
processes' environment), and the median CPU time (user + system) of the same runs: on cores
shared with other work the CPU time moves far less than the wall time, so the ratios are
given for both. Rows:

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
  ``ratio()``);
- the same whole processes ("served") with a ``framediff serve`` running, which this script
  starts in a temporary runtime directory (FRAMEDIFF_RUNTIME_DIR) and stops at the end: the
  command hands its work to the server, which ran a warm-up of its own first. Their CPU time
  is the command's plus what the server used meanwhile (from /proc; the command's alone
  where /proc is missing). Every other whole process runs with FRAMEDIFF_NO_SERVER=1, so a
  server of the user's own never serves it.

The ratios the start-up issue set (compare whole / warm at most 2x on the seeds and 1.5x on
the 5-source event; difflib / ``align`` at least 25x) are printed for the processes run on
their own ("cold") and served.

The ECB+ rows read third-party articles from ../shared/data/ecbplus-dev (relative to the
repository root; not part of the repository) and are skipped when it is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
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


def time_process(
    argv: Sequence[str],
    runs: int,
    env: Mapping[str, str] | None = None,
    other_cpu: Callable[[], float] = lambda: 0.0,
) -> list[Timing]:
    """Wall and CPU seconds of ``runs`` runs of one process after a warm-up run; the CPU
    time includes what ``other_cpu`` (a server's CPU seconds so far) grew by meanwhile."""
    times = []
    for k in range(runs + 1):
        start, cpu = time.perf_counter(), _children_cpu() + other_cpu()
        done = subprocess.run(
            argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        elapsed = time.perf_counter() - start
        used = _children_cpu() + other_cpu() - cpu
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode().strip()}")
        if k:
            times.append((elapsed, used))
    return times


def environment(runtime: str | None) -> dict[str, str]:
    """A whole process's environment: served from ``runtime``'s server, or on its own.
    Without PYTHONDONTWRITEBYTECODE, so that the warm-up run writes the bytecode an
    installed package has and every timed run reads it instead of compiling framediff."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FRAMEDIFF_") and key != "PYTHONDONTWRITEBYTECODE"
    }
    if runtime is None:
        env["FRAMEDIFF_NO_SERVER"] = "1"
    else:
        env["FRAMEDIFF_RUNTIME_DIR"] = runtime
    return env


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` and its waited-for children used so far."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # Fields 14-17 of proc(5): utime, stime, cutime, cstime, in clock ticks.
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


@contextmanager
def server(command: list[str]) -> Iterator[tuple[dict[str, str], Callable[[], float]]]:
    """A ``framediff serve`` in a temporary runtime directory: the environment of commands
    it serves and its CPU clock. Stopped (killed if it must be) at the end."""
    with tempfile.TemporaryDirectory(prefix="fd-") as runtime:
        env = environment(runtime)
        process = subprocess.Popen(
            [*command, "serve", "--idle-timeout", "0"],
            cwd=ROOT,
            env=environment(None) | {"FRAMEDIFF_RUNTIME_DIR": runtime},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            while subprocess.run(
                [*command, "serve", "--status"], env=env, capture_output=True
            ).returncode:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("framediff serve did not start")
                time.sleep(0.1)
            yield env, lambda: process_cpu(process.pid)
        finally:
            subprocess.run([*command, "serve", "--stop"], env=env, capture_output=True)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def time_warm(sources: list[str], runs: int) -> list[Timing]:
    done = subprocess.run(
        [sys.executable, "-c", WARM_SCRIPT, json.dumps(sources), str(runs)],
        cwd=ROOT,
        env=environment(None),
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
    alone = environment(None)
    rows: dict[str, list[Timing]] = {}
    rows["python -c pass"] = time_process([sys.executable, "-c", "pass"], runs, alone)
    rows["framediff --version"] = time_process([*command, "--version"], runs, alone)
    rows["compare, 3 seeds"] = time_process([*command, "compare", *SEEDS], runs, alone)
    rows["compare, 3 seeds, warm process"] = time_warm(SEEDS, runs)
    rows["report, 3 seeds"] = time_process([*command, "report", *SEEDS], runs, alone)
    with tempfile.TemporaryDirectory() as folder:
        event: list[str] = []
        documents: list[str] = []
        if args.data.is_file():
            event, documents, sentences = write_inputs(args.data, Path(folder))
            rows["compare, 5-source event"] = time_process(
                [*command, "compare", *event], runs, alone
            )
            rows["compare, 5-source event, warm process"] = time_warm(event, runs)
            rows["align --presplit, 1,000 x 1,000"] = time_process(
                [*command, "align", "--presplit", *documents], runs, alone
            )
            first, second = sentences[:ALIGN_SENTENCES], sentences[ALIGN_SENTENCES:]
            rows["difflib words, 1,000 x 1,000 pairs"] = time_calls(
                lambda: difflib_all_pairs(first, second), runs
            )
        else:
            print(f"{args.data} not found: ECB+ rows skipped\n")
        with server(command) as (served, server_cpu):
            for name, argv in (
                ("compare, 3 seeds, served", ["compare", *SEEDS]),
                ("report, 3 seeds, served", ["report", *SEEDS]),
                ("compare, 5-source event, served", ["compare", *event] if event else None),
                (
                    "align --presplit, 1,000 x 1,000, served",
                    ["align", "--presplit", *documents] if documents else None,
                ),
            ):
                if argv:
                    rows[name] = time_process([*command, *argv], runs, served, server_cpu)

    print(f"framediff whole processes and baselines, {runs} runs each after a warm-up (seconds)")
    print(f"{'case':<42} {'min':>7} {'median':>7} {'max':>7} {'CPU median':>11}")
    for name, times in rows.items():
        wall = [t[0] for t in times]
        cpu = statistics.median(t[1] for t in times)
        print(
            f"{name:<42} {min(wall):>7.3f} {statistics.median(wall):>7.3f} {max(wall):>7.3f}"
            f" {cpu:>11.3f}"
        )
    median = {name: statistics.median(t[0] for t in times) for name, times in rows.items()}
    cpu_median = {name: statistics.median(t[1] for t in times) for name, times in rows.items()}
    print()
    ratios = [
        ("compare, 3 seeds: whole / warm process", "compare, 3 seeds", "compare, 3 seeds, warm process", 2.0, "at most"),
        ("  served / warm process", "compare, 3 seeds, served", "compare, 3 seeds, warm process", 2.0, "at most"),
        ("compare, 5 sources: whole / warm process", "compare, 5-source event", "compare, 5-source event, warm process", 1.5, "at most"),
        ("  served / warm process", "compare, 5-source event, served", "compare, 5-source event, warm process", 1.5, "at most"),
        ("difflib words / align, 1,000 x 1,000", "difflib words, 1,000 x 1,000 pairs", "align --presplit, 1,000 x 1,000", 25.0, "at least"),
        ("  difflib words / align served", "difflib words, 1,000 x 1,000 pairs", "align --presplit, 1,000 x 1,000, served", 25.0, "at least"),
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
