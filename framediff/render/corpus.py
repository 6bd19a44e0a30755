"""CorpusSummary -> the corpus index, as markdown (``index.md``) and JSON (``index.json``).

The index lists every event of two or more articles with a link to its report, the
articles no other reports, and the inputs that could not be read. Article text (titles,
labels, finding summaries) goes through the markdown report's ``escape``.
"""

from __future__ import annotations

from typing import Any

from framediff.model import CorpusSummary, EventReport
from framediff.render.json import dumps
from framediff.render.markdown import escape, shorten

# The index's own schema (framediff/data/framediff-corpus-1.schema.json); each event's
# report JSON is a framediff/1 comparison.
CORPUS_SCHEMA = "framediff-corpus/1"
TITLE_CHARS = 100


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _listing(values: tuple[str, ...], most: int = 4) -> str:
    shown = ", ".join(escape(value) for value in values[:most])
    return shown + (f" and {len(values) - most} more" if len(values) > most else "")


def summary_line(summary: CorpusSummary) -> str:
    """One line on what a corpus run found."""
    compared = sum(len(event.labels) for event in summary.events)
    failed = sum(1 for event in summary.events if event.error)
    return (
        f"{_count(summary.articles, 'article')}: {_count(len(summary.events), 'event')} "
        f"reported by two or more ({compared} articles), {len(summary.single)} by one"
        f"; {len(summary.skipped)} skipped, {failed} failed"
    )


def index_markdown(summary: CorpusSummary) -> str:
    """The corpus index as GitHub-flavoured markdown."""
    events = summary.events
    lines = ["# framediff corpus", "", summary_line(summary) + ".", ""]
    if events:
        lines += [
            "| Event | Articles | Headline | Outlets | Dates | Findings | Strongest finding |",
            "| --- | ---: | --- | --- | --- | ---: | --- |",
        ]
        for event in events:
            lines.append(_event_row(event))
        lines.append("")
    failed = [event for event in events if event.error]
    if failed:
        lines += ["## Events that could not be compared", ""]
        lines += [f"- {event.name}: {escape(event.error or '')}" for event in failed]
        lines.append("")
    if summary.single:
        lines += ["## Reported by one article", ""]
        lines += [f"- {escape(label)}" for label in summary.single]
        lines.append("")
    if summary.skipped:
        lines += ["## Inputs skipped", ""]
        lines += [f"- {escape(reason)}" for reason in summary.skipped]
        lines.append("")
    return "\n".join(lines)


def _event_row(event: EventReport) -> str:
    link = f"[{event.name}]({event.name}.md)" if event.error is None else event.name
    dates = (
        " – ".join(dict.fromkeys((event.published[0], event.published[-1])))
        if event.published
        else "—"
    )
    strongest = (
        escape(shorten(event.top[0], TITLE_CHARS))
        if event.top
        else ("failed" if event.error else "—")
    )
    cells = [
        link,
        str(len(event.labels)) + (f" ({event.groups} groups)" if event.groups > 1 else ""),
        escape(shorten(event.title, TITLE_CHARS)) or "—",
        _listing(event.outlets) or "—",
        dates,
        str(event.findings),
        strongest,
    ]
    return "| " + " | ".join(cells) + " |"


def index_to_dict(summary: CorpusSummary) -> dict[str, Any]:
    return {
        "schema": CORPUS_SCHEMA,
        "version": summary.version,
        "articles": summary.articles,
        "events": [
            {
                "id": f"e{event.number}",
                "name": event.name,
                "sources": list(event.labels),
                "title": event.title,
                "outlets": list(event.outlets),
                "published": list(event.published),
                "report": f"{event.name}.md" if event.error is None else None,
                "json": f"{event.name}.json" if event.error is None else None,
                "groups": event.groups,
                "findings": event.findings,
                "top": list(event.top),
                "error": event.error,
            }
            for event in summary.events
        ],
        "single": list(summary.single),
        "skipped": list(summary.skipped),
    }


def index_json(summary: CorpusSummary) -> str:
    return dumps(index_to_dict(summary))
