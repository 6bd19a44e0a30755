"""Comparison -> GitHub-flavoured markdown report. PLACEHOLDER until the report lands."""

from __future__ import annotations

from framediff.model import Comparison
from framediff.render.text import comparison_to_text


def render_markdown(comparison: Comparison) -> str:
    return "# framediff report\n\n```\n" + comparison_to_text(comparison) + "```\n"
