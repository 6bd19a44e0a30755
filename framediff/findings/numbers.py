"""``number_conflict``: numbers, quantities and dates in linked sentences that disagree
after normalisation ("12" and "twelve", "30 km" and "30 kilometres" agree). A number
one source gives and another leaves out is not a conflict; two different numbers of
the same kind in the same place of the sentence are, when they can state one quantity:
the same owner, actors and time, both levels or both changes. Orders of magnitude,
conversions and records in brackets, game clocks, occasions ("the second time") and
datelines are compared with nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framediff.findings.context import (
    Context,
    Draft,
    fold_words,
    group_pairs,
    snippet,
)
from framediff.findings.cues import FUNCTION_WORDS
from framediff.findings.identity import same_name
from framediff.gazetteer import MONTHS, POSSESSIVE_RE, WEEKDAYS
from framediff.model import SentenceRef

# Relative difference below which two numbers are the same figure rounded differently.
_ROUNDING = 0.02
_ROUNDED_KINDS = ("count", "money")
_ROUNDED_FROM = 1000
# Kinds whose figure may be a measurement given to whole units, and from which size.
_MEASURED_KINDS = ("count", "duration")
_WHOLE_UNITS_FROM = 10
# Letters in a normalised value: a wordy quantity ("tens of thousands").
_WORDY_RE = re.compile(r"[a-z]{3,}\s")
# A figure that opens a range rather than gives a value: "magnitude 5 and above",
# "50 or more people", "aged 65 and over".
_OPEN_RANGE_RE = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:and|or)\s+(?:above|over|more|higher|up|older|greater|beyond)\b",
    re.IGNORECASE,
)
# An ordinal framing an occasion ("the second time this week", "for the first time"):
# it counts no quantity a source could get wrong.
_TIME_AFTER_RE = re.compile(r"\s+times?\b", re.IGNORECASE)
# A figure in brackets right after another converts it ("US$1 million ($1.52 million)",
# "about 58km (36 miles)"): the same figure in another unit, compared with nothing.
_CONVERSION_RE = re.compile(r"\d[\w%.]*(?:\s+[^\W\d]+){0,2}\s*\(\s*$")
# A figure in brackets after a name describes who it is: a record, a ranking ("the Chiefs
# (2-13)", "Klitschko (52-3, 46 KOs)"), compared with nothing.
_AFTER_NAME_RE = re.compile(r"\b[A-Z][\w'’.-]*\s*\(\s*$")
# Words that place a figure in time: weekdays, months, years, relative days.
_WHEN_RE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|yesterday|today|"
    r"tomorrow|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A level ("rose to 30 percent", "stands at 5") rather than a change ("rose 12 percent").
_LEVEL_BEFORE_RE = re.compile(r"\b(?:to|at)\s*$", re.IGNORECASE)
# A normalised calendar date: "2022-02", "2025-07-13", "--07-13".
_CALENDAR_RE = re.compile(r"(?:\d{4}|-)-\d{2}(?:-\d{2})?")


@dataclass(frozen=True)
class Mention:
    text: str
    kind: str
    key: str  # the normalised value compared across sources
    value: float | None
    start: int  # absolute offsets
    end: int
    vague: bool
    zone: str = ""  # a time's zone as written after it ("ET", "local time"), folded
    owner: str = ""  # the name the figure's clause opens on, its subject ("" unknown)


@lru_cache(maxsize=4096)
def _extract(text: str) -> tuple[Any, ...]:
    from framediff.sentences.numbers import extract_numbers

    return tuple(extract_numbers(text))


def _mentions(ctx: Context, ref: SentenceRef) -> list[Mention]:
    sentence = ctx.sentence(ref)
    found = []
    for item in _extract(sentence.text):
        value = getattr(item, "value", None)
        number = float(value) if isinstance(value, int | float) else None
        normalised = getattr(item, "normalized", None) or getattr(item, "normalised", None)
        kind = str(getattr(item, "kind", "number"))
        found.append(
            Mention(
                text=sentence.text[item.start : item.end],
                kind=kind,
                key=str(normalised if normalised is not None else value),
                value=number,
                start=sentence.start + item.start,
                end=sentence.start + item.end,
                zone=_zone(sentence.text[item.end :]),
                owner=_owner(ctx, ref, sentence.start + item.start)
                or _named_after(ctx, ref, sentence.start + item.end),
                vague=_is_vague(str(normalised or ""), sentence.text[item.start : item.end])
                or bool(_OPEN_RANGE_RE.match(sentence.text[item.end :]))
                or (kind == "ordinal" and bool(_TIME_AFTER_RE.match(sentence.text[item.end :])))
                or _on_game_clock(sentence.text, item.start, item.end)
                or bool(_CONVERSION_RE.search(sentence.text[: item.start]))
                or bool(_AFTER_NAME_RE.search(sentence.text[: item.start])),
            )
        )
    return found


# A time zone written after a time of day.
_ZONE_RE = re.compile(
    r"^\s*\(?\s*(?P<zone>[ECMP][SD]?T|GMT|UTC|BST|CES?T|local time|(?:Eastern|Central|"
    r"Pacific|Mountain)(?:\s+time)?)\b"
)
# Where the clause holding a figure begins: its owner is named after this.
# A comma before three digits ("6, 728") is a spaced thousands separator, not a clause's.
# A full stop after a word and before a capital ends a sentence the splitter left joined
# to the next ("... in Week 8. McAllister has just 317 yards"); after a capital ("U.S.
# Army", "J. D. Drew") it does not.
_CLAUSE_START_RE = re.compile(
    r"[,;:]\s(?!\d{3}\b)|(?<![A-Z])[.!?]\s(?=[A-Z])|\b(?:while|whereas|and|but)\s"
)


# A game clock ("with 7:42 left", "14: 05 remaining"): a moment of play, compared with
# nothing.
_CLOCK_AFTER_RE = re.compile(r"^(?::\s?\d\d)?\s+(?:left|remaining|to play|to go)\b")
_CLOCK_BEFORE_RE = re.compile(r"\d{1,2}:\s?$")
# The clock in words: minutes or seconds, then maybe the seconds, then "remaining".
_CLOCK_UNIT_RE = re.compile(r"\b(?:minutes?|seconds?)$")
_CLOCK_WORDS_AFTER_RE = re.compile(
    r"^(?:,?\s+(?:and\s+)?\d{1,2}\s+seconds?)?\s+(?:left|remaining|to play|to go)\b"
)
# The seconds of a clock in words ("4 minutes 48| seconds remaining"): after the minutes,
# before "seconds remaining".
_CLOCK_MINUTES_BEFORE_RE = re.compile(r"\bminutes?,?\s+(?:and\s+)?$")
_CLOCK_SECONDS_AFTER_RE = re.compile(r"^\s+seconds?\s+(?:left|remaining|to play|to go)\b")


def _on_game_clock(text: str, start: int, end: int) -> bool:
    """A figure of a game clock: "14:05 left", or in words, "with 4 minutes 48 seconds
    remaining" (the minutes and the seconds alike)."""
    if _CLOCK_UNIT_RE.search(text[start:end]) and _CLOCK_WORDS_AFTER_RE.match(text[end:]):
        return True  # "4 minutes| 48 seconds remaining"
    if _CLOCK_MINUTES_BEFORE_RE.search(text[:start]) and _CLOCK_SECONDS_AFTER_RE.match(text[end:]):
        return True  # "4 minutes 48| seconds remaining"
    return bool(
        _CLOCK_AFTER_RE.match(text[end:])
        and (text[end : end + 1] == ":" or _CLOCK_BEFORE_RE.search(text[:start]))
    )


