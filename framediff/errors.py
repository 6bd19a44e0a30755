"""The errors framediff raises on purpose; the CLI maps them to one line and exit 2."""

from __future__ import annotations


class FramediffError(Exception):
    """A problem the user can act on; ``str(error)`` is the whole message."""


class InputError(FramediffError):
    """An input that cannot be read or holds no article."""


class UsageError(FramediffError):
    """Arguments that do not fit together (wrong number of sources, unknown label ...)."""


class OutputError(FramediffError):
    """An output that cannot or must not be written (exists without --force ...)."""
