"""Text captures of whole pages, composed in the shape real pages take (menus, share rows,
sidebars, comment threads around the article): which block is the article, and that no
article paragraph is lost. Expected outputs were written before the rules."""

from __future__ import annotations

import pytest

from framediff.clean import clean_document
from framediff.model import Article, RawDocument

ARTICLE = [
    "Crews worked through the night to reopen the coastal road after a landslide buried "
    "two lanes near the harbour on Tuesday evening.",
    "No one was hurt, the county roads office said, although three parked cars were "
    "pushed onto the beach below the retaining wall.",
    "Engineers had warned last spring that the slope above the road was moving by a few "
    "centimetres a month after an unusually wet winter.",
    "The road is expected to stay closed to lorries until the wall has been inspected, "
    "which the office said could take until the end of the week.",
]


def _clean(page: str) -> Article:
    return clean_document(RawDocument(origin="page.txt", content=page, is_html=False))


def _paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def test_article_after_a_topic_heading_and_a_lone_blurb_is_found() -> None:
    page = "\n".join(
        [
            "The Herald has covered the towns of the north coast and their people since 1871.",
            "Home",
            "News",
            "Sports",
            "Landslide closes coastal road",
            "More on:",
            "landslides",
            "Storm damage closes two schools in the valley",
            "Why wet winters make hillsides slip",
            *ARTICLE,
            "Share this:",
            "Facebook",
        ]
    )
    assert _paragraphs(_clean(page)) == ARTICLE


def test_a_comments_button_in_a_share_row_does_not_end_the_page_header() -> None:
    page = "\n".join(
        [
            "Menu",
            "The Herald has covered the towns of the north coast and their people since 1871.",
            "Landslide closes coastal road",
            "By Ada Brennan | County Herald",
            "Facebook",
            "Twitter",
            "Comments",
            "Print",
            "Email",
            *ARTICLE,
        ]
    )
    assert _paragraphs(_clean(page)) == ARTICLE


def test_a_short_post_is_kept_and_the_long_thread_under_it_goes() -> None:
    post = (
        "This is our monthly open thread, where readers can raise any question about "
        "how we pick the charities we recommend."
    )
    comments = [
        "I read the new report on water filters and wondered whether you plan to look at "
        "the follow-up study that came out in the summer.",
        "It seemed to show smaller effects than the first trial, and I would like to know "
        "how that changes your estimate of cost per outcome.",
        "Thanks for the question. We have not reviewed the follow-up yet, but we expect to "
        "do so as part of our review at the end of the year.",
        "Our current estimate leans on three trials, so a single smaller result would move "
        "it somewhat but would not on its own change our recommendation.",
        "Could you also say more about how you weigh evidence from trials run in other "
        "countries against evidence from the country where a charity works?",
    ]
    page = "\n".join(
        [
            "The Charity Notes Blog",
            "May open thread",
            "May 4, 2024 | by Noor",
            post,
            "Posted in Open thread | 5 Comments",
            "Comments",
            "Sam on May 5, 2024 at 9:12 am said:",
            comments[0],
            comments[1],
            "Noor on May 6, 2024 at 4:40 pm said:",
            comments[2],
            comments[3],
            "Lee on May 7, 2024 at 1:02 pm said:",
            comments[4],
        ]
    )
    assert _paragraphs(_clean(page)) == [post]


def test_a_teaser_list_under_the_article_is_not_taken_into_it() -> None:
    teasers = []
    for title, author, summary in (
        (
            "Why ferry fares rose twice this year",
            "Mira Okafor",
            "Operators blamed fuel costs for the first rise and a new wage deal for the "
            "second, but passengers on the island routes say the service got worse.",
        ),
        (
            "The school that grows its own lunch",
            "Tom Varga",
            "Pupils at a village school have turned an old car park into a garden that now "
            "supplies most of the vegetables served in the canteen.",
        ),
        (
            "Council to vote on the harbour plan",
            "Leah Stone",
            "Councillors will decide next month whether to sell the old fish market to a "
            "developer who wants to build flats and a hotel on the quay.",
        ),
    ):
        teasers += [title, author, "Tuesday November 19, 2019", summary]
    page = "\n".join([*ARTICLE, "Roads", "Weather", "Coast", "Harbour", *teasers, "Contact"])
    assert _paragraphs(_clean(page)) == ARTICLE


