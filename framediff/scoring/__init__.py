"""Sentence similarity: the score's components and their combination, and word-level
opcodes. Owns *how alike two sentences are*; which pairs to score and how links become
clusters belong to ``framediff.alignment``.

A ``Scorer`` holds one comparison's sentences (features from ``features.py``, computed
once), IDF weights over them and the optional static embeddings (``framediff.embed``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from framediff.model import Opcode, Signals
from framediff.scoring.batch import PairContext, pair_features, term_arrays
from framediff.scoring.features import SentenceFeatures, normalize_word, sentence_features
from framediff.scoring.spelling import fold_variant
from framediff.text import WORD_RE, fold_punctuation

if TYPE_CHECKING:
    from typing import TypeAlias

    import numpy

    # Sentence pairs (i, j): a sequence of tuples or an integer array with a row per pair.
    PairsLike: TypeAlias = Sequence[tuple[int, int]] | numpy.ndarray

__all__ = [
    "FEATURES",
    "Scorer",
    "SentenceFeatures",
    "combine",
    "normalize_word",
    "numbers_conflict",
    "sentence_features",
    "signals_of",
    "similarity",
    "word_opcodes",
]

# --- the combination: the one place that turns evidence into a score -------

# Logistic weights over the features of ``Scorer.evidence``, fitted on the ECB+ development
# gold (benchmarks/eval_alignment.py --fit), the intercept shifted so that the best-F1
# threshold there maps to 0.5 (Settings.threshold). Two sets: with and without the static
# embedding, which may be unavailable.
FEATURES = (
    "lexical",
    "containment",
    "clause",
    "characters",
    "names",
    "numbers",
    "mass",
    "content",
    "semantic",
    "soft",
)
# The features the first stage (``Scorer.prefilter``) reads, a subset of ``FEATURES``.
CHEAP_FEATURES = ("lexical", "containment", "mass", "semantic")


def _by_name(weights: dict[str, float], features: tuple[str, ...]) -> tuple[float, ...]:
    """Weights given by feature name, as the vector the scorer multiplies: ``features``
    order, then the intercept. A missing or unknown name fails at import, so a weight can
    never drift onto the wrong feature."""
    if set(weights) != {*features, "intercept"}:
        raise ValueError(f"weights {sorted(weights)} do not name exactly {features} + intercept")
    return (*(weights[name] for name in features), weights["intercept"])


# The fewest content words a side counts as when measuring containment.
SHORT_TERMS = 3.0
# Added to every IDF (scikit-learn smooths with 1.0): lower makes words shared by many
# sentences of the comparison (its topic: names, "foreign minister") count for less.
IDF_OFFSET = 0.2
# Pseudo-sentences of general English added to the IDF counts, and words per sentence.
BACKGROUND = 10.0
WORDS_PER_SENTENCE = 20.0
# Word-embedding cosine from which an unmatched word counts as a soft match.
SOFT_MIN = 0.6
WEIGHTS_SEMANTIC = _by_name(
    {
        "lexical": 2.275,
        "containment": -0.547,
        "clause": 0.062,
        "characters": -0.185,
        "names": 0.151,
        "numbers": -0.225,
        "mass": 2.864,
        "content": 2.173,
        "semantic": 0.979,
        "soft": 5.69,
        "intercept": -4.519,
    },
    FEATURES,
)
# The first stage (``Scorer.prefilter``): a logistic model on the cheap features lexical,
# containment, mass and semantic, fitted on the same data; pairs below CHEAP_MIN (a
# logit) are not scored in full. The lowest first-stage logit of a pair the full model links
# there is -1.63 (-0.73 without embeddings), so CHEAP_MIN leaves a margin.
CHEAP_SEMANTIC = _by_name(
    {"lexical": 3.21, "containment": 5.414, "mass": 3.237, "semantic": 1.442, "intercept": -5.734},
    CHEAP_FEATURES,
)
CHEAP_LEXICAL = _by_name(
    {"lexical": 3.758, "containment": 5.185, "mass": 3.611, "semantic": 0.0, "intercept": -5.203},
    CHEAP_FEATURES,
)
CHEAP_MIN = -2.0
WEIGHTS_LEXICAL = _by_name(
    {
        "lexical": 3.134,
        "containment": 3.399,
        "clause": 0.307,
        "characters": -0.007,
        "names": 0.282,
        "numbers": -0.164,
        "mass": 3.266,
        "content": 2.765,
        "semantic": 0.0,
        "soft": 0.0,
        "intercept": -4.438,
    },
    FEATURES,
)


# The least score of two sentences that share a quotation (QUOTE_SHINGLE words in a row
# inside quotation marks): they carry the same quoted claim, which the gold's rules count as
# a link however differently the rest of the sentences are built.
QUOTE_LINK = 0.9


# The same two fits with the full MiniLM's sentence cosine as ``semantic`` (the
# ``framediff[transformer]`` extra; word-level soft matches keep the static model).
# Lowest first-stage logit of a pair the full model links there: -1.64.
WEIGHTS_TRANSFORMER = _by_name(
    {
        "lexical": 1.477,
        "containment": 0.003,
        "clause": 0.038,
        "characters": -0.71,
        "names": -0.048,
        "numbers": -0.071,
        "mass": 2.579,
        "content": 1.926,
        "semantic": 2.943,
        "soft": 5.058,
        "intercept": -4.69,
    },
    FEATURES,
)
CHEAP_TRANSFORMER = _by_name(
    {"lexical": 2.111, "containment": 5.423, "mass": 2.78, "semantic": 3.137, "intercept": -5.914},
    CHEAP_FEATURES,
)


def combination(semantic: bool, transformer: bool = False) -> tuple[tuple[float, ...], ...]:
    """The full and the first-stage weights for the sentence vectors a scorer has: none
    (lexical), the static model's (semantic) or the full MiniLM's (transformer)."""
    if transformer:
        return WEIGHTS_TRANSFORMER, CHEAP_TRANSFORMER
    if semantic:
        return WEIGHTS_SEMANTIC, CHEAP_SEMANTIC
    return WEIGHTS_LEXICAL, CHEAP_LEXICAL


def combine(evidence: Sequence[float], semantic: bool, transformer: bool = False) -> float:
    """The link score in [0, 1] from the evidence vector (order of ``FEATURES``)."""
    weights = combination(semantic, transformer)[0]
    z = weights[-1] + math.fsum(w * x for w, x in zip(weights, evidence, strict=False))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# --- scoring ---------------------------------------------------------------


def _embed(texts: Sequence[str], transformer: bool = False) -> numpy.ndarray | None:
    """Sentence embeddings when ``framediff.embed`` and its model are present: the bundled
    static model, or with ``transformer`` the full MiniLM, whose absence is an error (the
    user asked for it) rather than a silent fallback."""
    if transformer:
        from framediff import embed

        return embed.embed_sentences(list(texts), transformer=True)
    from framediff import embed

    try:
        if not embed.model_available():
            return None
        return embed.embed_sentences(list(texts))
    except Exception:  # a broken model must not break alignment: fall back to lexical
        return None


class Scorer:
    """Scores sentence pairs of one comparison: IDF over its sentences, optional embeddings."""

    def __init__(
        self,
        features: Sequence[SentenceFeatures],
        use_embeddings: bool = True,
        transformer: bool = False,
    ) -> None:
        import numpy as np

        self.features = list(features)
        df: dict[str, int] = {}
        for item in self.features:
            for term in item.terms:
                df[term] = df.get(term, 0) + 1
        n = len(self.features)
        surfaces = {t: w for item in self.features for t, w in item.surfaces}
        # IDF over the comparison's sentences plus BACKGROUND pseudo-sentences of general
        # English (wordfreq): two sentences alone cannot tell "minister" from "handcuffed".
        prior = _background(surfaces)
        self.idf = {
            term: math.log((1 + n + BACKGROUND) / (1 + count + BACKGROUND * prior.get(term, 0.0)))
            + IDF_OFFSET
            for term, count in df.items()
        }
        self.mass = np.asarray([self.weight(item.terms) for item in self.features], dtype=float)
        # A headline's capitals are names where some other sentence writes them as names.
        known = frozenset().union(*(item.names for item in self.features))
        self.names = [item.names | (item.weak_names & known) for item in self.features]
        # Containment of a one- or two-word side proves little ("I partied." in any sentence
        # about partying): the shorter side counts as at least SHORT_TERMS average terms.
        average = math.fsum(self.idf.values()) / len(self.idf) if self.idf else 1.0
        self.short_mass = SHORT_TERMS * average
        self.transformer = transformer and use_embeddings
        texts = [f.text for f in self.features]
        self.vectors = _embed(texts, self.transformer) if use_embeddings else None
        if self.vectors is not None:
            # float64: BLAS runs small float32 products far slower here, and sums stay exact.
            self.vectors = self.vectors.astype("float64")
        self.term_vectors: numpy.ndarray | None = None
        vector_row: dict[str, int] = {}
        if self.vectors is not None:
            ordered = sorted(surfaces)
            words_vectors = _embed([surfaces[t] for t in ordered])
            if words_vectors is not None:
                # A zero row last: numbers have no word vector and never match softly.
                zero = np.zeros((1, words_vectors.shape[1]), dtype=words_vectors.dtype)
                # float32 (unlike the sentence vectors): each run of pairs gathers its
                # partners' word rows afresh, and halving the bytes copied saved a sixth of
                # the scoring time; the cosines are only compared with SOFT_MIN and weighted.
                self.term_vectors = np.vstack([words_vectors, zero]).astype("float32")
                vector_row = {t: n for n, t in enumerate(ordered)}
        self.arrays = term_arrays(self.features, self.idf, vector_row, len(vector_row), self.names)
        self.context = PairContext(
            self.arrays, self.mass, self.short_mass, self.term_vectors, SOFT_MIN
        )
        self.keys = [item.key for item in self.features]
        # Identical text scores 1.0 and a dateline 0.0 whatever the features say.
        key_id: dict[str, int] = {}
        self.key_ids = np.asarray([key_id.setdefault(key, len(key_id)) for key in self.keys])
        self.claimless = np.asarray([item.claimless for item in self.features], dtype=bool)
        self.quoting = np.asarray([bool(item.quote_shingles) for item in self.features])

    @property
    def weights(self) -> tuple[float, ...]:
        """The combination's weights for the embeddings this scorer has."""
        return combination(self.vectors is not None, self.transformer)[0]

    def weight(self, terms: Iterable[str]) -> float:
        idf = self.idf
        return math.fsum([idf.get(term, 1.0) for term in terms])

    def prefilter(
        self, pairs: PairsLike, shared: Sequence[float] | numpy.ndarray | None = None
    ) -> numpy.ndarray:
        """The pairs (an array, a row per pair) whose cheap features (overlap, containment,
        shared mass, sentence cosine) could still reach a link: a fitted first stage that
        spares the full scorer.

        ``shared`` may give an upper bound of each pair's shared IDF mass (the candidate
        index has one); every cheap feature grows with it, so a bound never drops a pair.
        """
        import numpy as np

        index = _pair_array(pairs)
        if not len(index):
            return index
        weights = combination(self.vectors is not None, self.transformer)[1]
        if shared is None:
            features = self.features
            shared = [self.weight(features[i].terms & features[j].terms) for i, j in index.tolist()]
        common = np.asarray(shared, dtype=float)
        mass = self.mass
        wx, wy = mass[index[:, 0]], mass[index[:, 1]]
        # One column per name of CHEAP_FEATURES, in its order.
        columns = np.zeros((len(index), len(CHEAP_FEATURES)))
        columns[:, 0] = np.divide(2 * common, wx + wy, out=np.zeros_like(common), where=wx + wy > 0)
        shorter = np.maximum(np.minimum(wx, wy), self.short_mass)
        columns[:, 1] = np.divide(common, shorter, out=np.zeros_like(common), where=shorter > 0)
        columns[:, 2] = np.log1p(common) / 3.0
        if self.vectors is not None:
            columns[:, 3] = self._cosines(index[:, 0], index[:, 1])
        z = columns @ np.asarray(weights[:-1]) + weights[-1]
        return index[z >= CHEAP_MIN]

    def evidence_many(self, pairs: PairsLike) -> list[list[float]]:
        """Feature vectors (``FEATURES`` order) of many pairs, in their order."""
        result: list[list[float]] = self.evidence_array(pairs).tolist()
        return result

    def evidence_array(self, pairs: PairsLike) -> numpy.ndarray:
        """Feature vectors of many pairs as one array, a row per pair in their order."""
        import numpy as np
        from rapidfuzz.fuzz import ratio
        from rapidfuzz.process import cpdist

        index = _pair_array(pairs)
        out = np.zeros((len(index), len(FEATURES)))
        if not len(index):
            return out
        first, second = index[:, 0].copy(), index[:, 1].copy()
        # Every feature is symmetric: the sentence with more pairs goes first, and pairs are
        # sorted by it, so soft cover multiplies each sentence's words with many partners'.
        degree = np.bincount(index.ravel(), minlength=len(self.features))
        swap = (degree[second] > degree[first]) | (
            (degree[second] == degree[first]) & (second < first)
        )
        first[swap], second[swap] = second[swap], first[swap]
        order = np.lexsort((second, first))
        first, second = first[order], second[order]
        mass, short = self.mass, self.short_mass
        found = pair_features(self.context, first, second)
        shared = found.shared
        wx, wy = mass[first], mass[second]
        total = wx + wy
        lexical = np.divide(2 * shared, total, out=np.zeros_like(shared), where=total > 0)
        containment = (
            shared / np.maximum(np.minimum(wx, wy), short) if short else np.zeros_like(shared)
        )
        semantic = np.zeros(len(first))
        if self.vectors is not None:
            semantic = np.clip(self._cosines(first, second), 0.0, 1.0)
        soft = found.soft if found.soft is not None else containment
        keys = self.keys
        characters = (
            cpdist(
                [keys[k] for k in first.tolist()],
                [keys[k] for k in second.tolist()],
                scorer=ratio,
                dtype=np.float64,
            )
            / 100.0
        )
        out[order] = np.column_stack(
            [
                lexical,
                containment,
                found.clause,
                characters,
                found.names,
                found.numbers,
                np.log1p(shared) / 3.0,
                found.content,
                semantic,
                soft,
            ]
        )
        return out

    def _cosines(self, first: numpy.ndarray, second: numpy.ndarray) -> numpy.ndarray:
        """Sentence-vector cosines of pairs (first[k], second[k]); needs ``self.vectors``."""
        import numpy as np

        assert self.vectors is not None
        out = np.zeros(len(first))
        # In blocks small enough to stay in cache: gathering two rows per pair at once would
        # copy hundreds of MB, and 512 rows ran twice as fast as 8,192.
        for start in range(0, len(first), 512):
            stop = start + 512
            out[start:stop] = np.einsum(
                "ij,ij->i", self.vectors[first[start:stop]], self.vectors[second[start:stop]]
            )
        return out

    def evidence(self, i: int, j: int) -> tuple[list[float], Signals]:
        """The feature vector (``FEATURES`` order) and the signals of sentences i and j."""
        vector = self.evidence_many([(i, j)])[0]
        return vector, signals_of(vector)

    def score_many(self, pairs: PairsLike) -> list[tuple[float, list[float]]]:
        """Combined scores (1.0 for identical text, 0.0 with a dateline) and feature vectors."""
        scores, vectors = self.score_array(pairs)
        return list(zip(scores.tolist(), vectors.tolist(), strict=True))

    def score_array(self, pairs: PairsLike) -> tuple[numpy.ndarray, numpy.ndarray]:
        """``score_many`` as arrays: the scores, and the feature vectors a row per pair."""
        import numpy as np

        index = _pair_array(pairs)
        vectors = self.evidence_array(index)
        weights = np.asarray(self.weights)
        z = vectors @ weights[:-1] + weights[-1]
        scores = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        first, second = index[:, 0], index[:, 1]
        claimless = self.claimless[first] | self.claimless[second]
        scores[claimless] = 0.0
        quoting = self.quoting[first] & self.quoting[second]
        if quoting.any():
            features = self.features
            shared = np.zeros(len(index), dtype=bool)
            for k in np.flatnonzero(quoting).tolist():
                i, j = int(first[k]), int(second[k])
                shared[k] = bool(features[i].quote_shingles & features[j].quote_shingles)
            scores[shared] = np.maximum(scores[shared], QUOTE_LINK)
        scores[self.key_ids[first] == self.key_ids[second]] = 1.0
        return scores, vectors

    def quote_pairs(self, owners: Sequence[int]) -> numpy.ndarray:
        """Pairs (i, j), i < j, of sentences of different documents (``owners[i]`` is i's
        document) that share a quotation, whatever else they share: candidates the term
        index may miss when the quoted words are mostly function words ("There is no deal
        until there's a deal")."""
        import numpy as np

        postings: dict[str, list[int]] = {}
        for index, item in enumerate(self.features):
            for shingle in item.quote_shingles:
                postings.setdefault(shingle, []).append(index)
        pairs = {
            (i, j)
            for members in postings.values()
            for position, i in enumerate(members)
            for j in members[position + 1 :]
            if owners[i] != owners[j]
        }
        return np.asarray(sorted(pairs), dtype=np.intp).reshape(-1, 2)

    def score(self, i: int, j: int) -> tuple[float, Signals]:
        """The combined score of sentences i and j and its signals."""
        score, vector = self.score_many([(i, j)])[0]
        return score, signals_of(vector)


