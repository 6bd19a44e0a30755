"""Sentence similarity: the score's components and word-level opcodes.

PLACEHOLDER: word Jaccard only; the paraphrase-aware scorer is being written.
"""

from __future__ import annotations

from framediff.text import words


def similarity(sentence_a: str, sentence_b: str) -> float:
    """Symmetric similarity in [0, 1]; 1.0 for identical sentences."""
    a = {w.lower() for w in words(sentence_a)}
    b = {w.lower() for w in words(sentence_b)}
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
