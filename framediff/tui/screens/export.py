"""The ``e`` screen: ask where to write the markdown report; an existing file is only
replaced after the user confirms it with a second enter on the same path.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the path to write (confirmed if it exists), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "cancel")]

    def __init__(self, default: str = "framediff-report.md") -> None:
        super().__init__()
        self.default = default
        self.confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text("Write the markdown report to:", style="bold"))
            yield Input(value=self.default, id="export-path")
            yield Static(Text("enter writes · escape cancels", style="dim"), id="export-note")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _note(self, message: str, warn: bool = False) -> None:
        note = self.query_one("#export-note", Static)
        note.set_class(warn, "-warning")
        note.update(Text(message))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            self._note("give a file name", warn=True)
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            self._note(f"{raw} is a directory", warn=True)
            return
        if not path.parent.is_dir():
            self._note(f"no such directory: {path.parent}", warn=True)
            return
        if path.exists() and self.confirmed != path:
            self.confirmed = path
            self._note(f"{raw} exists: press enter again to overwrite it", warn=True)
            return
        self.dismiss(path)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.confirmed = None

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
