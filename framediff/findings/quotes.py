"""The same quotation across sources: ``quote_altered`` (different words inside the
quotation marks, after folding punctuation, case and spelling variants) and
``quote_to_paraphrase`` (quoted in one source, reworded without quotation marks in
another). A quotation cut short is neither: quoting part of a sentence is routine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framediff.findings.attribution import sentence_speakers
from framediff.findings.context import (
    Context,
    Draft,
    Token,
    WordChange,
    fold_words,
    group_pairs,
    snippet,
    span_tokens,
    word_changes,
)
from framediff.findings.cues import ARTICLES, FUNCTION_WORDS, NEGATORS
from framediff.findings.identity import speakers_differ
from framediff.model import Quote, SentenceRef
from framediff.scoring import word_opcodes

# Quotations shorter than this many words are labels ("no limits", 'ally'), not statements.
_MIN_QUOTE_WORDS = 4
# Share of the shorter quotation's words the other must hold to be the same quotation,
# and of the words of both (Jaccard): two different remarks of one person ("very grateful
# to have received permission to protect New Moon ... from the page to the screen" / "I am
# honored to have been entrusted with shepherding New Moon from the page to the screen")
# share a name and a phrase but few of their words.
_SAME_QUOTE = 0.5
_SAME_QUOTE_OF_BOTH = 0.4
# Share of a quotation's content words a paraphrase must carry.
_PARAPHRASE = 0.6


def _quote_tokens(quote: Quote) -> list[Token]:
    return span_tokens(quote.text, quote.start)


def _is_run(short: list[str], long: list[str]) -> bool:
    """``short`` appears in ``long`` as one contiguous run (a quotation cut short)."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


# An ordinal written with its suffix ("3rd", "5th"): the same figure as "3" or "5".
_ORDINAL_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def _cut_short(a: list[str], b: list[str]) -> bool:
    """One quotation is the other cut short: its words, less an article at its edges ("The
    real verdict ..." / "Real verdict ..."), with ordinals as plain figures ("November
    5th" / "November 5 by the people") and compounds split at their hyphens, run unbroken
    inside the other."""

    def plain(words: list[str]) -> list[str]:
        return [_ORDINAL_RE.sub(r"\1", part) for part in _compound_parts(words)]

    def trimmed(words: list[str]) -> list[str]:
        start, end = 0, len(words)
        while start < end and words[start] in ARTICLES:
            start += 1
        while end > start and words[end - 1] in ARTICLES:
            end -= 1
        return words[start:end]

    pa, pb = plain(a), plain(b)
    return any(
        bool(core) and _is_run(core, whole)
        for core, whole in ((trimmed(pa), pb), (trimmed(pb), pa))
    )


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in FUNCTION_WORDS}


def _same_quotation(a: list[str], b: list[str]) -> bool:
    ca, cb = _content(a) or set(a), _content(b) or set(b)
    if not ca or not cb:
        return False
    shared = len(ca & cb)
    return shared >= _SAME_QUOTE * min(len(ca), len(cb)) and shared >= _SAME_QUOTE_OF_BOTH * len(
        ca | cb
    )


def _altered(
    ctx: Context, a: SentenceRef, b: SentenceRef, inserted: frozenset[tuple[str, ...]]
) -> tuple[Quote, Quote, list[WordChange]] | None:
    # One quotation has one speaker: two people saying much the same ("a lawsuit" and "a
    # company spokesman") made two statements, however many words they share.
    if speakers_differ(
        sentence_speakers(ctx, a)[0], sentence_speakers(ctx, b)[0], unknown_is_same=False
    ):
        return None
    for qa in ctx.analysis(a).quotes:
        ta = _quote_tokens(qa)
        if len(ta) < _MIN_QUOTE_WORDS:
            continue
        for qb in ctx.analysis(b).quotes:
            tb = _quote_tokens(qb)
            wa, wb = [t.text for t in ta], [t.text for t in tb]
            if len(tb) < _MIN_QUOTE_WORDS or not _same_quotation(wa, wb) or wa == wb:
                continue
            if _cut_short(wa, wb):
                continue
            ops = word_opcodes(qa.text, qb.text, qa.start, qb.start)
            changes = [
                change
                for change in word_changes(ops, qa.text, qa.start, qb.text, qb.start)
                if not _trivial_change(qa, qb, change, inserted)
            ]
            if changes:
                return qa, qb, changes
    return None


