"""Every test runs with a runtime directory of its own: a `framediff` command a test starts
never meets the user's `framediff serve` (the server tests start their own)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_runtime_directory() -> Iterator[None]:
    directory = tempfile.mkdtemp(prefix="fd-")
    saved = os.environ.get("FRAMEDIFF_RUNTIME_DIR")
    os.environ["FRAMEDIFF_RUNTIME_DIR"] = directory
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("FRAMEDIFF_RUNTIME_DIR", None)
        else:
            os.environ["FRAMEDIFF_RUNTIME_DIR"] = saved
        shutil.rmtree(directory, ignore_errors=True)
