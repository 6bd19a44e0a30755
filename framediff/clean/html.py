"""Saved web pages: main text and metadata through trafilatura.

1. trafilatura finds the article block of the HTML and its title, date and site
   name (from JSON-LD, Open Graph and meta tags, then the page itself).
2. When it returns too little (under half the words of the page's JSON-LD
   ``articleBody``) or that body with its paragraphs run together, the
   articleBody is the text; JSON-LD also fills in a
   headline, date or publisher trafilatura did not find.
3. The text then goes through the text-page cascade in ``whole_body`` mode, which
   drops what slipped through (ads, captions, bylines) and cuts the dateline.
   When there is no text at all, ``visible_text`` gives the page's text by blocks
   for the full cascade, which looks for the densest run of prose.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
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
# A JSON-LD block: <script type="application/ld+json">{...}</script>
_JSON_LD_RE = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
# Fewest words of a JSON-LD articleBody worth reading (a teaser or a stub is shorter).
LD_BODY_WORDS = 50
_WORDS_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class HtmlText:
    text: str  # paragraphs separated by newlines
    title: str | None
    published: str | None
    sitename: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> HtmlText:
    """The article text and metadata of ``html`` (text may be empty)."""
    import trafilatura

    # 1.
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
    fields = (
        {} if document is None else (document if isinstance(document, dict) else document.as_dict())
    )
    # 2.
    linked = linked_data(html)
    text = fields.get("text") or ""
    body = linked.get("articleBody", "")
    body_words = _WORDS_RE.findall(body)
    text_words = _WORDS_RE.findall(text)
    # Too little text, or the same body read by trafilatura with its paragraphs run
    # together: the articleBody with its paragraphs.
    if len(body_words) >= LD_BODY_WORDS and (
        2 * len(text_words) < len(body_words) or text_words == body_words
    ):
        text = body
    date = fields.get("date") or linked.get("datePublished")
    return HtmlText(
        text=text,
        title=fields.get("title") or linked.get("headline") or None,
        published=date[:10] if isinstance(date, str) and date else None,
        sitename=fields.get("sitename") or linked.get("publisher") or None,
        url=fields.get("url") or url,
    )


def linked_data(html: str) -> dict[str, str]:
    """``articleBody``, ``headline``, ``datePublished`` and ``publisher`` (its name)
    of the page's JSON-LD article objects, the longest body's first; broken JSON is
    skipped. The body's paragraphs are kept, its markup and entities resolved."""
    found: dict[str, str] = {}
    objects: list[dict[str, object]] = []
    for block in _JSON_LD_RE.findall(html):
        try:
            objects.extend(_objects(json.loads(block.strip())))
        except (ValueError, RecursionError):
            continue
    objects.sort(key=lambda o: -len(str(o.get("articleBody") or "")))
    for obj in objects:
        for key in ("articleBody", "headline", "datePublished"):
            value = obj.get(key)
            if isinstance(value, str) and value.strip() and key not in found:
                found[key] = value.strip()
        publisher = obj.get("publisher")
        name = publisher.get("name") if isinstance(publisher, dict) else None
        if isinstance(name, str) and name.strip() and "publisher" not in found:
            found["publisher"] = name.strip()
    if "articleBody" in found:
        body = _BLOCK_RE.sub("\n", found["articleBody"])
        found["articleBody"] = html_lib.unescape(_TAG_RE.sub(" ", body)).strip()
    return found


def _objects(data: object, depth: int = 0) -> Iterator[dict[str, object]]:
    """Every JSON object in ``data`` (a graph nests them), to a sane depth."""
    if depth > 20:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _objects(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _objects(value, depth + 1)


def visible_text(html: str) -> str:
    """Visible text by blocks, for pages trafilatura finds no article in."""
    body = _DROP_RE.sub(" ", html)
    body = _BLOCK_RE.sub("\n", body)
    return html_lib.unescape(_TAG_RE.sub(" ", body))
