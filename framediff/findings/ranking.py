"""Ranking: drafts -> ``Finding`` values with weights in [0, 1], sorted by weight with
deterministic tie-breaks, numbered f1, f2 ... in that order. Substance (events,
attribution, figures, omissions) outranks rewording through each kind's ceiling;
redundant findings (an entity whose every mention is already reported as an omission
or unique content) are dropped here. Nothing is dropped for weight: renderers honour
``min_weight``.
"""

from __future__ import annotations

from framediff.findings.context import Context, Draft
from framediff.model import Finding, FindingKind

# Order of kinds on equal weight, and the highest weight each kind may reach.
KIND_ORDER: tuple[FindingKind, ...] = (
    "different_event",
    "attribution_shift",
    "number_conflict",
    "attribution_dropped",
    "omission",
    "quote_altered",
    "editorializing",
    "hedging",
    "wording",
    "unique",
    "quote_to_paraphrase",
    "derived_text",
    "entity_coverage",
)
CEILING: dict[str, float] = {
    "different_event": 1.0,
    "attribution_shift": 0.98,
    "number_conflict": 0.95,
    "attribution_dropped": 0.95,
    "omission": 0.85,
    "quote_altered": 0.85,
    "editorializing": 0.75,
    "hedging": 0.72,
    "wording": 0.7,
    "unique": 0.6,
    "quote_to_paraphrase": 0.55,
    "derived_text": 0.65,
    "entity_coverage": 0.5,
}
# Unique content that reports a source's silence ("the readout did not mention X") says
# what another source left out: it ranks with the attribution findings, not with rewording.
SILENCE_CEILING = 0.9


def _redundant(draft: Draft, covered: set[tuple[str, int]], dropped: set[tuple[str, int]]) -> bool:
    """An entity_coverage whose every mention sits in a sentence another finding already
    shows (the omitted claim, the unique paragraph, the shifted attribution), or a quote
    turned into paraphrase that a dropped attribution already reports."""
    spots = {(e.source, e.sentence) for e in draft.evidence}
    if draft.kind == "entity_coverage":
        return bool(spots) and spots <= covered
    if draft.kind == "quote_to_paraphrase":
        return bool(spots) and spots <= dropped
    return False


def rank(drafts: list[Draft], ctx: Context) -> tuple[Finding, ...]:
    covered = {
        (e.source, e.sentence)
        for d in drafts
        if d.kind not in ("entity_coverage", "derived_text")
        for e in d.evidence
    }
    dropped = {
        (e.source, e.sentence)
        for d in drafts
        if d.kind == "attribution_dropped"
        for e in d.evidence
    }
    kept = [d for d in drafts if not _redundant(d, covered, dropped)]

    def weight(draft: Draft) -> float:
        ceiling = CEILING.get(draft.kind, 0.5)
        if draft.kind == "unique" and draft.detail.get("reports_silence"):
            ceiling = SILENCE_CEILING
        return round(max(0.0, min(draft.weight, ceiling)), 3)

    def key(draft: Draft) -> tuple[object, ...]:
        first = draft.evidence[0] if draft.evidence else None
        where = (
            (ctx.order.get(first.source, 0), first.sentence, first.start) if first else (0, 0, 0)
        )
        return (-weight(draft), KIND_ORDER.index(draft.kind), where, draft.summary)

    unique: dict[tuple[object, ...], Draft] = {}
    for draft in sorted(kept, key=key):
        identity = (draft.kind, draft.evidence, draft.sources_missing)
        unique.setdefault(identity, draft)
    findings = []
    for number, draft in enumerate(unique.values(), start=1):
        findings.append(
            Finding(
                id=f"f{number}",
                kind=draft.kind,
                weight=weight(draft),
                summary=draft.summary,
                sources=tuple(sorted(draft.sources, key=lambda s: ctx.order.get(s, 0))),
                sources_missing=tuple(
                    sorted(draft.sources_missing, key=lambda s: ctx.order.get(s, 0))
                ),
                evidence=draft.evidence,
                detail=draft.detail,
            )
        )
    return tuple(findings)
