"""SOURCE arguments -> RawDocument: files, directories, JSON/JSONL, URLs and stdin.

The only module that touches the network. It decodes bytes (BOM, declared
charset, detection) and reads JSON fields; it does not clean. Every failure is
an ``InputError`` whose message names the input, except inside a corpus (a JSONL
file, a directory): there an article that cannot be read is a ``SkippedInput``.
"""

from __future__ import annotations

import codecs
import json
import re
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any

from framediff.errors import InputError
from framediff.model import RawDocument, SkippedInput, SourceContents, SourceSpec

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES

# One article is never this large; a bigger input is a mistake (a disk image, a dump).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# A JSONL corpus is read line by line, so it may be much larger than one article.
MAX_CORPUS_BYTES = 2 * 1024 * 1024 * 1024
# Seconds to wait for a server to connect or to send the next bytes.
URL_TIMEOUT = 20.0
URL_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "framediff/0.1 (+https://pypi.org/project/framediff/)"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of formats that are never article text: PDF, PNG, JPEG, GIF, ZIP/DOCX, gzip, ELF.
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
)
# <meta charset="latin-1"> or <meta http-equiv=... content="text/html; charset=windows-1252">
# Non-letters above ASCII that Western text in cp1252 plausibly holds.
_CP1252_PUNCTUATION = "‘’‚“”„–—…€£¥©®°±²³·º¹¼½¾×÷§¶¢¤¦¨«»¬¯´µ¸¡¿•™†‡‰ \u00ad"
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# The start of an HTML document: <!doctype html>, <html, <head, <body (after white space/comments)
_HTML_START_RE = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Block tags that betray HTML even without a document prologue: <p>, </div>, <article ...>
_HTML_TAG_RE = re.compile(r"</?(?:p|div|article|section|span|br|h[1-6]|a\s+href)\b[^>]*>", re.I)


# A URL scheme other than a Windows drive letter: ftp://, file://, s3://
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


class _SchemeCheckingRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s); urllib alone would also follow ftp://."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")) and "://" in newurl:
            raise InputError(f"{req.full_url}: redirected to {newurl}, which is not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_source(spec: SourceSpec) -> SourceContents:
    """Every article one SOURCE holds, decoded but not cleaned; a corpus's articles that
    cannot be read are listed as skipped."""
    location = spec.location
    if location == "-":
        return SourceContents((_read_stdin(),))
    if location.lower().startswith(("http://", "https://")):
        return SourceContents((fetch_url(location),))
    if _SCHEME_RE.match(location):
        raise InputError(f"{location}: only http:// and https:// URLs can be read")
    path = Path(location)
    if not path.exists():
        raise InputError(f"{location}: no such file or directory")
    if path.is_dir():
        return _read_directory(path, location)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return _read_jsonl(path, location)
    return SourceContents((_read_file(path, location),))


def skipped_input(origin: str, error: Exception) -> SkippedInput:
    """``error`` about the article at ``origin`` as a skipped input (its message without
    the leading ``origin: ``)."""
    message = str(error)
    prefix = f"{origin}: "
    return SkippedInput(origin, message[len(prefix) :] if message.startswith(prefix) else message)


# --- files ----------------------------------------------------------------------------


def _read_directory(path: Path, location: str) -> SourceContents:
    files = sorted(
        (
            child
            for child in path.iterdir()
            if child.is_file()
            and not child.name.startswith(".")
            and child.suffix.lower() in SUPPORTED_SUFFIXES
        ),
        key=lambda child: child.name,
    )
    if not files:
        wanted = ", ".join(SUPPORTED_SUFFIXES)
        raise InputError(f"{location}: directory holds no articles (looked for {wanted})")
    documents: list[RawDocument] = []
    skipped: list[SkippedInput] = []
    for child in files:
        try:
            if child.suffix.lower() in JSONL_SUFFIXES:
                contents = _read_jsonl(child, str(child))
                documents.extend(contents.documents)
                skipped.extend(contents.skipped)
            else:
                documents.append(_read_file(child, str(child)))
        except InputError as error:
            skipped.append(skipped_input(str(child), error))
    return SourceContents(tuple(documents), tuple(skipped), corpus=True)


def _read_file(path: Path, location: str) -> RawDocument:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"{location}: {_megabytes(size)} is too large for one article")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{location}: cannot read ({error.strerror or error})") from error
    if suffix in JSON_SUFFIXES:
        text = decode_bytes(data, location)
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{location}: not valid JSON (line {error.lineno} column {error.colno}: {error.msg})"
            ) from error
        return document_from_json(payload, location)
    is_html = suffix in HTML_SUFFIXES
    text = decode_bytes(data, location, html=is_html or None)
    if not is_html and suffix not in TEXT_SUFFIXES:
        is_html = looks_like_html(text)
    return RawDocument(origin=location, content=text, is_html=is_html)


