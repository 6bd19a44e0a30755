"""The one theme: semantic style names (``fd.*``) shared by the rich output and the app.

Every colour framediff shows outside ``tui/app.tcss`` is defined here. Styles stay
readable without colour (NO_COLOR): inserted words are bold, changed words
underlined, removed words struck through.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.style import Style
    from rich.theme import Theme

STYLES: dict[str, str] = {
    "fd.insert": "bold green",
    "fd.change": "underline yellow",
    "fd.delete": "strike red",
    "fd.missing": "dim italic",
    "fd.attribution": "italic cyan",
    "fd.quote": "magenta",
    "fd.entity": "blue",
    "fd.label": "bold",
    "fd.meta": "dim",
    "fd.glyph": "bold magenta",
    "fd.finding": "bold",
    "fd.weight": "cyan",
    "fd.kind": "magenta",
    "fd.match": "reverse",
    "fd.error": "bold red",
    "fd.heading": "bold underline",
}

# One glyph per finding kind, shown in the row gutter of the app and the rich table.
GLYPHS: dict[str, str] = {
    "attribution_shift": "⇄",
    "attribution_dropped": "⊘",
    "quote_altered": "❞",
    "quote_to_paraphrase": "❝",
    "omission": "∅",
    "unique": "★",
    "editorializing": "✎",
    "wording": "≈",
    "hedging": "~",
    "number_conflict": "#",
    "entity_coverage": "◎",
    "derived_text": "≡",
    "different_event": "≠",
}
DEFAULT_GLYPH = "•"


def glyph(kind: str) -> str:
    return GLYPHS.get(kind, DEFAULT_GLYPH)


@cache
def theme() -> Theme:
    """The rich Theme of the ``fd.*`` names (built lazily: rich is imported here only)."""
    from rich.theme import Theme

    return Theme(STYLES)


@cache
def style(name: str) -> Style:
    """The rich Style of one semantic name (or a plain style string)."""
    from rich.style import Style

    return Style.parse(STYLES.get(name, name))


def glyphs(kinds: Iterable[str]) -> str:
    """One glyph per distinct kind, in order: the marks of a row."""
    return "".join(dict.fromkeys(glyph(kind) for kind in kinds))
