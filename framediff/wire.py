"""Where a ``framediff serve`` socket lives and how its messages are framed.

Shared by the light client (``framediff.client``) and the server (``framediff.server``), so
it imports only the standard library's cheapest modules: the client runs it before anything
heavy is loaded. It knows nothing of commands; the server and client agree on them.
"""

from __future__ import annotations

import _socket
import json
import os
import stat
import struct
import sys
import zlib

# typing costs the client several milliseconds; the names are for the type checker only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

PROTOCOL = 1
# A message: one byte of kind, four of payload length (big-endian), the payload.
HEADER = struct.Struct(">cI")
# Larger frames are a protocol error (a stream written by something that is not framediff);
# output is sent in pieces well below it.
MAX_FRAME = 64 << 20
CHUNK = 1 << 20

# Message kinds. Client to server: HELLO, then RUN, STOP or STATUS; during a RUN, STDIN
# answers each STDIN request (empty: end of input). Server to client: HELLO, then STDOUT
# and STDERR bytes as they are written, STDIN requests, and one EXIT or FALLBACK.
HELLO, RUN, STOP, STATUS = b"H", b"R", b"S", b"T"
STDOUT, STDERR, STDIN, EXIT, FALLBACK = b"O", b"E", b"I", b"X", b"F"

# The longest path an AF_UNIX address holds on Linux (108 bytes with the terminating NUL).
MAX_SOCKET_PATH = 107


class ProtocolError(Exception):
    """The other side sent something that is not a framediff message, or went away."""


def runtime_dir() -> str:
    """The per-user directory of server sockets: $FRAMEDIFF_RUNTIME_DIR, else
    $XDG_RUNTIME_DIR/framediff, else framediff-UID in the temporary directory."""
    chosen = os.environ.get("FRAMEDIFF_RUNTIME_DIR")
    if chosen:
        return os.path.abspath(chosen)
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isabs(xdg) and os.path.isdir(xdg):
        return os.path.join(xdg, "framediff")
    return os.path.join(_temporary_dir(), f"framediff-{os.getuid()}")


def _temporary_dir() -> str:
    # tempfile.gettempdir() without importing tempfile (and random, shutil ...).
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = os.environ.get(name)
        if value and os.path.isabs(value) and os.path.isdir(value):
            return value
    return "/tmp"


def unsafe_reason(directory: str) -> str | None:
    """Why ``directory`` must not hold a socket (None when it is private to this user): it
    must be a real directory, owned by this user, with no group or other permissions."""
    try:
        status = os.lstat(directory)
    except OSError as error:
        return f"cannot read it ({error.strerror})"
    if not stat.S_ISDIR(status.st_mode):
        return "it is not a directory (or it is a symbolic link)"
    if status.st_uid != os.getuid():
        return f"it is owned by user id {status.st_uid}, not by you ({os.getuid()})"
    if status.st_mode & 0o077:
        return f"group or others may use it (mode {status.st_mode & 0o777:o}; it must be 700)"
    return None


def identity(version: str) -> str:
    """This framediff (of ``version``, framediff.__version__, which this module does not
    import): where it is installed and the environment running it. A server answers only
    clients of the same identity."""
    package = os.path.dirname(os.path.realpath(__file__))
    return f"{version}\0{package}\0{os.path.realpath(sys.prefix)}"


def socket_path(version: str, directory: str | None = None) -> str:
    """The socket of this framediff's server: one per version and install."""
    checksum = zlib.crc32(identity(version).encode("utf-8", "surrogateescape"))
    name = f"framediff-{version}-{checksum:08x}.sock"
    return os.path.join(directory or runtime_dir(), name)


def connect(path: str, timeout: float) -> _socket.socket:
    """A connected client socket (OSError when nothing listens at ``path``)."""
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(path)
    except BaseException:
        sock.close()
        raise
    return sock


def send(sock: _socket.socket, kind: bytes, payload: bytes = b"") -> None:
    sock.sendall(HEADER.pack(kind, len(payload)) + payload)


def send_json(sock: _socket.socket, kind: bytes, value: object) -> None:
    send(sock, kind, json.dumps(value).encode("utf-8"))


def decode_json(payload: bytes) -> Any:
    try:
        return json.loads(payload)
    except ValueError as error:
        raise ProtocolError(f"not JSON: {error}") from None


def receive(sock: _socket.socket) -> tuple[bytes, bytes]:
    """The next message's kind and payload; ProtocolError at the end of the stream."""
    kind, size = HEADER.unpack(_exactly(sock, HEADER.size))
    if size > MAX_FRAME:
        raise ProtocolError(f"a message of {size} bytes")
    return kind, _exactly(sock, size)


def _exactly(sock: _socket.socket, size: int) -> bytes:
    parts = []
    while size:
        part = sock.recv(min(size, CHUNK))
        if not part:
            raise ProtocolError("the connection closed")
        parts.append(part)
        size -= len(part)
    return b"".join(parts)
