"""Cleaning: the seeds' bodies and metadata, the cascade's signals as tables, HTML,
pre-split input, language detection and pages with no article."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framediff.clean import clean_document, datelines, language, metadata, signals
from framediff.clean.language import detect_language
from framediff.clean.lines import rejoin, split_lines
from framediff.cli import main
from framediff.errors import InputError
from framediff.model import Article, RawDocument
from framediff.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {path.name[:3]: path for path in (ROOT / "seeds").glob("*.txt")}


def _seed(number: str) -> Article:
    [article] = load(SEEDS[number])
    return article


def _text(content: str) -> Article:
    return clean_document(RawDocument(origin="page.txt", content=content, is_html=False))


def _reasons(article: Article) -> dict[str, str]:
    return {removed.text: removed.reason for removed in article.removed}


# --- the seeds ----------------------------------------------------------------------------


def test_extract_seed_000_prints_the_reuters_article_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", str(SEEDS["000"])]) == 0
    out = capsys.readouterr().out
    assert "title: Russia and China discuss Ukraine war and US ties" in out
    assert "outlet: Reuters" in out
    body = out.split("removed (")[0]
    assert "The U.S. casts China as its biggest competitor" in body
    for related in (
        "Trump set to visit Pakistan",
        "Thaksin",
        "Yomiuri",
        "Related Articles",
        "Hashtags",
    ):
        assert related not in body


def test_seed_000_metadata_and_removed_reasons() -> None:
    article = _seed("000")
    assert article.dateline == "MOSCOW (Reuters) --"
    assert article.text.startswith("Russia's and China's foreign ministers on Sunday")
    assert "Russia and China discuss Ukraine war and US ties" not in article.text
    reasons = _reasons(article)
    assert reasons["Related Articles"] == "related-links"
    assert reasons["MOSCOW (Reuters) --"] == "dateline"
    assert reasons["No comments yet..."] == "comments"
    assert reasons["Russia and China discuss Ukraine war and US ties"] == "title"


def test_seed_001_standfirst_date_and_site_name() -> None:
    article = _seed("001")
    assert article.title == "Russia-China discuss Ukraine war and ties with the United States"
    assert (article.outlet, article.published) == ("South Asian Update", "2025-07-14")
    first, second = article.text.split("\n\n")[:2]
    assert (
        first == "Russian Foreign Minister Sergei Lavrov met with his Chinese counterpart Wang Yi"
    )
    assert second.startswith("Russia and China's foreign ministers on Sunday")
    assert article.title not in article.text
    reasons = _reasons(article)
    assert reasons["Advertisement"] == "advert"
    assert reasons["Monday, 14 July 2025"] == "date-line"


def test_seed_002_broken_lines_are_rejoined_and_video_teaser_dropped() -> None:
    article = _seed("002")
    assert (
        "ahead of an expected summit between Putin and US President Donald Trump." in article.text
    )
    assert "coordination between China and Russia 'would not change" in article.text
    assert "\n" not in article.text.split("\n\n")[0]
    assert "02:08" not in article.text and "secondary' tariffs" not in article.text
    assert article.text.endswith("to discuss ending the war in Ukraine.")
    reasons = _reasons(article)
    assert reasons["02:08"] == "teaser"
    assert reasons["logo"] == "boilerplate"


def test_seed_003_outlet_from_site_line_and_relative_date() -> None:
    article = _seed("003")
    assert (article.outlet, article.published, article.language) == ("HKFP", None, "en")
    assert "HKFP4 days ago" not in article.text
    assert "China trims US Treasury" not in article.text


def test_seed_004_related_stories_before_the_article() -> None:
    article = _seed("004")
    assert (
        article.title
        == "Russia and China applaud their cooperation in advance of Putin’s scheduled trip to Beijing"
    )
    assert article.text.startswith(
        "The top diplomats from Russia and China had a meeting in Moscow"
    )
    assert article.text.endswith("for the war in Ukraine.")
    assert article.published is None  # the page-top date is today's date, not the article's
    reasons = _reasons(article)
    assert reasons["27.2 C"] == "date-line"
    assert reasons["Related stories"] == "related-links"
    assert reasons["An explosion during a Catholic Mass at the Mindanao..."] == "teaser"
    assert reasons["Latest stories"] == "related-links"


# --- the cascade on small pages -----------------------------------------------------------

PAGE = """Home
News
Ferry service resumes after storm
Operators expect delays to last until the weekend
By Maria Lopez
Published: 2 March 2024
PORTSMOUTH (PA) -- Ferry services across the Solent resumed on Saturday after a storm that cancelled dozens of crossings.
The operator said it was running extra sailings to clear the backlog of passengers and freight.
Sign up for our daily newsletter
"We are grateful for everyone's patience," a spokesperson said.
The company said its newsletter to season-ticket holders would explain the compensation scheme in detail next week.
Share this article
Related
Storm leaves thousands without power
"""


def test_small_page_body_and_metadata() -> None:
    article = _text(PAGE)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Operators expect delays to last until the weekend"
    assert paragraphs[1].startswith("Ferry services across the Solent resumed")
    assert article.title == "Ferry service resumes after storm"
    assert (article.outlet, article.dateline, article.published) == (
        "PA",
        "PORTSMOUTH (PA) --",
        "2024-03-02",
    )
    # A clutter phrase is one signal: a long prose sentence that mentions a newsletter stays.
    assert "its newsletter to season-ticket holders" in article.text
    reasons = _reasons(article)
    assert reasons["Sign up for our daily newsletter"] == "newsletter"
    assert reasons["By Maria Lopez"] == "byline"
    assert reasons["Storm leaves thousands without power"] == "related-links"
    assert "Storm leaves" not in article.text


def test_list_items_stay_and_pull_quotes_go() -> None:
    page = (
        "Ministry changes booster advice for the autumn\n"
        "The ministry said on Monday that boosters would be offered to three groups of people.\n"
        "- people over 65\n- care homes\n"
        '"We are protecting those most at risk this winter," the minister said on Monday.\n'
        "“We are protecting those most at risk this winter”\n"
        "Appointments open next week at pharmacies across the country, officials said.\n"
    )
    article = _text(page)
    assert "- people over 65\n\n- care homes" in article.text
    assert _reasons(article)["“We are protecting those most at risk this winter”"] == "pull-quote"


def test_related_headlines_before_the_article_without_teasers() -> None:
    page = (
        "Related stories\nFloods close schools across the north\nTrain strike called off after late deal\n"
        "Ferry operator cuts winter sailings on three routes\n"
        "Islanders warn the decision will leave them cut off during winter storms\n"
        "The company said fewer passengers in winter made the routes too costly to run every day.\n"
        "Islanders said the decision would leave them cut off for days at a time during storms.\n"
    )
    article = _text(page)
    assert article.title == "Ferry operator cuts winter sailings on three routes"
    assert article.text.startswith("Islanders warn the decision")
    assert _reasons(article)["Train strike called off after late deal"] == "related-links"


def test_hard_wrapped_markdown_is_rejoined() -> None:
    page = (
        "# Ministers agree on new climate targets\n\n"
        "European environment ministers agreed on Tuesday to cut greenhouse gas\n"
        "emissions by 90 per cent by 2040, after a night of talks in Luxembourg that\n"
        "ran past midnight. The deal still needs the approval of the European\n"
        "Parliament.\n\n"
        '"This is a strong signal to the world," said the Danish minister, who chaired\n'
        "the meeting. Several countries had pushed for a lower target, citing the cost\n"
        "to industry and households.\n\n"
        "Poland and Hungary voted against the deal, while Italy abstained, according to\n"
        "diplomats who attended the talks. The [Commission](https://example.org/c) will\n"
        "now draft the legal text.\n"
    )
    article = _text(page)
    assert article.title == "Ministers agree on new climate targets"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].endswith(
        "after a night of talks in Luxembourg that ran past midnight. "
        "The deal still needs the approval of the European Parliament."
    )
    assert "The Commission will now draft the legal text." in paragraphs[2]


def test_agency_line_under_the_headline_keeps_the_standfirst() -> None:
    page = (
        "Ferry operator cuts winter sailings on three routes\nReuters\n"
        "Islanders warn the decision will leave them cut off during winter storms\n"
        "The company said fewer passengers in winter made the routes too costly to run every day.\n"
        "Islanders said the decision would leave them cut off for days at a time during storms.\n"
    )
    assert _text(page).text.startswith("Islanders warn the decision")


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        (
            "Xi held a phone call with Putin on Friday ahead of an",
            "expected summit with Trump.",
            True,
        ),
        (
            "Putin reaffirmed the partnership of coordination between",
            "China and Russia 'would stand'.",
            True,
        ),
        ("Officials said the storm, which hit overnight,", "Damaged dozens of homes.", True),
        (
            "What the new vaccine guidance means for you",
            "The ministry has changed its advice.",
            False,
        ),
        ("City council votes to repair the bridge instead of replacing it", "By Tom Okafor", False),
        (
            "Ferry operator cuts winter sailings on three routes",
            "Islanders warn of isolation.",
            False,
        ),
    ],
    ids=["article", "preposition", "comma", "pronoun-headline", "byline", "headline"],
)
def test_rejoin_broken_lines(first: str, second: str, joined: bool) -> None:
    lines = rejoin(split_lines(f"{first}\n{second}"), "en")
    assert [line.text for line in lines] == ([f"{first} {second}"] if joined else [first, second])


def test_a_lone_blurb_above_the_menu_is_not_the_article() -> None:
    page = (
        "NewsHub brings together the latest stories from hundreds of trusted outlets worldwide.\n"
        "Home\nWorld\nPolitics\nBusiness\nTech\nSport\n"
        "Dam failure floods villages in eastern Ukraine\nBy Olena Kovalenko\nUpdated 6 June 2023\nShare\n"
        "Thousands of people were evacuated on Tuesday after a dam on the Dnipro river was breached.\n"
        "Officials said water levels could rise for several more days, and warned residents.\n"
    )
    article = _text(page)
    assert article.text.startswith("Thousands of people were evacuated")
    assert (article.title, article.published) == (
        "Dam failure floods villages in eastern Ukraine",
        "2023-06-06",
    )


@pytest.mark.parametrize(
    ("line", "bio"),
    [
        (
            "Tom Reyes is an urban planner and a visiting fellow at the Institute for Transport Studies.",
            True,
        ),
        ("Andreas Rinke is chief political correspondent in Berlin.", False),
        ("Putin is a former intelligence officer who has ruled Russia since 2000.", False),
        ("Jane Doe is a professor of history at Yale University.", True),
    ],
)
def test_author_bio(line: str, bio: bool) -> None:
    assert signals.is_author_bio(line) is bio


def test_expert_introduced_inside_the_body_stays() -> None:
    page = (
        "Drought shrinks harvests across southern Europe\n"
        "Farmers in Spain and Italy expect their smallest wheat harvest in a decade after months without rain.\n"
        "Jane Doe is a professor of agronomy at the University of Bologna who studies drought.\n"
        '"The soil has never been this dry in spring," she said in an interview on Monday.\n'
    )
    assert "Jane Doe is a professor of agronomy" in _text(page).text


def test_every_removed_reason_is_in_the_contract() -> None:
    contract = (ROOT / "CONTRACT.md").read_text(encoding="utf-8")
    articles = [_seed(number) for number in SEEDS]
    for case in (ROOT / "fixtures" / "cleaning").iterdir():
        for path in case.glob("input.*"):
            if case.name != "text_all_clutter":
                articles.extend(load(path))
    for article in articles:
        for removed in article.removed:
            assert f"`{removed.reason}`" in contract, removed.reason


def test_all_clutter_page_is_an_error() -> None:
    page = "Home\nNews\nSign in\nAdvertisement\nRelated Articles\nMarkets slide\n2 hours ago\n"
    with pytest.raises(InputError, match=r"page\.txt: no article text found"):
        _text(page)


def test_html_page_through_trafilatura() -> None:
    [article] = load(ROOT / "fixtures" / "cleaning" / "html_nav_cookie_comments" / "input.html")
    assert article.title == "Port strike halts container traffic in Rotterdam"
    assert (article.outlet, article.published) == ("The Harbor Courier", "2024-03-18")
    for clutter in ("cookies", "Good for them", "Privacy policy", "Antwerp", "Idle cranes"):
        assert clutter not in article.text
    assert article.text.count("\n\n") == 4


def test_json_text_is_the_article_and_only_loses_chrome(tmp_path: Path) -> None:
    import json

    text = (
        "Talks end.\n\nNegotiators from both sides left the building late on Friday without a deal, "
        "officials said.\n\nAdvertisement\n\nThey will meet again next week."
    )
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps({"text": text, "title": "Talks end without a deal", "outlet": "Wire"})
    )
    [article] = load(path)
    assert article.text.split("\n\n") == [
        "Talks end.",
        "Negotiators from both sides left the building late on Friday without a deal, officials said.",
        "They will meet again next week.",
    ]
    assert (article.title, article.outlet) == ("Talks end without a deal", "Wire")
    assert _reasons(article) == {"Advertisement": "advert"}


def test_presplit_lines_and_given_sentences() -> None:
    raw = RawDocument(
        origin="a.txt",
        content="One line here.\n\n  Two: no cleaning  \nAdvertisement\n",
        is_html=False,
    )
    article = clean_document(raw, presplit=True)
    assert article.presplit == ("One line here.", "Two: no cleaning", "Advertisement")
    assert article.text == "One line here.\nTwo: no cleaning\nAdvertisement"
    given = RawDocument(origin="a.json", content="x", is_html=False, sentences=("A b.", "C d."))
    assert clean_document(given).presplit == ("A b.", "C d.")


# --- signals as tables --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: 12:16, 14 July 2025", "2025-07-14"),
        ("Published 2:15 PM EDT, March 26, 2024", "2024-03-26"),
        ("Monday, December 4, 2023", "2023-12-04"),
        ("Updated Feb. 7, 2023", "2023-02-07"),
        ("Publié le 12 juin 2024 à 07h32", "2024-06-12"),
        ("Veröffentlicht am 14. Juli 2025", "2025-07-14"),
        ("2025年07月13日 18:20　来源：新华社", "2025-07-13"),
        ("2024-03-18T09:12:00+01:00", "2024-03-18"),
        ("HKFP4 days ago", None),
        ("31 February 2024", None),
        ("Issued on: 08/08/2024 - 10:12", "2024-08-08"),
        ("Updated: 20-02-2025 21:48 IST", "2025-02-20"),
        ("Modified: 14/07/2025", "2025-07-14"),
        ("7/14/2025", "2025-07-14"),
        ("05/07/2025", None),  # 5 July or May 7: pages write both orders
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert metadata.parse_date(text) == expected


@pytest.mark.parametrize(
    ("paragraph", "dateline", "agency"),
    [
        ("MOSCOW (Reuters) -- Russia's minister met.", "MOSCOW (Reuters) --", "Reuters"),
        ("THE HAGUE (AFP) — A Dutch court ruled.", "THE HAGUE (AFP) —", "AFP"),
        ("WASHINGTON — The Senate voted.", "WASHINGTON —", None),
        ("新华社北京7月13日电 王毅13日在北京会谈。", "新华社北京7月13日电", "新华社"),
        ("【北京＝共同】王毅外相は13日、会談した。", "【北京＝共同】", "共同"),
        ("МОСКВА, 13 июля. /ТАСС/. Лавров провел переговоры.", "МОСКВА, 13 июля. /ТАСС/.", "ТАСС"),
        (
            "BERLIN, July 5 (Reuters) - The coalition agreed.",
            "BERLIN, July 5 (Reuters) -",
            "Reuters",
        ),
        ("Madrid, 5 jun (EFE).- El Consejo aprobó el plan.", "Madrid, 5 jun (EFE).-", "EFE"),
        ("BOLOGNA, Italy (AP) — Torrential rain fell.", "BOLOGNA, Italy (AP) —", "AP"),
        ("KANSAS CITY, Mo. (AP) — The council met.", "KANSAS CITY, Mo. (AP) —", "AP"),
        ("Paris, France, is a city.", None, None),
        ("Putin - who has ruled since 2000 - said.", None, None),
        ("The U.S. -- and China -- agreed.", None, None),
    ],
)
def test_split_dateline(paragraph: str, dateline: str | None, agency: str | None) -> None:
    split = datelines.split_dateline(paragraph)
    assert (split[0], split[1]) == (dateline, agency) if dateline else split is None


@pytest.mark.parametrize(
    ("paragraph", "dateline", "agency"),
    [
        (
            "Guwahati (Assam) [India], January 6 (ANI): Union Minister Rohan Mehta spoke.",
            "Guwahati (Assam) [India], January 6 (ANI):",
            "ANI",
        ),
        (
            "Chandigarh, Feb 20 (IANS) Haryana's government announced a bonus.",
            "Chandigarh, Feb 20 (IANS)",
            "IANS",
        ),
        ("Aug 18 (Reuters) - Wal-Mart cut its outlook.", "Aug 18 (Reuters) -", "Reuters"),
        ("(VOVWORLD) -The South Korean military said Tuesday.", "(VOVWORLD) -", "VOVWORLD"),
        (
            "DHAKA/NEW DELHI (Reuters) – The death toll rose.",
            "DHAKA/NEW DELHI (Reuters) –",
            "Reuters",
        ),
        (
            "MOSCOW, June 26. /TASS/. Talks will continue in July.",
            "MOSCOW, June 26. /TASS/.",
            "TASS",
        ),
        ("BEIJING: Two people were killed.", "BEIJING:", None),
        ("(SAN FRANCISCO) — President Joe Biden met Xi.", "(SAN FRANCISCO) —", None),
        ("Pretoria - Police recovered 14 firearms.", "Pretoria -", None),
        ("MANILA, Philippines - The Senate approved the bill.", "MANILA, Philippines -", None),
        ("Paris - based designer Anna Roux said.", None, None),
        ("New Delhi: The court ruled on Monday.", "New Delhi:", None),
        ("CLERMONT COUNTY, Ohio — A man fired at deputies.", "CLERMONT COUNTY, Ohio —", None),
        # Labels, names and unknown words in parentheses are no dateline.
        ("UPDATE: The road has reopened.", None, None),
        ("Analysis: Why the vote matters.", None, None),
        ("Mehta (pictured) visited the camp.", None, None),
        ("Osaka, Indian Prime Minister Narendra Modi said.", None, None),
        # Headlines with a label and a colon, and a hyphen glued to a word.
        ("EPL: Some of The Things You Might Have Missed", None, None),
        ("SECURITY: GBAGADA EXPRESS WAY TRAVEL ADVISORY", None, None),
        ("CORRECTED-RPT-U.S. companies miss earnings forecasts", None, None),
        ("WASHINGTON-- The Senate voted on Tuesday.", "WASHINGTON--", None),
    ],
)
def test_agency_and_colon_datelines(
    paragraph: str, dateline: str | None, agency: str | None
) -> None:
    split = datelines.split_dateline(paragraph)
    if dateline is None:
        assert split is None
    else:
        assert split is not None and (split[0], split[1]) == (dateline, agency)


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("World News | U.S. News | Politics | Sports | Entertainment", True),
        ("Order Reprints | Today’s Paper | Subscribe", True),
        ("Home · News · Sport", True),
        ("Oil prices rose | stocks fell", False),
        ("Rain fell. | Rivers rose. | Roads closed.", False),
    ],
)
def test_menu_line(line: str, menu: bool) -> None:
    assert signals.is_menu_line(line) is menu


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("BBC News", "BBC News"),
        ("BBC News, Athens", "BBC News"),
        ("(AFP)", "AFP"),
        ("More Stories From NPR", "NPR"),
        ("Source: Al Jazeera and news agencies", None),  # a credit: outlet_from_line reads it
        ("Copyright 2024 BBC. All rights reserved.", "BBC News"),
        ("The Associated Press", "AP"),
        ("Politics", None),
        ("More from Politics", None),
    ],
)
def test_known_outlet_in(line: str, outlet: str | None) -> None:
    assert metadata.known_outlet_in(line) == outlet


def test_source_line_names_a_multiword_outlet() -> None:
    assert metadata.outlet_from_line("Source: Al Jazeera and news agencies") == "Al Jazeera"
    assert metadata.outlet_from_line("来源：新华社") == "新华社"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("27.2 C", "date"),
        ("14:32 BST", "date"),
        ("3 hours ago", "date"),
        ("Monday, 14 July 2025", "date"),
        ("02:08", "duration"),
        ("Rescuers search the rubble on Tuesday. Photo: Umit Bektas/Reuters", "caption"),
        ("A woman mourns in Jandaris, Syria. (AP Photo/Ghaith Alsayed)", "caption"),
        ("By JEFF AMY and KATE BRUMBACK", "byline"),
        ("By Lena Visser · 18 March 2024", "byline"),
        ("By: NEWS WIRES", "byline"),
        ("Sept. 18, 2024Updated 3:47 p.m. ET", "date"),
        (
            "Devdiscourse News Desk | Updated: 20-02-2025 21:48 IST | Created: 20-02-2025 21:48 IST",
            "date",
        ),
        ("(Russian Foreign Ministry/Handout) / Reuters", "caption"),
        ("Police handed out leaflets / flyers at the station.", None),
        ("Tom Phillips, Latin America correspondent", "byline"),
        ("Updated 11:02 a.m. ET", "date"),
        ("Kyodo/via REUTERS", "caption"),
        ("Jae C. Hong/AP", "caption"),
        (
            "Get a look at the day ahead in Asian and world markets with the Morning Bid Asia "
            "newsletter. Sign up here.",
            "prompt",
        ),
        ("Europe, Africa and Asia signed, the minister said.", None),
        ("Anna Berg, a teacher, said the school had closed.", None),
        ("Download Daily8 app today from your preferred app store and start exploring.", "prompt"),
        ("The talks will resume on Monday, 14 July 2025, officials said.", None),
        ("By the end of the week, most of the troops had left the border area.", None),
    ],
)
def test_line_signals(line: str, kind: str | None) -> None:
    # In the cascade's order: the first signal that fires names the line.
    found = {
        "byline": signals.is_byline(line),
        "date": signals.date_line_kind(line),
        "duration": signals.is_duration(line),
        "caption": signals.is_caption(line),
        "prompt": signals.prompt_reason(line) is not None,
    }
    hits = [name for name, hit in found.items() if hit]
    assert (hits[0] if hits else None) == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The ministers said on Sunday that they would meet again in the autumn to discuss trade.",
            "en",
        ),
        (
            "Les ministres ont déclaré dimanche qu'ils se retrouveraient à l'automne pour parler du commerce.",
            "fr",
        ),
        (
            "Die Minister sagten am Sonntag, dass sie sich im Herbst wieder treffen würden, um über Handel zu sprechen.",
            "de",
        ),
        (
            "Los ministros dijeron el domingo que se reunirían de nuevo en otoño para hablar de comercio.",
            "es",
        ),
        (
            "Министры заявили в воскресенье, что они снова встретятся осенью, чтобы обсудить торговлю.",
            "ru",
        ),
        ("中共中央政治局委员、外交部长王毅13日在北京同俄罗斯外长拉夫罗夫举行会谈。", "zh"),
        ("外務省は日曜日、両国の外相が秋に再び会談すると発表した。", "ja"),
        ("قال الوزراء يوم الأحد إنهم سيجتمعون مرة أخرى في الخريف لمناقشة التجارة.", "ar"),
        ("OK 123", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aé Жж日本かな한글שלוםαβ١٢ 12.,!"), max_size=300))
def test_script_counts_in_first_appearance_order(text: str) -> None:
    """Counting each distinct character once gives the per-character count, in the order
    each script first appears (most_common breaks ties by that order)."""
    expected = Counter(script for char in text if (script := language._script(char)))
    assert list(language._scripts(text).items()) == list(expected.items())


def test_non_english_page_gets_its_language() -> None:
    [article] = load(ROOT / "fixtures" / "cleaning" / "text_chinese_xinhua" / "input.txt")
    assert (article.language, article.outlet, article.published) == ("zh", "新华社", "2025-07-13")
    assert article.text.startswith("中共中央政治局委员")


_PAGE_LINES = [
    line for path in SEEDS.values() for line in path.read_text(encoding="utf-8").splitlines()[:40]
] + ["", "Advertisement", "02:08", "Related Articles", "By Jane Doe", "27.2 C", "- item", "# Head"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PAGE_LINES), max_size=40), st.text(max_size=60))
def test_any_page_gives_an_article_or_an_input_error(lines: list[str], noise: str) -> None:
    page = "\n".join(lines) + noise
    try:
        article = _text(page)
    except InputError as error:
        assert str(error).startswith("page.txt: ")
        return
    assert article.text.strip() and "\n\n\n" not in article.text
    assert all(removed.reason for removed in article.removed)


def test_a_preview_notice_of_two_sentences_is_removed() -> None:
    from framediff.clean.text_page import clean_text_page

    page = clean_text_page(
        "Fed cuts rates by half a point\n"
        "You have a preview view of this article while we are checking your access. When we "
        "have confirmed access, the full article content will load.\n"
        "The Federal Reserve cut interest rates by half a percentage point on Wednesday.\n"
        "It was the first cut in four years, and officials signalled more to come this year.\n"
        "Markets rose after the decision before falling back late in the day.\n"
    )
    assert not any("preview" in paragraph for paragraph in page.paragraphs)
    assert page.paragraphs[0].startswith("The Federal Reserve cut")


@pytest.mark.parametrize(
    "line",
    [
        "📱 Download the Capital Times app",
        "Stay updated with the latest - Click here to follow us on Instagram",
        "Support quality, independent, local journalism that matters",
        "Become a member today",
        "From just £1 a month you can help fund our work and keep local news free to read.",
        "Subscribe Now: Get unlimited access to every story for a year.",
        "Story continues below Advertisement",
        "This is AI generated summarization, which may have errors.",
    ],
)
def test_calls_to_the_reader_are_clutter(line: str) -> None:
    from framediff.clean.text_page import clean_text_page

    body = (
        "Police recovered 14 stolen firearms during a raid on a warehouse on Tuesday.\n"
        "Three men were arrested at the scene and will appear in court on Thursday.\n"
    )
    page = clean_text_page(f"Police recover stolen firearms in raid\n{body}{line}\n{body}")
    assert all(line not in paragraph for paragraph in page.paragraphs)


def test_a_headline_run_into_its_article_is_the_article() -> None:
    """A page holding one line, a headline in title case run into the story, is that
    story: read as a teaser card, it lost short articles whole."""
    from framediff.clean.text_page import clean_text_page

    line = (
        "Cyclist Killed In Harbour Road Crash, Driver Charged A cyclist has died after being "
        "hit by a van on Harbour Road on Sunday morning, police said. The driver, 34, was "
        "charged with careless driving and will appear in court next month."
    )
    page = clean_text_page(line)
    assert "A cyclist has died" in " ".join(page.paragraphs)
