"""Wording and certainty on linked sentences: ``wording`` (the same content labelled with
loaded words of different connotation) and ``hedging`` (the same claim stated with
different certainty). The lexicons and scores come from ``framediff.sentences.framing``;
this module decides which differences between two sources are worth a finding.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framediff.findings.attribution import sentence_speakers
from framediff.findings.context import Context, Draft, group_pairs, snippet
from framediff.findings.cues import FUNCTION_WORDS, NEGATORS
from framediff.model import SentenceRef
from framediff.sentences.credit import BE_FORMS
from framediff.text import words

# Connotation gap (lexicon scale -1..1) between two labels of one concept worth reporting:
# "government"/"regime" (0.8) and "militants"/"terrorists" (0.4) are, "killed"/"died"
# (0.3) is a rewording more than a label.
_CONCEPT_GAP = 0.35
# A loaded label that replaces a plain word must be at least this strongly connoted.
_STRONG_LABEL = 0.5
# VADER compound gap between a replaced phrase and its replacement ("rescue package" /
# "bailout").
_VALENCE_GAP = 0.45
# Longest replaced phrase (words per side) compared as a label rather than a rewrite.
_MAX_PHRASE = 4
# Hedges weaker than this ("is expected to") are ordinary news register.
_MIN_HEDGE = 0.3
# Share of a hedged sentence's content words the other sentence must hold.
_HEDGED_SHARED = 0.4
# A word, for looking up reporting verbs.
_WORD_RE = re.compile(r"[A-Za-z]+")
# The hyphen of a compound word: "eco-extremists".
_COMPOUND_RE = re.compile(r"(?<=\w)-(?=\w)")


@dataclass(frozen=True)
class Term:
    text: str
    concept: str
    connotation: float
    start: int  # absolute
    end: int


def _field(item: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        value = getattr(item, name, None)
        if value is not None:
            return value
    return default


@lru_cache(maxsize=4096)
def _loaded_terms(text: str) -> tuple[Any, ...]:
    from framediff.sentences.framing import find_loaded_terms

    return tuple(find_loaded_terms(text))


@lru_cache(maxsize=4096)
def _hedge_cues(text: str) -> tuple[Any, ...]:
    from framediff.sentences.framing import find_hedges

    return tuple(find_hedges(text))


def _loaded(ctx: Context, ref: SentenceRef) -> list[Term]:
    sentence = ctx.sentence(ref)
    terms = []
    found = list(_loaded_terms(sentence.text))
    # The head of a hyphenated compound carries its label ("eco-extremists", "ultra-
    # nationalists"): match again with hyphens as spaces (same offsets).
    for item in _loaded_terms(_COMPOUND_RE.sub(" ", sentence.text)):
        if not any(item.start < f.end and f.start < item.end for f in found):
            found.append(item)
    for item in sorted(found, key=lambda f: f.start):
        start, end = int(item.start), int(item.end)
        terms.append(
            Term(
                text=sentence.text[start:end],
                concept=str(_field(item, "concept", default="")),
                connotation=float(_field(item, "connotation", "score", default=0.0)),
                start=sentence.start + start,
                end=sentence.start + end,
            )
        )
    return terms


def _valence(phrase: str) -> float:
    from framediff.sentences.framing import valence

    return float(valence(phrase))


def _concept_pairs(ta: list[Term], tb: list[Term]) -> list[tuple[Term, Term]]:
    pairs = []
    for concept in sorted({t.concept for t in ta} & {t.concept for t in tb}):
        left = [t for t in ta if t.concept == concept]
        right = [t for t in tb if t.concept == concept]
        words_l = {t.text.lower() for t in left}
        words_r = {t.text.lower() for t in right}
        only_l = [t for t in left if t.text.lower() not in words_r]
        only_r = [t for t in right if t.text.lower() not in words_l]
        if not only_l or not only_r:
            continue
        x, y = max(
            ((x, y) for x in only_l for y in only_r),
            key=lambda p: abs(p[0].connotation - p[1].connotation),
        )
        if abs(x.connotation - y.connotation) >= _CONCEPT_GAP:
            pairs.append((x, y))
    return pairs


def _has_name(sentence: str, at: int, phrase: str) -> bool:
    """A capitalised word not opening the sentence: a name, never a loaded label."""
    for match in _WORD_RE.finditer(phrase):
        if match.group()[:1].isupper() and sentence[: at + match.start()].strip():
            return True
    return False


def _negated(before: str) -> bool:
    """A negation just before a phrase flips its valence ("refused to accept" / "rejected")."""
    return bool(NEGATORS & set(words(before.lower())[-3:]))


def _is_plain(words: tuple[str, ...]) -> bool:
    """Content words, not names, figures or function words alone."""
    content = [w for w in words if w not in FUNCTION_WORDS]
    return bool(content) and not any(any(c.isdigit() for c in w) for w in content)


def _same_word(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One side's content words are the other's in another form ("killing" / "killed", with
    "yesterday" beside), or a one-letter slip of the same word ("threat" / "treat"): a
    rewording or a typo, not a choice of label."""
    from rapidfuzz.distance import Levenshtein

    from framediff.scoring import normalize_word

    stems_a = {normalize_word(w) for w in a if w not in FUNCTION_WORDS}
    stems_b = {normalize_word(w) for w in b if w not in FUNCTION_WORDS}
    if stems_a and stems_b and (stems_a <= stems_b or stems_b <= stems_a):
        return True
    if len(a) == len(b) == 1 and min(len(a[0]), len(b[0])) >= 4:
        return Levenshtein.distance(a[0], b[0]) <= 1
    return False


