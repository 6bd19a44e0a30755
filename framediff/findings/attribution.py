"""Attribution across sources: ``attribution_shift`` (the same claim credited to
different speakers) and ``attribution_dropped`` (attributed in one source, stated as
fact in another), one finding per claim (sentences joined by the links that fired).
Who each sentence credits, and whether it is attributed at all, comes from the sentence
analysis (``framediff.sentences``); this module only compares sentences across sources.
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
    snippet,
)
from framediff.findings.cues import (
    ARTICLES,
    ATTRIBUTION_TAIL,
    CLAIM_ACTS,
    CLAIM_ASSESSMENTS,
    CLAIM_ESTIMATES,
    CLAIM_MOTIVES,
    CLAIM_PHRASES,
    CLAIM_WRONGS,
    FORECAST_REPORTED_RE,
    FUNCTION_WORDS,
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
from framediff.model import SentenceRef
from framediff.scoring.features import normalize_word
from framediff.sentences.credit import BE_FORMS, is_statement
from framediff.text import headline_like

# Content words after a speech verb that make them the reported claim.
_CLAUSE_WORDS = 2
# First words of a phrase that still belongs to the speaker ("a statement from the
# mission", "officials in Kyiv").
_SPEAKER_CONTINUES = frozenset(["from", "of", "at", "in", "by", "for", "with", "on", "to"])
# Quotations shorter than this are labels, not statements.
_MIN_STATEMENT_WORDS = 4
# Share of an attributed sentence's own words (speaker and verb aside) the other
# sentence must hold for the attribution to cover their shared claim.
_GOVERNS = 0.5


def sentence_speakers(ctx: Context, ref: SentenceRef) -> tuple[list[Speaker], bool]:
    """The speakers a sentence credits, and whether it is attributed at all, as the
    sentence analysis decided (``SentenceAnalysis.attributed``). A partial quote of a label
    credits nobody with the sentence's claim."""
    analysis = ctx.analysis(ref)
    sentence = ctx.sentence(ref)
    statements = [
        q for q in analysis.quotes if is_statement(q.text, sentence.text, q.end - sentence.start)
    ]
    speakers: list[Speaker] = []
    # "An agency quoted the governor as saying ...", "France Telecom said ..., according to
    # Bloomberg": the governor and France Telecom speak; the agency and Bloomberg relay.
    credited = [a for a in analysis.attributions if a.kind != "unattributed"]
    relayed = any((a.cue or "").startswith("quoted as") for a in credited)
    outlets = [a for a in credited if is_outlet(a.speaker or "")]
    if len(outlets) < len(credited):
        relayed = relayed or bool(outlets)
    for attribution in credited:
        if relayed and (attribution.cue == "quoted" or attribution in outlets):
            continue
        if attribution.kind == "partial_quote" and not any(
            attribution.start <= q.end and q.start <= attribution.end for q in statements
        ):
            continue
        name = attribution.speaker_canonical or attribution.speaker
        if name:
            # "She said": the finding names whom the pronoun was resolved to.
            written = attribution.speaker or name
            shown = name if written.lower() in _PRONOUNS else written
            # "officials": a speaker with no identifying word still names who is credited,
            # and with an empty key it differs from no one.
            keys = speaker_keys(name) or [frozenset()]
            police = _speaks_for_police(ctx, ref.source, name, shown)
            known_as = tuple(sorted(ctx.speaker_phrases.get((ref.source, name), ())))
            speakers.extend(
                Speaker(shown, key, name, known_as) for key in police_keys(keys, police)
            )
    if not speakers:
        for quote in statements:
            if quote.speaker:
                # What the article calls the quotation's speaker ("Microsoft's Christopher
                # Budd"), as for a credited speaker.
                known_as = tuple(sorted(ctx.speaker_phrases.get((ref.source, quote.speaker), ())))
                speakers.extend(
                    Speaker(quote.speaker, key, quote.speaker, known_as)
                    for key in speaker_keys(quote.speaker)
                )
                break
    return speakers, analysis.attributed