def test_short_answers_of_an_interview_stay_with_it() -> None:
    interview = [
        "We asked the new harbour master about her first month in the job and what she "
        "hopes to change before the summer season begins.",
        "Q: What surprised you most in your first week at the harbour?",
        "A: How early everyone starts. The fishing boats are out before five, and so is "
        "half the town, it seems.",
        "Q: What will change first?",
        "A: The slipway. It has needed repairs for years and we finally have the money.",
        "Q: Favourite spot?",
        "A: The north wall",
        "Q: Favourite boat?",
        "A: The old lifeboat",
        "Q: Tea or coffee?",
        "A: Tea, strong and sweet",
        "Q: Early or late?",
        "A: Early, always",
        "Q: What do you do on your days off?",
        "A: I sail, mostly on my own, and in winter I repair other people's boats for "
        "the price of a good lunch.",
        "A: Ask me again in a year, when the slipway is finished and the season is over.",
    ]
    page = "\n".join(["Menu", "Meet the harbour master", *interview, "Share", "Facebook"])
    assert _paragraphs(_clean(page)) == interview


def test_related_boxes_between_paragraphs_are_stepped_over() -> None:
    rest = [
        "Drivers heading north were sent inland on a detour that added about forty "
        "minutes to the journey, the roads office said.",
        "Statement from the council",
        "The council said it would pay for the inspection and asked residents to keep "
        "away from the beach below the wall until further notice.",
        "Local businesses said the closure could not have come at a worse time, with the "
        "winter market due to open on the quay this weekend.",
        "A public meeting on the future of the coastal road is planned for next month.",
    ]
    page = "\n".join(
        [
            "Menu",
            *ARTICLE,
            "Related",
            "Storm damage closes two schools in the valley",
            "Why wet winters make hillsides slip",
            "Related",
            "New ferry timetable starts in May",
            "Harbour wall repairs finished early",
            *rest,
            "Share",
        ]
    )
    assert _paragraphs(_clean(page)) == ARTICLE + rest


def test_a_list_the_article_ends_with_stays() -> None:
    dates = [
        "Spring tour dates",
        "March 3 – Leeds, Town Hall",
        "March 5 – York, Grand Opera House",
        "March 9 – Hull, City Hall",
        "March 12 – Durham, Gala Theatre",
    ]
    page = "\n".join([*ARTICLE, *dates, "Share", "Facebook", "Most popular", "Headline one"])
    assert _paragraphs(_clean(page)) == ARTICLE + dates


def test_headlines_under_the_article_are_no_list() -> None:
    headlines = [
        "Storm damage closes two schools in the valley",
        "Why wet winters make hillsides slip",
        "New ferry timetable starts in May",
        "Harbour wall repairs finished early",
    ]
    page = "\n".join([*ARTICLE, *headlines])
    assert _paragraphs(_clean(page)) == ARTICLE


def test_an_italian_line_with_su_is_no_reader_prompt() -> None:
    from framediff.clean import signals

    # "su" is Italian for "on": the line announces the article's own list.
    assert (
        signals.prompt_reason("Ecco allora le offerte da non lasciarsi sfuggire su Amazon:") is None
    )
    assert signals.prompt_reason("Sign up for your free newsletter:") == "newsletter"


@pytest.mark.parametrize(
    ("line", "glued"),
    [
        ("Council To Vote On Harbour Plan Councillors will decide next month on the quay.", True),
        ("Is Rain Good For The Harvest? Farmers say a wet spring helps the wheat.", True),
        ("The council will vote on the harbour plan next month, the mayor said.", False),
        ("He said: The Way To Go is a film. It was a success in the spring.", False),
    ],
    ids=["headline-summary", "question-headline", "prose", "quoted-title-after-colon"],
)
def test_a_title_cased_headline_run_into_its_summary_is_a_teaser(line: str, glued: bool) -> None:
    from framediff.clean import signals

    assert signals.is_glued_teaser(line) is glued


