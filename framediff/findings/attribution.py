"""Attribution across sources: ``attribution_shift`` (the same claim credited to
different speakers) and ``attribution_dropped`` (attributed in one source, stated as
fact in another), one finding per claim (sentences joined by the links that fired).
Per-sentence speakers come from the sentence analysers; this module compares them and,
where they name nobody, reads the plain wire forms ("..., the coast guard said.").
"""

from __future__ import annotations

import re
from collections import defaultdict

from framediff.findings.context import (
    FIRM_LINK,
    Context,
    Draft,
    fold_words,
    group_pairs,
    headline_like,
    snippet,
)
from framediff.findings.cues import (
    ATTRIBUTION_TAIL,
    FUNCTION_WORDS,
    SPEECH_RE,
    SPOKEN_CLAUSE_RE,
)
from framediff.findings.identity import (
    SPEAKER_WORD_RE,
    Speaker,
    is_outlet,
    is_police,
    police_keys,
    shown_names,
    speaker_keys,
    speakers_differ,
)
from framediff.model import Quote, SentenceRef

# The closing speaker of wire copy: ", the coast guard said." / ", survivors told aid
# workers." / ", Reyes said in a statement." (group 1: the speaker phrase, at most six words).
_TRAILING_SPEAKER_RE = re.compile(
    r",\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+),?\s+(?:said|says|told|added|stated|announced)"
    r"(?:\s+[\w'’-]+){0,4}[.!]?[\"'”’]?$"
)
# The opening speaker: "The university's rector, Ilse Brandt, said classes would ..." /
# "The rebel delegation said it would ..." (group 1: at most seven words).
_LEADING_SPEAKER_RE = re.compile(
    r"^((?:[\w'’.-]+,?\s+){0,6}?[\w'’.-]+),?\s+(?:said|says|told\s+[\w'’-]+)\s+(?:that\s+)?"
    r"(?=\S)"
)
# First words that make the phrase before "said" a clause, not a speaker.
_NOT_SPEAKERS = frozenset(
    ["it", "this", "that", "which", "who", "and", "but", "he", "she", "they", "we", "i"]
)
# Words that open a subordinate clause: before "said", the speaker is what follows the last
# of them ("Gomes was arrested on Tuesday after | investigators said they found him").
_SUBORDINATORS = frozenset(
    [
        "after",
        "before",
        "when",
        "while",
        "because",
        "since",
        "until",
        "although",
        "though",
        "once",
        "as",
        "if",
        "where",
        "whereas",
    ]
)
# Content words after a speech verb that make them the reported claim.
_CLAUSE_WORDS = 2
# First words of a phrase that still belongs to the speaker ("a statement from the
# mission", "officials in Kyiv").
_SPEAKER_CONTINUES = frozenset(["from", "of", "at", "in", "by", "for", "with", "on", "to"])
# "have been told", "was told": the subject is told, it does not speak.
_PASSIVE = frozenset(["be", "been", "being", "is", "are", "was", "were"])
# Quotations shorter than this are labels, not statements.
_MIN_STATEMENT_WORDS = 4
# Share of an attributed sentence's own words (speaker and verb aside) the other
# sentence must hold for the attribution to cover their shared claim.
_GOVERNS = 0.5


def _is_label_quote(quote: Quote, text: str, offset: int) -> bool:
    """A word or two in quotation marks ("no limits", "ally"): a label, not a statement.
    A short quote that is a whole sentence ("...: "Change begins now."") is a statement.
    ``text`` is the sentence holding the quote, starting at ``offset`` in the article."""
    if len(quote.text.split()) >= _MIN_STATEMENT_WORDS:
        return False
    after = text[quote.end - offset : quote.end - offset + 2]
    whole = quote.text[:1].isupper() and (quote.text.rstrip()[-1:] in ".!?" or after[:1] in ".!?")
    return not whole


