"""One client's command, run in the server as it would run in the client's own process.

Owns the process state a command can see and the server swaps in for it, then back: the
working directory, the environment, the umask, ``sys.argv``, the standard streams (their
bytes go to the client as they are written, in the client's encodings, and say they are
terminals when the client's are) and the terminal sizes ``os.get_terminal_size`` reports.
Only the server's main thread runs commands, one at a time; it does not own sockets.
"""

from __future__ import annotations

import errno
import io
import json
import os
import queue
import socket
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from framediff import wire

# The command: framediff.cli.main, given the arguments after the program name.
Command = Callable[[Sequence[str]], int]


class Declined(Exception):
    """The request cannot be run here as the client would run it: the client runs it."""


class Connection:
    """A client's socket as the main thread writes to it: a vanished client is noted, not
    raised, so that a command whose client went away ends as if its output were read."""

    def __init__(self, sock: Any) -> None:
        self.sock = sock
        self.lock = threading.Lock()
        self.gone = False

    def send(self, kind: bytes, payload: bytes = b"") -> None:
        with self.lock:
            if self.gone:
                return
            try:
                wire.send(self.sock, kind, payload)
            except OSError:
                self.gone = True

    def send_json(self, kind: bytes, value: object) -> None:
        self.send(kind, json.dumps(value).encode("utf-8"))

    def end(self) -> None:
        """No more messages: the client reads to the end and closes its side."""
        with self.lock:
            if self.gone:
                return
            try:
                self.sock.shutdown(socket.SHUT_WR)
            except OSError:
                self.gone = True


class Job:
    """A command a client asked for: its request, its connection, its standard input."""

    def __init__(self, connection: Connection, request: dict[str, Any]) -> None:
        self.connection = connection
        self.request = request
        # Standard input as the client sends it; None when the client went away.
        self.stdin: queue.Queue[bytes | None] = queue.Queue()
        self.finished = threading.Event()
        # Set when the client went away: the command's output goes nowhere.
        self.cancelled = False
        # False once the command has returned: what is still written is dropped.
        self.live = True

    def write(self, kind: bytes, data: bytes) -> None:
        if not self.live:
            return
        for start in range(0, len(data), wire.CHUNK):
            self.connection.send(kind, data[start : start + wire.CHUNK])

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes of the client's standard input (b"" at its end)."""
        if not self.live or self.cancelled:
            return b""
        self.connection.send(wire.STDIN, min(size, wire.CHUNK).to_bytes(4, "big"))
        data = self.stdin.get()
        return data or b""


class _Output(io.BufferedIOBase):
    """A standard output or error of the client: every write goes to it at once."""

    def __init__(self, job: Job, kind: bytes, tty: bool) -> None:
        self.job, self.kind, self.tty = job, kind, tty

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.tty

    def write(self, data: Any) -> int:
        payload = bytes(data)
        self.job.write(self.kind, payload)
        return len(payload)


class _Input(io.RawIOBase):
    """The client's standard input, asked for only when a command reads it."""

    def __init__(self, job: Job, tty: bool) -> None:
        self.job, self.tty = job, tty

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.tty

    def readinto(self, buffer: Any) -> int:
        data = self.job.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _text_stream(binary: io.IOBase, description: dict[str, Any]) -> io.TextIOWrapper:
    return io.TextIOWrapper(
        binary,  # type: ignore[arg-type]
        encoding=str(description["encoding"]),
        errors=str(description["errors"]),
        write_through=True,
    )


def _streams(job: Job) -> tuple[io.TextIOWrapper | None, io.TextIOWrapper, io.TextIOWrapper]:
    described = job.request["streams"]
    stdin, stdout, stderr = (dict(item) if item else None for item in described)
    if stdout is None or stderr is None:
        raise Declined("no standard output")
    return (
        _text_stream(io.BufferedReader(_Input(job, bool(stdin["tty"]))), stdin) if stdin else None,
        _text_stream(_Output(job, wire.STDOUT, bool(stdout["tty"])), stdout),
        _text_stream(_Output(job, wire.STDERR, bool(stderr["tty"])), stderr),
    )


def _terminal_sizes(sizes: Sequence[Sequence[int] | None]) -> Callable[..., os.terminal_size]:
    """``os.get_terminal_size`` answering for descriptors 0, 1 and 2 as the client's would
    (rich and shutil ask it of the standard descriptors, not of the streams)."""
    real = os.get_terminal_size

    def get_terminal_size(fd: int = 1, /) -> os.terminal_size:
        if fd in (0, 1, 2):
            size = sizes[fd]
            if size is None:
                raise OSError(errno.ENOTTY, os.strerror(errno.ENOTTY))
            return os.terminal_size((int(size[0]), int(size[1])))
        return real(fd)

    return get_terminal_size


@contextmanager
def client_state(job: Job) -> Iterator[None]:
    """The process as the client's would be while the command runs, the server's after."""
    request = job.request
    try:
        argv = [str(arg) for arg in request["argv"]]
        environment = {str(key): str(value) for key, value in dict(request["env"]).items()}
        umask = int(request["umask"])
        stdin, stdout, stderr = _streams(job)
        sizes = _terminal_sizes(list(request["terminal_sizes"]))
        cwd = str(request["cwd"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise Declined(f"a malformed request ({error})") from None
    saved_cwd = os.getcwd()
    try:
        os.chdir(cwd)
    except OSError as error:
        raise Declined(f"cannot enter {cwd}: {error}") from None
    saved_environment = dict(os.environ)
    saved_streams = (sys.stdin, sys.stdout, sys.stderr)
    saved_argv, saved_sizes = sys.argv, os.get_terminal_size
    saved_umask = os.umask(umask)
    try:
        _replace_environment(environment)
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        sys.argv = argv
        os.get_terminal_size = sizes
        # Fresh warning registries: a warning shown once per process shows once per command.
        with warnings.catch_warnings():
            yield
    finally:
        for stream in (stdout, stderr):
            with suppress(OSError, ValueError):
                stream.flush()
        job.live = False
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        sys.argv, os.get_terminal_size = saved_argv, saved_sizes
        os.umask(saved_umask)
        _replace_environment(saved_environment)
        os.chdir(saved_cwd)


def _replace_environment(environment: dict[str, str]) -> None:
    time_zone = os.environ.get("TZ")
    os.environ.clear()
    os.environ.update(environment)
    if os.environ.get("TZ") != time_zone:
        time.tzset()


def run(job: Job, command: Command) -> int:
    """The command's exit status, run in the client's state; its output went to the client.
    Declined when it cannot be run as the client would run it."""
    with client_state(job):
        try:
            return command(sys.argv[1:])
        except SystemExit as exit:
            return _exit_status(exit)
        except Exception:
            # What the interpreter does with an uncaught exception (FRAMEDIFF_DEBUG=1).
            traceback.print_exc()
            return 1


def _exit_status(exit: SystemExit) -> int:
    """The status ``sys.exit(code)`` gives a process (argparse's --help exits so)."""
    if exit.code is None:
        return 0
    if isinstance(exit.code, int):
        return exit.code
    print(exit.code, file=sys.stderr)
    return 1
