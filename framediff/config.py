"""Settings: the knobs of a comparison, one frozen value passed down every stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Every tunable of a run. Defaults were fitted on development data (see benchmarks/)."""

    # Link decision on the combined sentence score (align).
    threshold: float = 0.5
    # Word-level diffs of each link (Link.ops). Off only where nothing reads them: `align`
    # written as TSV prints the links and scores alone, and the diffs of a 1,000 x 1,000
    # alignment were a seventh of its time.
    word_diffs: bool = True
    # Findings below this weight are not reported.
    min_weight: float = 0.0
    # A finding's weight is the measured share of findings of its kind judged true on real
    # coverage; reports quote in full, as key findings, those at or above this confidence
    # (0.3: above the kinds right less than three times in ten) and list the rest.
    key_confidence: float = 0.3
    # Label of the source rows and word diffs are read against; None = most-linked source.
    reference: str | None = None
    # Each non-empty input line is a sentence; no cleaning or segmentation.
    presplit: bool = False
    # An article of a corpus (a JSONL line, a file of a directory) that cannot be read or
    # holds no article text is an error instead of being skipped and listed.
    strict: bool = False
    # Score with the full MiniLM transformer (extra `framediff[transformer]`) instead of the
    # bundled static embeddings.
    transformer: bool = False
