"""The text-page cleaner: an article's body and metadata out of text copied from a web page.

A block classifier in the spirit of jusText, run as a cascade over lines:

1. Lines (``lines.split_lines``): control characters, runs of spaces and
   Markdown marks go; blank lines are remembered.
2. Rejoin lines broken mid-sentence (``lines.rejoin``: no blank line between,
   the first has no final punctuation and ends in a lower-case function word or
   a comma, or the next starts in lower case), and hard-wrapped paragraphs.
3. Prose class per line (``signals.prose_class``): ``good`` paragraphs (length,
   stop-word density, final punctuation), ``near`` and ``short`` lines.
4. Page chrome per line: bylines, date/time/weather lines, known clutter
   phrases (``data/cleaning_clutter.tsv``; ignored on long prose that does not
   address the reader), captions, reader prompts ("Download the app"),
   links, one-line menus ("World | Politics | Sports"), truncated teasers
   ("..."); a caption written above its photo credit.
5. Repeats: a line repeated within three lines is a doubled headline or a
   doubled teaser title.
6. Sections and runs (``blocks.find_body``): a stop heading (related
   articles, comments, tags) ends a section, unless it sits between two short
   chrome lines (a "Comments" button in a share row). Good lines form runs (at
   most RUN_GAP lines between two good ones), weighed by their characters times
   their share of prose lines (a teaser list puts a title over each summary).
   The body is the weightiest run of the first section with prose, or of a
   later one that weighs LATER_SECTION_FACTOR times more; readers' comments
   never are; a lone good line is only when no run of two exists. The run is
   widened to neighbouring runs that are dense or separated from it only by
   lines free of chrome (a list, an interview's short answers). Related boxes
   between two paragraphs (a heading, up to eight titles, then the article
   again), below the run or just above it, are stepped over.
7. Body: from the run's first to its last good line; chrome inside
   is removed, as are video teasers (a duration and the titles under it),
   teaser headings with their line, truncated lines, pull quotes, a paragraph
   said a second time and lone one- or two-word lines; other lines (subheads,
   quotes, list items) stay.
8. Header: between the page top (or the last teaser above) and the body: the
   title (a repeated headline, else the first headline of four words or more
   below the last menu, or under related headlines the one nearest the body),
   then a standfirst (the next line of five words or more); all else there is
   navigation, metadata or a caption under a photo credit.
9. Tail (``blocks.decide_tail``): short closing sentences right after the last
   good line stay, then the lines up to the first chrome, stop heading or menu
   (lists copied without bullets, an event's details), short of a closing
   word or two and unless all of them are headlines; everything else after it
   goes, with its own reason or its section's.
10. Dateline: a "MOSCOW (Reuters) --" opening of the first paragraph is cut off.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from framediff.clean import blocks, datelines, metadata, signals
from framediff.clean.language import detect_language
from framediff.clean.lines import BULLET_RE, Line, rejoin, split_lines

# Word characters, for comparing a pull quote with the body.
_LETTERS_RE = re.compile(r"\w+")

# Most words a teaser card copied as one line holds (a headline and a one-sentence
# summary). A longer line is an article with its headline run into it ("Arcade Joseph
# Comeaux Jr, Prison Inmate, Pulls Gun On ... 11/30/09 05:40 PM ET A convicted sex
# offender ..."): losing it would lose the article.
_TEASER_CARD_WORDS = 60


@dataclass(frozen=True)
class TextPage:
    paragraphs: tuple[str, ...]
    removed: tuple[tuple[str, str], ...]  # (text, reason) in page order
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: str | None = None
    language: str = "und"
    standfirst: str | None = None


def clean_text_page(text: str, title: str | None = None, whole_body: bool = False) -> TextPage:
    """Body paragraphs, removed lines and metadata of a page's text.

    ``whole_body`` (text already extracted from HTML) keeps every line that is not
    chrome instead of looking for the article among other blocks.
    """
    # 1.
    lines = split_lines(text)
    language = detect_language(
        "\n".join(line.text for line in lines if signals.word_count(line.text) >= 6)
    )
    # 2.
    lines = rejoin(lines, language)
    # 3. and 4.
    for line in lines:
        line.prose = signals.prose_class(line.text, language)
        line.chrome, line.scope = _chrome(line)
    _mark_captions_above_credits(lines)
    _demote_buttons(lines)
    _keep_a_lone_article(lines)
    # 5.
    repeats = _repeats(lines)
    if whole_body:
        # Extracted HTML: the title may open the text; drop it and keep the rest.
        zone_start = seg_start = 0
        body_start = 1 if lines and title and _same_headline(lines[0], title) else 0
        stops = [i for i, line in enumerate(lines) if line.scope == "stop"]
        body_end = (stops[0] - 1) if stops else len(lines) - 1
        good = [i for i in range(body_end + 1) if blocks.is_body_prose(lines[i])]
        if stops and good:
            # A related box inside the extracted article does not end it either.
            resumed = blocks.past_inline_boxes(lines, stops, good[-1])
            if resumed != good[-1]:
                body_end = next((h for h in stops if h > resumed), len(lines)) - 1
    else:
        # 6.
        body_start, body_end, seg_start = blocks.find_body(lines)
        body_start, body_end = _trim_bios(lines, body_start, body_end)
        zone_start = _zone_start(lines, seg_start, body_start)
        body_start = _lead_with_dateline(lines, zone_start, body_start)
    # 7.
    _decide_body(lines, body_start, body_end, repeats, capture=not whole_body)
    # 8.
    found_title, standfirst = _decide_header(lines, zone_start, body_start, title, seg_start)
    # 9.
    body_end = blocks.decide_tail(lines, body_end)
    _label_rest(lines)
    # 10.
    kept = [i for i, line in enumerate(lines) if line.keep]
    if not kept:
        raise blocks.NoArticleError
    paragraphs = [lines[i].text for i in kept]
    dateline = agency = None
    # The dateline opens the first body paragraph, or one of the next two when a
    # standfirst or a stray line came first.
    for n in [n for n, i in enumerate(kept) if i >= body_start - 1][:3]:
        split = datelines.split_dateline(paragraphs[n])
        if split:
            dateline, agency, paragraphs[n] = split
            break
    removed = [(line.text, line.reason or "boilerplate") for line in lines if not line.keep]
    if dateline:
        removed.append((dateline, "dateline"))
    return TextPage(
        paragraphs=tuple(p for p in paragraphs if p.strip()),
        removed=tuple(removed),
        title=found_title or title,
        outlet=agency or metadata.page_outlet(lines, zone_start, body_start),
        dateline=dateline,
        published=metadata.page_published(lines, body_end),
        language=detect_language("\n".join(paragraphs)),
        standfirst=standfirst,
    )


def _chrome(line: Line) -> tuple[str | None, signals.Scope | None]:
    text, words = line.text, signals.word_count(line.text)
    if signals.is_byline(text):
        return "byline", None
    if signals.date_line_kind(text):
        return "date-line", None
    if signals.is_menu_line(text):
        return "navigation", None
    matched = signals.match_clutter(text)
    if matched is not None:
        rule, opens_line = matched
        if rule.scope != "line" and words <= 8:
            return rule.reason, rule.scope
        long_prose = line.prose == "good" and words >= 15 and not signals.prompt_reason(text)
        if rule.scope == "line" and (opens_line or not long_prose):
            return rule.reason, None
    if signals.is_duration(text):
        return "teaser", None
    if line.prose == "good" and words <= _TEASER_CARD_WORDS and signals.is_glued_teaser(text):
        return "teaser", None
    if signals.is_caption(text):
        return "caption", None
    prompt = signals.prompt_reason(text)
    if prompt:
        return prompt, None
    if signals.is_link_like(text) and line.prose != "good":
        return "boilerplate", None
    if signals.is_truncated(text):
        return "teaser", None
    return None, None


def _keep_a_lone_article(lines: list[Line]) -> None:
    """A page whose only prose reads as teaser cards is that article, its headline run into
    its lead ("Woman Killed In Queens Hit-And-Run, Driver Charged A woman has died ..."):
    a teaser list teases other prose, and there is none."""
    prose = [line for line in lines if line.prose == "good"]
    if prose and all(line.chrome == "teaser" for line in prose):
        for line in prose:
            line.chrome, line.scope = None, None


def _mark_captions_above_credits(lines: list[Line]) -> None:
    """A caption written above its photo credit, between the photo's controls
    ("Enlarge this image" / caption / "Kyodo/via REUTERS" / "toggle caption")."""
    for i in range(1, len(lines) - 1):
        if lines[i].chrome is not None or not signals.is_credit_only(lines[i + 1].text):
            continue
        after = lines[i + 2].text if i + 2 < len(lines) else ""
        if signals.is_caption_marker(lines[i - 1].text) or signals.is_caption_marker(after):
            lines[i].chrome = "caption"


def _same_headline(line: Line, title: str) -> bool:
    """The page's headline opening extracted text: the title itself, or the title with
    or without the site's name after it, or in other quote marks."""
    if line.text == title:
        return True
    words, title_words = _fold(line.text), _fold(title)
    shorter = min(words, title_words, key=len)
    return (
        line.prose != "good"
        and len(shorter.split()) >= 4
        and (title_words.startswith(words) or words.startswith(title_words))
    )


