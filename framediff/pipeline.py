"""The one place that knows the order of the stages.

ingest -> clean -> segment -> events -> align -> sentences -> findings -> Comparison. Every
public entry point (CLI, app, Python API, corpus runs) goes through here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from framediff.alignment import align_documents, merge_alignments, order_clusters
from framediff.clean import clean_document
from framediff.config import Settings
from framediff.errors import InputError, UsageError
from framediff.ingest import read_source
from framediff.model import (
    Alignment,
    Article,
    Comparison,
    Document,
    RawDocument,
    Sentence,
    SourceSpec,
)
from framediff.segment import segment_article

# Event grouping, sentence analysis and findings are imported where they run, so reading,
# extracting and aligning articles do not load them (a tenth of a second of start-up).

__version__ = "0.1.0"

# Called with a stage name and the fraction of the whole run done (0..1).
ProgressCallback = Callable[[str, float], None]
SourceLike = str | Path | SourceSpec


def _as_spec(source: SourceLike, label: str | None, presplit: bool) -> SourceSpec:
    if isinstance(source, SourceSpec):
        return source
    return SourceSpec(location=str(source), label=label, presplit=presplit)


def load(source: SourceLike, label: str | None = None, presplit: bool = False) -> list[Article]:
    """Read and clean every article one SOURCE holds."""
    spec = _as_spec(source, label, presplit)
    articles = [clean_document(raw, presplit=spec.presplit) for raw in read_source(spec)]
    if spec.label is not None:
        if len(articles) != 1:
            raise UsageError(
                f"--label names one article, but {spec.location} holds {len(articles)}"
            )
        articles = [replace(articles[0], label=spec.label)]
    return articles


def load_all(
    sources: Sequence[SourceLike],
    labels: Sequence[str] | None = None,
    presplit: bool = False,
) -> list[Article]:
    """Read every SOURCE in order; ``labels`` name single-article sources in order."""
    if labels and len(labels) > len(sources):
        raise UsageError(f"{len(labels)} labels given for {len(sources)} sources")
    articles: list[Article] = []
    for position, source in enumerate(sources):
        label = labels[position] if labels and position < len(labels) else None
        articles.extend(load(source, label=label, presplit=presplit))
    return articles


def _base_label(article: Article) -> str:
    if article.label:
        return article.label
    if article.doc_id:
        return article.doc_id
    if article.outlet:
        return article.outlet
    origin = article.origin
    if origin.startswith(("http://", "https://")):
        return origin.split("//", 1)[1].split("/", 1)[0]
    path_part, _, line = origin.rpartition(":")
    if path_part and line.isdigit():
        return f"{Path(path_part).stem}:{line}"
    return Path(origin).stem or origin


def unique_labels(articles: Sequence[Article]) -> list[str]:
    """Contract labels: label, else id, else outlet, else file stem; collisions get -2, -3."""
    seen: Counter[str] = Counter()
    labels = []
    for article in articles:
        base = _base_label(article)
        seen[base] += 1
        label = base if seen[base] == 1 else f"{base}-{seen[base]}"
        while label in labels:
            seen[base] += 1
            label = f"{base}-{seen[base]}"
        labels.append(label)
    return labels


def segment_all(articles: Sequence[Article]) -> list[Document]:
    """Give each article its id (s1, s2 ...) and label, and split it into sentences."""
    return number_documents([(article, segment_article(article)) for article in articles])


def number_documents(prepared: Sequence[tuple[Article, tuple[Sentence, ...]]]) -> list[Document]:
    """Documents of split articles, in order: ids s1, s2 ... and the contract's labels."""
    articles = [article for article, _ in prepared]
    return [
        Document(id=f"s{position + 1}", label=label, article=article, sentences=sentences)
        for position, ((article, sentences), label) in enumerate(
            zip(prepared, unique_labels(articles), strict=True)
        )
    ]


