"""Drive the real ``framediff view`` in a pseudo-terminal and read its screen.

tmux gives a real terminal and a screen to read (capture-pane); pexpect is the
fallback where tmux is missing (the raw output stream is searched instead).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [
    f"seeds/{name}"
    for name in ("000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt")
]
COMMAND = [sys.executable, "-m", "framediff", "view", *SEEDS]


class Tmux:
    def __init__(self, width: int, height: int) -> None:
        self.socket = f"framediff-test-{os.getpid()}"
        command = " ".join(COMMAND) + "; echo EXIT=$?; sleep 30"
        self.run("new-session", "-d", "-s", "view", "-x", str(width), "-y", str(height), command)

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "TERM": "xterm-256color"},
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "view")

    def wait_for(self, *texts: str, timeout: float = 30.0) -> str:
        """The screen once every text is on it (the app paints in several passes)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{texts!r} never all appeared; screen:\n{screen}")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "view", *keys)
        if "Escape" in keys:
            # A lone ESC followed at once by another key reads as alt+key.
            time.sleep(0.5)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_view_in_a_real_terminal() -> None:
    tmux = Tmux(100, 30)
    try:
        # The header, the findings panel and the footer are painted in separate
        # passes; the first screen is whole only once all three are there.
        tmux.wait_for("all rows", "reference ·", "findings (", "q quit")
        tmux.keys("j")
        tmux.wait_for("row 2/")
        tmux.keys("Enter")
        tmux.wait_for("Row 2  (")
        tmux.keys("Escape")
        tmux.keys("?")
        tmux.wait_for("framediff: keys")
        tmux.keys("Escape")
        tmux.keys("f")
        tmux.wait_for("differences only")
        tmux.keys("1")
        tmux.wait_for("hidden ")
        tmux.keys("r")
        tmux.wait_for("Read rows and word changes against")
        tmux.keys("Escape")
        tmux.keys("q")
        tmux.wait_for("EXIT=0")
    finally:
        tmux.close()


@pytest.mark.skipif(shutil.which("tmux") is not None, reason="tmux reads the screen instead")
def test_view_in_a_pexpect_terminal() -> None:
    import pexpect

    child = pexpect.spawn(
        COMMAND[0],
        COMMAND[1:],
        cwd=str(ROOT),
        dimensions=(30, 100),
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    try:
        child.expect("all rows")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
