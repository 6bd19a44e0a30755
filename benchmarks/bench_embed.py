"""Throughput of framediff.embed.embed_sentences on real news sentences, against
model2vec's own StaticModel.encode on the same model in the same run, with the
word memory of embed_sentences emptied before each run and then kept.

    python benchmarks/bench_embed.py [--repeat 5] [--articles PATH]

Sentences come from the ECB+ development articles when ../shared/data is present
(every sentence distinct, as in a real comparison), else from seeds/. Prints the
model load time and, per encoder, the median wall-clock and CPU throughput.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A sentence end: ., ! or ? and the whitespace after it.
_ROUGH_SENTENCE = re.compile(r"(?<=[.!?])\s+")
ARTICLES = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"


def _sentences(articles: Path) -> list[str]:
    if articles.exists():
        sentences: list[str] = []
        with articles.open(encoding="utf-8") as lines:
            for line in lines:
                sentences.extend(json.loads(line)["sentences"])
        return sentences
    # Without the development data: the seeds, cut roughly after ". " (enough
    # for a throughput figure).
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    return [piece for text in texts for piece in _ROUGH_SENTENCE.split(text) if piece.strip()]


def _measure(
    encode: Callable[[list[str]], object],
    texts: list[str],
    repeat: int,
    before: Callable[[], object] = lambda: None,
) -> str:
    walls, cpus = [], []
    for _ in range(repeat):
        before()
        wall, cpu = time.perf_counter(), time.process_time()
        encode(texts)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    wall_rate = len(texts) / statistics.median(walls)
    cpu_rate = len(texts) / statistics.median(cpus)
    return f"{wall_rate:>10,.0f} {cpu_rate:>10,.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    args = parser.parse_args(argv)

    from framediff import embed

    texts = _sentences(args.articles)
    chars = sum(map(len, texts)) / max(len(texts), 1)
    start = time.perf_counter()
    static = embed._static_model()
    load = time.perf_counter() - start
    print(f"{len(texts):,} sentences, {chars:.0f} characters on average; model load {load:.2f} s")
    print(f"{'encoder':<46} {'wall /s':>10} {'CPU /s':>10}")
    # Cold: every word is new to the encoder, as on a first comparison.
    cold = _measure(embed.embed_sentences, texts, args.repeat, static.known_words.clear)
    print(f"{'embed_sentences, words unseen':<46} {cold}")
    warm = _measure(embed.embed_sentences, texts, args.repeat)
    print(f"{'embed_sentences, words seen in an earlier call':<46} {warm}")

    def baseline(batch: list[str]) -> object:
        return static.model.encode(batch, use_multiprocessing=False)

    print(f"{'model2vec StaticModel.encode':<46} {_measure(baseline, texts, args.repeat)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
