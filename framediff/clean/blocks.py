"""Where the article is in a page's lines: runs of prose, the run that is the
article (steps 6 and 9 of the text-page cascade in ``text_page``), related boxes
inside it, and the lines it ends with. Each line's signals (prose class, chrome) are
set before; deciding the header and what inside the body stays is ``text_page``'s.
"""

from __future__ import annotations

from framediff.clean import signals
from framediff.clean.lines import Line

# Lines of chrome that may sit between two paragraphs of one article (a newsletter
# box, a video teaser); a longer gap separates the article from other prose.
RUN_GAP = 6


class NoArticleError(Exception):
    """The page holds no run of prose a reader would call an article."""


def is_body_prose(line: Line) -> bool:
    return line.prose == "good" and line.chrome is None


def find_body(lines: list[Line]) -> tuple[int, int, int]:
    """(first body line, last good body line, start of its section)."""
    heads = [i for i, line in enumerate(lines) if line.scope == "stop"]
    bounds = list(zip([0, *heads], [*heads, len(lines)], strict=True))
    sections = []
    for number, (start, end) in enumerate(bounds):
        runs = runs_of([i for i in range(start, end) if is_body_prose(lines[i])])
        if number > 0:
            # After a stop heading a teaser list has one summary per item: the
            # article is a run of at least two good lines.
            runs = [run for run in runs if len(run) >= 2]
        if runs:
            sections.append((start, runs))
    # Readers' comments are never the article, however much prose they hold (a short
    # blog post with a long thread under it), unless nothing else has prose.
    articles = [
        (start, runs)
        for start, runs in sections
        if not (lines[start].scope == "stop" and lines[start].chrome == "comments")
    ]
    sections = articles or sections
    if not sections:
        raise NoArticleError
    # A lone good line (a site blurb, a consent notice) is the article only when the
    # page has no run of two or more.
    several = any(len(run) >= 2 for _, runs in sections for run in runs)
    chosen: tuple[float, int, list[list[int]], int] | None = None
    for number, (start, runs) in enumerate(sections):
        weights = [_run_weight(lines, run) if len(run) >= 2 or not several else 0.0 for run in runs]
        best = weights.index(max(weights))
        # The first section with prose holds the article unless a later one holds
        # far more: a "Comments" button or a "Related" menu item above the article
        # opens a section too.
        weight = weights[best] / (LATER_SECTION_FACTOR if number else 1.0)
        if weight > 0 and (chosen is None or weight > chosen[0]):
            chosen = (weight, best, runs, start)
    if chosen is None:
        raise NoArticleError
    _, best, runs, start = chosen
    first = last = best
    # Neighbouring runs of two or more good lines belong to the article too
    # (a long embedded list may split it); a lone good line far away does not, nor
    # a teaser list (a title, a byline or a date over each summary).
    while first > 0 and _joins_article(lines, runs[first - 1], runs[first][0]):
        first -= 1
    while last + 1 < len(runs) and _joins_article(lines, runs[last + 1], runs[last][-1]):
        last += 1
    end = past_inline_boxes(lines, heads, runs[last][-1])
    begin, start = _before_inline_box(lines, heads, runs[first][0], start)
    return begin, end, start


# How much more prose a run after a stop heading needs than the first section's best
# run to be taken for the article: related lists and comments also hold prose, so the
# first section keeps the benefit of the doubt.
LATER_SECTION_FACTOR = 3.0


# The least share of prose lines in a neighbouring run taken into the article: an
# article's paragraphs follow one another (a caption or an ad between two), a teaser
# list gives every summary two or three lines of title, byline and date.
NEIGHBOUR_DENSITY = 0.65


def _joins_article(lines: list[Line], run: list[int], edge: int) -> bool:
    """Whether a run of good lines next to the article's (whose nearest line is ``edge``)
    belongs to it: a dense run does, and so does one that only lines free of chrome
    (a list, the short answers of an interview) separate from the article."""
    if len(run) < 2:
        return False
    if len(run) / (run[-1] - run[0] + 1) >= NEIGHBOUR_DENSITY:
        return True
    gap = range(edge + 1, run[0]) if edge < run[0] else range(run[-1] + 1, edge)
    return all(lines[i].chrome is None for i in gap)


def _run_weight(lines: list[Line], run: list[int]) -> float:
    """A run's prose, in characters, times the share of its lines that are prose: an
    article's paragraphs follow one another, a teaser list puts a title between two
    summaries."""
    mass = sum(len(lines[i].text) for i in run)
    return mass * len(run) / (run[-1] - run[0] + 1)


# Most teaser titles inline related boxes hold between two paragraphs of the article
# (one box of six, or two boxes of two under their headings).
INLINE_BOX_TITLES = 8
# The share of prose lines above which the text after a related box is the article
# going on: a related list with a summary under each title has at most half.
RESUMED_DENSITY = 0.6


