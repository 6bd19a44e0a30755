"""Which documents report the same event, and why two groups are different events.

Owns the grouping (average-linkage agglomeration over the sparse graph of pair scores
from ``framediff.events.scoring``) and the ``different_event`` findings that say
what sets two groups apart: date, place, participants or main action.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from framediff.events.features import EventProfile, actions, participants
from framediff.events.incremental import Cluster, EventGrouper
from framediff.events.lexicon import known_country
from framediff.events.linkage import average_linkage
from framediff.events.occurrences import OCCURRENCE_GAP, report_date
from framediff.events.scoring import DEFAULT_PARAMS, EventIndex, EventParams, PairEvidence
from framediff.model import Document, Evidence, Finding

# Up to this many event groups every pair gets a finding; past it only related pairs
# (sharing this much of their names or text) do, so a corpus does not get n² findings.
ALL_PAIRS_UP_TO = 6
RELATED_NAMES = 0.1
RELATED_TEXT = 0.1
# How far into an article the sentence naming its event's place or day is looked for.
LEAD_SEARCH = 15


def group_indices(
    index: EventIndex,
    params: EventParams = DEFAULT_PARAMS,
    evidence: dict[tuple[int, int], PairEvidence] | None = None,
) -> list[list[int]]:
    """Groups of document positions; each group sorted, groups by first member."""
    if evidence is None:
        evidence = index.pair_evidence(params)
    edges = {}
    for pair, found in evidence.items():
        similarity = found.score(params)
        if similarity > 0:
            edges[pair] = similarity
    apart = frozenset(
        pair
        for pair, found in evidence.items()
        if any(conflict in params.keep_apart for conflict in found.conflicts)
    )
    return average_linkage(len(index.profiles), edges, params.threshold, apart)


def group_events(
    documents: Sequence[Document],
    params: EventParams = DEFAULT_PARAMS,
    cluster: Cluster | None = None,
) -> list[list[str]]:
    """Source ids grouped by event, groups in order of their first member. A ``cluster``
    (worker processes, Dask) profiles and scores partitions of a large corpus."""
    if not documents:
        return []
    grouper = EventGrouper(params, cluster)
    grouper.add(documents)
    return grouper.events()


def different_event_findings(
    documents: Sequence[Document],
    events: Sequence[Sequence[str]],
    stories: Sequence[Sequence[str]] | None = None,
) -> list[Finding]:
    """``different_event`` findings between event groups (ids left empty for the ranker).

    Each pair of groups is compared through its first members' leads. The weight is
    high when the two share actors, since that is when a reader may take one event for
    the other; groups with nothing in common get a low weight. Two groups split from one
    of ``stories`` (the grouping's events, before ``events.occurrences`` split them) are
    two occurrences of one story, and the finding says which is the later.
    """
    if len(events) < 2:
        return []
    story = {source: k for k, group in enumerate(stories or events) for source in group}
    position = {doc.id: k for k, doc in enumerate(documents)}
    groups = [[position[i] for i in event if i in position] for event in events]
    groups = [group for group in groups if group]
    index = EventIndex(documents)
    findings = []
    for first, group_a in enumerate(groups):
        for group_b in groups[first + 1 :]:
            if len(groups) > ALL_PAIRS_UP_TO:
                # Among many events, only those a reader could take for one another.
                found = index.evidence(group_a[0], group_b[0])
                if found.names < RELATED_NAMES and found.text < RELATED_TEXT:
                    continue
            same_story = story[documents[group_a[0]].id] == story[documents[group_b[0]].id]
            findings.append(_finding(index, documents, group_a, group_b, same_story))
    return findings


def _facts(profile: EventProfile) -> dict[str, Any]:
    """What the lead says about the event, as JSON values for the finding's detail."""
    return {
        "date": profile.event_date.isoformat() if profile.event_date else None,
        "weekday": profile.weekday.capitalize() if profile.weekday else None,
        "years": sorted(profile.years),
        "place": profile.places[0].title() if profile.places else None,
        "participants": participants(profile),
        "actions": actions(profile),
    }


def _describe(facts: dict[str, Any]) -> str:
    people, acts = facts["participants"], facts["actions"]
    if people:
        text = ", ".join(people[:3]) if len(people) > 2 else " and ".join(people)
    else:
        text = "an event"
    if acts:
        text += f" ({acts[0]})"
    if facts["place"]:
        text += f" in {facts['place']}"
    if facts["weekday"]:
        text += f" on {facts['weekday']}"
    if facts["years"]:
        text += f" ({', '.join(str(year) for year in facts['years'])})"
    return text


def _finding(
    index: EventIndex,
    documents: Sequence[Document],
    group_a: list[int],
    group_b: list[int],
    same_story: bool,
) -> Finding:
    a, b = group_a[0], group_b[0]
    pa, pb = index.profiles[a], index.profiles[b]
    fa, fb = _facts(pa), _facts(pb)
    # Name the kind of event both leads share, if any, so the summary does not invent a
    # difference ("visit" against "meeting" when both report the meeting).
    common = [act for act in fa["actions"] if act in fb["actions"]]
    if common:
        fa["actions"] = [common[0]] + [x for x in fa["actions"] if x != common[0]]
        fb["actions"] = [common[0]] + [x for x in fb["actions"] if x != common[0]]
    found = index.evidence(a, b)
    differs = list(dict.fromkeys(found.conflicts))
    # Sharing names with the other event is the trap; so is a close topic.
    weight = 0.35 + 0.35 * min(1.0, found.names * 2.5) + 0.25 * min(1.0, found.text * 2)
    label_a, label_b = documents[a].label, documents[b].label
    # Two occurrences of one story: groups the occurrence split made, or groups that read
    # as one story all the same (their average pair score would join them).
    story = (
        same_story
        or _average_score(index, group_a, group_b) >= index.params.threshold
        or ("place" not in differs and _one_story(index, group_a, group_b))
    )
    occurrence = _occurrence(index, group_a, group_b) if story else None
    if occurrence:
        when, day_a, day_b = occurrence
        summary = (
            f"{_labels(documents, group_b)} {_report_verb(group_b, when)} {when} occurrence "
            f"({_day(day_b)}) than {_labels(documents, group_a)} ({_day(day_a)}): "
            "not compared with one another"
        )
    else:
        summary = f"{label_b} reports {_describe(fb)}; {label_a} {_describe(fa)}"
    if differs:
        summary += f" (differ in {', '.join(differs)})"
    return Finding(
        id="",
        kind="different_event",
        weight=round(min(1.0, weight), 3),
        summary=summary,
        sources=tuple(documents[k].id for k in group_a + group_b),
        sources_missing=(),
        evidence=_lead_evidence(documents[a], fa) + _lead_evidence(documents[b], fb),
        detail={
            "events": [
                [documents[k].id for k in group_a],
                [documents[k].id for k in group_b],
            ],
            "shared_actors": _shared_actors(pa, pb),
            "differs": differs,
            "facts": {documents[a].id: fa, documents[b].id: fb},
            "similarity": round(found.score(), 3),
            "occurrence": occurrence[0] if occurrence else None,
        },
    )


def _one_story(index: EventIndex, group_a: list[int], group_b: list[int]) -> bool:
    """The two groups tell stages of one story in other words: a person (or body) named in
    full in a lead of one is named in the other's reports too, and both tell the same kind
    of act (the shooting reported as a murder; months on, the murder trial ordered). Asked
    only where their leads put them in no different places: the same two ministers meeting
    in Moscow and, two years on, in Beijing are two events."""
    profiles_a = [index.profiles[k] for k in group_a]
    profiles_b = [index.profiles[k] for k in group_b]
    if not set().union(*map(actions, profiles_a)) & set().union(*map(actions, profiles_b)):
        return False
    names_a = set().union(*(p.names for p in profiles_a))
    names_b = set().union(*(p.names for p in profiles_b))
    for profile in profiles_a + profiles_b:
        for name in participants(profile):
            words = {word.lower().rstrip(".") for word in name.split()}
            if len(words) >= 2 and words <= names_a and words <= names_b:
                return True
    return False


def _average_score(index: EventIndex, group_a: list[int], group_b: list[int]) -> float:
    """The average-linkage similarity of two groups: their pairs' mean score."""
    scores = [index.evidence(i, j).score() for i in group_a for j in group_b]
    return sum(scores) / len(scores)


def _occurrence(
    index: EventIndex, group_a: list[int], group_b: list[int]
) -> tuple[str, date, date] | None:
    """("later" or "earlier", a's day, b's day) when every dated report of group b is more
    than ``OCCURRENCE_GAP`` days after (or before) every dated one of group a: of one
    story, the two groups report two occurrences (``events.occurrences``)."""
    days_a = [d for k in group_a if (d := report_date(index.profiles[k]))]
    days_b = [d for k in group_b if (d := report_date(index.profiles[k]))]
    if not days_a or not days_b:
        return None
    if (min(days_b) - max(days_a)).days > OCCURRENCE_GAP:
        return "later", max(days_a), min(days_b)
    if (min(days_a) - max(days_b)).days > OCCURRENCE_GAP:
        return "earlier", min(days_a), max(days_b)
    return None


def _labels(documents: Sequence[Document], group: list[int]) -> str:
    names = [documents[k].label for k in group]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _report_verb(group: list[int], when: str) -> str:
    article = "an" if when == "earlier" else "a"
    return f"reports {article}" if len(group) == 1 else f"report {article}"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _shared_actors(a: EventProfile, b: EventProfile) -> list[str]:
    """People (matched by surname) and countries both leads name."""
    people_b = {name.split()[-1]: name for name in participants(b)}
    shared = [name for name in participants(a) if name.split()[-1] in people_b]
    countries_a = {c for run in a.lead_names if (c := known_country(run))}
    countries_b = {c for run in b.lead_names if (c := known_country(run))}
    return shared + sorted(c.title() for c in countries_a & countries_b)


def _lead_evidence(document: Document, facts: dict[str, Any]) -> tuple[Evidence, ...]:
    """The sentences that state the document's event: its first real sentence, and the
    first one naming the event's place or weekday when that is another sentence."""
    sentences = [s for s in document.sentences if len(s.text.split()) >= 6]
    sentences = sentences or list(document.sentences)
    if not sentences:
        return ()
    chosen = [sentences[0]]
    for cue in (str(facts[key]).lower() for key in ("place", "weekday") if facts[key]):
        for sentence in sentences[:LEAD_SEARCH]:
            if cue in sentence.text.lower():
                if sentence not in chosen:
                    chosen.append(sentence)
                break
    chosen.sort(key=lambda sentence: sentence.index)
    return tuple(Evidence(document.id, s.index, s.start, s.end) for s in chosen)


__all__ = ["average_linkage", "different_event_findings", "group_events"]
