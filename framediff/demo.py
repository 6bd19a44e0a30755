"""``framediff demo``: the comparison of the bundled seeds 000, 001 and 003.

PLACEHOLDER: prints the markdown report; the app opens on a terminal once it lands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

DEMO_SEEDS = ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")


def seed_directory() -> Path:
    """The seeds shipped in the wheel, else the repository's seeds/ (editable installs)."""
    packaged = Path(__file__).parent / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def run_demo(fmt: str | None, stdout: TextIO) -> int:
    from framediff.pipeline import compare

    paths = [str(seed_directory() / name) for name in DEMO_SEEDS]
    stdout.write(compare(paths).to_markdown())
    return 0
