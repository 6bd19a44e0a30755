"""The ``framediff`` command: argument parsing, output files and exit codes.

A thin layer: every command calls the pipeline and a renderer. This is the only
place that turns errors into exit codes (0 ok, 1 findings with --exit-code,
2 bad usage or input, 130 interrupted).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NoReturn, TextIO

from framediff import __version__
from framediff.config import Settings
from framediff.errors import FramediffError, OutputError, UsageError
from framediff.model import Articles, Document, SkippedInput
from framediff.text import strip_control

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _add_sources(parser: argparse.ArgumentParser, formats: Sequence[str] | None) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="file, directory, URL or -")
    parser.add_argument(
        "--label", action="append", default=[], help="name single-article SOURCEs in order"
    )
    parser.add_argument(
        "--presplit", action="store_true", help="each non-empty line is one sentence"
    )
    _add_strict(parser)
    if formats:
        parser.add_argument("--format", choices=formats, default=formats[0])
        parser.add_argument(
            "-o", "--output", metavar="FILE", help="write to FILE instead of stdout"
        )
        parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _add_strict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 2 on an unreadable article of a JSONL file or a directory instead of "
        "skipping it",
    )


def _add_comparison_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reference", metavar="LABEL", help="source that rows and diffs are read against"
    )
    parser.add_argument(
        "--threshold", type=float, metavar="X", help="link decision threshold (0..1)"
    )
    parser.add_argument(
        "--min-weight", type=float, default=0.0, metavar="X", help="hide weaker findings"
    )
    _add_transformer(parser)


def _add_transformer(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--transformer",
        action="store_true",
        help="score with the full MiniLM (needs the framediff[transformer] extra)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="framediff", description="See how outlets covered the same event differently."
    )
    parser.add_argument("--version", action="version", version=f"framediff {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    compare = commands.add_parser("compare", help="full comparison")
    _add_sources(compare, ["rich", "text", "markdown", "json"])
    _add_comparison_options(compare)
    compare.add_argument("--exit-code", action="store_true", help="exit 1 when there are findings")

    report = commands.add_parser("report", help="markdown diff report")
    _add_sources(report, ["markdown", "json", "text"])
    _add_comparison_options(report)
    report.add_argument("--exit-code", action="store_true", help="exit 1 when there are findings")

    view = commands.add_parser("view", help="interactive side-by-side terminal app")
    _add_sources(view, None)
    _add_comparison_options(view)

    align = commands.add_parser("align", help="sentence alignment of exactly two sources")
    _add_sources(align, ["text", "json"])
    align.add_argument(
        "--threshold", type=float, metavar="X", help="link decision threshold (0..1)"
    )
    _add_transformer(align)

    group = commands.add_parser("group", help="which sources report the same event")
    _add_sources(group, ["text", "json"])

    extract = commands.add_parser("extract", help="cleaned text, metadata and sentences")
    _add_sources(extract, ["text", "json"])

    _add_corpus_command(commands)

    demo = commands.add_parser("demo", help="compare the bundled seed articles")
    demo.add_argument("--format", choices=["app", "markdown"], default=None)

    _add_serve_command(commands)
    return parser


def _add_serve_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="keep the pipeline loaded in a server that later commands use",
        description="Serve compare, report, align, group, extract and corpus from a process "
        "that has loaded the pipeline once; the framediff command uses it when it runs.",
    )
    action = serve.add_mutually_exclusive_group()
    action.add_argument(
        "--detach", action="store_true", help="run in the background; return once it answers"
    )
    action.add_argument("--stop", action="store_true", help="stop the running server")
    action.add_argument(
        "--status", action="store_true", help="say whether a server runs (exit 1 if not)"
    )
    serve.add_argument(
        "--idle-timeout",
        type=float,
        metavar="SECONDS",
        help="exit after this long without a command (default: 900; 0: never)",
    )


def _add_corpus_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    corpus = commands.add_parser(
        "corpus", help="many articles grouped into events, one report per event and an index"
    )
    corpus.add_argument("sources", nargs="+", metavar="SOURCE", help="file, directory, URL or -")
    corpus.add_argument("--out", required=True, metavar="DIR", help="directory for the reports")
    corpus.add_argument(
        "--force", action="store_true", help="write into DIR even if it holds files"
    )
    corpus.add_argument(
        "--presplit", action="store_true", help="each non-empty line is one sentence"
    )
    _add_strict(corpus)
    corpus.add_argument(
        "--jobs",
        type=int,
        default=_cpu_count(),
        metavar="N",
        help="worker processes on this machine (default: one per CPU)",
    )
    corpus.add_argument(
        "--dask",
        metavar="ADDRESS",
        help='run on a Dask cluster: its scheduler address, or "local" (framediff[dask] extra)',
    )
    corpus.add_argument(
        "--threshold", type=float, metavar="X", help="link decision threshold (0..1)"
    )
    corpus.add_argument(
        "--min-weight", type=float, default=0.0, metavar="X", help="hide weaker findings"
    )
    _add_transformer(corpus)


def _cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings(
        presplit=bool(getattr(args, "presplit", False)),
        strict=bool(getattr(args, "strict", False)),
    )
    if getattr(args, "threshold", None) is not None:
        if not 0.0 <= args.threshold <= 1.0:
            raise UsageError("--threshold must be between 0 and 1")
        settings = replace(settings, threshold=args.threshold)
    if getattr(args, "min_weight", None):
        settings = replace(settings, min_weight=args.min_weight)
    if getattr(args, "reference", None):
        settings = replace(settings, reference=args.reference)
    if getattr(args, "transformer", False):
        from framediff import embed

        # Checked here, before any work: the app would otherwise fail inside its worker.
        if not embed.model_available(transformer=True):
            raise UsageError(
                '--transformer needs the optional extra: pip install "framediff[transformer]"'
            )
        settings = replace(settings, transformer=True)
    return settings


def check_output(output: str, force: bool) -> Path:
    """The path ``-o`` names, once it is known writing there is allowed: not a directory,
    in an existing directory, and not an existing file unless ``force`` (a device or pipe
    keeps nothing, so needs no force)."""
    from framediff import files

    target = Path(output)
    if target.is_dir():
        raise OutputError(f"{output} is a directory")
    if target.exists() and not force and not files.is_stream(target):
        raise OutputError(f"{output} exists; use --force to overwrite it")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"no such directory: {directory}")
    return target


def write_output(text: str, output: str | None, force: bool, stdout: TextIO) -> None:
    """Write to stdout, or to ``output`` (``framediff.files``: atomically, refusing to
    replace a file without force; a device or pipe such as /dev/stdout is written in place
    and needs no force, as it keeps nothing)."""
    from framediff import files

    if output is None or output == "-":
        stdout.write(text)
        stdout.flush()
        return
    target = check_output(output, force)
    try:
        files.write_text(target, text)
    except OSError as error:
        raise OutputError(f"could not write {output}: {error.strerror or error}") from None


def _run(args: argparse.Namespace, stdout: TextIO) -> int:
    if args.command == "demo":
        from framediff.demo import run_demo

        return run_demo(args.format, stdout)
    if args.command == "serve":
        return _run_serve(args, stdout)
    settings = _settings(args)
    return _COMMANDS[args.command](args, settings, stdout)


def _run_serve(args: argparse.Namespace, stdout: TextIO) -> int:
    """``serve``: the server runs this module's ``main`` for its clients."""
    from framediff import server

    if args.stop:
        return server.stop(stdout)
    if args.status:
        return server.status(stdout)
    idle = server.IDLE_TIMEOUT if args.idle_timeout is None else args.idle_timeout
    return server.serve(main, idle, stdout, detach=args.detach)


