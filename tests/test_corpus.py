"""`framediff corpus` and `framediff.run_corpus`: many articles grouped into events, one
report per event and an index, the same files whatever runs the work."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from framediff.cli import main
from framediff.config import Settings
from framediff.corpus import run_corpus
from framediff.errors import UsageError
from framediff.model import CorpusSummary, EventReport

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_LAB = ["000_25922bad8d9c08c5.txt", "001_a426523f9bff1c04.txt", "003_3d4fac5826f8fb52.txt"]
GOLD = ROOT / "fixtures" / "alignment" / "ecbplus_dev_gold.json"


@pytest.fixture(scope="module")
def ecb_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 24 real ECB+ articles of the alignment gold (12 events, two articles each, twelve
    topics) as a JSONL corpus, in an order that interleaves the events."""
    articles = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    ordered = articles[::2] + articles[1::2]
    path = tmp_path_factory.mktemp("corpus") / "ecb.jsonl"
    path.write_text(
        "".join(json.dumps({"id": a["id"], "sentences": a["sentences"]}) + "\n" for a in ordered),
        encoding="utf-8",
    )
    return path


def _files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_seeds_corpus_writes_one_report_per_event_and_an_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["corpus", str(SEEDS), "--out", str(out), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("5 articles: 1 event reported by two or more (3 articles)")
    assert sorted(path.name for path in out.iterdir()) == [
        "event-001.json",
        "event-001.md",
        "index.json",
        "index.md",
    ]
    # The event's report is exactly the report of its three articles.
    assert main(["report", *(str(SEEDS / name) for name in SEED_LAB)]) == 0
    assert (out / "event-001.md").read_text(encoding="utf-8") == capsys.readouterr().out
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["schema"] == "framediff-corpus/1"
    assert index["articles"] == 5
    (event,) = index["events"]
    assert event["sources"] == ["Reuters", "South Asian Update", "HKFP"]
    assert event["report"] == "event-001.md" and event["error"] is None
    assert event["findings"] >= 10 and len(event["top"]) == 3
    assert event["groups"] == 1
    assert index["single"] == ["002_9d8298998e40080e", "004_c9274b1d2a8b6318"]
    report = json.loads((out / "event-001.json").read_text(encoding="utf-8"))
    assert [source["label"] for source in report["sources"]] == event["sources"]
    markdown = (out / "index.md").read_text(encoding="utf-8")
    assert "| [event-001](event-001.md) | 3 |" in markdown
    assert "- 002\\_9d8298998e40080e" in markdown  # article text is escaped


def test_ecb_corpus_groups_each_gold_pair_into_its_event(ecb_corpus: Path) -> None:
    items = list(run_corpus([str(ecb_corpus)], jobs=1))
    summary = items[-1]
    assert isinstance(summary, CorpusSummary)
    assert all(isinstance(item, EventReport) for item in items[:-1])
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]
    assert sorted(tuple(sorted(e.labels)) for e in summary.events) == sorted(
        tuple(sorted((pair["a"], pair["b"]))) for pair in pairs
    )
    assert summary.single == () and summary.skipped == ()
    # Events are numbered in the order of their first article in the input.
    firsts = [event.labels[0] for event in summary.events]
    assert [event.number for event in summary.events] == list(range(1, 13))
    assert firsts == sorted(firsts, key=[a for a in _ids(ecb_corpus)].index)
    # The summary keeps the index's facts; the text went out with each report.
    assert all(event.markdown is None and event.json is None for event in summary.events)
    assert all(item.markdown and item.json for item in items[:-1] if isinstance(item, EventReport))


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_two_worker_processes_write_the_same_files(ecb_corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["corpus", str(ecb_corpus), "--out", str(one), "--jobs", "1"]) == 0
    assert main(["corpus", str(ecb_corpus), "--out", str(two), "--jobs", "2"]) == 0
    files = _files(one)
    assert len(files) == 2 * 12 + 2
    assert files == _files(two)


