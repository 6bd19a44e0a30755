"""``framediff serve``: a resident process that has imported the pipeline once.

Owns the server's place and lifetime: the private per-user directory of its socket
(``framediff.wire.runtime_dir``; refused unless owned by the user with no group or other
permissions), the lock that lets one server of a framediff run at a time, a stale socket
left by one that died, starting in the background (``--detach``), ``--stop`` and
``--status``. What the server does with clients is ``loop.py``'s; running a command as the
client would, ``job.py``'s. It runs ``framediff.cli.main`` without importing it: the CLI
hands it in.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from framediff import __version__, files, wire
from framediff.errors import FramediffError
from framediff.server.job import Command, Connection, Job
from framediff.server.loop import Server

__all__ = ["IDLE_TIMEOUT", "serve", "status", "stop"]

# Seconds without a client before the server exits.
IDLE_TIMEOUT = 15 * 60
# How long --detach waits for the new server to answer, and --stop for it to be gone.
START_SECONDS = 60.0
STOP_SECONDS = 10.0
EXIT_NOT_RUNNING = 1
_SERVE = "import sys; from framediff.cli import main; sys.exit(main(sys.argv[1:]))"


def serve(command: Command, idle_timeout: float, stdout: TextIO, *, detach: bool = False) -> int:
    """Serve ``command`` on this framediff's socket until stopped or idle for
    ``idle_timeout`` seconds (0: never); with ``detach``, in a new background process."""
    if idle_timeout < 0:
        raise FramediffError("--idle-timeout must be 0 (never) or more seconds")
    directory = private_directory()
    path = _checked_socket_path(directory)
    if detach:
        return _detach(path, idle_timeout, stdout)
    lock = _take_lock(path)
    if lock is None:
        return _already_running(path, stdout)
    try:
        listener = _listen(path)
        # Commands run in their clients' directories; the server keeps none of the user's
        # busy (an unmount, a removed folder) while it waits.
        os.chdir(directory)
        try:
            stdout.write(
                f"framediff: serving on {path} (pid {os.getpid()}, "
                f"idle timeout {_duration(idle_timeout)})\n"
            )
            stdout.flush()
            Server(listener, command, idle_timeout, warm_up=_warm_up(command)).run()
        finally:
            _unlink(path)
            listener.close()
    finally:
        os.close(lock)
    return 0


def stop(stdout: TextIO) -> int:
    """Stop this framediff's server (after the command it is running, if any)."""
    path = _existing_socket_path()
    answer = ask(path, wire.STOP)
    if answer is None:
        stdout.write(f"framediff: no server running ({path})\n")
        return 0
    deadline = time.monotonic() + STOP_SECONDS
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.05)
    if os.path.exists(path):
        stdout.write(
            f"framediff: server (pid {answer.get('pid')}) stops after its current command\n"
        )
    else:
        stdout.write(f"framediff: server stopped (pid {answer.get('pid')})\n")
    return 0


def status(stdout: TextIO) -> int:
    """Say whether this framediff's server runs: exit 0 if it does, 1 if not."""
    path = _existing_socket_path()
    answer = ask(path, wire.STATUS)
    if answer is None:
        stdout.write(f"framediff: no server running ({path})\n")
        return EXIT_NOT_RUNNING
    stdout.write(_describe(answer, path))
    return 0


def _describe(answer: dict[str, Any], path: str, already: bool = False) -> str:
    running = "running a command" if answer.get("running") else "idle"
    return (
        f"framediff: server {answer.get('version')} {'already ' if already else ''}running "
        f"(pid {answer.get('pid')}, "
        f"{running}, {_commands(answer.get('served'))} served, idle timeout "
        f"{_duration(float(answer.get('idle_timeout') or 0))}) on {path}\n"
    )


def ask(path: str, kind: bytes) -> dict[str, Any] | None:
    """The server's answer to STATUS or STOP, None when none answers at ``path``."""
    try:
        sock = wire.connect(path, 5.0)
    except OSError:
        return None
    try:
        wire.send_json(
            sock,
            wire.HELLO,
            {"protocol": wire.PROTOCOL, "version": None, "identity": wire.identity(__version__)},
        )
        wire.receive(sock)
        wire.send(sock, kind)
        answer_kind, payload = wire.receive(sock)
        answer = wire.decode_json(payload)
        return answer if answer_kind == wire.EXIT and isinstance(answer, dict) else None
    except (OSError, wire.ProtocolError):
        return None
    finally:
        sock.close()