def _clause_credit(ctx: Context, ref: SentenceRef, other: SentenceRef) -> str | None:
    """For a sentence crediting two or more named speakers, one per clause ("Police said
    the driver was drunk, but his lawyer said he was not"): the speaker (as resolved)
    whose clause ``other`` shares, most of its words standing there (``_GOVERNS``); None
    for a sentence with one speaker, or where no clause or more than one is shared. A
    speaker's clause is what follows its verb up to the next credit, or, where too little
    follows, what comes before it ("..., X said")."""
    sentence = ctx.sentence(ref)
    text = sentence.text
    named = sorted(
        (
            a
            for a in ctx.analysis(ref).attributions
            if a.kind != "unattributed" and a.speaker and a.speaker.lower() not in _PRONOUNS
        ),
        key=lambda a: a.start,
    )
    if len({a.speaker_canonical or a.speaker for a in named}) < 2:
        return None
    theirs = set(fold_words(ctx.sentence(other).text))
    shared = set()
    for k, attribution in enumerate(named):
        start, end = attribution.start - sentence.start, attribution.end - sentence.start
        following = named[k + 1].start - sentence.start if k + 1 < len(named) else len(text)
        preceding = named[k - 1].end - sentence.start if k else 0
        after = _content_of(text[end:following])
        clause = after if len(after) >= _CLAUSE_WORDS else _content_of(text[preceding:start])
        if clause and len(clause & theirs) >= _GOVERNS * len(clause):
            shared.add(attribution.speaker_canonical or attribution.speaker)
    return shared.pop() if len(shared) == 1 else None


def _content_of(text: str) -> set[str]:
    return {w for w in fold_words(text) if w not in FUNCTION_WORDS | ATTRIBUTION_TAIL}


def _speakers_named(speakers: list[Speaker], name: str) -> list[Speaker]:
    """The speakers of ``speakers`` resolved to ``name``."""
    return [sp for sp in speakers if sp.resolved == name]


def _one_named_credit(ctx: Context, ref: SentenceRef) -> bool:
    """The sentence names, in its own words, the one speaker it credits: a speaker carried
    over from a quotation's first sentence or a pronoun's antecedent is a guess, and a
    sentence crediting two speakers ("..., Kelly said; Cerar added ...") may give each a
    different part of it. Only such a credit can be set against another source's."""
    named = {
        a.speaker_canonical or a.speaker
        for a in ctx.analysis(ref).attributions
        if a.kind != "unattributed" and a.speaker and a.speaker.lower() not in _PRONOUNS
    }
    return len(named) == 1


# Pronoun speakers: who they are was resolved, not written.
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them"])


def _sourced_nearby(ctx: Context, ref: SentenceRef, credited: SentenceRef) -> bool:
    """The sentence before or after ``ref`` in its own article credits the speaker that
    ``credited`` names: a report often names its source once for several sentences ("The
    fire started at dawn. It spread fast, the fire chief said."), so the claim is that
    speaker's there too, not the outlet's own. A quotation next to it credits only the
    quoted words."""
    speakers = sentence_speakers(ctx, credited)[0]
    if not speakers:
        return False
    if _goes_on(ctx, ref):
        return True
    for index in (ref.sentence - 1, ref.sentence + 1):
        if not 0 <= index < len(ctx.by_id[ref.source].sentences):
            continue
        neighbour = SentenceRef(ref.source, index)
        if all(a.kind == "direct" for a in ctx.analysis(neighbour).attributions):
            continue  # a quotation credits only its own words
        nearby = sentence_speakers(ctx, neighbour)[0]
        if nearby and not speakers_differ(speakers, nearby, unknown_is_same=False):
            return True
    return False


def _sourcing_alike(ctx: Context, credited: SentenceRef, plain: SentenceRef) -> bool:
    """The two sources treat the claim alike after all: the plain one credits it in
    another sentence (a subheading states what the body credits to its source), or the
    crediting one states it in its own voice elsewhere too ("the fifth such operation" in
    its lead, "..., the navy said" further down). Either way the credit is no difference
    between them."""
    for ref, wanted_attributed in ((plain, True), (credited, False)):
        for sentence in ctx.by_id[ref.source].sentences:
            other = SentenceRef(ref.source, sentence.index)
            if other == ref or sentence_speakers(ctx, other)[1] != wanted_attributed:
                continue
            if wanted_attributed and _sourced_nearby(ctx, plain, other):
                continue  # that credit is the neighbour's, already weighed
            if _governs_shared(ctx, credited, other):
                return True
    return False