def test_dask_scheduler_runs_the_same_comparisons(ecb_corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        via_dask = list(run_corpus([str(ecb_corpus)], dask=cluster.scheduler_address))
    local = list(run_corpus([str(ecb_corpus)], jobs=1))
    by_name = {item.name: item for item in local if isinstance(item, EventReport)}
    reports = [item for item in via_dask if isinstance(item, EventReport)]
    assert len(reports) == 12
    assert all(report == by_name[report.name] for report in reports)
    assert via_dask[-1] == local[-1]


def test_dask_without_the_extra_is_a_one_line_error(
    ecb_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    out = tmp_path / "out"
    assert main(["corpus", str(ecb_corpus), "--out", str(out), "--dask", "local"]) == 2
    err = capsys.readouterr().err
    assert (
        err == 'framediff: error: --dask needs the optional extra: pip install "framediff[dask]"\n'
    )


def test_unreachable_scheduler_is_a_one_line_error(
    ecb_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    from framediff import corpus

    monkeypatch.setattr(corpus, "DASK_CONNECT_SECONDS", 1)
    address = "tcp://127.0.0.1:9"
    with pytest.raises(
        UsageError, match=re.escape(f"cannot reach the Dask scheduler at {address}")
    ):
        list(run_corpus([str(ecb_corpus)], dask=address))


def test_an_unreadable_article_is_skipped_and_listed(tmp_path: Path) -> None:
    corpus_file = tmp_path / "mixed.jsonl"
    quake = "A magnitude 7.1 earthquake struck southern Peru on Monday, killing four people."
    rows = [
        {"id": "peru-1", "text": f"{quake} Rescuers searched collapsed homes in Arequipa."},
        {"id": "menu", "text": "Home\nWorld\nSport\nSubscribe"},
        {"id": "peru-2", "text": f"{quake} Aftershocks shook the region overnight."},
    ]
    corpus_file.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    summary = list(run_corpus([str(corpus_file)]))[-1]
    assert isinstance(summary, CorpusSummary)
    assert [event.labels for event in summary.events] == [("peru-1", "peru-2")]
    (reason,) = summary.skipped
    assert reason.startswith(f"{corpus_file}:2: no article text found")


def test_out_directory_is_never_written_into_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    notes = out / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    assert main(["corpus", str(SEEDS), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"framediff: error: {out} is not empty; use --force to write into it\n"
    )
    assert [path.name for path in out.iterdir()] == ["notes.txt"]
    # With --force, reports of an earlier run that this run did not write go (the index
    # would list events that are not there); the user's own files stay.
    (out / "event-007.md").write_text("old", encoding="utf-8")
    assert main(["corpus", str(SEEDS), "--out", str(out), "--force"]) == 0
    assert sorted(path.name for path in out.iterdir()) == [
        "event-001.json",
        "event-001.md",
        "index.json",
        "index.md",
        "notes.txt",
    ]
    assert notes.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "0"], "--jobs must be at least 1, got 0"),
        (["--threshold", "2"], "--threshold must be between 0 and 1"),
    ],
)
def test_bad_options_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["corpus", str(SEEDS), "--out", str(tmp_path / "out"), *args]) == 2
    assert capsys.readouterr().err == f"framediff: error: {message}\n"


def test_out_that_is_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.md"
    target.write_text("x", encoding="utf-8")
    assert main(["corpus", str(SEEDS), "--out", str(target)]) == 2
    assert capsys.readouterr().err == f"framediff: error: {target} is not a directory\n"
    assert target.read_text(encoding="utf-8") == "x"


def test_min_weight_counts_only_the_findings_shown(tmp_path: Path) -> None:
    everything = list(run_corpus([str(SEEDS)]))[-1]
    # 0.3: above the weight of omissions and below that of unique content.
    strong = list(run_corpus([str(SEEDS)], Settings(min_weight=0.3)))[-1]
    assert isinstance(everything, CorpusSummary) and isinstance(strong, CorpusSummary)
    assert 0 < strong.events[0].findings < everything.events[0].findings


def test_index_and_reports_follow_their_schemas(ecb_corpus: Path, tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator

    data = ROOT / "framediff" / "data"
    schemas = {
        name: Draft202012Validator(json.loads((data / name).read_text(encoding="utf-8")))
        for name in ("framediff-corpus-1.schema.json", "framediff-1.schema.json")
    }
    out = tmp_path / "out"
    assert main(["corpus", str(ecb_corpus), str(SEEDS), "--out", str(out), "--jobs", "1"]) == 0
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    schemas["framediff-corpus-1.schema.json"].validate(index)
    assert len(index["events"]) == 13
    for event in index["events"]:
        report = json.loads((out / event["json"]).read_text(encoding="utf-8"))
        schemas["framediff-1.schema.json"].validate(report)
        assert [source["label"] for source in report["sources"]] == event["sources"]


def test_a_corpus_with_no_readable_article_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus_file = tmp_path / "menus.jsonl"
    rows = [{"id": "a", "text": "Home\nWorld\nSport"}, {"id": "b", "text": "Subscribe\nLog in"}]
    corpus_file.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert main(["corpus", str(corpus_file), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"framediff: error: no article could be read: {corpus_file}:1: ")
    assert err.count("\n") == 1