def sentence_speakers(ctx: Context, ref: SentenceRef) -> tuple[list[Speaker], bool]:
    """The speakers a sentence credits, and whether it is attributed at all. A partial
    quote of a label credits nobody with the sentence's claim."""
    analysis = ctx.analysis(ref)
    sentence = ctx.sentence(ref)
    statements = [
        q for q in analysis.quotes if not _is_label_quote(q, sentence.text, sentence.start)
    ]
    speakers: list[Speaker] = []
    attributed = False
    # "An agency quoted the governor as saying ...", "France Telecom said ..., according to
    # Bloomberg": the governor and France Telecom speak; the agency and Bloomberg relay.
    credited = [a for a in analysis.attributions if a.kind != "unattributed"]
    relayed = any((a.cue or "").startswith("quoted as") for a in credited)
    outlets = [a for a in credited if is_outlet(a.speaker or "")]
    if len(outlets) < len(credited):
        relayed = relayed or bool(outlets)
    for attribution in analysis.attributions:
        if attribution.kind == "unattributed":
            continue
        if relayed and (attribution.cue == "quoted" or attribution in outlets):
            attributed = True
            continue
        if attribution.kind == "partial_quote" and not any(
            attribution.start <= q.end and q.start <= attribution.end for q in statements
        ):
            continue
        attributed = True
        name = attribution.speaker_canonical or attribution.speaker
        if name:
            shown = attribution.speaker or name
            # "officials": a speaker with no identifying word still names who is credited,
            # and with an empty key it differs from no one.
            keys = speaker_keys(name) or [frozenset()]
            police = _speaks_for_police(ctx, ref.source, name, shown)
            speakers.extend(Speaker(shown, key, name) for key in police_keys(keys, police))
    for quote in statements:
        attributed = True
        if quote.speaker and not speakers:
            speakers.extend(Speaker(quote.speaker, key) for key in speaker_keys(quote.speaker))
    # A speech verb the analysers could not tie to a speaker still attributes the
    # sentence: never report such a sentence as stating a claim as fact. The wire
    # pattern "..., the coast guard said." names its speaker plainly enough to compare.
    text = ctx.sentence(ref).text
    if not speakers:
        found = _TRAILING_SPEAKER_RE.search(text) or _LEADING_SPEAKER_RE.search(text)
        name = _after_subordinator(found.group(1)) if found else ""
        phrase = name.lower().split()
        # A form of "be" anywhere makes the phrase a clause ("the man was charged").
        if phrase and phrase[0] not in _NOT_SPEAKERS and not _PASSIVE.intersection(phrase):
            attributed = True
            police = _speaks_for_police(ctx, ref.source, name, name)
            speakers = [Speaker(name, key) for key in police_keys(speaker_keys(name), police)]
    if not attributed and (SPEECH_RE.search(text) or SPOKEN_CLAUSE_RE.search(text)):
        attributed = True
    # A sentence that opens a quotation whose end (and speaker) come in a later sentence
    # is someone's words, not the outlet's statement.
    if not attributed and text.lstrip()[:1] in _OPENING_QUOTES:
        attributed = True
    return speakers, attributed


def _speaks_for_police(ctx: Context, source: str, name: str, shown: str) -> bool:
    """An organisation and its named spokesperson are one speaker: "Constable Tim Fanning"
    speaks for the police, and so does "Fanning" in that article or "Tim Fanning" in any."""
    if is_police(shown):
        return True
    for (owner, canonical), phrases in ctx.speaker_phrases.items():
        same = name == canonical or (
            owner == source and (name in phrases or canonical.endswith(" " + name))
        )
        if same and any(is_police(phrase) for phrase in phrases):
            return True
    return False


def _after_subordinator(phrase: str) -> str:
    """The words of a phrase before a speech verb after its last subordinating word."""
    words = phrase.split()
    cut = max(
        (k for k, word in enumerate(words) if word.lower().strip(",") in _SUBORDINATORS),
        default=-1,
    )
    return " ".join(words[cut + 1 :])


def _same_cue(ctx: Context, attributed: SentenceRef, other: SentenceRef) -> bool:
    """The other sentence uses the same reporting verb ("has dismissed"): its speaker was
    missed, not dropped."""
    other_words = {w.lower() for w in SPEAKER_WORD_RE.findall(ctx.sentence(other).text)}
    return any(
        a.cue and a.cue.lower() in other_words for a in ctx.analysis(attributed).attributions
    )


def _governed(ctx: Context, ref: SentenceRef) -> str:
    """The part of a sentence its attribution covers: what follows the speech verb when
    the sentence goes on ("the navy says it fired in self-defence", "According to X,
    ..."), else what comes before it ("..., the coast guard said in a statement.")."""
    sentence = ctx.sentence(ref)
    text = sentence.text
    spans = [
        (a.start - sentence.start, a.end - sentence.start)
        for a in ctx.analysis(ref).attributions
        if a.kind != "unattributed"
    ]
    if not spans:
        found = SPEECH_RE.search(text)
        if not found:
            return text
        spans = [found.span()]
    start, end = spans[0]
    rest = fold_words(text[end:])
    if rest and rest[0] in _SPEAKER_CONTINUES:
        return text[:start]  # "according to a statement | from the monitoring mission."
    after = [w for w in rest if w not in FUNCTION_WORDS | ATTRIBUTION_TAIL]
    return text[end:] if len(after) >= _CLAUSE_WORDS else text[:start]


def _governs_shared(ctx: Context, attributed: SentenceRef, other: SentenceRef) -> bool:
    """Most of what a sentence's attribution covers is in the other sentence, so the
    attribution bears on what both say, not on a clause only one has."""
    text = _TRAILING_SPEAKER_RE.sub(" ", _governed(ctx, attributed))
    own = {w for w in fold_words(SPEECH_RE.sub(" ", text)) if w not in FUNCTION_WORDS}
    theirs = set(fold_words(ctx.sentence(other).text))
    return bool(own) and len(own & theirs) / len(own) >= _GOVERNS