def _plain_in_a_third(ctx: Context, credited: SentenceRef, plain: SentenceRef, claim: str) -> bool:
    """Another outlet of the event, neither the crediting nor the plain one, states the
    claim in its own voice too (a sentence of it crediting no one, with no credit beside
    it, sharing the claim as the pair does): the coverage treats the claim as established,
    and one outlet leaving out the credit is ordinary reporting. Asked only of facts: an
    assessment stays its speaker's however many outlets repeat it."""
    group = next((g for g in ctx.compared_groups if plain.source in g), ())
    for source in group:
        if source in (credited.source, plain.source):
            continue
        for sentence in ctx.by_id[source].sentences:
            other = SentenceRef(source, sentence.index)
            if sentence_speakers(ctx, other)[1] or _sourced_nearby(ctx, other, credited):
                continue
            if (
                _governs_shared(ctx, credited, other)
                or _governs_shared(ctx, other, credited)
                or _clause_shared(ctx, credited, other, claim)
            ):
                return True
    return False


# Words from the start of a reported claim within which its subject stands.
_SUBJECT_WITHIN = 4


def _of_itself_only(
    ctx: Context, ref: SentenceRef, other: SentenceRef, speakers: list[Speaker]
) -> bool:
    """The sentence's speaker speaks of itself ("The Angels said they made an offer": the
    claim opens on a pronoun for the speaker), and the other sentence does not name that
    speaker: its claim is about someone else ("The Red Sox have made an offer")."""
    # The claim's subject opens it, after a time phrase at most ("said last week they ...").
    opening = fold_words(_governed(ctx, ref))[:_SUBJECT_WITHIN]
    if not any(word in _PRONOUNS for word in opening):
        return False
    text = ctx.sentence(other).text.lower()
    return not any(
        word.lower() in text
        for speaker in speakers
        for word in SPEAKER_WORD_RE.findall(speaker.display)
        if word.lower() not in ARTICLES and word[:1].isupper()
    )


# A sentence going on with the account before it: a pronoun subject, then "then", "also",
# "later" or a verb ("They then set fire to the car", "He later fled").
_GOES_ON_RE = re.compile(
    r"^(?:he|she|they|it)\s+(?:then|also|later|soon|eventually|afterwards)\b", re.IGNORECASE
)


def _goes_on(ctx: Context, ref: SentenceRef) -> bool:
    """The sentence goes on with the account of the sentence before it ("They then ..."),
    which credits someone (not only a quotation's words): the credit carries over."""
    if ref.sentence == 0 or not _GOES_ON_RE.match(ctx.sentence(ref).text.lstrip()):
        return False
    before = SentenceRef(ref.source, ref.sentence - 1)
    attributions = ctx.analysis(before).attributions
    credited = [a for a in attributions if a.kind != "unattributed"]
    return bool(credited) and not all(a.kind == "direct" for a in credited)


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


def _same_cue(ctx: Context, attributed: SentenceRef, other: SentenceRef) -> bool:
    """The other sentence uses the same reporting verb ("has dismissed"): its speaker was
    missed, not dropped."""
    other_words = {w.lower() for w in SPEAKER_WORD_RE.findall(ctx.sentence(other).text)}
    return any(
        a.cue and a.cue.lower() in other_words for a in ctx.analysis(attributed).attributions
    )


# What a claim needing its source is, in the order a finding names the first found, and
# how a finding names it.
_CLAIM_NAMES = {
    "allegation": "an allegation",
    "disputed": "a disputed claim",
    "motive": "a motive or cause",
    "estimate": "an estimate",
    "assessment": "an assessment",
    "intention": "a stated intention",
    "forecast": "a forecast",
}
CLAIM_KINDS = tuple(_CLAIM_NAMES)
# Words that carry a kind of claim in any voice (an act of wrongdoing only with its agent:
# ``claim_kinds``).
_CLAIM_WORDS = (
    ("allegation", CLAIM_WRONGS),
    ("motive", CLAIM_MOTIVES),
    ("estimate", CLAIM_ESTIMATES),
    ("assessment", CLAIM_ASSESSMENTS),
)
# Each kind's phrase pattern (``CLAIM_PHRASES``).
_CLAIM_PATTERN = dict(CLAIM_PHRASES)
# Prepositions before an act word make it an adjective ("an impact on threatened or
# endangered species", "a market for stolen cars").
_PREPOSITIONS = frozenset(
    ["on", "of", "for", "with", "from", "about", "against", "among", "into", "to", "in", "at"]
)
# Words before an act that make it an outcome suffered, not an act alleged ("was killed",
# "were badly beaten", "got shot"), and words that make it a noun ("a shot") or an
# adjective ("on threatened species").
_OUTCOME_BEFORE = BE_FORMS | {"get", "gets", "got", "getting"} | ARTICLES | _PREPOSITIONS
# Words within which a passive act names its agent ("was shot by a neighbour").
_AGENT_WINDOW = 4