def _demote_buttons(lines: list[Line]) -> None:
    """A stop heading set between two short chrome lines is a button of a share row or
    a menu ("Facebook / Comments / Print"), not the start of a section."""
    for i in range(1, len(lines) - 1):
        if lines[i].scope == "stop" and all(
            lines[j].chrome is not None and signals.word_count(lines[j].text) <= 3
            for j in (i - 1, i + 1)
        ):
            lines[i].scope = None


def _repeats(lines: list[Line]) -> set[int]:
    """Indexes of lines that repeat one of the three lines before them."""
    return {
        i
        for i, line in enumerate(lines)
        if any(lines[j].text == line.text for j in range(max(0, i - 3), i))
    }


def _dateline_lead(text: str) -> bool:
    """A line that opens with a dateline and goes on as a sentence: the article's lead."""
    split = datelines.split_dateline(text)
    return split is not None and datelines.opens_sentence(split[2])


def _lead_with_dateline(lines: list[Line], zone_start: int, body_start: int) -> int:
    """The body starts at a line opening with a dateline in the header zone ("Guwahati
    (Assam) [India], January 6 (ANI): Union Minister ...") when a page gives no headline
    above its lead: that line is the article's first paragraph."""
    for i in range(zone_start, body_start):
        line = lines[i]
        if line.chrome is None and line.prose != "short" and _dateline_lead(line.text):
            return i
    return body_start


