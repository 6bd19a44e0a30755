"""Many articles -> events -> one comparison per event, on worker processes or Dask.

Owns the corpus run: cleaning and splitting every article, grouping all of them into events
at once (``events.grouping.group_events``, whose profiles and pair scores run on the same
workers), then comparing each event of two or more articles
and rendering its report where it was compared. It returns values; writing the files is the
CLI's job. The per-article and per-event work are top-level functions so that a process pool
or a Dask cluster can ship them to workers; results are put back in input order, so a run
gives the same files whatever the number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from framediff.config import Settings
from framediff.errors import FramediffError, UsageError
from framediff.events.grouping import group_events
from framediff.ingest import skipped_input
from framediff.model import (
    Article,
    CorpusSummary,
    Document,
    EventReport,
    RawDocument,
    Sentence,
    SkippedInput,
    SourceContents,
    SourceSpec,
)
from framediff.pipeline import (
    __version__,
    compare_documents,
    in_input_order,
    number_documents,
    prepare_article,
    read_all,
    refuse_skipped,
)

__all__ = ["compare_event", "run_corpus", "workers"]

# Articles cleaned per task: one task per article would spend more time shipping work
# to the workers than cleaning a short page takes.
ARTICLES_PER_TASK = 16
# How long to wait for a Dask scheduler that does not answer.
DASK_CONNECT_SECONDS = 20
# Strongest findings summarised per event in the index.
TOP_FINDINGS = 3

# Called with a stage name, the items done and the items in that stage.
CorpusProgress = Callable[[str, int, int], None]
Prepared = tuple[Article, tuple[Sentence, ...]]
Item = TypeVar("Item")
Result = TypeVar("Result")


def run_corpus(
    sources: Sequence[str | SourceSpec],
    settings: Settings | None = None,
    jobs: int = 1,
    dask: str | None = None,
    on_progress: CorpusProgress | None = None,
) -> Iterator[EventReport | CorpusSummary]:
    """Compare every event the sources report. Yields each event's report as it is done
    (in any order), then one ``CorpusSummary`` with all of them in event order, without
    their text (a corpus's reports need not fit in memory together).

    ``jobs`` worker processes share the work on this machine; ``dask`` is the address of a
    Dask scheduler ("tcp://host:8786"), or "local" for a local cluster of ``jobs`` workers.
    """
    # Checked here, not in the generator below, so that a caller hears of it before any
    # work starts (the CLI before it creates the output directory).
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {jobs}")
    return _run_corpus(sources, settings or Settings(), jobs, dask, on_progress)


def _run_corpus(
    sources: Sequence[str | SourceSpec],
    settings: Settings,
    jobs: int,
    dask: str | None,
    on_progress: CorpusProgress | None,
) -> Iterator[EventReport | CorpusSummary]:
    progress = on_progress or (lambda stage, done, total: None)
    contents = read_all(list(sources), presplit=settings.presplit)
    raws = [raw for content in contents for raw in content.documents]
    with _runner(jobs, dask) as runner:
        run = runner.run
        batches = [
            (start, raws[start : start + ARTICLES_PER_TASK], settings.presplit)
            for start in range(0, len(raws), ARTICLES_PER_TASK)
        ]
        prepared: list[Prepared | SkippedInput] = [SkippedInput("", "")] * len(raws)
        done = 0
        for start, results in run(_prepare_batch, batches):
            prepared[start : start + len(results)] = results
            done += len(results)
            progress("reading", done, len(raws))
        documents, skipped = _read_outcome(contents, prepared, settings.strict)
        progress("grouping", 0, len(documents))
        # Profiles and candidate pairs are worked out where the comparisons run; only the
        # scored pairs come back to be linked.
        groups = group_events(documents, cluster=runner)
        by_id = {doc.id: doc for doc in documents}
        multi = [[by_id[source] for source in group] for group in groups if len(group) > 1]
        width = max(3, len(str(len(multi))))
        # Largest events first: the longest comparisons start early and the pool stays busy.
        tasks = sorted(
            (
                (n + 1, f"event-{n + 1:0{width}d}", members, settings)
                for n, members in enumerate(multi)
            ),
            key=lambda task: -sum(len(doc.sentences) for doc in task[2]),
        )
        reports: list[EventReport] = []
        progress("comparing", 0, len(tasks))
        for report in run(_compare_task, tasks):
            reports.append(report)
            progress("comparing", len(reports), len(tasks))
            yield report
    single = tuple(by_id[group[0]].label for group in groups if len(group) == 1)
    yield CorpusSummary(
        articles=len(documents),
        # The reports' text was yielded already; the summary keeps what the index needs.
        events=tuple(
            replace(report, markdown=None, json=None)
            for report in sorted(reports, key=lambda report: report.number)
        ),
        single=single,
        skipped=tuple(str(item) for item in skipped),
        version=__version__,
    )


def _read_outcome(
    contents: Sequence[SourceContents], prepared: Sequence[Prepared | SkippedInput], strict: bool
) -> tuple[list[Document], list[SkippedInput]]:
    """The articles cleaned and split, numbered in input order, and those skipped in
    reading or in cleaning (an error when ``strict``, or when none is left)."""
    skipped = _skipped(contents, prepared)
    if strict:
        refuse_skipped(skipped)
    documents = number_documents([item for item in prepared if not isinstance(item, SkippedInput)])
    if not documents:
        raise FramediffError("no article could be read: " + (str(skipped[0]) if skipped else ""))
    return documents, skipped


_blas_limited = False


def _one_blas_thread() -> None:
    """Keep a worker's BLAS to one thread. Two workers each running OpenBLAS's own two
    threads on two cores left the pool barely faster than one process (comparing the ECB+
    corpus: 14.3 s alone, 13.1 s on two workers; 7.7 s with one BLAS thread each)."""
    global _blas_limited
    if not _blas_limited:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        _blas_limited = True


def _prepare_batch(
    task: tuple[int, Sequence[RawDocument], bool],
) -> tuple[int, list[Prepared | SkippedInput]]:
    """Clean and split a batch of articles; an article that cannot be read is skipped with
    its one-line reason, so one bad page does not stop a corpus."""
    start, raws, presplit = task
    results: list[Prepared | SkippedInput] = []
    for raw in raws:
        try:
            results.append(prepare_article(raw, presplit))
        except FramediffError as error:
            results.append(skipped_input(raw.origin, error))
    return start, results


def _skipped(
    contents: Sequence[SourceContents], prepared: Sequence[Prepared | SkippedInput]
) -> list[SkippedInput]:
    """The articles skipped in reading or in cleaning, source by source in input order."""
    found: list[SkippedInput] = []
    start = 0
    for content in contents:
        end = start + len(content.documents)
        cleaned = [item for item in prepared[start:end] if isinstance(item, SkippedInput)]
        found.extend(in_input_order([*content.skipped, *cleaned]))
        start = end
    return found


def _compare_task(task: tuple[int, str, Sequence[Document], Settings]) -> EventReport:
    return compare_event(*task)


def _start_worker() -> None:
    """A pool worker: Ctrl-C is the parent's to handle (it cancels what has not started and
    exits with one line; workers of their own would each print a traceback)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _one_blas_thread()


