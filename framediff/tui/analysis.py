"""The app's analysis run: the pipeline, source by source, reporting by messages.

Runs in a worker thread. Loading each SOURCE on its own lets one unreadable source
be reported while the others are compared (when at least two articles remain).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.message import Message

from framediff.config import Settings
from framediff.tui.messages import Loaded, LoadFailed, Progress, SourceFailed

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

    articles = []
    count = max(1, len(sources))
    for position, source in enumerate(sources):
        post(Progress(f"reading {source}", READING_SHARE * position / count))
        label = labels[position] if position < len(labels) else None
        try:
            articles.extend(pipeline.load(source, label=label, presplit=settings.presplit))
        except FramediffError as error:
            post(SourceFailed(source, str(error)))
        except Exception as error:  # one bad source must not take the app down
            post(SourceFailed(source, f"{type(error).__name__}: {error}"))
    if len(articles) < 2:
        post(LoadFailed(f"a comparison needs at least two articles; {len(articles)} could be read"))
        return
    try:
        post(Progress("splitting sentences", READING_SHARE))
        documents = pipeline.segment_all(articles)
        comparison = pipeline.compare_documents(
            documents, settings, on_progress=lambda stage, done: _post_progress(post, stage, done)
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
