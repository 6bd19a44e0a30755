"""Entities from the gazetteer and capitalisation; topics with canonical names."""

from __future__ import annotations

import pytest

from framediff.sentences.entities import find_entities, find_topics, transliteration_key

ENTITY_CASES = [
    pytest.param(
        "It did not mention ties with Washington, which Moscow said was also on the agenda.",
        {("Washington", "United States", "COUNTRY"), ("Moscow", "Russia", "COUNTRY")},
        id="seed003-capitals-as-countries",
    ),
    pytest.param(
        "The U.S. casts China as its biggest competitor and Russia as its biggest threat.",
        {
            ("U.S.", "United States", "COUNTRY"),
            ("China", "China", "COUNTRY"),
            ("Russia", "Russia", "COUNTRY"),
        },
        id="seed000-us-abbreviation",
    ),
    pytest.param(
        "Russian Foreign Minister Sergei Lavrov met with his Chinese counterpart Wang Yi.",
        {
            ("Russian", "Russia", "COUNTRY"),
            ("Sergei Lavrov", "Sergey Lavrov", "PERSON"),
            ("Chinese", "China", "COUNTRY"),
            ("Wang Yi", "Wang Yi", "PERSON"),
        },
        id="seed001-transliteration",
    ),
    pytest.param(
        "The Kremlin said American officials would attend the summit in the Arctic.",
        {
            ("Kremlin", "Russia", "COUNTRY"),
            ("American", "United States", "COUNTRY"),
            ("Arctic", "Arctic", "PLACE"),
        },
        id="kremlin-and-demonym",
    ),
    pytest.param(
        "coordination within the United Nations and its Security Council, the SCO, BRICS, the G20, and APEC",
        {
            ("United Nations", "United Nations", "ORG"),
            ("Security Council", "UN Security Council", "ORG"),
            ("SCO", "Shanghai Cooperation Organization", "ORG"),
            ("BRICS", "BRICS", "ORG"),
            ("G20", "G20", "ORG"),
            ("APEC", "APEC", "ORG"),
        },
        id="seed000-organisations",
    ),
    pytest.param(
        "Speaking to reporters, Thaksin's lawyer Winyat Chatmontree said the court would rule.",
        {("Thaksin", "Thaksin", "OTHER"), ("Winyat Chatmontree", "Winyat Chatmontree", "PERSON")},
        id="unknown-names-title-makes-person",
    ),
    pytest.param(
        "They are held in Wenzhou, Zhejiang Province, by the Chinese Ministry of State Security.",
        {
            ("Wenzhou", "Wenzhou", "OTHER"),
            ("Zhejiang Province", "Zhejiang Province", "PLACE"),
            ("Chinese", "China", "COUNTRY"),
            ("Ministry of State Security", "Chinese Ministry of State Security", "ORG"),
        },
        id="unknown-place-and-org-with-country",
    ),
    pytest.param(
        "Patriotism is expected to rise in August before the anniversary on Sunday.",
        set(),
        id="sentence-start-word-month-and-day-are-not-names",
    ),
    pytest.param(
        "Iran's reported plans could expand Beijing's footprint in the Middle East, Mr. Smith said.",
        {
            ("Iran", "Iran", "COUNTRY"),
            ("Beijing", "China", "COUNTRY"),
            ("Middle East", "Middle East", "PLACE"),
            ("Smith", "Smith", "PERSON"),
        },
        id="possessives-and-mr",
    ),
    pytest.param(
        "Thousands marched against the conservative Government's policies as Police watched.",
        set(),
        id="capitalised-common-institution-nouns-are-not-names",
    ),
    pytest.param(
        "The Greek Government said it would not resign.",
        {("Greek", "Greece", "COUNTRY"), ("Government", "Greek Government", "ORG")},
        id="an-institution-noun-after-a-country-is-that-country's",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENTITY_CASES)
def test_find_entities(text: str, expected: set[tuple[str, str, str]]) -> None:
    found = find_entities(text)
    assert {(e.text, e.canonical, e.type) for e in found} == expected
    for entity in found:
        assert text[entity.start : entity.end] == entity.text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Dmitri Kozak", "Dmitry Kozak"),
        ("Dmitriy Kozak", "Dmitry Kozak"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("Aleksandr Dugin", "Alexander Dugin"),
        ("Mikhail Khodorkovsky", "Mikhail Hodorkovsky"),
        ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
    ],
)
def test_transliterations_share_a_key(a: str, b: str) -> None:
    assert transliteration_key(a) == transliteration_key(b)


def test_different_names_keep_different_keys() -> None:
    assert transliteration_key("Wang Yi") != transliteration_key("Wang Yu")
    assert transliteration_key("Li Qiang") != transliteration_key("Li Qing")


def test_offset_is_added() -> None:
    (entity,) = find_entities("in Kyiv", offset=100)
    assert (entity.start, entity.end, entity.canonical) == (103, 107, "Ukraine")


TOPIC_CASES = [
    pytest.param(
        "the complexities surrounding the Iranian nuclear program",
        "Iranian nuclear programme",
        id="seed001-iran-program",
    ),
    pytest.param(
        "exchanged views on the Iranian nuclear issue and other matters",
        "Iranian nuclear programme",
        id="seed003-iran-issue",
    ),
    pytest.param(
        "the delicate situation on the Korean Peninsula", "Korean Peninsula", id="seed001-korea"
    ),
    pytest.param("including the war in Gaza", "Gaza", id="seed003-gaza"),
    pytest.param(
        "discussed their relations with the United States",
        "US relations",
        id="seed000-us-relations",
    ),
    pytest.param(
        "It did not mention ties with Washington", "US relations", id="seed003-ties-washington"
    ),
    pytest.param(
        "Russia and China discuss Ukraine war and US ties",
        "US relations",
        id="seed000-title-us-ties",
    ),
    pytest.param(
        "prospects for resolving the Ukrainian crisis",
        "Ukraine peace talks",
        id="seed000-resolving",
    ),
]


@pytest.mark.parametrize(("text", "topic"), TOPIC_CASES)
def test_find_topics(text: str, topic: str) -> None:
    assert topic in {t.canonical for t in find_topics(text)}


def test_lower_case_ministry_after_country_is_an_organisation() -> None:
    found = find_entities("according to a Chinese foreign ministry readout of their meeting")
    assert ("foreign ministry", "Chinese Foreign Ministry", "ORG") in {
        (e.text, e.canonical, e.type) for e in found
    }


