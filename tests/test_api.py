"""The Python API of CONTRACT.md: load, compare, align, similarity, group."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import framediff

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REUTERS = SEEDS / "000_25922bad8d9c08c5.txt"
SAU = SEEDS / "001_a426523f9bff1c04.txt"


def test_align_and_similarity_stay_functions_after_their_modules_load() -> None:
    # Loading every stage module must not shadow the API functions with modules.
    import framediff.pipeline

    assert framediff.pipeline.compare

    for _ in range(2):
        links = framediff.align(
            ["The U.S. casts China as its biggest competitor.", "It rained in Paris."],
            ["Washington sees China as its biggest competitor.", "Markets fell."],
        )
        assert links and links[0][:2] == (0, 0)
        assert all(i != 1 or j != 1 for i, j, _ in links)
        assert framediff.similarity("Three people died.", "Three people died.") == 1.0


def test_similarity_is_symmetric_and_ranks_shared_content_higher() -> None:
    a = "The fire killed three people in the bank on Wednesday."
    b = "Three people died in the bank fire on Wednesday."
    c = "The central bank raised interest rates on Wednesday."
    assert framediff.similarity(a, b) == framediff.similarity(b, a)
    assert framediff.similarity(a, b) > framediff.similarity(a, c)


def test_load_compare_and_group_on_the_seeds() -> None:
    articles = framediff.load(str(REUTERS))
    assert [a.outlet for a in articles] == ["Reuters"]
    result = framediff.compare([str(REUTERS), str(SAU)], labels=["R", "S"])
    assert [doc.label for doc in result.documents] == ["R", "S"]
    assert result.to_dict()["schema"] == "framediff/1"
    assert result.to_json().startswith("{")
    assert result.to_markdown().startswith("# ")
    groups = framediff.group([str(REUTERS), str(SAU), str(SEEDS / "002_9d8298998e40080e.txt")])
    assert [a.outlet for a in groups[0]] == ["Reuters", "South Asian Update"]
    assert len(groups) == 2


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "framediff", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"framediff {framediff.__version__}"
