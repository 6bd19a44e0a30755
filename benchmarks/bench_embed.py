"""Throughput of framediff.embed.embed_sentences on real news sentences, against
model2vec's own StaticModel.encode on the same model in the same run.

    python benchmarks/bench_embed.py [--repeat 5] [--articles PATH]

Sentences come from the ECB+ development articles when ../shared/data is present
(every sentence distinct, as in a real comparison), else from seeds/. Prints the
model load time and, per encoder, the median wall-clock and CPU throughput.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"


def _sentences(articles: Path) -> list[str]:
    if articles.exists():
        sentences: list[str] = []
        with articles.open(encoding="utf-8") as lines:
            for line in lines:
                sentences.extend(json.loads(line)["sentences"])
        return sentences
    from framediff.segment import split_sentences  # type: ignore[attr-defined]

    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    return [sentence for text in texts for sentence in split_sentences(text)]


def _measure(encode: Callable[[list[str]], object], texts: list[str], repeat: int) -> str:
    walls, cpus = [], []
    for _ in range(repeat):
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
    print(f"{'encoder':<34} {'wall /s':>10} {'CPU /s':>10}")
    print(
        f"{'framediff.embed.embed_sentences':<34} {_measure(embed.embed_sentences, texts, args.repeat)}"
    )

    def baseline(batch: list[str]) -> object:
        return static.model.encode(batch, use_multiprocessing=False)

    print(f"{'model2vec StaticModel.encode':<34} {_measure(baseline, texts, args.repeat)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
