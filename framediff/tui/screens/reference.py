"""The ``r`` screen: pick the source rows and word changes are read against."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from framediff.model import Document
from framediff.text import strip_control


class ReferenceScreen(ModalScreen[str | None]):
    """Dismisses with the chosen source id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "cancel")]

    def __init__(self, documents: Sequence[Document], current: str | None) -> None:
        super().__init__()
        self.documents = list(documents)
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for number, doc in enumerate(self.documents, start=1):
            mark = "  (current)" if doc.id == self.current else ""
            options.append(Option(Text(f"{number}  {strip_control(doc.label)}{mark}"), id=doc.id))
        with Vertical(id="reference-box", classes="dialog"):
            yield Static(Text("Read rows and word changes against:", style="bold"))
            yield OptionList(*options, id="reference-list")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        ids = [doc.id for doc in self.documents]
        if self.current in ids:
            listing.highlighted = ids.index(self.current)
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
