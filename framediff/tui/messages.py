"""Small typed messages the analysis worker and the widgets send up to the app."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from framediff.model import Comparison, SkippedInput


class Progress(Message):
    """The analysis reached ``stage``; ``fraction`` of the whole run is done."""

    def __init__(self, stage: str, fraction: float) -> None:
        super().__init__()
        self.stage = stage
        self.fraction = fraction


class SourceFailed(Message):
    """One SOURCE could not be read; the others go on."""

    def __init__(self, location: str, error: str) -> None:
        super().__init__()
        self.location = location
        self.error = error


class InputsSkipped(Message):
    """Articles of a corpus (JSONL lines, files of a directory) that could not be read."""

    def __init__(self, skipped: Sequence[SkippedInput]) -> None:
        super().__init__()
        self.skipped = tuple(skipped)


class Loaded(Message):
    """The comparison is ready."""

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison


class LoadFailed(Message):
    """Nothing to compare: fewer than two articles could be read, or the analysis failed."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class CursorMoved(Message):
    """The grid's cursor moved to row ``row`` (a layout row index) and column ``source``."""

    def __init__(self, row: int | None, source: str | None) -> None:
        super().__init__()
        self.row = row
        self.source = source


class RowChosen(Message):
    """The user asked for the details of row ``row`` (enter or a double click)."""

    def __init__(self, row: int) -> None:
        super().__init__()
        self.row = row
