"""Quotations: marks versus apostrophes, direct versus partial, quotes across sentences."""

from __future__ import annotations

import pytest

from framediff.sentences.quotes import find_quotes

CASES = [
    pytest.param(
        '"The parties also discussed relations with the United States," the Foreign Ministry said.',
        [("The parties also discussed relations with the United States", False)],
        id="seed000-straight-double-direct",
    ),
    pytest.param(
        'China and Russia declared a "no limits" partnership in February 2022.',
        [("no limits", True)],
        id="seed000-partial-double",
    ),
    pytest.param(
        "Wang told Lavrov on Sunday that 'China-Russia are the most stable, most mature and most "
        "strategically valuable relationship between major powers in the world today', according "
        "to a Chinese foreign ministry readout.",
        [
            (
                "China-Russia are the most stable, most mature and most strategically valuable "
                "relationship between major powers in the world today",
                False,
            )
        ],
        id="seed003-single-after-that",
    ),
    pytest.param(
        "Chinese Foreign Minister Wang Yi hailed Beijing's 'strategically valuable' relations "
        "with Moscow as he met his Russian counterpart.",
        [("strategically valuable", True)],
        id="seed003-apostrophe-then-single-partial",
    ),
    pytest.param(
        "China hails \u2018strategically valuable' Russia ties in Lavrov visit",
        [("strategically valuable", True)],
        id="seed003-mixed-curly-and-straight",
    ),
    pytest.param(
        "Russia's ministries' officials didn't say whether the '90s deal stood.",
        [],
        id="apostrophes-are-not-quotes",
    ),
    pytest.param(
        "\u201cThere will be no invasion of Mexico,\u201d Sheinbaum declared.",
        [("There will be no invasion of Mexico", False)],
        id="curly-double-direct",
    ),
    pytest.param(
        "He said: \u2018We must ensure the world is orderly.\u2019",
        [("We must ensure the world is orderly", False)],
        id="curly-single-after-colon",
    ),
    pytest.param(
        "McDermott becomes CU \u2019 s all-time scoring leader of the Bluejays \u2019 team, but "
        "he can \u2019 t rest and I \u2019 m sure he knows it.",
        [],
        id="detached-apostrophes-of-tokenised-text-are-not-quotes",
    ),
    pytest.param(
        "He said \u2018 security comes first \u2019 and left.",
        [("security comes first", True)],
        id="spaced-curly-single-quotes-still-quote",
    ),
    pytest.param(
        'Putin has sometimes described China as an "ally."',
        [("ally", True)],
        id="seed000-scare-quote-with-period-inside",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_quotes(text: str, expected: list[tuple[str, bool]]) -> None:
    scan = find_quotes(text)
    assert [(q.text, q.partial) for q in scan.quotes] == expected
    for quote in scan.quotes:
        assert text[quote.start : quote.end] == quote.text


def test_open_quote_carries_into_next_sentence() -> None:
    first = find_quotes('"We will not accept this.')
    assert first.open_mark == '"' and first.quotes[0].open_after
    second = find_quotes('We are ready," the minister said.', first.open_mark)
    assert second.quotes[0].text == "We are ready"
    assert second.quotes[0].opened_before and not second.quotes[0].partial
    assert second.open_mark is None


def test_closing_mark_without_opener_starts_at_sentence_start() -> None:
    scan = find_quotes('There is no room for talks," the minister said.')
    assert scan.quotes[0].text == "There is no room for talks"


@pytest.mark.parametrize(
    ("text", "carries"),
    [
        # A mark opened mid-phrase and never closed (its closer mistyped as a single
        # mark) is a stray: it quotes nothing in the sentences after it.
        ("Inside the \"very spiritual' worker who shot three colleagues", False),
        # A quotation opened after its introducer runs on into the next sentence.
        ('The minister said: "We will not accept this.', True),
        ('The minister said "we will not accept this.', True),
        ('"We will not accept this.', True),
    ],
)
def test_only_a_quotation_opened_as_one_runs_on(text: str, carries: bool) -> None:
    assert (find_quotes(text).open_mark == '"') == carries


def test_a_stray_mark_quotes_nothing_in_the_article_after_it() -> None:
    from framediff.alignment import _presplit_document
    from framediff.sentences.analysis import analyze_document

    document = _presplit_document(
        "s1",
        [
            "Inside the \"very spiritual' worker who shot three colleagues",
            "She shot the other three, police say.",
            "Both women died.",
            "\u201c We talked about her faith, \u201d Dorsey said.",
        ],
    )
    quotes = [[q.text for q in item.quotes] for item in analyze_document(document)]
    assert quotes[1:] == [[], [], ["We talked about her faith"]]


def test_an_opening_mark_typed_where_the_quotation_closes_closes_it() -> None:
    """A quotation open from the sentence before, closed with a mistyped opening mark
    before the comma ('... there goes the orchestra “, the host said'), ends there."""
    scan = find_quotes(
        "I ’ d like to thank the Academy, and there goes the orchestra “, the host said.", '"'
    )
    assert [q.text for q in scan.quotes] == [
        "I ’ d like to thank the Academy, and there goes the orchestra"
    ]
    assert scan.quotes[0].opened_before and not scan.quotes[0].open_after
    assert scan.open_mark is None


def test_a_paragraph_going_on_with_a_quotation_opens_it_again() -> None:
    """A quotation over paragraphs leaves each but the last unclosed, and the next opens
    with the mark again: that mark goes on with the quotation, it does not close it, so the
    whole next sentence is quoted."""
    first = find_quotes('"It then quickly spread to the roof, so there is a lot of damage.')
    assert first.open_mark == '"'
    second = find_quotes(
        '"We have been able to stop it spreading to other areas of the building."',
        first.open_mark,
    )
    assert [q.text for q in second.quotes] == [
        "We have been able to stop it spreading to other areas of the building"
    ]
    assert second.quotes[0].opened_before and not second.quotes[0].partial
    assert second.open_mark is None