def read_all(sources: Sequence[SourceLike], presplit: bool = False) -> list[RawDocument]:
    """Every article the SOURCEs hold, decoded but not yet cleaned (a corpus cleans them
    in parallel with ``prepare_article``)."""
    return [raw for source in sources for raw in read_source(_as_spec(source, None, presplit))]


def prepare_article(
    raw: RawDocument, presplit: bool = False
) -> tuple[Article, tuple[Sentence, ...]]:
    """Clean one raw article and split it into sentences: the per-article work."""
    article = clean_document(raw, presplit=presplit)
    return article, segment_article(article)


def choose_reference(
    documents: Sequence[Document], alignment: Alignment, wanted: str | None
) -> str | None:
    """The source rows are read against: the one asked for, else the most-linked one."""
    if not documents:
        return None
    if wanted is not None:
        for doc in documents:
            if wanted in (doc.label, doc.id):
                return doc.id
        known = ", ".join(doc.label for doc in documents)
        raise UsageError(f"--reference {wanted!r} names no source (sources: {known})")
    linked: dict[str, set[int]] = {doc.id: set() for doc in documents}
    for link in alignment.links:
        linked[link.a.source].add(link.a.sentence)
        linked[link.b.source].add(link.b.sentence)
    # max() keeps the first of equals, so ties go to input order.
    return max(documents, key=lambda doc: len(linked[doc.id])).id


def compare_documents(
    documents: Sequence[Document],
    settings: Settings | None = None,
    on_progress: ProgressCallback | None = None,
) -> Comparison:
    """Align and analyse already segmented documents (one event group or several)."""
    from framediff.events.grouping import group_events
    from framediff.findings import analyze
    from framediff.sentences.analysis import analyze_sentences

    settings = settings or Settings()
    progress = on_progress or (lambda stage, fraction: None)
    if len(documents) < 2:
        raise UsageError(f"a comparison needs at least two articles, got {len(documents)}")
    progress("grouping events", 0.3)
    events = group_events(documents)
    by_id = {doc.id: doc for doc in documents}
    alignments = []
    for number, event in enumerate(events):
        progress("aligning", 0.3 + 0.4 * number / len(events))
        members = [by_id[source_id] for source_id in event]
        if len(members) > 1:
            alignments.append(align_documents(members, settings))
    merged = merge_alignments(documents, alignments)
    reference = choose_reference(documents, merged, settings.reference)
    alignment = order_clusters(merged, documents, reference)
    progress("analysing", 0.75)
    analysis = analyze(documents, alignment, events, analyze_sentences(documents))
    progress("done", 1.0)
    return Comparison(
        settings=settings,
        reference=reference,
        documents=tuple(documents),
        alignment=alignment,
        analysis=analysis,
        events=tuple(tuple(event) for event in events),
        version=__version__,
    )


def compare(
    sources: Sequence[SourceLike],
    labels: Sequence[str] | None = None,
    reference: str | None = None,
    settings: Settings | None = None,
    on_progress: ProgressCallback | None = None,
) -> Comparison:
    """Read, clean, segment, align and analyse several SOURCEs: the full comparison."""
    settings = settings or Settings()
    if reference is not None:
        settings = replace(settings, reference=reference)
    progress = on_progress or (lambda stage, fraction: None)
    progress("reading", 0.0)
    articles = load_all(sources, labels, presplit=settings.presplit)
    progress("splitting sentences", 0.15)
    documents = segment_all(articles)
    return compare_documents(documents, settings, on_progress)


def group(sources: Iterable[SourceLike], presplit: bool = False) -> list[list[Article]]:
    """Which articles report the same event: lists of articles, in input order."""
    from framediff.events.grouping import group_events

    articles = load_all(list(sources), presplit=presplit)
    if not articles:
        raise InputError("no article to group")
    documents = segment_all(articles)
    by_id = {doc.id: doc.article for doc in documents}
    return [[by_id[source_id] for source_id in event] for event in group_events(documents)]
