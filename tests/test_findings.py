"""Finding detectors on hand-built documents, links and sentence analyses: each test
fixes the alignment and the per-sentence facts, so it checks only the cross-source
comparison and the ranking."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from framediff.findings import build_findings
from framediff.findings.attribution import sentence_speakers
from framediff.findings.claims import editorial_cues
from framediff.findings.context import Context
from framediff.findings.identity import Speaker, compatible, speaker_keys
from framediff.model import (
    Alignment,
    Article,
    Attribution,
    Cluster,
    Document,
    Finding,
    Link,
    Quote,
    Sentence,
    SentenceAnalysis,
    SentenceRef,
    Signals,
)
from framediff.scoring.spelling import fold_variant
from framediff.sentences.analysis import analyze_sentences

SIGNALS = Signals(1.0, 1.0, 1.0, 1.0, 1.0, 1.0)


def doc(source: str, label: str, sentences: list[str]) -> Document:
    text = "\n".join(sentences)
    spans, at = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, sentence, at, at + len(sentence)))
        at += len(sentence) + 1
    return Document(source, label, Article(origin=f"{label}.txt", text=text), tuple(spans))


def link(
    a: tuple[str, int], b: tuple[str, int], score: float = 1.0, relation: str = "paraphrase"
) -> Link:
    return Link(SentenceRef(*a), SentenceRef(*b), score, relation, SIGNALS)  # type: ignore[arg-type]


def attribution(document: Document, index: int, speaker: str, cue: str = "said") -> Attribution:
    sentence = document.sentences[index]
    at = sentence.text.index(speaker)
    return Attribution(
        speaker,
        speaker,
        cue,
        "indirect",
        sentence.start + at,
        sentence.start + at + len(speaker) + len(cue) + 1,
    )


def quote(document: Document, index: int, speaker: str) -> Quote:
    sentence = document.sentences[index]
    start = sentence.text.index('"') + 1
    end = sentence.text.index('"', start)
    return Quote(sentence.text[start:end], sentence.start + start, sentence.start + end, speaker)


def run(
    documents: list[Document],
    links: list[Link],
    analyses: list[SentenceAnalysis] = (),  # type: ignore[assignment]
) -> tuple[Finding, ...]:
    linked = {r for item in links for r in (item.a, item.b)}
    clusters = []
    for item in links:
        clusters.append(Cluster(f"c{len(clusters) + 1}", (item.a, item.b), "some"))
    for d in documents:
        for s in d.sentences:
            ref = SentenceRef(d.id, s.index)
            if ref not in linked:
                clusters.append(Cluster(f"c{len(clusters) + 1}", (ref,), "one"))
    ctx = Context(
        documents=tuple(documents),
        alignment=Alignment(tuple(links), tuple(clusters)),
        analyses={a.ref: as_analysed(a) for a in analyses},
        events=(tuple(d.id for d in documents),),
    )
    return build_findings(ctx)


def as_analysed(analysis: SentenceAnalysis) -> SentenceAnalysis:
    """A hand-built analysis as the sentence stage would mark it: a sentence with an
    attribution or a quotation is attributed."""
    attributed = analysis.attributed or bool(analysis.attributions) or bool(analysis.quotes)
    return replace(analysis, attributed=attributed)


def sentence_speakers_of(document: Document, analysis: SentenceAnalysis) -> list[Speaker]:
    """The speakers the finding detectors read from one analysed sentence of a document."""
    ctx = Context(
        documents=(document,),
        alignment=Alignment((), ()),
        analyses={analysis.ref: analysis},
        events=((document.id,),),
    )
    return sentence_speakers(ctx, analysis.ref)[0]


def kinds(findings: tuple[Finding, ...]) -> list[str]:
    return [f.kind for f in findings]


def test_attribution_shift_and_dropped() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "The blaze started in a storage hall, fire chief Anna Reyes said.",
            "Inspectors had flagged faulty wiring at the site, the labour ministry said.",
        ],
    )
    b = doc(
        "s2",
        "Gazette",
        [
            "The blaze started in a storage hall, the plant's owner said.",
            "Inspectors had flagged faulty wiring at the site.",
        ],
    )
    analyses = [
        SentenceAnalysis(
            SentenceRef("s1", 0), attributions=(attribution(a, 0, "fire chief Anna Reyes"),)
        ),
        SentenceAnalysis(
            SentenceRef("s1", 1), attributions=(attribution(a, 1, "the labour ministry"),)
        ),
        SentenceAnalysis(
            SentenceRef("s2", 0), attributions=(attribution(b, 0, "the plant's owner"),)
        ),
    ]
    findings = run([a, b], [link(("s1", 0), ("s2", 0)), link(("s1", 1), ("s2", 1))], analyses)
    shift = next(f for f in findings if f.kind == "attribution_shift")
    assert {(e.source, e.sentence) for e in shift.evidence} == {("s1", 0), ("s2", 0)}
    assert "Wire" in shift.summary and "Gazette" in shift.summary
    dropped = next(f for f in findings if f.kind == "attribution_dropped")
    assert dropped.detail["unattributed_in"] == ["s2"]
    assert "labour ministry" in dropped.summary


def test_speaker_before_said_is_not_a_whole_clause() -> None:
    """The sentence stage names the speaker before "said" in the plain wire forms; a
    clause that ends in a subordinate clause's subject names only that subject."""
    a = doc("s1", "Wire", ["Police arrested the driver at his home in Leeds, the sheriff said."])
    b = doc(
        "s2",
        "Gazette",
        ["The driver was held after investigators said they found him at his home in Leeds."],
    )
    analyses = list(analyze_sentences([a, b]))
    speakers = [x.speaker for item in analyses for x in item.attributions]
    assert speakers == ["the sheriff", "investigators"]
    findings = run([a, b], [link(("s1", 0), ("s2", 0))], analyses)
    assert not any("after investigators" in f.summary for f in findings)
    # The sheriff and investigators speak for one inquiry: no shift between them.
    assert "attribution_shift" not in kinds(findings)


