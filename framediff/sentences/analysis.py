"""Per-sentence analysis of whole articles: attributions, quotes and entities, with
speakers resolved across each article's sentences.

Owns the article-level memory: "he", "the ministry", "the statement", "Wang" and "the
Chinese statement" resolve to the speaker named earlier; a quotation that spans
sentences carries the speaker named in any of them. Single sentences are read by
``attribution``, ``quotes`` and ``entities``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from framediff.model import (
    Article,
    Attribution,
    Document,
    Entity,
    Quote,
    Sentence,
    SentenceAnalysis,
    SentenceRef,
)
from framediff.sentences.attribution import (
    Found,
    SpeakerParse,
    find_attributions,
    parse_speaker,
    to_attribution,
)
from framediff.sentences.credit import (
    HEDGE_RE,
    OPENING_QUOTES,
    is_statement,
    reporting_cue,
    wire_speaker,
)
from framediff.sentences.entities import find_entities, find_topics, transliteration_key
from framediff.sentences.quotes import QuoteScan, find_quotes
from framediff.sentences.speakers import GENERIC_ORG_NOUNS, first_name_gender

# "Mr. LaRue", "Mrs Horton", "Ms. Unger"
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'-]+)")


@dataclass
class _Memory:
    """What an article has said so far about who speaks."""

    speakers: list[SpeakerParse] = field(default_factory=list)  # resolved, oldest first
    phrases: list[str] = field(default_factory=list)  # each speaker as first written
    last_person: str | None = None
    persons: dict[str, str] = field(default_factory=dict)  # surname or given name -> full name
    by_country: dict[str, str] = field(default_factory=dict)  # country -> its last speaker
    attributed_previous: bool = False
    people_mentioned: list[str] = field(default_factory=list)  # most recent last
    organisations: list[str] = field(default_factory=list)  # ORG canonicals, oldest first
    speaking_people: set[str] = field(default_factory=set)  # names that spoke like people
    # People each recent sentence named, in the order it named them (newest sentence last):
    # the candidates a "he" or "she" refers back to.
    recent: list[list[str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # name -> "m" | "f", from he/she, Mr/Mrs

    def learn_entities(self, entities: Sequence[Entity]) -> None:
        for entity in entities:
            parts = entity.canonical.split()
            if entity.type == "OTHER" and len(parts) >= 2 and first_name_gender(parts[0]):
                # "the engineer, Peter Varga,": a known first name makes the name a person's.
                entity = replace(entity, type="PERSON")
            if entity.type == "PERSON" and len(parts) >= 2:
                self.persons[parts[-1]] = entity.canonical
                self.persons.setdefault(parts[0], entity.canonical)
            if entity.type == "PERSON":
                name = self.persons.get(entity.canonical, entity.canonical)
                if name in self.people_mentioned:
                    self.people_mentioned.remove(name)
                self.people_mentioned.append(name)

    def resolve_entity(self, entity: Entity) -> Entity:
        if entity.type in ("PERSON", "OTHER") and " " not in entity.canonical:
            full = self.persons.get(entity.canonical)
            if full:
                return replace(entity, canonical=full, type="PERSON")
        if entity.type == "OTHER" and entity.canonical in self.speaking_people:
            return replace(entity, type="PERSON")  # "Bernstein" once "Bernstein said"
        if entity.type == "ORG":
            # "the Foreign Ministry" after "Russia's Foreign Ministry" is that ministry.
            for earlier in reversed(self.organisations):
                if earlier != entity.canonical and earlier.endswith(" " + entity.canonical):
                    return replace(entity, canonical=earlier)
            self.organisations.append(entity.canonical)
        return entity

    def resolve(
        self, parse: SpeakerParse, phrase: str = "", named_before: Sequence[str] = ()
    ) -> SpeakerParse:
        """The speaker ``parse`` refers to, given the article so far."""
        last = self.speakers[-1] if self.speakers else None
        if parse.kind == "pronoun":
            if parse.canonical in ("he", "she", "him", "her"):
                return self._person_for(parse, named_before)
            if parse.canonical == "it":  # an organisation or a document, never a person
                return next((s for s in reversed(self.speakers) if s.kind != "person"), parse)
            return last or parse
        if parse.kind == "role" and parse.plural:
            # "Both leaders", "the two ministers": the last two people the article named.
            if len(self.people_mentioned) >= 2:
                names = sorted(self.people_mentioned[-2:])
                return SpeakerParse(" + ".join(names), "person")
            return parse
        if parse.kind == "role":
            return SpeakerParse(self.last_person, "person") if self.last_person else parse
        if parse.kind == "body" and not parse.countries:
            head = parse.canonical.lower()
            for earlier in reversed(self.speakers):
                if head and head in earlier.canonical.lower():
                    return earlier
            # "the state broadcaster" after "state broadcaster CCTV": the phrase's head
            # noun named that speaker before.
            words = phrase.lower().split()
            if words:
                for earlier, said_as in zip(
                    reversed(self.speakers), reversed(self.phrases), strict=True
                ):
                    if earlier.kind != "body" and words[-1] in said_as.lower().split():
                        return earlier
            if parse.body in GENERIC_ORG_NOUNS:
                for earlier in reversed(self.speakers):
                    if earlier.kind in ("org", "body", "government"):
                        return earlier
            return parse
        if parse.kind == "document":
            if len(parse.countries) == 1 and parse.countries[0] in self.by_country:
                canonical = self.by_country[parse.countries[0]]
                return next(s for s in reversed(self.speakers) if s.canonical == canonical)
            if not parse.countries:
                for earlier in reversed(self.speakers):
                    if earlier.kind != "person":
                        return earlier
                return last or parse
            return parse
        if parse.kind in ("other", "person") and " " not in parse.canonical:
            full = self.persons.get(parse.canonical)
            if full:
                return SpeakerParse(full, "person", parse.countries)
        return parse

    def _person_for(self, parse: SpeakerParse, named_before: Sequence[str] = ()) -> SpeakerParse:
        """The person a "he" or "she" refers to, by salience: those named earlier in the same
        sentence (its subject first), then in the sentences before it (each one's subject
        first, nearest sentence first), then the people who spoke. A person whose gender is
        known and differs is passed over; otherwise the most salient wins, a subject over
        an object whose gender happens to be known. The pronoun teaches the chosen one's
        gender."""
        gender = "m" if parse.canonical in ("he", "him") else "f"
        tiers = [list(named_before)]
        tiers += [list(names) for names in reversed(self.recent[-_PRONOUN_REACH:])]
        spoke = [s.canonical for s in reversed(self.speakers) if s.kind == "person"]
        tiers.append(([self.last_person] if self.last_person else []) + spoke)
        for tier in tiers:
            chosen = next(
                (n for n in tier if " + " not in n and self.gender_of(n) in (gender, None)),
                None,
            )
            if chosen:
                self.genders[chosen] = gender
                return SpeakerParse(chosen, "person")
        return parse

    def gender_of(self, name: str) -> str | None:
        """A person's gender where the article or the first-name list says it."""
        if name in self.genders:
            return self.genders[name]
        return first_name_gender(name.split()[0]) if " " in name else None

    def learn_honorifics(self, text: str) -> None:
        """'Mr. LaRue', 'Mrs. Horton': genders for pronoun resolution."""
        for match in _HONORIFIC_RE.finditer(text):
            surname = match.group(2)
            name = self.persons.get(surname, surname)
            self.genders.setdefault(name, "m" if match.group(1) == "Mr" else "f")

    def remember(self, parse: SpeakerParse, phrase: str = "") -> None:
        self.speakers.append(parse)
        self.phrases.append(phrase)
        if parse.kind == "person" or (
            parse.kind == "other"
            and parse.canonical[:1].isupper()
            and not parse.canonical.isupper()  # "RSF" is an organisation
            and not (" " not in parse.canonical and parse.canonical.endswith("s"))  # "Greens"
        ):
            self.last_person = parse.canonical
            self.speaking_people.add(parse.canonical)
            parts = parse.canonical.split()
            if len(parts) >= 2:
                self.persons.setdefault(parts[-1], parse.canonical)
        if len(parse.countries) == 1 and parse.kind in ("body", "government", "document"):
            self.by_country[parse.countries[0]] = parse.canonical


