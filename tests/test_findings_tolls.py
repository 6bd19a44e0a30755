"""Casualty figures compared across the sources of an event even where the sentences that
give them are not linked (framediff/findings/tolls.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framediff import compare
from framediff.config import Settings


def _compare(tmp_path: Path, texts: dict[str, list[str]]):
    paths = []
    for name, lines in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    labels = list(texts)
    return compare(paths, labels=labels, settings=Settings(presplit=True))


def _tolls(result) -> list[dict[str, list[str]]]:
    label = {doc.id: doc.label for doc in result.documents}
    return [
        {label[s]: v for s, v in f.detail["values"].items()}
        for f in result.analysis.findings
        if f.kind == "number_conflict" and "figure" in f.detail
    ]


def test_different_death_tolls_in_unlinked_sentences(tmp_path: Path) -> None:
    result = _compare(
        tmp_path,
        {
            "wire": [
                "A passenger jet crashed into a wall at Muan airport on Sunday.",
                "The national fire agency said the final death toll stood at 179.",
                "Two crew members were rescued from the tail section.",
            ],
            "daily": [
                "A passenger jet crashed into a wall at Muan airport on Sunday.",
                "Rescue teams worked through the night at the airport.",
                "The accident resulted in at least 124 fatalities.",
            ],
        },
    )
    assert _tolls(result) == [{"wire": ["179"], "daily": ["124"]}]


@pytest.mark.parametrize(
    "daily_line",
    [
        # The same toll, and figures of another time, make no finding.
        "The accident killed 179 people, the fire agency said.",
        "It was the deadliest crash since 1997, when 229 people were killed in Guam.",
        "In 2013, a similar crash killed 3 passengers at the same airport.",
    ],
)
def test_no_toll_finding(tmp_path: Path, daily_line: str) -> None:
    result = _compare(
        tmp_path,
        {
            "wire": [
                "A passenger jet crashed into a wall at Muan airport on Sunday.",
                "The national fire agency said the final death toll stood at 179.",
            ],
            "daily": [
                "A passenger jet crashed into a wall at Muan airport on Sunday.",
                daily_line,
            ],
        },
    )
    assert _tolls(result) == []


def test_an_updated_count_is_the_one_compared(tmp_path: Path) -> None:
    result = _compare(
        tmp_path,
        {
            "wire": [
                "A magnitude 7.8 earthquake struck southern Turkey and Syria on Monday.",
                "The quake killed at least 1,700 people, officials said.",
            ],
            "daily": [
                "A magnitude 7.8 earthquake struck southern Turkey and Syria on Monday.",
                "Initial reports claimed 10 deaths, but that number quickly increased to 86.",
            ],
        },
    )
    assert _tolls(result) == [{"wire": ["1,700"], "daily": ["86"]}]
