"""The ``framediff`` command's entry point: hand the command to a running server, else run it.

Before anything heavy is imported, a command a server can run (``compare``, ``report``,
``align``, ``group``, ``extract``, ``corpus``) goes to this framediff's ``framediff serve``
if one answers on its socket (``framediff.wire``): the arguments, working directory,
environment, umask and what the standard streams are (terminals, sizes, encodings) go
there; the command's output, and standard input when the command reads it, come and go as
it runs; the exit status ends it. Everything else, and anything that goes wrong before the
server has written a byte, runs in this process: ``framediff.cli.main``.
"""

from __future__ import annotations

import os
import sys

from framediff import __version__, wire

# Commands the server runs; view and demo (the app), serve itself and help stay here.
SERVED = frozenset({"compare", "report", "align", "group", "extract", "corpus"})
# Seconds to wait for a server to answer its first message. A server answers it on a
# thread of its own however busy it is; one that does not is treated as gone.
HELLO_SECONDS = 5.0
EXIT_ERROR, EXIT_INTERRUPTED = 2, 130

TYPE_CHECKING = False
if TYPE_CHECKING:
    import _socket
    from collections.abc import Sequence
    from typing import BinaryIO


class _Fallback(Exception):
    """The server cannot run this command: run it in this process."""


class _ReaderGone(Exception):
    """The reader of standard output went away (head, less)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line, on a server when one runs; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        # What argparse prints, without building the parser.
        sys.stdout.write(f"framediff {__version__}\n")
        return 0
    if servable(args) and not os.environ.get("FRAMEDIFF_NO_SERVER"):
        status = run_on_server(args)
        if status is not None:
            return status
    from framediff.cli import main as run_here

    return run_here(args)


def servable(args: Sequence[str]) -> bool:
    """True for a command the server runs; help and version (short or abbreviated) stay
    here, where argparse answers them at once."""
    if not args or args[0] not in SERVED:
        return False
    return not any(arg == "-h" or arg.startswith(("--h", "--v")) for arg in args[1:])


def run_on_server(args: list[str]) -> int | None:
    """The command's exit status as the server ran it; None when no server of this
    framediff answers or it declines, before anything was written (run it here then)."""
    if sys.stdout is None or sys.stderr is None:
        return None
    directory = wire.runtime_dir()
    # A socket in a directory others can write to may be anyone's: it gets nothing.
    if wire.unsafe_reason(directory):
        return None
    try:
        sock = wire.connect(wire.socket_path(__version__, directory), HELLO_SECONDS)
    except OSError:
        return None
    session = _Session(sock)
    try:
        return session.run(args)
    except KeyboardInterrupt:
        # As in process: one line, 130. Closing the socket tells the server to stop.
        print("framediff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Fallback:
        return None
    except _ReaderGone:
        # Quietly, as in process: stdout now goes nowhere, and closing the socket tells the
        # server to stop.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OSError, ValueError, wire.ProtocolError) as error:
        if not session.committed:
            return None
        print(f"framediff: error: the framediff server failed ({error})", file=sys.stderr)
        return EXIT_ERROR
    finally:
        sock.close()


class _Session:
    def __init__(self, sock: _socket.socket) -> None:
        self.sock = sock
        # Once output was written or input read, the command can no longer run here instead.
        self.committed = False

    def run(self, args: list[str]) -> int:
        self._greet()
        wire.send_json(self.sock, wire.RUN, describe(args))
        # The command may take minutes (a corpus); the server says when it is done.
        self.sock.settimeout(None)
        while True:
            kind, payload = wire.receive(self.sock)
            if kind == wire.STDOUT:
                self._write(sys.stdout, payload)
            elif kind == wire.STDERR:
                self._write(sys.stderr, payload)
            elif kind == wire.STDIN:
                self._send_stdin(int.from_bytes(payload, "big"))
            elif kind == wire.EXIT:
                return int(wire.decode_json(payload)["status"])
            elif kind == wire.FALLBACK and not self.committed:
                raise _Fallback
            else:
                raise wire.ProtocolError(f"unexpected message {kind!r}")

    def _greet(self) -> None:
        """Hello, and the server's: it must be this very framediff, willing to run it."""
        identity = wire.identity(__version__)
        hello = {"protocol": wire.PROTOCOL, "version": __version__, "identity": identity}
        wire.send_json(self.sock, wire.HELLO, hello)
        kind, payload = wire.receive(self.sock)
        answer = wire.decode_json(payload) if kind == wire.HELLO else None
        if not (isinstance(answer, dict) and answer.get("ok")):
            raise _Fallback
        if (answer.get("version"), answer.get("identity")) != (__version__, identity):
            raise _Fallback

    def _write(self, stream: object, data: bytes) -> None:
        self.committed = True
        binary: BinaryIO = stream.buffer  # type: ignore[attr-defined]
        try:
            binary.write(data)
            binary.flush()
        except BrokenPipeError:
            raise _ReaderGone from None

    def _send_stdin(self, size: int) -> None:
        self.committed = True
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read1(min(size, wire.CHUNK)) if stream is not None else b""
        wire.send(self.sock, wire.STDIN, data)


def describe(args: list[str]) -> dict[str, object]:
    """What the server needs to run ``args`` as this process would."""
    mask = os.umask(0o022)
    os.umask(mask)
    return {
        "argv": [sys.argv[0] if sys.argv else "framediff", *args],
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "umask": mask,
        "streams": [_stream(sys.stdin), _stream(sys.stdout), _stream(sys.stderr)],
        "terminal_sizes": [_terminal_size(fd) for fd in (0, 1, 2)],
    }


def _stream(stream: object) -> dict[str, object] | None:
    """A standard stream as the command sees it: None when closed."""
    if stream is None or getattr(stream, "closed", True):
        return None
    try:
        tty = bool(stream.isatty())  # type: ignore[attr-defined]
    except (OSError, ValueError):
        tty = False
    return {
        "tty": tty,
        "encoding": getattr(stream, "encoding", "utf-8"),
        "errors": getattr(stream, "errors", "strict"),
    }


def _terminal_size(fd: int) -> list[int] | None:
    try:
        size = os.get_terminal_size(fd)
    except (OSError, ValueError):
        return None
    return [size.columns, size.lines]
