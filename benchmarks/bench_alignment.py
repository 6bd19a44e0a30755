"""Alignment speed against an all-pairs difflib baseline, in one run.

    python benchmarks/bench_alignment.py [--corpus PATH] [--quick]

Documents are built from ECB+ sentences (shared/data/ecbplus-dev/articles.jsonl): articles
are shuffled with a fixed seed and their sentences dealt out in article order, so every
document mixes many real events and same-event articles land in different documents.
Columns: framediff's ``align_documents`` wall time (static embeddings included when the
model is present; the median of ``--repeat`` runs, each with every cache emptied first (see
``forget``), one run at 5,000 sentences; timed without tracemalloc, which slows Python
several times), the baseline ``difflib.SequenceMatcher(autojunk=False).ratio`` over all
cross-document pairs (timed in full where that takes under ~20 s, else on a random sample
of pairs and extrapolated, marked ``*``), their ratio, peak traced memory of a second
framediff run (tracemalloc), and links kept.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import tracemalloc
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framediff.alignment import _presplit_document, align_documents  # noqa: E402
from framediff.config import Settings  # noqa: E402
from framediff.model import Document  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
# Baseline pairs timed before extrapolating (about 10-20 s of difflib on this machine).
SAMPLE_PAIRS = 60_000


def load_sentences(corpus: Path) -> list[str]:
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    random.Random(4).shuffle(articles)
    out: list[str] = []
    seen: set[str] = set()
    for article in articles:
        for sentence in article["sentences"]:
            if sentence not in seen and len(sentence) > 20:
                seen.add(sentence)
                out.append(sentence)
    return out


def make_documents(sentences: list[str], count: int, size: int) -> list[Document]:
    if count * size > len(sentences):
        raise SystemExit(f"corpus has {len(sentences)} sentences, {count * size} needed")
    return [
        _presplit_document(f"s{k + 1}", sentences[k * size : (k + 1) * size]) for k in range(count)
    ]


def baseline(documents: list[Document]) -> tuple[float, bool]:
    """Seconds for SequenceMatcher.ratio over all cross-document pairs; True if extrapolated."""
    texts = [[s.text for s in doc.sentences] for doc in documents]
    pairs = [
        (a, b)
        for x in range(len(texts))
        for y in range(x + 1, len(texts))
        for a in (x,)
        for b in (y,)
    ]
    total = sum(len(texts[a]) * len(texts[b]) for a, b in pairs)
    rng = random.Random(7)
    timed = min(total, SAMPLE_PAIRS)
    start = time.perf_counter()
    done = 0
    matcher = SequenceMatcher(autojunk=False)
    if total <= SAMPLE_PAIRS:
        for a, b in pairs:
            for right in texts[b]:
                matcher.set_seq2(right)  # the expensive side set once, as difflib advises
                for left in texts[a]:
                    matcher.set_seq1(left)
                    matcher.ratio()
                    done += 1
    else:
        for _ in range(timed):
            a, b = rng.choice(pairs)
            matcher.set_seqs(rng.choice(texts[a]), rng.choice(texts[b]))
            matcher.ratio()
            done += 1
    elapsed = time.perf_counter() - start
    return elapsed * total / done, total > SAMPLE_PAIRS


def forget() -> None:
    """Empty every memory that earlier cases filled (word stems, number parses, word tokens,
    the embedding model's word ids, wordfreq's lookups), so each case is timed as a fresh process would run it
    apart from loading the model."""
    from framediff import embed, scoring
    from framediff.scoring import features

    features.normalize_word.cache_clear()
    features._number.cache_clear()
    features._token.cache_clear()
    scoring._word_tokens.cache_clear()
    embed._static_model().known_words.clear()
    import wordfreq

    getattr(wordfreq, "_wf_cache", {}).clear()  # word_frequency's own memory


def run(count: int, size: int, sentences: list[str], repeat: int) -> dict[str, object]:
    documents = make_documents(sentences, count, size)
    settings = Settings()
    times = []
    for _ in range(repeat):
        forget()
        start = time.perf_counter()
        alignment = align_documents(documents, settings)
        times.append(time.perf_counter() - start)
    elapsed = statistics.median(times)
    # Memory in a second run: tracemalloc slows Python code several times over.
    tracemalloc.start()
    align_documents(documents, settings)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    base, extrapolated = baseline(documents)
    return {
        "case": f"{count} x {size:,}",
        "framediff_s": elapsed,
        "difflib_s": base,
        "extrapolated": extrapolated,
        "speedup": base / elapsed,
        "peak_mb": peak / 2**20,
        "links": len(alignment.links),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--quick", action="store_true", help="skip the 5,000-sentence case")
    parser.add_argument(
        "--repeat", type=int, default=3, help="cold runs per case, median reported (5,000: one)"
    )
    args = parser.parse_args(argv)
    sentences = load_sentences(args.corpus)
    # Load the embedding model outside the timings: it loads once per process.
    align_documents(make_documents(sentences, 2, 3), Settings())
    cases = [(2, 100), (2, 1000), (10, 300)] + ([] if args.quick else [(2, 5000)])
    print(
        "| documents x sentences | framediff | difflib all pairs | speed-up | peak memory | links |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for count, size in cases:
        row = run(count, size, sentences, 1 if size >= 5000 else max(1, args.repeat))
        mark = "*" if row["extrapolated"] else ""
        print(
            f"| {row['case']} | {row['framediff_s']:.2f} s | {row['difflib_s']:.1f} s{mark} "
            f"| {row['speedup']:.0f}x | {row['peak_mb']:.0f} MB | {row['links']} |",
            flush=True,
        )
    print("\n* extrapolated from a random sample of pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