def test_speaker_named_by_a_pronoun_is_no_shift() -> None:
    a = doc("s1", "Wire", ['"I am so excited to host the awards again," DeGeneres said.'])
    b = doc("s2", "Post", ['"I am so excited to host the awards again," she said.'])
    analyses = [
        SentenceAnalysis(SentenceRef("s1", 0), attributions=(attribution(a, 0, "DeGeneres"),)),
        SentenceAnalysis(SentenceRef("s2", 0), attributions=(attribution(b, 0, "she"),)),
    ]
    findings = run([a, b], [link(("s1", 0), ("s2", 0))], analyses)
    assert "attribution_shift" not in kinds(findings)
    assert "attribution_dropped" not in kinds(findings)
    # Resolved to the wrong person ("he" -> the last man named), a pronoun still decides
    # nothing.
    c = doc("s3", "Herald", ['"I was stopped by an officer," he said.'])
    d = doc("s4", "Times", ['"I was stopped by an officer," Jackson said.'])
    sentence = c.sentences[0]
    at = sentence.text.index("he said")
    guessed = Attribution("he", "Philip Rivers", "said", "direct", at, at + 7)
    findings = run(
        [c, d],
        [link(("s3", 0), ("s4", 0))],
        [
            SentenceAnalysis(SentenceRef("s3", 0), attributions=(guessed,)),
            SentenceAnalysis(SentenceRef("s4", 0), attributions=(attribution(d, 0, "Jackson"),)),
        ],
    )
    assert "attribution_shift" not in kinds(findings)


def test_outlet_that_quotes_a_speaker_is_not_a_second_speaker() -> None:
    a = doc("s1", "Wire", ["An agency quoted the governor as saying five people were hurt."])
    b = doc("s2", "Post", ["The governor said five people were hurt."])
    sentence = a.sentences[0]
    at = sentence.text.index("the governor")
    analyses = [
        SentenceAnalysis(
            SentenceRef("s1", 0),
            attributions=(
                Attribution("An agency", "Agency", "quoted", "according_to", 0, 16),
                Attribution(
                    "the governor",
                    "Governor",
                    "quoted as saying",
                    "indirect",
                    sentence.start + at,
                    sentence.start + at + 29,
                ),
            ),
        ),
        SentenceAnalysis(SentenceRef("s2", 0), attributions=(attribution(b, 0, "The governor"),)),
    ]
    findings = run([a, b], [link(("s1", 0), ("s2", 0))], analyses)
    assert "attribution_shift" not in kinds(findings)
    assert "attribution_dropped" not in kinds(findings)


