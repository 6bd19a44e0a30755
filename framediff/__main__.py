"""``python -m framediff``: the same as the ``framediff`` command."""

from __future__ import annotations

import sys

from framediff.cli import main

sys.exit(main())