def test_topics_may_overlap() -> None:
    topics = {t.canonical for t in find_topics("the prospects for ending the war in Ukraine")}
    assert {"Ukraine peace talks", "Ukraine war"} <= topics


def test_topic_needs_capital_us() -> None:
    assert "US relations" not in {t.canonical for t in find_topics("relations with us are fine")}


def test_pieces_of_names_are_no_entities() -> None:
    """No fragment reaches the entity table: the letter of an acronym written with dots, a
    time zone, a title or street word alone, a contraction."""
    text = (
        "The U.S. envoy met Gov. Ray Cole on Main St. at 9 a.m. PDT on Friday, "
        "and I'm told the talks in Washington went well."
    )
    canonicals = {e.canonical for e in find_entities(text)}
    assert not canonicals & {"U", "S", "PDT", "Gov", "St", "I'm"}
    assert {"Ray Cole", "United States"} <= canonicals


@pytest.mark.parametrize(
    ("second", "named"),
    [
        # A surname the article has named someone by in full, opening a sentence.
        ("Thomas came into 2010 as the team's leading rusher.", ["Pierre Thomas"]),
        ("Thomas's yards came mostly in December.", ["Pierre Thomas"]),
        # Also after a sentence the splitter left joined ("... in Week 8. Thomas has").
        ("The team used him 22 times in Week 8. Thomas has 317 yards.", ["Pierre Thomas"]),
        # A capitalised word opening a sentence that is no one's surname stays no name.
        ("Sales came in higher than expected.", []),
    ],
)
def test_a_surname_opening_a_sentence_is_the_person_the_article_named(
    second: str, named: list[str]
) -> None:
    from framediff.alignment import _presplit_document
    from framediff.sentences.analysis import analyze_document

    document = _presplit_document(
        "s1", ["Running back Pierre Thomas was placed on injured reserve on Wednesday.", second]
    )
    people = [e.canonical for e in analyze_document(document)[1].entities if e.type == "PERSON"]
    assert people == named


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Red Sox signed J.D. Drew to a five-year deal on Monday.", "J.D. Drew"),
        ("The Red Sox signed J. D. Drew to a five-year deal on Monday.", "J. D. Drew"),
        ("On Monday, George W. Bush spoke to reporters in Texas.", "George W. Bush"),
        ("The charity dinner was hosted by Michael J. Fox in Manhattan.", "Michael J. Fox"),
        ("A column by E.J. Dionne appeared in the paper on Sunday.", "E.J. Dionne"),
    ],
)
def test_a_name_with_initials_is_one_name(text: str, name: str) -> None:
    """Initials are part of the name they open or sit in the middle of: no "George W" or
    "J" fragment, and the whole name is found."""
    names = {e.text for e in find_entities(text)}
    assert name in names
    assert not any(n != name and (n in name or name.startswith(n)) for n in names)


def test_a_surname_after_a_name_with_initials_is_that_person() -> None:
    from framediff.alignment import _presplit_document
    from framediff.sentences.analysis import analyze_document

    document = _presplit_document(
        "s1",
        [
            "The Red Sox signed outfielder J.D. Drew to a five-year deal on Monday.",
            "The team's general manager said that Drew would play right field.",
        ],
    )
    people = [e.canonical for e in analyze_document(document)[1].entities if e.type == "PERSON"]
    assert people == ["J.D. Drew"]


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # A role before a name (a title word or not) is no part of it, nor is the body the
        # person serves "of".
        (
            "Senior Trooper William Hakim of the Oregon State Police died at the scene.",
            {"William Hakim"},
            {"Senior", "Trooper"},
        ),
        (
            "Her account differs from Police Commissioner Raymond Kelly's assertion.",
            {"Raymond Kelly"},
            {"Police Commissioner", "Commissioner"},
        ),
        # A lone letter of an abbreviation written with dots ends no name.
        ("Regina Benjamin U. S. Surgeon General nominee", {"Regina Benjamin"}, {" U"}),
        # "No." before a figure numbers someone; it is no surname.
        ('"We were searching," Juror No. 12 said.', set(), {"No"}),
    ],
)
def test_a_name_is_only_the_name(text: str, wanted: set[str], unwanted: set[str]) -> None:
    found = find_entities(text)
    assert wanted <= {e.canonical for e in found}
    assert not any(part in e.text for e in found for part in unwanted)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A message from the Central Commission for Elections and Referenda said so.",
            "Central Commission for Elections and Referenda",
        ),
        (
            "The Department of Health and Human Services issued the rule on Friday.",
            "Department of Health and Human Services",
        ),
        (
            "The Committee for the Protection of Journalists condemned the arrest.",
            "Committee for the Protection of Journalists",
        ),
    ],
)
def test_a_body_named_with_for_and_and_is_one_name(text: str, name: str) -> None:
    """A body's name goes on after "for" and "and" within its complement; two people
    joined by "and" stay two names."""
    assert name in {e.text for e in find_entities(text)}


def test_people_joined_by_and_stay_two_names() -> None:
    names = {e.text for e in find_entities("Senator Ada Brill and Governor Tom Ellery met.")}
    assert {"Ada Brill", "Tom Ellery"} <= names


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # A state abbreviated after its city, AP style.
        ("He died at a prison hospital in Springfield, Mo., on Friday.", "Mo"),
        ("The clinic in Bayou La Batre, Ala., is small.", "Ala"),
        # Degrees, time zones and plural abbreviations name no one.
        ("Regina Benjamin, MD, was nominated on Monday.", "MD"),
        ("She earned a PhD at Yale before joining the clinic.", "PhD"),
        ("The quake hit at 1:53 pm IST on Sunday.", "IST"),
        ("Several ISPs reported problems across the region.", "ISPs"),
    ],
)
def test_abbreviations_are_no_names(text: str, fragment: str) -> None:
    assert fragment not in {e.text for e in find_entities(text)}


def test_a_companys_legal_suffix_is_no_part_of_its_name() -> None:
    """ "Summit Entertainment, LLC" and "Summit Entertainment" are one company; a name with
    a body's word is an organisation ("the Archdiocese of Mobile said")."""
    found = find_entities("Summit Entertainment, LLC also represents international sales.")
    assert "Summit Entertainment" in {e.canonical for e in found}
    found = find_entities("The Archdiocese of Mobile said the award was deserved.")
    assert ("Archdiocese of Mobile", "ORG") in {(e.canonical, e.type) for e in found}


