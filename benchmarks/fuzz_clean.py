"""Fuzz of ingest, clean and segment on hostile text and markup.

Hypothesis generates pages (text captures built from clutter, prose, control and
invisible characters, very long lines, mixed scripts; HTML tag soup with broken
nesting, scripts, comments, odd entities and charsets, JSON-LD; raw bytes; JSON
article objects) and runs each through decoding, ``clean_document`` and
``segment_article``. Every input must give an article or an ``InputError`` (never
another exception), and every sentence must be its article's text at its offsets
(``article.text[start:end] == text``, spans in order and inside the text).

    python benchmarks/fuzz_clean.py --minutes 10 > fuzz.txt    # the full run
    python benchmarks/fuzz_clean.py --minutes 0.5               # a quick look

Batches of examples run until the time is up; each failure is printed with the
start of its input and the run goes on (no shrinking: a slow input would be replayed
for minutes). An input that takes more than --time-limit seconds (10) fails too.
Exit status 1 when anything failed.
``tests/test_fuzz_clean.py`` runs the same properties briefly.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent

# Lines a page capture is made of: prose, page chrome, and lines built to trip rules
# (stop headings, datelines, bylines, list marks, links, ellipses, title case).
PAGE_LINES = [
    "The council approved the budget on Tuesday after a long debate, officials said.",
    "“We will not accept this,” the minister told reporters in the capital on Monday.",
    "Residents said the water had risen faster than at any time in the past decade.",
    "MOSCOW (Reuters) - Talks between the two sides resumed on Sunday, diplomats said.",
    "WASHINGTON (AP) —",
    "By Anna Lee and Tom Park",
    "Updated 11:02 a.m. ET, Tue November 19, 2019",
    "Related Articles",
    "Comments",
    "Most popular",
    "Read more:",
    "Advertisement",
    "Share this:",
    "Facebook",
    "Sign up for our daily newsletter to get the news in your inbox.",
    "Photo: Jane Roe/Reuters",
    "Getty Images",
    "1) A numbered item https://example.com/x",
    "- a bullet item",
    "March 3 – Leeds, Town Hall",
    "Council To Vote On Harbour Plan Councillors will decide next month.",
    "Here's what he had to say…",
    "Home | World | Politics | Sports",
    "02:08",
    "© 2019 Some Outlet. All rights reserved.",
    "Q: What now?",
    "A: We wait.",
    "",
    " ",
    "\t\t",
    "＃",
    "ابدأ هنا. هذه جملة عربية طويلة بما يكفي لتكون فقرة من مقال إخباري حقيقي.",
    "这是一个很长的中文句子，用来测试没有空格的文字如何被清理和分句。",
    "Это длинное русское предложение, которое проверяет очистку и разбиение текста.",
]
# Characters that break naive code: controls, invisible marks, bidi overrides,
# line and paragraph separators, combining marks, a BOM, the replacement character.
HOSTILE = "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u00a0\u200b\u200c\u200d\u200e\u202e\u2028\u2029\u0301\ufeff\ufffd\r"
TAGS = ["p", "div", "span", "article", "main", "section", "h1", "h2", "li", "ul", "br", "a", "b"]
DROPS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template"]


def _line() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(PAGE_LINES),
        st.text(max_size=80),
        st.text(alphabet=st.sampled_from(HOSTILE + "ab. "), max_size=30),
        st.builds(
            lambda n, word: (word + " ") * n,
            st.integers(0, 3000),
            st.sampled_from(["w", "x.", "…", "|"]),
        ),
        # Long runs without spaces: a regex that retries from every position is slow here.
        st.builds(
            lambda n, piece: piece * n,
            st.integers(0, 50_000),
            st.sampled_from(["x.", "x@", "a-", "1:", "www.", "A ", "“a”", "#", "@a", "(a)"]),
        ),
    )


def pages() -> st.SearchStrategy[str]:
    """A text capture: lines of prose, chrome and noise, joined by assorted newlines."""
    return st.builds(
        lambda lines, sep: sep.join(lines),
        st.lists(_line(), max_size=60),
        st.sampled_from(["\n", "\r\n", "\n\n", "\r", "\u2028"]),
    )


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    """Tag soup: nested and unclosed tags, dropped blocks, comments, entities, JSON-LD."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 9))
        if kind <= 2 and depth < 4:
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(
                st.sampled_from(["", ' class="content"', ' id="x" hidden', " data-x='\"'"])
            )
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag.upper()} >"]))
            parts.append(f"<{tag}{attrs}>{draw(markup(depth + 1))}{close}")
        elif kind == 3:
            tag = draw(st.sampled_from(DROPS))
            parts.append(f"<{tag}>{draw(st.text(max_size=40))}</{tag}>")
        elif kind == 4:
            parts.append(
                draw(
                    st.sampled_from(
                        ["<!-- c -->", "<!--", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?xml?>"]
                    )
                )
            )
        elif kind == 5:
            parts.append(
                draw(
                    st.sampled_from(
                        ["&amp;", "&#0;", "&#xD800;", "&#99999999;", "&nbsp;", "&bogus;", "&"]
                    )
                )
            )
        elif kind == 6:
            body = draw(st.one_of(st.text(max_size=60), st.sampled_from(PAGE_LINES)))
            parts.append(
                '<script type="application/ld+json">'
                + draw(
                    st.sampled_from(
                        [
                            json.dumps({"@type": "NewsArticle", "articleBody": body}),
                            "{",
                            "[]",
                            "null",
                        ]
                    )
                )
                + "</script>"
            )
        elif kind == 7 and depth == 0 and draw(st.integers(0, 20)) == 0:
            # A very large table: quadratic steps in fallback extractors show here.
            rows = draw(st.integers(0, 25_000))
            parts.append("<table>" + "<tr><td>a</td></tr>" * rows + "</table>")
        elif kind == 7:
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            '<meta charset="bogus">',
                            '<meta property="og:title" content="T">',
                            '<meta name="date" content="2019-13-45">',
                            "<title>",
                            "<html><head>",
                            "</body></html>",
                        ]
                    )
                )
            )
        else:
            parts.append(draw(st.one_of(st.sampled_from(PAGE_LINES), st.text(max_size=60))))
    return "".join(parts)


