"""Regenerate the golden outputs of the seed comparison (seeds 000, 001 and 003).

    python tests/golden/regenerate.py          # rewrite the files
    python tests/golden/regenerate.py --check  # exit 1 if they are out of date

Read the diff before committing: these files are regression checks a person has
read, so a change in them is a change in what framediff tells its readers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# Relative paths, read from the repository root, so `origin` in the JSON is stable.
SEEDS = (
    "seeds/000_25922bad8d9c08c5.txt",
    "seeds/001_a426523f9bff1c04.txt",
    "seeds/003_3d4fac5826f8fb52.txt",
)
NAME = "seeds-000-001-003"


def render() -> dict[str, str]:
    """File name -> expected content, computed by the current code."""
    from framediff.pipeline import compare

    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        comparison = compare(list(SEEDS))
    finally:
        os.chdir(previous)
    return {f"{NAME}.md": comparison.to_markdown(), f"{NAME}.json": comparison.to_json()}


def stale() -> list[str]:
    return [
        name
        for name, text in render().items()
        if not (HERE / name).is_file() or (HERE / name).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        out_of_date = stale()
        for name in out_of_date:
            print(f"out of date: tests/golden/{name}")
        return 1 if out_of_date else 0
    for name, text in render().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/golden/{name} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
