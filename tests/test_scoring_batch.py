"""The array computation of pair features (framediff/scoring/batch.py) against a plain,
pair-at-a-time reading of each feature's definition, on generated sentences."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sample_words import NEWS_WORDS

from framediff.scoring import FEATURES, SOFT_MIN, Scorer, sentence_features

WORDS = st.sampled_from(
    [
        *NEWS_WORDS,
        "3",
        "and",
        "Moscow",
        "talks",
        "relations",
        "ties",
        "war",
        "Ukraine",
        "fled",
        "escaped",
        "guards",
        "officers",
    ]
)
SENTENCE = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)
DOCUMENTS = st.lists(SENTENCE, min_size=2, max_size=7)


def reference(scorer: Scorer, i: int, j: int) -> dict[str, float]:
    """Every feature of one pair, straight from its definition."""
    x, y = scorer.features[i], scorer.features[j]
    idf = scorer.idf

    def weight(terms: set[str] | frozenset[str]) -> float:
        return sum(idf[t] for t in terms)

    shared_terms = x.terms & y.terms
    shared = weight(shared_terms)
    mass_x, mass_y, short = scorer.mass[i], scorer.mass[j], scorer.short_mass
    out = {
        "lexical": 2 * shared / (mass_x + mass_y) if mass_x + mass_y else 0.0,
        "containment": shared / max(min(mass_x, mass_y), short),
        "mass": math.log1p(shared) / 3.0,
    }
    clause = 0.0
    for own, other in ((x, y), (y, x)):
        for part in own.clauses:
            if len(part) >= 3 and weight(part):
                clause = max(clause, weight(part & other.terms) / weight(part))
    out["clause"] = clause
    nx, ny = scorer.names[i], scorer.names[j]
    out["names"] = len(nx & ny) / min(len(nx), len(ny)) if nx and ny else 0.0
    vx = {v for v, _ in x.numbers}
    vy = {v for v, _ in y.numbers}
    if not vx and not vy:
        out["numbers"] = 1.0
    elif not vx or not vy:
        out["numbers"] = 0.5
    else:
        out["numbers"] = len(vx & vy) / min(len(vx), len(vy))
    named_x = (nx | (ny & x.terms)) & x.terms
    named_y = (ny | (nx & y.terms)) & y.terms
    shared_content = weight(shared_terms - named_x)
    floor = max(min(weight(x.terms - named_x), weight(y.terms - named_y)), short)
    out["content"] = min(1.0, shared_content / floor) if shared_content > 0 else 0.0
    out["soft"] = _soft(scorer, i, j, shared) if scorer.term_vectors is not None else 0.0
    return out


def _soft(scorer: Scorer, i: int, j: int, shared: float) -> float:
    x, y = scorer.features[i], scorer.features[j]
    if not x.terms or not y.terms:
        return 0.0
    vectors = scorer.term_vectors
    assert vectors is not None
    # The word-vector table has a row per term with a surface word, in sorted order, and a
    # last zero row for numbers.
    ordered = sorted({t for item in scorer.features for t, _ in item.surfaces})

    def vector(term: str) -> np.ndarray:
        return vectors[ordered.index(term)] if term in ordered else vectors[-1]

    def credit(own: frozenset[str], other: frozenset[str]) -> float:
        total = 0.0
        for t in own - other:
            best = max(float(vector(t) @ vector(u)) for u in other)
            if best >= SOFT_MIN:
                total += scorer.idf[t] * best
        return total

    cover_x = (shared + credit(x.terms, y.terms)) / max(scorer.mass[i], scorer.short_mass)
    cover_y = (shared + credit(y.terms, x.terms)) / max(scorer.mass[j], scorer.short_mass)
    return min(1.0, max(cover_x, cover_y))


@settings(max_examples=60, deadline=None)
@given(DOCUMENTS, st.booleans())
# A word that is a name in one sentence only (sentence-initial in the other).
@example(["Lavrov met Wang", "the police said Lavrov met"], True)
# Clauses, numbers on one side, a soft match.
@example(["12 people died ; guards fled Moscow", "officers escaped , which the police said"], True)
def test_batch_features_equal_their_definitions(texts: list[str], embeddings: bool) -> None:
    scorer = Scorer([sentence_features(t) for t in texts], use_embeddings=embeddings)
    pairs = [(i, j) for i in range(len(texts)) for j in range(len(texts)) if i != j]
    vectors = scorer.evidence_array(pairs)
    checked = ["lexical", "containment", "clause", "names", "numbers", "mass", "content"]
    if scorer.term_vectors is not None:
        checked.append("soft")
    for row, (i, j) in zip(vectors, pairs, strict=True):
        expected = reference(scorer, i, j)
        for name in checked:
            got = row[FEATURES.index(name)]
            assert math.isclose(got, expected[name], rel_tol=1e-5, abs_tol=1e-6), (
                name,
                texts[i],
                texts[j],
                got,
                expected[name],
            )


def test_link_weights_are_keyed_by_feature_name() -> None:
    """Each weight vector is built from names, so a weight cannot sit on the wrong feature;
    a missing or unknown name is refused."""
    import pytest

    from framediff import scoring

    vector = scoring._by_name(
        {name: float(n) for n, name in enumerate(scoring.FEATURES)} | {"intercept": -1.0},
        scoring.FEATURES,
    )
    assert vector == (*(float(n) for n in range(len(scoring.FEATURES))), -1.0)
    assert len(scoring.WEIGHTS_SEMANTIC) == len(scoring.FEATURES) + 1
    assert len(scoring.CHEAP_SEMANTIC) == len(scoring.CHEAP_FEATURES) + 1
    with pytest.raises(ValueError):
        scoring._by_name({"lexical": 1.0, "intercept": 0.0}, scoring.FEATURES)
    with pytest.raises(ValueError):
        scoring._by_name(
            {name: 0.0 for name in scoring.CHEAP_FEATURES} | {"intercept": 0.0, "bogus": 1.0},
            scoring.CHEAP_FEATURES,
        )


def test_alignment_runs_blas_on_one_thread_even_before_numpy_is_loaded() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from framediff.scoring.batch import one_blas_thread\n"
        "assert 'numpy' not in sys.modules\n"
        "with one_blas_thread():\n"
        "    from threadpoolctl import threadpool_info\n"
        "    blas = [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas']\n"
        "print(blas)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "[1]"