def _trim_bios(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """Author bios at either edge of the body are bylines. (Inside the body, "X is a
    professor at Y" introduces a source and stays.)"""
    good = [i for i in range(start, end + 1) if blocks.is_body_prose(lines[i])]
    while len(good) > 1 and signals.is_author_bio(lines[good[0]].text):
        lines[good.pop(0)].chrome = "byline"
    while len(good) > 1 and signals.is_author_bio(lines[good[-1]].text):
        lines[good.pop()].chrome = "byline"
    return good[0], good[-1]


def _zone_start(lines: list[Line], seg_start: int, body_start: int) -> int:
    start = seg_start + (1 if lines[seg_start].scope == "stop" else 0)
    for i in range(body_start - 1, start - 1, -1):
        if lines[i].chrome == "teaser" and not signals.is_duration(lines[i].text):
            return i + 1
    return start


def _decide_body(
    lines: list[Line], start: int, end: int, repeats: set[int], capture: bool = True
) -> None:
    skip_teaser = False
    seen: set[str] = set()
    for i in range(start, end + 1):
        line = lines[i]
        if blocks.is_body_prose(line):
            skip_teaser = False
            # An article never says a paragraph twice; a gallery repeats its captions
            # and a page its teasers.
            if line.text in seen and signals.word_count(line.text) >= REPEATED_WORDS:
                line.reason = "boilerplate"
                continue
            seen.add(line.text)
            line.keep = True
            continue
        if line.chrome is not None:
            line.reason = line.chrome
            # A video duration or a "Read more" heading: the titles under it are teasers.
            skip_teaser = signals.is_duration(line.text) or line.scope == "teaser"
            continue
        if _caption_under_credit(lines, i):
            line.reason = "caption"
            continue
        if (
            skip_teaser
            or i in repeats
            or (i + 1 <= end and i + 1 in repeats and lines[i + 1].text == line.text)
        ):
            line.reason = "teaser"
            continue
        if BULLET_RE.match(line.text):
            line.keep = True  # a list item of the article, however short
            continue
        if signals.word_count(line.text) <= 2 and not signals.ends_sentence(line.text):
            line.reason = "boilerplate"
            continue
        if _repeats_body(lines, i, start):
            line.reason = "pull-quote"
            continue
        # In a page capture a headline or caption repeated between paragraphs is the
        # page's; text extracted from HTML repeats lines only when the article does.
        if capture and line.text in seen and signals.word_count(line.text) >= REPEATED_WORDS:
            line.reason = "boilerplate"
            continue
        seen.add(line.text)
        line.keep = True


# Fewest words of a paragraph whose second copy goes (shorter lines, list items and
# subheads, may repeat).
REPEATED_WORDS = 10
# Fewest words of a pull quote: it repeats a sentence, not a name or a heading.
PULL_QUOTE_WORDS = 6


def _repeats_body(lines: list[Line], index: int, start: int) -> bool:
    """A pull quote: a short line whose words already appeared inside a longer kept
    paragraph. (A line equal to an earlier line is a repeated list item or heading.)"""
    words = _fold(lines[index].text)
    if not PULL_QUOTE_WORDS <= signals.word_count(lines[index].text) <= 40:
        return False
    return any(
        f" {words} " in f" {folded} " and words != folded
        for folded in (_fold(line.text) for line in lines[start:index] if line.keep)
    )


def _fold(text: str) -> str:
    return " ".join(_LETTERS_RE.findall(text.lower()))


def _caption_under_credit(lines: list[Line], index: int, header: bool = False) -> bool:
    """A caption on its own line under a photo credit ("Getty Images" / "Tourists fled ...").

    Under the headline a bare agency name ("Reuters") is more often the byline, and
    the line under it the standfirst."""
    if index == 0 or not signals.is_credit_only(lines[index - 1].text):
        return False
    if header and signals.is_news_agency(lines[index - 1].text):
        return False
    text = lines[index].text
    return not signals.ends_sentence(text) and signals.word_count(text) <= 40


def _decide_header(
    lines: list[Line], zone_start: int, body_start: int, given: str | None, seg_start: int
) -> tuple[str | None, str | None]:
    zone = range(zone_start, body_start)
    counts = Counter(lines[i].text for i in zone)
    title_at: int | None = None
    candidates = [
        i
        for i in zone
        if lines[i].chrome is None
        and signals.word_count(lines[i].text) >= 4
        and (signals.is_headline_like(lines[i].text) or lines[i].prose != "short")
        and not _caption_under_credit(lines, i, header=True)
        # A line opening with a dateline and going on as a sentence is the lead.
        and not _dateline_lead(lines[i].text)
    ]
    if given:
        title_at = next((i for i in zone if lines[i].text == given), None)
    elif candidates:
        repeated = [i for i in candidates if counts[lines[i].text] > 1]
        # A line above a navigation menu is a site tagline, not the headline.
        menu = _last_menu(lines, zone_start, body_start)
        below_menu = [i for i in candidates if i > menu]
        title_at = (repeated or below_menu or candidates)[0]
        if not repeated and lines[seg_start].scope == "stop":
            # Related headlines above the article: its own headline is the one nearest
            # the body (or the one above it when the nearest is a longer standfirst).
            title_at = candidates[-1]
            if len(candidates) > 1 and candidates[-2] == title_at - 1:
                previous, last = lines[title_at - 1].text, lines[title_at].text
                if signals.word_count(last) > signals.word_count(previous):
                    title_at -= 1
    title = lines[title_at].text if title_at is not None else given
    standfirst = None
    for i in range(seg_start, body_start):
        line = lines[i]
        if i < zone_start:
            line.reason = line.chrome or (
                "teaser" if i > seg_start and lines[seg_start].scope == "stop" else "navigation"
            )
            if lines[seg_start].scope == "stop" and not line.chrome:
                line.reason = lines[seg_start].chrome or "related-links"
        elif title is not None and line.text == title:
            line.reason = "title" if i == title_at else "duplicate-headline"
        elif line.chrome is not None:
            line.reason = line.chrome
        elif _caption_under_credit(lines, i, header=True):
            line.reason = "caption"
        elif title_at is not None and i > title_at and signals.word_count(line.text) >= 5:
            line.keep = True
            standfirst = standfirst or line.text
        elif title_at is None or i < title_at:
            led_by = lines[seg_start]
            line.reason = (led_by.chrome if led_by.scope == "stop" else None) or "navigation"
        else:
            line.reason = "boilerplate"
    return title, standfirst


def _last_menu(lines: list[Line], start: int, end: int) -> int:
    """Where the last menu (two or more consecutive one- or two-word lines) in
    ``lines[start:end]`` begins; ``start - 1`` when there is none."""
    found, run = start - 1, 0
    for i in range(start, end):
        menu_item = lines[i].chrome is None and signals.word_count(lines[i].text) <= 2
        run = run + 1 if menu_item else 0
        if run >= 2:
            found = i - run + 1
    return found


def _label_rest(lines: list[Line]) -> None:
    section: str | None = None
    for line in lines:
        if line.scope == "stop":
            section = line.chrome
        if not line.keep and line.reason is None:
            line.reason = line.chrome or section or "boilerplate"