# Pronouns left unresolved are no one to refer back to.
_PRONOUN_NAMES = frozenset({"he", "she", "him", "her", "they", "them", "it", "we", "i"})
# How many sentences back a "he" or "she" looks for the person it refers to.
_PRONOUN_REACH = 3


def _names_person(entity: Entity, memory: _Memory) -> bool:
    """A person the entity finder named in full, an unknown name of two words or more that
    opens with a known first name ("Henry Crespo"), or a single name the article has given
    in full or heard speak ("Lynch"; not "Relations" of "Council on Foreign Relations who")."""
    words = entity.canonical.split()
    if entity.type not in ("PERSON", "OTHER"):
        return False
    if len(words) >= 2:
        return entity.type == "PERSON" or first_name_gender(words[0]) is not None
    return entity.canonical in memory.speaking_people or entity.canonical in memory.persons


# A name at the head of a clause, followed by its verb: "Scott joked", "Lynch agreed".
_SUBJECT_AFTER_RE = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,]{1,80},\s*)?[a-z]")


def _people_named(
    sentence: Sentence, entities: Sequence[Entity], scan: QuoteScan, memory: _Memory
) -> list[tuple[str, int]]:
    """The people a sentence names outside its quotations (a name inside quoted words is
    the quoted speaker's, not the narrator's referent), as (name, position), the subjects
    of its clauses first, each group in reading order."""
    quoted = [(q.start, q.end) for q in scan.quotes]
    people = []
    for entity in entities:
        at = entity.start - sentence.start
        if not _names_person(entity, memory) or any(s <= at < e for s, e in quoted):
            continue
        subject = _SUBJECT_AFTER_RE.match(sentence.text, entity.end - sentence.start) is not None
        people.append((not subject, at, entity.canonical))
    # A surname the article gave in full before, where the entity finder passed over it
    # (a capital opening the sentence: "Lynch agreed to ...").
    taken = {at for _, at, _ in people}
    for match in _CAPITALISED_RE.finditer(sentence.text):
        full = memory.persons.get(match.group())
        if not full or match.start() in taken or any(s <= match.start() < e for s, e in quoted):
            continue
        subject = _SUBJECT_AFTER_RE.match(sentence.text, match.end()) is not None
        people.append((not subject, match.start(), full))
    return [(name, at) for _, at, name in sorted(people)]


