"""The weight a reader sees on a finding: the measured chance that a finding of its kind
is true, from blind judgements on real coverage (``framediff/data/finding_weights.json``,
refitted by ``python benchmarks/eval_real_findings.py --fit``), smoothed toward a prior so
that a kind judged a few times only cannot claim certainty. Decided here alone: detectors
give a strength that orders findings of one kind, never the weight.
"""

from __future__ import annotations

import json
from functools import cache

from framediff.gazetteer import DATA_DIR

# The prior: one true finding in four, the share judged true over all kinds when findings
# on real coverage were first judged blind (80 of 336), worth four judgements.
PRIOR_TRUE = 1.0
PRIOR_JUDGED = 4.0


@cache
def _judged() -> dict[str, tuple[int, int]]:
    data = json.loads((DATA_DIR / "finding_weights.json").read_text(encoding="utf-8"))
    return {kind: (int(true), int(judged)) for kind, (true, judged) in data["kinds"].items()}


def kind_weight(kind: str) -> float:
    """The smoothed share of findings of ``kind`` judged true: (true + 1) / (judged + 4)."""
    true, judged = _judged().get(kind, (0, 0))
    return round((true + PRIOR_TRUE) / (judged + PRIOR_JUDGED), 3)
