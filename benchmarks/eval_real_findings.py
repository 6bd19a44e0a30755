"""Findings on real coverage, judged blind: how many of the top 12 findings of each of the 28
judged ECB+ events of ``benchmarks/real_events.json`` a reader judged true.

    python benchmarks/eval_real_findings.py                      # table per kind, judged events
    python benchmarks/eval_real_findings.py --unjudged           # also list unjudged top-12 findings
    python benchmarks/eval_real_findings.py --packets DIR        # judging packets of the unjudged
    python benchmarks/eval_real_findings.py --merge DIR/EVENT.judged.json   # answers into the gold
    python benchmarks/eval_real_findings.py --events set_aside   # the final test, run once at the end

Each event's articles are read from ``../shared/data/ecbplus-dev`` (relative to the repository
root; the script skips without it), written as JSON article objects (``id``, ``label`` = the
article id, ``title``, the corpus's own ``sentences``) and compared in this process with
``framediff.compare``. The top 12 are the first twelve of ``Comparison.shown_findings``.

A finding is matched to a judgement of ``benchmarks/real_findings_gold.json`` by its key:
the event, the kind and the sorted texts of its evidence sentences, so a judgement survives new
finding ids and weights. Verdicts are ``true``, ``false`` and ``debatable`` (which counts as
not true); the rubric and the blind protocol are in ``benchmarks/README.md``. Precision is
true over judged, in the top 12 and in the top 4 of each event.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev"
EVENTS = ROOT / "benchmarks" / "real_events.json"
GOLD = ROOT / "benchmarks" / "real_findings_gold.json"
TOP = 12
HEAD = 4
VERDICTS = ("true", "false", "debatable")
# Packets are shuffled with random.Random(f"{PACKET_SEED}:{event}").
PACKET_SEED = 15
GOLD_ABOUT = (
    "Judgements of framediff findings on the judged events of real_events.json, made blind "
    "(benchmarks/README.md). Key: event, kind and the sorted texts of the finding's evidence "
    "sentences. verdict: true, false or debatable (counts as not true)."
)


class Key(NamedTuple):
    """What a judgement is attached to: stable across finding ids, weights and ranks."""

    event: str
    kind: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """One evidence sentence as a judge reads it: source label, 1-based number, text and the
    marked ``[start, end)`` ranges within the sentence (empty when the whole sentence)."""

    label: str
    number: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Shown:
    """A top-12 finding of one event: its rank (1-based), key and what a judge is shown."""

    rank: int
    key: Key
    weight: float
    summary: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class EventRun:
    event: str
    articles: tuple[tuple[str, str | None, tuple[str, ...]], ...]  # label, title, sentences
    top: tuple[Shown, ...]
    reported: frozenset[Key]  # every shown finding, not only the top 12


def finding_key(event: str, finding: Any, sentence_text: Callable[[str, int], str]) -> Key:
    """The key of ``finding``: the texts of its distinct evidence sentences, sorted."""
    refs = dict.fromkeys((e.source, e.sentence) for e in finding.evidence)
    texts = sorted(sentence_text(source, index) for source, index in refs)
    return Key(event, str(finding.kind), tuple(texts))


def item_id(key: Key) -> str:
    """An opaque, stable packet item id: the same finding gets the same id in every packet."""
    digest = hashlib.sha1(json.dumps(list(key), ensure_ascii=False).encode("utf-8"))
    return "i" + digest.hexdigest()[:8]


# --- the gold file ------------------------------------------------------------------------


def load_gold(path: Path = GOLD) -> dict[Key, dict[str, str]]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    gold: dict[Key, dict[str, str]] = {}
    for entry in data["judgements"]:
        key = Key(entry["event"], entry["kind"], tuple(entry["evidence"]))
        if key in gold:
            raise ValueError(f"{path}: two judgements of {key}")
        if entry["verdict"] not in VERDICTS:
            raise ValueError(f"{path}: verdict {entry['verdict']!r} of {key}")
        gold[key] = {"verdict": entry["verdict"], "why": entry.get("why", "")}
    return gold


def render_gold(gold: Mapping[Key, Mapping[str, str]], about: str = GOLD_ABOUT) -> str:
    """The gold file: one judgement a line, sorted by key, so a diff shows each change."""
    rows = [
        json.dumps(
            {
                "event": key.event,
                "kind": key.kind,
                "evidence": list(key.evidence),
                "verdict": gold[key]["verdict"],
                "why": gold[key].get("why", ""),
            },
            ensure_ascii=False,
        )
        for key in sorted(gold)
    ]
    body = ",\n".join(f"    {row}" for row in rows)
    return (
        "{\n"
        f'  "about": {json.dumps(about)},\n'
        '  "judgements": [\n' + (body + "\n" if rows else "") + "  ]\n}\n"
    )


def merge_answers(
    gold: Mapping[Key, Mapping[str, str]],
    keys: Mapping[str, Key],
    answers: Mapping[str, Mapping[str, str]],
    replace: bool = False,
) -> tuple[dict[Key, dict[str, str]], list[str]]:
    """The gold with a judge's answers added, and one line per answer that changed nothing
    or was refused. An answer never replaces a different verdict unless ``replace``."""
    merged = {key: dict(value) for key, value in gold.items()}
    notes = []
    for item, answer in answers.items():
        if item not in keys:
            raise ValueError(f"answer for unknown item {item!r}")
        verdict = answer.get("verdict")
        if verdict not in VERDICTS:
            raise ValueError(f"{item}: verdict must be one of {VERDICTS}, got {verdict!r}")
        key = keys[item]
        entry = {"verdict": verdict, "why": str(answer.get("why", ""))}
        old = merged.get(key)
        if old is None:
            merged[key] = entry
        elif old["verdict"] == verdict:
            notes.append(f"{item}: already judged {verdict}; kept the existing judgement")
        elif replace:
            notes.append(f"{item}: replaced {old['verdict']} by {verdict}")
            merged[key] = entry
        else:
            notes.append(f"{item}: CONFLICT, judged {old['verdict']} before, now {verdict}; kept")
    return merged, notes


def read_keys(path: Path) -> dict[str, Key]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {item: Key(k["event"], k["kind"], tuple(k["evidence"])) for item, k in data.items()}


def merge_file(
    judged: Path, gold_path: Path = GOLD, replace: bool = False, about: str = GOLD_ABOUT
) -> int:
    """Merge ``DIR/<event>.judged.json`` into the gold through ``DIR/<event>.key.json``."""
    name = judged.name.removesuffix(".judged.json")
    key_path = judged.with_name(f"{name}.key.json")
    if name == judged.name or not key_path.exists():
        print(f"{judged}: needs a sibling {key_path.name}", file=sys.stderr)
        return 2
    answers = json.loads(judged.read_text(encoding="utf-8"))
    gold = load_gold(gold_path)
    try:
        merged, notes = merge_answers(gold, read_keys(key_path), answers, replace=replace)
    except ValueError as error:
        print(f"{judged}: {error}; nothing merged", file=sys.stderr)
        return 2
    for note in notes:
        print(note)
    gold_path.write_text(render_gold(merged, about), encoding="utf-8")
    print(f"{judged.name}: {len(merged) - len(gold)} judgements added to {gold_path.name}")
    return 1 if any("CONFLICT" in note for note in notes) else 0


# --- scoring ------------------------------------------------------------------------------


def tally(
    runs: Sequence[EventRun], gold: Mapping[Key, Mapping[str, str]]
) -> dict[str, Counter[str]]:
    """Counts per kind: ``judged_true`` (gold true keys of the events run), ``true_reported``
    (of those, still among the shown findings), ``true``, ``false``, ``debatable`` and
    ``unjudged`` (top 12), and ``head_true``, ``head_judged`` (top 4)."""
    counts: dict[str, Counter[str]] = {}
    events = {run.event for run in runs}
    reported = set().union(*(run.reported for run in runs)) if runs else set()
    for key, judgement in gold.items():
        if key.event in events and judgement["verdict"] == "true":
            row = counts.setdefault(key.kind, Counter())
            row["judged_true"] += 1
            row["true_reported"] += key in reported
    for run in runs:
        for shown in run.top:
            row = counts.setdefault(shown.key.kind, Counter())
            verdict = gold[shown.key]["verdict"] if shown.key in gold else "unjudged"
            row[verdict] += 1
            if shown.rank <= HEAD and verdict != "unjudged":
                row["head_judged"] += 1
                row["head_true"] += verdict == "true"
    return counts


WEIGHTS = ROOT / "framediff" / "data" / "finding_weights.json"


def judged_reported(
    runs: Sequence[EventRun],
    gold: Mapping[Key, Mapping[str, str]],
    extra: Iterable[tuple[Sequence[EventRun], Mapping[Key, Mapping[str, str]]]] = (),
) -> list[tuple[Key, bool]]:
    """Every finding the code reports on these events that was judged, and whether judged
    true; ``extra`` as for ``fit``, a finding judged in both golds counted once."""
    verdicts: dict[Key, Mapping[str, str]] = {}
    reported: set[Key] = set()
    for more_runs, more_gold in extra:
        verdicts.update(more_gold)
        reported.update(key for run in more_runs for key in run.reported)
    verdicts.update(gold)
    reported.update(key for run in runs for key in run.reported)
    return [(key, verdicts[key]["verdict"] == "true") for key in sorted(reported & verdicts.keys())]


def prior_strengths(items: Sequence[tuple[Key, bool]], strengths: Sequence[float]) -> None:
    """Prints, per prior strength (judgements the prior is worth), the leave-one-event-out
    log loss of the weights ``fit`` would give: each event's judged findings scored by
    counts from the other events, kind and size band as ``framediff.findings.weights``
    reads them. How ``PRIOR_JUDGED`` was chosen."""
    import math

    from framediff.findings.weights import PRIOR_JUDGED, PRIOR_TRUE, evidence_words, word_band

    rate = PRIOR_TRUE / PRIOR_JUDGED
    rows = [(k.event, k.kind, word_band(k.kind, evidence_words(k.evidence)), t) for k, t in items]
    print(f"{'prior worth':>12} {'log loss':>9}  ({len(rows)} judged findings, prior {rate:.2f})")
    for strength in strengths:
        loss = 0.0
        for event in sorted({r[0] for r in rows}):
            kinds: Counter[tuple[str, int | None]] = Counter()
            trues: Counter[tuple[str, int | None]] = Counter()
            for other, kind, band, true in rows:
                if other != event:
                    for slot in ((kind, None), (kind, band)):
                        kinds[slot] += 1
                        trues[slot] += true
            for other, kind, band, true in rows:
                if other == event:
                    slot = (
                        (kind, band) if band is not None and kinds[(kind, band)] else (kind, None)
                    )
                    p = (trues[slot] + rate * strength) / (kinds[slot] + strength)
                    loss -= math.log(p if true else 1 - p)
        print(f"{strength:>12g} {loss / len(rows):>9.4f}")


def fit(
    runs: Sequence[EventRun],
    gold: Mapping[Key, Mapping[str, str]],
    extra: Iterable[tuple[Sequence[EventRun], Mapping[Key, Mapping[str, str]]]] = (),
) -> dict[str, Any]:
    """Per kind, how many of the findings the code reports on these events were judged,
    and how many of those true: what ``framediff.findings.weights`` turns into weights.
    ``extra``: more runs judged blind under another gold (the attribution findings of
    ``eval_attribution_findings.py``); a finding judged in both counts once."""
    from framediff.findings.weights import WORD_BANDS, evidence_words, word_band

    counts: dict[str, list[int]] = {}
    bands = {kind: [[0, 0] for _ in range(len(bounds) + 1)] for kind, bounds in WORD_BANDS.items()}
    for key, true in judged_reported(runs, gold, extra):
        row = counts.setdefault(key.kind, [0, 0])
        row[0] += true
        row[1] += 1
        band = word_band(key.kind, evidence_words(key.evidence))
        if band is not None:
            bands[key.kind][band][0] += true
            bands[key.kind][band][1] += 1
    return {
        "about": (
            "Findings judged blind on real coverage (benchmarks/real_events.json, the judged "
            "events; verdicts in benchmarks/real_findings_gold.json; with the attribution "
            "findings of benchmarks/eval_attribution_findings.py, verdicts in "
            "benchmarks/attribution_findings_gold.json), per kind: [true, judged] "
            "among the findings the code reported there; `bands`: the same per size band of "
            "the kinds framediff.findings.weights.WORD_BANDS lists (words of the evidence "
            "sentences, up to each bound, the last band open). Written by "
            "`python benchmarks/eval_real_findings.py --fit`."
        ),
        "events": len(runs),
        "kinds": {kind: counts[kind] for kind in sorted(counts)},
        "bands": {kind: bands[kind] for kind in sorted(bands)},
    }


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "-"


def print_table(counts: Mapping[str, Counter[str]]) -> None:
    print(
        f"{'kind':22} {'true reported':>14} {'true':>5} {'false':>6} {'debat.':>7} "
        f"{'unjudged':>9} {'top-12 prec.':>15} {'top-4 prec.':>15}"
    )
    total: Counter[str] = Counter()
    for kind in sorted(counts):
        row = counts[kind]
        total.update(row)
        _print_row(kind, row)
    _print_row("total", total)
    judged = total["true"] + total["false"] + total["debatable"]
    print(
        f"top-12 precision {_ratio(total['true'], judged)}, "
        f"top-4 precision {_ratio(total['head_true'], total['head_judged'])}; "
        f"{total['unjudged']} top-12 findings not yet judged"
    )


def _print_row(kind: str, row: Counter[str]) -> None:
    judged = row["true"] + row["false"] + row["debatable"]
    print(
        f"{kind:22} {str(row['true_reported']) + '/' + str(row['judged_true']):>14} "
        f"{row['true']:>5} {row['false']:>6} {row['debatable']:>7} {row['unjudged']:>9} "
        f"{_ratio(row['true'], judged):>15} {_ratio(row['head_true'], row['head_judged']):>15}"
    )


# --- packets ------------------------------------------------------------------------------


def quote_text(quote: Quote) -> str:
    """The sentence with its marked words in ⟦ ⟧."""
    text, out, at = quote.text, [], 0
    for start, end in sorted(quote.marks):
        if start < at:
            continue
        out += [text[at:start], "⟦", text[start:end], "⟧"]
        at = end
    return "".join(out) + text[at:]


RUBRIC = """\
For each finding answer true, false or debatable, with one line saying why:
- true: a real difference between the articles, correctly described, that an editor would
  want to know;