# A capitalised word: a name, or a word opening a sentence.
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’-]+")


@dataclass
class _Row:
    sentence: Sentence
    scan: QuoteScan
    attributions: list[Attribution]
    quotes: list[Quote]
    entities: tuple[Entity, ...]


def _sentence_entities(sentence: Sentence) -> tuple[Entity, ...]:
    entities = list(find_entities(sentence.text, sentence.start))
    known = {(e.canonical, e.start) for e in entities}
    for topic in find_topics(sentence.text, sentence.start):
        if not any(c == topic.canonical and topic.start <= s < topic.end for c, s in known):
            entities.append(topic)
    entities.sort(key=lambda e: (e.start, e.end, e.canonical))
    return tuple(entities)


def _quote_speaker(found: list[tuple[Found, str | None]], quote_start: int) -> str | None:
    """The speaker of a quotation: a speaking attribution before according-to ones."""
    speaking = [(f, c) for f, c in found if f.kind != "according_to" and f.kind != "unattributed"]
    pool = speaking or [(f, c) for f, c in found if f.kind == "according_to"]
    if not pool:
        return None
    nearest = min(pool, key=lambda fc: abs(fc[0].cue_start - quote_start))
    return nearest[1] or nearest[0].speaker


def _whole_quote(scan: QuoteScan) -> bool:
    return len(scan.quotes) == 1 and not scan.quotes[0].partial and scan.quotes[0].start <= 2


def _analyze_sentence(sentence: Sentence, memory: _Memory, open_mark: str | None) -> _Row:
    scan = find_quotes(sentence.text, open_mark)
    spans = [(q.start, q.end, q.partial) for q in scan.quotes]
    entities = _sentence_entities(sentence)
    memory.learn_entities(entities)
    memory.learn_honorifics(sentence.text)
    entities = tuple(memory.resolve_entity(e) for e in entities)
    resolved: list[tuple[Found, str | None]] = []
    for found in find_attributions(sentence.text, spans):
        if found.parse is None:
            canonical = None
            if memory.attributed_previous and memory.speakers:
                canonical = memory.speakers[-1].canonical
                found = replace(found, kind="indirect")
            resolved.append((found, canonical))
            continue
        named_before = [
            name
            for name, at in _people_named(sentence, entities, scan, memory)
            if at < found.speaker_start
        ]
        parse = memory.resolve(found.parse, found.speaker or "", named_before)
        resolved.append((found, parse.canonical or None))
        if found.kind != "according_to" or parse.kind != "document":
            memory.remember(parse, found.speaker or "")
    if (
        not resolved
        and memory.attributed_previous
        and memory.speakers
        and memory.speakers[-1].kind not in ("pronoun", "role")
        and _whole_quote(scan)
    ):
        # A quotation standing alone right after an attributed sentence continues it.
        quote = scan.quotes[0]
        found = Found(None, quote.start, quote.end, "", quote.start, quote.end, "direct", None)
        resolved.append((found, memory.speakers[-1].canonical))
    memory.attributed_previous = any(f.kind != "unattributed" for f, _ in resolved)
    # The sentence's own speakers first: "she said" in the next sentence most often goes on
    # with who spoke last; then the people it names, subjects first.
    named = [c for f, c in resolved if c and f.parse and f.parse.kind in ("person", "pronoun")]
    named += [name for name, _ in _people_named(sentence, entities, scan, memory)]
    memory.recent.append([n for n in dict.fromkeys(named) if n.lower() not in _PRONOUN_NAMES])
    attributions = [to_attribution(f, c, sentence.start) for f, c in resolved]
    entities = tuple(memory.resolve_entity(e) for e in entities)  # again, after the speakers
    quotes = [
        Quote(
            q.text,
            q.start + sentence.start,
            q.end + sentence.start,
            _quote_speaker(resolved, q.start),
        )
        for q in scan.quotes
    ]
    return _Row(sentence, scan, attributions, quotes, entities)


