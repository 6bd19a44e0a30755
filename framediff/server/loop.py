"""The server's life: accept clients, run their commands one at a time, stop when told or idle.

A thread accepts connections and one thread per client answers its hello at once (however
busy the server is) and relays its standard input; the main thread runs the commands in
the order they came, because the pipeline is not made for threads and because signals,
worker pools and Ctrl-C belong to the main thread. A client that goes away interrupts its
command as Ctrl-C would. Binding the socket and the directory it lives in are
``framediff.server``'s.
"""

from __future__ import annotations

import _thread
import contextlib
import gc
import os
import queue
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import framediff
from framediff import __version__, wire
from framediff.server import job as jobs
from framediff.server.job import Command, Connection, Declined, Job

# How often the main thread looks at the idle clock and the accepting thread at the stop flag.
POLL_SECONDS = 0.5
# Seconds a client has to send its hello and request once connected.
REQUEST_SECONDS = 10.0


class _Terminated(BaseException):
    """SIGTERM: stop now, past the command (which sees no KeyboardInterrupt of its own)."""


def package_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """The files of the framediff this server imported, with their times and sizes: an
    editable install edited under a running server makes it stale."""
    root = Path(framediff.__file__).parent
    found = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(name for name in subdirectories if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(directory, name)
            try:
                status = os.stat(path)
            except OSError:
                continue
            found.append((path, status.st_mtime_ns, status.st_size))
    return tuple(found)


class Server:
    """Serves ``command`` (framediff.cli.main) on a bound, listening ``listener``."""

    def __init__(
        self,
        listener: socket.socket,
        command: Command,
        idle_timeout: float,
        warm_up: Callable[[Callable[[Job], None]], None] | None = None,
    ) -> None:
        self.listener = listener
        self.command = command
        self.idle_timeout = idle_timeout
        self.warm_up = warm_up
        self.fingerprint = package_fingerprint()
        self.jobs: queue.Queue[Job | None] = queue.Queue()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.current: Job | None = None
        self.cancel_target: Job | None = None
        self.connections = 0
        self.last_activity = time.monotonic()
        self.served = 0
        self.started = time.time()

    # --- the main thread -----------------------------------------------------------------

    def run(self) -> None:
        """Serve until stopped, idle or interrupted; queued commands are handed back."""
        previous = {
            signal.SIGINT: signal.signal(signal.SIGINT, self._on_interrupt),
            signal.SIGTERM: signal.signal(signal.SIGTERM, self._on_terminate),
        }
        accepting = threading.Thread(target=self._accept, name="accept", daemon=True)
        accepting.start()
        try:
            if self.warm_up is not None:
                self.warm_up(self._run_quietly)
                # What the warm-up left (modules, models, caches) lives as long as the server:
                # out of the collector's sight, full collections stop walking it during every
                # command (align on 1,000 x 1,000 sentences: 0.40 -> 0.35 s of CPU).
                gc.collect()
                gc.freeze()
            self._serve()
        except _Terminated:
            pass
        finally:
            self.stopping.set()
            for number, handler in previous.items():
                signal.signal(number, handler)
            accepting.join(timeout=2 * POLL_SECONDS)
            self._hand_back()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                job = self.jobs.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if self._idle():
                    return
                continue
            except KeyboardInterrupt:
                if self.stopping.is_set():
                    raise
                continue  # a cancelled command's interrupt that came too late
            if job is not None:
                try:
                    self._run(job)
                except KeyboardInterrupt:
                    if self.stopping.is_set():
                        raise

    def _run(self, job: Job) -> None:
        if job.cancelled:
            job.finished.set()
            return
        status: int | None = None
        with self.lock:
            self.current = job
        try:
            status = jobs.run(job, self.command)
        except Declined:
            status = None
        except KeyboardInterrupt:
            # The client went away (or the server is stopping): as Ctrl-C would end it.
            status = 130
            if self.stopping.is_set() and not job.cancelled:
                raise
        except Exception:
            status = None
        finally:
            with self.lock:
                self.current = None
                self.served += 1
                self.last_activity = time.monotonic()
            self._finish(job, status)

    def _run_quietly(self, job: Job) -> None:
        """A command of the warm-up: its output and failures are nobody's."""
        if self.stopping.is_set():
            return
        with contextlib.suppress(Exception):
            jobs.run(job, self.command)

    def _finish(self, job: Job, status: int | None) -> None:
        if status is None:
            job.connection.send(wire.FALLBACK)
        else:
            job.connection.send_json(wire.EXIT, {"status": status})
        job.connection.end()
        job.finished.set()

    def _hand_back(self) -> None:
        """Commands still queued when the server stops run in their clients instead."""
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None:
                self._finish(job, None)

    def _idle(self) -> bool:
        if not self.idle_timeout:
            return False
        with self.lock:
            quiet = time.monotonic() - self.last_activity
            return self.connections == 0 and self.jobs.empty() and quiet >= self.idle_timeout

    def _on_interrupt(self, signum: int, frame: FrameType | None) -> None:
        target, self.cancel_target = self.cancel_target, None
        if target is not None:
            # Sent by _cancel: interrupt that command, if it is still the one running.
            if target is self.current:
                raise KeyboardInterrupt
            return
        self.stopping.set()
        raise KeyboardInterrupt

    def _on_terminate(self, signum: int, frame: FrameType | None) -> None:
        self.stopping.set()
        raise _Terminated

    def stop(self) -> None:
        self.stopping.set()
        self.jobs.put(None)

    # --- other threads -------------------------------------------------------------------

    def _accept(self) -> None:
        self.listener.settimeout(POLL_SECONDS)
        while not self.stopping.is_set():
            try:
                sock, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                if self.stopping.is_set():
                    return
                time.sleep(POLL_SECONDS)
                continue
            with self.lock:
                self.connections += 1
                self.last_activity = time.monotonic()
            threading.Thread(target=self._handle, args=(sock,), daemon=True).start()

    def _handle(self, sock: socket.socket) -> None:
        try:
            sock.settimeout(REQUEST_SECONDS)
            self._converse(sock)
        except (OSError, wire.ProtocolError):
            pass
        finally:
            sock.close()
            with self.lock:
                self.connections -= 1
                self.last_activity = time.monotonic()

    def _converse(self, sock: socket.socket) -> None:
        kind, payload = wire.receive(sock)
        hello = wire.decode_json(payload) if kind == wire.HELLO else None
        if not isinstance(hello, dict) or hello.get("protocol") != wire.PROTOCOL:
            wire.send_json(sock, wire.HELLO, {"ok": False, "reason": "another protocol"})
            return
        refusal = self._refusal(hello)
        wire.send_json(
            sock,
            wire.HELLO,
            {
                "ok": refusal is None,
                "reason": refusal,
                "version": __version__,
                "identity": wire.identity(__version__),
                "pid": os.getpid(),
            },
        )
        kind, payload = wire.receive(sock)
        if kind == wire.STATUS:
            wire.send_json(sock, wire.EXIT, self.status())
        elif kind == wire.STOP:
            self.stop()
            wire.send_json(sock, wire.EXIT, {"status": 0, "pid": os.getpid()})
        elif kind == wire.RUN and refusal is None:
            request = wire.decode_json(payload)
            job = Job(Connection(sock), request if isinstance(request, dict) else {})
            self.jobs.put(job)
            sock.settimeout(None)
            self._relay(sock, job)

    def _refusal(self, hello: dict[str, Any]) -> str | None:
        """Why this server must not run the client's commands (None: it may)."""
        if hello.get("version") != __version__:
            return f"framediff {hello.get('version')} asked framediff {__version__}"
        if hello.get("identity") != wire.identity(__version__):
            return "another install of framediff"
        if self.stopping.is_set():
            return "stopping"
        if package_fingerprint() != self.fingerprint:
            # Edited or reinstalled under the server: its imported code is out of date.
            self.stop()
            return "framediff's files changed since the server started"
        return None

    def _relay(self, sock: socket.socket, job: Job) -> None:
        """The client's standard input to its command until the command ends; a client
        that goes away first cancels it."""
        for kind, payload in _messages(sock):
            if kind != wire.STDIN:
                break
            job.stdin.put(payload)
        if not job.finished.is_set():
            self._cancel(job)

    def _cancel(self, job: Job) -> None:
        job.cancelled = True
        job.stdin.put(None)
        with self.lock:
            if self.current is job:
                self.cancel_target = job
                _thread.interrupt_main(signal.SIGINT)

    def status(self) -> dict[str, Any]:
        with self.lock:
            return {
                "status": 0,
                "pid": os.getpid(),
                "version": __version__,
                "socket": self.listener.getsockname(),
                "idle_timeout": self.idle_timeout,
                "served": self.served,
                "running": self.current is not None,
                "queued": self.jobs.qsize(),
                "started": self.started,
            }


def _messages(sock: socket.socket) -> Iterator[tuple[bytes, bytes]]:
    """A client's messages until it closes its side or the connection fails."""
    while True:
        try:
            yield wire.receive(sock)
        except (OSError, wire.ProtocolError):
            return
