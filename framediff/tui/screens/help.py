"""The ``?`` screen: every key and what it does."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from framediff.render.theme import GLYPHS, style

KEYS: tuple[tuple[str, str], ...] = (
    ("j / k, ↓ / ↑", "next / previous row"),
    ("← / →, h / l", "previous / next column (the view scrolls sideways)"),
    ("PgDn / PgUp, g / G", "page down / up, first / last row"),
    ("n / N", "next / previous row with a finding"),
    ("enter", "details of the row: word diffs of every pair, attributions, quotes"),
    ("f", "filter: all rows, differences only, unique only, rows with findings"),
    ("r", "choose the reference source (rows and word changes are read against it)"),
    ("1-9", "hide or show source 1-9"),
    ("/", "search the text; enter jumps to the next match"),
    ("tab", "move between the rows and the findings panel"),
    ("e", "export the markdown report (asks for a file; never overwrites silently)"),
    ("?", "this help"),
    ("q", "quit"),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "close")]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, meaning in KEYS:
            table.add_row(key, meaning)
        legend = Text.assemble(
            "\nWords are marked against the reference: ",
            ("inserted", style("fd.insert")),
            ", ",
            ("changed", style("fd.change")),
            ", ",
            ("removed", style("fd.delete")),
            "; ",
            ("who a sentence credits", style("fd.attribution")),
            ". Glyphs in the left margin mark findings: ",
            " ".join(f"{mark} {kind.replace('_', ' ')}" for kind, mark in GLYPHS.items()),
            ".",
        )
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static(Text.assemble(("framediff: keys", "bold")))
            yield Static(table)
            yield Static(legend)
            yield Static(Text("\nescape closes", style="dim"))
