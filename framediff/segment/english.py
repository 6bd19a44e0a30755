"""English sentence boundaries from NLTK's Punkt, with the model read from the
punkt_tab files shipped in framediff/data/punkt/english (never downloaded).

NLTK's punkt module (not the rest of NLTK) is loaded and the tokenizer built on
the first call, once per process; importing this module costs nothing.
"""

from __future__ import annotations

import sys
import threading
from functools import cache
from importlib import resources
from types import ModuleType
from typing import TYPE_CHECKING

from framediff.segment.rules import (
    CLOCK_END_RE,
    COMMON_STARTERS,
    EXTRA_ABBREVIATIONS,
    NOT_ABBREVIATIONS,
)

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_MODEL = ("data", "punkt", "english")


def _read_lines(name: str) -> list[str]:
    # Read through importlib.resources rather than nltk.data.find: the model is
    # package data, and nltk.data refuses group-writable directories, which a
    # permissive umask at install time would produce.
    path = resources.files("framediff").joinpath(*_MODEL, name)
    text = path.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line]


_PUNKT = "nltk.tokenize.punkt"
_loading = threading.Lock()


def _punkt_module() -> ModuleType:
    """NLTK's punkt module, loaded without NLTK's package ``__init__``.

    ``import nltk`` imports nearly all of NLTK (about 0.2 s, most of a short comparison's
    start-up); punkt itself needs a few small modules. So, unless NLTK is already loaded,
    the ``nltk`` and ``nltk.tokenize`` packages are entered in ``sys.modules`` unexecuted
    while punkt imports, and every NLTK name added is removed afterwards: a later
    ``import nltk`` anywhere in the process loads the whole package as usual, and this
    module keeps its own copy of punkt and what it uses.
    """
    import importlib
    import importlib.util

    with _loading:
        loaded = sys.modules.get(_PUNKT)
        if loaded is not None:
            return loaded
        if "nltk" in sys.modules:
            return importlib.import_module(_PUNKT)
        before = set(sys.modules)
        try:
            for package in ("nltk", "nltk.tokenize"):
                spec = importlib.util.find_spec(package)
                if spec is None:
                    raise ImportError(f"No module named {package!r}", name=package)
                sys.modules[package] = importlib.util.module_from_spec(spec)
            return importlib.import_module(_PUNKT)
        finally:
            for name in set(sys.modules) - before:
                if name == "nltk" or name.startswith("nltk."):
                    del sys.modules[name]


@cache
def tokenizer() -> PunktSentenceTokenizer:
    """Punkt's English model plus framediff's news abbreviations, built once."""
    from collections import defaultdict

    punkt = _punkt_module()
    params = punkt.PunktParameters()
    abbreviations = set(_read_lines("abbrev_types.txt")) | EXTRA_ABBREVIATIONS
    params.abbrev_types = abbreviations - NOT_ABBREVIATIONS
    # Function words that open sentences count as frequent sentence starters,
    # so an abbreviation before one may end a sentence ("met Hun Sen. During").
    starters = {word.lower() for word in COMMON_STARTERS}
    params.sent_starters = set(_read_lines("sent_starters.txt")) | starters
    params.collocations = {
        (first, second)
        for first, second in (line.split("\t") for line in _read_lines("collocations.tab"))
    }
    params.ortho_context = defaultdict(
        int,
        {
            word: int(flags)
            for word, flags in (line.split("\t") for line in _read_lines("ortho_context.tab"))
        },
    )
    built: PunktSentenceTokenizer = punkt.PunktSentenceTokenizer(params)
    return built


def english_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets in ``text`` where Punkt ends a sentence within ``text[start:end]`` (one line)."""
    line = text[start:end]
    cuts = {start + span_end for _, span_end in tokenizer().span_tokenize(line)}
    cuts.update(match.end() for match in CLOCK_END_RE.finditer(text, start, end))
    cuts.discard(end)
    return sorted(cuts)