def _one_owner(x: str, y: str) -> bool:
    """Two owners that may be one: a name and a part of it ("Pierre Thomas" / "Thomas")."""
    words_x, words_y = set(x.lower().split()), set(y.lower().split())
    return bool(words_x & words_y) or same_name(x, y)


def _zone(after: str) -> str:
    found = _ZONE_RE.match(after)
    return found.group("zone").lower() if found else ""


def _owner(ctx: Context, ref: SentenceRef, at: int) -> str:
    """The name the figure's clause opens on, its subject, outside the sentence's credits
    ("Michael Bush has rushed for 150 yards, while Chris Ivory has 716": 150 is Bush's, 716
    Ivory's), or "" where the clause's first capitalised word is no name found (a name the
    entity finder passed over at a sentence's start is no one's, unless the article names
    someone so: ``_subject``). A clause opening on a pronoun ("He finished with 269 yards")
    is the antecedent's (``_antecedent``)."""
    sentence = ctx.sentence(ref)
    before = sentence.text[: at - sentence.start]
    starts = [0] + [m.end() for m in _CLAUSE_START_RE.finditer(before)]
    # A clause with no subject of its own ("..., and had only 269 yards") shares the one
    # of the clause before it.
    for clause in reversed(starts):
        opening = _opening(before[clause:])
        if opening in _PRONOUN_SUBJECTS:
            return _antecedent(ctx, ref)
        if opening in FUNCTION_WORDS and opening not in _DETERMINERS:
            continue  # "..., have offered Teixeira ...": a verb first, Teixeira its object
        name = _subject(ctx, ref, before, clause)
        # The figure opening its clause ("..., and two touchdowns") or a verb ("and had
        # 269 yards") leaves the subject to the clause before; a name, a capital or a
        # determiner opens one of its own.
        own = opening and (not opening.isalpha() or not opening.islower())
        if name or own or opening in _DETERMINERS:
            return name
    return ""