def test_dropped_attribution_names_a_generic_or_missing_speaker() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "A bomb at a bank killed two officers and police had no suspects, officials said.",
            "Investigators are now saying they suspect the bomb was planted on Friday night.",
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "A bomb at a bank killed two officers and police had no suspects.",
            "They suspect the bomb was planted on Friday night.",
        ],
    )
    analyses = [
        SentenceAnalysis(SentenceRef("s1", 0), attributions=(attribution(a, 0, "officials"),)),
    ]
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)], analyses)
    summaries = [f.summary for f in findings if f.kind == "attribution_dropped"]
    assert any("attributes to officials:" in s for s in summaries)
    assert not any("attributes:" in s for s in summaries)


def test_police_and_a_named_police_spokesperson_are_one_speaker() -> None:
    a = doc("s1", "Wire", ["The gunman entered the party of at least a dozen people, police said."])
    b = doc(
        "s2",
        "Post",
        ["The gunman entered the party of at least a dozen people, Constable Tim Fanning said."],
    )
    c = doc(
        "s3",
        "Herald",
        ["The gunman entered the party of at least a dozen people, the plant's owner said."],
    )
    analyses = [
        SentenceAnalysis(SentenceRef("s1", 0), attributions=(attribution(a, 0, "police"),)),
        SentenceAnalysis(
            SentenceRef("s2", 0), attributions=(attribution(b, 0, "Constable Tim Fanning"),)
        ),
        SentenceAnalysis(
            SentenceRef("s3", 0), attributions=(attribution(c, 0, "the plant's owner"),)
        ),
    ]
    both = run([a, b], [link(("s1", 0), ("s2", 0))], analyses[:2])
    assert "attribution_shift" not in kinds(both)
    assert compatible(
        speaker_keys("Vancouver Police")[0],
        next(s for s in sentence_speakers_of(b, analyses[1])).key,
    )
    # Later in the same article the spokesperson is "Fanning": still the police.
    b2 = doc(
        "s2",
        "Post",
        [
            "The shooting began at 4 p.m., Constable Tim Fanning said.",
            "The gunman entered the party of at least a dozen people, Fanning said.",
        ],
    )
    fanning = [
        Attribution(
            phrase,
            "Tim Fanning",
            "said",
            "indirect",
            b2.sentences[i].start + b2.sentences[i].text.index(phrase),
            b2.sentences[i].start + b2.sentences[i].text.index(phrase) + len(phrase) + 5,
        )
        for i, phrase in ((0, "Constable Tim Fanning"), (1, "Fanning"))
    ]
    later = run(
        [a, b2],
        [link(("s1", 0), ("s2", 1))],
        [
            analyses[0],
            *(SentenceAnalysis(SentenceRef("s2", i), attributions=(fanning[i],)) for i in (0, 1)),
        ],
    )
    assert "attribution_shift" not in kinds(later)
    other = run([a, c], [link(("s1", 0), ("s3", 0))], [analyses[0], analyses[2]])
    assert "attribution_shift" in kinds(other)


def test_news_outlet_relaying_a_speaker_and_unnamed_sources_are_no_shift() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "France Telecom said service would be restored by December 31, according to Bloomberg.",
            "Dr. Sanjay Gupta has been offered the post of surgeon general, according to sources.",
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "France Telecom SA said service would be restored by December 31.",
            "Dr. Sanjay Gupta has been offered the post of surgeon general, according to reports.",
        ],
    )
    analyses = [
        SentenceAnalysis(
            SentenceRef("s1", 0),
            attributions=(
                attribution(a, 0, "France Telecom"),
                Attribution(
                    "Bloomberg",
                    "Bloomberg",
                    "according to",
                    "according_to",
                    a.sentences[0].text.index("according"),
                    a.sentences[0].end,
                ),
            ),
        ),
        SentenceAnalysis(
            SentenceRef("s2", 0), attributions=(attribution(b, 0, "France Telecom SA"),)
        ),
        *(
            SentenceAnalysis(
                SentenceRef(d.id, 1),
                attributions=(
                    Attribution(
                        who,
                        who,
                        "according to",
                        "according_to",
                        d.sentences[1].start + d.sentences[1].text.index("according"),
                        d.sentences[1].end,
                    ),
                ),
            )
            for d, who in ((a, "sources"), (b, "reports"))
        ),
    ]
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)], analyses)
    assert "attribution_shift" not in kinds(findings)


