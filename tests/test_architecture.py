"""The package's shape: what importing framediff loads, and the layer contract."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return set(output.stdout.split())


def test_import_framediff_loads_nothing_heavy() -> None:
    loaded = _modules_after("import framediff")
    heavy = {"nltk", "rich", "textual", "torch", "model2vec", "numpy", "trafilatura", "rapidfuzz"}
    assert not heavy & {name.split(".")[0] for name in loaded}


def test_core_pipeline_does_not_load_rich_or_textual() -> None:
    loaded = _modules_after("import framediff.pipeline")
    assert not {"rich", "textual"} & {name.split(".")[0] for name in loaded}