def claim_kinds(text: str) -> set[str]:
    """What makes the claim of ``text`` one a reader needs the source of: an allegation
    (an act of wrongdoing with its agent, "Kessler shot the clerk", or a wrong named in
    any voice, "drunk", "hostage"), a motive or cause, an estimate, an assessment, a
    stated intention, a forecast. Empty for an undisputed outcome ("three climbers were
    killed", "he was taken to hospital")."""
    words = fold_words(text)
    kinds = {kind for kind, pattern in CLAIM_PHRASES if pattern.search(text)}
    for index, word in enumerate(words):
        if word in CLAIM_ACTS:
            before = words[max(0, index - 2) : index]
            agent = "by" in words[index + 1 : index + 1 + _AGENT_WINDOW]
            outcome = bool(before) and (
                before[-1] in _OUTCOME_BEFORE
                or (before[-1].endswith("ly") and before[0] in _OUTCOME_BEFORE)
            )
            if agent or not outcome:
                kinds.add("allegation")
        kinds.update(kind for kind, lexicon in _CLAIM_WORDS if word in lexicon)
    return kinds


# A wrong framed as the legal process reports it ("was charged with drunk driving",
# "arrested on suspicion of", "cited for", "pulled over for speeding"): a matter of record,
# not an allegation stated as fact.
_LEGAL_FRAME_RE = re.compile(
    r"\b(?:charged|charges?|arrested|arrest|suspicion|suspected|cited|indicted|accused|"
    r"pleaded|pleads|booked|convicted|faces|facing|sentenced|pulled over|stopped for)\b",
    re.IGNORECASE,
)
# Casualty and damage words: a toll or a damage figure, even an estimated one ("as many
# as 80 wounded", "an estimated $1 million in damage"), is an outcome readers judged
# trivial to credit.
_CASUALTY_RE = re.compile(
    r"\b(?:killed|dead|died|deaths?|wounded|injured|injuries|hurt|toll|casualties|"
    r"damages?)\b",
    re.IGNORECASE,
)


def _claims_needing_source(
    ctx: Context, attributed: SentenceRef, plain: SentenceRef, speaker: str | None
) -> list[str]:
    """The kinds of claim needing its source (``CLAIM_KINDS``) both sentences carry, in
    ``CLAIM_KINDS`` order."""
    text = ctx.sentence(plain).text
    governed = _governed(ctx, attributed)
    credited = claim_kinds(governed)
    # A forecast is the speaker's only in the reported clause itself: after "even though"
    # or "while" the outlet may be speaking ("King said he had the owner's support even
    # though the team will be paying three coaches").
    reported = _CONCESSION_RE.split(governed, maxsplit=1)[0]
    credited.discard("forecast")
    if _CLAIM_PATTERN["forecast"].search(reported) or FORECAST_REPORTED_RE.search(reported):
        credited.add("forecast")
    shared = credited & claim_kinds(text)
    if _LEGAL_FRAME_RE.search(text):
        shared.discard("allegation")
    if _CASUALTY_RE.search(text):
        shared.discard("estimate")
    if _disputed(ctx, attributed, speaker):
        shared.add("disputed")
    return [kind for kind in CLAIM_KINDS if kind in shared]


# Words reporting a claim contested.
_DISPUTED_RE = re.compile(
    r"\b(?:den(?:y|ies|ied)|disput(?:e|es|ed)|contest(?:s|ed))\b", re.IGNORECASE
)


