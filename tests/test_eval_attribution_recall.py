"""The attribution-recall benchmark's gold (benchmarks/attribution_recall_gold.json) is
well-formed: every difference names two sentences of two articles of one event, a kind and
a verdict the table counts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_attribution_recall as recall  # noqa: E402


def test_every_listed_difference_names_two_sentences_of_its_event() -> None:
    gold = recall.load_gold()
    assert sum(d["verdict"] == "difference" for d in gold) >= 30
    for difference in gold:
        assert difference["kind"] in ("shift", "dropped")
        assert difference["verdict"] in ("difference", "debatable")
        articles = []
        for side in ("a", "b"):
            match = re.fullmatch(r"(\S+) s(\d+)", difference[side])
            assert match, difference
            articles.append(match.group(1))
            # Article ids are "<topic>_<number>ecb[plus]", of the event's topic.
            assert match.group(1).split("_")[0] == difference["event"].split("_")[0]
        assert articles[0] != articles[1], difference
