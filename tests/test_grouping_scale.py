"""Grouping past one machine: date windows and blocking keys, chunked grouping, the same
events on worker processes, and pair scores equal to ``EventIndex``'s."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from framediff.corpus import workers
from framediff.events.blocking import WINDOW_DAYS, candidate_pairs, populations, windows
from framediff.events.grouping import group_events
from framediff.events.incremental import EventGrouper
from framediff.events.scoring import EventIndex
from framediff.model import Article, Document
from framediff.pipeline import load_all, segment_all
from framediff.segment import segment_article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "alignment" / "ecbplus_dev_gold.json"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# Copies of the 24 articles: 168 articles, past EventParams.blocking_above (150), so the
# blocking keys and date windows choose the pairs.
COPIES = 7


def _gold_documents(copy: int, first_day: date) -> list[Document]:
    """The 24 real ECB+ articles of the alignment gold (12 events of 12 topics) as copy
    ``copy``: new ids, and each event published on its own day of a week shifted by
    ``copy`` years of 52 weeks."""
    payload = json.loads(GOLD.read_text(encoding="utf-8"))
    documents = []
    for number, row in enumerate(payload["articles"]):
        sentences = tuple(row["sentences"])
        published = first_day + timedelta(days=number // 2 % 7, weeks=52 * copy)
        article = Article(
            origin=f"{row['id']}.txt",
            text="\n".join(sentences),
            published=published.isoformat(),
            presplit=sentences,
        )
        ident = f"{row['id']}#{copy}"
        documents.append(
            Document(id=ident, label=ident, article=article, sentences=segment_article(article))
        )
    return documents


@pytest.fixture(scope="module")
def copies() -> list[list[Document]]:
    return [_gold_documents(copy, date(2013, 1, 7)) for copy in range(COPIES)]


def _gold_pairs(events: list[list[str]]) -> set[tuple[str, ...]]:
    return {tuple(sorted(event)) for event in events if len(event) > 1}


def test_windows_keep_copies_a_year_apart_and_pairs_within_an_event(
    copies: list[list[Document]],
) -> None:
    corpus = [doc for copy in copies for doc in copy]
    events = group_events(corpus)
    # No event mixes copies: they are 52 weeks apart, never in neighbouring windows.
    assert all(len({ident.split("#")[1] for ident in event}) == 1 for event in events)
    # Each copy groups as the 24 articles grouped alone do.
    alone = _gold_pairs(group_events(copies[0]))
    assert len(alone) >= 10
    for copy in range(COPIES):
        suffix = f"#{copy}"
        mine = {event for event in _gold_pairs(events) if event[0].endswith(suffix)}
        assert {tuple(i.replace(suffix, "#0") for i in e) for e in mine} == alone


def test_candidate_pairs_follow_keys_and_windows() -> None:
    day = date(2025, 3, 3).toordinal()
    # Articles 0-3 share key 7; 0 and 1 in one window, 2 in the next, 3 three windows on;
    # 4 is undated and shares key 7 too; 5 shares nothing.
    dates = np.array([day, day, day + WINDOW_DAYS, day + 3 * WINDOW_DAYS, 0, day])
    key_ptr = np.array([0, 1, 2, 3, 4, 5, 6])
    key_ids = np.array([7, 7, 7, 7, 7, 9])
    window = windows(dates)
    i, j = candidate_pairs(key_ptr, key_ids, window)
    pairs = set(zip(i.tolist(), j.tolist(), strict=True))
    # 0 and 2 are neighbouring windows if the day falls so; compute what the windows say.
    near = {(a, b) for a in range(4) for b in range(a + 1, 4) if abs(window[a] - window[b]) <= 1}
    assert pairs == near | {(0, 4), (1, 4), (2, 4), (3, 4)}
    assert (0, 3) not in pairs and all(5 not in pair for pair in pairs)
    # Only pairs holding an article from position 4 on, when those are the new ones.
    i, j = candidate_pairs(key_ptr, key_ids, window, first_new=4)
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == {(0, 4), (1, 4), (2, 4), (3, 4)}
    # An undated article can be compared with all; a dated one with its windows and the undated.
    assert populations(window).tolist()[4] == 6


def test_scores_are_those_of_the_event_index_to_the_last_bit() -> None:
    documents = segment_all(load_all([str(path) for path in SEEDS]))
    index = EventIndex(documents)
    expected = {
        pair: found.score() for pair, found in index.pair_evidence().items() if found.score() > 0
    }
    grouper = EventGrouper()
    grouper.add(documents)
    edges = grouper._edges
    found = dict(
        zip(
            zip(edges.i.tolist(), edges.j.tolist(), strict=True),
            edges.score.tolist(),
            strict=True,
        )
    )
    assert found == expected


def test_chunks_in_any_order_give_the_events_of_one_run(copies: list[list[Document]]) -> None:
    corpus = [doc for copy in copies for doc in copy]
    at_once = group_events(corpus)
    for order in (list(range(COPIES)), list(reversed(range(COPIES)))):
        grouper = EventGrouper()
        for copy in order:
            grouper.add(copies[copy])
        assert _gold_pairs(grouper.events()) == _gold_pairs(at_once)


def test_a_late_article_joins_its_event() -> None:
    documents = segment_all(load_all([str(path) for path in SEEDS]))
    grouper = EventGrouper()
    grouper.add([documents[0], documents[2], documents[4]])
    assert len(grouper.events()) == 3
    grouper.add([documents[1], documents[3]])
    by_name = {doc.id: Path(doc.article.origin).name[:3] for doc in documents}
    assert sorted(sorted(by_name[i] for i in event) for event in grouper.events()) == [
        ["000", "001", "003"],
        ["002"],
        ["004"],
    ]


def test_worker_processes_give_the_same_events(copies: list[list[Document]]) -> None:
    corpus = [doc for copy in copies for doc in copy]
    with workers(2) as pool:
        assert group_events(corpus, cluster=pool) == group_events(corpus)


def test_a_year_later_the_same_words_are_another_event(copies: list[list[Document]]) -> None:
    # Two copies of one article, and enough others to pass blocking_above.
    corpus = [doc for copy in copies for doc in copy]
    first = corpus[0]
    later = replace(
        first,
        id="later",
        article=replace(
            first.article, published=(date(2013, 1, 7) + timedelta(days=400)).isoformat()
        ),
    )
    events = group_events([*corpus, later])
    assert ["later"] in events


def test_a_dask_cluster_gives_the_same_events(copies: list[list[Document]]) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = [doc for copy in copies for doc in copy]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        workers(dask=cluster.scheduler_address) as remote,
    ):
        assert remote.keeps_results
        assert group_events(corpus, cluster=remote) == group_events(corpus)
