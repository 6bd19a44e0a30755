"""RawDocument -> Article: main text and metadata out of page clutter.

PLACEHOLDER: keeps every non-empty line; the cleaner is being written.
"""

from __future__ import annotations

from framediff.model import Article, RawDocument


def clean_document(raw: RawDocument, presplit: bool = False) -> Article:
    """The article body and metadata of one raw document."""
    lines = [line.strip() for line in raw.content.splitlines() if line.strip()]
    if presplit or raw.sentences is not None:
        given = raw.sentences if raw.sentences is not None else tuple(lines)
        return Article(
            origin=raw.origin,
            text="\n".join(given),
            presplit=tuple(given),
            title=raw.title,
            label=raw.label,
            doc_id=raw.doc_id,
        )
    return Article(
        origin=raw.origin,
        text="\n\n".join(lines),
        title=raw.title,
        label=raw.label,
        doc_id=raw.doc_id,
    )
