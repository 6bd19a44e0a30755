"""``framediff demo``: the comparison of the bundled seeds 000, 001 and 003.

The app when both standard input and output are terminals, the markdown report
otherwise (piped, redirected, or ``--format markdown``). The seeds ship inside the
wheel as ``framediff/_seeds`` so the demo works from any install.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from framediff.errors import InputError, UsageError

DEMO_SEEDS = ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")


def seed_directory() -> Path:
    """The seeds shipped in the wheel, else the repository's seeds/ (editable installs)."""
    packaged = Path(__file__).parent / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def demo_paths() -> list[str]:
    directory = seed_directory()
    paths = [directory / name for name in DEMO_SEEDS]
    missing = [path.name for path in paths if not path.is_file()]
    if missing:
        raise InputError(
            f"the demo articles are not installed ({', '.join(missing)} in {directory})"
        )
    return [str(path) for path in paths]


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def run_demo(fmt: str | None, stdout: TextIO) -> int:
    paths = demo_paths()
    if fmt is None:
        fmt = "app" if _is_terminal(sys.stdin) and _is_terminal(stdout) else "markdown"
    if fmt == "app":
        from framediff.tui.app import make_app

        if not (_is_terminal(sys.stdin) and _is_terminal(stdout)):
            raise UsageError("the app needs a terminal; `framediff demo` alone prints the report")

        app = make_app(paths)
        app.run()
        return app.return_code or 0
    from framediff.pipeline import compare

    stdout.write(compare(paths).to_markdown())
    stdout.flush()
    return 0
