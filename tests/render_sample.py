"""A small hand-built Comparison for the renderer and app tests: three sources, links
with word-level ops, attributions, quotes, coverage and findings, built without the
pipeline so the renderers can be tested whatever the upstream stages do.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from framediff.config import Settings
from framediff.model import (
    Alignment,
    Analysis,
    Article,
    Attribution,
    Cluster,
    Comparison,
    CoverageRow,
    Document,
    Entity,
    Evidence,
    Finding,
    Link,
    Opcode,
    Quote,
    Sentence,
    SentenceAnalysis,
    SentenceRef,
    Signals,
)
from framediff.text import word_spans

TEXTS = {
    "s1": [
        "Russia's and China's foreign ministers on Sunday discussed relations with the "
        "United States, Russia's Foreign Ministry said.",
        "Lavrov met Wang Yi in Beijing on Sunday.",
        "The U.S. casts China as its biggest competitor.",
    ],
    "s2": [
        "Russia and China's foreign ministers on Sunday discussed their relations with the "
        "United States, China and Russia's foreign ministries said.",
        "Lavrov met Wang Yi in the Chinese capital.",
        "The talks were candid | frank <script>alert(1)</script>.",
    ],
    "s3": [
        "Wang Yi hailed 'strategically valuable' ties with Moscow.",
        "Lavrov met Wang Yi in Beijing on Sunday, a readout said.",
    ],
}
LABELS = {"s1": "Reuters", "s2": "SAU", "s3": "HKFP"}
OUTLETS = {"s1": "Reuters", "s2": "South Asian Update", "s3": None}
DATES = {"s1": "2025-07-13", "s2": "2025-07-14", "s3": None}


def make_document(source: str, sentences: Sequence[str], label: str | None = None) -> Document:
    text = "\n".join(sentences)
    spans = []
    cursor = 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, sentence, cursor, cursor + len(sentence)))
        cursor += len(sentence) + 1
    article = Article(
        origin=f"{source}.txt",
        text=text,
        title=f"Title of {source}",
        outlet=OUTLETS.get(source),
        published=DATES.get(source),
    )
    return Document(source, label or LABELS.get(source, source), article, tuple(spans))


def word_ops(a_doc: Document, a: int, b_doc: Document, b: int) -> tuple[Opcode, ...]:
    """Word-level difflib opcodes between two sentences, in absolute character offsets."""
    sa, sb = a_doc.sentences[a], b_doc.sentences[b]
    wa = [(s + sa.start, e + sa.start) for s, e in word_spans(sa.text)]
    wb = [(s + sb.start, e + sb.start) for s, e in word_spans(sb.text)]
    ta = [a_doc.article.text[s:e].lower() for s, e in wa]
    tb = [b_doc.article.text[s:e].lower() for s, e in wb]

    def at(spans: list[tuple[int, int]], i1: int, i2: int, end: int) -> tuple[int, int]:
        if i1 < i2:
            return spans[i1][0], spans[i2 - 1][1]
        # An empty range sits before the next word, or after the last one.
        point = spans[i1][0] if i1 < len(spans) else spans[-1][1] if spans else end
        return point, point

    ops = []
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start, a_end = at(wa, i1, i2, sa.end)
        b_start, b_end = at(wb, j1, j2, sb.end)
        ops.append(Opcode(tag, a_start, a_end, b_start, b_end))  # type: ignore[arg-type]
    return tuple(ops)


def link(docs: dict[str, Document], a: SentenceRef, b: SentenceRef, score: float) -> Link:
    signals = Signals(score, score, 1.0, 1.0, score, score)
    relation = "same" if score > 0.9 else "paraphrase"
    ops = word_ops(docs[a.source], a.sentence, docs[b.source], b.sentence)
    return Link(a, b, score, relation, signals, ops)  # type: ignore[arg-type]


def span_of(doc: Document, index: int, needle: str) -> tuple[int, int]:
    sentence = doc.sentences[index]
    start = doc.article.text.index(needle, sentence.start)
    return start, start + len(needle)


def sample_comparison(texts: dict[str, list[str]] | None = None) -> Comparison:
    texts = texts or TEXTS
    docs = {source: make_document(source, sentences) for source, sentences in texts.items()}
    r = SentenceRef
    links = (
        link(docs, r("s1", 0), r("s2", 0), 0.82),
        link(docs, r("s1", 1), r("s2", 1), 0.71),
        link(docs, r("s1", 1), r("s3", 1), 0.88),
        link(docs, r("s2", 1), r("s3", 1), 0.64),
    )
    clusters = (
        Cluster("c1", (r("s3", 0),), "one"),
        Cluster("c2", (r("s1", 0), r("s2", 0)), "some"),
        Cluster("c3", (r("s1", 1), r("s2", 1), r("s3", 1)), "all"),
        Cluster("c4", (r("s2", 2),), "one"),
        Cluster("c5", (r("s1", 2),), "one"),
    )
    a1 = span_of(docs["s1"], 0, "Russia's Foreign Ministry said")
    a2 = span_of(docs["s2"], 0, "China and Russia's foreign ministries said")
    q3 = span_of(docs["s3"], 0, "'strategically valuable'")
    sentences = (
        SentenceAnalysis(
            r("s1", 0),
            attributions=(
                Attribution(
                    "Russia's Foreign Ministry", "Russian Foreign Ministry", "said", "indirect", *a1
                ),
            ),
            entities=(
                Entity(
                    "United States",
                    "United States",
                    "COUNTRY",
                    *span_of(docs["s1"], 0, "United States"),
                ),
            ),
        ),
        SentenceAnalysis(
            r("s2", 0),
            attributions=(
                Attribution(
                    "China and Russia's foreign ministries",
                    "Chinese and Russian foreign ministries",
                    "said",
                    "indirect",
                    *a2,
                ),
            ),
        ),
        SentenceAnalysis(
            r("s3", 0),
            quotes=(Quote("strategically valuable", q3[0] + 1, q3[1] - 1, "Wang Yi"),),
        ),
    )
    findings = (
        Finding(
            "f1",
            "attribution_shift",
            0.9,
            "Reuters credits the US-ties claim to Russia's Foreign Ministry; SAU to both ministries",
            ("s1", "s2"),
            (),
            (Evidence("s1", 0, *a1), Evidence("s2", 0, *a2)),
            {"speakers": {"s1": "Russian Foreign Ministry", "s2": "both ministries"}},
        ),
        Finding(
            "f2",
            "omission",
            0.6,
            "HKFP does not report the talks on US ties",
            ("s1", "s2"),
            ("s3",),
            (
                Evidence("s1", 0, docs["s1"].sentences[0].start, docs["s1"].sentences[0].end),
                Evidence("s2", 0, docs["s2"].sentences[0].start, docs["s2"].sentences[0].end),
            ),
        ),
        Finding(
            "f3",
            "unique",
            0.4,
            "Only HKFP quotes Wang on 'strategically valuable' ties",
            ("s3",),
            (),
            (Evidence("s3", 0, docs["s3"].sentences[0].start, docs["s3"].sentences[0].end),),
        ),
    )
    coverage = (
        CoverageRow("United States", "COUNTRY", {"s1": 2, "s2": 1, "s3": 0}),
        CoverageRow("Beijing", "PLACE", {"s1": 1, "s2": 0, "s3": 1}),
    )
    return Comparison(
        settings=Settings(),
        reference="s1",
        documents=tuple(docs.values()),
        alignment=Alignment(links, clusters),
        analysis=Analysis(sentences, coverage, findings),
        events=(("s1", "s2", "s3"),),
    )
