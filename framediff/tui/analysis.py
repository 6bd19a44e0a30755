"""The app's analysis run: the pipeline, source by source, reporting by messages.

Runs in a worker thread. Loading each SOURCE on its own lets one unreadable source
be reported while the others are compared (when at least two articles remain); the
articles a corpus's SOURCE skips are reported too. With ``Settings.strict`` either
ends the run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.message import Message

from framediff.config import Settings
from framediff.model import Article, Articles, SkippedInput
from framediff.tui.messages import InputsSkipped, Loaded, LoadFailed, Progress, SourceFailed

READING_SHARE = 0.15  # of the progress bar; the pipeline reports the rest


def analyse_sources(
    sources: Sequence[str],
    labels: Sequence[str],
    settings: Settings,
    post: Callable[[Message], object],
) -> None:
    """Read, clean, segment, align and analyse; every outcome is posted as a message."""
    from framediff import pipeline
    from framediff.errors import FramediffError

    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    count = max(1, len(sources))
    for position, source in enumerate(sources):
        post(Progress(f"reading {source}", READING_SHARE * position / count))
        label = labels[position] if position < len(labels) else None
        try:
            loaded = pipeline.load_all(
                [source], [label] if label else None, settings.presplit, settings.strict
            )
        except FramediffError as error:
            if settings.strict:
                post(LoadFailed(str(error)))
                return
            post(SourceFailed(source, str(error)))
            continue
        except Exception as error:  # one bad source must not take the app down
            post(SourceFailed(source, f"{type(error).__name__}: {error}"))
            continue
        if loaded.skipped:
            post(InputsSkipped(loaded.skipped))
        articles.extend(loaded)
        skipped.extend(loaded.skipped)
    if len(articles) < 2:
        post(LoadFailed(f"a comparison needs at least two articles; {len(articles)} could be read"))
        return
    try:
        post(Progress("splitting sentences", READING_SHARE))
        comparison = pipeline.compare_articles(
            Articles(articles, skipped),
            settings,
            on_progress=lambda stage, done: _post_progress(post, stage, done),
        )
    except FramediffError as error:
        post(LoadFailed(str(error)))
        return
    except Exception as error:
        post(LoadFailed(f"internal error ({type(error).__name__}: {error})"))
        return
    post(Loaded(comparison))


def _post_progress(post: Callable[[Message], object], stage: str, fraction: float) -> None:
    post(Progress(stage, fraction))
