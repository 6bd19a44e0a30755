"""SOURCE arguments -> RawDocument: files, directories, JSON/JSONL, URLs and stdin.

PLACEHOLDER: reads plain text files only; the full reader is being written.
"""

from __future__ import annotations

from pathlib import Path

from framediff.errors import InputError
from framediff.model import RawDocument, SourceSpec


def read_source(spec: SourceSpec) -> list[RawDocument]:
    """Every article one SOURCE holds, decoded but not cleaned."""
    path = Path(spec.location)
    if not path.exists():
        raise InputError(f"no such file or directory: {spec.location}")
    content = path.read_text(encoding="utf-8")
    return [
        RawDocument(origin=spec.location, content=content, is_html=path.suffix in (".html", ".htm"))
    ]
