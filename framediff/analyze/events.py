"""Which documents report the same event.

PLACEHOLDER: one group of everything; the event grouper is being written.
"""

from __future__ import annotations

from collections.abc import Sequence

from framediff.model import Document


def group_events(documents: Sequence[Document]) -> list[list[str]]:
    """Source ids grouped by event, groups in order of their first member."""
    return [[doc.id for doc in documents]] if documents else []