def _replacements(
    ctx: Context, a: SentenceRef, b: SentenceRef, ta: list[Term], tb: list[Term]
) -> list[tuple[Term, Term]]:
    """Loaded labels that replace a plainer word, or phrases whose valence differs."""
    pairs = []
    for op in ctx.word_changes(a, b):
        if op.tag != "replace" or len(op.a_words) > _MAX_PHRASE or len(op.b_words) > _MAX_PHRASE:
            continue
        if not _is_plain(op.a_words) or not _is_plain(op.b_words):
            continue
        if _same_word(op.a_words, op.b_words):
            continue
        inside_a = [t for t in ta if t.start >= op.a_start and t.end <= op.a_end]
        inside_b = [t for t in tb if t.start >= op.b_start and t.end <= op.b_end]
        sa, sb = ctx.sentence(a), ctx.sentence(b)
        text_a = sa.text[op.a_start - sa.start : op.a_end - sa.start]
        text_b = sb.text[op.b_start - sb.start : op.b_end - sb.start]
        negated = _negated(sa.text[: op.a_start - sa.start]) or _negated(
            sb.text[: op.b_start - sb.start]
        )
        whole_a = Term(text_a, "", _valence(text_a), op.a_start, op.a_end)
        whole_b = Term(text_b, "", _valence(text_b), op.b_start, op.b_end)
        left = inside_a[0] if inside_a else whole_a
        right = inside_b[0] if inside_b else whole_b
        if inside_a and inside_b and inside_a[0].concept == inside_b[0].concept:
            continue  # the concept rule judged this pair already
        loaded_gap = max(
            abs(left.connotation) if inside_a and not inside_b else 0.0,
            abs(right.connotation) if inside_b and not inside_a else 0.0,
            abs(left.connotation - right.connotation) if inside_a and inside_b else 0.0,
        )
        if _has_name(sa.text, op.a_start - sa.start, text_a) or _has_name(
            sb.text, op.b_start - sb.start, text_b
        ):
            continue
        # Valence alone counts only when the lexicon knows both sides ("rescue package" /
        # "bailout"): a word it does not know is not neutral, just unknown.
        valenced = whole_a.connotation != 0.0 and whole_b.connotation != 0.0
        if loaded_gap >= _STRONG_LABEL or (
            valenced
            and not negated
            and abs(whole_a.connotation - whole_b.connotation) >= _VALENCE_GAP
        ):
            pairs.append((left, right))
    return pairs