def _read(args: argparse.Namespace, settings: Settings) -> Articles:
    """The articles of the SOURCEs; the inputs skipped on the way are listed on stderr."""
    from framediff import pipeline

    articles = pipeline.load_all(args.sources, args.label, settings.presplit, settings.strict)
    _report_skipped(articles.skipped, sys.stderr)
    pipeline.require_articles(articles, args.sources)
    return articles


def _read_documents(
    args: argparse.Namespace, settings: Settings
) -> tuple[list[Document], Articles]:
    """The SOURCEs' articles split into sentences, and the articles as read."""
    from framediff import pipeline

    articles = _read(args, settings)
    return pipeline.segment_all(articles), articles


def _run_extract(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    from framediff.render import json as render_json
    from framediff.render.text import extract_to_text

    documents, articles = _read_documents(args, settings)
    if args.format == "json":
        text = render_json.dumps(render_json.sources_payload(documents, articles.skipped))
    else:
        text = extract_to_text(documents)
    write_output(text, args.output, args.force, stdout)
    return EXIT_OK


def _run_align(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    from framediff import pipeline
    from framediff.render import json as render_json
    from framediff.render.text import links_to_tsv

    if args.format != "json":  # the TSV shows links and scores, never word diffs
        settings = replace(settings, word_diffs=False)
    documents, articles = _read_documents(args, settings)
    alignment = pipeline.align_pair(documents, settings)
    if args.format == "json":
        pairs = render_json.alignment_to_dict(alignment)["pairs"]
        payload = render_json.sources_payload(documents, articles.skipped, pairs=pairs)
        text = render_json.dumps(payload)
    else:
        text = links_to_tsv(alignment.links)
    write_output(text, args.output, args.force, stdout)
    return EXIT_OK


def _run_group(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    from framediff import pipeline
    from framediff.render import json as render_json
    from framediff.render.text import events_to_text

    documents, articles = _read_documents(args, settings)
    events = pipeline.group_documents(documents)
    if args.format == "json":
        payload = render_json.sources_payload(documents, articles.skipped, events=events)
        text = render_json.dumps(payload)
    else:
        text = events_to_text(documents, events)
    write_output(text, args.output, args.force, stdout)
    return EXIT_OK


def _run_view(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    from framediff.tui.app import make_app

    if "-" in args.sources:
        raise UsageError("view reads keys from standard input; save the article to a file")
    if not (sys.stdin.isatty() and stdout.isatty()):
        raise UsageError("view needs a terminal; use `framediff report` for a file or a pipe")
    app = make_app(args.sources, labels=args.label, settings=settings)
    app.run()
    return app.return_code or EXIT_OK


def _run_comparison(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    """``compare`` and ``report``: the comparison in the chosen format."""
    from framediff import pipeline

    if args.output and args.output != "-":
        check_output(args.output, args.force)  # before the work, not after it
    comparison = pipeline.compare_articles(_read(args, settings), settings)
    fmt = args.format
    if fmt == "rich" and args.output:
        fmt = "text"
    if fmt == "rich":
        from framediff.render.terminal import print_comparison

        print_comparison(comparison, stdout)
    else:
        if fmt == "json":
            text = comparison.to_json()
        elif fmt == "markdown":
            text = comparison.to_markdown()
        else:
            from framediff.render.text import comparison_to_text

            text = comparison_to_text(comparison)
        write_output(text, args.output, args.force, stdout)
    return EXIT_FINDINGS if args.exit_code and comparison.shown_findings else EXIT_OK


# Inputs skipped that stderr names one by one; the rest are counted.
SKIPPED_SHOWN = 20


def _report_skipped(skipped: Sequence[SkippedInput | str], stderr: TextIO) -> None:
    """One line per skipped input on stderr, the first SKIPPED_SHOWN of them, then a count."""
    for item in skipped[:SKIPPED_SHOWN]:
        print(f"framediff: skipped {strip_control(str(item))}", file=stderr)
    rest = len(skipped) - SKIPPED_SHOWN
    if rest > 0:
        print(
            f"framediff: skipped {rest} more input{'s' if rest > 1 else ''} "
            f"({len(skipped)} in all)",
            file=stderr,
        )


def _run_corpus(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    """Reports of every event into --out, written as they finish, the index last."""
    from framediff.corpus import run_corpus
    from framediff.model import CorpusSummary
    from framediff.render.corpus import index_json, index_markdown, summary_line

    if "-" in args.sources:
        raise UsageError("corpus reads files, directories and URLs, not standard input")
    items = run_corpus(args.sources, settings, args.jobs, args.dask, _corpus_progress)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{args.out} is not a directory")
    if out.is_dir() and any(out.iterdir()) and not args.force:
        raise OutputError(f"{args.out} is not empty; use --force to write into it")
    out.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    summary: CorpusSummary | None = None
    for item in items:
        if isinstance(item, CorpusSummary):
            summary = item
            continue
        for suffix, text in ((".md", item.markdown), (".json", item.json)):
            if text is not None:
                write_output(text, str(out / f"{item.name}{suffix}"), True, stdout)
                written.add(item.name + suffix)
        if item.error:
            logging.getLogger("framediff").warning(f"{item.name}: {item.error}")
    assert summary is not None
    # Reports of an earlier run into the same directory would make the index lie.
    for stale in sorted(out.glob("event-*")):
        if stale.suffix in (".md", ".json") and stale.name not in written:
            stale.unlink()
    write_output(index_markdown(summary), str(out / "index.md"), True, stdout)
    write_output(index_json(summary), str(out / "index.json"), True, stdout)
    _report_skipped(summary.skipped, sys.stderr)
    stdout.write(f"{summary_line(summary)}; index: {out / 'index.md'}\n")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace, Settings, TextIO], int]] = {
    "extract": _run_extract,
    "align": _run_align,
    "group": _run_group,
    "corpus": _run_corpus,
    "view": _run_view,
    "compare": _run_comparison,
    "report": _run_comparison,
}


def _corpus_progress(stage: str, done: int, total: int) -> None:
    """A corpus run's progress on one line of a terminal's stderr."""
    if sys.stderr.isatty():
        end = "\n" if done == total and stage == "comparing" else ""
        print(f"\rframediff: {stage} {done}/{total}", end=end, file=sys.stderr, flush=True)


class _OneLineWarnings(logging.Handler):
    """Stage warnings (a skipped JSONL line, a source that fell back) as one line on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"framediff: warning: {record.getMessage()}", file=sys.stderr)


def _install_warning_handler() -> None:
    logger = logging.getLogger("framediff")
    if not any(isinstance(handler, _OneLineWarnings) for handler in logger.handlers):
        logger.addHandler(_OneLineWarnings(level=logging.WARNING))
    logger.propagate = False


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    stdout = stdout or sys.stdout
    _install_warning_handler()
    try:
        args = build_parser().parse_args(argv)
        return _run(args, stdout)
    except FramediffError as error:
        print(f"framediff: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("framediff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (head, less) went away: not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a bug: one line, the traceback only on request
        if os.environ.get("FRAMEDIFF_DEBUG"):
            raise
        print(
            f"framediff: error: internal error ({type(error).__name__}: {error}); "
            "set FRAMEDIFF_DEBUG=1 for details",
            file=sys.stderr,
        )
        return EXIT_ERROR