- false: wrong: the fact is there in the other articles in other words, the speakers or
  figures are the same, the text is attributed, the articles report different events, or
  the finding is clutter;
- debatable: technically true but trivial or misleading.
Read the articles themselves; the finding's own wording is a claim to check."""


def packet_items(run: EventRun, gold: Mapping[Key, object]) -> dict[str, Shown]:
    """The unjudged top-12 findings of ``run`` by item id."""
    return {item_id(s.key): s for s in run.top if s.key not in gold}


def shuffled(event: str, items: Mapping[str, Shown]) -> list[tuple[str, Shown]]:
    """Items in a fixed pseudo-random order (sorted by id first, so the order depends only on
    which items there are, not on the code's ranking)."""
    ordered = sorted(items.items())
    random.Random(f"{PACKET_SEED}:{event}").shuffle(ordered)
    return ordered


def render_packet(run: EventRun, items: Sequence[tuple[str, Shown]]) -> str:
    lines = [
        f"Event {run.event}: {len(run.articles)} articles, then {len(items)} findings to judge.",
        "Sentences are numbered from 1; in a finding, marked words are in ⟦ ⟧.",
        RUBRIC,
        "",
    ]
    for label, title, sentences in run.articles:
        lines += ["=" * 72, f"ARTICLE {label}", f"Title: {title or '(none)'}", ""]
        lines += [f"{label} {n}. {text}" for n, text in enumerate(sentences, 1)]
        lines.append("")
    lines += ["=" * 72, "FINDINGS", ""]
    for item, shown in items:
        lines += [f"[{item}] {shown.summary}"]
        lines += [f"    {q.label} {q.number}: {quote_text(q)}" for q in shown.quotes]
        lines.append("")
    return "\n".join(lines)


