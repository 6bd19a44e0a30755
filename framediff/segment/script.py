"""Sentence boundaries for languages other than English, from each script's own
sentence-final punctuation: no model, no abbreviations beyond what the shared
repair rules undo.
"""

from __future__ import annotations

import re

# A sentence end, then any closing quotes or brackets that belong to it:
# - CJK and other scripts' full stops and marks, which need no space after them
#   (。！？｡ ︒ ﹒﹗﹖, Arabic ؟ ۔, Devanagari । ॥, Armenian ։, Ethiopic ።,
#   Myanmar ။, Tibetan །; Thai marks sentences with spaces alone and is
#   left in one piece per line);
# - the fullwidth full stop ．, unless a digit follows ("３．５");
# - Latin . ! ? (Latin, Cyrillic, Greek scripts), only before white space or
#   the end of the line, so "3.5" and "example.com" stay whole;
# - ASCII ! ? typed in CJK text, right before a kana, ideograph or hangul.
_SCRIPT_END_RE = re.compile(
    r"(?:[。！？｡︒﹒﹗﹖؟۔।॥։።။།]+|．(?![0-9０-９])|[.!?…]+(?=[\"'”’»›」』）)\]]*(?:\s|$))"
    r"|[!?]+(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]))"
    r"[\"'”’»›」』）)\]]*"
)


def script_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets in ``text`` where a sentence ends within ``text[start:end]`` (one line)."""
    return [match.end() for match in _SCRIPT_END_RE.finditer(text, start, end) if match.end() < end]
