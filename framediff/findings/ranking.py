"""Ranking: drafts -> ``Finding`` values, sorted by weight (``weights``: how often a
finding of the kind, and for unique content of its size, proved true on real coverage),
then by the detector's strength, with deterministic tie-breaks, numbered f1, f2 ... in
that order. Redundant findings (an entity
whose every mention is already reported as an omission or unique content) are dropped
here. Nothing is dropped for weight: renderers honour ``min_weight``.
"""

from __future__ import annotations

from framediff.findings.context import Context, Draft
from framediff.findings.weights import evidence_words, finding_weight
from framediff.model import Finding, FindingKind, SentenceRef

# Order of kinds on equal weight and strength.
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
# Unique content that reports a source's silence ("the readout did not mention X") says
# what another source left out: the strongest of the unique findings.
SILENCE_STRENGTH = 0.9


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
        refs = dict.fromkeys(SentenceRef(e.source, e.sentence) for e in draft.evidence)
        return finding_weight(draft.kind, evidence_words(ctx.sentence(r).text for r in refs))

    def key(weighted: tuple[float, Draft]) -> tuple[object, ...]:
        score, draft = weighted
        first = draft.evidence[0] if draft.evidence else None
        where = (
            (ctx.order.get(first.source, 0), first.sentence, first.start) if first else (0, 0, 0)
        )
        return (-score, -draft.strength, KIND_ORDER.index(draft.kind), where, draft.summary)

    unique: dict[tuple[object, ...], tuple[float, Draft]] = {}
    for score, draft in sorted(((weight(d), d) for d in kept), key=key):
        identity = (draft.kind, draft.evidence, draft.sources_missing)
        unique.setdefault(identity, (score, draft))
    findings = []
    for number, (score, draft) in enumerate(unique.values(), start=1):
        findings.append(
            Finding(
                id=f"f{number}",
                kind=draft.kind,
                weight=score,
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