def test_same_speaker_named_differently_is_no_shift() -> None:
    assert compatible(speaker_keys("Reyes")[0], speaker_keys("fire chief Anna Reyes")[0])
    assert compatible(speaker_keys("Moscow")[0], speaker_keys("Russian Foreign Ministry")[0])
    both = speaker_keys("Chinese Foreign Ministry + Russian Foreign Ministry")
    assert len(both) == 2
    assert not compatible(
        speaker_keys("Russian Foreign Ministry")[0], speaker_keys("Chinese Foreign Ministry")[0]
    )


def test_acronym_and_its_spelled_out_name_are_one_speaker() -> None:
    def same(x: str, y: str) -> bool:
        return compatible(speaker_keys(x)[0], speaker_keys(y)[0])

    assert same("the CHP", "the California Highway Patrol")
    assert same("the California Highway Patrol", "the CHP")
    assert same("FBI spokesman Dan Ray", "the Federal Bureau of Investigation")
    assert same("NATO", "Nato")
    assert not same("the CHP", "the FBI")
    assert not same("the CHP", "the California Department of Justice")
    assert not same("the FBI", "the Federal Aviation Administration")


def test_quote_altered_but_not_shortened_or_respelled() -> None:
    # Respelled includes the detached apostrophes of tokenised text ("It ’ s" / "It's").
    a = doc(
        "s1",
        "Wire",
        [
            '"We will find out who is responsible and they will answer for it," the governor said.',
            '"We will not recognise a result stolen from the people," Vasic said.',
            '"This is a first step, not a final peace," Diallo said.',
            '"It \u2019 s disappointing and we \u2019 ll monitor it," Smith said.',
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            '"We will find out who is responsible and they will pay for it," the governor said.',
            '"We will not recognize a result stolen from the people," Vasic said.',
            '"This is a first step," Diallo said.',
            "\"It's disappointing and we'll monitor it,\" Smith said.",
        ],
    )
    analyses = [
        SentenceAnalysis(SentenceRef(d.id, i), quotes=(quote(d, i, "x"),))
        for d in (a, b)
        for i in range(4)
    ]
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(4)], analyses)
    altered = [f for f in findings if f.kind == "quote_altered"]
    assert len(altered) == 1
    assert ["replace", "answer", "pay"] in altered[0].detail["changes"]
    text_b = b.article.text
    spans = [text_b[e.start : e.end] for e in altered[0].evidence if e.source == "s2"]
    assert spans and spans[0].startswith("We will find out")


def test_two_different_remarks_of_one_speaker_are_not_an_altered_quote() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            'Weitz said he is "very grateful to have received permission to protect New Moon '
            'in its translation from the page to the screen."'
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            '"I am honored to have been entrusted with shepherding New Moon from the page to the '
            'screen," said Weitz.'
        ],
    )
    analyses = [
        SentenceAnalysis(SentenceRef(d.id, 0), quotes=(quote(d, 0, "Weitz"),)) for d in (a, b)
    ]
    findings = run([a, b], [link(("s1", 0), ("s2", 0))], analyses)
    assert "quote_altered" not in kinds(findings)


def test_number_conflict_after_normalisation() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "A fire killed 12 workers on Tuesday at the plant near Dunmore.",
            "More than 40 people were taken to hospital with burns.",
            "The attack happened 30 kilometres from the border crossing.",
        ],
    )
    b = doc(
        "s2",
        "Tribune",
        [
            "A fire killed twelve workers on Tuesday at the plant near Dunmore.",
            "About 60 people were taken to hospital with burns.",
            "The attack happened 30 km from the border crossing.",
        ],
    )
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(3)])
    conflicts = [f for f in findings if f.kind == "number_conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].detail["values"] == {"s1": ["More than 40"], "s2": ["About 60"]}


def test_figures_sharing_only_a_function_word_do_not_conflict() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "Johnson, 66, was struck as she walked into the store on Wednesday night.",
            "The quake struck the island on Sunday morning.",
        ],
    )
    b = doc(
        "s2",
        "Tribune",
        [
            "Police identified the victim on Thursday as Johnson, 66.",
            "The quake struck the island on Saturday morning.",
        ],
    )
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)])
    conflicts = [f for f in findings if f.kind == "number_conflict"]
    assert [c.detail["values"] for c in conflicts] == [{"s1": ["Sunday"], "s2": ["Saturday"]}]


def test_typos_and_other_forms_of_one_word_are_not_labels() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "The police went to check on a telephoned bomb threat at the bank.",
            "A gunman opened fire at the party yesterday, killing one man.",
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "The police went to check on a telephoned bomb treat at the bank.",
            "A gunman opened fire at the party and killed one man.",
        ],
    )
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)])
    assert "wording" not in kinds(findings)