def _read_jsonl(path: Path, location: str) -> SourceContents:
    try:
        size = path.stat().st_size
        if size > MAX_CORPUS_BYTES:
            raise InputError(f"{location}: {_megabytes(size)} is too large")
        if size == 0:
            raise InputError(f"{location}: empty file")
        with path.open("rb") as stream:
            lines = list(_jsonl_lines(stream, location))
    except OSError as error:
        raise InputError(f"{location}: cannot read ({error.strerror or error})") from error
    if not lines:
        raise InputError(f"{location}: no article on any line (every line is blank)")
    return SourceContents(
        documents=tuple(line for line in lines if isinstance(line, RawDocument)),
        skipped=tuple(line for line in lines if isinstance(line, SkippedInput)),
        corpus=True,
    )


def _jsonl_lines(stream: IO[bytes], location: str) -> Iterator[RawDocument | SkippedInput]:
    """Each non-blank line's article, or why it was skipped."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        origin = f"{location}:{number}"
        try:
            if len(line) > MAX_ARTICLE_BYTES:
                raise InputError(f"{_megabytes(len(line))} is too large for one article")
            # Without its line break a truncated line reads as an unterminated string.
            payload = json.loads(line.decode("utf-8-sig").rstrip("\r\n"))
            yield document_from_json(payload, origin, where="")
        except UnicodeDecodeError:
            yield SkippedInput(origin, "not UTF-8")
        except json.JSONDecodeError as error:
            yield SkippedInput(origin, f"not valid JSON ({error.msg}: column {error.colno})")
        except InputError as error:
            yield SkippedInput(origin, str(error))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB (limit {MAX_ARTICLE_BYTES // 1024 // 1024} MB)"


# --- JSON objects -----------------------------------------------------------------------

_STRING_FIELDS = ("title", "url", "outlet", "published", "label", "id")


def document_from_json(payload: Any, origin: str, where: str | None = None) -> RawDocument:
    """A RawDocument from one article object (CONTRACT.md: text|html, title, url, ...)."""
    prefix = f"{origin}: " if where is None else where
    if not isinstance(payload, dict):
        raise InputError(f"{prefix}expected a JSON object, got {type(payload).__name__}")
    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = payload.get(name)
        if value is not None and not isinstance(value, str | int):
            raise InputError(f"{prefix}field {name!r} must be a string")
        fields[name] = None if value is None else str(value)
    sentences = payload.get("sentences")
    given: tuple[str, ...] | None = None
    if sentences is not None:
        if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
            raise InputError(f"{prefix}field 'sentences' must be a list of strings")
        given = tuple(s.strip() for s in sentences if s.strip())
        if not given:
            raise InputError(f"{prefix}field 'sentences' holds no sentence")
    text, html = payload.get("text"), payload.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"{prefix}field {name!r} must be a string")
    if given is not None:
        content, is_html = "\n".join(given), False
    elif isinstance(html, str) and html.strip():
        content, is_html = html, True
    elif isinstance(text, str) and text.strip():
        content, is_html = text, False
    else:
        raise InputError(f"{prefix}no 'text', 'html' or 'sentences' field with content")
    return RawDocument(
        origin=origin,
        content=content,
        is_html=is_html,
        title=fields["title"],
        url=fields["url"],
        outlet=fields["outlet"],
        published=fields["published"],
        label=fields["label"],
        doc_id=fields["id"],
        sentences=given,
        extracted=not is_html,
    )


# --- standard input ---------------------------------------------------------------------


def _read_stdin() -> RawDocument:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
    else:  # a replaced sys.stdin (tests, embedding) may be text only
        data = sys.stdin.read(MAX_ARTICLE_BYTES + 1).encode("utf-8")
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"standard input: more than {_megabytes(MAX_ARTICLE_BYTES + 1)}")
    text = decode_bytes(data, "standard input")
    return RawDocument(origin="-", content=text, is_html=looks_like_html(text))


def looks_like_html(text: str) -> bool:
    """True for a saved page: a document prologue, or several block tags near the start."""
    head = text[:20000]
    return bool(_HTML_START_RE.match(head)) or len(_HTML_TAG_RE.findall(head)) >= 3


# --- URLs -------------------------------------------------------------------------------


def fetch_url(url: str, timeout: float | None = None, max_bytes: int | None = None) -> RawDocument:
    """GET ``url`` (redirects only to http/https) and decode it as a page."""
    timeout = URL_TIMEOUT if timeout is None else timeout
    limit = MAX_ARTICLE_BYTES if max_bytes is None else max_bytes
    opener = urllib.request.build_opener(_SchemeCheckingRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in URL_CONTENT_TYPES:
                raise InputError(f"{url}: content type {content_type} is not an HTML page")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise InputError(
                    f"{url}: page of {int(length)} bytes exceeds the {limit}-byte limit"
                )
            data = response.read(limit + 1)
            if len(data) > limit:
                raise InputError(f"{url}: page exceeds the {limit}-byte limit")
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise InputError(f"{url}: timed out after {timeout:g} s") from error
        raise InputError(f"{url}: cannot reach ({reason})") from error
    except TimeoutError as error:
        raise InputError(f"{url}: timed out after {timeout:g} s") from error
    except (OSError, ValueError) as error:
        raise InputError(f"{url}: cannot fetch ({error})") from error
    text = decode_bytes(data, url, declared=charset, html=content_type != "text/plain")
    is_html = content_type != "text/plain" or looks_like_html(text)
    return RawDocument(origin=url, content=text, is_html=is_html, url=final_url)


# --- decoding ---------------------------------------------------------------------------


def decode_bytes(
    data: bytes, origin: str, declared: str | None = None, html: bool | None = None
) -> str:
    """Text from bytes: BOM, then the declared charset (HTTP header or HTML meta),
    then UTF-8, then charset-normalizer's detection; an InputError if none fits."""
    if not data.strip():
        raise InputError(
            f"{origin}: empty file" if origin != "standard input" else "standard input is empty"
        )
    # 1. A byte-order mark settles it.
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(encoding), origin)
            except UnicodeDecodeError as error:
                raise InputError(f"{origin}: cannot decode text as {encoding}") from error
    # 2. Binary formats are refused before any guessing.
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise InputError(f"{origin}: binary file, not article text")
    # 3. What the input declares: the HTTP header, else an HTML <meta charset>.
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    if html is not False:
        match = _META_CHARSET_RE.search(data[:8192])
        if match:
            candidates.append(match.group(1).decode("ascii", "replace"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            continue
        try:
            return _finish(data.decode(encoding), origin)
        except UnicodeDecodeError:
            continue
    # 4. Undeclared Windows-1252, the commonest legacy encoding of Western pages; the
    # detector below confuses short cp1252 texts with Baltic and Central European pages.
    western = _as_western(data)
    if western is not None:
        return _finish(western, origin)
    # 5. Detection, for other undeclared encodings (cp1251, KOI8-R, Shift-JIS ...).
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 * 1024 * 1024]).best()
    if best is not None and best.chaos < 0.3:
        try:
            return _finish(data.decode(best.encoding), origin)
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(f"{origin}: cannot decode text (not UTF-8 and no encoding fits)")


def _as_western(data: bytes) -> str | None:
    """``data`` as cp1252 when that reads as Western text: mostly ASCII letters with a
    few accented ones and typographic punctuation (Cyrillic in cp1251 reads as a wall
    of accented letters and is refused)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    accented = [char for char in letters if ord(char) > 127]
    if not letters or len(accented) > 0.25 * len(letters):
        return None
    allowed = set(_CP1252_PUNCTUATION)
    if any(ord(char) > 127 and not char.isalpha() and char not in allowed for char in text):
        return None
    return text


def _finish(text: str, origin: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for char in text[:8192] if ord(char) < 32 and char not in "\n\t\f\v")
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{origin}: binary file, not article text")
    if not text.strip():
        raise InputError(f"{origin}: empty file")
    return text