def test_a_headline_in_title_case_gives_only_names_its_article_confirms() -> None:
    """In a Title Case headline every word is capitalised, so capitals are no sign of a
    name: a run the article's own sentences never name ("Mafia Leader Who Feigned
    Insanity") is no entity; a name they do ("Vincent Gigante") and a country stay."""
    from framediff.alignment import _presplit_document
    from framediff.sentences.analysis import analyze_document

    document = _presplit_document(
        "s1",
        [
            "Vincent Gigante, Mafia Leader Who Feigned Insanity, Dies in Italy at 77",
            "Vincent Gigante, who ran the Genovese family for decades, died on Monday.",
            "Gigante spent years pretending to be mentally ill to avoid prosecution.",
        ],
    )
    names = {e.canonical for e in analyze_document(document)[0].entities}
    assert {"Vincent Gigante", "Italy"} <= names
    assert not any("Insanity" in name or "Mafia" in name for name in names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The NFL's Winston Moss spoke to reporters on Monday.", {"Winston Moss"}),
        ("A flaw in Google's Chrome browser was fixed on Monday.", {"Chrome"}),
    ],
)
def test_a_possessive_ends_a_name(text: str, names: set[str]) -> None:
    """ "The NFL's Winston Moss": whose a name is comes before it, no part of it."""
    found = {e.text for e in find_entities(text)}
    assert names <= found
    assert not any("'s " in name for name in found)


def test_a_headline_name_must_stand_whole_in_the_article() -> None:
    from framediff.alignment import _presplit_document
    from framediff.sentences.analysis import analyze_document

    document = _presplit_document(
        "s1",
        [
            "President Nominates Regina Benjamin, MD to Serve as Surgeon General",
            "President Obama has nominated Alabama physician Regina Benjamin on Monday.",
        ],
    )
    names = {e.text for e in analyze_document(document)[0].entities}
    assert not any(name.startswith("Nominates") for name in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A body's role before a person's name: the name is the person's alone.
        (
            "Superior Court Judge James R. Dabney agreed in the hearing.",
            "James R. Dabney",
        ),
        (
            "Office of Management and Budget Director Peter Orszag followed up with a memo.",
            "Peter Orszag",
        ),
        (
            "The bank had been evacuated, according to West Coast Bank Chief Executive "
            "Robert Sznewajs.",
            "Robert Sznewajs",
        ),
    ],
)
def test_a_bodys_role_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    found = {e.text for e in find_entities(text)}
    assert name in found
    assert not any(name in other and other != name for other in found)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # An abbreviated title whose full stop ended the run is no part of the name before.
        ("He was the liaison to Mississippi Sen. James O. Eastland on the matter.", "Sen"),
        ("Police Lt. Jeffrey Silva said the son found the bodies.", "Lt"),
        # Abbreviations of statistics and formats name no one.
        ("Overall, he finished the season with a .308 average and 121 RBI.", "RBI"),
        ("The protection only applies to the HTML message itself.", "HTML"),
    ],
)
def test_title_and_statistic_abbreviations_are_no_names(text: str, fragment: str) -> None:
    assert not any(fragment in e.text.split() for e in find_entities(text))


@pytest.mark.parametrize(
    ("text", "names", "unwanted"),
    [
        # A person "of" the town they come from: two names.
        (
            "Police caught up with 23-year-old Vishwanand Subryan of Schenectady a few blocks away.",
            {"Vishwanand Subryan"},
            "Subryan of Schenectady",
        ),
        # A body's or a place's name goes on after "of".
        ("The University of Michigan said it would comply.", {"University of Michigan"}, ""),
        ("The Statue of Liberty was closed on Monday.", {"Statue of Liberty"}, ""),
    ],
)
def test_of_joins_a_bodys_name_not_a_person_and_their_town(
    text: str, names: set[str], unwanted: str
) -> None:
    found = {e.text for e in find_entities(text)}
    assert names <= found
    assert not unwanted or not any(unwanted in name for name in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He played at Wayne State before the draft.", "Wayne State"),
        ("Michigan State beat Duke on Sunday.", "Michigan State"),
    ],
)
def test_state_after_a_place_name_is_part_of_the_name(text: str, name: str) -> None:
    """ "Ohio State", "Wayne State": a university or a team, not a place and a title."""
    assert name in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Republican Phil Bryant won the race for governor.", "Phil Bryant"),
        ("Democrat Andrew Beshear narrowly won the race on Tuesday.", "Andrew Beshear"),
    ],
)
def test_a_party_label_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    found = {e.text for e in find_entities(text)}
    assert name in found
    assert not any(name in other and other != name for other in found)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Garrow was third in the American League batting race in 2007.", "American League", "ORG"),
        (
            "The Finnish Foundation for Human Rights said the vote was unfair.",
            "Finnish Foundation for Human Rights",
            "ORG",
        ),
        (
            "With help from the American Library Association, the exhibit tours the state.",
            "American Library Association",
            "ORG",
        ),
        ("She flew British Airways to Lagos on Friday.", "British Airways", "ORG"),
        ("Paramedics took her to Jamaica Hospital, where she died.", "Jamaica Hospital", "ORG"),
        (
            "Students held the Athens Polytechnic University for a week.",
            "Athens Polytechnic University",
            "ORG",
        ),
    ],
)
def test_a_country_word_inside_a_name_is_part_of_it(text: str, name: str, kind: str) -> None:
    """ "American League" is a league, not the United States; "Jamaica Hospital" is a
    hospital in New York. A demonym written before a capitalised name that is no state's
    body, or a country's or capital's name before a body's or place's word, is the first
    word of that name, and no mention of the country."""
    found = find_entities(text)
    assert (name, name, kind) in {(e.text, e.canonical, e.type) for e in found}
    assert not any(e.type == "COUNTRY" for e in found)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("The Chinese Foreign Ministry said the talks went well.", "Chinese Foreign Ministry"),
        ("Russia's Foreign Ministry said the talks went well.", "Russian Foreign Ministry"),
        ("A statement from the American Embassy urged calm.", "US Embassy"),
    ],
)
def test_a_states_body_after_its_country_keeps_the_country(text: str, canonical: str) -> None:
    """A ministry or embassy after its country is that state's body: the country stays
    named, and both spellings are one body."""
    found = find_entities(text)
    assert canonical in {e.canonical for e in found}
    assert any(e.type == "COUNTRY" for e in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The storm moved north into New England overnight.", "New England"),
        ("The feast in Little Italy drew crowds every September.", "Little Italy"),
        ("Fires burned across New Mexico on Sunday.", "New Mexico"),
    ],
)
def test_a_place_named_after_a_country_is_its_own_place(text: str, name: str) -> None:
    """ "New England" is no part of the United Kingdom, nor "Little Italy" of Italy."""
    found = find_entities(text)
    assert (name, "PLACE") in {(e.text, e.type) for e in found}
    assert not any(e.type == "COUNTRY" for e in found)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('Another elderly man said simply,"Maybe I can help."', "Maybe"),
        ("\"I said, 'Boy, I'm glad that one missed,'\" he said.", "Boy"),
        ("Others warned that bank trading could be affected.", "Others"),
        ('"Stop," the officer shouted at the crowd.', "Stop"),
    ],
)
def test_a_common_word_opening_a_sentence_or_a_quotation_is_no_name(text: str, word: str) -> None:
    """A capitalised word opening a quotation opens a sentence; a common English word
    there, or at any sentence start, is no name even before "warned" or "said"."""
    assert word not in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thomas said the team would decide by Friday.", "Thomas"),
        ("Brill said the vote would be held in June.", "Brill"),
        # A plural-looking surname whose singular is no word ("Hastings").
        ("Hastings said the bomb had been placed outside the bank.", "Hastings"),
    ],
)
def test_a_name_opening_a_sentence_before_a_cue_is_still_a_name(text: str, name: str) -> None:
    assert (name, "PERSON") in {(e.text, e.type) for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Collins is director of the National Institutes of Health.",
            "National Institutes of Health",
        ),
        (
            "Gill Sandford, dean of the Faculty of Creative and Cultural Industries, said so.",
            "Faculty of Creative and Cultural Industries",
        ),
    ],
)
def test_a_plural_or_academic_body_word_holds_its_name_together(text: str, name: str) -> None:
    assert name in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Gill Sandford, dean at the University of South Wales, said so.",
            "University of South Wales",
            False,
        ),
        (
            "She ran the Medical Center of Central Georgia for years.",
            "Medical Center of Central Georgia",
            False,
        ),
        ("Fans of the New England Patriots cheered the trade.", "New England Patriots", False),
        ("A U.S. Forest Service ranger said the fire spread.", "Forest Service", True),
        ("The Government of India said no.", "India", True),
    ],
)
def test_a_country_ending_a_bodys_name_belongs_to_it(text: str, name: str, country: bool) -> None:
    """A body's name that runs on with "of" takes the country's name it ends on, unless the
    body is the state's own; an abbreviation ("U.S.") before a body qualifies it as the
    state's and stays a mention of the country."""
    found = find_entities(text)
    assert name in {e.text for e in found}
    assert any(e.type == "COUNTRY" for e in found) is country