def _named_after(ctx: Context, ref: SentenceRef, end: int) -> str:
    """The name a figure's own phrase gives as whose it is, after its noun ("a five-year,
    $70 million contract for J. D. Drew", "$5 million to the hospital fund"): a name that
    "for" or "to" puts within ``_PHRASE_WORDS`` words of the figure, or "". Read only where
    the figure's clause opens on no name (``_owner``)."""
    sentence = ctx.sentence(ref)
    rest = sentence.text[end - sentence.start :]
    found = _FOR_NAME_RE.match(rest)
    if found is None:
        return ""
    at = end + found.end()
    for entity in ctx.analysis(ref).entities:
        if entity.start == at:
            return entity.canonical
    # The entity finder passes over names written with spaced initials ("J. D. Drew").
    name = _CAPITALISED_RUN_RE.match(rest, found.end())
    words = name.group().split() if name else []
    if not words or any(w.strip(".,").lower() in _CALENDAR for w in words):
        return ""  # "set for Monday": a time, not an owner
    return name.group() if name else ""


# "for" or "to" before a capital, after at most ``_PHRASE_WORDS`` words of the figure's
# phrase ("-year, $70 million contract for J"): the stretch holds no clause of its own.
_PHRASE_WORDS = 5
# Capitalised words in a row, initials among them ("J. D. Drew", "Red Cross").
_CAPITALISED_RUN_RE = re.compile(r"[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)*")
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_FOR_NAME_RE = re.compile(
    rf"^\s*(?:[^\s.;:!?]+\s+){{0,{_PHRASE_WORDS}}}?(?:for|to)\s+(?:the\s+)?(?=[A-Z])"
)


def _opening(clause: str) -> str:
    """The clause's first word after a conjunction or a subordinator ("But he ...",
    "where he ..."), lower-cased."""
    words = clause.split()[:2]
    if len(words) == 2 and words[0].lower() in _CONNECTIVES:
        words = words[1:]
    return words[0].strip(".,;:\"'“”‘’()").lower() if words else ""


def _opens_on_pronoun(text: str) -> bool:
    return _opening(text) in _PRONOUN_SUBJECTS


def _subject(ctx: Context, ref: SentenceRef, text: str, clause: int) -> str:
    """The name ``text`` (the sentence's text up to some point) opens on from ``clause``
    within ``_SUBJECT_WORDS`` words, outside the sentence's credits, or "". A surname
    opening a sentence, which the entity finder passes over, is the article's person of
    that surname ("Thomas was hurt ..." after "Pierre Thomas"); so is one opening a clause
    that is a sentence the splitter left joined to the one before."""
    first = _CAPITALISED_RE.search(text, clause)
    if first is not None and first.group() in _ARTICLES and first.start() == clause:
        first = _CAPITALISED_RE.search(text, first.end())  # "The Orioles"
    if first is None or len(text[clause : first.start()].split()) >= _SUBJECT_WORDS:
        return ""
    sentence = ctx.sentence(ref)
    credits = [(x.start, x.end) for x in ctx.analysis(ref).attributions]
    at_first = sentence.start + first.start()
    for entity in ctx.analysis(ref).entities:
        starts_there = entity.start == at_first or entity.start == sentence.start + clause
        if starts_there and not any(s <= entity.start < t for s, t in credits):
            return entity.canonical
    credited = any(s <= at_first < t for s, t in credits)
    if first.start() == clause and not credited:
        word = POSSESSIVE_RE.sub("", first.group())
        return ctx.surnames[ref.source].get(word, "")
    return ""


def _antecedent(ctx: Context, ref: SentenceRef) -> str:
    """Whom a pronoun opening a clause stands for: the name the nearest earlier sentence
    opens on, past sentences that open on a pronoun too ("Chris Ivory has carried the load.
    He has 716 yards."), within ``_ANTECEDENT_BACK`` sentences; "" when the sentence it
    reaches opens on no name."""
    for index in range(ref.sentence - 1, max(-1, ref.sentence - 1 - _ANTECEDENT_BACK), -1):
        before = SentenceRef(ref.source, index)
        text = ctx.sentence(before).text
        main = _main_clause(text)
        if not _opens_on_pronoun(text[main:]):
            return _subject(ctx, before, text, main)
    return ""


