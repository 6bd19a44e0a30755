"""Unique content that reports a source's silence ranks with the attribution findings."""

from __future__ import annotations

from pathlib import Path

from framediff.config import Settings
from framediff.model import SentenceRef
from framediff.pipeline import compare

WIRE = [
    "The two presidents spoke by phone on Tuesday about trade and energy, the Kremlin said.",
    "They agreed to meet again before the end of the year, according to the Kremlin.",
    "Gas exports through the northern pipeline rose 4% last month.",
]
OTHER = [
    "The two presidents spoke by phone on Tuesday about trade and energy, the Kremlin said.",
    "The Chinese readout did not mention energy, which Moscow listed first.",
    "Gas exports through the northern pipeline rose 4% last month.",
    "Officials in both capitals praised the harvest festival in a separate statement.",
]


def _write(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_reported_silence_outranks_plain_unique_content(tmp_path: Path) -> None:
    sources = [_write(tmp_path / "wire.txt", WIRE), _write(tmp_path / "other.txt", OTHER)]
    result = compare(sources, settings=Settings(presplit=True))
    unique = {
        result.sentence(SentenceRef(f.evidence[0].source, f.evidence[0].sentence)).text: f
        for f in result.analysis.findings
        if f.kind == "unique"
    }
    silence = unique["The Chinese readout did not mention energy, which Moscow listed first."]
    assert silence.detail["reports_silence"] is True
    assert "left out" in silence.summary
    plain = [f for text, f in unique.items() if "harvest festival" in text]
    assert plain and plain[0].detail["reports_silence"] is False
    # Same kind, same measured weight; the silence ranks first within it.
    assert silence.weight == plain[0].weight
    order = [f.id for f in result.analysis.findings]
    assert order.index(silence.id) < order.index(plain[0].id)
