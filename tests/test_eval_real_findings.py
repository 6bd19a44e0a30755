"""The real-coverage findings benchmark's bookkeeping (benchmarks/eval_real_findings.py): keys,
matching against the gold, packets and merging answers, on hand-made findings (no ECB+ data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import cast

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_real_findings import (  # noqa: E402
    EventRun,
    Key,
    Quote,
    Shown,
    finding_key,
    item_id,
    load_gold,
    merge_answers,
    merge_file,
    render_gold,
    tally,
    write_packets,
)

from framediff.model import Evidence, Finding, FindingKind  # noqa: E402

TEXTS = {
    ("s1", 0): "The quake injured five people.",
    ("s2", 0): "Five people were hurt.",
    ("s2", 1): "The governor sent tents.",
}


def _text(source: str, index: int) -> str:
    return TEXTS[(source, index)]


def _finding(
    kind: str, refs: list[tuple[str, int]], weight: float = 0.5, fid: str = "f1"
) -> Finding:
    evidence = tuple(Evidence(s, i, 0, len(TEXTS[(s, i)])) for s, i in refs)
    return Finding(fid, cast(FindingKind, kind), weight, "summary", ("s1", "s2"), (), evidence)


def _shown(rank: int, key: Key) -> Shown:
    quote = Quote("a", 1, key.evidence[0], ((0, 1),))
    return Shown(rank, key, 0.5, f"summary number {rank}", (quote,))


def test_key_ignores_id_weight_and_evidence_order() -> None:
    one = finding_key("e", _finding("omission", [("s1", 0), ("s2", 0)], 0.9, "f1"), _text)
    two = finding_key("e", _finding("omission", [("s2", 0), ("s1", 0)], 0.2, "f7"), _text)
    assert one == two == Key("e", "omission", (TEXTS[("s2", 0)], TEXTS[("s1", 0)]))
    assert finding_key("e", _finding("unique", [("s1", 0)]), _text) != one


def test_key_counts_a_sentence_once_however_many_spans_mark_it() -> None:
    finding = Finding(
        "f1",
        "wording",
        0.5,
        "s",
        ("s1",),
        (),
        (Evidence("s1", 0, 0, 3), Evidence("s1", 0, 10, 14)),
    )
    assert finding_key("e", finding, _text).evidence == (TEXTS[("s1", 0)],)


def test_item_ids_are_stable_and_distinct() -> None:
    key = Key("e", "unique", ("x",))
    assert item_id(key) == item_id(Key("e", "unique", ("x",)))
    assert item_id(key) != item_id(Key("e", "omission", ("x",)))
    assert item_id(key).startswith("i") and len(item_id(key)) == 9


def _run() -> tuple[EventRun, dict[str, Key]]:
    keys = {
        name: Key("e", kind, (text,))
        for name, kind, text in [
            ("a", "omission", "A."),
            ("b", "unique", "B."),
            ("c", "unique", "C."),
            ("d", "wording", "D."),
            ("e", "number_conflict", "E."),
        ]
    }
    top = tuple(_shown(rank, keys[name]) for rank, name in enumerate("abcde", 1))
    reported = frozenset(keys.values()) | {Key("e", "hedging", ("H.",))}
    articles = (("a", "Title", ("Sentence one.",)),)
    return EventRun("e", articles, top, reported), keys


def test_tally_counts_verdicts_in_top_12_and_top_4() -> None:
    run, keys = _run()
    gold = {
        keys["a"]: {"verdict": "true"},
        keys["b"]: {"verdict": "false"},
        keys["c"]: {"verdict": "debatable"},
        keys["e"]: {"verdict": "true"},  # rank 5: in the top 12, not the top 4
        Key("e", "hedging", ("H.",)): {"verdict": "true"},  # reported below the top 12
        Key("e", "omission", ("gone",)): {"verdict": "true"},  # no longer reported
        Key("other", "omission", ("x",)): {"verdict": "true"},  # an event not run
    }
    counts = tally([run], gold)
    assert counts["omission"]["true"] == 1
    assert (counts["omission"]["judged_true"], counts["omission"]["true_reported"]) == (2, 1)
    assert (counts["hedging"]["judged_true"], counts["hedging"]["true_reported"]) == (1, 1)
    assert counts["unique"]["false"] == counts["unique"]["debatable"] == 1
    assert counts["wording"]["unjudged"] == 1
    assert counts["number_conflict"]["true"] == 1
    assert counts["number_conflict"]["head_judged"] == 0
    head_true = sum(c["head_true"] for c in counts.values())
    head_judged = sum(c["head_judged"] for c in counts.values())
    assert (head_true, head_judged) == (1, 3)


def test_merge_adds_new_and_never_silently_overwrites() -> None:
    key, other = Key("e", "unique", ("B.",)), Key("e", "omission", ("A.",))
    gold = {key: {"verdict": "false", "why": "said in other words"}}
    keys = {"i1": key, "i2": other}
    answers = {"i1": {"verdict": "true", "why": "changed my mind"}, "i2": {"verdict": "true"}}
    merged, notes = merge_answers(gold, keys, answers)
    assert merged[other] == {"verdict": "true", "why": ""}
    assert merged[key]["verdict"] == "false"
    assert any("CONFLICT" in note for note in notes)
    replaced, _ = merge_answers(gold, keys, answers, replace=True)
    assert replaced[key]["verdict"] == "true"
    same, notes = merge_answers(gold, keys, {"i1": {"verdict": "false", "why": "again"}})
    assert same[key]["why"] == "said in other words" and "kept" in notes[0]


@pytest.mark.parametrize(
    "answers",
    [{"nope": {"verdict": "true"}}, {"i1": {"verdict": "yes"}}],
    ids=["unknown-item", "bad-verdict"],
)
def test_merge_refuses_bad_answers(answers: dict[str, dict[str, str]]) -> None:
    with pytest.raises(ValueError):
        merge_answers({}, {"i1": Key("e", "unique", ("B.",))}, answers)


def test_packets_hide_kinds_and_merge_back(tmp_path: Path) -> None:
    run, keys = _run()
    gold_path = tmp_path / "gold.json"
    gold = {keys["a"]: {"verdict": "true", "why": ""}}
    gold_path.write_text(render_gold(gold), encoding="utf-8")
    assert write_packets(tmp_path / "p", [run], gold) == 4
    text = (tmp_path / "p" / "e.txt").read_text(encoding="utf-8")
    assert "ARTICLE a" in text and "a 1. Sentence one." in text
    findings = text.split("FINDINGS", 1)[1]
    for kind in ("unique", "wording", "number_conflict", "0.5"):
        assert kind not in findings
    assert "summary number 2" in text and "a 1: ⟦B⟧." in text
    key_file = json.loads((tmp_path / "p" / "e.key.json").read_text(encoding="utf-8"))
    assert set(key_file) == {item_id(keys[n]) for n in "bcde"}
    # Items appear in the packet in the shuffled order of the key file.
    positions = [text.index(f"[{item}]") for item in key_file]
    assert positions == sorted(positions)
    answers = {item_id(keys["b"]): {"verdict": "false", "why": "in other words"}}
    (tmp_path / "p" / "e.judged.json").write_text(json.dumps(answers), encoding="utf-8")
    assert merge_file(tmp_path / "p" / "e.judged.json", gold_path) == 0
    merged = load_gold(gold_path)
    assert merged[keys["b"]] == {"verdict": "false", "why": "in other words"}
    assert merged[keys["a"]]["verdict"] == "true"
    # A second packet run into the same folder keeps earlier items and drops judged ones.
    later = EventRun("e", run.articles, (_shown(1, Key("e", "hedging", ("H.",))),), frozenset())
    assert write_packets(tmp_path / "p", [later], merged) == 4


def test_gold_round_trips(tmp_path: Path) -> None:
    gold = {
        Key("e", "unique", ("B.", "A.")): {"verdict": "debatable", "why": "trivial"},
        Key("d", "omission", ("C.",)): {"verdict": "true", "why": ""},
    }
    path = tmp_path / "gold.json"
    path.write_text(render_gold(gold), encoding="utf-8")
    assert load_gold(path) == gold
    assert load_gold(tmp_path / "absent.json") == {}


def test_fit_counts_a_finding_judged_in_two_golds_once() -> None:
    from eval_real_findings import fit

    shared = Key("e1", "attribution_dropped", ("A claim.", "A claim, police said."))
    only_extra = Key("e2", "attribution_dropped", ("B claim.", "B claim, police said."))
    run = EventRun("e1", (), (), frozenset({shared}))
    extra_run = EventRun("e2", (), (), frozenset({only_extra}))
    gold = {shared: {"verdict": "false", "why": ""}}
    extra_gold = {
        shared: {"verdict": "true", "why": ""},
        only_extra: {"verdict": "true", "why": ""},
    }
    fitted = fit([run], gold, [([run, extra_run], extra_gold)])
    # The main gold's verdict wins for the shared key; the extra one adds its own key.
    assert fitted["kinds"]["attribution_dropped"] == [1, 2]