def _disputed(ctx: Context, attributed: SentenceRef, speaker: str | None) -> bool:
    """The crediting sentence reports the claim contested by someone other than its
    speaker ("Police said a revolver was found, but the family denies he was armed",
    "..., though relatives dispute the account"): a claim so reported needs its source,
    whatever its words. The speaker's own denial ("Karamanlis denied ...") is the claim.
    ``speaker``: the claim's speaker where the sentence credits one per clause
    (``_clause_credit``), else None (its first credit's)."""
    sentence = ctx.sentence(attributed)
    credits = [a for a in ctx.analysis(attributed).attributions if a.kind != "unattributed"]
    own = [
        (a.start - sentence.start, a.end - sentence.start)
        for a in credits
        if speaker is None or (a.speaker_canonical or a.speaker) == speaker
    ][:1]
    return any(
        not any(s <= m.start() < e for s, e in own) for m in _DISPUTED_RE.finditer(sentence.text)
    )


# Words opening a clause of concession or contrast, where a reported sentence may turn to
# the outlet's own voice.
_CONCESSION_RE = re.compile(r"\b(?:even though|although|though|whereas|while|even as)\b", re.I)
# Where a clause ends: punctuation, and the words that open a subordinate or relative clause
# ("... was found guilty of the killing | as he targeted rival gang members").
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:()\u2014\u2013]|\b(?:as|when|while|because|after|before|since|although|though|"
    r"who|which|where|whose|whom)\b",
    re.IGNORECASE,
)
# A claim's clause must hold this many content words to be found elsewhere by its words.
_CLAUSE_MIN_WORDS = 3
# The words that put a kind of claim in a clause: those of ``_CLAIM_WORDS``, and for an
# allegation its acts too.
_LEXICON_OF = dict(_CLAIM_WORDS) | {"allegation": CLAIM_ACTS | CLAIM_WRONGS}


def claim_clauses(text: str, kind: str) -> list[str]:
    """The clauses of ``text`` that carry a claim of ``kind`` (``CLAIM_KINDS``): each
    stretch between clause breaks holding one of the kind's words or phrases."""
    bounds = [0, *(m.start() for m in _CLAUSE_BREAK_RE.finditer(text)), len(text)]
    pattern = _CLAIM_PATTERN.get(kind)
    spots = [m.start() for m in pattern.finditer(text)] if pattern else []
    lexicon = _LEXICON_OF.get(kind, frozenset())
    spots += [m.start() for m in re.finditer(r"[\w'-]+", text) if m.group().lower() in lexicon]
    clauses = []
    for spot in sorted(set(spots)):
        start = max(b for b in bounds if b <= spot)
        end = min(b for b in bounds if b > spot)
        clauses.append(text[start:end])
    return list(dict.fromkeys(clauses))


def _content_keys(text: str) -> set[str]:
    return {normalize_word(w) for w in fold_words(text) if w not in FUNCTION_WORDS}


def _clause_shared(ctx: Context, attributed: SentenceRef, plain: SentenceRef, kind: str) -> bool:
    """The plain sentence states in one of its clauses the claim the attributed sentence
    credits: most of a claim-bearing clause's content words (light stems) stand in what the
    attribution covers. Two sentences often share one claim clause and little else ("Lopez
    was convicted of the killing as he targeted rival gang members" / "it was said at trial
    that Lopez was targeting members of a rival gang"). The two sentences must name someone
    in common: a clause alone, with no one named ("those killed by hit-and-run drivers"), is
    too general to be that claim."""
    if not _name_in_common(ctx, attributed, plain):
        return False
    governed = _content_keys(_governed(ctx, attributed))
    for clause in claim_clauses(ctx.sentence(plain).text, kind):
        words = _content_keys(clause)
        if len(words) >= _CLAUSE_MIN_WORDS and len(words & governed) >= _GOVERNS * len(words):
            return True
    return False


def _name_in_common(ctx: Context, x: SentenceRef, y: SentenceRef) -> bool:
    """A name one sentence's entities hold stands in the other sentence too (as written:
    the entity finder may pass over a name opening a sentence)."""
    for one, other in ((x, y), (y, x)):
        text = ctx.sentence(other).text
        for entity in ctx.analysis(one).entities:
            for name in {entity.text, entity.canonical}:
                if re.search(rf"\b{re.escape(name)}\b", text):
                    return True
    return False


