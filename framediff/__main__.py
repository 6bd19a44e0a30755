"""``python -m framediff``: the same as the ``framediff`` command (a running server's, if any)."""

from __future__ import annotations

import sys

from framediff.client import main

if __name__ == "__main__":
    sys.exit(main())