def _existing_socket_path() -> str:
    """The socket path, in a runtime directory that is private if it exists at all."""
    directory = wire.runtime_dir()
    reason = wire.unsafe_reason(directory) if os.path.lexists(directory) else None
    if reason:
        raise FramediffError(f"refusing to use {directory}: {reason}")
    return wire.socket_path(__version__, directory)


def private_directory() -> str:
    """The runtime directory, created private if missing; an error unless it is private."""
    directory = wire.runtime_dir()
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
    except OSError as error:
        raise FramediffError(f"cannot create {directory}: {error.strerror}") from None
    reason = wire.unsafe_reason(directory)
    if reason:
        raise FramediffError(f"refusing to serve from {directory}: {reason}")
    return directory


def _checked_socket_path(directory: str) -> str:
    path = wire.socket_path(__version__, directory)
    if len(os.fsencode(path)) > wire.MAX_SOCKET_PATH:
        raise FramediffError(
            f"the socket path {path} is too long for a Unix socket; "
            "set FRAMEDIFF_RUNTIME_DIR to a shorter directory"
        )
    return path


def _take_lock(path: str) -> int | None:
    """An exclusive lock on the socket's lock file for this process's life (None when
    another server holds it): two servers never share a socket."""
    descriptor = os.open(path + ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def _listen(path: str) -> socket.socket:
    # A socket file with no server holding the lock was left by one that died.
    _unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(path)
        os.chmod(path, 0o600)
        listener.listen(64)
    except OSError as error:
        listener.close()
        raise FramediffError(f"cannot listen on {path}: {error.strerror}") from None
    return listener


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _already_running(path: str, stdout: TextIO) -> int:
    answer = ask(path, wire.STATUS)
    if answer is None:
        # Another server holds the lock but does not answer yet: it is starting.
        stdout.write(f"framediff: a server is starting on {path}\n")
    else:
        stdout.write(_describe(answer, path, already=True))
    return 0


def _detach(path: str, idle_timeout: float, stdout: TextIO) -> int:
    """Start a server in a new session, its output in a log beside the socket, and return
    once it answers."""
    answer = ask(path, wire.STATUS)
    if answer is not None:
        stdout.write(_describe(answer, path, already=True))
        return 0
    directory = os.path.dirname(path)
    log_path = path.removesuffix(".sock") + ".log"
    environment = {**os.environ, "FRAMEDIFF_RUNTIME_DIR": directory}
    # Not ``-m framediff``: worker processes a command spawns (a Dask cluster) would import
    # that main module again.
    command = [sys.executable, "-c", _SERVE, "serve", "--idle-timeout", f"{idle_timeout:g}"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=directory,
            env=environment,
            start_new_session=True,
        )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        answer = ask(path, wire.STATUS)
        if answer is not None:
            stdout.write(_describe(answer, path, already=answer.get("pid") != process.pid))
            return 0
        if process.poll() is not None and process.returncode != 0:
            raise FramediffError(f"the server did not start: {_last_line(log_path)}")
        time.sleep(0.05)
    raise FramediffError(f"the server did not answer within {START_SECONDS:g} s (see {log_path})")


def _last_line(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as log:
            lines = [line.strip() for line in log if line.strip()]
    except OSError:
        return "no log"
    return lines[-1] if lines else "no output"


def _duration(seconds: float) -> str:
    if not seconds:
        return "none"
    if seconds % 60 == 0:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


def _warm_up(command: Command) -> Callable[[Callable[[Job], None]], None]:
    """Commands run once before the first client's, so that it finds the models loaded,
    the modules imported and the caches warm: the demo's seeds in every output."""

    def warm_up(run: Callable[[Job], None]) -> None:
        from framediff.demo import demo_paths
        from framediff.errors import InputError

        try:
            seeds = demo_paths()
        except InputError:
            return
        plain = {"tty": False, "encoding": "utf-8", "errors": "strict"}
        terminal = {**plain, "tty": True}
        for args, tty in (
            (["compare", *seeds, "--format", "json"], False),
            (["compare", *seeds], True),
            (["report", *seeds], False),
            (["compare", *seeds, "--format", "text"], False),
            (["align", "--presplit", *seeds[:2]], False),
            (["group", *seeds], False),
        ):
            request = {
                "argv": ["framediff", *args],
                "cwd": os.getcwd(),
                "env": dict(os.environ),
                "umask": files.current_umask(),
                "streams": [None, terminal if tty else plain, plain],
                "terminal_sizes": [None, [100, 40] if tty else None, None],
            }
            run(Job(_nowhere(), request))

    return warm_up


def _nowhere() -> Connection:
    connection = Connection(None)
    connection.gone = True
    return connection


def _commands(count: object) -> str:
    return "1 command" if count == 1 else f"{count} commands"