def json_objects() -> st.SearchStrategy[object]:
    scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40))
    value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
    keys = st.sampled_from(
        ["text", "html", "title", "url", "outlet", "published", "label", "id", "sentences", "x"]
    )
    return st.one_of(st.dictionaries(keys, value, max_size=6), value)


# --- the properties ----------------------------------------------------------------------


# Seconds one input may take (set by main; None in the short test run, where a slow
# shared machine must not fail the suite): a page that takes longer is a finding too.
TIME_LIMIT: float | None = None


def check_article(raw: object) -> None:
    """Clean and segment one RawDocument: an article with exact spans, or an InputError,
    within TIME_LIMIT seconds."""
    started = time.monotonic()
    try:
        _check_article(raw)
    finally:
        elapsed = time.monotonic() - started
    if TIME_LIMIT is not None:
        assert elapsed < TIME_LIMIT, f"took {elapsed:.1f} s"


def _check_article(raw: object) -> None:
    from framediff.clean import clean_document
    from framediff.errors import InputError
    from framediff.segment import segment_article

    try:
        article = clean_document(raw)  # type: ignore[arg-type]
    except InputError:
        return
    assert article.text.strip(), "an article with no text"
    end = 0
    for sentence in segment_article(article):
        assert 0 <= sentence.start <= sentence.end <= len(article.text), sentence
        assert article.text[sentence.start : sentence.end] == sentence.text, sentence
        assert sentence.start >= end, "sentences overlap or go backwards"
        end = sentence.end


def check_text(page: str) -> None:
    from framediff.model import RawDocument

    check_article(RawDocument(origin="fuzz.txt", content=page, is_html=False))


def check_html(page: str) -> None:
    from framediff.model import RawDocument

    check_article(RawDocument(origin="fuzz.html", content=page, is_html=True))


def check_bytes(data: bytes, html: bool) -> None:
    """Decoding never raises anything but an InputError; what it gives is then cleaned."""
    from framediff.errors import InputError
    from framediff.ingest import decode_bytes, looks_like_html
    from framediff.model import RawDocument

    try:
        text = decode_bytes(data, "fuzz.bin", html=html or None)
    except InputError:
        return
    check_article(
        RawDocument(origin="fuzz.bin", content=text, is_html=html or looks_like_html(text))
    )


def check_json(payload: object) -> None:
    from framediff.errors import InputError
    from framediff.ingest import document_from_json

    try:
        raw = document_from_json(payload, "fuzz.json")
    except InputError:
        return
    check_article(raw)


PROPERTIES: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[object], ...]]] = {
    "text": (check_text, (pages(),)),
    "html": (check_html, (st.one_of(markup(), st.builds(lambda a, b: a + b, markup(), pages())),)),
    "bytes": (check_bytes, (st.binary(max_size=400), st.booleans())),
    "json": (check_json, (json_objects(),)),
}


def run(name: str, examples: int) -> str | None:
    """One batch of ``examples`` of one property; the failure's report, or None.

    No shrinking: a slow input would be replayed for minutes. The report shows the
    failing input's start and length instead."""
    check, strategies = PROPERTIES[name]
    failing: list[str] = []

    def recorded(args: tuple[object, ...]) -> None:
        try:
            check(*args)
        except Exception:
            sizes = ", ".join(str(len(a)) if isinstance(a, str | bytes) else "-" for a in args)
            failing.append(f"input (lengths {sizes}): {ascii(args)[:600]}")
            raise

    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
    )(given(st.tuples(*strategies))(recorded))
    try:
        test()
    except Exception:
        return "\n".join([*failing[-1:], traceback.format_exc(limit=-6)])
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=100, help="examples per batch")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per input")
    args = parser.parse_args(argv)
    global TIME_LIMIT
    TIME_LIMIT = args.time_limit
    sys.path.insert(0, str(ROOT))
    stop = time.monotonic() + 60 * args.minutes
    counts = dict.fromkeys(PROPERTIES, 0)
    failures: list[str] = []
    while time.monotonic() < stop:
        for name in PROPERTIES:
            report = run(name, args.batch)
            counts[name] += args.batch
            if report:
                failures.append(report)
                print(f"FAILED {name}:\n{report}", flush=True)
            if time.monotonic() >= stop:
                break
    total = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(f"examples run: {total}; failures: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