def wording_findings(ctx: Context) -> list[Draft]:
    """One ``wording`` finding per claim and concept whose labels differ in connotation."""
    hits: dict[tuple[SentenceRef, SentenceRef], list[tuple[Term, Term]]] = {}
    for a, b, _link in ctx.firm_pairs():
        ta, tb = _loaded(ctx, a), _loaded(ctx, b)
        pairs = _concept_pairs(ta, tb)
        seen = {(x.start, y.start) for x, y in pairs}
        pairs += [
            p for p in _replacements(ctx, a, b, ta, tb) if (p[0].start, p[1].start) not in seen
        ]
        if pairs:
            hits[(a, b)] = pairs
    found: dict[tuple[SentenceRef, str], dict[SentenceRef, list[Term]]] = defaultdict(dict)
    for (a, b), key in group_pairs(list(hits)).items():
        for x, y in hits[(a, b)]:
            concept = " / ".join(
                sorted({x.concept, y.concept} - {""}) or sorted({x.text.lower(), y.text.lower()})
            )
            spans = found[(key, concept)]
            for ref, term in ((a, x), (b, y)):
                if all(t.start != term.start for t in spans.setdefault(ref, [])):
                    spans[ref].append(term)
    drafts = []
    for (_key, concept), spans in found.items():
        refs = ctx.sort_refs(list(spans))
        terms: dict[str, list[str]] = {}
        for ref in refs:
            for term in spans[ref]:
                terms.setdefault(ref.source, [])
                if term.text not in terms[ref.source]:
                    terms[ref.source].append(term.text)
        if len({tuple(t.lower() for t in v) for v in terms.values()}) < 2:
            continue
        shown = " / ".join(f"{ctx.label(s)}: “{', '.join(v)}”" for s, v in terms.items())
        connotations = [t.connotation for ref in refs for t in spans[ref]]
        gap = max(connotations) - min(connotations)
        drafts.append(
            Draft(
                kind="wording",
                strength=0.5 + 0.2 * min(1.0, gap),
                summary=f"Different labels for the same thing ({shown}) in “{snippet(ctx.sentence(refs[0]).text, 60)}”",
                sources=tuple(terms),
                evidence=tuple(
                    ctx.evidence(ref, t.start, t.end) for ref in refs for t in spans[ref]
                ),
                detail={
                    "concept": concept,
                    "terms": terms,
                    "connotation": {
                        ref.source: round(spans[ref][0].connotation, 3) for ref in refs
                    },
                },
            )
        )
    return drafts


@dataclass(frozen=True)
class Hedge:
    text: str
    strength: float
    start: int
    end: int


# What ends the clause a hedge qualifies.
_CLAUSE_END_RE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
# Words read after a hedge (or, for one closing its clause, "..., sources said", before
# it) as the claim it qualifies: a clause's predicate and object.
_HEDGED_REACH = 8
# Words that make what follows a question asked or a condition: a possibility inside one
# ("asked whether the team could sign him") is not the writer's doubt.
_QUESTION_WORDS = frozenset(["if", "whether", "unless", "asked", "wondered", "wonder"])
# Words that state a claim under a condition or as a possibility: a sentence holding one
# is no plain statement to set against a hedge ("If he signs, they would trade Lowell").
# "would" is left out: reported speech puts a plain future in it ("said talks would
# resume on Thursday").
_UNPLAIN_WORDS = frozenset(["if", "unless", "could", "might", "may", "should"])
# Participles that hedge the noun they follow: "Arson suspected in ...", "Foul play
# feared in ...". Verbs of saying ("alleged", "claimed") take their clause after a phrase
# ("alleged in court filings that") and are left out.
_AFTER_NOUN_PARTICIPLES = frozenset(["suspected", "feared", "rumored", "rumoured", "believed"])
# Prepositions after a participle that hedges the noun before it ("Arson suspected in").
_PREPOSITIONS = frozenset(["in", "at", "on", "as", "by", "after", "near"])
# Verbs of saying: every side of a reported claim has them.
_SAYING = frozenset(["said", "says", "say", "saying", "told", "tells", "according"])
# The subjects "suspect" has as a verb ("police suspect arson"); after anything else it is
# the noun ("the suspect", "identify suspects"), which doubts nothing.
_SUSPECTING = frozenset(
    [
        "i",
        "we",
        "they",
        "you",
        "police",
        "investigators",
        "authorities",
        "officials",
        "detectives",
        "officers",
        "prosecutors",
        "experts",
    ]
)


