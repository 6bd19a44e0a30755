"""framediff: see how outlets covered the same event differently.

The public API (CONTRACT.md): ``load``, ``compare``, ``align``, ``similarity``,
``group``, ``run_corpus``. ``load``, ``compare`` and ``group`` skip a corpus's unreadable
articles and list them in the result's ``skipped`` (``strict=True`` raises instead).
Importing this package loads no model, no NLTK, no rich or textual: each name is resolved
on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "align", "compare", "group", "load", "run_corpus", "similarity"]

# Not typing.TYPE_CHECKING: importing typing would cost every start of the command several
# milliseconds (framediff.client, the console script, imports this package first).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from framediff.alignment import align
    from framediff.corpus import run_corpus
    from framediff.pipeline import compare, group, load
    from framediff.scoring import similarity

_HOMES = {
    "load": "framediff.pipeline",
    "compare": "framediff.pipeline",
    "group": "framediff.pipeline",
    "align": "framediff.alignment",
    "similarity": "framediff.scoring",
    "run_corpus": "framediff.corpus",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'framediff' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)
