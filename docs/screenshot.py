"""Regenerate docs/framediff-view.svg: the app on seeds 000, 001 and 003 at 120x34.

python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from framediff.tui.app import make_app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [
    "seeds/000_25922bad8d9c08c5.txt",
    "seeds/001_a426523f9bff1c04.txt",
    "seeds/003_3d4fac5826f8fb52.txt",
]


async def main() -> None:
    os.chdir(ROOT)
    app = make_app(SEEDS)
    async with app.run_test(size=(120, 34)) as pilot:
        while app.comparison is None and not app.failed:
            await pilot.pause(0.1)
        await pilot.pause()
        await pilot.press("n", "n")
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / "framediff-view.svg"))


if __name__ == "__main__":
    asyncio.run(main())
