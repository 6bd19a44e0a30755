"""Ranking: drafts -> ``Finding`` values, sorted by weight (``weights``: how often a
finding of the kind, and for unique content of its size, proved true on real coverage),
then by the detector's strength, with deterministic tie-breaks, numbered f1, f2 ... in
that order. Redundant findings (an entity
whose every mention is already reported as an omission or unique content) are dropped
here. Nothing is dropped for weight: renderers honour ``min_weight``.
"""

from __future__ import annotations

from framediff.findings.context import Context, Draft
from framediff.findings.weights import finding_weight
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


def evidence_words(draft: Draft, ctx: Context) -> int:
    """Words (split at white space) of the distinct sentences a finding's evidence is in:
    the size a finding's weight is measured by (``weights.WORD_BANDS``)."""
    refs = dict.fromkeys(SentenceRef(e.source, e.sentence) for e in draft.evidence)
    return sum(len(ctx.sentence(ref).text.split()) for ref in refs)


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
        return finding_weight(draft.kind, evidence_words(draft, ctx))

    def key(draft: Draft) -> tuple[object, ...]:
        first = draft.evidence[0] if draft.evidence else None
        where = (
            (ctx.order.get(first.source, 0), first.sentence, first.start) if first else (0, 0, 0)
        )
        return (-weight(draft), -draft.strength, KIND_ORDER.index(draft.kind), where, draft.summary)

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
