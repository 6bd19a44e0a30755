"""Cross-source findings: every detector reads one ``Context`` (documents, alignment,
per-sentence analyses) and returns drafts; ``ranking`` turns them into the ordered,
numbered ``Finding`` values of the contract. Per-sentence analysis lives elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from framediff.analyze.findings.attribution import attribution_findings
from framediff.analyze.findings.claims import (
    editorial_refs,
    editorializing_findings,
    omission_findings,
    unique_findings,
)
from framediff.analyze.findings.context import Context, Draft
from framediff.analyze.findings.coverage import coverage_matrix, entity_coverage_findings
from framediff.analyze.findings.derived import derived_findings
from framediff.analyze.findings.numbers import number_findings
from framediff.analyze.findings.quotes import quote_findings
from framediff.analyze.findings.ranking import rank
from framediff.analyze.findings.tolls import toll_findings
from framediff.analyze.findings.wording import hedging_findings, wording_findings
from framediff.model import Finding

__all__ = ["Context", "build_findings", "coverage_matrix"]

DETECTORS: tuple[Callable[[Context], list[Draft]], ...] = (
    attribution_findings,
    quote_findings,
    number_findings,
    toll_findings,
    hedging_findings,
    wording_findings,
    omission_findings,
    editorializing_findings,
    lambda ctx: unique_findings(ctx, set(editorial_refs(ctx))),
    derived_findings,
    entity_coverage_findings,
)


def _as_draft(finding: Finding) -> Draft:
    return Draft(
        kind=finding.kind,
        weight=finding.weight,
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
