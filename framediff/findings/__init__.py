"""Cross-source findings: every detector reads one ``Context`` (documents, alignment,
per-sentence analyses, events) and returns drafts; ``ranking`` turns them into the
ordered, numbered ``Finding`` values of the contract. Per-sentence analysis lives in
``framediff.sentences``, event grouping in ``framediff.events``: this layer reads both
and parses no raw text of its own to decide who said what.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from framediff.events.grouping import different_event_findings
from framediff.findings.attribution import attribution_findings
from framediff.findings.claims import (
    editorializing_findings,
    omission_findings,
    unique_findings,
)
from framediff.findings.context import Context, Draft
from framediff.findings.coverage import coverage_matrix, entity_coverage_findings
from framediff.findings.derived import derived_findings
from framediff.findings.numbers import number_findings
from framediff.findings.quotes import quote_findings
from framediff.findings.ranking import rank
from framediff.findings.tolls import toll_findings
from framediff.findings.wording import hedging_findings, wording_findings
from framediff.model import Alignment, Analysis, Document, Finding, SentenceAnalysis

__all__ = ["Context", "analyze", "build_findings", "coverage_matrix"]

DETECTORS: tuple[Callable[[Context], list[Draft]], ...] = (
    attribution_findings,
    quote_findings,
    number_findings,
    toll_findings,
    hedging_findings,
    wording_findings,
    omission_findings,
    editorializing_findings,
    lambda ctx: unique_findings(ctx, set(ctx.editorial)),
    derived_findings,
    entity_coverage_findings,
)


def _as_draft(finding: Finding) -> Draft:
    return Draft(
        kind=finding.kind,
        strength=finding.weight,
        summary=finding.summary,
        sources=finding.sources,
        evidence=finding.evidence,
        sources_missing=finding.sources_missing,
        detail=dict(finding.detail),
    )


def build_findings(ctx: Context, extra: Sequence[Finding] = ()) -> tuple[Finding, ...]:
    """All findings over one comparison, ranked; ``extra`` are findings made elsewhere
    (``different_event``) that take part in the ranking."""
    drafts = [draft for detector in DETECTORS for draft in detector(ctx)]
    drafts += [_as_draft(finding) for finding in extra]
    return rank(drafts, ctx)


def analyze(
    documents: Sequence[Document],
    alignment: Alignment,
    events: Sequence[Sequence[str]],
    sentences: Sequence[SentenceAnalysis],
    stories: Sequence[Sequence[str]] | None = None,
) -> Analysis:
    """Coverage and ranked findings over one comparison (all of them: renderers hide
    those under ``settings.min_weight``). ``events`` are the groups findings compare
    within; ``stories``, the event groups they were split from by occurrence (the same
    groups when not given)."""
    ctx = Context(
        documents=tuple(documents),
        alignment=alignment,
        analyses={item.ref: item for item in sentences},
        events=tuple(tuple(event) for event in events),
    )
    findings = build_findings(ctx, different_event_findings(documents, events, stories))
    return Analysis(sentences=tuple(sentences), coverage=coverage_matrix(ctx), findings=findings)