def test_opening_paragraphs_above_a_related_box_stay_with_the_article() -> None:
    opening = ARTICLE[:2]
    rest = [
        *ARTICLE[2:],
        "A spokesman for the roads office said temporary lights would be installed on the "
        "inland detour to ease queues at the junction with the main road.",
        "Residents of the two streets closest to the slope were told they could return to "
        "their homes on Wednesday after a survey found no further movement.",
        "The harbour authority said the ferry terminal, which shares the road's car park, "
        "would stay open throughout the repairs.",
        "Geologists from the university have been asked to study the whole stretch of "
        "cliff between the harbour and the lighthouse over the coming winter.",
    ]
    page = "\n".join(
        [
            "Menu",
            "Landslide closes coastal road",
            *opening,
            "Related news",
            "Harbour wall repairs finished early",
            *rest,
            "Share",
        ]
    )
    assert _paragraphs(_clean(page)) == opening + rest


def test_repeated_list_items_and_short_headings_are_no_pull_quotes() -> None:
    plan = [
        "This plan spreads four small meals over the day, each with a short walk.",
        "Breakfast at home",
        "Eat within an hour of waking",
        "Porridge with milk, a spoon of honey and a sliced apple on top.",
        "A glass of water or a cup of tea, without sugar.",
        "Lunch at work",
        "Eat within an hour of waking",
        "Lentil soup with bread, followed by a pear or a handful of grapes.",
        "Supper",
        "Soup with bread and cheese, then a walk of twenty minutes or so.",
    ]
    page = "\n".join(["Menu", "A simple meal plan", *plan, "Share", "Facebook"])
    kept = _paragraphs(_clean(page))
    assert kept.count("Eat within an hour of waking") == 2
    assert "Lunch at work" in kept


def test_list_items_with_shop_links_stay_but_a_bare_link_goes() -> None:
    items = [
        "1) A wooden train set with forty pieces https://shop.example/t1",
        "2) The complete box set of the old detective series https://shop.example/t2",
        "3) A record player in the style of the seventies https://shop.example/t3",
    ]
    page = "\n".join(
        [
            "Menu",
            "Gifts for the nostalgic",
            *ARTICLE[:2],
            "Here are the offers we liked most this week:",
            *items,
            *ARTICLE[2:],
            "https://shop.example/all",
        ]
    )
    kept = _paragraphs(_clean(page))
    assert all(item in kept for item in items)
    assert "https://shop.example/all" not in kept


def test_a_related_box_inside_extracted_html_text_does_not_end_it() -> None:
    from framediff.clean.text_page import clean_text_page

    rest = [
        "Drivers heading north were sent inland on a detour that added about forty "
        "minutes to the journey, the roads office said.",
        "The council said it would pay for the inspection and asked residents to keep "
        "away from the beach below the wall until further notice.",
    ]
    text = "\n".join([*ARTICLE, "Related articles", "Harbour wall repairs finished early", *rest])
    page = clean_text_page(text, whole_body=True)
    assert list(page.paragraphs) == ARTICLE + rest


def test_a_gallery_repeating_its_captions_keeps_one_copy_and_drops_its_controls() -> None:
    caption = (
        "The mayor, left, and the harbour master walk along the damaged wall on "
        "Wednesday morning after the storm had passed."
    )
    page = "\n".join(
        [
            "Menu",
            *ARTICLE[:2],
            caption,
            "Image 1 of 6",
            caption,
            "Back to Gallery",
            *ARTICLE[2:],
        ]
    )
    kept = _paragraphs(_clean(page))
    assert kept.count(caption) == 1
    assert "Image 1 of 6" not in kept and "Back to Gallery" not in kept


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Our website uses cookies to improve its performance and your experience; by "
            "browsing on you accept their use as described in our notice.",
            "boilerplate",
        ),
        ("Image caption The harbour master inspects the wall on Wednesday", "caption"),
        (
            "In this Nov. 4, 2019, file photo, the mayor speaks to residents at the harbour "
            "before the storm arrived.",
            "caption",
        ),
        ("Media playback is unsupported on your device", "boilerplate"),
        ("Leave a Reply Cancel reply", "comments"),
        ("You must be logged in to post a comment.", "comments"),
        (
            "Slow is smooth and smooth is fast, on the water and off it. Click To Tweet",
            "share-widget",
        ),
        ("Write to Ada Brennan at ada.brennan@example.com", "boilerplate"),
        (
            "No spam, we promise. You can unsubscribe at any time and we will never share "
            "your details without your permission.",
            "newsletter",
        ),
        ("Phone +41 22 555 01 99", "boilerplate"),
        ("Home News Business Landslide closes coastal road", "navigation"),
        (
            "Citation: Landslide closes coastal road (2024, March 5) retrieved 6 March 2024 "
            "from the Herald's science pages.",
            "boilerplate",
        ),
        ("Share All sharing options for: Landslide closes coastal road", "share-widget"),
    ],
    ids=[
        "consent",
        "image-caption",
        "wire-file-photo",
        "media-player",
        "reply-form",
        "login-to-comment",
        "click-to-tweet",
        "write-to",
        "unsubscribe",
        "phone",
        "breadcrumbs",
        "citation",
        "share-label",
    ],
)
def test_clutter_inside_the_article_goes(line: str, reason: str) -> None:
    page = "\n".join(["Menu", *ARTICLE[:2], line, *ARTICLE[2:]])
    article = _clean(page)
    assert _paragraphs(article) == ARTICLE
    assert {removed.text: removed.reason for removed in article.removed}[line] == reason


