"""Finding weights: the measured share of true findings of a kind, and for unique content of
its size band (framediff/data/finding_weights.json), so a paragraph only one source carries
outranks a stray fragment only it carries."""

from __future__ import annotations

from framediff.alignment import _presplit_document
from framediff.findings.weights import WORD_BANDS, finding_weight, kind_weight, word_band
from framediff.pipeline import compare_documents

SHARED = [
    "The Harlow city council voted on Monday to close the Elm Street pool for the summer.",
    "Council members said repairs to the pool's pumps would cost $400,000.",
    "The pool has been open every summer since 1962.",
]
# Wire alone carries three sentences of new facts; Herald alone one short remark.
WIRE = [
    *SHARED,
    "The nearest other public pool is eleven miles away in the town of Stanwick.",
    "Lifeguards hired for the summer will be offered jobs at the city's two beaches.",
    "The vote was 6 to 1.",
]
HERALD = [*SHARED, "The decision disappointed many families."]


def test_unique_weight_grows_with_its_size_band() -> None:
    assert word_band("unique", 5) == 0 and word_band("unique", 200) == len(WORD_BANDS["unique"])
    assert word_band("omission", 200) is None
    assert (
        finding_weight("unique", 5) < finding_weight("unique", 30) < finding_weight("unique", 200)
    )
    # Kinds without bands keep the kind's own weight.
    assert (
        finding_weight("omission", 5) == finding_weight("omission", 500) == kind_weight("omission")
    )


def test_three_unique_sentences_outrank_a_five_word_remark() -> None:
    wire = _presplit_document("s1", WIRE)
    herald = _presplit_document("s2", HERALD)
    findings = compare_documents([wire, herald]).analysis.findings
    unique = {f.sources: f for f in findings if f.kind == "unique"}
    facts, remark = unique[("s1",)], unique[("s2",)]
    assert [e.sentence for e in facts.evidence] == [3, 4, 5]
    assert [e.sentence for e in remark.evidence] == [3]
    assert facts.weight == finding_weight("unique", 34) > remark.weight
    assert remark.weight == finding_weight("unique", 5)
    assert findings.index(facts) < findings.index(remark)
