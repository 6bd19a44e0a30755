"""Sentence embeddings: the bundled static model loads offline from the package,
rows are unit vectors, and paraphrases outscore same-name hard negatives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from framediff import embed
from framediff.embed import STATIC_MODEL_DIR, embed_sentences, model_available
from framediff.errors import UsageError

# (sentence, paraphrase, hard negative sharing its names or topic but not its claim)
PARAPHRASE_TRIPLES = [
    (
        "The U.S. casts China as its biggest competitor and Russia as its biggest "
        "nation-state threat.",
        "This partnership stands in stark contrast to the United States' strategic "
        "assessments, which categorize China as its primary geopolitical competitor "
        "and Russia as its most significant nation-state threat.",
        "China and Russia will hold a summit in Moscow next spring, officials in the U.S. said.",
    ),
    (
        "The earthquake killed more than 300 people in the mountain villages.",
        "Over 300 villagers in the mountains died in the quake.",
        "The earthquake damaged the only road leading to the mountain villages.",
    ),
    (
        "The minister denied that the government had paid a ransom for the hostages.",
        "Officials insisted no ransom money was handed over to free the captives.",
        "The minister said the government would meet the hostages' families on Friday.",
    ),
    (
        "Shares of the carmaker fell 8 percent after it recalled two million vehicles.",
        "The automaker's stock dropped 8% following a recall of 2 million cars.",
        "The carmaker will unveil two new electric vehicles at the Paris motor show.",
    ),
    (
        "Firefighters brought the blaze under control early on Sunday.",
        "By Sunday morning the fire had been contained by crews.",
        "Firefighters said on Sunday that the cause of the blaze was still unknown.",
    ),
]


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_bundled_model_is_present_and_small() -> None:
    assert model_available()
    size = sum(path.stat().st_size for path in STATIC_MODEL_DIR.iterdir() if path.is_file())
    assert size <= 10_000_000
    assert (STATIC_MODEL_DIR / "LICENSE").read_text(encoding="utf-8").count("Apache")


def test_rows_are_unit_float32_and_blank_text_is_a_zero_row() -> None:
    texts = ["Police arrested two men on Tuesday.", "", "   ", "Rain is expected later."]
    vectors = embed_sentences(texts)
    assert vectors.dtype == np.float32
    assert vectors.shape[0] == len(texts) and vectors.shape[1] >= 64
    norms = np.linalg.norm(vectors, axis=1)
    assert norms[0] == pytest.approx(1.0, abs=1e-5)
    assert norms[3] == pytest.approx(1.0, abs=1e-5)
    assert norms[1] == 0.0 and norms[2] == 0.0


def test_empty_input_gives_an_empty_matrix() -> None:
    vectors = embed_sentences([])
    assert vectors.shape[0] == 0 and vectors.dtype == np.float32


def test_identical_sentences_score_one() -> None:
    sentence = "The central bank left interest rates unchanged at 4.5 percent."
    a, b = embed_sentences([sentence, sentence])
    assert _cosine(a, b) == pytest.approx(1.0, abs=1e-5)


def test_paraphrases_mostly_outscore_same_names_hard_negatives() -> None:
    # A static model averages word vectors, so a hard negative that repeats the
    # sentence's own words can beat a paraphrase in other words (here the
    # firefighters pair); the scorer's name and number signals cover that. The
    # model must still win the clear majority.
    losses = []
    for sentence, paraphrase, negative in PARAPHRASE_TRIPLES:
        anchor, close, far = embed_sentences([sentence, paraphrase, negative])
        if _cosine(anchor, close) <= _cosine(anchor, far):
            losses.append(sentence)
    assert len(losses) <= 1, losses


def test_related_sentences_outscore_unrelated_ones() -> None:
    anchor, related, unrelated = embed_sentences(
        [
            "Rescue teams searched the rubble for survivors after the quake.",
            "Emergency workers dug through collapsed buildings looking for people alive.",
            "The orchestra will perform Beethoven's ninth symphony in June.",
        ]
    )
    assert _cosine(anchor, related) > _cosine(anchor, unrelated) + 0.2


def test_word_pooling_matches_the_model_tokenizer() -> None:
    # The direct vocabulary lookup must give exactly the tokenizer's tokens,
    # including for punctuation, accents, curly quotes and a special-token lookalike.
    static = embed._static_model()
    sentences = [
        "U.S.-led forces seized $1,000,000 (about 3.5%) on Jan. 5, officials said.",
        "Sergei Lavrov met Wang Yi in Beijing's Diaoyutai guesthouse.",
        "The café's naïve “expert” called it a [MASK] coup — “unprecedented”…",
        "Kyiv/Kiev: pre-war GDP fell 30pc; e-mail @ministry #breaking",
    ]
    words = [word for sentence in sentences for word in sentence.split()]
    assert embed._word_ids(static, words) == static.model.tokenize(words)
    ours = embed_sentences(sentences)
    theirs = static.model.encode(sentences, use_multiprocessing=False)
    theirs = theirs / np.linalg.norm(theirs, axis=1, keepdims=True)
    assert np.allclose(ours, theirs, atol=1e-5)
    # The second call reads words remembered from the first.
    assert np.array_equal(embed_sentences(sentences), ours)


def test_non_string_input_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        embed_sentences("one string, not a list")
    with pytest.raises(UsageError):
        embed_sentences(["fine", 3])  # type: ignore[list-item]


def test_transformer_mode_without_the_extra_says_how_to_install() -> None:
    if model_available(transformer=True):
        pytest.skip("the transformer extra is installed here")
    with pytest.raises(UsageError, match=r"framediff\[transformer\]"):
        embed_sentences(["A sentence."], transformer=True)


def test_minilm_files_load_only_when_they_are_the_authors_bytes(tmp_path: Path) -> None:
    """The full MiniLM comes from a package its authors did not publish: each file is
    checked by SHA-256 against their release, and one changed byte refuses the load."""
    import hashlib

    (tmp_path / "config.json").write_bytes(b'{"hidden_size": 384}')
    (tmp_path / "vocab.txt").write_bytes(b"[PAD]\n[UNK]\n")
    expected = {
        name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        for name in ("config.json", "vocab.txt")
    }
    embed.check_official_minilm(tmp_path, expected)  # the same bytes load
    (tmp_path / "vocab.txt").write_bytes(b"[PAD]\n[UNK]\n[X]\n")
    with pytest.raises(UsageError, match="not the file the all-MiniLM-L6-v2 authors published"):
        embed.check_official_minilm(tmp_path, expected)
    (tmp_path / "vocab.txt").unlink()
    with pytest.raises(UsageError, match=r"has no vocab\.txt"):
        embed.check_official_minilm(tmp_path, expected)
    # What is checked by default is the authors' release, file by file.
    assert set(embed.OFFICIAL_MINILM_SHA256) == {
        "model.safetensors",
        "tokenizer.json",
        "config.json",
        "vocab.txt",
    }


def test_transformer_mode_gives_unit_rows_and_ranks_the_paraphrase_first() -> None:
    if not model_available(transformer=True):
        pytest.skip("needs the transformer extra")
    sentence, paraphrase, negative = PARAPHRASE_TRIPLES[0]
    vectors = embed_sentences([sentence, paraphrase, negative, " "], transformer=True)
    assert vectors.dtype == np.float32 and vectors.shape == (4, 384)
    assert np.linalg.norm(vectors[:3], axis=1) == pytest.approx([1.0, 1.0, 1.0], abs=1e-5)
    assert not vectors[3].any()
    assert _cosine(vectors[0], vectors[1]) > _cosine(vectors[0], vectors[2])


def _run(code: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    )
    return result.stdout


def test_model_loads_from_the_package_with_no_hub_access(tmp_path: Path) -> None:
    home = tmp_path / "hf-home"
    env = {
        **os.environ,
        "HF_HOME": str(home),
        "HF_HUB_CACHE": str(home / "hub"),
        "HF_HUB_OFFLINE": "1",
        # An unroutable proxy: any attempted download would fail loudly.
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
    }
    code = (
        "from framediff.embed import embed_sentences\n"
        "v = embed_sentences(['Rescuers reached the village on Monday.'])\n"
        "print(v.shape[0], round(float((v * v).sum()), 4))"
    )
    assert _run(code, env).split() == ["1", "1.0"]
    assert not home.exists()


def test_import_loads_neither_numpy_nor_model2vec() -> None:
    code = (
        "import sys, framediff, framediff.embed\n"
        "print(' '.join(m for m in ('numpy', 'model2vec', 'torch', 'tokenizers') "
        "if m in sys.modules))"
    )
    assert _run(code, dict(os.environ)).strip() == ""


def test_model_loads_once() -> None:
    embed_sentences(["First call."])
    first = embed._static_model()
    embed_sentences(["Second call."])
    assert embed._static_model() is first