def _main_clause(text: str) -> int:
    """Where the sentence's subject is to be looked for: past a phrase fronted before it
    and closed by a comma ("In Bush's absence this year, running back Pierre Thomas has
    ...", "However, he missed time ..."), or at its start."""
    words = text.split(",", 1)[0].split()
    fronted = (
        "," in text
        and 0 < len(words) <= _FRONTED_WORDS
        and words[0].lower() in FUNCTION_WORDS
        and words[0].lower() not in _DETERMINERS | _PRONOUN_SUBJECTS
    )
    return text.index(",") + 1 if fronted else 0


# Pronouns that open a clause as (or with) its subject, and the connectives before them.
_PRONOUN_SUBJECTS = frozenset(["he", "she", "they"])
_CONNECTIVES = frozenset(
    ["and", "but", "yet", "so", "then", "where", "when", "while", "as", "after", "before"]
)
# Sentences back within which a pronoun's antecedent opens a sentence.
_ANTECEDENT_BACK = 3
# Words of a phrase fronted before a sentence's subject, at most: an adverbial ("In Bush's
# absence this year,"), not a clause of its own.
_FRONTED_WORDS = 6
# A capitalised article before a subject's name ("The Orioles have offered ...").
_ARTICLES = frozenset(["The", "A", "An"])
# Words that open a clause's own subject ("while the team has 716", "and her account
# differs"): not an elided one.
_DETERMINERS = frozenset(
    [
        *("the", "a", "an", "this", "that", "these", "those"),
        *("some", "each", "every", "no", "his", "her", "its", "their"),
    ]
)


# Words from a clause's start within which its subject's name begins ("Running back
# Michael Bush has ...").
_SUBJECT_WORDS = 3
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’-]*")


def _is_vague(normalised: str, surface: str = "") -> bool:
    """ "tens of thousands", "dozens", "hundreds": an order of magnitude, never in
    conflict."""
    value = normalised.split(":", 1)[-1]
    return bool(_WORDY_RE.search(value) or _ORDER_OF_MAGNITUDE_RE.search(surface))


# A plural of a number word gives an order of magnitude: "dozens", "hundreds of".
_ORDER_OF_MAGNITUDE_RE = re.compile(
    r"\b(?:dozens|scores|tens|hundreds|thousands|millions|billions)\b", re.IGNORECASE
)


def _date_parts(key: str) -> tuple[str, str] | None:
    """("weekday", "sunday") or ("calendar", "2022-02" / "--07-13" / "2025-07-13")."""
    value = key.split(":", 1)[-1]
    if value.isalpha():
        return ("weekday", value)
    if _CALENDAR_RE.fullmatch(value):
        return ("calendar", value)
    return None


def _calendar_agrees(a: str, b: str) -> bool:
    """Dates given to different precision agree where both say something: "2022-02" and
    "2022-02-24"; "--07-13" (no year) and "2025-07-13"."""
    if a.startswith("--") or b.startswith("--"):
        return a[-5:] == b[-5:] if len(a) >= 7 and len(b) >= 7 else True
    short, long = sorted((a, b), key=len)
    return long.startswith(short)


def _comparable(a: Mention, b: Mention) -> bool:
    """Two figures that can state one quantity: the same kind; sums in the same currency
    ("103 million euros" and "88 million pounds" may be one sum converted); times of day
    an hour or more apart (the fire at 3:30, the call at 3:33 are two moments); a weekday
    and a calendar date describe one day in two ways."""
    if a.kind != b.kind:
        return False
    if a.owner and b.owner and not _one_owner(a.owner, b.owner):
        return False  # Bush's 150 yards and Thomas's 269
    if a.kind == "money":
        return _currency(a.key) == _currency(b.key)
    if a.key.startswith("time:") or b.key.startswith("time:"):
        if a.zone != b.zone:
            return False  # "3:30 p.m." (local) and "4:30 p.m. ET" may be one moment
        minutes_a, minutes_b = _minutes(a.key), _minutes(b.key)
        return (
            minutes_a is not None
            and minutes_b is not None
            and abs(minutes_a - minutes_b) >= _TIMES_APART
        )
    if a.kind != "date":
        return True
    pa, pb = _date_parts(a.key), _date_parts(b.key)
    return pa is not None and pb is not None and pa[0] == pb[0]


# Minutes between two times of day from which they can contradict each other.
_TIMES_APART = 60


def _currency(key: str) -> str:
    """The currency of a normalised sum ("money:EUR:103000000" -> "EUR")."""
    parts = key.split(":")
    return parts[1] if len(parts) >= 3 else ""


def _minutes(key: str) -> int | None:
    """Minutes after midnight of a normalised time of day ("time:15:30" -> 930)."""
    parts = key.split(":")
    if len(parts) < 3 or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    return int(parts[1]) * 60 + int(parts[2])


