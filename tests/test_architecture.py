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


def test_command_entry_point_loads_only_the_client() -> None:
    """The `framediff` script hands a command to a running server before it imports any of
    the pipeline, argparse or even typing: the client is all a served command costs."""
    loaded = _modules_after("import framediff.client")
    assert {name for name in loaded if name.split(".")[0] == "framediff"} == {
        "framediff",
        "framediff.client",
        "framediff.wire",
    }
    assert not {"argparse", "typing", "logging", "pathlib", "tempfile", "numpy", "rich"} & loaded
