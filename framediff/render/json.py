"""Comparison and its parts -> the ``framediff/1`` JSON schema (CONTRACT.md).

Byte-stable: keys in a fixed order, scores rounded to 3 decimals, no floats
that differ between runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from framediff.model import (
    Alignment,
    Comparison,
    Document,
    Finding,
    Link,
    SentenceAnalysis,
    SentenceRef,
    SkippedInput,
)

SCHEMA = "framediff/1"


def _round(value: float) -> float:
    return round(float(value), 3)


def _ref(ref: SentenceRef) -> dict[str, Any]:
    return {"source": ref.source, "sentence": ref.sentence}


def source_to_dict(
    doc: Document, analyses: dict[SentenceRef, SentenceAnalysis] | None = None
) -> dict[str, Any]:
    """One source with its sentences (and their analysis where given)."""
    article = doc.article
    sentences = []
    for sentence in doc.sentences:
        item: dict[str, Any] = {
            "index": sentence.index,
            "text": sentence.text,
            "start": sentence.start,
            "end": sentence.end,
        }
        analysis = (analyses or {}).get(SentenceRef(doc.id, sentence.index))
        item["attributions"] = [
            {
                "speaker": a.speaker,
                "speaker_canonical": a.speaker_canonical,
                "cue": a.cue,
                "kind": a.kind,
                "start": a.start,
                "end": a.end,
            }
            for a in (analysis.attributions if analysis else ())
        ]
        item["quotes"] = [
            {"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker}
            for q in (analysis.quotes if analysis else ())
        ]
        item["entities"] = [
            {
                "text": e.text,
                "canonical": e.canonical,
                "type": e.type,
                "start": e.start,
                "end": e.end,
            }
            for e in (analysis.entities if analysis else ())
        ]
        sentences.append(item)
    return {
        "id": doc.id,
        "label": doc.label,
        "origin": article.origin,
        "title": article.title,
        "outlet": article.outlet,
        "dateline": article.dateline,
        "published": article.published,
        "language": article.language,
        "url": article.url,
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "sentences": sentences,
    }


def link_to_dict(link: Link) -> dict[str, Any]:
    return {
        "a": _ref(link.a),
        "b": _ref(link.b),
        "score": _round(link.score),
        "relation": link.relation,
        "signals": {name: _round(value) for name, value in link.signals.as_dict().items()},
        "ops": [[op.tag, op.a_start, op.a_end, op.b_start, op.b_end] for op in link.ops],
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "kind": finding.kind,
        "weight": _round(finding.weight),
        "summary": finding.summary,
        "sources": list(finding.sources),
        "sources_missing": list(finding.sources_missing),
        "evidence": [
            {"source": e.source, "sentence": e.sentence, "start": e.start, "end": e.end}
            for e in finding.evidence
        ],
        "detail": _jsonable(finding.detail),
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, float):
        return _round(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def alignment_to_dict(alignment: Alignment) -> dict[str, Any]:
    return {
        "pairs": [link_to_dict(link) for link in alignment.links],
        "clusters": [
            {"id": c.id, "members": [_ref(m) for m in c.members], "coverage": c.coverage}
            for c in alignment.clusters
        ],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    analyses = {item.ref: item for item in comparison.analysis.sentences}
    settings = comparison.settings
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "version": comparison.version,
        "settings": {
            "threshold": _round(settings.threshold),
            "min_weight": _round(settings.min_weight),
        },
        "reference": comparison.reference,
        "sources": [source_to_dict(doc, analyses) for doc in comparison.documents],
    }
    result.update(alignment_to_dict(comparison.alignment))
    result["events"] = [list(event) for event in comparison.events]
    result["coverage"] = [
        {"canonical": row.canonical, "type": row.type, "mentions": dict(row.mentions)}
        for row in comparison.analysis.coverage
    ]
    result["findings"] = [finding_to_dict(f) for f in comparison.shown_findings]
    result["skipped"] = skipped_to_list(comparison.skipped)
    return result


def skipped_to_list(skipped: Sequence[SkippedInput]) -> list[dict[str, str]]:
    """The articles a run left out, each with why: ``[{"origin", "reason"}]``."""
    return [{"origin": item.origin, "reason": item.reason} for item in skipped]


def dumps(payload: dict[str, Any]) -> str:
    """The one JSON encoding framediff writes: UTF-8 text, 2-space indent, trailing newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def comparison_to_json(comparison: Comparison) -> str:
    return dumps(comparison_to_dict(comparison))


def sources_payload(
    documents: Sequence[Document], skipped: Sequence[SkippedInput] = (), **extra: Any
) -> dict[str, Any]:
    """``{"schema", "sources", ..., "skipped"}``: the payload of extract, align and group."""
    payload: dict[str, Any] = {
        "schema": SCHEMA,
        "sources": [source_to_dict(doc) for doc in documents],
    }
    payload.update(extra)
    payload["skipped"] = skipped_to_list(skipped)
    return payload
