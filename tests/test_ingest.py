"""Ingest: every SOURCE kind, robust decoding, and URLs against a local HTTP server."""

from __future__ import annotations

import http.server
import io
import json
import re
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from framediff import ingest
from framediff.errors import InputError
from framediff.ingest import decode_bytes, read_source
from framediff.model import RawDocument, SkippedInput, SourceSpec

ARTICLE = "Officials said on Monday that the bridge would reopen.\n\nTraffic resumed by noon."
PAGE = (
    "<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body>"
    "<article><h1>Bridge reopens</h1><p>Officials said on Monday that the old bridge over the "
    "river would reopen to traffic after two years of repairs.</p><p>Traffic resumed by noon, "
    "and the mayor thanked the engineers who worked through the winter.</p></article></body></html>"
)


def _read(location: str | Path) -> list[RawDocument]:
    return list(read_source(SourceSpec(str(location))).documents)


# --- files ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_files_are_read_as_text(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = _read(path)
    assert (doc.content, doc.is_html, doc.origin) == (ARTICLE, False, str(path))


def test_html_file_is_html(tmp_path: Path) -> None:
    path = tmp_path / "a.htm"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = _read(path)
    assert doc.is_html and "Bridge reopens" in doc.content


def test_json_object_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    fields = {"text": ARTICLE, "title": "T", "url": "https://x.test/a", "outlet": "Courier"}
    path.write_text(json.dumps({**fields, "published": "2024-01-02", "label": "L", "id": 7}))
    [doc] = _read(path)
    assert (doc.content, doc.title, doc.outlet, doc.url) == (ARTICLE, "T", "Courier", fields["url"])
    assert (doc.published, doc.label, doc.doc_id, doc.is_html) == ("2024-01-02", "L", "7", False)


def test_json_html_and_sentences(tmp_path: Path) -> None:
    (tmp_path / "h.json").write_text(json.dumps({"html": PAGE}))
    (tmp_path / "s.json").write_text(json.dumps({"sentences": ["One.", " ", "Two."]}))
    [html] = _read(tmp_path / "h.json")
    [given] = _read(tmp_path / "s.json")
    assert html.is_html
    assert given.sentences == ("One.", "Two.") and given.content == "One.\nTwo."


def test_jsonl_bad_line_is_skipped_and_listed(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": "First article text."}), "{not json", "", '"a string"']
    lines.append(json.dumps({"text": "Second article text.", "id": "b"}))
    path.write_text("\n".join(lines) + "\n")
    contents = read_source(SourceSpec(str(path)))
    docs = contents.documents
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:5"]
    assert docs[1].doc_id == "b"
    assert contents.corpus
    # The blank line 3 is no article; it is not listed.
    assert contents.skipped == (
        SkippedInput(
            f"{path}:2",
            "not valid JSON (Expecting property name enclosed in double quotes: column 2)",
        ),
        SkippedInput(f"{path}:4", "expected a JSON object, got str"),
    )


def test_directory_reads_supported_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second text.")
    (tmp_path / "a.md").write_text("First text.")
    (tmp_path / "c.png").write_bytes(b"\x89PNG....")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    docs = _read(tmp_path)
    assert [Path(d.origin).name for d in docs] == ["a.md", "b.txt"]


def test_stdin_text_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    for content, is_html in ((ARTICLE, False), (PAGE, True)):
        stream = io.TextIOWrapper(io.BytesIO(content.encode("utf-8")), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stream)
        [doc] = _read("-")
        assert (doc.origin, doc.is_html, doc.content) == ("-", is_html, content)


# --- decoding -------------------------------------------------------------------------

TEXT = "Café owners in Zürich said the “new rules” cost them €2,000 – a lot."


@pytest.mark.parametrize(
    ("data", "kwargs"),
    [
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), {}, id="utf8-bom"),
        pytest.param(TEXT.encode("utf-16"), {}, id="utf16-bom"),
        pytest.param(TEXT.encode("utf-8"), {}, id="utf8"),
        pytest.param(TEXT.encode("cp1252"), {}, id="cp1252-undeclared"),
        pytest.param(TEXT.encode("cp1252"), {"declared": "windows-1252"}, id="http-header"),
    ],
)
def test_decoding(data: bytes, kwargs: dict) -> None:
    assert decode_bytes(data, "x", **kwargs) == TEXT


def test_latin1_declared_in_html_meta() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café à Zürich</p></body></html>'
    assert "Café à Zürich" in decode_bytes(page.encode("latin-1"), "x", html=True)


def test_crlf_is_normalised() -> None:
    assert decode_bytes(b"One line.\r\nTwo line.\r\n", "x") == "One line.\nTwo line.\n"


# --- URLs -------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8"
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/ok":
            self._send(200, PAGE.encode("utf-8"))
        elif self.path == "/latin1":
            self._send(
                200,
                PAGE.replace("Officials", "Fonctionnaires à").encode("latin-1"),
                "text/html; charset=iso-8859-1",
            )
        elif self.path == "/missing":
            self._send(404, b"<html><body>Not here</body></html>")
        elif self.path in ("/to-ftp", "/to-ok"):
            self.send_response(302)
            target = "ftp://127.0.0.1/file" if self.path == "/to-ftp" else "/ok"
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/pdf":
            self._send(200, b"%PDF-1.4 ...", "application/pdf")
        elif self.path == "/big":
            self._send(200, b"<html><body>" + b"x" * 5000 + b"</body></html>")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE.encode("utf-8"))


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the timeout test hangs up on /slow before it answers


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_ok(server: str) -> None:
    [doc] = _read(f"{server}/ok")
    assert doc.is_html and "old bridge" in doc.content and doc.origin == f"{server}/ok"


def test_url_redirect_to_http_is_followed(server: str) -> None:
    [doc] = _read(f"{server}/to-ok")
    assert doc.url == f"{server}/ok"


def test_url_declared_charset(server: str) -> None:
    [doc] = _read(f"{server}/latin1")
    assert "Fonctionnaires à" in doc.content


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/to-ftp", "not http(s)"),
        ("/pdf", "application/pdf is not an HTML page"),
    ],
)
def test_url_failures(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)) as error:
        _read(f"{server}{path}")
    assert f"{server}{path}" in str(error.value)


def test_url_size_cap(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_ARTICLE_BYTES", 1000)
    with pytest.raises(InputError, match="exceeds the 1000-byte limit"):
        _read(f"{server}/big")


def test_url_timeout(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "URL_TIMEOUT", 0.2)
    started = time.monotonic()
    with pytest.raises(InputError, match=r"timed out after 0\.2 s"):
        _read(f"{server}/slow")
    assert time.monotonic() - started < 1.4