def test_a_street_is_a_place() -> None:
    found = find_entities("She walked into the store at 200 W. American Blvd. on Friday.")
    assert ("W. American Blvd", "PLACE") in {(e.text, e.type) for e in found}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("She was struck at 117th Street and 97th Avenue on Friday.", "Avenue"),
        ("Congress has given the American People a gift.", "American People"),
    ],
)
def test_a_place_word_alone_or_a_common_word_after_a_demonym_is_no_name(
    text: str, word: str
) -> None:
    assert word not in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # A place's word inside a team's name does not make the team a place: the last
        # word names what the name is.
        (
            "On a day when the Kansas City Chiefs rushed for 300 yards, fans cheered.",
            "Kansas City Chiefs",
            "OTHER",
        ),
        ("He missed the game against the Tampa Bay Buccaneers.", "Tampa Bay Buccaneers", "OTHER"),
        ("He lives in Kansas City and works in Green Bay.", "Kansas City", "PLACE"),
        # Streets abbreviated as the AP writes them.
        ("The warehouse at 325 E. Dahlia Ave. burned down.", "E. Dahlia Ave", "PLACE"),
        ("Witnesses saw it near E. 31st St. and Church Ave. on Monday.", "Church Ave", "PLACE"),
    ],
)
def test_the_last_word_of_a_name_says_whether_it_is_a_place(
    text: str, name: str, kind: str
) -> None:
    assert (name, kind) in {(e.text, e.type) for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "He went to the chambers of Superior Court Judge Rowland Barnes, who presided.",
            "Rowland Barnes",
        ),
        (
            "New York City Councilman Jumaane D. Williams has been tweeting updates.",
            "Jumaane D. Williams",
        ),
    ],
)
def test_a_title_after_a_bodys_words_still_ends_before_the_name(text: str, name: str) -> None:
    """ "Superior Court Judge": the court names the judge's office; the name is what
    follows the title."""
    found = {e.text for e in find_entities(text)}
    assert name in found
    assert not any(name in other and other != name for other in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Investigators say Sam's Club is looking over its surveillance tape.", "Sam's Club"),
        ("In September, the rubber-stamp People's Council met.", "People's Council"),
        ("The boy was taken to Children's Hospital in Boston.", "Children's Hospital"),
        (
            "Baca had been at a meeting of the National Sheriffs' Association.",
            "National Sheriffs' Association",
        ),
    ],
)
def test_a_possessive_before_a_bodys_word_is_inside_the_name(text: str, name: str) -> None:
    """ "Sam's Club" is a store, "Children's Hospital" a hospital: a possessive followed
    by a body's head word is part of that body's name (not "the NBA's Charlotte Bobcats",
    a name after whose it is)."""
    assert name in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name", "fragment"),
    [
        # AP's abbreviated titles end before the name like the full ones.
        (
            "Los Angeles County Dist. Atty. Steve Cooley said he expected charges.",
            "Steve Cooley",
            "Dist",
        ),
        # A state and a party before a title describe the person: no name of their own.
        (
            "He gave money to Arizona Republican Sen. Barry Goldwater's failed bid.",
            "Barry Goldwater",
            "Arizona Republican",
        ),
        # A country's name opens a telecom company's name; "SA" is its legal form.
        (
            "France Telecom SA, which plans to send a boat, said the cut would be fixed.",
            "France Telecom",
            "Telecom SA",
        ),
    ],
)
def test_abbreviated_titles_party_labels_and_company_names(
    text: str, name: str, fragment: str
) -> None:
    found = {e.text for e in find_entities(text)}
    assert name in found
    assert not any(fragment in other for other in found if other != name)


