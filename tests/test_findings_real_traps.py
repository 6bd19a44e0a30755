"""Rules that keep the patterns of real coverage from becoming findings: a name with and
without its title, an organisation and "the company", a news agency relaying a claim, Title
Case subheadings, short whole-sentence quotes, speech acts such as "promised", quotations cut
short, ", marking ..." and participles after a speech, figures given to whole units, open
ranges and slot words shared by several figures. The end-to-end check is the findings set
fixtures/findings/13_runway_crash (benchmarks/eval_findings.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framediff.findings.claims import _is_editorial, editorial_cues
from framediff.findings.identity import Speaker, speaker_keys, speakers_differ
from framediff.findings.numbers import Mention, _same
from framediff.findings.quotes import _cut_short
from framediff.model import Comparison
from framediff.sentences.credit import SPEECH_RE
from framediff.text import headline_like


@pytest.mark.parametrize(
    ("phrase", "same_as"),
    [
        ("President Putin", "Putin"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Transport Minister Dana Ore", "Dana Ore"),
        ("Dr Anna Reyes", "Anna Reyes"),
        # An institution keeps its words; a title alone is the speaker.
        ("Russian Foreign Ministry", "Russia Foreign Ministry"),
        ("the president", "president"),
        ("the British Prime Minister", "British Prime Minister"),
    ],
)
def test_speaker_keys_leave_out_titles_before_a_name(phrase: str, same_as: str) -> None:
    assert speaker_keys(phrase) == speaker_keys(same_as)
    assert len(speaker_keys(phrase)[0]) == len(same_as.split())


def _speaker(display: str, resolved: str = "") -> Speaker:
    return Speaker(display, speaker_keys(resolved or display)[0], resolved or display)


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        (_speaker("President Putin"), _speaker("Putin", "Vladimir Putin"), False),
        # "the company" left unresolved, or resolved to a person, may be the airline.
        (_speaker("Jeju Air"), _speaker("the company"), False),
        (_speaker("Jeju Air"), _speaker("the company", "Emergency Official"), False),
        # ... but it is not the police, and a resolved one is its organisation.
        (_speaker("police"), _speaker("the company", "Company"), True),
        (_speaker("Velto"), _speaker("the company", "Velto"), False),
        (_speaker("Orsa Group"), _speaker("the company", "Velto"), True),
        # A bare name with nothing known of it may be a person speaking for the company.
        (_speaker("Orsa"), _speaker("the company", "Velto"), False),
        # A news agency relays; it is no second speaker.
        (_speaker("Lavrov"), _speaker("the TASS news agency"), False),
        # One person may be described by two roles ("the comedian and talk show host"
        # cut to "host" in one outlet, "the comedian" in another): no names, no bodies,
        # nothing tells them apart.
        (_speaker("the comedian"), _speaker("host", "Host"), False),
        # A body against a person described by a role is told apart.
        (_speaker("police"), _speaker("an eyewitness"), True),
        # A person the article introduces by the other's name ("Microsoft's Christopher
        # Budd") speaks for it; two names with nothing known of them are two speakers.
        (
            _speaker("Microsoft"),
            Speaker(
                "Christopher Budd",
                speaker_keys("Christopher Budd")[0],
                "Christopher Budd",
                ("Microsoft's Christopher Budd",),
            ),
            False,
        ),
        (_speaker("Microsoft"), _speaker("Christopher Budd"), True),
        # Two people each described by who they are (a relative is described too) are
        # two speakers; a relative is no one speaking for a company.
        (_speaker("family friend Tom Reyes"), _speaker("his grandson Ben Ortiz"), True),
        (_speaker("his grandson Ben Ortiz"), _speaker("the company", "Velto"), True),
        # A relative named only by kinship may be the person another outlet names, but two
        # different kinships are two people.
        (_speaker("his grandson"), _speaker("Ben Ortiz"), False),
        (_speaker("the grandmother"), _speaker("the mother"), True),
        (_speaker("his stepfather"), _speaker("the victim's father"), True),
        (_speaker("his mother"), _speaker("the mother"), False),
        # Two bodies described plainly are two speakers.
        (_speaker("the fire service"), _speaker("the army", "Military"), True),
        (_speaker("the interior ministry"), _speaker("the commission"), True),
    ],
)
def test_who_makes_a_shift(a: Speaker, b: Speaker, differs: bool) -> None:
    assert speakers_differ([a], [b]) is differs
    assert speakers_differ([b], [a]) is differs


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("What Putin Said At The Alaska Press Conference", True),
        ("No Ukraine Ceasefire Reached, Trump Says No Deal Reached", True),
        ("Russian Foreign Minister Sergei Lavrov met with his Chinese counterpart Wang Yi", False),
        ("Trump Says No Deal Reached.", False),
        ("Lavrov And Wang", False),  # too short to tell
        # The short words a headline style leaves in lower case are not counted.
        ("Frederick LaRue, 75; Had Key Role in Coverup of the Watergate Break-In", True),
        ("Rural Family Physician Featured in a Library Exhibition on Medicine", True),
    ],
)
def test_headline_like(line: str, headline: bool) -> None:
    assert headline_like(line) is headline


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("Keir Starmer on Friday promised a phase of national renewal.", True),
        ("The minister pledged to rebuild the bridge.", True),
        ("It is a retreat for a government that promised to stay.", False),
        ("The man who vowed to return has gone.", False),
    ],
)
def test_speech_acts_attribute_their_subject(text: str, speech: bool) -> None:
    assert bool(SPEECH_RE.search(text)) is speech


@pytest.mark.parametrize(
    ("a", "b", "short"),
    [
        (
            "real verdict is going to be november 5th",
            "the real verdict is going to be november 5 by the people",
            True,
        ),
        ("the real test comes on march 3rd", "the real test comes on march 3 with the vote", True),
        # An excerpt from the middle, a compound hyphenated in one version only.
        (
            "since she became a vice presidential candidate",
            "she told a pastor she apologizes since she became a vice-presidential candidate "
            "on aug 29",
            True,
        ),
        # Inside the quotation a word was added: an altered quote.
        ("this is a first step", "this is only a first step", False),
        ("we will rebuild every home", "we will rebuild every school", False),
    ],
)
def test_quotation_cut_short(a: str, b: str, short: bool) -> None:
    assert _cut_short(a.split(), b.split()) is short


@pytest.mark.parametrize(
    ("sentence", "editorial"),
    [
        ("The airline's shares fell sharply on Monday, marking their worst day since 2009.", False),
        ("The vote passed on Monday, marking a humiliating defeat for the government.", True),
        (
            "Brask spoke first at the news conference, highlighting the government's resolve.",
            False,
        ),
        ("The ministers met on Sunday, highlighting the depth of their partnership.", True),
    ],
)
def test_participle_clauses(sentence: str, editorial: bool) -> None:
    assert _is_editorial(editorial_cues(sentence)) is editorial


def _count(value: float, kind: str = "count") -> Mention:
    text = f"{value:g}"
    return Mention(text, kind, f"{kind}:{text}", value, 0, len(text), False)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (_count(14), _count(14.2), True),  # "14 miles" / "14.2 miles"
        (_count(14), _count(14.6), False),
        (_count(8), _count(7.8), False),  # small figures must agree: magnitude 7.8 / 8
        (_count(31), _count(29), False),
        (_count(4.75, "percent"), _count(5, "percent"), False),  # rates are exact
    ],
)
def test_whole_units_and_decimals(a: Mention, b: Mention, same: bool) -> None:
    assert _same(a, b) is same


def _compare_texts(tmp_path: Path, texts: dict[str, list[str]]) -> Comparison:
    """``compare`` over one file per source (its sentences one a line) in ``tmp_path``."""
    from framediff import compare
    from framediff.config import Settings

    paths = []
    for name, lines in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return compare(paths, settings=Settings(presplit=True))


def test_parties_named_by_their_own_word_are_covered(tmp_path: Path) -> None:
    texts = {
        "wire": [
            "The Labour Party won a landslide in the general election on Thursday.",
            "The Conservative Party suffered its worst defeat in nearly 200 years.",
        ],
        "daily": [
            "Labour won a landslide in the general election on Thursday.",
            "The Conservatives suffered their worst defeat in nearly 200 years.",
        ],
    }
    result = _compare_texts(tmp_path, texts)
    assert not [f for f in result.analysis.findings if f.kind == "entity_coverage"]


@pytest.mark.parametrize(
    ("canonical", "text", "named"),
    [
        ("Labour Party", "Centre-left Labour won a majority.", True),
        ("Conservative Party", "Rishi Sunak's Conservatives lost.", True),
        ("Democratic Party", "The Republicans held the House.", False),
        # A country or an office does not tell one ministry from another.
        ("Chinese Foreign Ministry", "Chinese diplomats met the Foreign Secretary.", False),
        ("Labour", "Labour won.", False),  # one word: nothing shorter to name it by
    ],
)
def test_named_shortly(canonical: str, text: str, named: bool) -> None:
    from framediff.findings.context import Context
    from framediff.findings.coverage import _named_shortly
    from framediff.model import Alignment, Article, Document, Sentence

    document = Document(
        "s1", "daily", Article("daily.txt", text), (Sentence(0, text, 0, len(text)),)
    )
    ctx = Context(
        documents=(document,), alignment=Alignment((), ()), analyses={}, events=(("s1",),)
    )
    assert _named_shortly(ctx, canonical, "s1") is named


def test_figures_of_different_currencies_or_moments_never_conflict() -> None:
    """A sum given in euros and in pounds may be one sum converted; the fire at 3:30 and
    the call at 3:33 are two moments; 3:30 and 6:30 for one moment do conflict."""
    from framediff.findings.numbers import _comparable

    def mention(kind: str, key: str) -> Mention:
        return Mention(text=key, kind=kind, key=key, value=None, start=0, end=1, vague=False)

    euros, pounds = mention("money", "money:EUR:103000000"), mention("money", "money:GBP:88000000")
    assert not _comparable(euros, pounds)
    assert _comparable(euros, mention("money", "money:EUR:90000000"))
    fire, call = mention("date", "time:15:30"), mention("date", "time:15:33")
    assert not _comparable(fire, call)
    assert _comparable(fire, mention("date", "time:18:30"))


@pytest.mark.parametrize(
    ("text", "clutter"),
    [
        ("Her biography appears at: http: / / www. nlm. nih. gov / physicians", True),
        ("Full details are at www.example.org/report.", True),
        ("Leave your thoughts, ideas and desires in the comments section below.", True),
        ("Hit the jump for more including why the sequel might slip.", True),
        ("Posted 1 year, 160 days ago [downloaded on 2 October 2013]", True),
        ("The comments below the video drew anger from residents.", False),
        ("He posted a video on Facebook two days ago.", False),
        ("Police said the fire started in a storage room.", False),
    ],
)
def test_web_page_furniture_is_never_content(text: str, clutter: bool) -> None:
    from framediff.findings.cues import is_boilerplate

    assert is_boilerplate(text) is clutter


def test_a_name_written_with_a_hyphen_or_another_case_is_covered(tmp_path: Path) -> None:
    """ "Mehdi iran-Nejad" is the governor the others call "Mehdi Irannejad": the source
    names him, written another way. A source that does not name him at all still lacks
    him."""
    texts = {
        "wire": [
            "Provincial governor Mehdi Irannejad said 300 homes were damaged in the quake.",
            "Mehdi Irannejad said rescue teams had reached every village.",
        ],
        "post": [
            "Provincial governor Mehdi Irannejad said 300 homes were damaged in the quake.",
            "Mehdi Irannejad said rescue teams had reached every village.",
        ],
        "herald": [
            "The provincial governor, Mehdi iran-Nejad, said 300 homes were damaged.",
            "Rescue teams had reached every village, the governor said.",
        ],
        "daily": [
            "The quake damaged 300 homes, officials said.",
            "Rescue teams had reached every village.",
        ],
    }
    result = _compare_texts(tmp_path, texts)
    label = {doc.id: doc.label for doc in result.documents}
    missing = {
        label[s]
        for f in result.analysis.findings
        if f.kind == "entity_coverage" and "Irannejad" in f.summary
        for s in f.sources_missing
    }
    assert missing == {"daily"}


def test_a_name_in_british_spelling_is_covered(tmp_path: Path) -> None:
    """ "the Betty Ford Centre" is the "Betty Ford Center" the others name."""
    texts = {
        "wire": [
            "The actress checked into the Betty Ford Center in Rancho Mirage on Monday.",
            "The Betty Ford Center declined to comment on her stay.",
        ],
        "post": [
            "The actress checked into the Betty Ford Center in Rancho Mirage on Monday.",
            "The Betty Ford Center declined to comment on her stay.",
        ],
        "mail": [
            "The actress has checked into the Betty Ford Centre, her lawyer said on Monday.",
            "The clinic declined to comment.",
        ],
    }
    result = _compare_texts(tmp_path, texts)
    assert not [
        f
        for f in result.analysis.findings
        if f.kind == "entity_coverage" and "Betty Ford" in f.summary
    ]
