"""`framediff serve` starting, refusing, stopping and being passed over: a stale socket, a
server of another version, a directory others may enter, --stop, --detach, the idle timeout.
Whatever happens to the server, the command's own output is the in-process one."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_harness import SEEDS, Server, private_directory, run

from framediff import __version__, wire
from framediff.server import ask
from framediff.server.loop import Server as ServerLoop

ARGS = ["compare", *SEEDS, "--format", "json"]


@pytest.fixture
def runtime() -> Iterator[Path]:
    directory = private_directory()
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="module")
def expected() -> bytes:
    """The comparison as a process of its own prints it."""
    directory = private_directory()
    try:
        outcome = run(ARGS, directory, served=False)
    finally:
        shutil.rmtree(directory)
    assert outcome.status == 0
    return outcome.out


def test_stale_socket_is_passed_over_then_replaced(runtime: Path, expected: bytes) -> None:
    path = wire.socket_path(__version__, str(runtime))
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(path)
    dead.close()  # the file stays, nothing listens: a server that died
    outcome = run(ARGS, runtime, served=True)
    assert (outcome.status, outcome.out, outcome.err) == (0, expected, b"")
    server = Server(runtime)
    try:
        before = server.served()
        assert run(ARGS, runtime, served=True).out == expected
        assert server.served() == before + 1
    finally:
        server.stop()
    assert not os.path.exists(path)


def test_server_of_another_version_is_passed_over(runtime: Path, expected: bytes) -> None:
    path = wire.socket_path(__version__, str(runtime))
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)
    listener.settimeout(120)
    heard: list[bytes] = []

    def other_version() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.settimeout(120)
            kind, _ = wire.receive(connection)
            heard.append(kind)
            answer = {"ok": True, "version": "0.0.1", "identity": wire.identity("0.0.1")}
            wire.send_json(connection, wire.HELLO, answer)
            try:
                heard.append(wire.receive(connection)[0])
            except (OSError, wire.ProtocolError):
                heard.append(b"closed")

    thread = threading.Thread(target=other_version, daemon=True)
    thread.start()
    try:
        outcome = run(ARGS, runtime, served=True)
        thread.join(timeout=120)
    finally:
        listener.close()
    assert heard == [wire.HELLO, b"closed"]
    assert (outcome.status, outcome.out, outcome.err) == (0, expected, b"")


def test_server_refuses_a_client_of_another_version(runtime: Path) -> None:
    server = Server(runtime)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(60)
            client.connect(server.socket)
            hello = {"protocol": wire.PROTOCOL, "version": "0.0.1", "identity": "elsewhere"}
            wire.send_json(client, wire.HELLO, hello)
            kind, payload = wire.receive(client)
        answer = wire.decode_json(payload)
        assert kind == wire.HELLO
        assert answer["ok"] is False and "0.0.1" in answer["reason"]
    finally:
        server.stop()


def test_stale_code_is_refused() -> None:
    loop = ServerLoop(socket.socket(socket.AF_UNIX), lambda args: 0, idle_timeout=0)
    try:
        hello = {"version": __version__, "identity": wire.identity(__version__)}
        assert loop._refusal(hello) is None
        loop.fingerprint = ()  # as if framediff's files had changed since it started
        assert "changed" in (loop._refusal(hello) or "")
        assert loop.stopping.is_set()
    finally:
        loop.listener.close()


def test_stop_and_status(runtime: Path) -> None:
    server = Server(runtime)
    try:
        stopped = run(["serve", "--stop"], runtime, served=False)
        assert stopped.status == 0
        assert stopped.out == f"framediff: server stopped (pid {server.process.pid})\n".encode()
        assert server.process.wait(timeout=60) == 0
    finally:
        server.kill()
    assert not os.path.exists(server.socket)
    status = run(["serve", "--status"], runtime, served=False)
    assert (status.status, status.out) == (
        1,
        f"framediff: no server running ({server.socket})\n".encode(),
    )
    assert run(["serve", "--stop"], runtime, served=False).status == 0


def test_detach_starts_a_background_server(runtime: Path, expected: bytes) -> None:
    path = wire.socket_path(__version__, str(runtime))
    started = run(["serve", "--detach", "--idle-timeout", "300"], runtime, served=False)
    answer = ask(path, wire.STATUS)
    try:
        assert started.status == 0, started.err
        assert answer is not None and answer["idle_timeout"] == 300
        assert f"(pid {answer['pid']}, ".encode() in started.out
        assert run(ARGS, runtime, served=True).out == expected
        assert run(["serve", "--stop"], runtime, served=False).status == 0
        assert not os.path.exists(path)
    finally:
        # Only a server that still answers as the one started here is ended by force.
        still = ask(path, wire.STATUS)
        if answer is not None and still is not None and still["pid"] == answer["pid"]:
            os.kill(int(answer["pid"]), signal.SIGKILL)


def test_idle_server_exits(runtime: Path) -> None:
    server = Server(runtime, "--idle-timeout", "0.5")
    try:
        # No command comes: it goes on its own, and takes its socket with it.
        assert server.process.wait(timeout=120) == 0
    finally:
        server.kill()
    assert not os.path.exists(server.socket)


@pytest.mark.parametrize("kind", ["group-readable", "symbolic-link", "someone-elses"])
def test_directory_others_may_use_is_refused(runtime: Path, expected: bytes, kind: str) -> None:
    if kind == "group-readable":
        directory = runtime / "shared"
        directory.mkdir()
        directory.chmod(0o750)
    elif kind == "someone-elses":
        if os.getuid() != 0:
            pytest.skip("only root can give a directory to another user")
        directory = runtime / "nobody"
        directory.mkdir(mode=0o700)
        os.chown(directory, 65534, 65534)
    else:
        target = runtime / "target"
        target.mkdir(mode=0o700)
        directory = runtime / "link"
        directory.symlink_to(target)
    refusal = f"framediff: error: refusing to serve from {directory}: ".encode()
    for args in (["serve"], ["serve", "--detach"]):
        refused = run(args, directory, served=False)
        assert (refused.status, refused.out) == (2, b"")
        assert refused.err.startswith(refusal)
    for args in (["serve", "--status"], ["serve", "--stop"]):
        refused = run(args, directory, served=False)
        assert (refused.status, refused.out) == (2, b"")
        assert refused.err.startswith(f"framediff: error: refusing to use {directory}: ".encode())
    # Whoever listens there, a client tells it nothing and runs the command itself.
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(wire.socket_path(__version__, str(directory)))
    listener.listen(1)
    listener.setblocking(False)
    try:
        outcome = run(ARGS, directory, served=True)
        with pytest.raises(BlockingIOError):
            listener.accept()
    finally:
        listener.close()
    assert (outcome.status, outcome.out, outcome.err) == (0, expected, b"")


def test_directory_is_created_private(runtime: Path) -> None:
    directory = runtime / "new"
    server = Server(directory)
    try:
        assert directory.stat().st_mode & 0o777 == 0o700
        assert Path(server.socket).stat().st_mode & 0o777 == 0o600
    finally:
        server.stop()


def test_unserved_commands_do_not_reach_the_server(runtime: Path) -> None:
    server = Server(runtime)
    try:
        before = server.served()
        assert run(["demo", "--format", "markdown"], runtime, served=True).status == 0
        assert run(["view", SEEDS[0], SEEDS[1]], runtime, served=True).status == 2
        assert server.served() == before
    finally:
        server.stop()
