"""The findings panel: one option per finding, strongest first; selecting one is
handled by the app (it jumps to the finding's row)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from framediff.model import Finding
from framediff.render.theme import glyph, style
from framediff.text import strip_control


class FindingsPanel(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        self.clear_options()
        self.border_title = f"findings ({len(self.findings)})"
        if not self.findings:
            self.add_option(Option(Text("no findings", style="dim"), disabled=True))
            return
        self.add_options(self._option(finding) for finding in self.findings)

    @staticmethod
    def _option(finding: Finding) -> Option:
        text = Text()
        text.append(f"{glyph(finding.kind)} ", style=style("fd.glyph"))
        text.append(strip_control(finding.summary))
        text.append(f" {finding.weight:.2f}", style=style("fd.meta"))
        return Option(text, id=finding.id)

    def finding(self, finding_id: str | None) -> Finding | None:
        return next((f for f in self.findings if f.id == finding_id), None)

    def highlight_finding(self, finding_id: str) -> None:
        ids = [f.id for f in self.findings]
        if finding_id in ids:
            self.highlighted = ids.index(finding_id)