def test_teaser_summaries_cut_with_a_bracketed_ellipsis_are_teasers() -> None:
    from framediff.clean import signals

    assert signals.is_truncated("Sometimes people ask me why the old harbour closed […]")
    assert signals.is_truncated("The wall was built in 1890 and rebuilt [...]")


@pytest.mark.parametrize(
    "bio",
    [
        "Ada is an LA entertainment reporter for the Herald.",
        "Noor Haddad is an online educator, author, and the founder of a small press.",
        "Tomas joined the Herald in March 2017. He has covered the coast since then.",
    ],
    ids=["one-name", "list-of-roles", "joined-in"],
)
def test_an_author_bio_closing_the_article_is_a_byline(bio: str) -> None:
    article = _clean("\n".join(["Menu", *ARTICLE, bio]))
    assert _paragraphs(article) == ARTICLE
    assert {removed.text: removed.reason for removed in article.removed}[bio] == "byline"


def test_closing_lines_stay_and_the_menu_after_them_goes() -> None:
    details = [
        "Harbour Festival of Light",
        "Open daily from 5pm to 11pm until the end of January.",
        "Tickets: £5, from the harbour office or online",
        "Children under twelve go free.",
    ]
    page = "\n".join([*ARTICLE, *details, "News", "Sport", "Weather", "Contact us"])
    assert _paragraphs(_clean(page)) == ARTICLE + details


def test_extracted_html_text_loses_its_headline_and_bulleted_furniture() -> None:
    from framediff.clean.text_page import clean_text_page

    text = "\n".join(
        [
            "Landslide closes coastal road",
            *ARTICLE,
            "- Order Reprints",
            "Thanks for signing up!",
            "There was an error processing your subscription.",
        ]
    )
    page = clean_text_page(
        text, title="Landslide closes coastal road | County Herald", whole_body=True
    )
    assert list(page.paragraphs) == ARTICLE


def test_a_table_in_the_article_is_kept_from_html() -> None:
    rows = "".join(
        f"<tr><td>{place}</td><td>{name}</td><td>{points}</td></tr>"
        for place, name, points in (("1", "Mara Quist", "412"), ("2", "Ole Brand", "398"))
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    page = (
        "<html><head><title>Coastal road</title></head><body><article>"
        f"<h1>Coastal road</h1>{paragraphs}<table>{rows}</table></article></body></html>"
    )
    article = clean_document(RawDocument(origin="page.html", content=page, is_html=True))
    assert ARTICLE[0] in article.text
    assert "Mara Quist" in article.text


def test_json_ld_article_body_is_read_when_the_page_shows_no_article() -> None:
    import json

    linked = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "County Herald"},
            {
                "@type": "NewsArticle",
                "headline": "Landslide closes coastal road",
                "datePublished": "2024-03-05T08:00:00Z",
                "publisher": {"@type": "Organization", "name": "County Herald"},
                "articleBody": "<p>" + "</p><p>".join(ARTICLE) + "</p>",
            },
        ],
    }
    page = (
        "<html><head><script type='application/ld+json'>{ broken</script>"
        f'<script type="application/ld+json">{json.dumps(linked)}</script></head>'
        '<body><div id="app">Loading…</div></body></html>'
    )
    article = clean_document(RawDocument(origin="page.html", content=page, is_html=True))
    assert _paragraphs(article) == ARTICLE
    assert article.title == "Landslide closes coastal road"
    assert article.published == "2024-03-05"
    assert article.outlet == "County Herald"