def _governed(ctx: Context, ref: SentenceRef) -> str:
    """The part of a sentence its attribution covers: what follows the speech verb when
    the sentence goes on ("the navy says it fired in self-defence", "According to X,
    ..."), else what comes before it ("..., the coast guard said in a statement.")."""
    sentence = ctx.sentence(ref)
    text = sentence.text
    spans = [
        (a.start - sentence.start, a.end - sentence.start) for a in ctx.analysis(ref).attributions
    ]
    if not spans:
        return text
    start, end = spans[0]
    rest = fold_words(text[end:])
    before = [w for w in fold_words(text[:start]) if w not in FUNCTION_WORDS]
    if rest and rest[0] in _SPEAKER_CONTINUES and len(before) >= _CLAUSE_WORDS:
        return text[:start]  # "..., according to a statement | from the monitoring mission."
    after = [w for w in rest if w not in FUNCTION_WORDS | ATTRIBUTION_TAIL]
    return text[end:] if len(after) >= _CLAUSE_WORDS else text[:start]


def _share_governed(ctx: Context, attributed: SentenceRef, other: SentenceRef) -> float:
    """The share of what a sentence's attribution covers that the other sentence holds:
    most of it, and the attribution bears on what both say, not on a clause only one has.
    The words of the sentence's own attributions (speaker and cue) are left out."""
    sentence = ctx.sentence(attributed)
    governed = _governed(ctx, attributed)
    frame = {
        w
        for a in ctx.analysis(attributed).attributions
        for w in fold_words(sentence.text[a.start - sentence.start : a.end - sentence.start])
    }
    own = {w for w in fold_words(governed) if w not in FUNCTION_WORDS and w not in frame}
    theirs = set(fold_words(ctx.sentence(other).text))
    return len(own & theirs) / len(own) if own else 0.0


def _governs_shared(ctx: Context, attributed: SentenceRef, other: SentenceRef) -> bool:
    return _share_governed(ctx, attributed, other) >= _GOVERNS


# A pair of sentences (a, b) that makes a finding, and such pairs with the link score
# that joined them.
Pair = tuple[SentenceRef, SentenceRef]
PairScores = dict[Pair, float]


def attribution_findings(ctx: Context) -> list[Draft]:
    """Shifted and dropped attributions on every firmly linked claim."""
    shifts, drops, claims, credited_as = _claim_pairs(ctx)
    return _shift_drafts(ctx, shifts, credited_as) + _drop_drafts(ctx, drops, claims, credited_as)


def _claim_pairs(
    ctx: Context,
) -> tuple[
    PairScores, PairScores, dict[Pair, str], dict[Pair, tuple[list[Speaker], list[Speaker]]]
]:
    """Linked pairs whose one claim is credited to different speakers, pairs (credited,
    plain) where one source credits a claim the other states in its own voice, what kind
    of claim each of those is (``CLAIM_KINDS``), and whom each shifted pair's sentences
    credit with the claim."""
    shifts: PairScores = {}
    drops: PairScores = {}
    claims: dict[Pair, str] = {}
    credited_as: dict[Pair, tuple[list[Speaker], list[Speaker]]] = {}
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
        # A sentence crediting two speakers, one per clause, credits the claim the other
        # sentence shares to that clause's speaker alone.
        one_a, one_b = _one_named_credit(ctx, a), _one_named_credit(ctx, b)
        scoped_a, scoped_b = _clause_credit(ctx, a, b), _clause_credit(ctx, b, a)
        if scoped_a is not None:
            speakers_a, one_a, ab = _speakers_named(speakers_a, scoped_a), True, True
        if scoped_b is not None:
            speakers_b, one_b, ba = _speakers_named(speakers_b, scoped_b), True, True
        if (
            speakers_a
            and speakers_b
            and speakers_differ(speakers_a, speakers_b)
            and ((ab and ba) or (firm and (ab or ba)))
            and one_a
            and one_b
            and not _of_itself_only(ctx, a, b, speakers_a)
            and not _of_itself_only(ctx, b, a, speakers_b)
        ):
            shifts[(a, b)] = link.score
            credited_as[(a, b)] = (speakers_a, speakers_b)
        elif attributed_a != attributed_b:
            pair = (a, b) if attributed_a else (b, a)
            # Only a claim a reader needs the source of (an allegation, a motive, an
            # estimate, an assessment, a stated intention) makes leaving the source out
            # worth a finding: an undisputed death or evacuation stated plainly is ordinary
            # reporting. Given that, the claim shared one way is enough (the plain sentence
            # may state a part of the credited claim).
            if _same_cue(ctx, *pair):
                continue
            # The claim both state: the whole credited claim shared one way, or a clause of
            # the plain sentence carrying it.
            scoped = scoped_a if pair[0] == a else scoped_b
            kinds = _claims_needing_source(ctx, *pair, scoped)
            claim = next((k for k in kinds if ab or ba or _clause_shared(ctx, *pair, k)), "")
            if not claim:
                continue
            # Only a named speaker makes the drop a fact a reader can check ("attributes to
            # a source" was a verb with no one to credit); a speaker the neighbouring
            # sentence credits covers the claim there too.
            if not speakers_a + speakers_b or _sourced_nearby(ctx, pair[1], pair[0]):
                continue
            if _sourcing_alike(ctx, *pair):
                continue
            if claim != "assessment" and _plain_in_a_third(ctx, *pair, claim):
                continue
            drops[pair] = link.score
            claims[pair] = claim
            credited_as[pair] = (speakers_a if pair[0] == a else speakers_b, [])
    return shifts, drops, claims, credited_as


