"""Saved web pages: main text and metadata through trafilatura.

trafilatura finds the article block of the HTML and its title, date and site
name; its text then goes through the text-page cascade in ``whole_body`` mode,
which drops what slipped through (ads, captions, bylines) and cuts the dateline.
When trafilatura finds nothing, ``visible_text`` gives the page's text by blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tags whose text is never article text, for the fallback extraction.
_DROP_RE = re.compile(
    r"<(script|style|noscript|nav|header|footer|aside|form)\b.*?</\1\s*>", re.I | re.S
)
# Block-level tags that end a paragraph, for the fallback extraction.
_BLOCK_RE = re.compile(r"</?(?:p|div|br|h[1-6]|li|article|section|blockquote|tr)\b[^>]*>", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
# An opening tag, for sizing a page.
_OPEN_TAG_RE = re.compile(r"<[a-zA-Z]")
# Above this many opening tags trafilatura skips its fallback extractors: jusText's
# paragraph revision is quadratic (a table of 20,000 rows took minutes); the real pages
# of benchmarks/eval_pages.py hold at most 1,700, and score the same either way.
FALLBACK_TAGS = 10_000


@dataclass(frozen=True)
class HtmlText:
    text: str  # paragraphs separated by newlines
    title: str | None
    published: str | None
    sitename: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> HtmlText:
    """The article text and metadata trafilatura finds in ``html`` (text may be empty)."""
    import trafilatura

    # trafilatura's balanced setting: on the real pages of benchmarks/eval_pages.py,
    # with the cleaning after it, favor_precision scores P .973 R .951, favor_recall
    # P .954 R .963, the default P .960 R .964; a lost sentence costs more than a kept
    # line of clutter (it becomes a false "left out" finding).
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
        fast=len(_OPEN_TAG_RE.findall(html)) > FALLBACK_TAGS,
    )
    if document is None:
        return HtmlText("", None, None, None, url)
    fields = document if isinstance(document, dict) else document.as_dict()
    date = fields.get("date")
    return HtmlText(
        text=fields.get("text") or "",
        title=fields.get("title") or None,
        published=date[:10] if isinstance(date, str) and date else None,
        sitename=fields.get("sitename") or None,
        url=fields.get("url") or url,
    )


def visible_text(html: str) -> str:
    """Visible text by blocks, for pages trafilatura finds no article in."""
    import html as html_lib

    body = _DROP_RE.sub(" ", html)
    body = _BLOCK_RE.sub("\n", body)
    return html_lib.unescape(_TAG_RE.sub(" ", body))
