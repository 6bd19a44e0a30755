"""Every unreadable input answers with one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from framediff import ingest
from framediff.cli import main

ROOT = Path(__file__).resolve().parent.parent
ALL_CLUTTER = ROOT / "fixtures" / "cleaning" / "text_all_clutter" / "input.txt"


def _fails(
    capsys: pytest.CaptureFixture[str], args: list[str], *expected: str, warnings: int = 0
) -> str:
    status = main(args)
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    *warned, last = captured.err.splitlines()
    assert len(warned) == warnings, captured.err
    assert all(line.startswith(("framediff: warning: ", "framediff: skipped ")) for line in warned)
    lines = [last]
    assert lines[0].startswith("framediff: error: ")
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    for part in expected:
        assert part in lines[0]
    return lines[0]


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _fails(capsys, ["extract", str(missing)], str(missing), "no such file")


def test_directory_without_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    _fails(capsys, ["extract", str(tmp_path)], str(tmp_path), "holds no articles")


def test_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    _fails(capsys, ["extract", str(path)], str(path), "empty file")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", id="pdf"),
        pytest.param(b"\x00\x01\x02\x03" * 200, id="nul-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
    ],
)
def test_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    _fails(capsys, ["extract", str(path)], str(path), "binary file")


def test_undecodable_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    # Invalid UTF-8, bytes undefined in cp1252, C1 controls: no encoding reads this as text.
    path.write_bytes(b"News \x81\x8d\x8f\x90\x9d\xc3\x28 \x9d\x81\xff\xfe\x8d" * 40)
    _fails(capsys, ["extract", str(path)], str(path), "cannot decode")


def test_enormous_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_ARTICLE_BYTES", 1024)
    path = tmp_path / "huge.txt"
    path.write_text("A sentence about the news. " * 100)
    _fails(capsys, ["extract", str(path)], str(path), "too large")


def test_page_without_article(capsys: pytest.CaptureFixture[str]) -> None:
    _fails(capsys, ["extract", str(ALL_CLUTTER)], str(ALL_CLUTTER), "no article text found")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{broken", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"title": "Only a title"}', "no 'text', 'html' or 'sentences'"),
        ('{"text": 5}', "field 'text' must be a string"),
    ],
)
def test_bad_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "article.json"
    path.write_text(content)
    _fails(capsys, ["extract", str(path)], str(path), message)


def test_jsonl_without_any_good_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("{bad\n" + json.dumps({"title": "no text"}) + "\n")
    _fails(capsys, ["extract", str(path)], str(path), "no readable article", warnings=2)


def test_other_url_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    _fails(capsys, ["extract", "ftp://example.org/a.txt"], "ftp://example.org/a.txt", "http")


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_url(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{_unused_port()}/article"
    _fails(capsys, ["extract", url], url, "cannot reach")


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = b'{"not": "a page"}' if self.path == "/json" else b"<html><body></body></html>"
        self.send_response(200)
        kind = "application/json" if self.path == "/json" else "text/html"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_non_html_content_type(capsys: pytest.CaptureFixture[str], server: str) -> None:
    _fails(capsys, ["extract", f"{server}/json"], f"{server}/json", "application/json")


def test_url_page_without_article(capsys: pytest.CaptureFixture[str], server: str) -> None:
    _fails(capsys, ["extract", f"{server}/empty"], f"{server}/empty")


def test_success_leaves_stderr_empty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(ROOT / "seeds" / "003_3d4fac5826f8fb52.txt")]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "HKFP" in captured.out
