"""A short run of the ingest-clean-segment fuzz (benchmarks/fuzz_clean.py): hostile text,
tag soup, raw bytes and JSON objects give an article with exact sentence spans or an
InputError, never another exception."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fuzz_clean", ROOT / "benchmarks" / "fuzz_clean.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["text", "html", "bytes", "json"])
def test_a_short_fuzz_finds_nothing(name: str) -> None:
    fuzz = _fuzz_module()
    assert fuzz.run(name, 25) is None


def test_the_property_catches_a_broken_span(monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = _fuzz_module()
    import framediff.segment
    from framediff.model import RawDocument, Sentence

    # The property itself can fail: a segmenter whose span is off by one is caught.
    monkeypatch.setattr(
        framediff.segment, "segment_article", lambda article: (Sentence(0, "The dam", 1, 8),)
    )
    page = "The dam held after six days of rain, the water board said on Monday evening."
    with pytest.raises(AssertionError):
        fuzz.check_article(RawDocument(origin="x.txt", content=page, is_html=False))


# What the fuzz found, kept as tests: inputs that took quadratic time.


def test_a_long_line_of_dotted_words_is_searched_for_links_in_linear_time() -> None:
    import time

    from framediff.clean import signals

    # An address pattern with an unbounded part before "@" retried from every position:
    # 11 s for a line of 74,000 characters.
    line = "x. " * 40_000
    started = time.monotonic()
    assert not signals.is_link_like(line)
    assert time.monotonic() - started < 2.0


def test_a_page_with_a_huge_table_is_read_without_the_fallback_extractors() -> None:
    import time

    from framediff.clean import clean_document
    from framediff.model import RawDocument

    body = "The council approved the budget on Tuesday after a long debate, officials said."
    page = "<table>" + "<tr><td>a</td></tr>" * 20_000 + f"</table><p>{body}</p>"
    started = time.monotonic()
    article = clean_document(RawDocument(origin="big.html", content=page, is_html=True))
    # jusText's paragraph revision took minutes on this page.
    assert time.monotonic() - started < 20.0
    assert article.text == body
