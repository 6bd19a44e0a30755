"""Event grouping: seeds, composed edge cases, features, linkage and different_event findings."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from framediff.events.dates import full_dates
from framediff.events.features import participants, profile_document
from framediff.events.grouping import average_linkage, different_event_findings, group_events
from framediff.events.lexicon import places_conflict
from framediff.events.scoring import EventIndex
from framediff.model import Article, Document, Sentence
from framediff.pipeline import load_all, segment_all

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def make_document(
    source_id: str,
    sentences: list[str],
    title: str | None = None,
    published: str | None = None,
    language: str = "en",
) -> Document:
    """A presplit document, as the benchmark builds them (no cleaning, no segmentation)."""
    text = "\n".join(sentences)
    spans, offset = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, sentence, offset, offset + len(sentence)))
        offset += len(sentence) + 1
    article = Article(
        origin=f"{source_id}.txt",
        text=text,
        title=title,
        published=published,
        language=language,
        presplit=tuple(sentences),
    )
    return Document(id=source_id, label=source_id, article=article, sentences=tuple(spans))


CHILE_A = [
    "A magnitude 8.2 earthquake struck off the coast of northern Chile on Tuesday, "
    "killing six people and triggering a tsunami warning across the Pacific.",
    "The quake hit near the mining port of Iquique, Chile's emergency office said.",
    "Thousands of residents of Iquique and Arica spent the night on higher ground.",
]
CHILE_B = [
    "Six people died when a powerful 8.2-magnitude earthquake hit northern Chile on Tuesday "
    "night, officials said, and coastal towns were evacuated.",
    "The epicentre was 95 km northwest of Iquique, according to the US Geological Survey.",
    "President Michelle Bachelet declared Iquique and Arica disaster zones.",
]
JAPAN = [
    "A magnitude 6.8 earthquake struck central Japan on Saturday, killing two people and "
    "cutting power to thousands of homes in Niigata.",
    "The quake hit near the city of Nagaoka, the Japan Meteorological Agency said.",
    "Bullet train services between Tokyo and Niigata were suspended.",
]


@pytest.fixture(scope="module")
def seed_documents() -> list[Document]:
    return segment_all(load_all([str(path) for path in SEEDS]))


def seed_numbers(documents: list[Document], events: list[list[str]]) -> list[list[str]]:
    number = {doc.id: Path(doc.article.origin).name[:3] for doc in documents}
    return [[number[i] for i in event] for event in events]


def test_seeds_group_by_event_not_topic(seed_documents: list[Document]) -> None:
    events = group_events(seed_documents)
    assert seed_numbers(seed_documents, events) == [["000", "001", "003"], ["002"], ["004"]]


def test_every_subset_of_the_seeds_groups_as_the_whole(seed_documents: list[Document]) -> None:
    # Grouping must not depend on which other articles came along (IDF, averages).
    gold = {"000": 0, "001": 0, "003": 0, "002": 1, "004": 2}
    for size in (2, 3, 4):
        for subset in itertools.combinations(seed_documents, size):
            got = sorted(
                sorted(group) for group in seed_numbers(list(subset), group_events(subset))
            )
            want: dict[int, list[str]] = {}
            for number in seed_numbers(list(subset), [[doc.id for doc in subset]])[0]:
                want.setdefault(gold[number], []).append(number)
            assert got == sorted(sorted(group) for group in want.values()), got


def test_seed_grouping_is_deterministic(seed_documents: list[Document]) -> None:
    assert group_events(seed_documents) == group_events(list(seed_documents))


def test_same_earthquake_groups_and_other_earthquake_stays_apart() -> None:
    docs = [
        make_document("a", CHILE_A, published="2014-04-02"),
        make_document("j", JAPAN, published="2004-10-24"),
        make_document("b", CHILE_B, published="2014-04-02"),
    ]
    assert group_events(docs) == [["a", "b"], ["j"]]


@pytest.mark.parametrize(
    ("documents", "expected"),
    [
        pytest.param([], [], id="nothing"),
        pytest.param([make_document("x", CHILE_A)], [["x"]], id="one-article"),
        pytest.param(
            [make_document("x", CHILE_A), make_document("y", CHILE_A)], [["x", "y"]], id="identical"
        ),
        pytest.param(
            [make_document("x", [""]), make_document("y", ["..."])], [["x"], ["y"]], id="no-words"
        ),
    ],
)
def test_edge_cases(documents: list[Document], expected: list[list[str]]) -> None:
    assert group_events(documents) == expected


def test_other_languages_group_by_names_and_numbers_without_crashing() -> None:
    chinese = ["2014年4月1日，智利北部伊基克附近发生8.2级地震，造成6人死亡。", "Iquique 8.2"]
    russian = [
        "В понедельник в Москве Лавров встретился с Ван И.",
        "Лавров и Ван И обсудили Украину.",
    ]
    docs = [
        make_document("zh1", chinese),
        make_document("ru", russian),
        make_document("zh2", list(chinese)),
        make_document("en", CHILE_A),
    ]
    events = group_events(docs)
    assert sorted(i for event in events for i in event) == ["en", "ru", "zh1", "zh2"]
    assert any({"zh1", "zh2"} <= set(event) for event in events)
    assert not any({"ru", "zh1"} <= set(event) for event in events)


def test_french_articles_are_weighed_as_french() -> None:
    # French function words are rare in English; read as English they would make any two
    # French articles look alike.
    quake_a = [
        "Un séisme de magnitude 6,4 a frappé le sud de la Turquie lundi, faisant au moins "
        "douze morts dans la province de Hatay, selon les autorités.",
        "Les secours ont dégagé des survivants des décombres à Antakya.",
    ]
    quake_b = [
        "Au moins douze personnes sont mortes lundi dans un séisme de magnitude 6,4 dans la "
        "province turque de Hatay, ont annoncé les autorités.",
        "Des immeubles se sont effondrés à Antakya et à Iskenderun.",
    ]
    strike = [
        "Les contrôleurs aériens de la France sont en grève pour la journée de jeudi, et la "
        "moitié des vols de la compagnie sont annulés dans les aéroports de Paris.",
        "Le syndicat demande une hausse des salaires et de nouvelles embauches.",
    ]
    docs = [
        make_document("a", quake_a, language="fr"),
        make_document("s", strike, language="fr"),
        make_document("b", quake_b, language="fr"),
    ]
    assert group_events(docs) == [["a", "b"], ["s"]]


def test_chinese_reports_of_one_quake_meet_through_character_pairs_and_numbers() -> None:
    first = ["智利北部伊基克附近发生8.2级地震，造成6人死亡。"]
    second = ["8.2级强烈地震袭击智利北部伊基克，6人遇难，沿海居民紧急撤离。"]
    other = ["日本新潟发生6.8级地震，新干线停运。"]
    docs = [make_document("a", first), make_document("o", other), make_document("b", second)]
    assert group_events(docs) == [["a", "b"], ["o"]]


def test_full_dates_read_common_news_formats() -> None:
    text = "Published: 12:16, 14 July 2025. Updated July 15, 2025 and 2025-07-16."
    assert [found for _, found in full_dates(text)] == [
        date(2025, 7, 14),
        date(2025, 7, 15),
        date(2025, 7, 16),
    ]


def test_weekday_is_resolved_against_the_publication_date() -> None:
    doc = make_document(
        "x",
        ["The foreign ministers met in Beijing on Sunday and discussed trade."],
        published="2025-07-14",
    )
    profile = profile_document(doc)
    assert profile.event_date == date(2025, 7, 13)
    assert profile.places == ("beijing",)
    assert profile.years == frozenset({2025})


def test_date_line_at_the_top_dates_the_article() -> None:
    doc = make_document("x", ["May 03, 2013", "Lindsay Lohan checked into rehab on Thursday."])
    profile = profile_document(doc)
    assert profile.reference_date == date(2013, 5, 3)
    assert profile.event_date == date(2013, 5, 2)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("beijing", "china", False),
        ("beijing", "beijing", False),
        ("beijing", "moscow", True),
        ("china", "russia", True),
        ("detroit", "philadelphia", True),
        ("california", "united states", False),
        ("los angeles", "california", False),
        ("texas", "california", True),
    ],
)
def test_places_conflict(a: str, b: str, conflict: bool) -> None:
    assert places_conflict(a, b) is conflict


def test_names_with_accents_and_other_alphabets_are_names() -> None:
    doc = make_document(
        "x", ["Colombian President Álvaro Uribe met Łukasz Nowak; Лавров встретился с Ван И."]
    )
    assert participants(profile_document(doc))[:2] == ["Álvaro Uribe", "Łukasz Nowak"]
    assert "лавров" in profile_document(doc).names


def test_war_in_a_country_is_not_where_the_event_was() -> None:
    doc = make_document(
        "x", ["The ministers discussed ending the war in Ukraine at talks in Minsk."]
    )
    assert profile_document(doc).places == ("minsk",)


def test_average_linkage_keeps_apart_what_is_only_linked_through_a_chain() -> None:
    # 0-1 and 1-2 are close, 0-2 unrelated: the average of {0,1} to 2 falls under 0.5.
    edges = {(0, 1): 0.9, (1, 2): 0.6, (3, 4): 0.55}
    assert average_linkage(5, edges, 0.5) == [[0, 1], [2], [3, 4]]
    assert average_linkage(5, edges, 0.25) == [[0, 1, 2], [3, 4]]
    assert average_linkage(3, {}, 0.1) == [[0], [1], [2]]
    # A pair kept apart blocks the merge of any groups holding it.
    assert average_linkage(5, edges, 0.25, frozenset({(0, 2)})) == [[0, 1], [2], [3, 4]]


def test_blocking_finds_the_pairs_that_matter() -> None:
    docs = [make_document(f"c{k}", CHILE_A if k % 2 else JAPAN) for k in range(200)]
    index = EventIndex(docs)
    pairs = set(index.candidate_pairs(index.params))
    assert (0, 2) in pairs and (1, 3) in pairs


def test_different_event_findings_on_the_seeds(seed_documents: list[Document]) -> None:
    events = group_events(seed_documents)
    findings = different_event_findings(seed_documents, events)
    number = {doc.id: Path(doc.article.origin).name[:3] for doc in seed_documents}
    assert len(findings) == 3
    by_pair = {frozenset(number[e.source] for e in f.evidence): f for f in findings}
    phone_call = by_pair[frozenset({"000", "002"})]
    assert phone_call.kind == "different_event" and phone_call.id == ""
    assert "Friday" in phone_call.summary and "Sunday" in phone_call.summary
    assert "Putin" in phone_call.summary
    moscow = by_pair[frozenset({"000", "004"})]
    assert "Moscow" in moscow.summary and "Beijing" in moscow.summary
    assert "place" in moscow.detail["differs"]
    assert len(moscow.detail["events"][0]) == 3
    assert "Lavrov" in " ".join(moscow.detail["shared_actors"])
    # Sharing actors is the trap: these weigh more than an unrelated pair would.
    assert min(f.weight for f in findings) >= 0.6
    for finding in findings:
        for evidence in finding.evidence:
            doc = next(d for d in seed_documents if d.id == evidence.source)
            assert (
                doc.article.text[evidence.start : evidence.end]
                == doc.sentences[evidence.sentence].text
            )


def test_unrelated_articles_give_a_light_finding() -> None:
    docs = [make_document("a", CHILE_A), make_document("p", ["The central bank raised rates."])]
    (finding,) = different_event_findings(docs, [["a"], ["p"]])
    assert finding.weight < 0.5
    assert different_event_findings(docs, [["a", "p"]]) == []


def test_many_events_give_findings_only_between_related_ones() -> None:
    topics = [
        "The central bank of Norway raised its key interest rate on Thursday.",
        "Heavy rain flooded the old town of Genoa on Monday.",
        "A new species of frog was described by biologists in Ecuador.",
        "The Louvre museum closed for a day after a staff strike.",
        "A cargo ship ran aground in the Suez Canal on Tuesday.",
        "The world chess championship opened in Singapore.",
    ]
    docs = [make_document(f"t{k}", [text]) for k, text in enumerate(topics)]
    docs += [make_document("a", CHILE_A), make_document("j", JAPAN)]
    events = [[doc.id] for doc in docs]
    findings = different_event_findings(docs, events)
    pairs = {frozenset(f.detail["events"][0] + f.detail["events"][1]) for f in findings}
    assert frozenset({"a", "j"}) in pairs
    assert len(findings) < 10


def test_the_capital_of_a_country_named_by_its_adjective_is_its_seat() -> None:
    profile = profile_document(
        make_document("s1", ["Lavrov arrived in the Chinese capital on Sunday for talks."])
    )
    assert profile.places[:1] == ("beijing",)


def test_a_dateline_taken_off_the_lead_still_dates_the_event() -> None:
    from dataclasses import replace

    lead = ["Chinese Foreign Minister Wang Yi met his Russian counterpart at the G20 meeting."]
    document = make_document("s1", lead)
    dated = replace(
        document, article=replace(document.article, dateline="Johannesburg, 20 February 2025 –")
    )
    assert profile_document(document).event_date is None
    assert profile_document(dated).event_date == date(2025, 2, 20)


@pytest.mark.parametrize(
    ("lead", "event_date"),
    [
        # The weekday after "police said" dates the statement; the event's is Thursday's.
        (
            [
                "A plant worker shot three colleagues after she was suspended, police said Friday.",
                "She had argued Thursday evening with her co-workers.",
            ],
            date(2010, 9, 9),
        ),
        (
            ["The mayor told reporters Friday that the bridge shut on Thursday."],
            date(2010, 9, 9),
        ),
        # A weekday that dates the act itself stands.
        (["The bridge shut on Friday after inspectors found cracks."], date(2010, 9, 10)),
    ],
)
def test_the_weekday_a_statement_was_made_is_not_the_events(
    lead: list[str], event_date: date
) -> None:
    doc = make_document("x", lead, published="2010-09-11")
    assert profile_document(doc).event_date == event_date


def test_a_follow_up_the_grouper_set_apart_is_a_later_occurrence_of_the_story() -> None:
    """The shooting and, three months on, the hearing that sent the shooter to trial: the
    grouper keeps them apart, but both leads name the same person and the same kind of
    event, so the finding says which reports the later occurrence rather than calling them
    different events. Two events that share no one stay different events."""
    shooting = make_document(
        "shooting",
        [
            "Yvonne Hiller shot dead two co-workers at a Kraft plant in Philadelphia on "
            "Thursday night, police said.",
            "Hiller had been suspended minutes earlier after an argument.",
        ],
        published="2010-09-10",
    )
    hearing = make_document(
        "hearing",
        [
            "A judge on Tuesday ordered Yvonne Hiller to stand trial for the murder of two "
            "co-workers at a Kraft plant.",
            "Her lawyer said she would plead not guilty.",
        ],
        published="2010-12-08",
    )
    (finding,) = different_event_findings(
        [shooting, hearing], [["shooting"], ["hearing"]], [["shooting"], ["hearing"]]
    )
    assert finding.detail["occurrence"] == "later"
    assert "later occurrence" in finding.summary
    other = make_document(
        "rates",
        ["The central bank raised its key interest rate on Tuesday by half a point."],
        published="2010-12-08",
    )
    (finding,) = different_event_findings(
        [shooting, other], [["shooting"], ["rates"]], [["shooting"], ["rates"]]
    )
    assert finding.detail["occurrence"] is None


def test_an_undated_report_joins_the_occurrence_holding_the_report_it_reads_most_like() -> None:
    """Three reports of this week's emergency patch, varied in what they stress, and one of
    last year's patch for an older flaw: an undated report that tells this week's story
    (one of its reports almost word for word) belongs to this week's occurrence, though it
    shares more words with last year's report than with the average of this week's."""
    from framediff.events.occurrences import occurrences

    this_week = [
        make_document(
            "a",
            [
                "Microsoft released a temporary Fix It tool on Tuesday for an Internet Explorer "
                "flaw that attackers are exploiting in targeted attacks.",
                "The company said a full security update is being prepared.",
            ],
            published="2013-09-17",
        ),
        make_document(
            "b",
            [
                "Security researchers said the attacks on the browser flaw were limited to "
                "users in Japan and Taiwan.",
                "The flaw affects every supported version of the browser.",
            ],
            published="2013-09-17",
        ),
        make_document(
            "c",
            [
                "Analysts urged companies to switch browsers until Microsoft ships a real fix.",
                "The next Patch Tuesday is three weeks away.",
            ],
            published="2013-09-18",
        ),
    ]
    last_year = make_document(
        "old",
        [
            "Microsoft will release a patch for Internet Explorer to fix a flaw that "
            "attackers are exploiting.",
            "The company released a temporary Fix It tool last week.",
        ],
        published="2012-09-19",
    )
    undated = make_document(
        "new",
        [
            "Microsoft released a temporary Fix It tool for an Internet Explorer flaw that "
            "attackers are exploiting in targeted attacks.",
            "A full security update is being prepared, the company said.",
        ],
    )
    groups = occurrences([*this_week, last_year, undated])
    assert ("a", "b", "c", "new") in groups and ("old",) in groups


def test_a_later_stage_naming_the_same_person_and_act_is_a_later_occurrence() -> None:
    """Reports of a shooting, and months later one of the hearing that sent the shooter to
    trial, told in other words: little text in common, but the same person and the same
    kind of act (a murder) in both, dated months apart. The finding names the later
    occurrence rather than calling them different events; a later report of someone else's
    murder trial stays a different event."""
    shooting = [
        make_document(
            f"s{k}",
            [
                "Two people were killed and one wounded in a shooting at a Kraft Foods plant "
                "in northeast Philadelphia on Thursday night.",
                "A suspended worker, Yvonne Hiller, was charged with murder after opening fire "
                "in a break room, police said.",
                "About 100 people were at work at the plant, which makes Oreo cookies.",
            ],
            published="2010-09-10",
        )
        for k in range(3)
    ]

    def hearing(name: str, pronoun: str) -> Document:
        return make_document(
            name.split()[-1].lower(),
            [
                "Murder trial ordered for woman accused in factory killings",
                f"{name} was certain {pronoun} was being targeted for chemical abuse, but no "
                "one believed the story.",
                f"A homicide detective testified Tuesday that {pronoun} showed no remorse.",
            ],
            published="2010-12-08",
        )

    ids = [d.id for d in shooting]
    later = hearing("Yvonne Hiller", "she")
    (finding,) = different_event_findings([*shooting, later], [ids, [later.id]], [ids, [later.id]])
    assert finding.detail["occurrence"] == "later", finding.summary
    other = hearing("Marcus Dell", "he")
    (finding,) = different_event_findings([*shooting, other], [ids, [other.id]], [ids, [other.id]])
    assert finding.detail["occurrence"] is None