# Quotation marks that open a quotation.
_OPENING_QUOTES = frozenset(['"', "“", "«", "„"])


def attribution_findings(ctx: Context) -> list[Draft]:
    """Shifted and dropped attributions on every firmly linked claim."""
    shift_pairs: list[tuple[SentenceRef, SentenceRef]] = []
    drop_pairs: list[tuple[SentenceRef, SentenceRef]] = []  # (attributed, unattributed)
    strength: dict[tuple[SentenceRef, SentenceRef], float] = {}
    for a, b, link in ctx.pairs():
        if link.score < FIRM_LINK:
            continue
        # A Title Case subheading ("What Putin Said At The Press Conference") announces
        # what follows; it credits no one with a claim and states none.
        if headline_like(ctx.sentence(a).text) or headline_like(ctx.sentence(b).text):
            continue
        # A firm link shares most content words; a reworded one qualifies when the
        # claim, speakers aside, is shared both ways.
        firm = ctx.firm(a, b, link)
        ab, ba = _governs_shared(ctx, a, b), _governs_shared(ctx, b, a)
        speakers_a, attributed_a = sentence_speakers(ctx, a)
        speakers_b, attributed_b = sentence_speakers(ctx, b)
        if speakers_differ(speakers_a, speakers_b) and ((ab and ba) or (firm and (ab or ba))):
            shift_pairs.append((a, b))
            strength[(a, b)] = link.score
        elif attributed_a != attributed_b:
            pair = (a, b) if attributed_a else (b, a)
            governs, reverse = (ab, ba) if attributed_a else (ba, ab)
            if not governs or not (firm or reverse) or _same_cue(ctx, *pair):
                continue
            drop_pairs.append(pair)
            strength[pair] = link.score
    drafts = []
    shifts: dict[SentenceRef, list[tuple[SentenceRef, SentenceRef]]] = defaultdict(list)
    for pair, key in group_pairs(shift_pairs).items():
        shifts[key].append(pair)
    for pairs in shifts.values():
        ordered = ctx.sort_refs([r for pair in pairs for r in pair])
        by_source: dict[str, list[Speaker]] = defaultdict(list)
        for ref in ordered:
            by_source[ref.source].extend(sentence_speakers(ctx, ref)[0])
        credited = "; ".join(f"{ctx.label(s)}: {shown_names(sp)}" for s, sp in by_source.items())
        claim = snippet(ctx.sentence(ordered[0]).text)
        drafts.append(
            Draft(
                kind="attribution_shift",
                weight=0.85 + 0.15 * max(strength[p] for p in pairs),
                summary=f"Same claim credited to different speakers ({credited}): “{claim}”",
                sources=tuple(by_source),
                evidence=tuple(ctx.evidence(ref) for ref in ordered),
                detail={
                    "speakers": {
                        source: sorted({sp.display for sp in sp_list})
                        for source, sp_list in by_source.items()
                    },
                },
            )
        )
    drops: dict[SentenceRef, list[tuple[SentenceRef, SentenceRef]]] = defaultdict(list)
    for pair, key in group_pairs(drop_pairs).items():
        drops[key].append(pair)
    for pairs in drops.values():
        with_sorted = ctx.sort_refs([p[0] for p in pairs])
        without_sorted = ctx.sort_refs([p[1] for p in pairs])
        with_sources = list(dict.fromkeys(r.source for r in with_sorted))
        without_sources = [
            s for s in dict.fromkeys(r.source for r in without_sorted) if s not in with_sources
        ]
        if not without_sources:
            continue
        speakers = [sp for ref in with_sorted for sp in sentence_speakers(ctx, ref)[0]]
        # A speech verb whose speaker the analysers did not find still credits someone.
        who = f" to {shown_names(speakers)}" if speakers else " to a source"
        claim = snippet(ctx.sentence(without_sorted[0]).text)
        verb = "states" if len(without_sources) == 1 else "state"
        attribute = "attributes" if len(with_sources) == 1 else "attribute"
        drafts.append(
            Draft(
                kind="attribution_dropped",
                weight=0.8 + 0.15 * max(strength[p] for p in pairs),
                summary=(
                    f"{ctx.labels(without_sources)} {verb} as fact what "
                    f"{ctx.labels(with_sources)} {attribute}{who}: “{claim}”"
                ),
                sources=tuple(with_sources + without_sources),
                evidence=tuple(
                    ctx.evidence(ref) for ref in ctx.sort_refs(with_sorted + without_sorted)
                ),
                detail={
                    "attributed_in": with_sources,
                    "unattributed_in": without_sources,
                    "speakers": sorted({sp.display for sp in speakers}),
                },
            )
        )
    return drafts
