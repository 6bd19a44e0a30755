"""Precision and recall of per-sentence attribution on hand-labelled articles.

Usage: python benchmarks/eval_attribution.py [fixtures/attribution/gold.json]

An attribution counts as found when a sentence credits the gold speaker (canonical,
after resolution within the article); "speaker+kind" also requires the same kind. A
reporting verb with no speaker found ("..., it was reported", "vowed to return" with no
subject read) marks the sentence as attributed but credits no one, so it is no prediction.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from framediff.model import Article, Document, Sentence
from framediff.sentences.analysis import analyze_sentences

GOLD = Path(__file__).resolve().parent.parent / "fixtures" / "attribution" / "gold.json"


def _document(doc_id: str, texts: list[str]) -> Document:
    sentences, start = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, text, start, start + len(text)))
        start += len(text) + 1
    article = Article(origin=doc_id, text="\n".join(texts))
    return Document(doc_id, doc_id, article, tuple(sentences))


def _score(found: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = found / predicted if predicted else 1.0
    recall = found / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("-")]
    path = Path(paths[0]) if paths else GOLD
    articles = json.loads(path.read_text(encoding="utf-8"))
    totals = {"speaker": [0, 0, 0], "speaker+kind": [0, 0, 0]}
    misses: list[str] = []
    for article in articles:
        texts = [s["text"] for s in article["sentences"]]
        analysis = analyze_sentences([_document(article["id"], texts)])
        for item, sentence in zip(analysis, article["sentences"], strict=True):
            gold = {(c.lower(), k) for c, k in sentence["gold"]}
            predicted = {
                ((a.speaker_canonical or a.speaker or "").lower(), a.kind)
                for a in item.attributions
                if a.kind != "unattributed" and (a.speaker or a.speaker_canonical)
            }
            for name, key in (("speaker", lambda p: p[0]), ("speaker+kind", lambda p: p)):
                g, p = {key(x) for x in gold}, {key(x) for x in predicted}
                totals[name][0] += len(g & p)
                totals[name][1] += len(p)
                totals[name][2] += len(g)
            if gold != predicted:
                misses.append(
                    f"  {article['id']}: {sentence['text'][:70]!r}\n"
                    f"      gold {sorted(gold)}\n      got  {sorted(predicted)}"
                )
    print(f"{'measure':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'gold':>6}")
    for name, (found, predicted, gold_count) in totals.items():
        p, r, f = _score(found, predicted, gold_count)
        print(f"{name:<14}{p:>10.3f}{r:>8.3f}{f:>7.3f}{gold_count:>6}")
    if "-v" in argv or "--verbose" in argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
