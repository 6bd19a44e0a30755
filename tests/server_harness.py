"""Start and stop `framediff serve` in a private temporary runtime directory, and run the
`framediff` command with and without it, for the server tests.

Every server here lives in its own directory named by FRAMEDIFF_RUNTIME_DIR, so a test
never meets the user's server; each is stopped (killed if it must be) when its test ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framediff import __version__, wire
from framediff.server import ask

ROOT = Path(__file__).resolve().parent.parent
SEED_NAMES = ["000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt"]
SEEDS = [str(ROOT / "seeds" / name) for name in SEED_NAMES]
COMMAND = [sys.executable, "-m", "framediff"]
# Generous bounds on waits that normally take well under a second; no test asserts a time.
START_SECONDS = 120.0
RUN_SECONDS = 180.0


@dataclass(frozen=True)
class Outcome:
    status: int
    out: bytes
    err: bytes


def environment(runtime: Path, served: bool, **extra: str) -> dict[str, str]:
    """The environment of a command: this runtime directory, the server used or not."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("FRAMEDIFF_")}
    env.update(extra)
    env["FRAMEDIFF_RUNTIME_DIR"] = str(runtime)
    if not served:
        env["FRAMEDIFF_NO_SERVER"] = "1"
    return env


def private_directory() -> Path:
    # Short, so the socket path fits an AF_UNIX address whatever pytest's basetemp is.
    return Path(tempfile.mkdtemp(prefix="fd-"))


class Server:
    """A foreground `framediff serve` started for a test, in its own runtime directory."""

    def __init__(self, runtime: Path, *args: str) -> None:
        self.runtime = runtime
        self.socket = wire.socket_path(__version__, str(runtime))
        self.process = subprocess.Popen(
            [*COMMAND, "serve", "--idle-timeout", "600", *args],
            cwd=ROOT,
            env=environment(runtime, served=False),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + START_SECONDS
        while self.status() is None:
            if self.process.poll() is not None:
                output = self.process.stdout.read() if self.process.stdout else b""
                raise AssertionError(f"the server exited: {output.decode()}")
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError("the server never answered")
            time.sleep(0.05)

    def status(self) -> dict[str, Any] | None:
        return ask(self.socket, wire.STATUS)

    def served(self) -> int:
        answer = self.status()
        assert answer is not None, "the server is gone"
        return int(answer["served"])

    def stop(self) -> None:
        if self.process.poll() is None:
            ask(self.socket, wire.STOP)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process.stdout:
            self.process.stdout.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


@contextmanager
def running_server(*args: str) -> Iterator[Server]:
    runtime = private_directory()
    server = Server(runtime, *args)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(runtime, ignore_errors=True)


def run(
    args: list[str],
    runtime: Path,
    served: bool,
    cwd: Path = ROOT,
    stdin: bytes | None = None,
    **extra: str,
) -> Outcome:
    """`framediff ARGS` as a shell runs it, stdout and stderr piped."""
    done = subprocess.run(
        [*COMMAND, *args],
        cwd=cwd,
        env=environment(runtime, served, **extra),
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=RUN_SECONDS,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)