def past_inline_boxes(lines: list[Line], heads: list[int], end: int) -> int:
    """The article's last good line once related boxes set inside it are stepped over.

    Sites put "Related" with a few titles between paragraphs; the article goes on
    when, within RUN_GAP lines of its last paragraph, such a heading is followed by at
    most INLINE_BOX_TITLES lines that are not prose and then two paragraphs in a row
    or a run of paragraphs denser than RESUMED_DENSITY (a list of related stories has a
    title before every summary), or one paragraph with no prose after it up to the
    next stop heading. The box's titles become related
    links."""
    for head in heads:
        if head <= end or head - end - 1 > RUN_GAP:
            continue
        if lines[head].chrome != "related-links":
            break
        resume = next((i for i in range(head + 1, len(lines)) if is_body_prose(lines[i])), None)
        if resume is None or resume - head - 1 > INLINE_BOX_TITLES:
            break
        stop = next((h for h in heads if h > resume), len(lines))
        run = runs_of([i for i in range(resume, stop) if is_body_prose(lines[i])])[0]
        # Two paragraphs in a row, a run of paragraphs as dense as an article's (a
        # subhead or an embedded post between two), or one paragraph closing the
        # article with no prose after it up to the next stop heading.
        if not (
            (resume + 1 < stop and is_body_prose(lines[resume + 1]))
            or (len(run) >= 3 and len(run) / (run[-1] - run[0] + 1) > RESUMED_DENSITY)
            or not any(is_body_prose(lines[i]) for i in range(resume + 1, stop))
        ):
            break
        for i in range(head + 1, resume):
            lines[i].chrome = lines[i].chrome or "related-links"
        end = run[-1]
    return end


def _before_inline_box(
    lines: list[Line], heads: list[int], begin: int, start: int
) -> tuple[int, int]:
    """(first body line, section start) once a related box just above the article is
    found to sit inside it: the article's first paragraphs come before the box's
    heading when they end within RUN_GAP lines of it and at most INLINE_BOX_TITLES
    lines that are not prose lie between the heading and the body."""
    if start not in heads or lines[start].chrome != "related-links":
        return begin, start
    if begin - start - 1 > INLINE_BOX_TITLES:
        return begin, start
    previous = max((h for h in heads if h < start), default=0)
    good = [i for i in range(previous, start) if is_body_prose(lines[i])]
    if not good or start - good[-1] - 1 > RUN_GAP:
        return begin, start
    # The paragraphs right above the heading, one after another (at most one line
    # between two): a byline or a date further up ends the article's top.
    first = len(good) - 1
    while first > 0 and good[first] - good[first - 1] <= 2:
        first -= 1
    for i in range(start + 1, begin):
        lines[i].chrome = lines[i].chrome or "related-links"
    return good[first], previous


def runs_of(good: list[int]) -> list[list[int]]:
    """Good lines grouped into runs; a gap of more than RUN_GAP lines starts a new run."""
    runs: list[list[int]] = []
    for i in good:
        if runs and i - runs[-1][-1] - 1 <= RUN_GAP:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def decide_tail(lines: list[Line], end: int) -> int:
    for i in range(end + 1, len(lines)):
        line = lines[i]
        if line.chrome is None and line.prose != "short" and signals.ends_sentence(line.text):
            line.keep = True
            end = i
        else:
            break
    return _closing_lines(lines, end)


def _closing_lines(lines: list[Line], end: int) -> int:
    """Lines the article ends with after its last paragraph: a list of short items, an
    event's details, a closing note (the article's own lines more often than not, on
    the pages measured). They run up to the first line of chrome, stop heading or menu
    (two or more lines of one or two words in a row); a word or two at their end goes,
    and HEADLINE_LIST or more lines that are all headlines are other stories."""
    block: list[int] = []
    for i in range(end + 1, len(lines)):
        line = lines[i]
        if line.chrome is not None or line.scope is not None:
            break
        if _opens_menu(lines, i):
            break
        block.append(i)
    # A closing word or two ("Feedback", "___") is furniture, not the article's end.
    while block and _is_stray(lines[block[-1]].text):
        block.pop()
    # Nothing but headlines, three or more: the site's other stories.
    if len(block) >= HEADLINE_LIST and all(_is_teaser_headline(lines[i]) for i in block):
        return end
    for i in block:
        lines[i].keep = True
    return block[-1] if block else end


# Fewest headlines in a row, and nothing else, that make a list of other stories.
HEADLINE_LIST = 3


def _is_teaser_headline(line: Line) -> bool:
    text = line.text
    return (
        line.prose != "good"
        and signals.word_count(text) >= 4
        and signals.is_headline_like(text)
        and signals.list_mark(text) is None
    )


def _is_stray(text: str) -> bool:
    return signals.word_count(text) <= 2 and not signals.ends_sentence(text)


def _opens_menu(lines: list[Line], index: int) -> bool:
    """Whether a menu (two or more lines of one or two words in a row) starts here."""
    short = [
        signals.word_count(line.text) <= 2 and line.chrome is None
        for line in lines[index : index + 2]
    ]
    return len(short) == 2 and all(short)