def test_district_attorney_is_one_title() -> None:
    """ "the Bristol District Attorney's office": the district attorney of Bristol, not a
    place called "Bristol District"."""
    found = {e.text for e in find_entities("The Bristol District Attorney's office said so.")}
    assert "Bristol District" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Paul Martino, CEO of Aggregate Knowledge, talks about the tool.", "Aggregate Knowledge"),
        ("A spokesman for Waitrose said no one was hurt.", "Waitrose"),
        ("The governor of Texas said he would sign the bill.", "Texas"),
    ],
)
def test_a_name_after_a_role_and_of_is_no_person(text: str, name: str) -> None:
    """ "CEO of Aggregate Knowledge", "a spokesman for Waitrose": the name after a role and
    "of" or "for" is the body or place the role serves, even before "said"."""
    found = {e.text: e.type for e in find_entities(text)}
    assert name in found
    assert found[name] != "PERSON"


def test_a_name_after_a_relative_and_of_is_still_a_person() -> None:
    found = {e.text: e.type for e in find_entities("The son of Tom Ellery said he was proud.")}
    assert found.get("Tom Ellery") == "PERSON"


def _names_in(articles: list[list[str]]) -> set[tuple[str, str]]:
    from framediff.alignment import _presplit_document
    from framediff.sentences.analysis import analyze_sentences

    documents = [_presplit_document(f"s{n}", sentences) for n, sentences in enumerate(articles)]
    return {(e.canonical, e.type) for item in analyze_sentences(documents) for e in item.entities}


def test_a_word_the_comparison_also_writes_in_lower_case_is_no_name() -> None:
    """A lone capitalised word that nothing types (no gazetteer entry, no title, no body's
    word) and that the articles also write in lower case is a common word set in capitals
    ("Internet", "Section 8"), not a name; one they never write so ("Fresno", "Supermax")
    stays a name. The evidence is the comparison's: the lower-case "internet" of one
    article tells for the "Internet" of another."""
    names = _names_in(
        [
            [
                "Officials said the Internet outage began on Monday in Fresno.",
                "Engineers said the internet link to the city was restored by evening.",
                "Section 8 housing was not affected, the Fresno Housing Authority said.",
                "The section of cable that failed was replaced overnight.",
            ],
            [
                "Residents of Fresno lost their Internet service for six hours.",
                "Vortex Networks said its Supermax cable had failed near Fresno.",
            ],
        ]
    )
    words = {name for name, _ in names}
    assert "Internet" not in words
    assert "Section" not in words
    assert {"Fresno", "Supermax", "Vortex Networks"} <= words


def test_a_typed_name_stays_though_its_word_is_written_in_lower_case() -> None:
    """Only an untyped lone word yields to its lower-case use: a person after a title
    ("Gov. Brown") and a body ("Summit Entertainment") stay, though "brown" and "summit"
    are written too."""
    names = _names_in(
        [
            [
                "Gov. Jerry Brown said the fire had burned 3,000 acres of brown hills.",
                "Brown spoke after a summit of county officials.",
                "Summit Entertainment said the film would open in May.",
            ],
        ]
    )
    assert ("Jerry Brown", "PERSON") in names
    assert any(name == "Summit Entertainment" for name, _ in names)


@pytest.mark.parametrize(
    ("text", "names", "not_names"),
    [
        # Two hyphens are a dash: the name ends before them.
        (
            "Though Tywon Lawson scored 20, Evansville--and its coach--never recovered.",
            {"Evansville", "Tywon Lawson"},
            {"Evansville--and"},
        ),
        ("Then Hansbrough--who broke the record--waved to the crowd.", {"Hansbrough"}, set()),
        # A place made an adjective ("New York-based") is that place, not part of the name
        # it describes.
        (
            "New York-based Human Rights Watch said the vote was neither free nor fair.",
            {"Human Rights Watch"},
            {"New York-based", "New York-based Human Rights Watch"},
        ),
        (
            "A Woodburn-area Wells Fargo Bank received a bomb threat on Friday.",
            {"Wells Fargo Bank"},
            {"Woodburn-area Wells Fargo Bank"},
        ),
        (
            "More than half are members of the Soviet-era Turkmen Communist Party.",
            {"Turkmen Communist Party"},
            {"Soviet-era Turkmen Communist Party"},
        ),
        # A hyphenated name stays whole.
        ('"The president has the final say," Osman-aga said.', {"Osman-aga"}, set()),
        ("Kim Sun-wook played with the Berlin Philharmonic.", {"Kim Sun-wook"}, set()),
    ],
)
def test_a_dash_or_an_adjective_compound_ends_a_name(
    text: str, names: set[str], not_names: set[str]
) -> None:
    found = {e.text for e in find_entities(text)}
    assert names <= found
    assert not (not_names & found)
    assert not any(name.endswith(("-based", "-area", "-era")) for name in found)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the move is unlikely to trigger broad use of the law.",
        "Deputies said that Orozco is 5-foot-8, with tattoos on both arms.",
        "Engineers said the link to the city was restored by evening.",
    ],
)
def test_a_plural_common_noun_opening_a_sentence_before_said_is_no_person(text: str) -> None:
    """ "Officials said", "Deputies said": a plural of a common English word opening a
    sentence is the people it names, not a person's name, though a speech verb follows."""
    assert not any(e.type == "PERSON" for e in find_entities(text))


@pytest.mark.parametrize(
    ("text", "written", "canonical", "nickname"),
    [
        # A nickname in quotation marks or brackets between a first name and a surname is
        # no name of its own; the person is the first name and the surname.
        (
            "Mourners gathered for Marcus 'Sonny' Fenwick, who died on Friday.",
            "Marcus 'Sonny' Fenwick",
            "Marcus Fenwick",
            "Sonny",
        ),
        (
            "The crew was run by Thomas (Tommy Boy) Aldrete until 1990.",
            "Thomas (Tommy Boy) Aldrete",
            "Thomas Aldrete",
            "Tommy Boy",
        ),
        (
            'Vincent "The Hammer" Oriel was released on Monday.',
            'Vincent "The Hammer" Oriel',
            "Vincent Oriel",
            "The Hammer",
        ),
    ],
)
def test_a_nickname_inside_a_name_is_no_name_of_its_own(
    text: str, written: str, canonical: str, nickname: str
) -> None:
    found = find_entities(text)
    person = [e for e in found if e.canonical == canonical]
    assert [(e.text, e.type) for e in person] == [(written, "PERSON")]
    assert not any(e.canonical == nickname for e in found)