def _by_claim(pairs: PairScores) -> list[list[tuple[SentenceRef, SentenceRef]]]:
    """The pairs grouped into claims: pairs sharing a sentence are one claim."""
    claims: dict[SentenceRef, list[tuple[SentenceRef, SentenceRef]]] = defaultdict(list)
    for pair, key in group_pairs(list(pairs)).items():
        claims[key].append(pair)
    return list(claims.values())


def _shift_drafts(
    ctx: Context,
    shifts: PairScores,
    credited_as: dict[Pair, tuple[list[Speaker], list[Speaker]]],
) -> list[Draft]:
    drafts = []
    for pairs in _by_claim(shifts):
        ordered = ctx.sort_refs([r for pair in pairs for r in pair])
        speakers_of: dict[SentenceRef, list[Speaker]] = defaultdict(list)
        for a, b in pairs:
            for ref, speakers in zip((a, b), credited_as[(a, b)], strict=True):
                speakers_of[ref] += [sp for sp in speakers if sp not in speakers_of[ref]]
        by_source: dict[str, list[Speaker]] = defaultdict(list)
        for ref in ordered:
            by_source[ref.source].extend(speakers_of[ref])
        credited = "; ".join(f"{ctx.label(s)}: {shown_names(sp)}" for s, sp in by_source.items())
        claim = snippet(ctx.sentence(ordered[0]).text)
        drafts.append(
            Draft(
                kind="attribution_shift",
                strength=0.85 + 0.15 * max(shifts[p] for p in pairs),
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
    return drafts


def _drop_drafts(
    ctx: Context,
    drops: PairScores,
    claims: dict[Pair, str],
    credited_as: dict[Pair, tuple[list[Speaker], list[Speaker]]],
) -> list[Draft]:
    drafts = []
    for pairs in _by_claim(drops):
        with_sorted = ctx.sort_refs([p[0] for p in pairs])
        without_sorted = ctx.sort_refs([p[1] for p in pairs])
        with_sources = list(dict.fromkeys(r.source for r in with_sorted))
        without_sources = [
            s for s in dict.fromkeys(r.source for r in without_sorted) if s not in with_sources
        ]
        if not without_sources:
            continue
        speakers: list[Speaker] = []
        for pair in pairs:
            speakers += [sp for sp in credited_as[pair][0] if sp not in speakers]
        # A speech verb whose speaker the analysers did not find still credits someone.
        who = f" to {shown_names(speakers)}" if speakers else " to a source"
        claim = snippet(ctx.sentence(without_sorted[0]).text)
        verb = "states" if len(without_sources) == 1 else "state"
        attribute = "attributes" if len(with_sources) == 1 else "attribute"
        kind = min((claims[pair] for pair in pairs), key=CLAIM_KINDS.index)
        drafts.append(
            Draft(
                kind="attribution_dropped",
                strength=0.8 + 0.15 * max(drops[p] for p in pairs),
                summary=(
                    f"{ctx.labels(without_sources)} {verb} as fact {_CLAIM_NAMES[kind]} "
                    f"{ctx.labels(with_sources)} {attribute}{who}: “{claim}”"
                ),
                sources=tuple(with_sources + without_sources),
                evidence=tuple(
                    ctx.evidence(ref) for ref in ctx.sort_refs(with_sorted + without_sorted)
                ),
                detail={
                    "claim": kind,
                    "attributed_in": with_sources,
                    "unattributed_in": without_sources,
                    "speakers": sorted({sp.display for sp in speakers}),
                },
            )
        )
    return drafts
