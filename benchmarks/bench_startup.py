"""Time from launching ``framediff view`` on seeds 000, 001 and 003 to the app's first
painted screen, and to the rows being shown, in a real pseudo-terminal.

    python benchmarks/bench_startup.py [--runs 5]

The first paint is the first frame that shows the app's status line; rows are ready
when the status line names the row filter. Prints a table; target: first paint < 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [
    str(ROOT / "seeds" / name)
    for name in ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")
]
FIRST_PAINT = "framediff"  # the status line, on screen from the first frame
ROWS_READY = "all rows"  # the status line's filter, shown once the analysis is done
TARGET = 1.0


def one_run(width: int, height: int) -> tuple[float, float]:
    start = time.perf_counter()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "framediff", "view", *SEEDS],
        cwd=str(ROOT),
        dimensions=(height, width),
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    try:
        child.expect_exact(FIRST_PAINT)
        painted = time.perf_counter() - start
        child.expect_exact(ROWS_READY)
        ready = time.perf_counter() - start
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    return painted, ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    for width, height in ((80, 24), (160, 48)):
        one_run(width, height)  # warm the file cache and bytecode
        results = [one_run(width, height) for _ in range(args.runs)]
        painted = [r[0] for r in results]
        ready = [r[1] for r in results]
        rows.append((f"{width}x{height}", painted, ready))
    print(f"framediff view, seeds 000 001 003, {args.runs} runs each (seconds)")
    print(
        f"{'terminal':<10} {'first paint: median':>20} {'max':>6} {'rows shown: median':>19} {'max':>6}"
    )
    for size, painted, ready in rows:
        print(
            f"{size:<10} {statistics.median(painted):>20.3f} {max(painted):>6.3f}"
            f" {statistics.median(ready):>19.3f} {max(ready):>6.3f}"
        )
    worst = max(max(painted) for _, painted, _ in rows)
    print(
        f"first paint target {TARGET:.1f} s: {'met' if worst < TARGET else 'MISSED'} (worst {worst:.3f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
