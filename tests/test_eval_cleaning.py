"""The cleaning evaluation gate: pooled body precision and recall and every page's
score stay at or above the floors pinned in benchmarks/eval_cleaning.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_cleaning", ROOT / "benchmarks" / "eval_cleaning.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_cleaning_meets_the_floors() -> None:
    evaluation = _eval_module()
    scores = evaluation.evaluate()
    names = {score.case for score in scores}
    # The five seeds and at least eight composed pages are all scored.
    assert sum(name.startswith("seed_") for name in names) == 5
    assert len(names) >= 13
    assert evaluation.failures(scores) == [], evaluation.render(scores)
    precision, recall, _ = evaluation.pooled(scores)
    assert precision >= evaluation.FLOOR_POOLED and recall >= evaluation.FLOOR_POOLED


def test_all_clutter_page_counts_as_an_error_page() -> None:
    evaluation = _eval_module()
    score = evaluation.score_page(ROOT / "fixtures" / "cleaning" / "text_all_clutter")
    assert score.error is not None and (score.precision, score.recall) == (1.0, 1.0)
