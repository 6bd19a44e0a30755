"""What sources carry and leave out, claim by claim: ``omission`` (a claim most of an
event's sources carry and some lack), ``unique`` (runs of sentences only one source
carries, one finding per run) and ``editorializing`` (unattributed interpretation or
evaluation with no counterpart elsewhere).
"""

from __future__ import annotations

import re

from framediff.analyze.findings.attribution import sentence_speakers
from framediff.analyze.findings.context import Context, Draft, group_pairs, snippet
from framediff.analyze.findings.cues import (
    EDITORIAL_CLAUSE_RE,
    EDITORIAL_FRAME_RE,
    EVALUATIVE_WORDS,
    SOURCE_NOUNS,
    SPEECH_RE,
    STANCE_RE,
    WEAK_FRAME_VERBS,
    is_boilerplate,
)
from framediff.model import SentenceRef
from framediff.text import fold_punctuation, words

# Sentences shorter than this carry no claim of their own (captions, fragments, "Hashtags").
_MIN_WORDS = 5
# Leading connectives that do not change whose voice a sentence is in.
_CONNECTIVE_RE = re.compile(
    r"^(?:however|moreover|meanwhile|concurrently|indeed|still|yet|thus|instead|"
    r"in (?:short|effect|turn|any case)|at the same time|taken together|all in all)\s*,?\s*",
    re.IGNORECASE,
)


def _substantive(ctx: Context, ref: SentenceRef) -> bool:
    text = ctx.sentence(ref).text
    return len(words(text)) >= _MIN_WORDS and not is_boilerplate(text)


def _attributed(ctx: Context, ref: SentenceRef) -> bool:
    return sentence_speakers(ctx, ref)[1]


def _has_facts(ctx: Context, ref: SentenceRef) -> bool:
    """Names, figures or a speaker: the sentence reports something checkable."""
    text = ctx.sentence(ref).text
    return (
        bool(ctx.analysis(ref).entities) or any(c.isdigit() for c in text) or _attributed(ctx, ref)
    )


def editorial_cues(text: str) -> list[tuple[str, int, int]]:
    """Interpretive frames, interpretive clauses, evaluative words and stance markers,
    as (cue, start, end) relative to ``text``."""
    folded = fold_punctuation(text)
    body = _CONNECTIVE_RE.sub("", folded)
    shift = len(folded) - len(body)
    cues: list[tuple[str, int, int]] = []
    frame = EDITORIAL_FRAME_RE.match(body)
    if frame:
        subject = frame.group().lower().split()
        if not SOURCE_NOUNS & {w.strip(",") for w in subject}:
            kind = "weak-frame" if subject[-1] in WEAK_FRAME_VERBS else "frame"
            cues.append((kind, shift + frame.start(), shift + frame.end()))
    for match in EDITORIAL_CLAUSE_RE.finditer(folded):
        cues.append(("clause", match.start() + 1, match.end()))
    for match in re.finditer(r"[\w'-]+", folded):
        if match.group().lower() in EVALUATIVE_WORDS:
            cues.append(("evaluative", match.start(), match.end()))
    for match in STANCE_RE.finditer(folded):
        cues.append(("stance", match.start(), match.end()))
    return cues


def _is_editorial(cues: list[tuple[str, int, int]]) -> bool:
    kinds = [c[0] for c in cues]
    if "frame" in kinds or "clause" in kinds:
        return True
    if "weak-frame" in kinds:
        return "evaluative" in kinds or "stance" in kinds
    return len(kinds) >= 2 and "stance" in kinds


def _unlinked(ctx: Context, ref: SentenceRef) -> bool:
    return not ctx.links_of.get(ref)


def _groups(ctx: Context) -> list[tuple[str, ...]]:
    groups = list(ctx.events) or [tuple(doc.id for doc in ctx.documents)]
    return [g for g in groups if len(g) >= 2]


def _credited(ctx: Context, ref: SentenceRef, cues: list[tuple[str, int, int]]) -> bool:
    """Attributed to someone, not counting the frame itself read as a reporting verb
    ("The disaster underscores..." names no speaker)."""
    if not _attributed(ctx, ref):
        return False
    sentence = ctx.sentence(ref)
    frames = [
        (sentence.start + s, sentence.start + e) for kind, s, e in cues if kind.endswith("frame")
    ]
    analysis = ctx.analysis(ref)
    if analysis.quotes and any(len(q.text.split()) >= 4 for q in analysis.quotes):
        return True
    others = [
        a
        for a in analysis.attributions
        if a.kind != "unattributed" and not any(a.start < e and s < a.end for s, e in frames)
    ]
    return bool(others) or bool(SPEECH_RE.search(sentence.text))


def _cue_words(text: str, cue: tuple[str, int, int]) -> set[str]:
    return {w.lower() for w in words(text[cue[1] : cue[2]])} - {"this", "that", "the", "it"}


def _linked_interpretation(
    ctx: Context, ref: SentenceRef, cues: list[tuple[str, int, int]]
) -> bool:
    """A linked sentence still editorializes when it opens with an interpretive frame or
    adds an interpretive clause that none of its counterparts has."""
    text = ctx.sentence(ref).text
    strong = [c for c in cues if c[0] in ("frame", "clause", "weak-frame")]
    if not strong:
        return False
    for other, _link in ctx.links_of.get(ref, []):
        other_words = {w.lower() for w in words(ctx.sentence(other).text)}
        if any(_cue_words(text, cue) <= other_words for cue in strong):
            return False
    return True