def test_hedging_and_wording_on_linked_sentences() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "Velcor Chemicals has been fined twice for safety breaches since 2019.",
            "Hundreds of protesters gathered outside the plant gates on Wednesday.",
        ],
    )
    b = doc(
        "s2",
        "Tribune",
        [
            "Velcor Chemicals has reportedly been fined twice for safety breaches since 2019.",
            "Hundreds of rioters gathered outside the plant gates on Wednesday.",
        ],
    )
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)])
    hedge = next(f for f in findings if f.kind == "hedging")
    assert hedge.detail["hedges"] == {"s2": ["reportedly"]}
    wording = next(f for f in findings if f.kind == "wording")
    marked = {b.article.text[e.start : e.end] for e in wording.evidence if e.source == "s2"}
    assert marked == {"rioters"}


def test_omission_unique_and_editorializing() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "Rescue teams searched the gutted buildings on Wednesday evening.",
            "The plant had been scheduled to shut for maintenance next month.",
        ],
    )
    b = doc(
        "s2",
        "Gazette",
        [
            "Rescue teams searched the gutted buildings on Wednesday evening.",
            "The plant had been due to close for maintenance next month.",
        ],
    )
    c = doc(
        "s3",
        "Tribune",
        [
            "Rescue crews searched the gutted buildings on Wednesday evening.",
            "The disaster underscores how poorly the region's industrial boom has been policed.",
            "The company employs 4,000 people in the region.",
            "Its main factory opened in 1998 outside the city.",
        ],
    )
    links = [
        link(("s1", 0), ("s2", 0)),
        link(("s1", 0), ("s3", 0)),
        link(("s2", 0), ("s3", 0)),
        link(("s1", 1), ("s2", 1)),
    ]
    findings = run([a, b, c], links)
    omission = next(f for f in findings if f.kind == "omission")
    assert omission.sources_missing == ("s3",)
    editorial = next(f for f in findings if f.kind == "editorializing")
    assert editorial.evidence[0].sentence == 1
    unique = [f for f in findings if f.kind == "unique"]
    assert len(unique) == 1  # one finding for the run of two sentences
    assert [e.sentence for e in unique[0].evidence] == [2, 3]


def test_ranking_substance_first_with_ids_in_order() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "More than 40 people were taken to hospital with burns.",
            "Hundreds of protesters gathered outside the plant gates on Wednesday.",
        ],
    )
    b = doc(
        "s2",
        "Tribune",
        [
            "About 60 people were taken to hospital with burns.",
            "Hundreds of rioters gathered outside the plant gates on Wednesday.",
        ],
    )
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)])
    assert kinds(findings)[:2] == ["number_conflict", "wording"]
    assert [f.id for f in findings] == [f"f{n + 1}" for n in range(len(findings))]
    weights = [f.weight for f in findings]
    assert weights == sorted(weights, reverse=True)
    assert all(0.0 <= w <= 1.0 for w in weights)
    again = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)])
    assert again == findings


def test_trivial_differences_make_no_finding() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "Safety inspectors flagged faulty wiring, the labour ministry said.",
            "Police detained 12 students at the university's main campus.",
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "Safety inspectors flagged faulty wiring, the labor ministry said.",
            "Police detained twelve students at the university’s main campus!",
        ],
    )
    analyses = [
        SentenceAnalysis(
            SentenceRef("s1", 0), attributions=(attribution(a, 0, "the labour ministry"),)
        ),
        SentenceAnalysis(
            SentenceRef("s2", 0), attributions=(attribution(b, 0, "the labor ministry"),)
        ),
    ]
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(2)], analyses)
    assert [f for f in findings if f.kind != "derived_text"] == []


def test_spelling_variants_fold() -> None:
    for british, american in [
        ("labour", "labor"),
        ("defenceless", "defenseless"),
        ("litres", "liters"),
        ("recognise", "recognize"),
    ]:
        assert fold_variant(british) == fold_variant(american)
    assert fold_variant("filled") != fold_variant("filed")


def test_editorial_cues() -> None:
    assert any(
        c[0] == "frame"
        for c in editorial_cues("This suggests an ongoing, albeit discreet, coordination.")
    )
    assert any(
        c[0] == "frame" for c in editorial_cues("The ambush lays bare the government's failure.")
    )
    assert not any(c[0] == "frame" for c in editorial_cues("The report highlights rising costs."))
    assert not editorial_cues("Rescue teams were still searching the buildings on Wednesday.")