def _same(a: Mention, b: Mention) -> bool:
    if a.key == b.key:
        return True
    if a.kind == "date" and a.kind == b.kind:
        pa, pb = _date_parts(a.key), _date_parts(b.key)
        if pa and pb and pa[0] == pb[0] == "calendar":
            return _calendar_agrees(pa[1], pb[1])
        return False
    if a.value is None or b.value is None or a.kind != b.kind:
        return False
    top = max(abs(a.value), abs(b.value))
    # Only large counts and sums are rounded ("1.2 billion" / "1.23 billion"); years,
    # dates, percentages and small counts must agree exactly.
    if a.kind in _ROUNDED_KINDS and top >= _ROUNDED_FROM:
        return abs(a.value - b.value) / top <= _ROUNDING
    # One figure given to a decimal, the other rounded to whole units ("14 miles" / "14.2
    # miles"): one measurement. Small figures must agree (a magnitude 7.8 is no 8).
    if a.kind in _MEASURED_KINDS and top >= _WHOLE_UNITS_FROM:
        whole, exact = sorted((float(a.value), float(b.value)), key=lambda v: not v.is_integer())
        if whole.is_integer() and not exact.is_integer():
            return abs(whole - exact) < 0.5
    return a.value == b.value


def _bound_agrees(ctx: Context, a: SentenceRef, x: Mention, b: SentenceRef, y: Mention) -> bool:
    """One of ``x`` and ``y`` is a bound the other lies within, and both count one thing:
    a count's counted word must be the same ("at least nine bodies" says nothing of "52
    people")."""
    if not (_within_bound(x, y) or _within_bound(y, x)):
        return False
    return x.kind != "count" or _counted(ctx, a, x) == _counted(ctx, b, y) != ""


def _within_bound(bound: Mention, exact: Mention) -> bool:
    """``exact`` (a figure given as such) lies within ``bound`` ("more than 30 hours",
    "at least 12", "up to 500") of the same kind and unit: 40 hours is more than 30. Two
    bounds, or an approximate one ("nearly 40"), say nothing of each other here."""
    found = _BOUND_RE.match(bound.key)
    if found is None or exact.value is None or bound.value is None or exact.key[:1] in "<>~":
        return False
    if _DIGITS_RE.sub("", found.group("rest")) != _DIGITS_RE.sub("", exact.key):
        return False  # another kind or unit
    value, limit = exact.value, bound.value
    return {
        ">": value > limit,
        ">=": value >= limit,
        "<": value < limit,
        "<=": value <= limit,
    }[found.group("op")]


# How the number extractor marks a bound in a figure's key (">count:300" for "over 300",
# "<=count:500" for "up to 500"), and the digits a key's kind and unit are read without.
_BOUND_RE = re.compile(r"(?P<op>>=|<=|>|<)(?P<rest>[^<>=~].*)")
_DIGITS_RE = re.compile(r"[\d.,]+")


def _around(ctx: Context, ref: SentenceRef, mention: Mention) -> set[str]:
    """The nearest content word before a figure, the one after it and its unit: where it
    sits. Function words say nothing of the slot: "struck ... on Wednesday" and
    "identified the victim on Thursday" share only "on"."""
    sentence = ctx.sentence(ref)
    before = [
        w
        for w in fold_words(sentence.text[: mention.start - sentence.start])[-3:]
        if w not in FUNCTION_WORDS
    ][-1:]
    after = [
        w
        for w in fold_words(sentence.text[mention.end - sentence.start :])[:2]
        if w not in FUNCTION_WORDS
    ][:1]
    own = fold_words(mention.text)
    unit = [w for w in own[-1:] if not any(c.isdigit() for c in w)]
    return {f"<{w}" for w in before} | {f">{w}" for w in after} | {f"={w}" for w in unit}


def _same_slot(ctx: Context, a: SentenceRef, x: Mention, b: SentenceRef, y: Mention) -> bool:
    """Two figures the word diff did not pair fill the same slot when a neighbouring word
    or their unit is shared ("for three weeks" / "for four weeks"); "killing one man" and
    "Banky, 40" are two different numbers. The shared word must single out one figure in
    each sentence: "11 miles deep" is not the "14.2 miles" east of a town in a sentence
    that also gives a depth of "14.9 miles"."""
    shared = _around(ctx, a, x) & _around(ctx, b, y)
    return any(_placed(ctx, a, key) == 1 and _placed(ctx, b, key) == 1 for key in shared)


def _placed(ctx: Context, ref: SentenceRef, key: str) -> int:
    """How many figures of a sentence the slot word ``key`` stands next to."""
    return sum(1 for m in _mentions(ctx, ref) if key in _around(ctx, ref, m))