@pytest.mark.parametrize(
    "text",
    [
        # A quotation after a first name is no nickname when no surname follows it.
        'She turned to Maria "Go Home" was all she heard.',
        "He called out to Peter 'Stop' and ran.",
    ],
)
def test_a_quotation_after_a_first_name_is_no_nickname_without_a_surname(text: str) -> None:
    assert not any("'" in e.text or '"' in e.text for e in find_entities(text))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # "de", "von der", "bin" inside a name: one name, the particle kept.
        ("Public Advocate Bill de Blasio came to the rally.", "Bill de Blasio", "PERSON"),
        (
            "Commission President Ursula von der Leyen spoke first.",
            "Ursula von der Leyen",
            "PERSON",
        ),
        ("Mothers marched in the Plaza de Mayo again.", "Plaza de Mayo", "OTHER"),
    ],
)
def test_a_particle_holds_a_name_together(text: str, name: str, kind: str) -> None:
    found = {e.text: e.type for e in find_entities(text)}
    assert name in found
    assert kind == "OTHER" or found[name] == kind
    assert not any(other != name and (other in name or name in other) for other in found)


def test_a_particle_in_lower_case_text_joins_nothing() -> None:
    found = {e.text for e in find_entities("The de facto leader, Ahmed Nour, met Bill de Blasio.")}
    assert {"Ahmed Nour", "Bill de Blasio"} <= found
    assert not any("facto" in name for name in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A person's role written in capitals before a name no list knows.
        ("Owner Arte Moreno flew to Las Vegas on Tuesday.", "Arte Moreno"),
        ("Trooper Hakim died at the scene.", "Hakim"),
        ("The club's Owner Dragan Ostojic declined to comment.", "Dragan Ostojic"),
    ],
)
def test_a_persons_role_before_an_unknown_name_is_no_part_of_it(text: str, name: str) -> None:
    found = {e.text: e.type for e in find_entities(text)}
    assert found.get(name) == "PERSON"
    assert not any(name in other and other != name for other in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A role before a body's or a place's name is no role of a person's name.
        ("A report by Friends of the Earth said the plan fell short.", "Friends of the Earth"),
        (
            "The Service Employees International Union backed her.",
            "Service Employees International Union",
        ),
        # A religious title of kinship is part of the name the world knows.
        ("Mother Teresa founded the order in Calcutta.", "Mother Teresa"),
    ],
)
def test_a_role_word_opening_a_bodys_name_stays_in_it(text: str, name: str) -> None:
    assert name in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name", "fragments"),
    [
        # A title of several words with no name after it names no one.
        (
            "The Surgeon General reports to the Assistant Secretary on every matter.",
            None,
            {"Surgeon", "Surgeon General", "Assistant", "Assistant Secretary"},
        ),
        ("The Inspector General opened an inquiry on Monday.", None, {"Inspector"}),
        # Before a name, the name is the person's alone.
        (
            "Solicitor General Maria Cole argued the case for the state.",
            "Maria Cole",
            {"Solicitor", "Solicitor General"},
        ),
        (
            "Bristol District Attorney Sam Sutter said the case was closed.",
            "Sam Sutter",
            {"Bristol District", "District"},
        ),
    ],
)
def test_a_title_of_several_words_is_no_name(
    text: str, name: str | None, fragments: set[str]
) -> None:
    found = {e.text for e in find_entities(text)}
    assert name is None or name in found
    assert not (fragments & found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Common words joined by "and" before a body's head word name that one body.
        (
            "The Central Election and Referendum Commission declared the vote valid.",
            "Central Election and Referendum Commission",
        ),
        ("A report by Health and Human Services was released.", "Health and Human Services"),
        ("The Fire and Rescue Service sent four engines.", "Fire and Rescue Service"),
    ],
)
def test_common_words_and_a_bodys_name_after_and_are_one_name(text: str, name: str) -> None:
    found = {e.text for e in find_entities(text)}
    assert name in found
    assert not any(other != name and other in name for other in found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A body and a body, or a name and a body, joined by "and" stay two names.
        ("The Army and Air Force both sent planes.", {"Air Force"}),
        ("Lawyers for Trump and Justice Department officials met.", {"Justice Department"}),
    ],
)
def test_names_joined_by_and_stay_apart_when_the_first_is_a_name(
    text: str, names: set[str]
) -> None:
    assert names <= {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A capitalised code with figures names a product, a cable or a bulletin, no body.
        ("The patch, described in bulletin MS08-078, fixes a flaw.", "MS08-078"),
        ("A fault is affecting the SMW4 cable near Alexandria.", "SMW4"),
        ("Only users of IE7 were told to install the fix.", "IE7"),
    ],
)
def test_a_code_with_figures_is_no_organisation(text: str, code: str) -> None:
    found = {e.text: e.type for e in find_entities(text)}
    assert found.get(code, "OTHER") == "OTHER"


@pytest.mark.parametrize(
    ("text", "other", "not_canonical"),
    [
        # The gazetteer gives a surname alone to one person; written after another given
        # name, or after a woman's honorific for a man, it is someone else of that name.
        ("Melania Trump said the garden would reopen in May.", "Melania Trump", "Donald Trump"),
        ("Michelle Obama told the crowd she was proud of them.", "Michelle Obama", "Barack Obama"),
        ("Mrs. Biden said the school had reopened.", "Biden", "Joe Biden"),
    ],
)
def test_a_known_persons_surname_after_another_given_name_is_someone_else(
    text: str, other: str, not_canonical: str
) -> None:
    found = find_entities(text)
    assert other in {e.text for e in found}
    assert not any(e.canonical == not_canonical for e in found)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # A title, an honorific of the right sex, a sentence's first word or the person's
        # own given name (or its short form) before the surname: the person the gazetteer
        # knows.
        ("President Trump said the talks went well.", "Donald Trump"),
        ("Mr. Obama said he would sign the bill.", "Barack Obama"),
        ("When Biden spoke, the room fell silent.", "Joe Biden"),
        ("Joseph R. Biden said so on Monday.", "Joe Biden"),
        ("Don Trump was the name on the sign.", "Donald Trump"),
        ("Russian President Vladimir Putin and Putin's aides met.", "Vladimir Putin"),
    ],
)
def test_a_known_persons_surname_after_a_title_or_their_own_name_is_them(
    text: str, canonical: str
) -> None:
    assert canonical in {e.canonical for e in find_entities(text)}