def test_quote_turned_into_paraphrase() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            '"The parties discussed relations with the United States and prospects for peace," the ministry said.'
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "The ministry said the parties discussed relations with the United States and peace prospects."
        ],
    )
    analyses = [
        SentenceAnalysis(SentenceRef("s1", 0), quotes=(quote(a, 0, "the ministry"),)),
        *analyze_sentences([b]),
    ]
    findings = run([a, b], [link(("s1", 0), ("s2", 0))], analyses)
    paraphrase = next(f for f in findings if f.kind == "quote_to_paraphrase")
    assert paraphrase.detail["quoted_in"] == "s1" and paraphrase.detail["paraphrased_in"] == "s2"


def test_nothing_linked_gives_unique_runs_and_no_crash() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "A storm hit the coast on Monday, flooding dozens of homes.",
            "Power was cut to 5,000 homes.",
        ],
    )
    b = doc("s2", "Post", ["The central bank raised interest rates by half a point on Tuesday."])
    findings = run([a, b], [])
    assert {f.kind for f in findings} <= {"unique", "entity_coverage"}
    assert [len(f.evidence) for f in findings if f.kind == "unique"] == [2, 1]


def test_no_finding_across_event_groups() -> None:
    a = doc("s1", "Wire", ["More than 40 people were taken to hospital with burns."])
    b = doc("s2", "Post", ["About 60 people were taken to hospital with burns."])
    ctx = Context(
        documents=(a, b),
        alignment=Alignment(
            (),
            (
                Cluster("c1", (SentenceRef("s1", 0),), "one"),
                Cluster("c2", (SentenceRef("s2", 0),), "one"),
            ),
        ),
        analyses={},
        events=(("s1",), ("s2",)),
    )
    assert build_findings(ctx) == ()


def test_min_weight_hides_weaker_findings_in_json() -> None:
    import io
    import json

    from framediff.cli import main

    seeds = ["seeds/000_25922bad8d9c08c5.txt", "seeds/001_a426523f9bff1c04.txt"]
    every, strong = io.StringIO(), io.StringIO()
    assert main(["compare", *seeds, "--format", "json"], stdout=every) == 0
    # 0.3: above the measured weight of omissions, below that of unique content.
    assert main(["compare", *seeds, "--format", "json", "--min-weight", "0.3"], stdout=strong) == 0
    weights = [f["weight"] for f in json.loads(strong.getvalue())["findings"]]
    assert weights and min(weights) >= 0.3
    assert len(json.loads(every.getvalue())["findings"]) > len(weights)
    again = io.StringIO()
    assert main(["compare", *seeds, "--format", "json"], stdout=again) == 0
    assert again.getvalue() == every.getvalue()


def test_dates_in_other_forms_and_vague_counts_do_not_conflict() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "The ministers met in Beijing on Sunday to discuss the war.",
            "Putin sent tens of thousands of troops into Ukraine in February 2022.",
            "Talks will resume at midnight on Tuesday, the mediator said.",
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "The ministers met in Beijing on July 13 to discuss the war.",
            "Putin sent 30,000 troops into Ukraine on February 24, 2022.",
            "Talks will resume at midnight on Wednesday, the mediator said.",
        ],
    )
    findings = run([a, b], [link(("s1", i), ("s2", i)) for i in range(3)])
    conflicts = [f for f in findings if f.kind == "number_conflict"]
    assert [f.detail["values"] for f in conflicts] == [{"s1": ["Tuesday"], "s2": ["Wednesday"]}]


def test_unpaired_figures_in_different_slots_do_not_conflict() -> None:
    a = doc(
        "s1",
        "Wire",
        [
            "Police allege Kirkpatrick opened fire at a Vancouver office party Friday, killing one man."
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "Police allege Kirkpatrick opened fire at a Vancouver office Friday, killing Benjamin Banky, 40."
        ],
    )
    assert [
        f for f in run([a, b], [link(("s1", 0), ("s2", 0))]) if f.kind == "number_conflict"
    ] == []


def test_quotes_differing_only_in_spelling_are_the_same() -> None:
    a = doc(
        "s1",
        "Wire",
        ['"Police locked down the neighbourhood and negotiated with the suspect," Fanning said.'],
    )
    b = doc(
        "s2",
        "Post",
        ['"Police locked down the neighborhood and negotiated with the suspect," Fanning said.'],
    )
    analyses = [
        SentenceAnalysis(SentenceRef(d.id, 0), quotes=(quote(d, 0, "Fanning"),)) for d in (a, b)
    ]
    assert [
        f for f in run([a, b], [link(("s1", 0), ("s2", 0))], analyses) if f.kind == "quote_altered"
    ] == []


