"""Article -> sentences as character spans into ``Article.text``.

Owns sentence boundaries only. Every line (paragraph, headline, standfirst) is
split on its own, so no sentence crosses a newline of any kind. English goes
through NLTK's Punkt (loaded on the first split, from data shipped with
framediff), other languages through their script's sentence-final
punctuation; news-specific repairs then undo wrong boundaries (see
``framediff.segment.repair``). User-given sentences (``presplit``) are kept as
they are.
"""

from __future__ import annotations

import re

from framediff.model import Article, Sentence
from framediff.segment.english import english_cuts
from framediff.segment.repair import Span, repair
from framediff.segment.rules import ORDINAL_DOT_LANGUAGES
from framediff.segment.script import script_cuts

__all__ = ["segment_article", "segment_text"]

# One line: a run of characters between line breaks, taking every break
# str.splitlines knows (\n \r \v \f \x1c-\x1e \x85 \u2028 \u2029).
_LINE_RE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")

# Sentence-final marks of scripts Punkt's English model does not know; an
# article of undetermined language holding any is not split as English.
_NON_LATIN_ENDS_RE = re.compile(r"[。！？｡．؟۔।॥։።။།]")

_UNDETERMINED = frozenset({"", "und", "mul", "zxx", "unknown"})


def segment_article(article: Article) -> tuple[Sentence, ...]:
    """The sentences of ``article.text`` in order, as spans that round-trip."""
    if article.presplit is not None:
        spans = _presplit_spans(article.text, article.presplit)
    else:
        spans = _split_spans(article.text, article.language)
    return tuple(
        Sentence(index, article.text[start:end], start, end)
        for index, (start, end) in enumerate(spans)
    )


def segment_text(text: str, language: str = "en") -> list[str]:
    """The sentences of ``text`` as strings: a convenience for tests and scripts."""
    spans = _split_spans(text, language)
    return [text[start:end] for start, end in spans]


def _base_language(language: str | None) -> str:
    """The primary language subtag in lower case ("en" for "EN-gb"), "" when unset."""
    return (language or "").strip().lower().replace("_", "-").split("-")[0]


def _is_english(language: str | None, text: str) -> bool:
    code = _base_language(language)
    if code == "en":
        return True
    if code in _UNDETERMINED:
        return _NON_LATIN_ENDS_RE.search(text) is None
    return False


def _stripped(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_spans(text: str, language: str | None) -> list[Span]:
    english = _is_english(language, text)
    ordinal_dots = _base_language(language) in ORDINAL_DOT_LANGUAGES
    spans: list[Span] = []
    for line in _LINE_RE.finditer(text):
        start, end = _stripped(text, *line.span())
        if start == end:
            continue
        cuts = english_cuts(text, start, end) if english else script_cuts(text, start, end)
        pieces = []
        for piece_start, piece_end in zip([start, *cuts], [*cuts, end], strict=True):
            piece = _stripped(text, piece_start, piece_end)
            if piece[0] < piece[1]:
                pieces.append(piece)
        spans.extend(repair(text, pieces, english, ordinal_dots))
    return spans


def _presplit_spans(text: str, lines: tuple[str, ...]) -> list[Span]:
    """One span per given line; the text is those lines joined by newlines."""
    if "\n".join(lines) != text:
        # Not the promised layout: fall back to one sentence per text line.
        lines = tuple(text.split("\n"))
    spans: list[Span] = []
    offset = 0
    for line in lines:
        start, end = _stripped(text, offset, offset + len(line))
        if start < end:
            spans.append((start, end))
        offset += len(line) + 1
    return spans