def _new_paragraph(article: Article, previous: Sentence | None, sentence: Sentence) -> bool:
    """Whether a paragraph break stands before ``sentence``. Presplit text has one sentence a
    line and no paragraphs: its line breaks end sentences, not paragraphs, so a quotation
    runs on across them ("... noted, "It's disappointing. | We'll continue ..."")."""
    if article.presplit is not None:
        return False
    return previous is not None and "\n" in article.text[previous.end : sentence.start]


def _chains(rows: list[_Row]) -> list[tuple[int, int, bool]]:
    """Runs of sentences one quotation spans: (first, last, closed)."""
    chains = []
    index = 0
    while index < len(rows):
        end = index
        while (
            end + 1 < len(rows)
            and rows[end].scan.quotes
            and rows[end].scan.quotes[-1].open_after
            and rows[end + 1].scan.quotes
            and rows[end + 1].scan.quotes[0].opened_before
        ):
            end += 1
        if end > index:
            chains.append((index, end, not rows[end].scan.quotes[0].open_after))
        index = end + 1
    return chains


def _carry_chain_speakers(rows: list[_Row]) -> None:
    """Give a quotation spanning sentences the speaker named in any of them. A quotation
    that never closes (a stray mark) is not carried: its later sentences lose it."""
    for first, last, closed in _chains(rows):
        chain = rows[first : last + 1]
        if not closed:
            for row in chain[1:]:
                carried = {(q.start, q.end) for q in row.scan.quotes if q.opened_before}
                offset = row.sentence.start
                row.quotes = [
                    q for q in row.quotes if (q.start - offset, q.end - offset) not in carried
                ]
                row.attributions = [a for a in row.attributions if a.cue is not None]
            continue
        speaker = next((q.speaker for r in reversed(chain) for q in r.quotes if q.speaker), None)
        cue = next((a for r in reversed(chain) for a in r.attributions if a.kind == "direct"), None)
        if speaker:
            for row in chain:
                row.quotes = [q if q.speaker else replace(q, speaker=speaker) for q in row.quotes]
                if not row.attributions and cue and row.quotes:
                    q = row.quotes[0]
                    row.attributions = [
                        Attribution(cue.speaker, speaker, cue.cue, "direct", q.start, q.end)
                    ]


def _closes_ahead(
    article: Article, sentences: Sequence[Sentence], position: int, mark: str
) -> bool:
    """Whether a quotation open before sentence ``position`` closes in a later sentence
    of the article (following the paragraphs that reopen it)."""
    previous = sentences[position - 1] if position else None
    for sentence in sentences[position:]:
        if _new_paragraph(article, previous, sentence) and sentence.text[:1] not in "\"'“‘":
            return False
        scan = find_quotes(sentence.text, mark)
        if not scan.quotes or not scan.quotes[0].opened_before or not scan.quotes[0].open_after:
            return True
        previous = sentence
    return False