def test_findings_read_the_word_diff_the_report_shows() -> None:
    """One word diff: what a finding sees changed between two linked sentences is the
    link's own opcodes (``Link.ops``), spelling variants folded in both."""
    from framediff.scoring import word_opcodes

    assert all(
        op.tag == "equal"
        for op in word_opcodes(
            "The company's licence was revoked by the labour ministry.",
            "The company's license was revoked by the labor ministry.",
        )
    )
    import framediff

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "findings" / "01_plant_fire"
    comparison = framediff.compare([str(p) for p in sorted(fixture.glob("*.txt"))])
    ctx = Context(
        documents=comparison.documents,
        alignment=comparison.alignment,
        analyses={item.ref: item for item in comparison.analysis.sentences},
        events=comparison.events,
    )
    link = next(
        link for link in comparison.alignment.links if any(op.tag != "equal" for op in link.ops)
    )
    changes = ctx.word_changes(link.b, link.a)
    assert [(c.tag, c.a_start, c.a_end, c.b_start, c.b_end) for c in changes] == [
        (op.tag, op.a_start, op.a_end, op.b_start, op.b_end)
        for op in link.ops_from(link.b)
        if op.tag != "equal"
    ]
    assert changes


def test_no_omission_where_the_source_tells_the_claim_in_its_own_words() -> None:
    """Two sources carry a claim the aligner links; the third tells it over two adjacent
    sentences the aligner did not link: it does not leave the claim out."""
    claim = "The storm flooded 300 homes in Brisco and closed the coastal highway on Tuesday."
    a = doc("s1", "Wire", ["A storm hit the coast overnight.", claim])
    b = doc("s2", "Post", ["A storm hit the coast overnight.", claim])
    c = doc(
        "s3",
        "Ledger",
        [
            "A storm hit the coast overnight.",
            "In Brisco, 300 homes flooded on Tuesday.",
            "The storm also closed the coastal highway.",
        ],
    )
    links = [link(("s1", 0), ("s2", 0)), link(("s1", 0), ("s3", 0)), link(("s1", 1), ("s2", 1))]
    findings = run([a, b, c], links)
    assert not [f for f in findings if f.kind == "omission" and "s3" in f.sources_missing]


@pytest.mark.parametrize(
    ("told", "omitted"),
    [
        # The same facts in words of the same meaning (detained / arrested, attorney /
        # lawyer, vehicle / car): the Ledger does not leave the claim out.
        (
            "On Tuesday officers detained the attorney of the motorist beside the stolen vehicle.",
            False,
        ),
        # Other facts about the same people: it does.
        ("On Tuesday the attorney of the motorist said the case would go to trial.", True),
    ],
)
def test_no_omission_where_the_source_tells_the_claim_in_words_of_the_same_meaning(
    told: str, omitted: bool
) -> None:
    """A claim two sources carry and the third tells in other words of the same meaning
    (the bundled word vectors match them) is not left out; a sentence about the same
    people that tells something else does not count."""
    claim = "Police arrested the driver's lawyer near the stolen car on Tuesday."
    a = doc("s1", "Wire", ["A stolen car was found in Brisco.", claim])
    b = doc("s2", "Post", ["A stolen car was found in Brisco.", claim])
    c = doc("s3", "Ledger", ["A stolen car was found in Brisco.", told])
    links = [link(("s1", 0), ("s2", 0)), link(("s1", 0), ("s3", 0)), link(("s1", 1), ("s2", 1))]
    findings = run([a, b, c], links)
    left_out = [f for f in findings if f.kind == "omission" and "s3" in f.sources_missing]
    assert bool(left_out) == omitted


def test_a_question_the_writer_asks_reports_nothing() -> None:
    """ "So what do you think?" and "Could they swoop in with a bigger offer?" ask; a quoted
    question is someone's words and may be content only one source carries."""
    a = doc(
        "s1",
        "Blog",
        [
            "The Angels offered the first baseman eight years.",
            "Could the Red Sox swoop in with an even bigger offer before Christmas?",
            '"Why would we wait any longer?" the agent asked reporters on Monday.',
        ],
    )
    b = doc("s2", "Wire", ["The Angels offered the first baseman eight years."])
    findings = run([a, b], [link(("s1", 0), ("s2", 0))])
    unique = {e.sentence for f in findings if f.kind == "unique" for e in f.evidence}
    assert unique == {2}