def _in_worker(function: Callable[..., Result]) -> Callable[..., Result]:
    """``function`` run by a worker of a pool or a cluster: one BLAS thread first."""
    return partial(_call_in_worker, function)


def _call_in_worker(function: Callable[..., Result], *items: Any) -> Result:
    _one_blas_thread()
    return function(*items)


def compare_event(
    number: int, name: str, documents: Sequence[Document], settings: Settings
) -> EventReport:
    """The comparison of one event's articles, rendered as markdown and JSON."""
    renumbered = [replace(doc, id=f"s{k + 1}") for k, doc in enumerate(documents)]
    report = EventReport(
        number=number,
        name=name,
        labels=tuple(doc.label for doc in documents),
        outlets=tuple(dict.fromkeys(doc.article.outlet for doc in documents if doc.article.outlet)),
        published=tuple(
            sorted({doc.article.published for doc in documents if doc.article.published})
        ),
        title=_title(renumbered, None),
        findings=0,
        top=(),
    )
    try:
        comparison = compare_documents(renumbered, settings)
        markdown, payload = comparison.to_markdown(), comparison.to_json()
    except Exception as error:  # one event's failure must not lose a corpus's other reports
        if isinstance(error, FramediffError):
            return replace(report, error=str(error))
        return replace(report, error=f"internal error ({type(error).__name__}: {error})")
    shown = comparison.shown_findings
    return replace(
        report,
        title=_title(renumbered, comparison.reference),
        findings=len(shown),
        top=tuple(finding.summary for finding in shown[:TOP_FINDINGS]),
        groups=len(comparison.events),
        markdown=markdown,
        json=payload,
    )