@pytest.mark.parametrize(
    "text",
    [
        # A generational suffix after a known person's full name: their son, not them.
        "Donald Trump Jr. said the meeting was short.",
        "Donald Trump, Jr. said the meeting was short.",
    ],
)
def test_a_known_persons_name_with_jr_is_their_son(text: str) -> None:
    found = find_entities(text)
    assert not any(e.canonical == "Donald Trump" for e in found)
    assert any(e.type == "PERSON" and e.canonical.startswith("Donald Trump Jr") for e in found)


def test_a_phrase_the_comparison_also_writes_in_lower_case_is_no_name() -> None:
    """Two or three capitalised words nothing types that the articles also write as a phrase
    in lower case ("Injured Reserve" / "injured reserve", "Spring Training") are a common
    phrase set in capitals; a name they never write so ("Blue Ridge Parkway") stays, and so
    does a typed body ("Dallas Police")."""
    names = _names_in(
        [
            [
                "The Saints placed Ivory on Injured Reserve on Monday.",
                "He should be ready by Spring Training, the team said.",
                "Dallas Police said the crash closed the Blue Ridge Parkway.",
            ],
            [
                "Ivory was put on injured reserve after the loss.",
                "The club expects him back for spring training in February.",
                "The dallas police union had no comment.",
            ],
        ]
    )
    words = {name for name, _ in names}
    assert "Injured Reserve" not in words
    assert "Spring Training" not in words
    assert "Blue Ridge Parkway" in words
    assert any("Dallas Police" in name for name in words)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A name whose head word names an award, a contest or a series is no organisation,
        # though a body's word stands in it ("Academy", "League").
        ("She won an Academy Award in 2004.", "Academy Award"),
        (
            "He finished third in the American League Most Valuable Player voting.",
            "American League Most Valuable Player",
        ),
        (
            "The Angels fell in the American League Division Series on Sunday.",
            "American League Division Series",
        ),
        (
            "The film was nominated for the Academy Award for Best Visual Effects.",
            "Academy Award for Best Visual Effects",
        ),
    ],
)
def test_an_award_or_a_contest_is_no_organisation(text: str, name: str) -> None:
    found = {e.text: e.type for e in find_entities(text)}
    assert name in found
    assert found[name] != "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A body named after what it awards or runs stays a body.
        (
            "The Academy of Motion Picture Arts and Sciences said so.",
            "Academy of Motion Picture Arts and Sciences",
        ),
        (
            "The Major League Baseball Players Association filed a grievance.",
            "Major League Baseball Players Association",
        ),
    ],
)
def test_a_body_named_after_a_contest_stays_a_body(text: str, name: str) -> None:
    found = {e.text: e.type for e in find_entities(text)}
    assert found.get(name) == "ORG"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # A place, a headline's verb, an epithet or a modal before a known surname is no
        # given name: the known person stays.
        ("Speaking in Anchorage Putin said the talks were useful.", "Vladimir Putin"),
        ("Jury Convicts Trump on All Counts", "Donald Trump"),
        ("Lawyers for Defendant Trump objected to the ruling.", "Donald Trump"),
        ("He interviewed Nominee Hegseth on Monday.", "Pete Hegseth"),
        ("Will Biden run again?", "Joe Biden"),
        ("Protests Mark Putin Visit to Budapest", "Vladimir Putin"),
        # His own name with "Jr." is the person himself.
        ("President Joseph R. Biden Jr. signed the bill.", "Joe Biden"),
        ("Officials of a Trump II administration met.", "Donald Trump"),
    ],
)
def test_a_known_persons_surname_after_a_word_that_is_no_given_name_is_them(
    text: str, canonical: str
) -> None:
    assert canonical in {e.canonical for e in find_entities(text)}


def test_a_known_persons_son_has_one_name_however_written() -> None:
    names = {
        e.canonical
        for text in (
            "Donald Trump Jr. spoke first.",
            "Trump Jr. spoke first.",
            "Donald J. Trump Jr. spoke first.",
        )
        for e in find_entities(text)
        if e.type == "PERSON"
    }
    assert names == {"Donald Trump Jr."}


def test_a_given_name_with_an_initial_before_a_known_surname_is_someone_else() -> None:
    found = find_entities("His father, Fred C. Trump, built houses in Queens.")
    assert not any(e.canonical == "Donald Trump" for e in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A title that completes a body's name after "of" stays in it.
        ("The Office of the Public Advocate sued the city.", "Office of the Public Advocate"),
        ("The Office of the Surgeon General issued a warning.", "Office of the Surgeon General"),
    ],
)
def test_a_title_after_of_in_a_bodys_name_stays_in_it(text: str, name: str) -> None:
    assert name in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # People joined to a body by "and" are no part of its name.
        ("Parents and School Board members argued for hours.", "Parents and School Board"),
        ("Students and Student Union leaders protested.", "Students and Student Union"),
    ],
)
def test_people_and_a_body_joined_by_and_stay_apart(text: str, unwanted: str) -> None:
    assert unwanted not in {e.text for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # A quotation between names that is a title or a list of clubs is no nickname.
        ('Kendrick Lamar "Not Like Us" Drake diss track tops the charts.', "Kendrick Lamar Drake"),
        ("Scorers were Kane (Tottenham) Salah (Liverpool) and Son.", "Kane Salah"),
    ],
)
def test_a_quotation_between_names_that_is_no_nickname(text: str, unwanted: str) -> None:
    assert unwanted not in {e.canonical for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # A nickname inside a name, before a possessive, "of" or "and", or with accents.
        ("Kimani 'Kiki' Gray's mother spoke at the vigil.", "Kimani Gray"),
        ("Kimani 'Kiki' Gray of Brooklyn was 16.", "Kimani Gray"),
        ('Vincent "The Chin" Gigante and his brother ran the club.', "Vincent Gigante"),
        ('Joaquín "El Chapo" Guzmán was sentenced on Wednesday.', "Joaquín Guzmán"),
    ],
)
def test_a_nickname_before_a_possessive_of_or_and_is_still_inside_the_name(
    text: str, canonical: str
) -> None:
    assert canonical in {e.canonical for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name", "unwanted"),
    [
        # A particle that is also an English word joins no common noun to a name, and a
        # month is no given name a particle joins.
        ("Police said the Ford van Martinez rented was found.", "Martinez", "Ford van Martinez"),
        ("Officials said June de la Cruz spoke.", "Cruz", "June de la Cruz"),
    ],
)
def test_a_particle_joins_only_names(text: str, name: str, unwanted: str) -> None:
    found = {e.text for e in find_entities(text)}
    assert unwanted not in found
    assert any(name in other for other in found)


