"""Frozen values that flow between framediff's stages.

Every stage takes one of these and returns a new one; nothing here does I/O or
analysis. Spans are half-open code-point ranges into ``Article.text``; links,
findings and attributions point at sentences through ``SentenceRef`` and only
``Comparison`` resolves them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from framediff.config import Settings

if TYPE_CHECKING:
    from typing import Any

RemovedReason = Literal[
    "related-links",
    "navigation",
    "advert",
    "app-prompt",
    "comments",
    "share-widget",
    "newsletter",
    "caption",
    "byline",
    "date-line",
    "dateline",
    "duplicate-headline",
    "teaser",
    "boilerplate",
    "correction",
    "title",
    "pull-quote",
]
Relation = Literal["same", "paraphrase", "partial", "contradicts"]
Coverage = Literal["all", "some", "one"]
AttributionKind = Literal["direct", "indirect", "according_to", "partial_quote", "unattributed"]
EntityType = Literal["PERSON", "ORG", "PLACE", "COUNTRY", "OTHER"]
OpTag = Literal["equal", "replace", "delete", "insert"]
FindingKind = Literal[
    "omission",
    "unique",
    "editorializing",
    "attribution_shift",
    "attribution_dropped",
    "quote_altered",
    "quote_to_paraphrase",
    "wording",
    "hedging",
    "number_conflict",
    "entity_coverage",
    "derived_text",
    "different_event",
]


# --- ingest ---------------------------------------------------------------


@dataclass(frozen=True)
class SourceSpec:
    """One SOURCE argument as the user gave it."""

    location: str  # a path, a URL, or "-" for standard input
    label: str | None = None
    presplit: bool = False


@dataclass(frozen=True)
class RawDocument:
    """One article's bytes decoded, before any cleaning.

    ``origin`` names where it came from (path, URL, ``path:LINE`` for JSONL).
    Fields other than ``content`` are what the input itself declared (JSON
    fields); cleaning fills in the rest.
    """

    origin: str
    content: str
    is_html: bool
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    label: str | None = None
    doc_id: str | None = None
    sentences: tuple[str, ...] | None = None  # given pre-split: used as is
    # The content is already an article's text (a JSON "text" field), not a page
    # capture: cleaning only drops chrome lines instead of searching for the body.
    extracted: bool = False


@dataclass(frozen=True)
class SkippedInput:
    """An article a corpus (a JSONL file, a directory) held that could not be read or
    holds no article text; a run lists it and goes on with the rest."""

    origin: str  # where it was: a file in a directory, ``path:LINE`` for a JSONL line
    reason: str  # one line, without the origin

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class SourceContents:
    """What one SOURCE holds. Only a corpus (``corpus``: a directory or a JSONL file)
    skips an article; a single article that cannot be read is an error instead."""

    documents: tuple[RawDocument, ...]
    skipped: tuple[SkippedInput, ...] = ()
    corpus: bool = False


# --- clean ----------------------------------------------------------------


@dataclass(frozen=True)
class Removed:
    """A line or block that cleaning dropped, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """The cleaned article: body text and metadata.

    ``text`` holds the body only; paragraphs are separated by newlines and no
    sentence ever crosses one. ``presplit`` carries user-given sentences, in
    which case ``text`` is exactly those lines joined by ``\\n``.
    """

    origin: str
    text: str
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str = "en"
    url: str | None = None
    label: str | None = None  # declared label, else None
    doc_id: str | None = None
    removed: tuple[Removed, ...] = ()
    presplit: tuple[str, ...] | None = None


class Articles(list[Article]):
    """Articles in input order, with the inputs that were skipped on the way
    (``framediff.load``): a list, so callers that only want the articles need not care."""

    def __init__(
        self, articles: Iterable[Article] = (), skipped: Iterable[SkippedInput] = ()
    ) -> None:
        super().__init__(articles)
        self.skipped: tuple[SkippedInput, ...] = tuple(skipped)


class EventGroups(list[list[Article]]):
    """Articles grouped by event (``framediff.group``), with the inputs that were skipped."""

    def __init__(
        self, groups: Iterable[list[Article]] = (), skipped: Iterable[SkippedInput] = ()
    ) -> None:
        super().__init__(groups)
        self.skipped: tuple[SkippedInput, ...] = tuple(skipped)


# --- segment --------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of its article's text: ``text == article.text[start:end]``."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A segmented article with its identity in a comparison (``s1``, ``s2`` ...)."""

    id: str
    label: str
    article: Article
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, order=True)
class SentenceRef:
    """A pointer to sentence ``sentence`` of source ``source``."""

    source: str
    sentence: int


# --- align ----------------------------------------------------------------


@dataclass(frozen=True)
class Signals:
    """Components of a sentence-pair score, so a reader can see why a link was made."""

    lexical: float  # IDF-weighted overlap of content words (symmetric)
    containment: float  # share of the shorter side's content found in the other
    names: float  # agreement of names
    numbers: float  # agreement of numbers (1.0 when neither has any)
    characters: float  # character-level similarity (near copies)
    semantic: float  # static-embedding cosine

    def as_dict(self) -> dict[str, float]:
        return {
            "lexical": self.lexical,
            "containment": self.containment,
            "names": self.names,
            "numbers": self.numbers,
            "characters": self.characters,
            "semantic": self.semantic,
        }