def _outside_credit(ctx: Context, ref: SentenceRef) -> str:
    """The sentence with its attributions blanked out: who speaks is no actor of the claim."""
    sentence = ctx.sentence(ref)
    text = sentence.text
    for attribution in ctx.analysis(ref).attributions:
        start, end = attribution.start - sentence.start, attribution.end - sentence.start
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _neighbour_mentions(ctx: Context, ref: SentenceRef) -> list[Mention]:
    """The figures of the sentences just before and after ``ref`` in its article."""
    count = len(ctx.by_id[ref.source].sentences)
    return [
        m
        for index in (ref.sentence - 1, ref.sentence + 1)
        if 0 <= index < count
        for m in _mentions(ctx, SentenceRef(ref.source, index))
    ]


def _same_actors(ctx: Context, a: SentenceRef, b: SentenceRef) -> bool:
    """The two sentences put no different actor in one place: their main clauses open on
    no two names of which neither sentence holds the other ("The Orioles, according to
    reports, have offered ..." / "Lynch reported the Red Sox offered ..."), and the word
    diff replaces no name by another name (France's duties and Germany's; what the Red Sox
    and the Nationals offered). Names only one sentence gives (a place, a person met) are
    details, and the speakers credited are no actors: two sources may report one toll."""
    subject_a, subject_b = _main_subject(ctx, a), _main_subject(ctx, b)
    if (
        subject_a
        and subject_b
        and not _names_one_of(ctx, a, subject_b)
        and not _names_one_of(ctx, b, subject_a)
    ):
        return False
    spans_a, spans_b = _name_spans(ctx, a), _name_spans(ctx, b)
    for change in ctx.word_changes(a, b):
        if change.tag != "replace" or not change.a_words or not change.b_words:
            continue
        if _within(change.a_start, change.a_end, spans_a) and _within(
            change.b_start, change.b_end, spans_b
        ):
            return False
    return True


def _main_subject(ctx: Context, ref: SentenceRef) -> str:
    """The name the sentence's main clause opens on once its credits are set aside, or "".
    A credit opening the sentence ("Lynch reported the Red Sox offered ...", its speaker
    found or not) leaves the subject to the clause it reports: the Red Sox. One set off by
    commas after the subject ("The Orioles, according to reports, have ...") does not."""
    sentence = ctx.sentence(ref)
    text = _outside_credit(ctx, ref)
    opening = []
    for credit in ctx.analysis(ref).attributions:
        before = sentence.text[: credit.start - sentence.start]
        if len(before.split()) < _SUBJECT_WORDS and not before.rstrip().endswith(","):
            opening.append(credit.end - sentence.start)
    return _subject(ctx, ref, text, max(opening) if opening else _main_clause(text))


def _names_one_of(ctx: Context, ref: SentenceRef, name: str) -> bool:
    """The sentence names ``name`` or someone who may be one with it (``_one_owner``)."""
    return name in ctx.sentence(ref).text or any(
        _one_owner(name, entity.canonical) or _one_owner(name, entity.text)
        for entity in ctx.analysis(ref).entities
    )


def _name_spans(ctx: Context, ref: SentenceRef) -> list[tuple[int, int]]:
    """Absolute spans of the sentence's named entities outside its credits."""
    credits = [(x.start, x.end) for x in ctx.analysis(ref).attributions]
    return [
        (e.start, e.end)
        for e in ctx.analysis(ref).entities
        if not any(s <= e.start and e.end <= t for s, t in credits)
    ]


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """``[start, end)`` lies inside the named spans (a name, or names side by side)."""
    return any(s <= start < t for s, t in spans) and any(s < end <= t for s, t in spans)


def _same_time(ctx: Context, a: SentenceRef, b: SentenceRef) -> bool:
    """The two sentences place what they report at no different times (jobs cut in March
    and in May are two cuts). The times themselves may still conflict."""
    when_a = {w.lower() for w in _WHEN_RE.findall(_outside_credit(ctx, a))}
    when_b = {w.lower() for w in _WHEN_RE.findall(_outside_credit(ctx, b))}
    return not (when_a and when_b and not when_a & when_b)


def _a_time(mention: Mention) -> bool:
    return mention.kind == "date" or bool(_WHEN_RE.search(mention.text))


def _same_measure(ctx: Context, a: SentenceRef, x: Mention, b: SentenceRef, y: Mention) -> bool:
    """Both figures are levels or both are changes: "rose 12 percent" is no "rose to 30
    percent"."""

    def level(ref: SentenceRef, m: Mention) -> bool:
        sentence = ctx.sentence(ref)
        return bool(_LEVEL_BEFORE_RE.search(sentence.text[: m.start - sentence.start]))

    return level(a, x) == level(b, y)


