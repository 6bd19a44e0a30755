"""Article -> sentences with character spans.

PLACEHOLDER: splits on newlines and full stops; the NLTK Punkt segmenter is being written.
"""

from __future__ import annotations

import re

from framediff.model import Article, Sentence

_SENTENCE_RE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)


def segment_article(article: Article) -> tuple[Sentence, ...]:
    """The sentences of ``article.text`` in order, as spans."""
    sentences: list[Sentence] = []
    for match in _SENTENCE_RE.finditer(article.text):
        start, end = match.span()
        while start < end and article.text[start].isspace():
            start += 1
        if start < end:
            sentences.append(Sentence(len(sentences), article.text[start:end], start, end))
    return tuple(sentences)
