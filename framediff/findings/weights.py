"""The weight a reader sees on a finding: the measured chance that a finding like it is
true, from blind judgements on real coverage (``framediff/data/finding_weights.json``,
refitted by ``python benchmarks/eval_real_findings.py --fit``), smoothed toward a prior so
that a kind judged a few times only cannot claim certainty. "Like it" is its kind and, for
unique content, how much of it there is: a fragment of a few words proved clutter or colour
far more often than a paragraph of new facts. Decided here alone: detectors give a strength
that orders findings of one kind, never the weight.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from typing import Any

from framediff.gazetteer import DATA_DIR

# The prior: one true finding in four, the share judged true over all kinds when findings
# on real coverage were first judged blind (80 of 336), worth sixteen judgements: the
# strength with the least leave-one-event-out log loss over the judged findings
# (`eval_real_findings.py --prior-cv`: 0.583 at four, 0.577 at sixteen, 0.578 at 32).
# Weaker, a kind judged a dozen times swung with each new verdict.
PRIOR_TRUE = 4.0
PRIOR_JUDGED = 16.0
# Size bands (upper bounds in words of the evidence sentences, the last band open) a kind
# is judged by. Unique content: the judged share true rose with its length, from none of 17
# findings of up to 8 words to 0.59 of 54 of over 80 words; the bounds keep each band at
# 40+ judgements.
WORD_BANDS: dict[str, tuple[int, ...]] = {"unique": (12, 40, 80)}


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (DATA_DIR / "finding_weights.json").read_text(encoding="utf-8")
    )
    return data


def _smoothed(true: int, judged: int) -> float:
    return round((true + PRIOR_TRUE) / (judged + PRIOR_JUDGED), 3)


def kind_weight(kind: str) -> float:
    """The smoothed share of findings of ``kind`` judged true: (true + PRIOR_TRUE) /
    (judged + PRIOR_JUDGED)."""
    true, judged = _data()["kinds"].get(kind, (0, 0))
    return _smoothed(int(true), int(judged))


def evidence_words(sentences: Iterable[str]) -> int:
    """The size a finding is measured by: words, split at white space, of its distinct
    evidence sentences (``sentences``)."""
    return sum(len(text.split()) for text in sentences)


def word_band(kind: str, words: int) -> int | None:
    """The size band of a finding of ``kind`` whose evidence holds ``words`` words, or
    ``None`` when the kind is judged as a whole."""
    bounds = WORD_BANDS.get(kind)
    return None if bounds is None else bisect_left(bounds, words)


def finding_weight(kind: str, words: int) -> float:
    """The smoothed share judged true of findings of ``kind`` in the size band of
    ``words``; of the kind as a whole when it has no bands (or none were fitted)."""
    band = word_band(kind, words)
    bands = _data().get("bands", {}).get(kind)
    if band is None or bands is None:
        return kind_weight(kind)
    true, judged = bands[band]
    return _smoothed(int(true), int(judged))