def _title(documents: Sequence[Document], reference: str | None) -> str:
    """The event's headline: the reference's title, else any title, else a lead sentence."""
    ordered = sorted(documents, key=lambda doc: doc.id != reference)
    for doc in ordered:
        if doc.article.title:
            return doc.article.title
    for doc in ordered:
        if doc.sentences:
            return doc.sentences[0].text
    return ""


# --- where the work runs -----------------------------------------------------------


class _Serial:
    """In this process, one item after another."""

    keeps_results = False

    def __enter__(self) -> _Serial:
        return self

    def run(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        return (function(item) for item in items)

    def map(self, function: Callable[..., Result], *iterables: Sequence[Any]) -> list[Result]:
        return [function(*items) for items in zip(*iterables, strict=True)]

    def gather(self, handles: Sequence[Any]) -> list[Any]:
        return list(handles)

    def __exit__(self, *exc: object) -> None:
        return None


class _Processes:
    """A pool of worker processes on this machine; results as they finish."""

    keeps_results = False  # results come back to this process

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def __enter__(self) -> _Processes:
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_start_worker)
        return self

    def map(self, function: Callable[..., Result], *iterables: Sequence[Any]) -> list[Result]:
        """Results in order; the values come back to this process."""
        return list(self.pool.map(function, *iterables))

    def gather(self, handles: Sequence[Any]) -> list[Any]:
        return list(handles)

    def run(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        from concurrent.futures import as_completed

        futures = [self.pool.submit(function, item) for item in items]
        try:
            for future in as_completed(futures):
                yield future.result()
        finally:
            for future in futures:
                future.cancel()

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """A Dask cluster: a scheduler's address, or a local cluster of ``jobs`` processes."""

    keeps_results = True  # futures: results stay on the workers until gathered

    def __init__(self, address: str, jobs: int) -> None:
        self.address, self.jobs = address, jobs

    def __enter__(self) -> _Dask:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                '--dask needs the optional extra: pip install "framediff[dask]"'
            ) from None
        try:
            if self.address == "local":
                self.client = Client(
                    n_workers=self.jobs, threads_per_worker=1, dashboard_address=None
                )
            else:
                self.client = Client(self.address, timeout=DASK_CONNECT_SECONDS)
        except OSError as error:
            raise UsageError(
                f"cannot reach the Dask scheduler at {self.address}: {error}"
            ) from None
        return self

    def map(self, function: Callable[..., Any], *iterables: Sequence[Any]) -> list[Any]:
        """Futures in order: the results stay on the workers until gathered or passed to
        another ``map``. Arguments that are not futures yet are scattered first, so large
        ones (a partition's articles) do not travel inside the task graph."""
        from distributed import Future

        columns = [
            items
            if all(isinstance(item, Future) for item in items)
            else self.client.scatter(list(items), hash=False)
            for items in iterables
        ]
        return list(self.client.map(_in_worker(function), *columns, pure=False))

    def gather(self, handles: Sequence[Any]) -> list[Any]:
        return list(self.client.gather(list(handles)))

    def run(self, function: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        from distributed import as_completed

        futures = self.client.map(_in_worker(function), list(items), pure=False)
        for future in as_completed(futures):
            yield future.result()

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.address == "local" and self.client.cluster is not None:
            self.client.cluster.close()


def workers(jobs: int = 1, dask: str | None = None) -> _Serial | _Processes | _Dask:
    """Where a corpus's work runs, as a context manager: this process (``jobs`` 1), a pool of
    ``jobs`` worker processes, or a Dask cluster (an address, or "local"). It is also an
    ``events.Cluster``: ``group_events(documents, cluster=...)`` groups on it."""
    return _runner(jobs, dask)


def _runner(jobs: int, dask: str | None) -> _Serial | _Processes | _Dask:
    if dask:
        return _Dask(dask, jobs)
    return _Processes(jobs) if jobs > 1 else _Serial()
