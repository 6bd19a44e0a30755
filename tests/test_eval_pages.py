"""The real-page benchmark's metric (benchmarks/eval_pages.py) on composed texts: 4-gram
shingles as multisets, per-page shares summing to 1, P/R/F1 from the page averages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_pages", ROOT / "benchmarks" / "eval_pages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_shingles_are_a_multiset_of_four_grams() -> None:
    evaluation = _eval_module()
    grams = evaluation.shingles("The river rose, the river rose again.")
    assert grams["The river rose the"] == 1  # case kept, as in the benchmark
    assert grams["river rose the river"] == 1
    assert sum(grams.values()) == 4  # 7 tokens -> 4 shingles
    # Fewer than four tokens: one shingle of them all; no tokens: none.
    assert evaluation.shingles("Floods, again") == {"Floods again": 1}
    assert evaluation.shingles(" -- ") == {}


def test_page_shares_sum_to_one() -> None:
    evaluation = _eval_module()
    gold = "Rain fell on the valley for six days and the dam held."
    assert evaluation.match(gold, gold) == (1.0, 0.0, 0.0)
    tp, fp, fn = evaluation.match(gold, "Menu Home World " + gold)
    assert fn == 0.0 and fp > 0.0 and tp + fp + fn == pytest.approx(1.0)
    tp, fp, fn = evaluation.match(gold, "")
    assert (tp, fp, fn) == (0.0, 0.0, 1.0)
    assert evaluation.match("", "") == (0.0, 0.0, 0.0)


def test_scores_average_shares_over_pages_then_take_f1() -> None:
    evaluation = _eval_module()
    gold = "Rain fell on the valley for six days and the dam held."
    perfect = evaluation.score("a", gold, gold)
    empty = evaluation.score("b", gold, "")
    precision, recall, f1 = evaluation.averages([perfect, empty])
    # tp averages to 0.5, fn to 0.5, fp to 0: P 1.0, R 0.5.
    assert (precision, recall) == (1.0, 0.5)
    assert f1 == pytest.approx(2 / 3)
    assert empty.lost == gold and perfect.lost is None and perfect.clutter is None


def test_first_lost_and_kept_clutter_sentences_are_named() -> None:
    evaluation = _eval_module()
    gold = "The bridge opened on Monday. Traffic eased within hours. Officials were pleased."
    got = "The bridge opened on Monday. Sign up for our daily newsletter. Officials were pleased."
    page = evaluation.score("k", gold, got)
    assert page.lost == "Traffic eased within hours."
    assert page.clutter == "Sign up for our daily newsletter."


def test_skips_without_the_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evaluation = _eval_module()
    assert evaluation.main(["--pages", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("skipped: no pages at")
