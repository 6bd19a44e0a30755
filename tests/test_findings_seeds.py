"""The findings issue's acceptance on seeds 000 (Reuters), 001 (South Asian Update) and
003 (HKFP), read raw through the command line: `framediff compare ... --format json`."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from framediff.cli import main

SEEDS = [
    "seeds/000_25922bad8d9c08c5.txt",
    "seeds/001_a426523f9bff1c04.txt",
    "seeds/003_3d4fac5826f8fb52.txt",
]


@pytest.fixture(scope="module")
def payload() -> dict[str, Any]:
    out = io.StringIO()
    assert main(["compare", *SEEDS, "--format", "json"], stdout=out) == 0
    return json.loads(out.getvalue())


def _source(payload: dict[str, Any], seed: str) -> str:
    return next(s["id"] for s in payload["sources"] if s["origin"].endswith(seed))


def _evidence_texts(payload: dict[str, Any], finding: dict[str, Any]) -> dict[str, list[str]]:
    texts = {(s["id"], x["index"]): x["text"] for s in payload["sources"] for x in s["sentences"]}
    found: dict[str, list[str]] = {}
    for ev in finding["evidence"]:
        found.setdefault(ev["source"], []).append(texts[(ev["source"], ev["sentence"])])
    return found


def _has(
    payload: dict[str, Any], kinds: set[str], needs: dict[str, str], missing: str | None = None
) -> bool:
    """A finding of one of ``kinds`` whose evidence has, per source id, a sentence
    containing the given text (and ``missing`` among its sources_missing)."""
    for finding in payload["findings"]:
        if finding["kind"] not in kinds:
            continue
        if missing and missing not in finding["sources_missing"]:
            continue
        texts = _evidence_texts(payload, finding)
        if all(any(sub in t for t in texts.get(src, [])) for src, sub in needs.items()):
            return True
    return False


def test_attribution_of_the_us_relations_claim_differs(payload: dict[str, Any]) -> None:
    reuters, sau = _source(payload, SEEDS[0]), _source(payload, SEEDS[1])
    assert _has(
        payload,
        {"attribution_shift", "attribution_dropped"},
        {
            reuters: "discussed their relations with the United States",
            sau: "discussed their relations with the United States",
        },
    )


def test_hkfp_notes_the_chinese_readout_left_out_washington(payload: dict[str, Any]) -> None:
    hkfp = _source(payload, SEEDS[2])
    kinds = {f["kind"] for f in payload["findings"]}
    assert _has(
        payload,
        kinds,
        {
            hkfp: "It did not mention ties with Washington, which Moscow said was also on the agenda."
        },
    )


@pytest.mark.parametrize(
    "addition",
    [
        "This suggests an ongoing",
        "signals a shared ambition",
        "highlights the comprehensive nature",
    ],
)
def test_editorial_additions_of_001(payload: dict[str, Any], addition: str) -> None:
    assert _has(payload, {"editorializing"}, {_source(payload, SEEDS[1]): addition})


def test_gaza_only_in_003(payload: dict[str, Any]) -> None:
    assert _has(payload, {"unique", "entity_coverage"}, {_source(payload, SEEDS[2]): "Gaza"})


@pytest.mark.parametrize("topic", ["Korean", "Iranian nuclear"])
def test_korea_and_iran_missing_from_000(payload: dict[str, Any], topic: str) -> None:
    reuters, hkfp = _source(payload, SEEDS[0]), _source(payload, SEEDS[2])
    assert _has(payload, {"omission", "entity_coverage"}, {hkfp: topic}, missing=reuters)


def test_wording_of_the_2022_invasion(payload: dict[str, Any]) -> None:
    reuters, sau = _source(payload, SEEDS[0]), _source(payload, SEEDS[1])
    assert _has(payload, {"wording"}, {reuters: "troops into Ukraine", sau: "invasion of Ukraine"})


def test_001_follows_000(payload: dict[str, Any]) -> None:
    reuters, sau = _source(payload, SEEDS[0]), _source(payload, SEEDS[1])
    derived = [f for f in payload["findings"] if f["kind"] == "derived_text"]
    assert any(
        f["detail"]["follower"] == sau and f["detail"]["original"] == reuters for f in derived
    )


def test_findings_are_ranked_and_numbered(payload: dict[str, Any]) -> None:
    findings = payload["findings"]
    assert [f["id"] for f in findings] == [f"f{n + 1}" for n in range(len(findings))]
    weights = [f["weight"] for f in findings]
    assert weights == sorted(weights, reverse=True)
    # A finding's weight is the measured share of true findings of its kind (and, for
    # unique content, of its size band), decided in one place.
    from framediff.findings.weights import finding_weight

    sentences = {s["id"]: [x["text"] for x in s["sentences"]] for s in payload["sources"]}
    for f in findings:
        refs = dict.fromkeys((e["source"], e["sentence"]) for e in f["evidence"])
        words = sum(len(sentences[source][index].split()) for source, index in refs)
        assert f["weight"] == finding_weight(f["kind"], words)
    labels = {s["label"] for s in payload["sources"]}
    for finding in findings:
        assert finding["evidence"]
        assert any(label in finding["summary"] for label in labels)


def test_evidence_spans_lie_inside_their_sentences(payload: dict[str, Any]) -> None:
    sentences = {(s["id"], x["index"]): x for s in payload["sources"] for x in s["sentences"]}
    texts = {s["id"]: s["text"] for s in payload["sources"]}
    for finding in payload["findings"]:
        assert "\n" not in finding["summary"]
        for ev in finding["evidence"]:
            sentence = sentences[(ev["source"], ev["sentence"])]
            assert sentence["start"] <= ev["start"] < ev["end"] <= sentence["end"]
            assert texts[ev["source"]][ev["start"] : ev["end"]].strip()


def test_a_sentence_quoting_what_another_source_quotes_is_not_its_own(
    payload: dict[str, Any],
) -> None:
    """South Asian Update quotes the talks' "prospects for resolving the Ukrainian crisis",
    which Reuters quotes too: a quotation two sources share is told in both, however the
    claim clusters form, so that sentence is no content South Asian Update carries alone."""
    sau = _source(payload, SEEDS[1])
    assert not _has(payload, {"unique"}, {sau: "prospects for resolving the Ukrainian crisis"})
