"""Occurrences: a source reporting another occurrence of an event (the next meeting, a
follow-up weeks later) is compared with no one and named by the event check; a date the
lead looks back to or ahead to, or a follow-up a day or two on, splits nothing. Cases and
their expected groups: fixtures/events/occurrences/gold.json, labelled before the code."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from framediff import compare
from framediff.cli import main
from framediff.model import Comparison

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events" / "occurrences"
GOLD = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
CASES = {case["name"]: case for case in GOLD["cases"]}


def run(case: dict[str, Any]) -> Comparison:
    return compare([str(FIXTURES / name) for name in case["articles"]])


def labelled(comparison: Comparison) -> list[list[str]]:
    return [[comparison.document(s).label for s in event] for event in comparison.events]


@pytest.mark.parametrize("name", sorted(CASES))
def test_compare_groups_are_the_labelled_occurrences(name: str) -> None:
    case = CASES[name]
    assert labelled(run(case)) == case["groups"]


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if "later" in c))
def test_event_check_names_the_later_occurrence_and_its_day(name: str) -> None:
    case = CASES[name]
    comparison = run(case)
    label = {doc.id: doc.label for doc in comparison.documents}
    notes = [f for f in comparison.analysis.findings if f.kind == "different_event"]
    for later, day in case["later"].items():
        found = date.fromisoformat(day)
        matching = [
            f
            for f in notes
            if f.detail["occurrence"] == "later"
            and later in [label[s] for s in f.detail["events"][1]]
        ]
        assert len(matching) == 1, [f.summary for f in notes]
        summary = matching[0].summary
        subject, _, rest = summary.partition(" report")
        assert later in subject and rest.startswith(("s a later occurrence", " a later occurrence"))
        assert f"({found.day} {found:%B %Y})" in summary


def test_findings_never_compare_two_occurrences() -> None:
    """Herald's 6-1 vote and its library money are another meeting's: no number conflict
    with the 5-2 vote, nothing "only Herald reports", nothing Herald "leaves out"."""
    comparison = run(CASES["council_next_meeting"])
    herald = next(d.id for d in comparison.documents if d.label == "council_herald")
    for finding in comparison.analysis.findings:
        if finding.kind == "different_event":
            continue
        touched = {e.source for e in finding.evidence} | set(finding.sources)
        touched |= set(finding.sources_missing)
        assert herald not in touched, finding.summary


def test_one_occurrence_is_compared_as_before() -> None:
    """The three reports of the first meeting still give findings among themselves."""
    comparison = run(CASES["council_next_meeting"])
    assert any(f.kind != "different_event" for f in comparison.analysis.findings)


def test_a_date_looked_back_to_or_ahead_to_is_no_occurrence() -> None:
    for name in ("lookback_date", "scheduled_date", "follow_up_day", "reading_stamp"):
        comparison = run(CASES[name])
        assert len(comparison.events) == 1, name
        assert not [f for f in comparison.analysis.findings if f.kind == "different_event"]


def test_group_command_lists_occurrences_apart(capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES["council_next_meeting"]
    paths = [str(FIXTURES / name) for name in case["articles"]]
    assert main(["group", *paths]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "council_herald" in lines[1] and "council_herald" not in lines[0]


def test_a_reading_stamp_is_no_publication_date() -> None:
    """ "Posted 1 year, 3 days ago [downloaded on 20 March 2027]" dates the reading, so the
    page has no publication date (and the stamp still leaves the body)."""
    comparison = run(CASES["reading_stamp"])
    blog = next(d for d in comparison.documents if d.label == "stamp_blog")
    assert blog.article.published is None
    assert not any("downloaded" in s.text for s in blog.sentences)
    wire = next(d for d in comparison.documents if d.label == "council_wire")
    assert wire.article.published == "2026-03-04"
