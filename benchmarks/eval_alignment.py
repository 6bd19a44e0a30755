"""Alignment quality against hand-labelled gold: precision, recall and F1 of linked pairs per
article pair and overall, and pairwise same-content accuracy.

    python benchmarks/eval_alignment.py            # every gold set, shipped settings
    python benchmarks/eval_alignment.py --fit      # refit the combination on ECB+ (dev data)
    python benchmarks/eval_alignment.py --heldout  # fit on ECB+ train topics, score dev topics

Gold sets (fixtures/alignment/): ECB+ development gold (12 real article pairs; the weights in
framediff/scoring.py were fitted on it), seeds 000/001/003, composed rewrites, and 208
labelled sentence pairs. Floors are asserted by tests/test_eval_alignment.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "alignment"
sys.path.insert(0, str(ROOT))

from framediff.alignment import _presplit_document, align_documents  # noqa: E402
from framediff.config import Settings  # noqa: E402
from framediff.model import Document  # noqa: E402
from framediff.scoring import FEATURES, Scorer, sentence_features, similarity  # noqa: E402


@dataclass
class Score:
    name: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _links(documents: Sequence[Document], settings: Settings) -> set[tuple[int, int]]:
    alignment = align_documents(documents, settings)
    return {(link.a.sentence, link.b.sentence) for link in alignment.links}


def ecbplus_pairs(
    topics: str = "all",
) -> list[tuple[str, Document, Document, set[tuple[int, int]]]]:
    """(name, document a, document b, gold links) for the ECB+ development gold."""
    data = json.loads((GOLD / "ecbplus_dev_gold.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    out = []
    for pair in data["pairs"]:
        split = articles[pair["a"]]["split"]
        if topics != "all" and split != topics:
            continue
        a = _presplit_document("s1", articles[pair["a"]]["sentences"])
        b = _presplit_document("s2", articles[pair["b"]]["sentences"])
        gold = {(x["i"], x["j"]) for x in pair["aligned"]}
        out.append((pair["event"], a, b, gold))
    return out


def _find(doc: Document, needle: str) -> int:
    hits = [s.index for s in doc.sentences if needle in s.text]
    exact = [s.index for s in doc.sentences if s.text.strip().rstrip(".") == needle.rstrip(".")]
    if len(hits) == 1:
        return hits[0]
    if exact:
        return exact[0]
    raise LookupError(f"{len(hits)} sentences of {doc.article.origin} contain {needle!r}")


def text_gold_pairs(
    name: str,
) -> list[tuple[str, Document, Document, set[tuple[int, int]], list[tuple[str, int]]]]:
    """Seeds or rewrites gold: documents, gold links and must-stay-unlinked sentences."""
    data = json.loads((GOLD / f"{name}_gold.json").read_text(encoding="utf-8"))
    out = []
    for pair in data["pairs"]:
        if "a_sentences" in pair:
            a = _presplit_document("s1", pair["a_sentences"])
            b = _presplit_document("s2", pair["b_sentences"])
        else:
            from framediff import pipeline

            docs = pipeline.segment_all(pipeline.load_all([ROOT / pair["a"], ROOT / pair["b"]]))
            a, b = docs
        gold = {(_find(a, x["a"]), _find(b, x["b"])) for x in pair["links"]}
        unlinked = [("a", _find(a, t)) for t in pair.get("unlinked_a", [])]
        unlinked += [("b", _find(b, t)) for t in pair.get("unlinked_b", [])]
        out.append((pair["name"], a, b, gold, unlinked))
    return out


def evaluate(
    pairs: Sequence[tuple[str, Document, Document, set[tuple[int, int]]]], settings: Settings
) -> tuple[list[Score], Score]:
    scores = []
    for name, a, b, gold in pairs:
        predicted = _links([a, b], settings)
        scores.append(Score(name, len(gold), len(predicted), len(gold & predicted)))
    total = Score(
        "overall",
        sum(s.gold for s in scores),
        sum(s.predicted for s in scores),
        sum(s.correct for s in scores),
    )
    return scores, total


def pairwise(threshold: float = 0.5) -> tuple[int, int]:
    """(correct, total) of same-content decisions on fixtures/alignment/pairs_gold.jsonl."""
    correct = total = 0
    for line in (GOLD / "pairs_gold.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        decided = similarity(item["a"], item["b"]) >= threshold
        correct += decided == item["same"]
        total += 1
    return correct, total


def _print(title: str, scores: list[Score], total: Score) -> None:
    print(f"\n{title}")
    print(f"{'pair':<14}{'gold':>6}{'found':>7}{'right':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for s in [*scores, total]:
        print(
            f"{s.name:<14}{s.gold:>6}{s.predicted:>7}{s.correct:>7}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
        )


# --- fitting the combination (development data only) ------------------------


def _design(
    pairs: Sequence[tuple[str, Document, Document, set[tuple[int, int]]]],
    semantic: bool,
    transformer: bool = False,
) -> tuple:
    import numpy as np

    rows, labels = [], []
    for _, a, b, gold in pairs:
        texts = [s.text for s in a.sentences] + [s.text for s in b.sentences]
        features = [sentence_features(t) for t in texts]
        scorer = Scorer(features, use_embeddings=semantic, transformer=transformer)
        n = len(a.sentences)
        for i in range(n):
            for j in range(len(b.sentences)):
                vector, _ = scorer.evidence(i, n + j)
                rows.append(vector)
                labels.append((i, j) in gold)
    return np.asarray(rows), np.asarray(labels, dtype=float)


def _logistic(x1, y):
    """Weights of an L2-regularised logistic regression by Newton steps (last column: bias)."""
    import numpy as np

    w = np.zeros(x1.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x1 @ w)))
        grad = x1.T @ (p - y) + 0.1 * np.r_[w[:-1], 0]
        hess = (x1 * (p * (1 - p))[:, None]).T @ x1 + 0.1 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def fit(
    pairs: Sequence[tuple[str, Document, Document, set[tuple[int, int]]]],
    semantic: bool,
    transformer: bool = False,
):
    """L2-regularised logistic regression (Newton steps); intercept shifted to best F1 at 0.5."""
    import numpy as np

    x, y = _design(pairs, semantic, transformer)
    lexical_only = FEATURES.index("semantic")
    if not semantic:
        x = x[:, :lexical_only]
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = _logistic(x1, y)
    z = x1 @ w
    best = (0.0, 0.0)
    for t in np.linspace(-4, 4, 161):
        pred = z >= t
        tp = float((pred & (y == 1)).sum())
        f1 = 2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0
        best = max(best, (f1, t))
    w[-1] -= best[1]
    padding = [] if semantic else [0.0] * (len(FEATURES) - lexical_only)
    weights = list(w[:-1]) + padding + [w[-1]]
    return [round(float(v), 3) for v in weights], best[0]


def fit_cheap(
    pairs: Sequence[tuple[str, Document, Document, set[tuple[int, int]]]],
    semantic: bool,
    transformer: bool = False,
) -> tuple[list[float], float]:
    """First-stage weights on lexical, containment, mass, semantic, and the lowest logit of a
    pair the shipped full model links (CHEAP_MIN must stay below it)."""
    import numpy as np

    from framediff.scoring import combine

    x, y = _design(pairs, semantic, transformer)
    full = np.array([combine(row, semantic, transformer) for row in x])
    columns = [FEATURES.index(n) for n in ("lexical", "containment", "mass", "semantic")]
    cheap = x[:, columns if semantic else columns[:3]]
    x1 = np.hstack([cheap, np.ones((len(cheap), 1))])
    w = _logistic(x1, y)
    lowest = float((x1 @ w)[full >= 0.5].min())
    weights = list(w[:-1]) + ([] if semantic else [0.0]) + [w[-1]]
    return [round(float(v), 3) for v in weights], round(lowest, 3)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit weights on the ECB+ gold")
    parser.add_argument("--heldout", action="store_true", help="fit on train, test on dev topics")
    parser.add_argument("--threshold", type=float, default=Settings().threshold)
    parser.add_argument(
        "--transformer", action="store_true", help="full MiniLM (framediff[transformer] extra)"
    )
    args = parser.parse_args(argv)
    settings = Settings(threshold=args.threshold, transformer=args.transformer)
    if args.fit or args.heldout:
        from framediff import scoring

        train = ecbplus_pairs("train" if args.heldout else "all")
        modes = [("lexical", False, False), ("semantic", True, False)]
        if args.transformer:
            modes.append(("transformer", True, True))
        for name, semantic, transformer in modes:
            cheap = fit_cheap(train, semantic, transformer)
            print(f"{name:<12} first stage {cheap}")
            weights, f1 = fit(train, semantic, transformer)
            print(f"{name:<12} weights {weights} (F1 {f1:.3f} on fit)")
            print(f"  features {[*FEATURES, 'bias']}")
            if args.heldout:
                setattr(scoring, f"WEIGHTS_{name.upper()}", tuple(weights))
        if args.heldout:
            _print("ECB+ dev topics (held out)", *evaluate(ecbplus_pairs("dev"), settings))
        return 0
    _print(
        "ECB+ development gold (the combination was fitted here)",
        *evaluate(ecbplus_pairs(), settings),
    )
    for name in ("seeds", "rewrites"):
        pairs = text_gold_pairs(name)
        scores, total = evaluate([p[:4] for p in pairs], settings)
        _print(f"{name} gold (held out)", scores, total)
        for pair_name, a, b, _, unlinked in pairs:
            linked = _links([a, b], settings)
            for side, index in unlinked:
                if any((i if side == "a" else j) == index for i, j in linked):
                    print(f"  {pair_name}: {side}{index} should link to nothing but does")
    correct, total = pairwise(args.threshold)
    print(f"\npairwise same-content accuracy: {correct}/{total} = {correct / total:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
