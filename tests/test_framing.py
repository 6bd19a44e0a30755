"""Hedges, reporting-verb connotation, loaded terms and VADER valence."""

from __future__ import annotations

import pytest

from framediff.sentences.framing import (
    find_hedges,
    find_loaded_terms,
    reporting_verb_connotation,
    valence,
)

HEDGES = [
    pytest.param(
        "the dialogue reportedly explored prospects for resolving the crisis",
        ["reportedly"],
        id="seed001-reportedly",
    ),
    pytest.param(
        "China claims to be neutral in the conflict", ["claims to"], id="seed003-claims-to"
    ),
    pytest.param("This suggests an ongoing coordination", ["suggests"], id="seed001-suggests"),
    pytest.param(
        "The meeting might make it easier for Biden and Xi to meet", ["might"], id="seed004-might"
    ),
    pytest.param(
        "Witkoff is reportedly pushing, sources said",
        ["reportedly", "sources said"],
        id="two-hedges",
    ),
    pytest.param("The man appeared to listen calmly", ["appeared to"], id="appeared-to"),
    pytest.param(
        "Clashes broke out on May 28 near the border", [], id="may-as-month-is-not-a-hedge"
    ),
    pytest.param("The army killed 12 militants, officials said", [], id="plain-statement"),
]


@pytest.mark.parametrize(("text", "expected"), HEDGES)
def test_find_hedges(text: str, expected: list[str]) -> None:
    found = find_hedges(text)
    assert [c.normalized for c in found] == expected
    assert all(0 < c.strength <= 1 for c in found)


@pytest.mark.parametrize(
    ("verb", "connotation"),
    [
        ("said", "neutral"),
        ("told", "neutral"),
        ("added", "neutral"),
        ("insisted", "assertive"),
        ("stressed", "assertive"),
        ("declared", "assertive"),
        ("claimed", "doubtful"),
        ("alleged", "doubtful"),
        ("admitted", "conceding"),
        ("acknowledged", "conceding"),
        ("hailed", "positive"),
        ("praised", "positive"),
        ("slammed", "negative"),
        ("accused", "negative"),
        ("denied", "denial"),
        ("pointed out", "assertive"),
        ("walked", "unknown"),
    ],
)
def test_reporting_verb_connotation(verb: str, connotation: str) -> None:
    assert reporting_verb_connotation(verb) == connotation


LOADED = [
    pytest.param(
        "days before he sent tens of thousands of troops into Ukraine",
        "sent tens of thousands of troops into",
        id="seed000-sent-troops",
    ),
    pytest.param(
        "mere days before Russia launched its full-scale invasion of Ukraine",
        "full-scale invasion",
        id="seed001-full-scale",
    ),
    pytest.param("support for Moscow's invasion of Ukraine", "invasion", id="seed003-invasion"),
    pytest.param(
        "claims to be neutral in the conflict between Russia and Ukraine",
        "conflict",
        id="seed003-conflict",
    ),
    pytest.param(
        "Russia continuing its military operations",
        "military operations",
        id="seed001-military-operations",
    ),
    pytest.param(
        "what Moscow calls its special military operation", "special military operation", id="smo"
    ),
]


@pytest.mark.parametrize(("text", "term"), LOADED)
def test_war_labels_share_one_concept(text: str, term: str) -> None:
    found = {t.text: t for t in find_loaded_terms(text)}
    assert term in found
    assert found[term].concept == "armed conflict"


def test_connotation_orders_labels() -> None:
    def score(text: str) -> float:
        return find_loaded_terms(text)[0].connotation

    assert (
        score("a full-scale invasion")
        < score("the conflict")
        < score("a special military operation")
    )
    assert score("the rioters") < score("the protesters") < score("the activists")


@pytest.mark.parametrize(
    ("concept_a", "concept_b"),
    [("militants", "terrorists"), ("regime", "government"), ("protesters", "rioters")],
)
def test_alternatives_share_concept(concept_a: str, concept_b: str) -> None:
    (a,) = find_loaded_terms(f"the {concept_a} said")
    (b,) = find_loaded_terms(f"the {concept_b} said")
    assert a.concept == b.concept and a.connotation != b.connotation


def test_valence_from_vader() -> None:
    assert valence("hailed a great partnership") > 0.2
    assert valence("brutal attack") < -0.3
    assert valence("the ministry") == 0.0