def test_a_sentence_told_across_three_of_anothers_is_not_unique() -> None:
    """A source that tells a sentence's facts spread over three short sentences of its own
    carries them: no one of its sentences (nor two together) holds most of the words, but
    the three do. Content that no sentence run of the other source tells stays unique."""
    a = doc(
        "s1",
        "Wire",
        [
            "The mayor shut the old harbour bridge after inspectors found rusted cables and "
            "cracked bolts.",
            "Traffic was diverted through the tunnel on Tuesday.",
            "Ferry services will run twice as often until repairs end in May.",
        ],
    )
    b = doc(
        "s2",
        "Post",
        [
            "Inspectors examined the harbour bridge last week.",
            "They reported rusted cables.",
            "The mayor then ordered it shut.",
            "Traffic was diverted through the tunnel on Tuesday.",
        ],
    )
    findings = run([a, b], [link(("s1", 1), ("s2", 3))])
    unique = {
        (f.sources[0], tuple(e.sentence for e in f.evidence))
        for f in findings
        if f.kind == "unique"
    }
    assert unique == {("s1", (2,))}


def test_a_quote_the_other_source_gives_in_quotation_marks_elsewhere_is_not_paraphrased() -> None:
    """The linked sentence sums the words up, but the source quotes them word for word in
    another sentence: it kept the quotation, so there is no quote turned into paraphrase."""
    a = doc(
        "s1",
        "Wire",
        ['"We have been able to stop it spreading to the main store," the fire chief said.'],
    )
    b = doc(
        "s2",
        "Post",
        [
            "The fire chief said crews were able to stop it spreading to the main store.",
            'He added: "We have been able to stop it spreading to the main store."',
        ],
    )
    analyses = [
        SentenceAnalysis(SentenceRef("s1", 0), quotes=(quote(a, 0, "the fire chief"),)),
        *analyze_sentences([b]),
    ]
    findings = run([a, b], [link(("s1", 0), ("s2", 0))], analyses)
    assert "quote_to_paraphrase" not in kinds(findings)


def test_a_claim_told_across_three_sentences_of_a_source_is_not_left_out_there() -> None:
    """Two sources carry the bridge's closing in one sentence; the third tells it over
    three short ones: it leaves nothing out."""
    lead = (
        "The mayor shut the old harbour bridge after inspectors found rusted cables and "
        "cracked bolts."
    )
    a = doc("s1", "Wire", [lead, "Traffic was diverted through the tunnel on Tuesday."])
    b = doc("s2", "Post", [lead, "Traffic was diverted through the tunnel on Tuesday."])
    c = doc(
        "s3",
        "Herald",
        [
            "Inspectors examined the harbour bridge last week.",
            "They reported rusted cables.",
            "The mayor then ordered it shut.",
            "Traffic was diverted through the tunnel on Tuesday.",
        ],
    )
    links = [
        link(("s1", 0), ("s2", 0)),
        link(("s1", 1), ("s2", 1)),
        link(("s1", 1), ("s3", 3)),
        link(("s2", 1), ("s3", 3)),
    ]
    assert "omission" not in kinds(run([a, b, c], links))


def test_words_of_the_same_meaning_and_names_spelt_otherwise() -> None:
    """What counts as told in other words before an omission is claimed: words the bundled
    vectors put close ("detained" for "arrested"), a name only by the same name spelt
    otherwise ("Dargehan" for "Dargahan"), never by another name the vectors put close
    ("Beijing" for "Shanghai"), and never a figure."""
    from framediff.sentences.analysis import analyze_sentences

    wire = doc("s1", "Wire", ["Police in Dargahan and Shanghai arrested 12 men on Tuesday."])
    post = doc("s2", "Post", ["Officers in Dargehan and Beijing detained 14 men on Tuesday."])
    ctx = Context(
        documents=(wire, post),
        alignment=Alignment((), ()),
        analyses={a.ref: a for a in analyze_sentences([wire, post])},
        events=(("s1", "s2"),),
    )
    told = ctx.source_words["s2"]
    asked = frozenset(["arrested", "dargahan", "shanghai", "12"])
    assert ctx.same_meaning(asked, told) == {"arrested", "dargahan"}
