"""`framediff serve`: every served command gives the bytes, the exit status and the files the
same command gives in its own process (FRAMEDIFF_NO_SERVER=1), on the seeds."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_harness import (
    COMMAND,
    ROOT,
    SEED_NAMES,
    SEEDS,
    Outcome,
    Server,
    environment,
    run,
    running_server,
)

from framediff.cli import main


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as started:
        yield started


def both(server: Server, args: list[str], cwd: Path = ROOT, **options: object) -> Outcome:
    """The command run by the server and in its own process: the same outcome, and the
    server did run it."""
    before = server.served()
    served = run(args, server.runtime, True, cwd=cwd, **options)  # type: ignore[arg-type]
    assert server.served() == before + 1, "the command was not served"
    local = run(args, server.runtime, False, cwd=cwd, **options)  # type: ignore[arg-type]
    assert served == local
    return served


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["compare", *SEEDS], id="compare"),
        pytest.param(["compare", *SEEDS, "--format", "text", "--exit-code"], id="compare-text"),
        pytest.param(["compare", *SEEDS, "--format", "markdown"], id="compare-markdown"),
        pytest.param(["compare", *SEEDS, "--format", "json", "--min-weight", "0.2"], id="json"),
        pytest.param(["report", *SEEDS, "--reference", "HKFP"], id="report"),
        pytest.param(["report", *SEEDS, "--format", "json"], id="report-json"),
        pytest.param(
            ["report", *SEEDS, "--format", "text", "--threshold", "0.6"], id="report-text"
        ),
        pytest.param(["align", *SEEDS[:2]], id="align"),
        pytest.param(["align", "--presplit", *SEEDS[:2], "--format", "json"], id="align-json"),
        pytest.param(["group", str(ROOT / "seeds")], id="group"),
        pytest.param(["group", str(ROOT / "seeds"), "--format", "json"], id="group-json"),
        pytest.param(["extract", SEEDS[0], "--format", "json"], id="extract-json"),
    ],
)
def test_command_is_the_same_served(server: Server, args: list[str]) -> None:
    outcome = both(server, args)
    assert outcome.status in (0, 1)
    assert outcome.out and outcome.err == b""


def test_corpus_writes_the_same_files(server: Server, tmp_path: Path) -> None:
    folders = []
    for served in (True, False):
        cwd = tmp_path / ("served" if served else "local")
        cwd.mkdir()
        args = ["corpus", str(ROOT / "seeds"), "--out", "out", "--jobs", "2"]
        outcomes = run(args, server.runtime, served, cwd=cwd)
        assert outcomes.status == 0
        folders.append((outcomes, {p.name: p.read_bytes() for p in (cwd / "out").iterdir()}))
    assert folders[0] == folders[1]
    assert sorted(folders[0][1]) == ["event-001.json", "event-001.md", "index.json", "index.md"]


def test_standard_input(server: Server) -> None:
    text = Path(SEEDS[1]).read_bytes()
    outcome = both(server, ["compare", SEEDS[0], "-", "--format", "json"], stdin=text)
    assert b'"origin": "-"' in outcome.out
    both(server, ["extract", "-"], stdin=text)
    # Empty input: the same one-line error.
    assert both(server, ["extract", "-"], stdin=b"").status == 2


def test_relative_paths_from_another_directory(server: Server, tmp_path: Path) -> None:
    seeds = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", seeds)
    outcome = both(server, ["report", *SEED_NAMES], cwd=seeds)
    assert outcome.status == 0
    assert both(server, ["compare", "missing.txt", SEED_NAMES[0]], cwd=seeds).status == 2


def test_output_file_refused_then_forced(server: Server, tmp_path: Path) -> None:
    args = ["report", *SEEDS, "-o", "report.md"]
    written = {}
    for served in (True, False):
        cwd = tmp_path / str(served)
        cwd.mkdir()
        first = run(args, server.runtime, served, cwd=cwd, NO_COLOR="1")
        assert (first.status, first.out, first.err) == (0, b"", b"")
        written[served] = ((cwd / "report.md").read_bytes(), (cwd / "report.md").stat().st_mode)
        refused = run(args, server.runtime, served, cwd=cwd)
        assert refused.status == 2
        assert refused.err == b"framediff: error: report.md exists; use --force to overwrite it\n"
        (cwd / "report.md").write_text("old", encoding="utf-8")
        forced = run([*args, "--force"], server.runtime, served, cwd=cwd)
        assert forced.status == 0
        assert (cwd / "report.md").read_bytes() == written[served][0]
        # Nothing but the report: the atomic write left no temporary file behind.
        assert [path.name for path in cwd.iterdir()] == ["report.md"]
    assert written[True] == written[False]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["compare", SEEDS[0]], id="one-source"),
        pytest.param(["compare", *SEEDS, "--threshold", "3"], id="bad-threshold"),
        pytest.param(["compare", *SEEDS, "--bogus"], id="unknown-option"),
        pytest.param(["align", *SEEDS], id="align-three"),
        pytest.param(["report", *SEEDS, "--format", "yaml"], id="bad-format"),
    ],
)
def test_usage_errors_are_the_same(server: Server, args: list[str]) -> None:
    outcome = both(server, args)
    assert outcome.status == 2
    assert outcome.out == b""
    assert outcome.err.startswith(b"framediff: error: ") and outcome.err.count(b"\n") == 1


def test_concurrent_clients(server: Server) -> None:
    args = [*COMMAND, "compare", *SEEDS, "--format", "json"]
    env = environment(server.runtime, served=True)
    before = server.served()
    clients = [
        subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = [client.communicate(timeout=180) for client in clients]
    assert [client.returncode for client in clients] == [0, 0, 0]
    assert server.served() == before + 3
    local = run(["compare", *SEEDS, "--format", "json"], server.runtime, False)
    assert all(output == (local.out, local.err) for output in outputs)


def test_terminal_output_is_the_same(server: Server) -> None:
    """Rich output on a terminal: colours, width and the terminal size of the client."""
    pexpect = pytest.importorskip("pexpect")

    def session(served: bool, **extra: str) -> bytes:
        child = pexpect.spawn(
            COMMAND[0],
            [*COMMAND[1:], "compare", *SEEDS],
            cwd=str(ROOT),
            dimensions=(40, 123),
            env=environment(server.runtime, served, TERM="xterm-256color", **extra),
            timeout=180,
        )
        try:
            output: bytes = child.read()
        finally:
            child.close()
        assert child.exitstatus == 0
        return output

    before = server.served()
    colour = session(True)
    assert b"\x1b[" in colour
    assert colour == session(False)
    assert session(True, NO_COLOR="1", COLUMNS="90") == session(False, NO_COLOR="1", COLUMNS="90")
    assert server.served() == before + 2


def test_interrupted_client_exits_130_and_the_server_goes_on(server: Server) -> None:
    before = server.served()
    # The command waits for standard input that never comes, until Ctrl-C.
    client = subprocess.Popen(
        [*COMMAND, "extract", "-"],
        cwd=ROOT,
        env=environment(server.runtime, served=True),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not (server.status() or {}).get("running"):
            assert client.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        client.send_signal(signal.SIGINT)
        out, err = client.communicate(timeout=60)
    finally:
        if client.poll() is None:
            client.kill()
        assert client.stdin is not None
        client.stdin.close()
    assert (client.returncode, out, err) == (130, b"", b"framediff: interrupted\n")
    # The command it was running was cancelled; the server serves the next one.
    both(server, ["extract", SEEDS[0]])
    assert server.served() == before + 2


def test_help_and_version_run_in_process(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    before = server.served()
    version = run(["--version"], server.runtime, True)
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    assert (version.status, version.out.decode(), version.err) == (0, capsys.readouterr().out, b"")
    helped = run(["compare", "--help"], server.runtime, True, COLUMNS="80")
    assert helped.status == 0 and helped.out.startswith(b"usage: framediff compare")
    assert server.served() == before


def test_serve_again_reports_the_running_server(server: Server) -> None:
    again = run(["serve"], server.runtime, False)
    assert again.status == 0
    assert b"already running" in again.out
    status = run(["serve", "--status"], server.runtime, False)
    assert status.status == 0
    assert f"(pid {server.process.pid}, ".encode() in status.out
