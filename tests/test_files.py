"""Output files (framediff.files through ``-o``): a pipe or device is written in place and
stays what it was; a symbolic link is followed and stays a link; a regular file is replaced
atomically and only with --force."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from framediff import files
from framediff.cli import main

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [str(ROOT / "fixtures" / "report-escaping" / n) for n in ("wire.txt", "local.txt")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_report_into_a_named_pipe_keeps_the_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(
        target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True
    )
    reader.start()
    try:
        # No --force: a pipe holds nothing of the user's to overwrite.
        assert main(["report", *SOURCES, "-o", str(pipe)]) == 0
    finally:
        if not received:  # a failed write must not leave the reader blocked on open()
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=30)
    assert received and received[0].startswith("# framediff report")
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # not replaced by a regular file
    assert files.is_stream(pipe)


def test_devices_are_streams_and_files_are_not(tmp_path: Path) -> None:
    assert files.is_stream(Path(os.devnull))
    regular = tmp_path / "a.md"
    regular.write_text("x", encoding="utf-8")
    assert not files.is_stream(regular)
    assert not files.is_stream(tmp_path)
    assert not files.is_stream(tmp_path / "missing.md")


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_forced_report_through_a_link_writes_the_linked_file(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert main(["report", *SOURCES, "-o", str(link)]) == 2  # still refused without --force
    assert main(["report", *SOURCES, "-o", str(link), "--force"]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# framediff report")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_unwritable_directory_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only directories")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["report", *SOURCES, "-o", str(locked / "r.md")]) == 2
    finally:
        locked.chmod(0o700)
    err = capsys.readouterr().err
    assert err.startswith("framediff: error: could not write") and len(err.splitlines()) == 1
