"""Writing a user's file: the one writer the command line and the app share.

A regular file is replaced atomically (a temporary file beside it, then a rename), so a
reader never sees half a report and an interrupted write leaves the old file whole. A
device, pipe or socket (``/dev/stdout``, ``/dev/null``, a FIFO) is a stream, not a file
the user keeps: it is written to in place, since renaming over it would replace the device
itself with a plain file. A symbolic link is followed, so the file it points to is written
and the link stays.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def is_stream(path: Path) -> bool:
    """Whether ``path`` exists and is not a regular file or a directory (a device, a pipe,
    a socket): writing to it overwrites nothing the user keeps."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``: in place for a stream, atomically otherwise.

    Raises OSError as the system reports it; callers word it for their reader.
    """
    if is_stream(path):
        with path.open("w", encoding="utf-8") as stream:
            stream.write(text)
        return
    target = path.resolve() if path.is_symlink() else path
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        # mkstemp creates the file private (0600); give it the mode a new file would get.
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