def test_a_phrase_the_articles_write_more_often_in_capitals_stays_a_name() -> None:
    """ "Cold War" written twice as a name and once as "a new cold war": the articles use it
    as a name more than as words, so it stays one."""
    names = _names_in(
        [
            [
                "The Cold War ended in 1991.",
                "Historians still argue over how the Cold War began.",
            ],
            ["Some fear a new cold war between the two powers."],
        ]
    )
    assert "Cold War" in {name for name, _ in names}


def test_an_honorific_of_the_other_sex_keeps_a_surname_from_the_person_named_before() -> None:
    """ "President Joe Biden spoke ... Mrs. Biden said ...": the article named Joe Biden, but
    "Mrs. Biden" is not him; a plain "Biden" later is."""
    from framediff.alignment import _presplit_document
    from framediff.sentences.analysis import analyze_sentences

    document = _presplit_document(
        "s0",
        [
            "President Joe Biden spoke at the school on Monday.",
            "Mrs. Biden said the school had reopened after the storm.",
            "Biden said the repairs would be paid for by the state.",
        ],
    )
    items = analyze_sentences([document])
    assert "Joe Biden" not in {e.canonical for e in items[1].entities}
    assert "Joe Biden" in {e.canonical for e in items[2].entities}


def test_a_lone_word_is_a_person_only_where_the_comparison_marks_one() -> None:
    """Companies, outlets and towns speak and take ", who" as people do ("Telstra said",
    "Kraft said in a statement", "of Newton Street, Millom, who"): a lone word is a person
    only where some article of the comparison marks it as one, with a given name
    ("Maria Kovacs" for "Kovacs"), an honorific or a title ("Mr. Hadley", "Dr. Osei"). A
    word with no such mark is a name of no known type, never a person."""
    names = _names_in(
        [
            [
                "Telstra said the cable was cut near Alexandria on Friday.",
                "Reliance said in a statement that traffic was rerouted.",
                "The engineer Maria Kovacs said repairs would take a week.",
                "Kovacs said the ship was on its way.",
                "Mr Jenkin, of Newton Street, Millom, who was arrested on Sunday, is in court.",
            ],
            [
                "Telstra told customers to expect slower service.",
                "Mr. Hadley said the outage was the worst in years.",
                "Hadley said more ships were needed.",
                "Dr. Osei, who runs the clinic, said no one was hurt.",
                "Reliance, which owns the cable, said most traffic was rerouted.",
                "Kraft said the plant would stay closed.",
                "Hiller has worked for Kraft for about 15 years, Kovacs said.",
            ],
        ]
    )
    named = {name for name, _ in names}
    for body in ("Telstra", "Reliance", "Kraft", "Millom"):
        assert body in named and (body, "PERSON") not in names, body
    # "Kovacs" alone: another article names Maria Kovacs in full.
    for person in ("Maria Kovacs", "Kovacs", "Hadley", "Osei", "Jenkin"):
        assert (person, "PERSON") in names, person


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A title's word right after a known first name is the surname: "King" of "Billy
        # King" is no king, "Major" of "John Major" no officer.
        (
            "Philadelphia 76ers President and General Manager Billy King announced today "
            "that the coach was relieved of his duties.",
            "Billy King",
        ),
        ("Talk show host Larry King said the interview ran long.", "Larry King"),
        ("Former prime minister John Major said the vote was close.", "John Major"),
    ],
)
def test_a_title_word_after_a_first_name_is_the_surname(text: str, name: str) -> None:
    names = _names_in([[text]])
    assert (name, "PERSON") in names
    assert not any(canonical == name.split()[0] for canonical, _ in names)
    assert not any(canonical.endswith(name) and canonical != name for canonical, _ in names)


@pytest.mark.parametrize(
    "text",
    [
        # A place or a club that is also a first name, before a title: no person.
        "The Virginia Governor said the state would appeal the ruling.",
        "The Charlotte Mayor said the curfew would end on Friday.",
        "The Chelsea Manager said the club would appeal the ban.",
    ],
)
def test_a_place_before_a_title_is_no_persons_name(text: str) -> None:
    names = _names_in([[text]])
    assert not any(kind == "PERSON" and " " in name for name, kind in names), names


def test_a_lone_word_the_article_treats_as_a_person_stays_a_person() -> None:
    """A role written before the name in lower case ("Police spokesman Okafor"), a "she"
    that speaks for it ("... Ruiz said ... She said ..."), or a full name another article
    gives with a known first name though nothing typed it ("Joan Hadley declined to
    comment") mark a person as a title does."""
    names = _names_in(
        [
            [
                "Police spokesman Okafor said two men were held.",
                "Asked about the night, Ruiz said two shots woke her up.",
                "She said she called the police at once.",
                "Joan Hadley declined to comment on Monday.",
            ],
            ["Hadley said she was relieved.", "Okafor said the men were released."],
        ]
    )
    for person in ("Okafor", "Ruiz", "Hadley"):
        assert (person, "PERSON") in names, person


@pytest.mark.parametrize(
    "text",
    [
        # A known body written in the other spelling is that body.
        "The Organisation for Security and Co-operation in Europe sent observers.",
        "The Organization for Security and Cooperation in Europe sent observers.",
    ],
)
def test_a_known_body_in_british_or_american_spelling_is_that_body(text: str) -> None:
    assert ("OSCE", "ORG") in {(e.canonical, e.type) for e in find_entities(text)}


def test_another_countrys_department_of_defence_is_not_the_pentagon() -> None:
    """The spelling marks the country: "Department of Defence" is no alias of the US
    Department of Defense."""
    found = find_entities(
        "Australia's Department of Defence said the submarine deal would go ahead."
    )
    assert all(e.canonical != "Pentagon" for e in found)
