"""Numbers, quantities and dates with normalised forms."""

from __future__ import annotations

import pytest

from framediff.sentences.numbers import extract_numbers

CASES = [
    pytest.param(
        "days before he sent tens of thousands of troops into Ukraine",
        "tens of thousands",
        "count",
        10000.0,
        "count:tens of thousands",
        id="seed000-vague",
    ),
    pytest.param(
        "Trump threatens Russia with 100% 'secondary' tariffs",
        "100%",
        "percent",
        100.0,
        "percent:100",
        id="seed002-percent",
    ),
    pytest.param(
        "to raise defence spending to 5 per cent of GDP",
        "5 per cent",
        "percent",
        5.0,
        "percent:5",
        id="per-cent-words",
    ),
    pytest.param(
        "the adoption of the $170 billion Security Action for Europe",
        "$170 billion",
        "money",
        1.7e11,
        "money:USD:170000000000",
        id="money-billion",
    ),
    pytest.param(
        "a partnership in February 2022 when Putin visited Beijing",
        "February 2022",
        "date",
        2022.0,
        "date:2022-02",
        id="seed000-month-year",
    ),
    pytest.param(
        "foreign ministers on Sunday discussed", "Sunday", "date", None, "date:sunday", id="weekday"
    ),
    pytest.param(
        "a Japanese man to 3½ years in prison",
        "3½ years",
        "duration",
        3.5,
        "duration:3.5year",
        id="fraction-duration",
    ),
    pytest.param(
        "around the conflict's one-year anniversary",
        "one-year",
        "duration",
        1.0,
        "duration:1year",
        id="hyphen-duration",
    ),
    pytest.param(
        "This resulted in over twelve agreements",
        "over twelve",
        "count",
        12.0,
        ">count:12",
        id="seed004-over-twelve",
    ),
    pytest.param(
        "China is currently detaining five Japanese nationals",
        "five",
        "count",
        5.0,
        "count:5",
        id="word-count",
    ),
    pytest.param(
        "the anniversary of the end of the war on Aug. 15",
        "Aug. 15",
        "date",
        None,
        "date:--08-15",
        id="month-day-abbrev",
    ),
    pytest.param(
        "around 1,200 political prisoners remain",
        "around 1,200",
        "count",
        1200.0,
        "~count:1200",
        id="thousands-separator",
    ),
    pytest.param("He has ruled Belarus since 1994", "1994", "year", 1994.0, "year:1994", id="year"),
    pytest.param(
        "on the fifth anniversary of the protests",
        "fifth",
        "ordinal",
        5.0,
        "ordinal:5",
        id="ordinal",
    ),
    pytest.param(
        "a third of voters backed it", "a third", "percent", 33.3, "percent:33.3", id="share-third"
    ),
    pytest.param(
        "nearly half of the members",
        "nearly half",
        "percent",
        50.0,
        "~<percent:50",
        id="share-half",
    ),
    pytest.param(
        "The quake struck at 3 a.m. local time",
        "3 a.m.",
        "date",
        None,
        "time:03:00",
        id="clock-time",
    ),
    pytest.param(
        "the 34-year-old man was arrested", "34-year-old", "count", 34.0, "age:34", id="age"
    ),
    pytest.param(
        "damage was estimated at $US1 million",
        "$US1 million",
        "money",
        1e6,
        "money:USD:1000000",
        id="dollar-us-after",
    ),
    pytest.param(
        "a A$3m grant", "A$3m", "money", 3e6, "money:AUD:3000000", id="australian-dollars"
    ),
    # Punctuation spaced out when the text was copied or tokenised.
    pytest.param(
        "a town of 15, 000 people", "15, 000", "count", 15000.0, "count:15000", id="spaced-comma"
    ),
    pytest.param(
        "the fire was reported at 3: 30 p. m.",
        "3: 30 p. m.",
        "date",
        None,
        "time:15:30",
        id="spaced-time",
    ),
    pytest.param(
        "the blast came at 14:05 on Friday", "14:05", "date", None, "time:14:05", id="clock"
    ),
    pytest.param(
        "HK$5 billion in bonds",
        "HK$5 billion",
        "money",
        5e9,
        "money:HKD:5000000000",
        id="hong-kong-dollars",
    ),
    # A statistic of made and tried: both figures count ("29-of-34", "7-for-12").
    pytest.param(
        "Manning finished 29-of-34 for 364 yards.", "34", "count", 34.0, "count:34", id="x-of-y"
    ),
    pytest.param("He went 7-for-12 from the field.", "12", "count", 12.0, "count:12", id="x-for-y"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value", "normalized"), CASES)
def test_extract_numbers(
    text: str, surface: str, kind: str, value: float | None, normalized: str
) -> None:
    found = {n.text: n for n in extract_numbers(text)}
    assert surface in found, list(found)
    mention = found[surface]
    assert (mention.kind, mention.value, mention.normalized) == (kind, value, normalized)
    assert text[mention.start : mention.end] == surface


def test_same_quantity_different_wording_normalises_equal() -> None:
    a = extract_numbers("days before he sent tens of thousands of troops")
    b = extract_numbers("after it moved tens of thousands of soldiers")
    assert [n.normalized for n in a] == [n.normalized for n in b]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("one of the biggest factors", id="one-of"),
        pytest.param("Officials may respond later", id="may-modal"),
        pytest.param("The Quad grouping includes the U.S. and India", id="no-numbers"),
        pytest.param("COVID-19 and F-16 are names, not counts", id="digits-in-names"),
        pytest.param("No one knows who is to blame", id="no-one"),
    ],
)
def test_no_false_numbers(text: str) -> None:
    assert extract_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Orioles offered $140-$150 million.",
            ["money:USD:140000000", "money:USD:150000000"],
            id="money-range-one-scale",
        ),
        pytest.param(
            "It will cost $2-3 billion.",
            ["money:USD:2000000000", "money:USD:3000000000"],
            id="money-range-one-currency-and-scale",
        ),
        pytest.param(
            "From 10 to 12 million people voted.",
            ["count:10000000", "count:12000000"],
            id="count-range",
        ),
        pytest.param("They won 3-1 at home.", ["count:3", "count:1"], id="score-is-no-range"),
    ],
)
def test_range_ends_share_scale_and_currency(text: str, expected: list[str]) -> None:
    assert [m.normalized for m in extract_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number that names a thing (a road, a rifle, a clause, an aircraft) counts
        # nothing.
        ("He was stopped on state Route 94 early Sunday.", ["date:sunday"]),
        ("Six AK - 47 rifles were seized.", ["count:6"]),
        ("Highway 214 was closed for the weekend.", []),
        ("The rule changes Section 7 of the act.", []),
        ("A Boeing 737 landed safely.", []),
        ("Two F-16 jets were scrambled.", ["count:2"]),
        # A gun's calibre is a calibre, compared only with calibres.
        ("He pointed a .38-caliber revolver at them.", ["caliber:38"]),
        ("He pointed a. 357 Magnum at them.", ["caliber:357"]),
        ("He had a 9mm handgun.", ["caliber:9mm"]),
        ("The revolver was loaded with four bullets.", ["count:4"]),
        # A score after a team's name is a quantity.
        ("The Colts beat the Chiefs 20-13.", ["count:20", "count:13"]),
    ],
)
def test_numbers_that_name_things_are_not_counts(text: str, expected: list[str]) -> None:
    assert [n.normalized for n in extract_numbers(text)] == expected
