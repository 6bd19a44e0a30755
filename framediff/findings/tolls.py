"""Casualty figures across sources: the number of dead, injured or missing each source of
an event gives, compared even where the sentences that give them are not linked ("The
accident resulted in at least 124 fatalities." / "... the final death toll stood at 179.").
Reported as ``number_conflict`` with ``detail.figure`` naming what is counted. Figures in
linked sentences are ``numbers.py``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framediff.findings.context import Context, Draft, snippet
from framediff.model import SentenceRef

# What a casualty figure counts, by the words around it.
_FIGURES = {
    "dead": r"dead|deaths?|killed|died|fatalities|lives|bodies",
    "injured": r"injured|wounded|hurt|injuries",
    "missing": r"missing|unaccounted for",
}
_COUNT = r"(?P<count>\d{1,3}(?:,\d{3})+|\d+)"
_HEDGE = r"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to)\s+)?"
# "124 fatalities", "179 people dead", "1,300 people were killed", "86 people injured".
_AFTER = r"\s+(?:(?:people|persons|passengers|civilians|residents|children|soldiers|others|of them)\s+)?(?:(?:were|have been|had been|are|was)\s+)?(?:{words})\b"
# "killed 31", "killing at least 1,700", "a death toll of 179", "the toll rose to 86".
_BEFORE = r"\b(?:{verbs})\s+{hedge}"
_VERBS = {
    "dead": r"killed|killing|kills|(?:death )?toll (?:of|at|to|rose to|stood at|climbed to|reached)",
    "injured": r"injured|injuring|wounded|wounding",
    "missing": r"missing",
}
# "that number quickly increased to 86", "the toll rose to 1,700": a count updated.
_UPDATED = (
    r"\b(?:number|toll|tally|figure|count)\b(?:\s+\w+){{0,3}}?\s+(?:rose|risen|increased|"
    r"climbed|jumped|reached|grew|stood at|stands at)\s+(?:to\s+)?{hedge}"
)
_PATTERNS = {
    figure: re.compile(
        rf"{_HEDGE}{_COUNT}{_AFTER.format(words=words)}|"
        + _BEFORE.format(verbs=_VERBS[figure], hedge=_HEDGE)
        + _COUNT.replace("count", "count2")
        + "|"
        + _UPDATED.format(hedge=_HEDGE)
        + _COUNT.replace("count", "count3"),
        re.IGNORECASE,
    )
    for figure, words in _FIGURES.items()
}
_FIGURE_WORDS = {
    figure: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for figure, words in _FIGURES.items()
}
# A sentence about another time: a year, or a comparison with past events ("the deadliest
# since 1999, when 17,000 people were killed"). Its figures are not this event's toll.
_OTHER_TIME_RE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:since|deadliest|worst|previous|ago|history|record)\b",
    re.IGNORECASE,
)


# Sentences from the top of an article read for its casualty figures.
_LEAD_SENTENCES = 10


@dataclass(frozen=True)
class Figure:
    ref: SentenceRef
    value: int
    start: int  # absolute offsets of the figure as written
    end: int
    text: str


def _figures(ctx: Context, ref: SentenceRef, figure: str) -> list[Figure]:
    sentence = ctx.sentence(ref)
    if _OTHER_TIME_RE.search(sentence.text):
        return []
    found = []
    for match in _PATTERNS[figure].finditer(sentence.text):
        group = next(g for g in ("count", "count2", "count3") if match.group(g))
        if group == "count3" and not _FIGURE_WORDS[figure].search(sentence.text):
            continue  # an updated count of something else
        value = int(match.group(group).replace(",", ""))
        start, end = match.span(group)
        found.append(
            Figure(ref, value, sentence.start + start, sentence.start + end, match.group(group))
        )
    return found


def toll_findings(ctx: Context) -> list[Draft]:
    """One ``number_conflict`` per figure (dead, injured, missing) on which the sources of
    an event group give different highest counts, when the sentences giving them are not
    linked (linked ones are compared word by word by the number detector)."""
    drafts = []
    for group in ctx.compared_groups:
        for figure in _FIGURES:
            highest: dict[str, Figure] = {}
            for source in group:
                # The toll a report gives stands near its top; figures further down are
                # often other events recalled ("the 2011 quake killed 15,000").
                for sentence in ctx.by_id[source].sentences[:_LEAD_SENTENCES]:
                    ref = SentenceRef(source, sentence.index)
                    for found in _figures(ctx, ref, figure):
                        if source not in highest or found.value > highest[source].value:
                            highest[source] = found
            if len({f.value for f in highest.values()}) < 2:
                continue
            shown = sorted(highest.values(), key=lambda f: (-f.value, ctx.order[f.ref.source]))
            top, low = shown[0], shown[-1]
            if top.ref in ctx.links_of.get(low.ref, ()) or low.ref in ctx.links_of.get(top.ref, ()):
                continue
            values = {f.ref.source: [f.text] for f in shown}
            listed = "; ".join(f"{ctx.label(f.ref.source)}: {f.text}" for f in shown)
            drafts.append(
                Draft(
                    kind="number_conflict",
                    strength=0.86,
                    summary=f"Sources give different counts of the {figure} ({listed}): "
                    f"“{snippet(ctx.sentence(low.ref).text)}”",
                    sources=tuple(values),
                    evidence=tuple(ctx.evidence(f.ref, f.start, f.end) for f in shown),
                    detail={"values": values, "number_kind": "count", "figure": figure},
                )
            )
    return drafts