def _clause_words(text: str) -> list[str]:
    return _WORD_RE.findall(_CLAUSE_END_RE.split(text, maxsplit=1)[0])


# Modal verbs of possibility.
_MODALS = frozenset(["may", "might", "could"])
# A modal's perfect: a doubt about what happened ("may have started", "could have been").
_PERFECT_RE = re.compile(r"\s+have\s+(?:been|had|\w+ed|\w+en)\b")
# What "claimed" takes when it takes rather than asserts: "claimed at least 40 lives",
# "claimed the title", "claimed responsibility".
_TAKING_RE = re.compile(
    r"\s+(?:the|a|an|at\s+least|his|her|their|its|\d|responsibility|credit|victory|lives)\b"
)


def _qualifies(text: str, start: int, end: int) -> bool:
    """Whether the cue at ``text[start:end]`` doubts a claim: not negated ("could not be
    reached", "can't believe"), not inside a question asked or a condition, nor a
    possibility inside a relative clause, and not the noun "suspect"."""
    from framediff.sentences.framing import reporting_verb_connotation

    before = words(text[:start].lower())
    after = text[end : end + 5].lower()
    if after.startswith((" not", "n't")) or before[-1:] in (["not"], ["never"]):
        return False
    if text[:start].rstrip().lower().endswith("n't"):
        return False
    clause = [w.lower() for w in _WORD_RE.findall(re.split(_CLAUSE_END_RE, text[:start])[-1])]
    if _QUESTION_WORDS & set(clause):
        return False
    cue = text[start:end].lower()
    if cue in _MODALS and before[:1] in (["if"], ["unless"]):
        return False  # "If convicted, Smith could face 20 years": a condition's outcome
    if (
        cue in _MODALS
        and before[-1:] in (["that"], ["which"], ["who"])
        and not _PERFECT_RE.match(text, end)
    ):
        # "actions that could harm species": the relative clause's possibility says what
        # the claim covers; after a verb of saying "that" opens what was said ("said that
        # talks could resume"), a hedge, and so is a doubt about what happened ("which may
        # have started in the kitchen").
        if before[-1] != "that" or len(before) < 2:
            return False
        if reporting_verb_connotation(before[-2]) == "unknown":
            return False
    if cue.startswith("claim") and _TAKING_RE.match(text, end):
        return False  # "which claimed at least 40 lives", "claimed the title": it took
    if cue in ("suspect", "suspects"):
        return before[-1:] != [] and (before[-1] in _SUSPECTING)
    return True


def _hedges(ctx: Context, ref: SentenceRef) -> list[Hedge]:
    from framediff.sentences.framing import reporting_verb_connotation

    sentence = ctx.sentence(ref)
    found = []
    for item in _hedge_cues(sentence.text):
        start, end = int(item.start), int(item.end)
        text = sentence.text[start:end]
        strength = float(_field(item, "strength", "score", "weight", default=0.5))
        if text[:1].isupper() and start > 0 and text.lower() == "may":
            continue  # the month
        if strength >= _MIN_HEDGE and _qualifies(sentence.text, start, end):
            found.append(Hedge(text, strength, sentence.start + start, sentence.start + end))
    # Doubtful reporting verbs ("claimed", "alleging") hedge the claim they report.
    for match in _WORD_RE.finditer(sentence.text):
        if reporting_verb_connotation(match.group()) == "doubtful" and _qualifies(
            sentence.text, match.start(), match.end()
        ):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if not any(h.start < end and start < h.end for h in found):
                found.append(Hedge(match.group(), 0.6, start, end))
    return found