def _item_to_json(shown: Shown) -> dict[str, Any]:
    return dict(
        shown.key._asdict(),
        evidence=list(shown.key.evidence),
        summary=shown.summary,
        quotes=[[q.label, q.number, q.text, [list(m) for m in q.marks]] for q in shown.quotes],
    )


def _item_from_json(data: Mapping[str, Any]) -> Shown:
    quotes = tuple(
        Quote(label, number, text, tuple((a, b) for a, b in marks))
        for label, number, text, marks in data["quotes"]
    )
    key = Key(data["event"], data["kind"], tuple(data["evidence"]))
    return Shown(0, key, 0.0, data["summary"], quotes)


def write_packets(directory: Path, runs: Iterable[EventRun], gold: Mapping[Key, object]) -> int:
    """Write ``<event>.txt`` (for the judge) and ``<event>.key.json`` (item id -> gold key,
    with what the item showed) per event. Items of a packet already in ``directory`` (from
    another version of the code) stay, so old and new findings are judged mixed together;
    items judged meanwhile drop out. Returns the number of items to judge."""
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for run in runs:
        key_path = directory / f"{run.event}.key.json"
        items: dict[str, Shown] = {}
        if key_path.exists():
            earlier = json.loads(key_path.read_text(encoding="utf-8"))
            items = {item: _item_from_json(data) for item, data in earlier.items()}
            items = {item: s for item, s in items.items() if s.key not in gold}
        items.update(packet_items(run, gold))
        order = shuffled(run.event, items)
        total += len(order)
        (directory / f"{run.event}.txt").write_text(render_packet(run, order), encoding="utf-8")
        keys = {item: _item_to_json(shown) for item, shown in order}
        key_path.write_text(json.dumps(keys, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return total


# --- running the events -------------------------------------------------------------------


def load_events(split: str, names: Sequence[str] = ()) -> list[dict[str, Any]]:
    events = [e for e in json.loads(EVENTS.read_text(encoding="utf-8"))["events"]]
    chosen = [e for e in events if e["split"] == split]
    if names:
        missing = set(names) - {e["event"] for e in chosen}
        if missing:
            raise SystemExit(f"not {split} events: {', '.join(sorted(missing))}")
        chosen = [e for e in chosen if e["event"] in names]
    return chosen


def compare_event(
    event: Mapping[str, Any], rows: Mapping[str, Mapping[str, Any]], workdir: Path
) -> Any:
    """The event's articles written as JSON article objects (``id``, ``label`` = the
    article id, ``title``, the corpus's own ``sentences``) under ``workdir`` and compared."""
    from framediff import compare

    paths = []
    for number, article_id in enumerate(event["articles"]):
        row = rows[article_id]
        path = workdir / f"{event['event']}-{number}.json"
        article = {
            "id": article_id,
            "label": article_id,
            "title": row.get("title"),
            "sentences": list(row["sentences"]),
        }
        path.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    return compare(paths)


def run_event(
    event: Mapping[str, Any], rows: Mapping[str, Mapping[str, Any]], workdir: Path, top: int = TOP
) -> EventRun:
    """One event compared; ``top`` holds its first ``top`` shown findings."""
    comparison = compare_event(event, rows, workdir)
    label = {doc.id: doc.label for doc in comparison.documents}

    def sentence_text(source: str, index: int) -> str:
        return comparison.document(source).sentences[index].text

    # Earlier versions of framediff (judged "before" a change) filter by min weight here.
    shown_findings = getattr(comparison, "shown_findings", None) or tuple(
        f for f in comparison.analysis.findings if f.weight >= comparison.settings.min_weight
    )
    shown = []
    for rank, finding in enumerate(shown_findings[:top], 1):
        by_ref: dict[tuple[str, int], list[tuple[int, int]]] = {}
        for ev in finding.evidence:
            by_ref.setdefault((ev.source, ev.sentence), []).append((ev.start, ev.end))
        quotes = []
        for (source, index), spans in by_ref.items():
            sentence = comparison.document(source).sentences[index]
            marks = tuple(
                (start - sentence.start, end - sentence.start)
                for start, end in spans
                if (start, end) != (sentence.start, sentence.end)
            )
            quotes.append(Quote(label[source], index + 1, sentence.text, marks))
        shown.append(
            Shown(
                rank,
                finding_key(event["event"], finding, sentence_text),
                finding.weight,
                finding.summary,
                tuple(quotes),
            )
        )
    articles = tuple(
        (doc.label, doc.article.title, tuple(s.text for s in doc.sentences))
        for doc in comparison.documents
    )
    reported = frozenset(finding_key(event["event"], f, sentence_text) for f in shown_findings)
    return EventRun(event["event"], articles, tuple(shown), reported)


def run_events(events: Sequence[Mapping[str, Any]], data: Path, top: int = TOP) -> list[EventRun]:
    wanted = {a for e in events for a in e["articles"]}
    with (data / "articles.jsonl").open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in map(json.loads, handle) if r["id"] in wanted}
    runs = []
    with tempfile.TemporaryDirectory(prefix="framediff-real-") as tmp:
        for event in events:
            started = time.perf_counter()
            runs.append(run_event(event, rows, Path(tmp), top))
            print(
                f"{event['event']}: {len(event['articles'])} articles, "
                f"{time.perf_counter() - started:.1f}s",
                file=sys.stderr,
            )
    return runs


def only_kinds(runs: Sequence[EventRun], kinds: Iterable[str]) -> list[EventRun]:
    """Each run narrowed to the findings of ``kinds``: ``top`` holds every such finding shown
    (run the events with ``top=sys.maxsize``), ranks kept."""
    wanted = frozenset(kinds)
    return [
        EventRun(
            run.event,
            run.articles,
            tuple(s for s in run.top if s.key.kind in wanted),
            frozenset(k for k in run.reported if k.kind in wanted),
        )
        for run in runs
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--events",
        choices=("judged", "set_aside"),
        default="judged",
        help="which events (set_aside: the final test, run once at the end)",
    )
    parser.add_argument("--unjudged", action="store_true", help="list unjudged top-12 findings")
    parser.add_argument("--packets", type=Path, metavar="DIR", help="write judging packets")
    parser.add_argument(
        "--merge", type=Path, nargs="+", metavar="FILE", help="merge DIR/<event>.judged.json"
    )
    parser.add_argument("--replace", action="store_true", help="with --merge: replace verdicts")
    parser.add_argument(
        "--fit", action="store_true", help=f"write the judged counts per kind to {WEIGHTS.name}"
    )
    parser.add_argument(
        "--prior-cv",
        action="store_true",
        help="leave-one-event-out log loss of the weights per prior strength",
    )
    parser.add_argument(
        "--kinds",
        nargs="+",
        metavar="KIND",
        help="every shown finding of these kinds, not the top 12 (table, --unjudged, --packets)",
    )
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("names", nargs="*", help="event ids (default: all of --events)")
    args = parser.parse_args(argv)
    if args.merge:
        return max(merge_file(path, args.gold, args.replace) for path in args.merge)
    if not (args.data / "articles.jsonl").exists():
        print(f"skipped: no ECB+ data at {args.data}")
        return 0
    gold = load_gold(args.gold)
    if args.kinds and args.fit:
        raise SystemExit("--fit counts every kind: run it without --kinds")
    chosen = load_events(args.events, args.names)
    if args.kinds:
        runs = only_kinds(run_events(chosen, args.data, top=sys.maxsize), args.kinds)
    else:
        runs = run_events(chosen, args.data)
    if args.unjudged:
        for run in runs:
            for shown in run.top:
                if shown.key not in gold:
                    print(
                        f"UNJUDGED {run.event} #{shown.rank} {shown.key.kind} "
                        f"{shown.weight:.3f} {shown.summary[:140]}"
                    )
    counts = tally(runs, gold)
    print_table({k: v for k, v in counts.items() if k in args.kinds} if args.kinds else counts)
    if args.fit or args.prior_cv:
        if args.events != "judged":
            raise SystemExit("--fit reads the judged events only: the set-aside ones test it")
        import eval_attribution_findings as attribution

        extra = []
        if attribution.GOLD.exists():
            chosen = attribution.events(args.data)
            extra.append(
                (attribution.attribution_runs(chosen, args.data), load_gold(attribution.GOLD))
            )
        if args.prior_cv:
            prior_strengths(judged_reported(runs, gold, extra), (1, 2, 4, 8, 12, 16, 32))
        if args.fit:
            WEIGHTS.write_text(
                json.dumps(fit(runs, gold, extra), indent=1) + "\n", encoding="utf-8"
            )
            print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    if args.packets:
        count = write_packets(args.packets, runs, gold)
        print(f"packets: {len(runs)} events, {count} findings to judge, in {args.packets}")
    return 0


if __name__ == "__main__":
    # FRAMEDIFF_CHECKOUT: run an earlier checkout's framediff (the "before" of a blind
    # before/after judging); this repository's otherwise.
    sys.path.insert(0, os.environ.get("FRAMEDIFF_CHECKOUT") or str(ROOT))
    raise SystemExit(main())
