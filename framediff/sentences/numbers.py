"""Numbers, quantities and dates in one sentence, normalised so two sources can be compared.

Owns the number grammar: digits and number words ("two", "over twelve", "tens of
thousands"), percentages, money ("$170 billion"), dates ("February 2022", "Aug. 15",
"Sunday"), years, durations ("3½ years", "one-year") and ordinals. Comparing two
sentences' numbers is the findings' job; ``normalized`` is what they compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

NumberKind = Literal["count", "percent", "money", "date", "year", "duration", "ordinal", "caliber"]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "dozens": 24,
    "a hundred": 100, "hundreds": 200, "thousands": 2000, "a couple": 2, "a few": 3,
}  # fmt: skip
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "k": 1e3}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
    "hundredth": 100,
}  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CURRENCIES = {"$": "USD", "US$": "USD", "$US": "USD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
              "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "S$": "SGD",
              "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
              "dollars": "USD", "euros": "EUR", "pounds": "GBP", "yuan": "CNY", "yen": "JPY",
              "rubles": "RUB", "roubles": "RUB", "rupees": "INR"}  # fmt: skip
QUALIFIERS = {"over": ">", "more than": ">", "above": ">", "at least": ">=", "nearly": "~<",
              "almost": "~<", "about": "~", "around": "~", "some": "~", "roughly": "~",
              "approximately": "~", "up to": "<=", "fewer than": "<", "less than": "<",
              "under": "<", "mere": ""}  # fmt: skip
DURATION_UNITS = ("year", "month", "week", "day", "hour", "minute", "decade")

_WORD_NUM = "|".join(sorted((re.escape(w) for w in UNITS), key=len, reverse=True))
# Thousands grouped by commas, a space after the comma allowed ("15, 000": text whose
# punctuation was spaced out when it was copied or tokenised).
_DIGITS = r"\d{1,3}(?:,\s?\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?"
_FRACTION = r"(?:\s?[½¼¾⅓⅔]|\s+and\s+a\s+half)?"
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|mn|bn|tn"
_SCALE = rf"(?:\s*(?:{_SCALE_WORDS})\b|(?<=\d)[mbk]\b)?"
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_MONTH = "|".join(sorted((m for m in MONTHS), key=len, reverse=True))

# "tens of thousands", "hundreds of millions"
_VAGUE_RE = re.compile(
    r"\b(tens|hundreds|thousands|millions|billions)\s+of\s+(thousands|millions|billions)\b|\b(dozens|scores)\s+of\b",
    re.I,
)
# "$170 billion", "€2.5bn", "10 million dollars", "US$1 million", "$US1 million", "A$3m"
_MONEY_RE = re.compile(
    rf"(?P<cur>US\$|\$US|AU\$|A\$|NZ\$|CA\$|C\$|HK\$|S\$|[$€£¥₽])\s?(?P<num>{_DIGITS}){_SCALE}"
    rf"|(?P<num2>{_DIGITS}){_SCALE}\s+(?P<cur2>dollars|euros|pounds|yuan|yen|rubles|roubles|rupees)\b",
    re.I,
)
# "100%", "5 percent", "3.5 per cent"
_PERCENT_RE = re.compile(rf"(?P<num>{_DIGITS})\s?(?:%|per\s?cent\b|percent\b)", re.I)
# "February 2022", "Aug. 15", "15 August 2023", "July 1, 2025", "2025-07-13"
_DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{_MONTH})\.?\s+(?P<y3>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b",
    re.I,
)
_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
# "3½ years", "one-year", "four-day", "12-day", "two decades"
_DURATION_RE = re.compile(
    rf"\b(?P<num>{_DIGITS}|{_WORD_NUM}){_FRACTION}(?:-|\s+)(?P<unit>(?:year|month|week|day|hour|minute|decade)s?)\b",
    re.I,
)
_ORDINAL_RE = re.compile(
    r"\b(?:(?P<digits>\d+)(?:st|nd|rd|th)|(?P<word>{}))\b".format("|".join(ORDINALS)), re.I
)
_YEAR_RE = re.compile(r"(?<![\d,.$€£])\b(?:1[89]\d\d|20\d\d)s?\b(?![\d,.]\d|%)")
# A count: digits or number words with a scale, and the qualifier before it; not after
# letters and a hyphen ("AK-47"), but after a made-and-tried statistic's "of" or "for"
# ("29-of-34", "7-for-12").
_COUNT_RE = re.compile(
    rf"(?<![\w$€£¥.,+])(?:(?<![A-Za-z]-)|(?<=\d-of-)|(?<=\d-for-))"
    rf"(?P<num>{_DIGITS}|{_WORD_NUM}){_FRACTION}{_SCALE}(?![\w%])",
    re.I,
)
# "3 a.m.", "10:30 pm", "3: 30 p. m." (spaced out), "6:11p"
_TIME_RE = re.compile(
    r"\b(?P<h>\d{1,2})(?::\s?(?P<m>\d\d))?\s?(?P<ap>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|(?<=\d)[ap]\b)",
    re.I,
)
# A clock time with no a.m. or p.m.: "14:05", "14: 05".
# Not a game clock ("with 7:42 left", "14:05 remaining").
_CLOCK_RE = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3]):\s?(?P<m>[0-5]\d)\b"
    r"(?!\s?(?:a\.|p\.|am\b|pm\b|[ap]\b))(?!\s+(?:left|remaining|to play|to go)\b)"
)
# "a third", "two-thirds", "half", "a quarter": shares as percentages
_SHARE_RE = re.compile(
    r"\b(?:(?P<n>a|one|two|three)[- ])?(?P<d>thirds?|quarters?|half)\b(?!-)", re.I
)
_SHARES = {"third": 100 / 3, "quarter": 25.0, "half": 50.0}
# A gun's calibre: ".38-caliber", "a. 38 - caliber" (spaced out), ".357 Magnum", "9mm
# handgun": it names the weapon, compared only with another calibre.
_CALIBER_RE = re.compile(
    r"(?P<num>\d{1,3})\s?(?:-\s?)?(?:caliber|calibre)\b"
    r"|(?<=\.)\s?(?P<magnum>\d{2,3})\s+Magnum\b"
    r"|\b(?P<mm>\d{1,2})\s?mm\b(?=\s+(?:handgun|pistol|gun|rifle|semi|weapon|round|bullet))",
    re.I,
)
# A number that names a thing rather than counting one: after a word naming roads, rules,
# flights, rooms and aircraft ("Route 94", "Section 7", "Boeing 737"), or after letters and
# a hyphen ("AK - 47", "F-16").
_IDENTIFIER_BEFORE_RE = re.compile(
    r"(?:\b(?:Route|Highway|Hwy|Interstate|Section|Article|Chapter|Title|Amendment|"
    r"Proposition|Prop|Flight|Gate|Terminal|Platform|Pier|Room|Suite|Apartment|Apt|Unit|"
    r"Channel|Precinct|Ward|Exit|Boeing|Airbus|Embraer|Tupolev|Antonov|Ilyushin|Sukhoi|MiG|"
    r"Windows|No)\.?\s+|\b[A-Z]{1,4}\s?-\s?)$"
)
# "34-year-old": an age
_AGE_RE = re.compile(r"\b(?P<num>\d{1,3})-year-old\b")
_QUAL_BEFORE_RE = re.compile(rf"\b(?P<q>{_QUAL})\s+$", re.I)
_NOUN_AFTER_RE = re.compile(r"^\s+(?:of\s+)?([a-z][a-z\-]+)")


@dataclass(frozen=True)
class NumberMention:
    """One number, quantity or date; ``normalized`` compares equal across wordings."""

    text: str
    value: float | None
    kind: NumberKind
    unit: str | None
    normalized: str
    start: int
    end: int
    qualifier: str = ""  # ">", "~", "<=" ... from "over", "about", "up to"


def _number(token: str) -> float | None:
    lower = token.lower().strip()
    if lower in UNITS:
        return float(UNITS[lower])
    try:
        return float(lower.replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def _with_fraction_and_scale(text: str, value: float | None) -> float | None:
    if value is None:
        return None
    lower = text.lower()
    if any(c in text for c in "½"):
        value += 0.5
    elif "¼" in text:
        value += 0.25
    elif "¾" in text:
        value += 0.75
    elif "and a half" in lower:
        value += 0.5
    for word, factor in SCALES.items():
        if re.search(rf"(?:\d|\s){word}\b", lower):
            return value * factor
    return value


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if value == int(value) else f"{value:g}"


def extract_numbers(text: str) -> list[NumberMention]:
    """Every number, quantity and date in ``text`` in reading order, without overlaps.

    1. Vague magnitudes ("tens of thousands") keep ``value`` as the lower bound.
    2. Money, percentages, dates and weekdays, durations, ordinals.
    3. Bare years (1800-2099), then remaining counts ("two", "over twelve", "1,200").
    Earlier steps win where spans overlap.
    """
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []

    def add(
        start: int,
        end: int,
        value: float | None,
        kind: NumberKind,
        unit: str | None,
        normalized: str,
    ) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        qualifier = ""
        qual = _QUAL_BEFORE_RE.search(text[max(0, start - 20) : start])
        if qual and kind in ("count", "money", "percent", "duration"):
            qualifier = QUALIFIERS[qual.group("q").lower()]
            start -= len(qual.group())
        taken.append((start, end))
        found.append(
            NumberMention(
                text[start:end],
                value,
                kind,
                unit,
                f"{qualifier}{normalized}",
                start,
                end,
                qualifier,
            )
        )

    for m in _CALIBER_RE.finditer(text):
        group = "num" if m.group("num") else "magnum" if m.group("magnum") else "mm"
        size = m.group(group) + ("mm" if group == "mm" else "")
        add(m.start(group), m.end(), None, "caliber", None, f"caliber:{size}")
    for m in _VAGUE_RE.finditer(text):
        if m.group(1):
            base = {
                "tens": 10,
                "hundreds": 100,
                "thousands": 1000,
                "millions": 1e6,
                "billions": 1e9,
            }[m.group(1).lower()]
            value: float | None = base * SCALES[m.group(2).lower()[:-1]]
        else:
            value = 24.0
        add(m.start(), m.end(), value, "count", None, f"count:{m.group().lower()}")
    for m in _MONEY_RE.finditer(text):
        cur = CURRENCIES.get((m.group("cur") or "").upper() or (m.group("cur2") or "").lower(), "?")
        value = _with_fraction_and_scale(m.group(), _number(m.group("num") or m.group("num2")))
        add(m.start(), m.end(), value, "money", cur, f"money:{cur}:{_fmt(value)}")
    for m in _PERCENT_RE.finditer(text):
        value = _number(m.group("num"))
        add(m.start(), m.end(), value, "percent", "%", f"percent:{_fmt(value)}")
    for m in _DATE_RE.finditer(text):
        if m.group("iso"):
            add(m.start(), m.end(), None, "date", None, f"date:{m.group('iso')}")
            continue
        month = MONTHS[(m.group("m1") or m.group("m2") or m.group("m3")).lower()]
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2") or m.group("y3")
        if (m.group("m2") or "").lower() == "may" and not m.group("m2")[0].isupper():
            continue  # "may 5" is the verb before a number
        norm = (f"{year}-{month:02d}" if year else f"--{month:02d}") + (
            f"-{int(day):02d}" if day else ""
        )
        add(m.start(), m.end(), float(year) if year else None, "date", None, f"date:{norm}")
    for m in _WEEKDAY_RE.finditer(text):
        add(m.start(), m.end(), None, "date", "weekday", f"date:{m.group(1).lower()}")
    for m in _AGE_RE.finditer(text):
        add(
            m.start(), m.end(), float(m.group("num")), "count", "years old", f"age:{m.group('num')}"
        )
    for m in _TIME_RE.finditer(text):
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
        add(m.start(), m.end(), None, "date", "time", f"time:{hour:02d}:{m.group('m') or '00'}")
    for m in _CLOCK_RE.finditer(text):
        add(
            m.start(), m.end(), None, "date", "time", f"time:{int(m.group('h')):02d}:{m.group('m')}"
        )
    for m in _SHARE_RE.finditer(text):
        if re.search(r"\b(?:first|second|other|latter)\s+$", text[: m.start()], re.I):
            continue  # "the second half of the year" is a period, not a share
        part = m.group("d").lower().rstrip("s")
        count = {"a": 1, "one": 1, "two": 2, "three": 3}.get((m.group("n") or "a").lower(), 1)
        share = round(_SHARES[part] * (1 if part == "half" else count), 1)
        add(m.start(), m.end(), share, "percent", "%", f"percent:{_fmt(share)}")
    for m in _DURATION_RE.finditer(text):
        unit = m.group("unit").lower().rstrip("s")
        value = _with_fraction_and_scale(m.group(), _number(m.group("num")))
        add(m.start(), m.end(), value, "duration", unit, f"duration:{_fmt(value)}{unit}")
    for m in _ORDINAL_RE.finditer(text):
        value = (
            float(m.group("digits"))
            if m.group("digits")
            else float(ORDINALS[m.group("word").lower()])
        )
        add(m.start(), m.end(), value, "ordinal", None, f"ordinal:{_fmt(value)}")
    for m in _YEAR_RE.finditer(text):
        add(m.start(), m.end(), float(m.group()[:4]), "year", None, f"year:{m.group()}")
    for m in _COUNT_RE.finditer(text):
        word = m.group("num").lower()
        if word[:1].isdigit() and _IDENTIFIER_BEFORE_RE.search(text[: m.start()]):
            continue  # "Route 94", "AK - 47": a name, not a count
        if word == "one" and not re.match(r"\s+(?:of\s+)?[a-z]", text[m.end() :]):
            continue
        if word == "one" and re.search(
            r"\b(?:no|any|every|some|each)\s+$", text[: m.start()], re.I
        ):
            continue  # "no one", "someone else"
        if (
            word in ("one", "a dozen", "a few", "a couple")
            and text[m.end() : m.end() + 4] == " of "
        ):
            continue  # "one of the biggest"
        value = _with_fraction_and_scale(m.group(), _number(m.group("num")))
        noun = _NOUN_AFTER_RE.match(text[m.end() :])
        unit = noun.group(1) if noun else None
        add(m.start(), m.end(), value, "count", unit, f"count:{_fmt(value)}")
    found.sort(key=lambda n: (n.start, n.end))
    return _ranges_share_scale(text, found)


# Between the two ends of a range: "$140-$150 million", "140 to 150 million".
_RANGE_GAP_RE = re.compile(r"\s*(?:-|–|—|to)\s*", re.I)
_DIGIT_RUN_RE = re.compile(_DIGITS)
_SCALE_WORD_RE = re.compile(rf"(?:{_SCALE_WORDS})\b|\d[mbk]\b", re.I)


def _ranges_share_scale(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """The first end of a range takes the scale and currency written once for both:
    "$140-$150 million" is $140 million to $150 million, "$2-3 billion" $2 billion to
    $3 billion."""
    out = list(found)
    for k in range(len(out) - 1):
        low, high = out[k], out[k + 1]
        if (
            low.kind not in ("count", "money")
            or high.kind not in ("count", "money")
            or low.value is None
            or high.value is None
            or not _RANGE_GAP_RE.fullmatch(text[low.end : high.start])
            or _SCALE_WORD_RE.search(low.text)
            or not _SCALE_WORD_RE.search(high.text)
        ):
            continue
        digits = _DIGIT_RUN_RE.search(high.text)
        base = _number(digits.group()) if digits else None
        if not base:
            continue
        scale = high.value / base
        if scale < 1000 or low.value * scale > high.value * 10:
            continue
        money = next((m for m in (low, high) if m.kind == "money"), None)
        out[k] = _as_range_end(low, low.value * scale, money)
        out[k + 1] = _as_range_end(high, high.value, money)
    return out


def _as_range_end(
    mention: NumberMention, value: float, money: NumberMention | None
) -> NumberMention:
    """A range's end with its shared scale, and the range's currency when it has one."""
    if money is None:
        body = f"count:{_fmt(value)}"
        return replace(mention, value=value, normalized=f"{mention.qualifier}{body}")
    currency = money.normalized.split(":")[-2]
    return replace(
        mention,
        value=value,
        kind="money",
        unit=money.unit,
        normalized=f"{mention.qualifier}money:{currency}:{_fmt(value)}",
    )
