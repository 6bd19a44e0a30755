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
from framediff.ingest import read_source, skipped_input
from framediff.model import (
    Alignment,
    Article,
    Articles,
    Comparison,
    Document,
    EventGroups,
    RawDocument,
    Sentence,
    SkippedInput,
    SourceContents,
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


def load(
    source: SourceLike, label: str | None = None, presplit: bool = False, strict: bool = False
) -> Articles:
    """Read and clean every article one SOURCE holds. An article of a corpus (a JSONL
    line, a file of a directory) that cannot be read or holds no article text is skipped
    and listed in the result's ``skipped``; an InputError instead when ``strict``, or when
    no article at all can be read."""
    spec = _as_spec(source, label, presplit)
    articles = _load(spec)
    if strict:
        refuse_skipped(articles.skipped)
    require_articles(articles, [spec.location])
    return articles


def _load(spec: SourceSpec) -> Articles:
    contents = read_source(spec)
    articles: list[Article] = []
    skipped = list(contents.skipped)
    for raw in contents.documents:
        try:
            articles.append(clean_document(raw, presplit=spec.presplit))
        except InputError as error:
            if not contents.corpus:
                raise
            skipped.append(skipped_input(raw.origin, error))
    skipped = in_input_order(skipped)
    if spec.label is not None:
        if len(articles) != 1:
            raise UsageError(
                f"--label names one article, but {spec.location} holds {len(articles)}"
            )
        articles = [replace(articles[0], label=spec.label)]
    return Articles(articles, skipped)


def in_input_order(skipped: Iterable[SkippedInput]) -> list[SkippedInput]:
    """One SOURCE's skipped inputs in its order (by file, then by JSONL line), whether
    reading or cleaning skipped them."""
    return sorted(skipped, key=lambda item: _input_position(item.origin))


def _input_position(origin: str) -> tuple[str, int]:
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (origin, 0)


def load_all(
    sources: Sequence[SourceLike],
    labels: Sequence[str] | None = None,
    presplit: bool = False,
    strict: bool = False,
) -> Articles:
    """Read every SOURCE in order; ``labels`` name single-article sources in order. The
    result may be empty when every article was skipped (see ``require_articles``)."""
    if labels and len(labels) > len(sources):
        raise UsageError(f"{len(labels)} labels given for {len(sources)} sources")
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    for position, source in enumerate(sources):
        label = labels[position] if labels and position < len(labels) else None
        loaded = _load(_as_spec(source, label, presplit))
        if strict:
            refuse_skipped(loaded.skipped)
        articles.extend(loaded)
        skipped.extend(loaded.skipped)
    return Articles(articles, skipped)


def refuse_skipped(skipped: Sequence[SkippedInput]) -> None:
    """The strict reading: an InputError naming the first skipped input, if any."""
    if skipped:
        more = len(skipped) - 1
        rest = f" (and {more} more input{'s' if more > 1 else ''} skipped)" if more else ""
        raise InputError(f"{skipped[0]}{rest}")


def require_articles(articles: Articles, sources: Sequence[SourceLike]) -> None:
    """An InputError when the SOURCEs held no article that could be read."""
    if not articles:
        count = len(articles.skipped)
        why = f" ({count} input{'s' if count != 1 else ''} skipped)" if count else ""
        names = ", ".join(str(source) for source in sources)
        raise InputError(f"no readable article in {names}{why}")


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


def read_all(sources: Sequence[SourceLike], presplit: bool = False) -> list[SourceContents]:
    """What each SOURCE holds, decoded but not yet cleaned (a corpus cleans the articles in
    parallel with ``prepare_article``), with the articles that could not be read."""
    return [read_source(_as_spec(source, None, presplit)) for source in sources]


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
    from framediff.findings import analyze
    from framediff.sentences.analysis import analyze_sentences

    settings = settings or Settings()
    progress = on_progress or (lambda stage, fraction: None)
    if len(documents) < 2:
        raise UsageError(f"a comparison needs at least two articles, got {len(documents)}")
    progress("grouping events", 0.3)
    stories, events = _stories_and_occurrences(documents)
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
    analysis = analyze(documents, alignment, events, analyze_sentences(documents), stories)
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
    strict: bool = False,
) -> Comparison:
    """Read, clean, segment, align and analyse several SOURCEs: the full comparison.
    Articles of a corpus that cannot be read are listed in ``skipped`` (an InputError
    instead with ``strict``, or ``Settings.strict``)."""
    settings = settings or Settings()
    if reference is not None:
        settings = replace(settings, reference=reference)
    if strict:
        settings = replace(settings, strict=True)
    progress = on_progress or (lambda stage, fraction: None)
    progress("reading", 0.0)
    articles = load_all(sources, labels, presplit=settings.presplit, strict=settings.strict)
    return compare_articles(articles, settings, on_progress)


def compare_articles(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_progress: ProgressCallback | None = None,
) -> Comparison:
    """Segment, align and analyse articles already read; the inputs skipped while reading
    them (``Articles.skipped``) go into the comparison."""
    progress = on_progress or (lambda stage, fraction: None)
    progress("splitting sentences", 0.15)
    comparison = compare_documents(segment_all(articles), settings, on_progress)
    skipped = articles.skipped if isinstance(articles, Articles) else ()
    return replace(comparison, skipped=skipped)


def group(
    sources: Iterable[SourceLike], presplit: bool = False, strict: bool = False
) -> EventGroups:
    """Which articles report the same event: lists of articles, in input order, and the
    inputs skipped (``skipped``; an InputError instead with ``strict``)."""
    sources = list(sources)
    articles = load_all(sources, presplit=presplit, strict=strict)
    require_articles(articles, sources)
    documents = segment_all(articles)
    by_id = {doc.id: doc.article for doc in documents}
    return EventGroups(
        ([by_id[source_id] for source_id in event] for event in group_documents(documents)),
        articles.skipped,
    )


def group_documents(documents: Sequence[Document]) -> list[list[str]]:
    """Source ids grouped by the event they report, an event's occurrences apart (a later
    meeting, a follow-up weeks on), groups in order of their first member: the groups a
    comparison compares within and the ``group`` command lists."""
    return _stories_and_occurrences(documents)[1]


def _stories_and_occurrences(
    documents: Sequence[Document],
) -> tuple[list[list[str]], list[list[str]]]:
    """The grouping's events (stories) and the same split into occurrences."""
    from framediff.events.grouping import group_events
    from framediff.events.occurrences import split_occurrences

    stories = group_events(documents)
    return stories, split_occurrences(documents, stories)


def align_pair(documents: Sequence[Document], settings: Settings | None = None) -> Alignment:
    """The sentence alignment of exactly two documents."""
    if len(documents) != 2:
        raise UsageError(f"align takes exactly two articles, got {len(documents)}")
    return align_documents(documents, settings or Settings())
