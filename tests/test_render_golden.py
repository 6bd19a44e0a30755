"""The seed comparison's report and JSON match the golden files a person has read.

After a deliberate change: ``python tests/golden/regenerate.py``, read the diff, commit.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def _regenerate_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("golden_regenerate", GOLDEN / "regenerate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return _regenerate_module().render()


@pytest.mark.parametrize("suffix", [".md", ".json"])
def test_golden_output(rendered: dict[str, str], suffix: str) -> None:
    name = next(name for name in rendered if name.endswith(suffix))
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    actual = rendered[name]
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "golden", "now", lineterm="", n=1
        )
        pytest.fail(
            f"tests/golden/{name} is out of date (python tests/golden/regenerate.py):\n"
            + "\n".join(list(diff)[:40])
        )


def test_golden_json_is_byte_stable(rendered: dict[str, str]) -> None:
    again = _regenerate_module().render()
    assert again == rendered
    payload = json.loads(rendered["seeds-000-001-003.json"])
    assert payload["schema"] == "framediff/1"