def _inserted(ctx: Context) -> frozenset[tuple[str, ...]]:
    """Words some source put in brackets inside a quotation ("decided [the school's]
    fate"): the writer's, not the speaker's, in whichever version they stand."""
    return frozenset(
        tuple(fold_words(inside))
        for item in ctx.analyses.values()
        for quote in item.quotes
        for inside in _BRACKETS_RE.findall(quote.text)
    )


# A writer's insertion inside a quotation: "[the school's]".
_BRACKETS_RE = re.compile(r"\[([^\[\]]{1,60})\]")


def _trivial_change(
    qa: Quote, qb: Quote, change: WordChange, inserted: frozenset[tuple[str, ...]] = frozenset()
) -> bool:
    """A change that alters nothing the speaker said: only function words ("of", "her";
    never a negation), a bracketed insertion standing for the speaker's word ("[The
    police] said", or either side of a change equal to words another source bracketed), an
    abbreviation with and without its dots ("U.N." / "UN"), or one figure written two ways
    ("11th hour" / "eleventh-hour")."""
    if any(w in NEGATORS for w in (*change.a_words, *change.b_words)):
        return False  # "will not close" / "will close": the meaning turned round
    if change.a_words in inserted or change.b_words in inserted:
        return True
    words = [w for w in (*change.a_words, *change.b_words) if w not in FUNCTION_WORDS]
    if not words:
        return True
    for quote, start, end in (
        (qa, change.a_start, change.a_end),
        (qb, change.b_start, change.b_end),
    ):
        inside = quote.text[: start - quote.start]
        if inside.count("[") > inside.count("]") and start < end:
            return True  # the change sits inside brackets the writer added
    if _undotted(change.a_words) == _undotted(change.b_words):
        return True  # "U.N." / "UN": an abbreviation written two ways
    return bool(change.a_words) and _as_figures(change.a_words) == _as_figures(change.b_words)


def _undotted(words: tuple[str, ...]) -> str:
    return "".join(words).replace(".", "")


def _as_figures(words: tuple[str, ...]) -> list[str]:
    """Words with numbers written as figures, hyphenated compounds split: "eleventh-hour"
    and "11th hour" both read ["11", "hour"]."""
    return [
        _ORDINAL_WORDS.get(part, _ORDINAL_RE.sub(r"\1", part)) for part in _compound_parts(words)
    ]


def _compound_parts(words: Sequence[str]) -> list[str]:
    """The words with each compound split at its hyphens: a compound is the same words
    hyphenated or not ("vice-presidential", "eleventh-hour")."""
    return [part for word in words for part in word.split("-") if part]


# Numbers and ordinals written as words, as the figures they stand for.
_ORDINAL_WORDS = {
    word: str(number)
    for number, words in enumerate(
        [
            ("zero",),
            ("one", "first"),
            ("two", "second"),
            ("three", "third"),
            ("four", "fourth"),
            ("five", "fifth"),
            ("six", "sixth"),
            ("seven", "seventh"),
            ("eight", "eighth"),
            ("nine", "ninth"),
            ("ten", "tenth"),
            ("eleven", "eleventh"),
            ("twelve", "twelfth"),
        ]
    )
    for word in words
}


