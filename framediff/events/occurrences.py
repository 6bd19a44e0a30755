"""Occurrences within one event: which sources of an event group report another occurrence
of it (the council's next meeting, a follow-up weeks later, a trial months after the
crime) than the rest.

Grouping joins articles that tell one story; a source whose lead dates what it reports more
than a week from the others' reports another occurrence of that story. Findings compare it
with no one: its figures are not conflicts with theirs, its content is not what they left
out. The event check names it (``different_event``, ``detail.occurrence``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from framediff.events.features import EventProfile, profile_document
from framediff.events.scoring import EventIndex
from framediff.model import Document

# Days between two reports' dates past which they report different occurrences. A day or
# two apart is the same event told the next morning or on a follow-up day (and a weekday
# resolved against a date line may be off by one); a week apart is the next meeting.
OCCURRENCE_GAP = 7
# A lead date this far past its own article's date line is a plan ("the vote scheduled for
# December 15"), not the day of what it reports.
AHEAD = timedelta(days=1)


def report_date(profile: EventProfile) -> date | None:
    """The day what an article reports happened: the day its lead gives, unless that day is
    after the article's own date (a plan) or more than ``OCCURRENCE_GAP`` days before it (a
    day the story looks back to), when the article's date stands for it; else whichever of
    the two is known."""
    told, dated = profile.event_date, profile.reference_date
    if told is None or dated is None:
        return told or dated
    if told > dated + AHEAD or (dated - told).days > OCCURRENCE_GAP:
        return dated
    return told


def occurrences(documents: Sequence[Document]) -> list[tuple[str, ...]]:
    """The occurrences that ``documents`` (one event group) report, each as its sources in
    input order: dated reports within ``OCCURRENCE_GAP`` days of one another, chained, are
    one occurrence. An undated report joins the occurrence holding the report it reads most
    like (the grouping's pair score; not the occurrence's average, which the varied reports
    of a well-covered occurrence pull down), the one with the most reports (the earliest
    among equals) when none is closer. Ordered by their first source in input order."""
    profiles = [profile_document(doc) for doc in documents]
    dated = sorted((day, k) for k, profile in enumerate(profiles) if (day := report_date(profile)))
    runs: list[list[int]] = []
    previous: date | None = None
    for day, k in dated:
        if previous is not None and (day - previous).days <= OCCURRENCE_GAP:
            runs[-1].append(k)
        else:
            runs.append([k])
        previous = day
    if len(runs) <= 1:
        return [tuple(doc.id for doc in documents)]
    main = max(range(len(runs)), key=lambda r: (len(runs[r]), -r))
    undated = sorted(set(range(len(documents))) - {k for _, k in dated})
    if undated:
        index = EventIndex(documents, profiles=profiles)
        for k in undated:
            closeness = [max(index.evidence(k, other).score() for other in run) for run in runs]
            runs[max(range(len(runs)), key=lambda r: (closeness[r], r == main))].append(k)
    return [tuple(documents[k].id for k in sorted(run)) for run in sorted(runs, key=min)]


def split_occurrences(
    documents: Sequence[Document], events: Sequence[Sequence[str]]
) -> list[list[str]]:
    """``events`` with each group split into the occurrences it reports: the groups a
    comparison compares within, in order of their first source."""
    by_id = {doc.id: doc for doc in documents}
    position = {doc.id: k for k, doc in enumerate(documents)}
    groups = [
        list(occurrence)
        for event in events
        for occurrence in occurrences([by_id[source] for source in event])
    ]
    return sorted(groups, key=lambda group: position[group[0]])


__all__ = ["OCCURRENCE_GAP", "occurrences", "report_date", "split_occurrences"]
