"""Who one sentence credits for its content: speaker, cue and kind, by rules.

Owns the cascade that decides what a reporting verb credits ("X said", "said X",
"according to X", "X told Y that", "X quoted Y as saying", "was quoted as", "as stated
by X"). Speaker spans come from ``phrases``; the lexicons and ``canonical_speaker`` from
``speakers`` (re-exported here); quote spans from ``quotes``; resolving "he", "the
ministry" or "Wang" across sentences is ``sentences``'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from framediff.gazetteer import COMMON_STARTERS
from framediff.model import Attribution, AttributionKind
from framediff.sentences.clause_speakers import common_noun_speaker, named_subject
from framediff.sentences.phrases import (
    PROGRESSIVE_BE,
    appositive_speaker,
    clause_subject,
    left_speaker,
    named_before_role,
    right_speaker,
)
from framediff.sentences.speakers import (
    ALWAYS_SPEECH,
    INVERTING,
    SpeakerParse,
    canonical_speaker,
    parse_speaker,
    verb_lemma,
    verb_lexicon,
)
from framediff.text import WORD_RE, fold_punctuation

__all__ = [
    "Found",
    "SpeakerParse",
    "attributions",
    "canonical_speaker",
    "find_attributions",
    "parse_speaker",
    "to_attribution",
    "verb_lemma",
    "verb_lexicon",
]

# --- finding attributions in a sentence ---------------------------------------

_BE_FORMS = frozenset({"to", "was", "were", "is", "are", "be", "been", "being"})
_MODALS = frozenset({"would", "will", "could", "can", "may", "might", "should", "must", "shall"})
# Gerunds after which the rest of the sentence is the reported content.
_CONTENT_GERUNDS = frozenset(
    {
        "adding",
        "saying",
        "noting",
        "stressing",
        "warning",
        "insisting",
        "arguing",
        "claiming",
        "accusing",  # "sued the company, accusing it of hiding the defects"
        "alleging",
        "calling",  # "criticised the plan, calling it reckless"
    }
)
# Verbs that report speech only before a clause, a colon or a quotation: "posted on
# Twitter that ...", never "a message posted Friday, Cruz said" or "posted a loss".
_CLAUSE_ONLY = frozenset({"post"})
# Verbs of belief and argument, which take their clause without "that" as often as with it
# ("Police suspect the fire was set", "Critics argue the law will raise prices"), but an
# object too ("I believe him", "argued the case", "found the body"): a clause only when a
# finite verb follows a short subject. (Verbs that always report, ALWAYS_SPEECH, such as
# "claim" or "warn", need no such test.)
_BELIEF_VERBS = frozenset(
    {"believe", "suspect", "argue", "contend", "predict", "concede", "estimate", "find"}
)
# Verbs whose report may be a clause without "that" (belief verbs, announcements and
# remarks: "Lynch notes they were appointed before she came").
_BARE_CLAUSE_VERBS = _BELIEF_VERBS | {"announce", "note"}
_BARE_CLAUSE_RE = re.compile(
    r"\s*(?:(?!who\b|which\b|that\b|to\b)[\w'’-]+\s+){1,5}?(?:was|were|is|are|had|has|have|"
    r"will|would|could|may|might|did|does|do|can|should)\b"
)
# A statement, letter or post a gerund may follow without a comma: "issued a statement
# calling the deal unfair", "sent a letter warning that ...".
_STATEMENT_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:statement|letter|message|"
    r"post|tweet|memo|note|release|video)\s*$",
    re.IGNORECASE,
)
# A personal pronoun opening the sentence as its subject ("She filed suit, accusing ..."):
# the article's memory resolves it, as for "she said".
_PRONOUN_SUBJECT_RE = re.compile(r"^(?:He|She|They|We)\s+[a-z]")
# Verbs that report speech whatever their subject: after a common noun ("the campaign
# says", "one slide says") they credit it; "the plan suggested" or "the move declared"
# need more than the verb.
_PLAIN_SPEECH = frozenset({"say", "tell", "add", "write", "argue", "claim", "insist", "explain"})
# Reporting verbs whose "-s" form is no plural noun: "Mr. Obama often says, ..." reports,
# where "police reports, photos" or "his claims, ..." name things.
_NEVER_NOUNS = _PLAIN_SPEECH - {"claim"}
# A weekday or date after the verb: "said on Sunday that".
_TIME_AFTER_RE = re.compile(
    r"^\s*(?:(?:on|in|late|early|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|[A-Z][a-z]+ \d{1,2}|\w+day|week|month)\b"
)
_IN_STATEMENT_RE = re.compile(
    r"^\s*(?:(?:on|in|late|early|last)\s+\w+\s+)?(?:in|on|via|through)\s+(?:a|an|the|its|their)"
    r"\s+(?:\w+\s+){0,2}?(?:statement|readout|post|interview|briefing|speech|release|"
    r"conference|call|message|letter|report|telegram)\b"
    # Or a platform: "posted on Twitter that", "wrote on Facebook that".
    r"|^\s*(?:on|via)\s+(?:Twitter|X|Facebook|Instagram|Telegram|TikTok|LinkedIn|"
    r"Truth\s+Social|social\s+media)\b"
)
# "according to X", "as stated by X", "citing X".
_ACCORDING_RE = re.compile(
    r"\b(?:[Aa]ccording to|[Aa]s (?:stated|reported|quoted|cited|announced|noted|said|told) "
    r"(?:by|to)|[Ii]n the words of|[Cc]iting|per(?=\s+(?:the\s|[A-Z])))\s+"
)
# A quantity right after the verb: "added 101 yards", "claimed two titles".
_QUANTITY_AFTER_RE = re.compile(
    r"\s+(?:another\s+|a\s+further\s+)?(?:\$?\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b)"
)
# An adverb between a reporting verb and its clause: "argued earlier that", "said again
# that", "insisted repeatedly that".
_ADVERB_AFTER_RE = re.compile(
    r"^\s+(?:earlier|later|again|repeatedly|previously|privately|publicly|recently|"
    r"often|also|then|once|twice|[a-z]+ly)(?=\s+that\b)"
)
# After a document named as the source: "(a statement) from the monitoring mission".
_DOCUMENT_FROM_RE = re.compile(r"\s+(?:from|by|issued by|released by)\s+")
# Who issued the document: a short phrase up to the next punctuation ("the monitoring
# mission", "Kessel's health ministry"), at most six words.
_AUTHOR_RE = re.compile(r"[\w'’.-]+(?:\s+[\w'’-]+){0,5}(?=\s*(?:[,.;:!?)]|$))")
# A speaker phrase that names a document, not who wrote it: "a statement", "the report".
_DOCUMENT_HEAD_RE = re.compile(
    r"\b(?:statement|report|release|readout|letter|filing|complaint|document|study|post)s?$"
)
# "X quoted Y as saying" (not "was quoted by X as saying").
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(?!by\b)(.{1,80}?)\s+as\s+(\w+)\b")
# "Y was quoted as saying", "Y was quoted by X as saying".
_PASSIVE_QUOTED_RE = re.compile(
    r"\b(?:was|were|is|are|has been|have been)\s+quoted\s+(?:by\s+(.{1,60}?)\s+)?as\s+(\w+)\b"
)
# Agentless reporting: "it was emphasized", "it is said", "it was reported that".
_AGENTLESS_RE = re.compile(
    r"\b(?:[Ii]t|[Tt]his)\s+(?:was|is|has been|had been)\s+(?:also\s+)?(\w+ed|said|told)\b"
)


@dataclass(frozen=True)
class Found:
    """One attribution in sentence coordinates, before resolution."""

    speaker: str | None
    speaker_start: int
    speaker_end: int
    cue: str
    cue_start: int
    cue_end: int
    kind: AttributionKind
    parse: SpeakerParse | None


def _in(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


# A "that" clause after a reporting verb (and what may stand before it, ``_after_time``).
_THAT_AFTER_RE = re.compile(r"\s*that\b")


def _after_time(after: str) -> str:
    """What follows a reporting verb past a time and a statement phrase ("noted Friday",
    "announced in a statement this month")."""
    rest = _TIME_AFTER_RE.sub("", after, count=1)
    rest = _IN_STATEMENT_RE.sub("", rest, count=1)
    return _TIME_AFTER_RE.sub("", rest, count=1)


def _speech_follows(after: str, lemma: str) -> bool:
    """Whether the words after a reporting verb make it a speech act, not an action."""
    if lemma in ALWAYS_SPEECH:
        return True
    rest = _ADVERB_AFTER_RE.sub("", _after_time(after), count=1)  # "argued earlier that"
    if lemma in _CLAUSE_ONLY:
        return bool(re.match(r"\s*(?:that\b|:|[\"'“])", rest))
    if lemma in _BARE_CLAUSE_VERBS and _BARE_CLAUSE_RE.match(rest):
        # "Police suspect the fire was set deliberately", "the administration announced
        # it had reached its goal": a clause without "that"; "announced her candidacy" is
        # an act.
        return True
    if lemma == "explain" and re.match(r"\s*(?:how|why)\b", rest):
        return True  # "Cyril explained how important it is ...": what she said
    return bool(re.match(r"\s*(?:that\b|[:,;.!?\"']|$)", rest))


def _span_words(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


# "a study published on Wednesday said", "a report released by the ministry said"
_DOCUMENT_SUBJECT_RE = re.compile(
    r"\b((?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:study|report|survey|poll|statement|paper|"
    r"analysis|review|document|letter|assessment|audit|investigation|ruling))\s+(?:published|"
    r"released|issued|presented|posted|seen|obtained|compiled|conducted|commissioned)\b[^,;]*$"
)
# ", traders said." — a short lower-case plural noun phrase right before a closing verb
_CLOSING_PLURAL_RE = re.compile(r",\s*((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\s+$")


def _fallback_speaker(text: str, verb_start: int, after: str) -> tuple[int, int] | None:
    """Speakers the phrase grammar misses: a document with a participle phrase, or a
    plain plural noun closing the sentence ('..., traders said.')."""
    before = text[:verb_start]
    document = _DOCUMENT_SUBJECT_RE.search(before)
    if document:
        return document.span(1)
    closing = _CLOSING_PLURAL_RE.search(before)
    if closing and not after.strip(" .!?\"'"):
        return closing.span(1)
    return None


def _inside_reported_clause(text: str, found: list[Found], start: int) -> bool:
    """Whether ``start`` lies in the content of a report made earlier in the sentence,
    with no break (";", "but", ", and", a quotation mark) between them."""
    for earlier in found:
        if earlier.kind == "according_to" or earlier.cue_end > start or earlier.speaker is None:
            continue
        between = text[earlier.cue_end : start]
        if not re.search(r"[;\"'“”‘’]|\bbut\b|,\s*and\b|\band\s*$", between):
            return True
    return False


@dataclass
class _Scan:
    """One sentence being read for attributions: its folded text, word tokens and
    quotations, and what the cascade has found so far."""

    text: str
    quotes: Sequence[tuple[int, int, bool]]
    found: list[Found] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # token starts a step has used

    def __post_init__(self) -> None:
        self.folded = fold_punctuation(self.text)
        self.spans = [(s, e) for s, e, _ in self.quotes]
        self.has_direct = any(not partial for _, _, partial in self.quotes)
        self.has_partial = any(partial for _, _, partial in self.quotes)
        self.quote_kind: AttributionKind = (
            "direct" if self.has_direct else "partial_quote" if self.has_partial else "indirect"
        )
        self.forms = verb_lexicon().forms
        self.tokens = list(WORD_RE.finditer(self.folded))

    def add(
        self, span: tuple[int, int] | None, cue: str, cs: int, ce: int, kind: AttributionKind
    ) -> None:
        speaker = _span_words(self.text, span) if span else None
        parse = parse_speaker(speaker) if speaker else None
        s0, s1 = span if span else (cs, ce)
        self.found.append(Found(speaker, s0, s1, cue, cs, ce, kind, parse))


def find_attributions(text: str, quotes: Sequence[tuple[int, int, bool]] = ()) -> list[Found]:
    """Attributions of one sentence in its own coordinates.

    ``quotes`` are the sentence's quotation spans as ``(start, end, partial)``;
    reporting verbs inside them are the quoted speaker's words, not attributions.
    Cascade:
    1. "X quoted Y as saying" (Y speaks, X is according_to) and "Y was quoted as saying".
    2. "according to X", "as stated by X", "citing X" -> according_to.
    3. Reporting verbs from the lexicon with a speaker on the left ("X said", "which
       Moscow said", "X told Y that") or, after a comma or quote, on the right ("said X").
       Verbs such as "announced" count only when a clause, quote or sentence end follows.
       A closing ", X said." then frames everything before it as X's words.
    4. Agentless "it was emphasized" when nothing else names a speaker -> unattributed.
    """
    scan = _Scan(text, quotes)
    # 1.
    _quoted_as(scan)
    # 2.
    _according_to(scan)
    # 3.
    for index, token in enumerate(scan.tokens):
        _reporting_verb(scan, index, token)
    _keep_closing_frame(scan)
    # 4.
    _agentless(scan)
    scan.found.sort(key=lambda f: (min(f.speaker_start, f.cue_start), f.cue_start))
    return scan.found


def _quoted_as(scan: _Scan) -> None:
    """ "X quoted Y as saying" and "Y was quoted (by X) as saying"."""
    for match in _QUOTED_AS_RE.finditer(scan.folded):
        if _in(match.start(), scan.spans):
            continue
        verb_index = next(
            (i for i, t in enumerate(scan.tokens) if t.start() == match.start()), None
        )
        if verb_index is None:
            continue  # inside a longer token: "re-quoted"
        source = left_speaker(scan.folded, scan.tokens, verb_index)
        target = (match.start(1), match.end(1))
        cue = f"quoted as {match.group(2)}"
        if target:
            scan.add(target, cue, match.start(), match.end(), scan.quote_kind)
        if source:
            scan.add(source, "quoted", match.start(), match.start() + len("quoted"), "according_to")
        scan.consumed.update(
            t.start() for t in scan.tokens if match.start() <= t.start() < match.end()
        )
    for match in _PASSIVE_QUOTED_RE.finditer(scan.folded):
        if _in(match.start(), scan.spans) or match.start() in scan.consumed:
            continue
        aux_index = next((i for i, t in enumerate(scan.tokens) if t.start() == match.start()), None)
        if aux_index is None:
            continue
        span = left_speaker(scan.folded, scan.tokens, aux_index)
        if span:
            cue = f"quoted as {match.group(2)}"
            scan.add(span, cue, match.start(), match.end(), scan.quote_kind)
        if match.group(1):
            scan.add(match.span(1), "quoted by", match.start(), match.start(1), "according_to")
        scan.consumed.update(
            t.start() for t in scan.tokens if match.start() <= t.start() < match.end()
        )


def _according_to(scan: _Scan) -> None:
    """ "according to X", "as stated by X", "citing X": the source named after the cue."""
    for match in _ACCORDING_RE.finditer(scan.folded):
        if _in(match.start(), scan.spans):
            continue
        span = right_speaker(scan.folded, match.end(), strict=False)
        issued = _DOCUMENT_FROM_RE.match(scan.folded, span[1]) if span else None
        if span and issued and _DOCUMENT_HEAD_RE.search(scan.folded, span[0], span[1]):
            # "according to a statement from the monitoring mission": the mission speaks.
            named = _AUTHOR_RE.match(scan.folded, issued.end())
            span = named.span() if named else span
        if span:
            scan.add(span, match.group().strip(), match.start(), match.end() - 1, "according_to")
            scan.consumed.update(
                t.start() for t in scan.tokens if match.start() <= t.start() < match.end()
            )


# A place set off by commas right before a reporting verb, after the speaker: " in Golden,
# Colo., said", " in Austin, Texas, said" (a city and its state or country).
_PLACE_BEFORE_VERB_RE = re.compile(
    r"\sin\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?,\s*$"
)


def _reporting_verb(scan: _Scan, index: int, token: re.Match[str]) -> None:
    """The attribution a reporting verb of the lexicon makes, where it makes one."""
    word = token.group()
    lower = word.lower()
    known = lower in scan.forms or lower in _CONTENT_GERUNDS  # "calling" is no reporting verb
    if not known or token.start() in scan.consumed or _in(token.start(), scan.spans):
        return
    lemma = scan.forms[lower][0] if lower in scan.forms else lower
    if word[:1].isupper():
        if index == 0 and lower == "said":
            # 'Said Ellis: "..."': the speaker follows the verb that opens the sentence.
            span = right_speaker(scan.folded, token.end())
            if span and re.match(r"\s*[:,]", scan.folded[span[1] :]):
                scan.add(span, lower, token.start(), token.end(), scan.quote_kind)
        return
    if (
        index
        and lower != "said"
        and (
            scan.tokens[index - 1].group().endswith(("'s", "’s"))
            or scan.tokens[index - 1].group().lower() in ("the", "a", "an", "its", "their", "these")
        )
    ):
        return  # "Editor's note:", "The claims could not ...": a noun, not a verb
    previous = scan.tokens[index - 1].group().lower() if index else ""
    # "The White House is saying that ...": a progressive reports like the finite verb.
    progressive = lower.endswith("ing") and index >= 2 and previous in PROGRESSIVE_BE
    if lower.endswith("ing") and not progressive:
        # "The opposition slammed the decision, saying it was illegal": the gerund
        # carries the report of the clause's subject when nothing else does.
        before_gerund = scan.folded[: token.start()]
        if (
            lower in _CONTENT_GERUNDS
            and not scan.found
            and (before_gerund.rstrip().endswith(",") or _STATEMENT_BEFORE_RE.search(before_gerund))
        ):
            subject = clause_subject(scan.folded, scan.tokens, index, from_start=True)
            pronoun = _PRONOUN_SUBJECT_RE.match(scan.folded)
            if subject is None and pronoun:
                subject = scan.tokens[0].span()
            if subject and re.match(r"\s+(?:[a-z]|[A-Z]\w*\s+[a-z])", scan.folded[subject[1] :]):
                scan.add(
                    subject,
                    lower,
                    token.start(),
                    token.end(),
                    scan.quote_kind if scan.spans else "indirect",
                )
        elif lower == "saying" and _SAID_AFTER_RE.match(scan.folded, token.end()):
            # "footage of Trump saying during the debate, "That makes me smart"", "one by
            # Sanders saying that ...": the name right before the gerund speaks.
            name = _name_before(scan, index)
            if name:
                kind = (
                    scan.quote_kind if any(s > token.end() for s, _ in scan.spans) else "indirect"
                )
                scan.add(name, lower, token.start(), token.end(), kind)
        return
    before = scan.folded[: token.start()].rstrip()
    after = scan.folded[token.end() :]
    if lemma in _CLAUSE_ONLY and not _speech_follows(after, lemma):
        return  # "a message posted Friday", "posted a loss": no speech
    if lemma in ("add", "claim") and _QUANTITY_AFTER_RE.match(after):
        return  # "Hillis added 101 yards", "claimed two titles": a tally, not speech
    if previous in _BE_FORMS and not progressive:
        # "was announced by the central bank": the agent speaks.
        agent = re.match(r"\s+by\s+", after)
        span = right_speaker(scan.folded, token.end() + agent.end()) if agent else None
        if span and previous != "to":
            scan.add(span, lower, token.start(), token.end(), scan.quote_kind)
        return
    if index >= 2 and scan.tokens[index - 2].group().lower() in ("what", "whatever"):
        return  # "What he said next ..."
    if previous in _MODALS or previous in ("not", "never", "n't", "didn't", "won't"):
        return  # "would not say", "did not add": no statement was made
    if (
        lower.endswith("s")
        and lemma not in _NEVER_NOUNS
        and re.match(r"\s*(?:[,;)]|and\b|or\b)", after)
    ):
        return  # "police reports, photos and evidence": a noun
    if any(
        t.group().lower() in _CONTENT_GERUNDS and not _in(t.start(), scan.spans)
        for t in scan.tokens[1:index]
    ):
        return  # "..., adding that the army would respond": content, not a new report
        # (a gerund opening the sentence, "Claiming ..., Trump told Fox", is not)
    place = _PLACE_BEFORE_VERB_RE.search(scan.folded, 0, token.start())
    if place:
        # "The U.S. Geological Survey in Golden, Colo., said": where the speaker is sits
        # between speaker and verb; the speaker ends before "in".
        at = next(i for i, t in enumerate(scan.tokens) if t.start() >= place.start() + 1)
        span = left_speaker(scan.folded, scan.tokens, at) if at else None
    else:
        span = left_speaker(scan.folded, scan.tokens, index) or appositive_speaker(
            scan.folded, scan.tokens, index
        )
    whole = common_noun_speaker(scan.folded, scan.tokens, index) if span else None
    if span and whole and whole[1] == span[1] and whole[0] < span[0]:
        span = whole  # "Ohio's top election official", not "official"
    if span is None and before.endswith((",", '"', "'")) and lemma in INVERTING:
        span = right_speaker(scan.folded, token.end())
        # A party tag or an aside in brackets may follow: "Rep. Jim Clyburn (D-S.C.),";
        # a long aside only a speaker of two words or more ("said Mr. Burman (a view
        # echoed by everyone I interviewed)", not "said Mass (before a crowd ...)").
        aside = 80 if span and " " in scan.folded[span[0] : span[1]].strip() else 30
        if span and (
            scan.folded[token.end() : span[0]].strip()
            or not re.match(
                r"\s*(?:[,.;:!?\"']|$|\s(?:in|on|at|during|after|before|when|while|to|who)\b"
                rf"|\s\([^()]{{1,{aside}}}\)\s*[,.;:!?])",
                scan.folded[span[1] :],
            )
        ):
            span = None  # "..., said Page died yesterday" is no inverted speaker
    if span is None:
        span = named_subject(scan.folded, scan.tokens, index)
    if span is None and (
        lemma in _PLAIN_SPEECH
        or _THAT_AFTER_RE.match(_after_time(after))
        or (lemma in _BARE_CLAUSE_VERBS and _BARE_CLAUSE_RE.match(_after_time(after)))
    ):
        # "The campaign says ...", "The nominee noted Friday that ...": a common noun
        # subject, for a plain speech verb or any reporting verb with a "that" clause.
        span = common_noun_speaker(scan.folded, scan.tokens, index)
    if span is None:
        span = _fallback_speaker(scan.folded, token.start(), after)
    if span is None:
        return
    span = named_before_role(scan.folded, span) or span
    closes_sentence = not _after_time(after).strip(" .!?\"'")
    if not closes_sentence and _inside_reported_clause(
        scan.folded, scan.found, min(span[0], token.start())
    ):
        return  # "LaRue said Magruder lied when he claimed ...": content, not a report
    lead = scan.folded[: min(span[0], token.start())]
    next_to_quote = any(
        not scan.folded[e : min(span[0], token.start())].strip(" ,.!?'\"")
        or 0 <= s - token.end() < 4
        for s, e in scan.spans
    )
    final = not after.strip(" .!?\"'") and (not lead.strip() or lead.rstrip()[-1:] in ",\"'")
    # "..., noted NBC's Dante Chinni.": the speaker after the verb closes the sentence.
    final = final or (
        span[0] >= token.end()
        and lead.rstrip()[-1:] in ",\"'"
        and not scan.folded[span[1] :].strip(" .!?\"'")
    )
    if next_to_quote:
        kind = "direct" if scan.has_direct else scan.quote_kind
    elif (_speech_follows(after, lemma) and after.strip(" .!?\"'")) or final:
        kind = (
            "partial_quote"
            if any(s > token.end() for s, _ in scan.spans) and scan.has_partial
            else "indirect"
        )
    elif previous not in _MODALS and any(
        s > token.end() and s - token.end() < 60 for s, _ in scan.spans
    ):
        kind = "partial_quote"
    else:
        return
    end = token.end()
    statement = _IN_STATEMENT_RE.match(after)
    if statement:
        end += statement.end()
    scan.add(span, lower, token.start(), end, kind)


# What was said after "saying": a "that" clause, or a quotation opening after at most a
# short phrase ("saying during the debate last week, "...").
_SAID_AFTER_RE = re.compile(r"\s*,?\s+(?:that\b|[\"“']|[^.;\"“”]{0,60}?,\s*[\"“])")
# Nouns of a recording or a writing whose maker speaks in it: "footage of Trump saying",
# "a letter from Smith saying", "one by Sanders saying".
_RECORD_NOUNS = frozenset(
    ["footage", "video", "videos", "clip", "clips", "recording", "recordings", "tape", "tapes",
     "audio", "tweet", "tweets", "post", "posts", "letter", "letters", "message", "messages",
     "statement", "statements", "remarks", "comments", "interview", "one", "image", "images"]
)  # fmt: skip


def _name_before(scan: _Scan, index: int) -> tuple[int, int] | None:
    """The capitalised words right before token ``index`` (a name, its title's dot
    included), as a span, where a recording or a writing is "of", "by" or "from" them;
    none where punctuation parts them ("after Trump, saying")."""
    first = index
    while first > 0:
        word = scan.tokens[first - 1].group()
        gap = scan.folded[scan.tokens[first - 1].end() : scan.tokens[first].start()]
        if not word[:1].isupper() or gap.strip() not in ("", "."):
            break
        first -= 1
    if first == index or scan.tokens[first].group().lower() in COMMON_STARTERS:
        return None
    # Only a recording's or a writing's maker: not a time, a place or an addressee
    # ("a statement Tuesday saying", "a video on TikTok saying", "wrote to Amazon saying").
    if first < 2 or scan.tokens[first - 1].group().lower() not in ("of", "by", "from"):
        return None
    if scan.tokens[first - 2].group().lower() not in _RECORD_NOUNS:
        return None
    return scan.tokens[first].start(), scan.tokens[index - 1].end()


def _keep_closing_frame(scan: _Scan) -> None:
    """A closing ", X said." frames everything before it as X's words: verbs earlier in
    the sentence ("Washington urged ..., the State Department said") are content."""
    closing = [
        f
        for f in scan.found
        if f.kind != "according_to"
        and not scan.folded[max(f.speaker_end, f.cue_end) :].strip(" .!?\"'")
        and scan.folded[: min(f.speaker_start, f.cue_start)].rstrip()[-1:] in (",", '"', "'")
    ]
    if closing:
        edge = min(closing[0].speaker_start, closing[0].cue_start)
        scan.found = [
            f
            for f in scan.found
            if f.kind == "according_to" or min(f.speaker_start, f.cue_start) >= edge
        ]


def _agentless(scan: _Scan) -> None:
    """Agentless reporting ("it was emphasized that") where no one else is credited."""
    if not scan.found:
        for match in _AGENTLESS_RE.finditer(scan.folded):
            if not _in(match.start(), scan.spans) and match.group(1).lower() in scan.forms:
                scan.add(None, match.group(), match.start(), match.end(), "unattributed")


def to_attribution(found: Found, canonical: str | None, offset: int) -> Attribution:
    """The model value of one found attribution, offsets made absolute."""
    start = min(found.speaker_start, found.cue_start)
    end = max(found.speaker_end, found.cue_end)
    return Attribution(
        found.speaker, canonical, found.cue, found.kind, start + offset, end + offset
    )


def attributions(text: str, offset: int = 0) -> tuple[Attribution, ...]:
    """Attributions of one sentence with its own quotes, unresolved across sentences."""
    from framediff.sentences.quotes import find_quotes

    scan = find_quotes(text)
    quotes = [(q.start, q.end, q.partial) for q in scan.quotes]
    return tuple(
        to_attribution(f, f.parse.canonical if f.parse else None, offset)
        for f in find_attributions(text, quotes)
    )
