"""Comparison -> rich terminal output. PLACEHOLDER until the rich renderer lands."""

from __future__ import annotations

from typing import TextIO

from framediff.model import Comparison
from framediff.render.text import comparison_to_text


def print_comparison(comparison: Comparison, stream: TextIO) -> None:
    stream.write(comparison_to_text(comparison))
