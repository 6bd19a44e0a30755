"""Alignment quality against hand-labelled gold: precision, recall and F1 of linked pairs per
article pair and overall, and pairwise same-content accuracy.

    python benchmarks/eval_alignment.py            # every gold set, shipped settings
    python benchmarks/eval_alignment.py --fit      # refit the combination on ECB+ (dev data)
    python benchmarks/eval_alignment.py --heldout  # fit on ECB+ train topics, score dev topics
    python benchmarks/eval_alignment.py --loto     # leave-one-topic-out over all the real gold

Gold sets (fixtures/alignment/): ECB+ development gold (12 real article pairs; the weights in
framediff/scoring.py were fitted on it), the long-article ECB+ gold (22 pairs of 25-60
sentences: links by index in ecbplus_long_gold.json, sentences read from
../shared/data/ecbplus-dev, skipped when that is absent), seeds 000/001/003, composed
rewrites, and 208 labelled sentence pairs. Floors are asserted by tests/test_eval_alignment.py.

``--ceiling`` prints what the combined pair scores themselves allow on the real gold, before
any clustering: F1 at the best one threshold and at the best threshold for each article pair
(an oracle), and how the gold links' scores spread.

``--loto`` is the figure that says how the aligner does on coverage it was not fitted to: for
each topic of the real gold (both ECB+ sets), the combination and its threshold are fitted
on the other topics' pairs and the aligner scores that topic's pairs; whole-sentence TF-IDF
cosine gets its threshold the same way. It prints F1 per gold set and overall, beside the
shipped (in-sample) figures, and recall per gold label.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# The gold sets a fit may use: the shipped weights are fitted on "dev" (see README: fitted
# on all the real gold, links score better on long articles but more claims are wrongly
# reported absent).
TRAIN_SETS = {"dev": ("ecbplus-dev",), "all": ("ecbplus-dev", "ecbplus-long")}
LONG_PAIRS = GOLD / "ecbplus_long_gold.json"
SHARED_ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"


@dataclass(frozen=True)
class GoldPair:
    """One real article pair of a gold set, with its labelled links."""

    name: str
    gold_set: str
    topic: int
    a: Document
    b: Document
    labels: dict[tuple[int, int], str]

    @property
    def links(self) -> set[tuple[int, int]]:
        return set(self.labels)


def real_gold() -> list[GoldPair]:
    """Every real article pair: the ECB+ development gold and, where ../shared/data holds
    the articles, the long-article gold."""
    data = json.loads((GOLD / "ecbplus_dev_gold.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    out = [
        _gold_pair(pair, "ecbplus-dev", articles[pair["a"]], articles[pair["b"]])
        for pair in data["pairs"]
    ]
    if LONG_PAIRS.exists() and SHARED_ECBPLUS.exists():
        wanted = json.loads(LONG_PAIRS.read_text(encoding="utf-8"))["pairs"]
        ids = {p[k] for p in wanted for k in ("a", "b")}
        with SHARED_ECBPLUS.open(encoding="utf-8") as handle:
            rows = (json.loads(line) for line in handle if line.strip())
            shared = {r["id"]: r for r in rows if r["id"] in ids}
        out += [_gold_pair(p, "ecbplus-long", shared[p["a"]], shared[p["b"]]) for p in wanted]
    return out


def _gold_pair(pair: dict, gold_set: str, a: dict, b: dict) -> GoldPair:
    if (len(a["sentences"]), len(b["sentences"])) != (pair["n_a"], pair["n_b"]):
        raise ValueError(f"{pair['a']}/{pair['b']}: sentence counts differ from the gold's")
    return GoldPair(
        name=f"{pair['a']}/{pair['b']}",
        gold_set=gold_set,
        topic=int(a["topic"]),
        a=_presplit_document("s1", a["sentences"]),
        b=_presplit_document("s2", b["sentences"]),
        labels={(x["i"], x["j"]): x["label"] for x in pair["aligned"]},
    )


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
        x, y = _pair_design(a, b, frozenset(gold), semantic, transformer)
        rows.append(x)
        labels.append(y)
    return np.vstack(rows), np.concatenate(labels)


_DESIGNS: dict[tuple, tuple] = {}


def _pair_design(
    a: Document, b: Document, gold: frozenset[tuple[int, int]], semantic: bool, transformer: bool
) -> tuple:
    """Evidence rows of every sentence pair of one article pair and their gold labels (cached:
    leave-one-topic-out refits on the same pairs many times)."""
    import numpy as np

    key = (id(a), id(b), semantic, transformer)
    if key not in _DESIGNS:
        texts = [s.text for s in a.sentences] + [s.text for s in b.sentences]
        features = [sentence_features(t) for t in texts]
        scorer = Scorer(features, use_embeddings=semantic, transformer=transformer)
        n, m = len(a.sentences), len(b.sentences)
        index = [(i, n + j) for i in range(n) for j in range(m)]
        x = np.asarray(scorer.evidence_many(index))
        y = np.asarray([(i, j) in gold for i in range(n) for j in range(m)], dtype=float)
        _DESIGNS[key] = (x, y)
    return _DESIGNS[key]


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


# --- leave-one-topic-out ------------------------------------------------------


def _as_tuples(pairs: Sequence[GoldPair]) -> list[tuple[str, Document, Document, set]]:
    return [(p.name, p.a, p.b, p.links) for p in pairs]


def _fitted(train: Sequence[GoldPair]) -> None:
    """Sets the shipped combination (static-model weights and first stage) to a fit on
    ``train``, as --fit would."""
    from framediff import scoring

    weights, _ = fit(_as_tuples(train), semantic=True)
    scoring.WEIGHTS_SEMANTIC = tuple(weights)
    cheap, _ = fit_cheap(_as_tuples(train), semantic=True)
    scoring.CHEAP_SEMANTIC = tuple(cheap)


def _tokens(text: str) -> list[str]:
    import re

    return re.findall(r"(?u)\b\w\w+\b", text.lower())


def tfidf_cosines(a: Document, b: Document):
    """Whole-sentence TF-IDF cosine of every pair (a row per sentence of a): smoothed IDF over
    the pair's sentences, l2-normalised, as scikit-learn's TfidfVectorizer defaults."""
    import math

    import numpy as np

    docs = [_tokens(s.text) for s in a.sentences] + [_tokens(s.text) for s in b.sentences]
    vocabulary = {w: k for k, w in enumerate(sorted({w for d in docs for w in d}))}
    matrix = np.zeros((len(docs), len(vocabulary)))
    for row, words in enumerate(docs):
        for word in words:
            matrix[row, vocabulary[word]] += 1
    df = (matrix > 0).sum(axis=0)
    n = len(docs)
    idf = np.asarray([math.log((1 + n) / (1 + d)) + 1 for d in df])
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    first = len(a.sentences)
    return matrix[:first] @ matrix[first:].T


def _tfidf_links(pair: GoldPair, threshold: float) -> set[tuple[int, int]]:
    import numpy as np

    cosines = tfidf_cosines(pair.a, pair.b)
    return {(int(i), int(j)) for i, j in np.argwhere(cosines >= threshold)}


def _best_tfidf_threshold(train: Sequence[GoldPair]) -> float:
    import numpy as np

    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    cosines = [(tfidf_cosines(p.a, p.b), p.links) for p in train]
    gold = sum(len(links) for _, links in cosines)
    best = (-1.0, 0.5)
    for t in grid.tolist():
        found = right = 0
        for matrix, links in cosines:
            hits = np.argwhere(matrix >= t)
            found += len(hits)
            right += sum((int(i), int(j)) in links for i, j in hits)
        f1 = 2 * right / (found + gold) if found + gold else 0.0
        best = max(best, (f1, -t))
    return -best[1]


@dataclass
class Tally:
    """Scores per gold set and recall per gold label, summed over held-out pairs."""

    sets: dict[str, Score]
    labels: dict[str, list[int]]

    @classmethod
    def empty(cls) -> Tally:
        return cls({}, {})

    def add(self, pair: GoldPair, predicted: set[tuple[int, int]]) -> None:
        for name in (pair.gold_set, "overall"):
            s = self.sets.setdefault(name, Score(name, 0, 0, 0))
            s.gold += len(pair.links)
            s.predicted += len(predicted)
            s.correct += len(pair.links & predicted)
        for link, label in pair.labels.items():
            counts = self.labels.setdefault(label, [0, 0])
            counts[0] += link in predicted
            counts[1] += 1


def leave_one_topic_out(
    pairs: Sequence[GoldPair], settings: Settings, train_sets: Sequence[str] = ("ecbplus-dev",)
) -> dict[str, Tally]:
    """Each topic's pairs scored by an aligner (and a TF-IDF threshold) fitted on the other
    topics' pairs of ``train_sets``: "aligner" and "tfidf" out of sample, "shipped" with the
    shipped weights."""
    from framediff import scoring

    tallies = {"shipped": Tally.empty(), "aligner": Tally.empty(), "tfidf": Tally.empty()}
    for pair in pairs:
        tallies["shipped"].add(pair, _links([pair.a, pair.b], settings))
    saved = (scoring.WEIGHTS_SEMANTIC, scoring.CHEAP_SEMANTIC)
    try:
        for topic in sorted({p.topic for p in pairs}):
            train = [p for p in pairs if p.topic != topic and p.gold_set in train_sets]
            held = [p for p in pairs if p.topic == topic]
            _fitted(train)
            threshold = _best_tfidf_threshold(train)
            for pair in held:
                tallies["aligner"].add(pair, _links([pair.a, pair.b], settings))
                tallies["tfidf"].add(pair, _tfidf_links(pair, threshold))
    finally:
        scoring.WEIGHTS_SEMANTIC, scoring.CHEAP_SEMANTIC = saved
    return tallies


def _print_loto(tallies: dict[str, Tally]) -> None:
    print("\nLeave-one-topic-out over the real gold (fit on the other topics, score this one)")
    sets = list(tallies["shipped"].sets)
    print(
        f"{'gold set':<14}{'method':<10}{'gold':>6}{'found':>7}{'right':>7}{'P':>7}{'R':>7}{'F1':>7}"
    )
    for name in sets:
        for method, label in (
            ("shipped", "in-sample"),
            ("aligner", "aligner"),
            ("tfidf", "tf-idf"),
        ):
            s = tallies[method].sets[name]
            print(
                f"{name:<14}{label:<10}{s.gold:>6}{s.predicted:>7}{s.correct:>7}"
                f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
            )
    print("\nrecall per gold label (out of sample)")
    print(f"{'label':<13}{'gold':>6}{'aligner':>9}{'tf-idf':>9}")
    for label in ("same", "paraphrase", "partial", "contradicts"):
        found, total = tallies["aligner"].labels.get(label, [0, 0])
        base = tallies["tfidf"].labels.get(label, [0, 0])[0]
        if total:
            print(f"{label:<13}{total:>6}{found / total:>9.3f}{base / total:>9.3f}")


def pair_scores(pair: GoldPair, settings: Settings) -> tuple[Any, Any]:
    """Every sentence pair's combined score (rows: a's sentences, columns: b's), before any
    threshold or clustering, and where the gold links."""
    import numpy as np

    features = [sentence_features(s.text) for s in (*pair.a.sentences, *pair.b.sentences)]
    scorer = Scorer(features, transformer=settings.transformer)
    rows, columns = len(pair.a.sentences), len(pair.b.sentences)
    index = np.array([(i, rows + j) for i in range(rows) for j in range(columns)], dtype=np.intp)
    scores = scorer.score_array(index)[0].reshape(rows, columns)
    gold = np.zeros((rows, columns), dtype=bool)
    for i, j in pair.links:
        gold[i, j] = True
    return scores, gold


def ceiling(pairs: Sequence[GoldPair], settings: Settings) -> None:
    """What the pair scores themselves allow, in sample: F1 over all the real gold at the
    best one threshold, and with the best threshold chosen for each article pair (an oracle
    no aligner has); plus how the gold links' scores spread. A threshold, a normalisation
    within each pair or a clustering rule can do no better than the oracle."""
    import numpy as np

    scored = [pair_scores(pair, settings) for pair in pairs]
    cuts = np.linspace(0.05, 0.99, 95)

    def counts(scores: Any, gold: Any, cut: float) -> tuple[int, int, int]:
        linked = scores >= cut
        return int((linked & gold).sum()), int(linked.sum()), int(gold.sum())

    def f1(right: int, found: int, total: int) -> float:
        return 2 * right / (found + total) if found + total else 0.0

    one = max(
        (f1(*map(sum, zip(*(counts(s, g, cut) for s, g in scored), strict=True))), cut)
        for cut in cuts
    )
    best_each = [max((counts(s, g, cut) for cut in cuts), key=lambda c: f1(*c)) for s, g in scored]
    oracle = f1(*map(sum, zip(*best_each, strict=True)))
    linked = np.concatenate([s[g] for s, g in scored])
    print(
        f"\nWhat the pair scores allow ({len(pairs)} real article pairs, {len(linked)} gold links)"
    )
    print(f"best one threshold ({one[1]:.2f}), before clustering: F1 {one[0]:.3f}")
    print(f"best threshold for each article pair (oracle): F1 {oracle:.3f}")
    quartiles = ", ".join(f"{q:.2f}" for q in np.quantile(linked, [0.1, 0.25, 0.5, 0.75, 0.9]))
    print(f"gold links' scores at the 10/25/50/75/90th percentiles: {quartiles}")
    for cut in (0.1, 0.3, 0.5):
        others = sum(int((s[~g] >= cut).sum()) for s, g in scored)
        print(
            f"gold links scoring below {cut}: {np.mean(linked < cut):.2f}; other pairs at or above: {others}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit weights on the ECB+ gold")
    parser.add_argument("--heldout", action="store_true", help="fit on train, test on dev topics")
    parser.add_argument("--threshold", type=float, default=Settings().threshold)
    parser.add_argument(
        "--transformer", action="store_true", help="full MiniLM (framediff[transformer] extra)"
    )
    parser.add_argument(
        "--loto", action="store_true", help="leave-one-topic-out over all the real gold"
    )
    parser.add_argument(
        "--ceiling", action="store_true", help="what the pair scores allow, any threshold"
    )
    parser.add_argument(
        "--train",
        choices=("dev", "all"),
        default="dev",
        help="fit on the ECB+ development gold (as shipped) or on all the real gold",
    )
    args = parser.parse_args(argv)
    settings = Settings(threshold=args.threshold, transformer=args.transformer)
    if args.ceiling:
        ceiling(real_gold(), settings)
        return 0
    if args.loto:
        train_sets = TRAIN_SETS[args.train]
        _print_loto(leave_one_topic_out(real_gold(), settings, train_sets))
        return 0
    if args.fit or args.heldout:
        from framediff import scoring

        # --heldout: the first gold's train topics; --fit: the gold sets of --train.
        chosen = [p for p in real_gold() if p.gold_set in TRAIN_SETS[args.train]]
        train = ecbplus_pairs("train") if args.heldout else _as_tuples(chosen)
        modes = [("lexical", False, False), ("semantic", True, False)]
        if args.transformer:
            modes.append(("transformer", True, True))
        for name, semantic, transformer in modes:
            weights, f1 = fit(train, semantic, transformer)
            print(f"{name:<12} weights {weights} (F1 {f1:.3f} on fit)")
            print(f"  features {[*FEATURES, 'bias']}")
            # The first stage is fitted against the full model just fitted (its lowest
            # linked logit), so that model is set first.
            saved = getattr(scoring, f"WEIGHTS_{name.upper()}")
            setattr(scoring, f"WEIGHTS_{name.upper()}", tuple(weights))
            cheap = fit_cheap(train, semantic, transformer)
            print(f"{name:<12} first stage {cheap}")
            if not args.heldout:
                setattr(scoring, f"WEIGHTS_{name.upper()}", saved)
        if args.heldout:
            _print("ECB+ dev topics (held out)", *evaluate(ecbplus_pairs("dev"), settings))
        return 0
    _print(
        "ECB+ development gold (in sample: the combination was fitted here)",
        *evaluate(ecbplus_pairs(), settings),
    )
    long_pairs = [p for p in real_gold() if p.gold_set == "ecbplus-long"]
    if long_pairs:
        _print("ECB+ long-article gold (held out)", *evaluate(_as_tuples(long_pairs), settings))
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
