"""RawDocument -> Article: the article body and its metadata out of page clutter.

``html`` reads saved pages through trafilatura, ``text_page`` cleans text copied
from pages (the cascade is documented there), ``metadata`` reads dates and
outlets, ``language`` detects the language. Pre-split input is passed through.
"""

from __future__ import annotations

from framediff.errors import InputError
from framediff.model import Article, RawDocument, Removed

# Said when every line looked like page clutter or a headline: short texts (one line, a
# list of headlines) are read as they are with --presplit.
_NO_ARTICLE = (
    "no article text found (every line looks like page clutter or a headline; "
    "--presplit takes the lines as they are)"
)


def clean_document(raw: RawDocument, presplit: bool = False) -> Article:
    """The article body and metadata of one raw document."""
    if presplit or raw.sentences is not None:
        return _presplit(raw)
    from framediff.clean.blocks import NoArticleError
    from framediff.clean.metadata import parse_date
    from framediff.clean.text_page import clean_text_page

    sitename = html_published = None
    title, url, content = raw.title, raw.url, raw.content
    whole_body = raw.extracted
    if raw.is_html:
        from framediff.clean.html import extract_html, visible_text

        extracted = extract_html(raw.content, url=raw.url)
        content, sitename, html_published = extracted.text, extracted.sitename, extracted.published
        title = title or extracted.title
        url = url or extracted.url
        # trafilatura's text is the article; when it finds none, the page's visible
        # text goes through the full text-page cascade instead.
        whole_body = bool(content.strip())
        if not whole_body:
            content = visible_text(raw.content)
    try:
        page = clean_text_page(content, title=title, whole_body=whole_body)
    except NoArticleError:
        raise InputError(f"{raw.origin}: {_NO_ARTICLE}") from None
    body = "\n\n".join(page.paragraphs)
    if not body.strip():
        raise InputError(f"{raw.origin}: {_NO_ARTICLE}")
    published = parse_date(raw.published) if raw.published else None
    return Article(
        origin=raw.origin,
        text=body,
        title=page.title or title,
        outlet=raw.outlet or page.outlet or sitename,
        dateline=page.dateline,
        published=published or page.published or html_published,
        language=page.language,
        url=url,
        label=raw.label,
        doc_id=raw.doc_id,
        removed=tuple(Removed(text, reason) for text, reason in page.removed),
    )


def _presplit(raw: RawDocument) -> Article:
    """Given sentences (or each non-empty line) used as they are: no cleaning."""
    if raw.sentences is not None:
        given = tuple(raw.sentences)
    else:
        given = tuple(line.strip() for line in raw.content.splitlines() if line.strip())
    if not given:
        raise InputError(f"{raw.origin}: no sentence in the input")
    from framediff.clean.language import detect_language

    return Article(
        origin=raw.origin,
        text="\n".join(given),
        presplit=given,
        title=raw.title,
        outlet=raw.outlet,
        published=raw.published,
        language=detect_language("\n".join(given)),
        url=raw.url,
        label=raw.label,
        doc_id=raw.doc_id,
    )
