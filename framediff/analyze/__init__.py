"""Analysis: per-sentence attributions, quotes and entities, the coverage matrix and the
ranked cross-source findings over an alignment.

The per-sentence analysers live in ``sentences`` (and the modules it uses), the findings
in ``findings``; this module only runs them in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.config import Settings
from framediff.model import Alignment, Analysis, Document, Finding, SentenceAnalysis


def _sentence_analyses(documents: Sequence[Document]) -> tuple[SentenceAnalysis, ...]:
    from framediff.analyze.sentences import analyze_sentences

    return tuple(analyze_sentences(documents))


def _event_findings(
    documents: Sequence[Document], events: Sequence[Sequence[str]]
) -> list[Finding]:
    from framediff.analyze.events import different_event_findings

    return list(different_event_findings(documents, events))


def analyze(
    documents: Sequence[Document],
    alignment: Alignment,
    events: Sequence[Sequence[str]],
    settings: Settings,
) -> Analysis:
    """Per-sentence analysis, coverage and ranked findings (all of them: renderers hide
    those under ``settings.min_weight``)."""
    from framediff.analyze.findings import build_findings, coverage_matrix
    from framediff.analyze.findings.context import Context

    sentences = _sentence_analyses(documents)
    ctx = Context(
        documents=tuple(documents),
        alignment=alignment,
        analyses={item.ref: item for item in sentences},
        events=tuple(tuple(event) for event in events),
    )
    findings = build_findings(ctx, _event_findings(documents, events))
    return Analysis(sentences=sentences, coverage=coverage_matrix(ctx), findings=findings)