def editorial_refs(ctx: Context) -> dict[SentenceRef, list[tuple[str, int, int]]]:
    """Unattributed sentences in an interpretive voice, with their cues: unlinked ones
    with any editorial cue, linked ones with an interpretive frame or clause of their own."""
    found = {}
    for group in _groups(ctx):
        for source in group:
            for sentence in ctx.by_id[source].sentences:
                ref = SentenceRef(source, sentence.index)
                if not _substantive(ctx, ref):
                    continue
                cues = editorial_cues(sentence.text)
                if not _is_editorial(cues) or _credited(ctx, ref, cues):
                    continue
                if _unlinked(ctx, ref) or _linked_interpretation(ctx, ref, cues):
                    found[ref] = cues
    return found


def editorializing_findings(ctx: Context) -> list[Draft]:
    drafts = []
    for ref, cues in editorial_refs(ctx).items():
        sentence = ctx.sentence(ref)
        marked = [c for c in cues if c[0] in ("frame", "clause", "weak-frame")] or cues
        kind, start, end = marked[0]
        linked = not _unlinked(ctx, ref)
        drafts.append(
            Draft(
                kind="editorializing",
                weight=0.62
                + (0.08 if kind == "frame" else 0.0)
                + 0.02 * min(len(cues), 3)
                - (0.06 if linked else 0.0),
                summary=(
                    f"{ctx.label(ref.source)} adds its own interpretation, with no source and "
                    f"no counterpart elsewhere: “{snippet(sentence.text)}”"
                    if not linked
                    else f"{ctx.label(ref.source)} frames a shared fact with its own "
                    f"interpretation: “{snippet(sentence.text)}”"
                ),
                sources=(ref.source,),
                evidence=(ctx.evidence(ref),),
                detail={
                    "cues": [sentence.text[s:e].strip(" ,") for _, s, e in cues],
                    "cue_kinds": sorted({c[0].removeprefix("weak-") for c in cues}),
                    "marked": [sentence.start + start, sentence.start + end],
                    "linked": linked,
                },
            )
        )
    return drafts


def claim_groups(ctx: Context, group: tuple[str, ...]) -> list[list[SentenceRef]]:
    """Sentences of an event's sources joined by carrying links, directly or through
    others: one list per claim, in reading order. Weak links do not make a source carry a
    claim."""
    members = set(group)
    pairs = [
        (a, b) for a, b, _ in ctx.carrying_pairs() if a.source in members and b.source in members
    ]
    claims: dict[SentenceRef, list[SentenceRef]] = {}
    for (a, b), key in group_pairs(pairs).items():
        claims.setdefault(key, []).extend((a, b))
    ordered = [ctx.sort_refs(refs) for refs in claims.values()]
    return sorted(ordered, key=lambda refs: (ctx.order[refs[0].source], refs[0].sentence))


def omission_findings(ctx: Context) -> list[Draft]:
    """Claims most of an event's sources carry and the rest leave out."""
    drafts = []
    for group in _groups(ctx):
        if len(group) < 3:
            continue
        for refs in claim_groups(ctx, group):
            carriers = list(dict.fromkeys(r.source for r in refs))
            if len(carriers) * 2 <= len(group) or len(carriers) == len(group):
                continue
            if not any(_substantive(ctx, r) for r in refs):
                continue
            missing = [s for s in group if s not in carriers]
            lead = min(r.sentence for r in refs) <= 2
            facts = any(_has_facts(ctx, r) for r in refs)
            weight = 0.72 + (0.06 if lead else 0.0) + (0.05 if facts else 0.0)
            drafts.append(
                Draft(
                    kind="omission",
                    weight=weight,
                    summary=(
                        f"{ctx.labels(missing)} leave{'s' if len(missing) == 1 else ''} out what "
                        f"{ctx.labels(carriers)} report: “{snippet(ctx.sentence(refs[0]).text)}”"
                    ),
                    sources=tuple(carriers),
                    sources_missing=tuple(missing),
                    evidence=tuple(ctx.evidence(r) for r in refs),
                    detail={"carried_by": len(carriers), "of": len(group)},
                )
            )
    return drafts


def unique_findings(ctx: Context, editorial: set[SentenceRef]) -> list[Draft]:
    """Runs of adjacent sentences only one source carries: one finding per run."""
    drafts = []
    for group in _groups(ctx):
        for source in group:
            runs: list[list[SentenceRef]] = []
            previous = -2
            for sentence in ctx.by_id[source].sentences:
                ref = SentenceRef(source, sentence.index)
                if not _unlinked(ctx, ref):
                    continue
                if sentence.index != previous + 1 or not runs:
                    runs.append([])
                runs[-1].append(ref)
                previous = sentence.index
            for run in runs:
                kept = [r for r in run if r not in editorial and _substantive(ctx, r)]
                if not kept:
                    continue
                facts = any(_has_facts(ctx, r) for r in kept)
                more = (
                    f" (+{len(kept) - 1} more sentence{'s' if len(kept) > 2 else ''})"
                    if len(kept) > 1
                    else ""
                )
                drafts.append(
                    Draft(
                        kind="unique",
                        weight=0.42 + (0.1 if facts else 0.0) + 0.02 * min(len(kept) - 1, 4),
                        summary=f"Only {ctx.label(source)} reports: “{snippet(ctx.sentence(kept[0]).text)}”{more}",
                        sources=(source,),
                        sources_missing=tuple(s for s in group if s != source),
                        evidence=tuple(ctx.evidence(r) for r in kept),
                        detail={"sentences": [r.sentence for r in kept]},
                    )
                )
    return drafts