def _pair_array(pairs: PairsLike) -> numpy.ndarray:
    """Pairs as an integer array, a row (i, j) per pair."""
    import numpy as np

    return np.asarray(pairs, dtype=np.intp).reshape(-1, 2)


def _background(surfaces: dict[str, str]) -> dict[str, float]:
    """Share of general-English sentences holding each term's word (wordfreq), where known."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        return {}
    from framediff import frequency

    frequency.prefetch(surfaces.values(), "en")
    return {
        term: min(1.0, WORDS_PER_SENTENCE * frequency.word_frequency(word, "en"))
        for term, word in surfaces.items()
    }


def signals_of(vector: Sequence[float]) -> Signals:
    """The signals a reader sees, from a feature vector (``FEATURES`` order)."""
    lexical, containment, _, characters, names, numbers, _, _, semantic, _ = vector
    return Signals(
        lexical=round(lexical, 3),
        containment=round(containment, 3),
        names=round(names, 3),
        numbers=round(numbers, 3),
        characters=round(characters, 3),
        semantic=round(semantic, 3),
    )


def numbers_conflict(x: SentenceFeatures, y: SentenceFeatures) -> bool:
    """Two different values counting the same thing ("12 people" / "15 people")."""
    vx = {value for value, _ in x.numbers}
    vy = {value for value, _ in y.numbers}
    for value, unit in x.numbers:
        if not unit or value in vy:
            continue
        for other, other_unit in y.numbers:
            if other_unit == unit and other != value and other not in vx:
                return True
    return False


def similarity(sentence_a: str, sentence_b: str) -> float:
    """Symmetric similarity in [0, 1]; 1.0 for identical sentences."""
    # A fixed order of the two makes the score exactly symmetric, rounding included.
    first, second = sorted((sentence_a, sentence_b))
    scorer = Scorer([sentence_features(first), sentence_features(second)])
    return scorer.score(0, 1)[0]


# --- word-level diffs ------------------------------------------------------


def word_opcodes(
    text_a: str, text_b: str, offset_a: int = 0, offset_b: int = 0
) -> tuple[Opcode, ...]:
    """difflib opcodes over the word tokens of two texts, as absolute character spans.

    Words compare case-insensitively with folded punctuation; ``offset_a``/``offset_b`` are
    where the texts start in their sources. An empty side maps to the position where the
    other side's words would go.
    """
    spans_a, tokens_a = _word_tokens(text_a)
    spans_b, tokens_b = _word_tokens(text_b)
    matcher = SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start, a_end = _char_range(spans_a, i1, i2, len(text_a))
        b_start, b_end = _char_range(spans_b, j1, j2, len(text_b))
        ops.append(
            Opcode(tag, a_start + offset_a, a_end + offset_a, b_start + offset_b, b_end + offset_b)
        )
    return tuple(ops)


@lru_cache(maxsize=4096)
def _word_tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Word spans and comparison tokens of a text (case, punctuation and British/American
    spelling folded); cached, as a sentence has many links. Callers only read the lists."""
    spans = [match.span() for match in WORD_RE.finditer(text)]  # word_spans, without a generator
    folded = fold_punctuation(text)
    if folded.isascii():  # lowercasing keeps every offset: one call for the whole text
        lowered = folded.lower()
        return spans, [fold_variant(lowered[s:e]) for s, e in spans]
    return spans, [fold_variant(folded[s:e].lower()) for s, e in spans]


def _char_range(spans: list[tuple[int, int]], lo: int, hi: int, length: int) -> tuple[int, int]:
    if lo < hi:
        return spans[lo][0], spans[hi - 1][1]
    position = spans[lo][0] if lo < len(spans) else (spans[-1][1] if spans else length)
    return position, position
