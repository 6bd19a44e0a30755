"""Sentence similarity: invariants, normalisation, numbers, datelines and word opcodes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_words import NEWS_WORDS

from framediff.scoring import (
    normalize_word,
    numbers_conflict,
    sentence_features,
    similarity,
    word_opcodes,
)

WORDS = st.sampled_from([*NEWS_WORDS, "Sergey", "Sergei"])
SENTENCES = st.lists(WORDS, min_size=0, max_size=14).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(SENTENCES, SENTENCES)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    forward, backward = similarity(a, b), similarity(b, a)
    assert forward == backward
    assert 0.0 <= forward <= 1.0


@settings(max_examples=25, deadline=None)
@given(SENTENCES)
def test_identical_sentences_score_one(a: str) -> None:
    assert similarity(a, a) == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergey", "Sergei"),
        ("Zelenskiy", "Zelensky"),
        ("defence", "defense"),
        ("analysed", "analyzed"),
        ("kilometres", "kilometers"),
        ("revitalisation", "revitalization"),
        ("neighbours", "neighbor"),
        ("fled", "flee"),
        ("died", "death"),
        ("discussed", "discusses"),
        ("Russia's", "Russian"),
        ("fourteenth", "14"),
        ("striking", "struck"),
        ("strikes", "strike"),
        ("leaving", "left"),
    ],
    ids=lambda value: value,
)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert normalize_word(a) == normalize_word(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Russia", "Belarus"), ("fled", "fired"), ("minister", "ministry")]
)
def test_different_words_keep_different_keys(a: str, b: str) -> None:
    assert normalize_word(a) != normalize_word(b)


def test_title_case_headline_words_are_not_names() -> None:
    headline = sentence_features("Three Killed In Athens Bank Fire Amid Strike")
    assert not headline.names
    assert normalize_word("Athens") in headline.weak_names
    body = sentence_features("Rioters set fire to a bank in Athens during a general strike.")
    assert normalize_word("Athens") in body.names


SEED_000 = (
    "The U.S. casts China as its biggest competitor and Russia as its biggest nation-state threat."
)
SEED_001 = (
    "This partnership stands in stark contrast to the United States' strategic assessments, "
    "which categorize China as its primary geopolitical competitor and Russia as its most "
    "significant nation-state threat."
)


def test_paraphrase_inside_a_longer_sentence_scores_high() -> None:
    assert similarity(SEED_000, SEED_001) >= 0.5


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Zelensky said Ukraine urgently needed more Patriot systems to protect its cities.",
            "Zelenskiy also said Ukraine would hold no elections while martial law was in force.",
        ),
        (
            "Police arrested two men on suspicion of burglary after a break-in at a pharmacy.",
            "Police said the pharmacy had been targeted twice last year.",
        ),
        (SEED_000, "Beijing regularly calls for an end to the fighting in Ukraine."),
    ],
    ids=["same-speaker-other-claim", "same-place-other-claim", "same-topic"],
)
def test_same_names_different_claim_scores_low(a: str, b: str) -> None:
    assert similarity(a, b) < 0.5


def test_numbers_that_count_the_same_thing_conflict() -> None:
    a = sentence_features("Russian forces launched 40 drones overnight, the air force said.")
    b = sentence_features("Russia fired 45 drones at Ukraine overnight, the air force said.")
    c = sentence_features("Russia fired 40 drones at Ukraine overnight.")
    assert numbers_conflict(a, b)
    assert not numbers_conflict(a, c)


def test_number_words_and_units_are_read() -> None:
    features = sentence_features("It was the fourteenth rise, to 5.25% and $2.1bn in 1,000 homes.")
    values = {value for value, _ in features.numbers}
    assert {"14", "5.25", "2.1", "1000"} <= values


@pytest.mark.parametrize(
    "text",
    ["WEDNESDAY, APRIL 24, 2013, 10: 34 AM", "16 September 2013 Last updated at 12: 42 GMT"],
)
def test_datelines_carry_no_claim(text: str) -> None:
    assert sentence_features(text).claimless
    assert similarity(text, "April 24, 2013 - 4: 45pm") == 0.0


def test_claims_are_not_datelines() -> None:
    assert not sentence_features("On Sunday the ministers met in Beijing.").claimless


def test_word_opcodes_map_words_to_character_spans() -> None:
    a = "The quick brown fox jumps."
    b = "The slow brown fox leaps over."
    ops = word_opcodes(a, b, offset_a=100, offset_b=7)
    tags = [op.tag for op in ops]
    assert tags == ["equal", "replace", "equal", "replace"]
    replace = ops[1]
    assert a[replace.a_start - 100 : replace.a_end - 100] == "quick"
    assert b[replace.b_start - 7 : replace.b_end - 7] == "slow"
    last = ops[3]
    assert a[last.a_start - 100 : last.a_end - 100] == "jumps"
    assert b[last.b_start - 7 : last.b_end - 7] == "leaps over"


def test_word_opcodes_keep_repeated_words() -> None:
    # autojunk=False: with the default, words frequent in long sequences would be ignored.
    a = " ".join(["the"] * 120 + ["end"])
    b = " ".join(["the"] * 120 + ["stop"])
    ops = word_opcodes(a, b)
    assert ops[0].tag == "equal" and ops[0].a_end == len(" ".join(["the"] * 120))


def test_word_opcodes_of_an_insertion_are_empty_on_one_side() -> None:
    ops = word_opcodes("Lavrov met Wang.", "Lavrov met Wang in Beijing.")
    insert = [op for op in ops if op.tag == "insert"]
    assert len(insert) == 1 and insert[0].a_start == insert[0].a_end


def test_background_frequencies_equal_wordfreq_for_every_seed_word() -> None:
    """The direct table read for plain words must give exactly what word_frequency gives."""
    from pathlib import Path

    from wordfreq import word_frequency

    from framediff.scoring import WORDS_PER_SENTENCE, _background

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    surfaces: dict[str, str] = {}
    for path in sorted(seeds.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            surfaces.update(sentence_features(line).surfaces)
    # Words that take the slow path: two words, digits, accents, capitals, nonsense.
    for word in ("united states", "covid-19", "naïve", "NATO", "zzzqqq", "g7"):
        surfaces[f"extra {word}"] = word
    assert len(surfaces) > 500
    background = _background(surfaces)
    for term, word in surfaces.items():
        expected = min(1.0, WORDS_PER_SENTENCE * word_frequency(word, "en"))
        assert background[term] == expected, word


@pytest.mark.parametrize(
    ("text", "numbers", "kept"),
    [
        ("a 12-minute press conference", {("12", "minut")}, None),
        ("after three-hour talks", {("3", "hour")}, None),
        ("the 7.8-magnitude quake", {("7.8", "magnitud")}, None),
        ("the magnitude-6.8 earthquake", {("6.8", "earthquak")}, "magnitud"),
        ("a COVID-19 ward", set(), "covid-19"),
        ("the G-20 summit", set(), None),
        ("in self-defence", set(), "self-defens"),
        ("US-Russia relations", set(), None),
    ],
)
def test_figure_unit_compounds(text: str, numbers: set[tuple[str, str]], kept: str | None) -> None:
    features = sentence_features(text)
    assert set(features.numbers) == numbers
    if kept:
        assert any(term.startswith(kept[:8]) for term in features.terms)


def test_figure_unit_compound_agrees_with_the_figure_and_unit() -> None:
    # Real coverage: the same fact, once as "12 minutes", once as "a 12-minute ... conference".
    a = "The news conference lasted a little over 12 minutes."
    b = (
        "The three-hour meeting ended with a 12-minute joint press conference during which "
        "the leaders declined to take questions from journalists."
    )
    assert similarity(a, b) >= 0.5
