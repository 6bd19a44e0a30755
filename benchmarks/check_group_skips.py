"""`framediff group` on a 10,000-article JSONL with a few bad lines: it finishes and lists them.

    python benchmarks/check_group_skips.py [--corpus PATH] [--articles N] [--keep DIR]

Builds the corpus in a temporary directory (never in the repository) from the ECB+
articles (shared/data/ecbplus-dev/articles.jsonl): the articles that have text, as a scraper
would give them (``id``, ``title``, ``url``, ``text``; not the corpus's own sentence split),
repeated under new ids up to N lines, with bad lines mixed in at fixed places: an empty
article, the ECB+ one-line video caption, a page of menu clutter, a truncated line (invalid
JSON), a line of bytes that are not UTF-8, a JSON string, and an article whose
``sentences`` list is empty. Then runs ``framediff group CORPUS`` as a user would, times it
and checks: exit 0, stderr names exactly the bad lines (each with its reason), and stdout
lists every good article once. Exit 1 when a check fails. Grouping 10,000 articles takes
minutes at this commit; CI tests these rules on small inputs (tests/test_skipped_inputs.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"

# Bad lines and the reason framediff should give, placed at these line numbers.
BAD_LINES: dict[int, tuple[bytes, str]] = {
    99: (
        json.dumps(
            {"id": "caption", "text": "June 06, 2013 Esther Williams, swimming star, dies at 91"}
        ).encode(),
        "no article text found",
    ),
    1234: (json.dumps({"id": "empty", "text": ""}).encode(), "no 'text', 'html' or 'sentences'"),
    2500: (
        json.dumps({"id": "menu", "text": "Home\nWorld\nSport\nSubscribe"}).encode(),
        "no article text found",
    ),
    5001: (b'{"id": "truncated", "text": "The Boston Red Sox have made the bigg', "not valid JSON"),
    7777: (b'{"id": "latin1", "text": "caf\xe9 owners said"}', "not UTF-8"),
    9000: (b'"just a string"', "expected a JSON object"),
    9999: (
        json.dumps({"id": "nosentence", "sentences": []}).encode(),
        "field 'sentences' holds no sentence",
    ),
}


def build(source: Path, target: Path, total: int) -> list[str]:
    """Write the corpus; the ids of its good articles in order."""
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    # The one-line caption (4_6ecbplus) is one of the bad lines above, once.
    pool = [row for row in rows if row.get("text") and row["id"] != "4_6ecbplus"]
    ids: list[str] = []
    with target.open("wb") as stream:
        for number in range(1, total + 1):
            if number in BAD_LINES:
                stream.write(BAD_LINES[number][0] + b"\n")
                continue
            row = pool[len(ids) % len(pool)]
            copy = len(ids) // len(pool)
            article = {
                "id": f"{row['id']}-{copy}",
                "title": row.get("title"),
                "url": row.get("url"),
                "text": row["text"],
            }
            ids.append(article["id"])
            stream.write(json.dumps({k: v for k, v in article.items() if v}).encode() + b"\n")
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=10_000, help="lines of the corpus")
    parser.add_argument("--keep", type=Path, help="write the corpus and outputs here instead")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is not present", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = folder / "corpus.jsonl"
        ids = build(args.corpus, corpus, args.articles)
        bad = {
            number: reason for number, (_, reason) in BAD_LINES.items() if number <= args.articles
        }
        print(f"{corpus}: {args.articles} lines, {len(ids)} articles, {len(bad)} bad lines")
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "framediff", "group", str(corpus)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        seconds = time.perf_counter() - start
        (folder / "group.out").write_text(done.stdout, encoding="utf-8")
        print(f"framediff group: exit {done.returncode} in {seconds:.1f} s")
        print("stderr:\n" + done.stderr, end="")
        problems = []
        if done.returncode != 0:
            problems.append(f"exit {done.returncode}")
        expected = [f"framediff: skipped {corpus}:{n}: {bad[n]}" for n in sorted(bad)]
        lines = done.stderr.splitlines()
        if len(lines) != len(expected) or not all(
            line.startswith(want) for line, want in zip(lines, expected, strict=False)
        ):
            problems.append("stderr does not list exactly the bad lines")
        listed = done.stdout.split()
        if sorted(listed) != sorted(ids):
            problems.append(f"stdout lists {len(listed)} labels for {len(ids)} good articles")
        events = done.stdout.count("\n")
        print(f"events: {events}; articles listed: {len(listed)} of {len(ids)}")
        for problem in problems:
            print(f"FAILED: {problem}")
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