def _altered_drafts(
    ctx: Context, hits: dict[tuple[SentenceRef, SentenceRef], tuple[Quote, Quote, list[WordChange]]]
) -> list[Draft]:
    groups: dict[SentenceRef, list[tuple[SentenceRef, SentenceRef]]] = {}
    for pair, key in group_pairs(list(hits)).items():
        groups.setdefault(key, []).append(pair)
    drafts = []
    for pairs in groups.values():
        quotes: dict[SentenceRef, Quote] = {}
        for a, b in pairs:
            qa, qb, _ = hits[(a, b)]
            quotes.setdefault(a, qa)
            quotes.setdefault(b, qb)
        refs = ctx.sort_refs(list(quotes))
        a, b = pairs[0]
        qa, qb, ops = hits[(a, b)]
        changes = [[op.tag, " ".join(op.a_words), " ".join(op.b_words)] for op in ops]
        shown = "; ".join(
            f"“{old}” → “{new}”" if old and new else (f"+“{new}”" if new else f"−“{old}”")
            for _, old, new in changes[:3]
        )
        versions = len({tuple(fold_words(q.text)) for q in quotes.values()})
        drafts.append(
            Draft(
                kind="quote_altered",
                strength=0.72 + 0.03 * min(len(changes), 3),
                summary=(
                    f"{ctx.labels(list(dict.fromkeys(r.source for r in refs)))} quote "
                    f"“{snippet(qa.text, 50)}” in {versions} versions ({ctx.label(a.source)} → "
                    f"{ctx.label(b.source)}: {shown})"
                ),
                sources=tuple(dict.fromkeys(r.source for r in refs)),
                evidence=tuple(ctx.evidence(r, quotes[r].start, quotes[r].end) for r in refs),
                detail={
                    "quotes": {r.source: quotes[r].text for r in refs},
                    "changes": changes,
                    "compared": [a.source, b.source],
                },
            )
        )
    return drafts


def _paraphrased(ctx: Context, quoted: SentenceRef, other: SentenceRef) -> Draft | None:
    if ctx.analysis(other).quotes:
        return None
    other_words = {t.text for t in span_tokens(ctx.sentence(other).text, 0)}
    for quote in ctx.analysis(quoted).quotes:
        words = [t.text for t in _quote_tokens(quote)]
        content = _content(words)
        if len(words) < _MIN_QUOTE_WORDS + 2 or len(content) < 3:
            continue
        carried = len(content & other_words) / len(content)
        if carried < _PARAPHRASE or _quoted_in(ctx, other.source, content):
            continue
        return Draft(
            kind="quote_to_paraphrase",
            strength=0.45,
            summary=(
                f"{ctx.label(quoted.source)} quotes “{snippet(quote.text, 50)}”; "
                f"{ctx.label(other.source)} paraphrases it without quotation marks"
            ),
            sources=(quoted.source, other.source),
            evidence=(ctx.evidence(quoted, quote.start, quote.end), ctx.evidence(other)),
            detail={
                "quote": quote.text,
                "quoted_in": quoted.source,
                "paraphrased_in": other.source,
            },
        )
    return None


def _quoted_in(ctx: Context, source: str, content: set[str]) -> bool:
    """``source`` quotes those words itself somewhere (``_PARAPHRASE`` of them inside one
    of its quotations): it kept the quotation, whatever a linked sentence sums up."""
    for sentence in ctx.by_id[source].sentences:
        for quote in ctx.analysis(SentenceRef(source, sentence.index)).quotes:
            words = _content([t.text for t in _quote_tokens(quote)])
            if len(content & words) >= _PARAPHRASE * len(content):
                return True
    return False


def quote_findings(ctx: Context) -> list[Draft]:
    """Altered quotations and quotations turned into paraphrase, on firmly linked sentences."""
    altered = {}
    drafts = []
    inserted = _inserted(ctx)
    for a, b, _link in ctx.firm_pairs():
        hit = _altered(ctx, a, b, inserted)
        if hit:
            altered[(a, b)] = hit
            continue
        paraphrased = _paraphrased(ctx, a, b) or _paraphrased(ctx, b, a)
        if paraphrased:
            drafts.append(paraphrased)
    return _altered_drafts(ctx, altered) + drafts