def _one_quantity(ctx: Context, a: SentenceRef, x: Mention, b: SentenceRef, y: Mention) -> bool:
    """``x`` of sentence ``a`` and ``y`` of ``b`` may state one quantity: comparable, the same
    measure, and no different things counted."""
    if not (_comparable(x, y) and _same_measure(ctx, a, x, b, y)):
        return False
    if x.kind == "duration":
        # A span counted from another event ("two years after the quake") is no span up
        # to now ("in more than 25 years"), nor one before it.
        return _anchor(ctx, a, x) == _anchor(ctx, b, y)
    if x.kind != "count":
        return True  # a sum, a length, a calibre: its unit says what it measures
    counted_x, counted_y = _counted(ctx, a, x), _counted(ctx, b, y)
    return not (counted_x and counted_y and counted_x != counted_y)


def _anchor(ctx: Context, ref: SentenceRef, mention: Mention) -> str:
    """What a span is counted from: the word after it that ties it to another moment
    ("after", "before", "since", "ago", "later", "earlier", "from"), or "" for a span
    standing alone ("for three weeks", "in 25 years")."""
    word = _word_after(ctx, ref, mention)
    return word if word in _ANCHORS else ""


_ANCHORS = frozenset(["after", "before", "since", "ago", "later", "earlier", "from"])


def _counted(ctx: Context, ref: SentenceRef, mention: Mention) -> str:
    """What a bare count counts: the content word right after it ("two touchdowns", "176
    receiving yards"), or "" when a function word, a mark or nothing follows ("minus 20 as
    firefighters battled", "rushed for 716.")."""
    word = _word_after(ctx, ref, mention)
    return word if word not in FUNCTION_WORDS and word.isalpha() else ""


def _word_after(ctx: Context, ref: SentenceRef, mention: Mention) -> str:
    """The first word after a figure, folded, within ``_COUNTED_REACH`` characters, or ""."""
    sentence = ctx.sentence(ref)
    after = fold_words(sentence.text[mention.end - sentence.start :][:_COUNTED_REACH])
    return after[0] if after else ""


# Characters after a figure within which the word it counts (or is counted from) begins.
_COUNTED_REACH = 40


def _unmatched(
    ctx: Context,
    ref: SentenceRef,
    mentions: list[Mention],
    other: SentenceRef,
    other_mentions: list[Mention],
    near_other: list[Mention],
) -> list[Mention]:
    """The figures of sentence ``ref`` the other source does not give: none of the other
    linked sentence or its neighbours states the same figure (``near_other``), and none of
    the linked sentence itself is a bound it lies within or within it ("more than 30
    hours" / "40 hours"; a figure of the next sentence may count something else)."""
    return [
        m
        for m in mentions
        if not m.vague
        and not any(_same(m, n) for n in near_other)
        and not any(_bound_agrees(ctx, ref, m, other, n) for n in other_mentions)
    ]


def _conflicts(ctx: Context, a: SentenceRef, b: SentenceRef) -> list[tuple[Mention, Mention]]:
    if not _same_actors(ctx, a, b):
        return []
    ma, mb = _mentions(ctx, a), _mentions(ctx, b)
    if not _same_time(ctx, a, b):
        ma, mb = [m for m in ma if _a_time(m)], [m for m in mb if _a_time(m)]
    # A figure the other source gives in the linked sentence or the one next to it agrees
    # ("killing 612 people" / "It killed 612 people" a sentence after the town's size).
    near_a, near_b = ma + _neighbour_mentions(ctx, a), mb + _neighbour_mentions(ctx, b)
    only_a = _unmatched(ctx, a, ma, b, mb, near_b)
    only_b = _unmatched(ctx, b, mb, a, ma, near_a)
    if not only_a or not only_b:
        return []
    pairs: list[tuple[Mention, Mention]] = []
    # 1. Numbers that replace each other in the word diff: the strongest evidence.
    for op in ctx.word_changes(a, b):
        if op.tag != "replace":
            continue
        left = [m for m in only_a if m.start < op.a_end and m.end > op.a_start]
        right = [m for m in only_b if m.start < op.b_end and m.end > op.b_start]
        # A replacement that is only the figures ("40" -> "60", "More than 40" -> "About
        # 60") pairs them; a wider one must also put them in the same slot.
        tight = all(m.start <= op.a_start and op.a_end <= m.end for m in left[:1]) and all(
            m.start <= op.b_start and op.b_end <= m.end for m in right[:1]
        )
        for x in left:
            match = next(
                (
                    y
                    for y in right
                    if _one_quantity(ctx, a, x, b, y) and (tight or _same_slot(ctx, a, x, b, y))
                ),
                None,
            )
            if match and (x, match) not in pairs:
                pairs.append((x, match))
    if pairs:
        return _contradicted(ctx, a, b, pairs)
    # 2. Otherwise one unmatched number of a kind on each side.
    for kind in sorted({m.kind for m in only_a} & {m.kind for m in only_b}):
        left = [m for m in only_a if m.kind == kind]
        right = [m for m in only_b if m.kind == kind]
        if (
            len(left) == 1
            and len(right) == 1
            and _one_quantity(ctx, a, left[0], b, right[0])
            and _same_slot(ctx, a, left[0], b, right[0])
        ):
            pairs.append((left[0], right[0]))
    return _contradicted(ctx, a, b, pairs)


