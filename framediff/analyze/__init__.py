"""Analysis: attributions, quotes, entities and findings over an alignment.

PLACEHOLDER: finds nothing yet; the analysers are being written.
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.config import Settings
from framediff.model import Alignment, Analysis, Document


def analyze(
    documents: Sequence[Document],
    alignment: Alignment,
    events: Sequence[Sequence[str]],
    settings: Settings,
) -> Analysis:
    """Per-sentence analysis, coverage and ranked findings."""
    return Analysis(sentences=(), coverage=(), findings=())