def _plain(ctx: Context, ref: SentenceRef, claim: set[str]) -> bool:
    """The sentence states its claims with no hedge of any strength ("is expected to") and
    no doubtful verb, and the clauses telling ``claim`` with no possibility or condition
    ("If he signs, they could trade Lowell"; not "..., and his seat will stay empty if no
    election is called"): only then is it plainer than a hedge."""
    from framediff.scoring import normalize_word
    from framediff.sentences.framing import reporting_verb_connotation

    text = ctx.sentence(ref).text
    if _hedge_cues(text):
        return False
    for match in _WORD_RE.finditer(text):
        word = match.group().lower()
        if reporting_verb_connotation(word) == "doubtful" and (
            _qualifies(text, match.start(), match.end())
        ):
            return False
    # Modals in lower case only ("May 3" is a date), the sentence's first word folded.
    probe = text[:1].lower() + text[1:]
    if _WORD_RE.findall(probe)[:1] in (["if"], ["unless"]):
        return False  # a condition opening the sentence governs its main clause
    for clause in _CLAUSE_END_RE.split(probe):
        found = _WORD_RE.findall(clause)
        if set(found) & _UNPLAIN_WORDS and claim & {normalize_word(w) for w in found}:
            return False
    return True


def _hedged_claim(ctx: Context, ref: SentenceRef, hedge: Hedge) -> set[str]:
    """The words of the claim a hedge qualifies, as comparison keys: the common words of
    its clause after it ("Allegedly, Ross was paid ..."), and those before it in the clause
    when fewer than two follow ("the plan to break in ... allegedly was hatched", "...,
    sources said"). Names are left out: both sides name the people, and "claimed Nixon
    knew" is not "Nixon never called"; so are verbs of saying, which every side has."""
    from framediff.scoring import normalize_word

    sentence = ctx.sentence(ref)
    start, end = hedge.start - sentence.start, hedge.end - sentence.start

    def keys(found: list[str]) -> list[str]:
        return [
            normalize_word(w)
            for w in found
            if w[:1].islower() and w not in FUNCTION_WORDS and w not in _SAYING and len(w) > 2
        ]

    following = _clause_words(sentence.text[end:].lstrip(" ,"))
    preceding = words(sentence.text[:start].lower())
    if (
        hedge.text.lower() in _AFTER_NOUN_PARTICIPLES
        and following[:1]
        and following[0] in _PREPOSITIONS
        and preceding[-1:] != []
        and preceding[-1] not in BE_FORMS
    ):
        # "Arson suspected in fire ...": a participle after its noun hedges that noun (not
        # a verb whose clause follows, "alleged in court filings that", nor a passive,
        # "is believed by investigators to").
        following = []
    after = keys(following[:_HEDGED_REACH])
    if len(after) >= 2:
        return set(after)
    # The clause before, or, for a hedge closing the sentence after a comma ("..., sources
    # said"), the last clause that has words.
    for clause in reversed(_CLAUSE_END_RE.split(sentence.text[:start])):
        before = keys(_WORD_RE.findall(clause)[-_HEDGED_REACH:])
        if before:
            return set(after) | set(before)
    return set(after)


def _states_the_claim(ctx: Context, claim: set[str], other: SentenceRef) -> bool:
    """Whether the other sentence tells any of ``claim`` (what the hedges qualify)."""
    from framediff.scoring import normalize_word

    return bool(claim & {normalize_word(w) for w in _WORD_RE.findall(ctx.sentence(other).text)})