@dataclass(frozen=True)
class Opcode:
    """A word-level difflib opcode mapped to absolute character offsets in both texts."""

    tag: OpTag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class Link:
    """Two sentences of different sources that share content."""

    a: SentenceRef
    b: SentenceRef
    score: float
    relation: Relation
    signals: Signals
    ops: tuple[Opcode, ...] = ()

    def ops_from(self, first: SentenceRef) -> tuple[Opcode, ...]:
        """The word diff with ``first``'s side as ``a`` (difflib tags swapped to match)."""
        if first == self.a:
            return self.ops
        swap: dict[str, OpTag] = {"insert": "delete", "delete": "insert"}
        return tuple(
            Opcode(swap.get(op.tag, op.tag), op.b_start, op.b_end, op.a_start, op.a_end)
            for op in self.ops
        )


@dataclass(frozen=True)
class Cluster:
    """A claim: sentences of any sources that carry it."""

    id: str
    members: tuple[SentenceRef, ...]
    coverage: Coverage


@dataclass(frozen=True)
class Alignment:
    links: tuple[Link, ...]
    clusters: tuple[Cluster, ...]


# --- analyze --------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """Who a sentence credits for its content; offsets are absolute in the article text."""

    speaker: str | None
    speaker_canonical: str | None
    cue: str | None
    kind: AttributionKind
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True)
class Entity:
    text: str
    canonical: str
    type: EntityType
    start: int
    end: int


@dataclass(frozen=True)
class SentenceAnalysis:
    """What one sentence says about sources, quotes and entities."""

    ref: SentenceRef
    attributions: tuple[Attribution, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    # The sentence reports someone's words or passes a claim on (a reporting verb, a
    # quotation that states something, a hedge such as "reportedly"), whether or not a
    # speaker was found: it does not state its claim in the outlet's own voice.
    attributed: bool = False


@dataclass(frozen=True)
class Evidence:
    source: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    id: str
    kind: FindingKind
    weight: float
    summary: str
    sources: tuple[str, ...]
    sources_missing: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    # The kind's own fields, documented per kind in CONTRACT.md; JSON values only.
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CoverageRow:
    """How often each source mentions one entity or topic."""

    canonical: str
    type: EntityType
    mentions: Mapping[str, int]


@dataclass(frozen=True)
class Analysis:
    sentences: tuple[SentenceAnalysis, ...]
    coverage: tuple[CoverageRow, ...]
    findings: tuple[Finding, ...]


# --- the whole comparison --------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """Everything framediff knows about a set of sources; renderers only read it."""

    settings: Settings
    reference: str | None
    documents: tuple[Document, ...]
    alignment: Alignment
    analysis: Analysis
    events: tuple[tuple[str, ...], ...]
    version: str = "0.1.0"
    # Articles of the SOURCEs' corpora (JSONL lines, files of a directory) left out
    # because they could not be read or hold no article text.
    skipped: tuple[SkippedInput, ...] = ()

    def document(self, source_id: str) -> Document:
        for doc in self.documents:
            if doc.id == source_id:
                return doc
        raise KeyError(source_id)

    def sentence(self, ref: SentenceRef) -> Sentence:
        return self.document(ref.source).sentences[ref.sentence]

    @cached_property
    def _analysis_by_ref(self) -> dict[SentenceRef, SentenceAnalysis]:
        return {item.ref: item for item in self.analysis.sentences}

    def sentence_analysis(self, ref: SentenceRef) -> SentenceAnalysis | None:
        return self._analysis_by_ref.get(ref)

    @cached_property
    def shown_findings(self) -> tuple[Finding, ...]:
        """The findings at or above ``settings.min_weight``, in rank order: the one filter
        every renderer, the app, the CLI's exit code and the corpus index read."""
        return tuple(f for f in self.analysis.findings if f.weight >= self.settings.min_weight)

    @cached_property
    def key_findings(self) -> tuple[Finding, ...]:
        """The shown findings at or above ``settings.key_confidence``: those a report quotes
        in full."""
        return tuple(f for f in self.shown_findings if f.weight >= self.settings.key_confidence)

    # The three exports below are the public API's promise (CONTRACT.md); they
    # delegate to the renderers, the one sanctioned upward import of this module.
    def to_dict(self) -> dict[str, Any]:
        from framediff.render.json import comparison_to_dict

        return comparison_to_dict(self)

    def to_json(self) -> str:
        from framediff.render.json import comparison_to_json

        return comparison_to_json(self)

    def to_markdown(self) -> str:
        from framediff.render.markdown import render_markdown

        return render_markdown(self)


@dataclass(frozen=True)
class EventReport:
    """One event of a corpus run: the articles that report it and their comparison, rendered.

    ``name`` is the stem of the event's report files (``event-007``). ``error`` says why an
    event could not be compared; it then has no report. ``markdown`` and ``json`` are the
    report as it comes from a worker; a ``CorpusSummary`` leaves them out.
    """

    number: int
    name: str
    labels: tuple[str, ...]  # the articles' corpus-wide labels, in input order
    outlets: tuple[str, ...]  # outlets named, distinct, in input order
    published: tuple[str, ...]  # distinct ISO dates, sorted
    title: str
    findings: int
    top: tuple[str, ...]  # summaries of the strongest findings, strongest first
    # Event groups the comparison found among these articles: above 1 when, compared on
    # their own, they read as several events (the report says why).
    groups: int = 1
    markdown: str | None = None
    json: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class CorpusSummary:
    """A corpus run: events of two or more articles, and the articles no other reports."""

    articles: int
    events: tuple[EventReport, ...]
    single: tuple[str, ...]  # labels of single-article events
    skipped: tuple[str, ...]  # inputs that held no readable article, one line each
    version: str = "0.1.0"