def analyze_document(document: Document) -> tuple[SentenceAnalysis, ...]:
    """One ``SentenceAnalysis`` per sentence of ``document``, speakers resolved in order."""
    memory = _Memory()
    rows: list[_Row] = []
    open_mark: str | None = None
    previous: Sentence | None = None
    article = document.article
    sentences = document.sentences
    for position, sentence in enumerate(sentences):
        # A quotation left open carries over a paragraph break only when the new
        # paragraph reopens it (the news convention for multi-paragraph quotes), and
        # only when it closes somewhere ahead: a stray mark quotes nothing after it.
        if (
            open_mark
            and _new_paragraph(article, previous, sentence)
            and sentence.text[:1] not in "\"'“‘"
        ) or (open_mark and not _closes_ahead(article, sentences, position, open_mark)):
            open_mark = None
        row = _analyze_sentence(sentence, memory, open_mark)
        open_mark = row.scan.open_mark
        rows.append(row)
        previous = sentence
    _carry_chain_speakers(rows)
    for row in rows:
        _credit_plain_forms(row)
    return tuple(
        SentenceAnalysis(
            ref=SentenceRef(document.id, row.sentence.index),
            attributions=tuple(row.attributions),
            quotes=tuple(row.quotes),
            entities=row.entities,
            attributed=_attributed(row),
        )
        for row in rows
    )


def _credit_plain_forms(row: _Row) -> None:
    """Speakers of the plain wire forms the phrase grammar missed ("..., the coast guard
    said."), and a reporting verb or hedge with no speaker as a speakerless attribution:
    the sentence is someone's report either way."""
    sentence = row.sentence
    if any(a.speaker or a.speaker_canonical for a in row.attributions):
        return
    wire = wire_speaker(sentence.text)
    if wire:
        start, end, cue = wire
        phrase = sentence.text[start:end]
        row.attributions.append(
            Attribution(
                phrase,
                parse_speaker(phrase).canonical or None,
                cue,
                "indirect",
                sentence.start + start,
                sentence.start + end,
            )
        )
        return
    if row.attributions:
        return
    cue_match = reporting_cue(sentence.text)
    if cue_match:
        hedge = HEDGE_RE.fullmatch(cue_match.group()) is not None
        row.attributions.append(
            Attribution(
                None,
                None,
                cue_match.group(),
                "unattributed" if hedge else "indirect",
                sentence.start + cue_match.start(),
                sentence.start + cue_match.end(),
            )
        )


def _attributed(row: _Row) -> bool:
    """Whether the sentence passes on someone's words rather than stating its claim."""
    text, offset = row.sentence.text, row.sentence.start
    statements = [q for q in row.quotes if is_statement(q.text, text, q.end - offset)]
    return (
        bool(row.attributions)
        or bool(statements)
        or text.lstrip()[:1] in OPENING_QUOTES  # a quotation whose speaker comes later
        or HEDGE_RE.search(text) is not None
    )


def analyze_sentences(documents: Sequence[Document]) -> tuple[SentenceAnalysis, ...]:
    """One ``SentenceAnalysis`` per sentence of every document, in input order; offsets
    are absolute in ``doc.article.text``.

    ``Attribution.speaker`` is the phrase as written ("the ministry", "he");
    ``speaker_canonical`` is who it resolves to in that article ("Russian Foreign
    Ministry", "Xi Jinping"); ``Quote.speaker`` is that canonical name. Kind
    ``unattributed`` marks agentless reporting ("It was emphasized that ...") with no
    speaker to resolve; a sentence with no reporting at all has no attributions.
    """
    result: list[SentenceAnalysis] = []
    for document in documents:
        result.extend(analyze_document(document))
    return _unify_spellings(result)


def _unify_spellings(items: list[SentenceAnalysis]) -> tuple[SentenceAnalysis, ...]:
    """One canonical spelling per person across all articles: the most frequent of the
    transliterations ("Dmitri Kozak" and "Dmitry Kozak"), ties to the first seen."""
    counts: dict[str, dict[str, int]] = {}
    for item in items:
        for entity in item.entities:
            if entity.type == "PERSON" and " " in entity.canonical:
                spellings = counts.setdefault(transliteration_key(entity.canonical), {})
                spellings[entity.canonical] = spellings.get(entity.canonical, 0) + 1
    best = {
        name: max(spellings, key=lambda n: spellings[n])
        for spellings in counts.values()
        if len(spellings) > 1
        for name in spellings
    }
    if not best:
        return tuple(items)

    def fix(name: str | None) -> str | None:
        if name is None:
            return None
        return " + ".join(best.get(part, part) for part in name.split(" + "))

    return tuple(
        replace(
            item,
            entities=tuple(
                replace(e, canonical=best[e.canonical]) if e.canonical in best else e
                for e in item.entities
            ),
            attributions=tuple(
                replace(a, speaker_canonical=fix(a.speaker_canonical)) for a in item.attributions
            ),
            quotes=tuple(replace(q, speaker=fix(q.speaker)) for q in item.quotes),
        )
        for item in items
    )