def _contradicted(
    ctx: Context, a: SentenceRef, b: SentenceRef, pairs: list[tuple[Mention, Mention]]
) -> list[tuple[Mention, Mention]]:
    """The pairs of figures neither of which the other article states anywhere: an amount
    the other article gives, of the same thing, is not contradicted there; the linked
    sentences give two quantities (one operation's haul, the total so far), each told by
    both."""
    return [
        (x, y)
        for x, y in pairs
        if not _given_in(ctx, a, x, b.source) and not _given_in(ctx, b, y, a.source)
    ]


def _given_in(ctx: Context, ref: SentenceRef, mention: Mention, source: str) -> bool:
    """Article ``source`` states the amount ``mention`` of sentence ``ref`` gives, in any
    sentence: the same figure, not one that rounds to it (2,129 points and a record of
    2,106), counting the same thing where the figure says what it counts ("17 passes" is
    not "17 unanswered points"). Amounts only (``_AMOUNT_KINDS``): a year or a date an
    article gives elsewhere is most often another moment."""
    if mention.kind not in _AMOUNT_KINDS:
        return False
    counted = _counted(ctx, ref, mention) if mention.kind == "count" else ""
    for sentence in ctx.by_id[source].sentences:
        other = SentenceRef(source, sentence.index)
        for given in _mentions(ctx, other):
            if given.vague or given.kind != mention.kind:
                continue
            if given.key != mention.key and (given.value is None or given.value != mention.value):
                continue  # "about 300 rounds" gives 300 rounds
            if counted and _counted(ctx, other, given) != counted:
                continue
            return True
    return False


# The kinds of figure that are amounts of something.
_AMOUNT_KINDS = frozenset(["count", "money", "percent"])


def _stamp(text: str) -> bool:
    """A dateline or a posting stamp, not a claim: no lower-case word of content besides
    its names, dates and times ("WASHINGTON, DC, April 28, 2009", "on Dec 23 2012, 6:11p";
    a headline has its verb: "Quake kills 612"). Their dates say when each page was
    written, not what happened."""
    words = [w for w in re.findall(r"\b[a-z]{3,}\b", text) if w not in FUNCTION_WORDS]
    return not words


def number_findings(ctx: Context) -> list[Draft]:
    """One ``number_conflict`` per claim whose firmly linked sentences disagree on a figure."""
    hits: dict[tuple[SentenceRef, SentenceRef], list[tuple[Mention, Mention]]] = {}
    for a, b, _link in ctx.firm_pairs():
        if _stamp(ctx.sentence(a).text) or _stamp(ctx.sentence(b).text):
            continue
        found = _conflicts(ctx, a, b)
        if found:
            hits[(a, b)] = found
    by_group: dict[SentenceRef, dict[SentenceRef, list[Mention]]] = defaultdict(dict)
    for (a, b), key in group_pairs(list(hits)).items():
        spans = by_group[key]
        for x, y in hits[(a, b)]:
            for ref, mention in ((a, x), (b, y)):
                if mention not in spans.setdefault(ref, []):
                    spans[ref].append(mention)
    drafts = []
    for spans in by_group.values():
        refs = ctx.sort_refs(list(spans))
        values: dict[str, list[str]] = {}
        for ref in refs:
            values.setdefault(ref.source, [])
            values[ref.source].extend(
                m.text for m in spans[ref] if m.text not in values[ref.source]
            )
        shown = "; ".join(f"{ctx.label(s)}: {', '.join(v)}" for s, v in values.items())
        kind = spans[refs[0]][0].kind
        drafts.append(
            Draft(
                kind="number_conflict",
                strength=0.88,
                summary=f"Figures disagree ({shown}): “{snippet(ctx.sentence(refs[0]).text)}”",
                sources=tuple(values),
                evidence=tuple(
                    ctx.evidence(ref, m.start, m.end) for ref in refs for m in spans[ref]
                ),
                detail={"values": values, "number_kind": kind},
            )
        )
    return drafts
