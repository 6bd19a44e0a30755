"""One bad article of a corpus (a JSONL line, a file of a directory) is skipped and listed,
never fatal, in every command that reads many, in the API and in the app (issue 19);
``--strict`` makes it fatal."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import framediff
from framediff.clean import clean_document
from framediff.cli import SKIPPED_SHOWN, main
from framediff.errors import InputError, UsageError
from framediff.model import RawDocument, SkippedInput

ROOT = Path(__file__).resolve().parent.parent
ALL_CLUTTER = ROOT / "fixtures" / "cleaning" / "text_all_clutter" / "input.txt"
SCHEMA = json.loads((ROOT / "framediff" / "data" / "framediff-1.schema.json").read_text())
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"

# Three short reports of one event, each an article the cleaner keeps whole.
GOOD = {
    "lima": "A magnitude 7.1 earthquake struck southern Peru on Monday, killing four people and "
    "injuring dozens, officials said.\nRescuers searched collapsed homes in Arequipa through the "
    "night, the civil defence agency said.\nThe quake was felt as far away as the capital, Lima, "
    "where buildings swayed for nearly a minute.",
    "andes": "Four people died when a strong earthquake hit southern Peru on Monday, according to "
    "the civil defence agency.\nThe magnitude 7.1 quake damaged dozens of homes in the Arequipa "
    "region and cut power to several towns.\nPresident Dina Boluarte said the government would "
    "send aid to the families who lost their homes.",
    "wire": "An earthquake of magnitude 7.1 shook southern Peru on Monday, killing four people, the "
    "authorities said.\nMost of the damage was in Arequipa, where old adobe houses collapsed and "
    "roads were blocked by landslides.\nAftershocks continued overnight, and schools in the region "
    "will stay closed on Tuesday.",
}
NO_TEXT = "no article text found"


def _jsonl(directory: Path) -> tuple[Path, list[tuple[str, str]]]:
    """A JSONL corpus: the three good articles among bad lines, and (origin, reason start)
    of each bad line in order. The blank line 2 is no article and not listed."""
    lines = [
        json.dumps({"id": "lima", "text": GOOD["lima"]}),
        "",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "andes", "text": GOOD["andes"]}),
        json.dumps({"id": "oneline", "text": "June 06, 2013 Swimming star dies at 91"}),
        json.dumps({"id": "menu", "text": "Home\nWorld\nSport\nSubscribe\nLog in"}),
        '{"id": "truncated", "text": "A magnitude 7.1 earthq',
        json.dumps({"id": "nosentence", "sentences": []}),
        json.dumps({"id": "wire", "text": GOOD["wire"]}),
    ]
    path = directory / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = [
        (f"{path}:3", "no 'text', 'html' or 'sentences' field with content"),
        (f"{path}:5", NO_TEXT),
        (f"{path}:6", NO_TEXT),
        (f"{path}:7", "not valid JSON"),
        (f"{path}:8", "field 'sentences' holds no sentence"),
    ]
    return path, bad


def _directory(directory: Path) -> tuple[Path, list[tuple[str, str]]]:
    """A directory of the three good articles with an empty and an undecodable file."""
    folder = directory / "pages"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (folder / "garbled.txt").write_bytes(
        b"News \x81\x8d\x8f\x90\x9d\xc3\x28 \x9d\x81\xff\xfe\x8d" * 40
    )
    (folder / "notes.png").write_bytes(b"\x89PNG\r\n")  # not a supported file: not an article
    bad = [
        (str(folder / "blank.txt"), "empty file"),
        (str(folder / "garbled.txt"), "cannot decode"),
    ]
    return folder, bad


@pytest.fixture(params=["jsonl", "directory"])
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, list[tuple[str, str]]]:
    return _jsonl(tmp_path) if request.param == "jsonl" else _directory(tmp_path)


def _assert_listed(err: str, bad: list[tuple[str, str]]) -> None:
    lines = err.splitlines()
    assert len(lines) == len(bad), err
    for line, (origin, reason) in zip(lines, bad, strict=True):
        assert line.startswith(f"framediff: skipped {origin}: {reason}"), line


def _assert_skipped_json(payload: dict[str, Any], bad: list[tuple[str, str]]) -> None:
    Draft202012Validator(SCHEMA).validate(payload)
    skipped = payload["skipped"]
    assert [item["origin"] for item in skipped] == [origin for origin, _ in bad]
    assert all(
        item["reason"].startswith(reason) for item, (_, reason) in zip(skipped, bad, strict=True)
    )


# --- the commands ----------------------------------------------------------------------


def test_group_goes_on_without_the_bad_articles(
    corpus: tuple[Path, list[tuple[str, str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, bad = corpus
    assert main(["group", str(path)]) == 0
    captured = capsys.readouterr()
    assert sorted(captured.out.split()) == ["andes", "lima", "wire"]
    _assert_listed(captured.err, bad)
    assert main(["group", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert len(payload["sources"]) == 3 and payload["events"] == [["s1", "s2", "s3"]]
    _assert_skipped_json(payload, bad)


@pytest.mark.parametrize("command", ["compare", "report"])
def test_compare_and_report_go_on_without_the_bad_articles(
    corpus: tuple[Path, list[tuple[str, str]]], capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path, bad = corpus
    assert main([command, str(path), "--format", "markdown"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# framediff report")
    _assert_listed(captured.err, bad)
    assert main([command, str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert [source["origin"] for source in payload["sources"]] == [
        origin for origin in _good_origins(path)
    ]
    _assert_skipped_json(payload, bad)
    _assert_listed(captured.err, bad)


def _good_origins(path: Path) -> list[str]:
    if path.is_dir():
        return [str(path / f"{name}.txt") for name in ("andes", "lima", "wire")]
    return [f"{path}:1", f"{path}:4", f"{path}:9"]


def test_extract_goes_on_without_the_bad_articles(
    corpus: tuple[Path, list[tuple[str, str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, bad = corpus
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("\n== s") == 2 and "== s3" in captured.out
    _assert_listed(captured.err, bad)
    assert main(["extract", str(path), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [source["origin"] for source in payload["sources"]] == _good_origins(path)
    _assert_skipped_json(payload, bad)


@pytest.mark.parametrize("command", ["group", "compare", "report", "extract", "align"])
def test_strict_makes_the_first_bad_article_fatal(
    corpus: tuple[Path, list[tuple[str, str]]], capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path, bad = corpus
    assert main([command, str(path), "--strict"]) == 2
    captured = capsys.readouterr()
    origin, reason = bad[0]
    assert captured.out == ""
    assert captured.err.startswith(f"framediff: error: {origin}: {reason}")
    assert captured.err.count("\n") == 1
    assert f"(and {len(bad) - 1} more input" in captured.err


def test_align_reads_two_articles_out_of_a_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two.jsonl"
    rows = [{"id": "a", "text": GOOD["lima"]}, "{oops", {"id": "b", "text": GOOD["andes"]}]
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    assert main(["align", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert payload["pairs"] and [item["origin"] for item in payload["skipped"]] == [f"{path}:2"]
    _assert_listed(captured.err, [(f"{path}:2", "not valid JSON")])


def test_a_run_without_bad_articles_prints_nothing_and_lists_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "good.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in GOOD.items()))
    for command in ("group", "compare", "extract"):
        assert main([command, str(path), "--format", "json"]) == 0
        captured = capsys.readouterr()
        assert captured.err == "" and json.loads(captured.out)["skipped"] == []


def test_stderr_names_the_first_twenty_then_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "noisy.jsonl"
    lines = [json.dumps({"id": "lima", "text": GOOD["lima"]})]
    lines += ["{not json"] * (SKIPPED_SHOWN + 5)
    path.write_text("\n".join(lines) + "\n")
    assert main(["extract", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == SKIPPED_SHOWN + 1
    assert (
        lines[0]
        == f"framediff: skipped {path}:2: not valid JSON (Expecting property name enclosed in double quotes: column 2)"
    )
    assert lines[-1] == f"framediff: skipped 5 more inputs ({SKIPPED_SHOWN + 5} in all)"
    assert len(json.loads(captured.out)["skipped"]) == SKIPPED_SHOWN + 5


# --- what stays an error -------------------------------------------------------------


@pytest.mark.parametrize("single", ["missing.txt", "clutter"])
def test_a_single_article_named_on_the_command_line_stays_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], single: str
) -> None:
    path, _ = _jsonl(tmp_path)
    named = str(ALL_CLUTTER) if single == "clutter" else str(tmp_path / single)
    assert main(["group", str(path), named]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"framediff: error: {named}: ") and err.count("\n") == 1


def test_fewer_articles_than_the_command_needs_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "lima", "text": GOOD["lima"]}) + "\n{bad\n")
    assert main(["compare", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"framediff: skipped {path}:2: not valid JSON")
    assert err[1] == "framediff: error: a comparison needs at least two articles, got 1"
    path.write_text("{bad\n" + json.dumps({"title": "no text"}) + "\n")
    assert main(["group", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert err[-1] == f"framediff: error: no readable article in {path} (2 inputs skipped)"


# --- the Python API --------------------------------------------------------------------


def test_api_reports_skipped_inputs_in_the_result(
    corpus: tuple[Path, list[tuple[str, str]]],
) -> None:
    path, bad = corpus
    articles = framediff.load(str(path))
    assert [article.origin for article in articles] == _good_origins(path)
    assert [item.origin for item in articles.skipped] == [origin for origin, _ in bad]
    assert all(isinstance(item, SkippedInput) for item in articles.skipped)
    assert str(articles.skipped[0]).startswith(f"{bad[0][0]}: {bad[0][1]}")
    result = framediff.compare([str(path)])
    assert len(result.documents) == 3 and result.skipped == articles.skipped
    assert [item["origin"] for item in result.to_dict()["skipped"]] == [o for o, _ in bad]
    groups = framediff.group([str(path)])
    assert [len(group) for group in groups] == [3] and groups.skipped == articles.skipped


def test_api_strict_raises_naming_the_first(corpus: tuple[Path, list[tuple[str, str]]]) -> None:
    path, bad = corpus
    origin, reason = bad[0]
    for call in (
        lambda: framediff.load(str(path), strict=True),
        lambda: framediff.compare([str(path)], strict=True),
        lambda: framediff.group([str(path)], strict=True),
    ):
        with pytest.raises(InputError) as raised:
            call()
        assert str(raised.value).startswith(f"{origin}: {reason}")


def test_api_still_raises_for_too_few_articles(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "lima", "text": GOOD["lima"]}) + "\n{bad\n")
    with pytest.raises(UsageError, match="at least two articles"):
        framediff.compare([str(path)])
    path.write_text("{bad\n")
    with pytest.raises(InputError, match="no readable article"):
        framediff.load(str(path))


# --- corpus ----------------------------------------------------------------------------


def test_corpus_lists_bad_articles_on_stderr_and_strict_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, bad = _jsonl(tmp_path)
    out = tmp_path / "out"
    assert main(["corpus", str(path), "--out", str(out), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    _assert_listed(captured.err, bad)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [line.split(": ", 1)[0] for line in index["skipped"]] == [o for o, _ in bad]
    assert main(["corpus", str(path), "--out", str(out), "--force", "--strict"]) == 2
    assert capsys.readouterr().err.startswith(f"framediff: error: {bad[0][0]}: {bad[0][1]}")


# --- the app ---------------------------------------------------------------------------


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _analysed(app: Any) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 90
        while app.comparison is None and not app.failed:
            assert time.monotonic() < deadline, "the analysis never finished"
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
        await pilot.pause()
        app.status_text = str(app.query_one("#status").render())
        await pilot.press("q")


@pytest.mark.anyio
async def test_view_shows_the_skipped_inputs_and_goes_on(tmp_path: Path) -> None:
    from framediff.tui.app import make_app

    path, bad_lines = _jsonl(tmp_path)
    folder, bad_files = _directory(tmp_path)
    app = make_app([str(path), str(folder)])
    await _analysed(app)
    assert app.comparison is not None and len(app.comparison.documents) == 6
    bad = bad_lines + bad_files
    assert [line.split(": ", 1)[0] for line in app.errors] == [origin for origin, _ in bad]
    assert [item.origin for item in app.comparison.skipped] == [origin for origin, _ in bad]
    assert f"{len(bad)} sources skipped" in app.status_text
    assert app.return_code == 0


@pytest.mark.anyio
async def test_view_strict_ends_on_the_first_skipped_input(tmp_path: Path) -> None:
    from framediff.config import Settings
    from framediff.tui.app import make_app

    path, bad = _jsonl(tmp_path)
    app = make_app([str(path)], settings=Settings(strict=True))
    await _analysed(app)
    assert app.failed and app.comparison is None
    assert app.failure is not None and app.failure.startswith(f"{bad[0][0]}: {bad[0][1]}")
    assert app.return_code == 2


# --- refuse only what holds no article ---------------------------------------------------


def _body(text: str) -> str:
    raw = RawDocument(origin="t", content=text, is_html=False, extracted=True)
    return clean_document(raw).text


def test_a_headline_opening_with_report_is_read() -> None:
    # ECB+ 10_18ecbplus: "REPORT: ..." opened the only line, which a comment widget's
    # "Report" button rule took for clutter, leaving no article.
    text = (
        "REPORT: RED SOX MAKE HUGE OFFER TO TEIXEIRA on Tuesday, 16 December 2008 13: 45. "
        "The Boston Red Sox have made the biggest offer in club history to Mark Teixeira. "
        "The deal is said to be for 8 year and could be up to $180 million."
    )
    assert "biggest offer in club history" in _body(text)
    # The widget's own button still goes.
    body = _body(f"{GOOD['lima']}\nReport\nReply")
    assert "Report" not in body and "Reply" not in body and body.startswith("A magnitude")


@pytest.mark.skipif(not ECB.exists(), reason="../shared/data/ecbplus-dev is not present")
def test_the_two_ecbplus_articles_come_out_of_extract_with_their_prose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines()]
    wanted = {row["id"]: row for row in rows if row["id"] in ("10_13ecbplus", "10_18ecbplus")}
    path = tmp_path / "two.jsonl"
    # As a scraped corpus gives them: the text only, without the corpus's sentence split.
    path.write_text(
        "".join(json.dumps({"id": k, "text": r["text"]}) + "\n" for k, r in wanted.items())
    )
    assert main(["extract", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    sources = {source["label"]: source for source in json.loads(captured.out)["sources"]}
    assert sorted(sources) == ["10_13ecbplus", "10_18ecbplus"]
    for name, row in wanted.items():
        # Every sentence of the article's prose (after its headline and time stamp) is read.
        for sentence in row["sentences"][2:]:
            assert sentence in sources[name]["text"]