def _credited(ctx: Context, ref: SentenceRef) -> bool:
    """The sentence credits its claim to someone it names (``sentence_speakers``)."""
    return bool(sentence_speakers(ctx, ref)[0])


# Hedges that pass a claim on rather than doubt it, and verbs by which a record or a
# finding passes it on ("court records, which indicate he grabbed her").
_SOURCING_HEDGE_RE = re.compile(
    r"(?i)reportedly|allegedly|purportedly|supposedly|indicates?|indicated|suggests?|suggested"
)


def hedging_findings(ctx: Context) -> list[Draft]:
    """One ``hedging`` finding per claim stated with a hedge in some sources and not others."""
    hits: dict[
        tuple[SentenceRef, SentenceRef], tuple[list[Hedge], list[Hedge], list[Hedge], list[Hedge]]
    ] = {}
    for a, b, _link in ctx.firm_pairs():
        # Certainty differs only where one side hedges and the other states the claim
        # plainly: two hedges in other words ("could" / "might") are one certainty, and a
        # side with any hedge, possibility or condition of its own is not plainer.
        ha, hb = _hedges(ctx, a), _hedges(ctx, b)
        if bool(ha) == bool(hb):
            continue
        hedged_ref, one_side, other = (a, ha, b) if ha else (b, hb, a)
        claim = set().union(*(_hedged_claim(ctx, hedged_ref, h) for h in one_side))
        if not _plain(ctx, other, claim):
            continue
        # A hedge qualifies what both say only if most of its sentence is in the other
        # ("X allege ..., killing Banky" hedges nothing in "Police identified Banky"), and
        # the claim it qualifies is ("he believed the death occurred July 24" is no hedge
        # on the body found July 27).
        if ctx.covered(hedged_ref, other) < _HEDGED_SHARED or not _states_the_claim(
            ctx, claim, other
        ):
            continue
        # A hedge that only passes the claim on ("reportedly", "allegedly") says no more
        # than the other side's credit to a speaker ("police said"): readers judged every
        # such finding false.
        if all(_SOURCING_HEDGE_RE.fullmatch(h.text) for h in one_side) and _credited(ctx, other):
            continue
        hits[(a, b)] = (ha, hb, ha, hb)
    found: dict[SentenceRef, dict[SentenceRef, list[Hedge]]] = defaultdict(dict)
    plain: dict[SentenceRef, set[SentenceRef]] = defaultdict(set)
    for (a, b), key in group_pairs(list(hits)).items():
        ha, hb, extra_a, extra_b = hits[(a, b)]
        for ref, extra, other, other_hedges in ((a, extra_a, b, hb), (b, extra_b, a, ha)):
            if extra:
                listed = found[key].setdefault(ref, [])
                listed.extend(h for h in extra if h not in listed)
                if not other_hedges:
                    plain[key].add(other)
    drafts = []
    for key, spans in found.items():
        refs = ctx.sort_refs(list(spans) + list(plain[key]))
        hedged = {ref.source: [h.text for h in spans[ref]] for ref in refs if ref in spans}
        flat = [s for s in dict.fromkeys(r.source for r in refs) if s not in hedged]
        strength = max(h.strength for hs in spans.values() for h in hs)
        who = "; ".join(f"{ctx.label(s)}: “{', '.join(v)}”" for s, v in hedged.items())
        against = f", {ctx.labels(flat)} without" if flat else ""
        drafts.append(
            Draft(
                kind="hedging",
                strength=0.5 + 0.25 * strength,
                summary=f"Different certainty ({who}{against}): “{snippet(ctx.sentence(refs[0]).text, 60)}”",
                sources=tuple(dict.fromkeys(r.source for r in refs)),
                evidence=tuple(
                    ctx.evidence(ref, h.start, h.end) for ref in refs for h in spans.get(ref, [])
                )
                + tuple(ctx.evidence(ref) for ref in refs if ref not in spans),
                detail={"hedges": hedged, "unhedged": flat},
            )
        )
    return drafts
