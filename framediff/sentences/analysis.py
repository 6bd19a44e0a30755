"""Per-sentence analysis of whole articles: attributions, quotes and entities, with
speakers resolved across each article's sentences (through ``memory``: "he", "the
ministry", "Wang" resolve to someone named earlier); a quotation that spans sentences
carries the speaker named in any of them; ``credit`` decides whether each sentence is
attributed. Single sentences are read by ``attribution``, ``quotes`` and ``entities``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from framediff.gazetteer import gazetteer
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
from framediff.sentences.entities import (
    HONORIFIC_SEX,
    find_entities,
    find_topics,
    first_name_gender,
    known_surnames,
    transliteration_key,
)
from framediff.sentences.memory import ArticleMemory, people_named
from framediff.sentences.quotes import QuoteScan, find_quotes
from framediff.sentences.speakers import PERSON_ROLES, TITLE_WORDS
from framediff.text import headline_like, stands_in


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


def _before(sentence: Sentence, entity: Entity) -> str:
    """The sentence's text before the entity (entity offsets count in the document)."""
    return sentence.text[: max(0, entity.start - sentence.start)]


def _analyze_sentence(sentence: Sentence, memory: ArticleMemory, open_mark: str | None) -> _Row:
    scan = find_quotes(sentence.text, open_mark)
    spans = [(q.start, q.end, q.partial) for q in scan.quotes]
    entities = _sentence_entities(sentence)
    memory.learn_entities(entities)
    # Learnt first: "Pierre Thomas ... in Week 8. Thomas has" names him in full in the
    # sentence that goes on with his surname.
    with_surnames = known_surnames(sentence.text, sentence.start, entities, memory.persons)
    memory.learn_entities([e for e in with_surnames if e not in entities])
    entities = with_surnames
    memory.learn_honorifics(sentence.text)
    memory.learn_roles(sentence.text)
    entities = tuple(memory.resolve_entity(e, _before(sentence, e)) for e in entities)
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
            for name, at in people_named(sentence, entities, scan, memory)
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
    named += [name for name, _ in people_named(sentence, entities, scan, memory)]
    memory.learn_named(named)
    attributions = [to_attribution(f, c, sentence.start) for f, c in resolved]
    # Again, after the speakers.
    entities = tuple(memory.resolve_entity(e, _before(sentence, e)) for e in entities)
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


def _breaks_off(
    article: Article, previous: Sentence | None, sentence: Sentence, glyph: str
) -> bool:
    """Whether a quotation open before ``sentence``, opened with the mark ``glyph``, ends
    before it: a new paragraph that does not open with that same mark. A quotation over
    paragraphs opens each again with the mark it was opened with; a paragraph opening with
    another ('"... a hospital stay.' then '“It never crossed my mind,” she said' in an
    excerpt of another article) starts a quotation of its own."""
    return _new_paragraph(article, previous, sentence) and sentence.text[:1] != glyph


def _opening_glyph(row: _Row, glyph: str) -> str:
    """The mark the quotation ``row`` leaves open was opened with: the one before its
    last quotation where it opened in this sentence, else ``glyph`` (carried from before)."""
    last = row.scan.quotes[-1] if row.scan.quotes else None
    if last is None or last.opened_before:
        return glyph
    before = row.sentence.text[: last.start].rstrip()
    return before[-1:] or glyph


def _closes_ahead(
    article: Article, sentences: Sequence[Sentence], position: int, mark: str, glyph: str
) -> bool:
    """Whether a quotation open before sentence ``position`` (of ``mark``'s family, opened
    with ``glyph``) closes in a later sentence of the article (following the paragraphs
    that reopen it)."""
    previous = sentences[position - 1] if position else None
    for sentence in sentences[position:]:
        if _breaks_off(article, previous, sentence, glyph):
            return False
        scan = find_quotes(sentence.text, mark)
        if not scan.quotes or not scan.quotes[0].opened_before or not scan.quotes[0].open_after:
            return True
        previous = sentence
    return False


def analyze_document(document: Document) -> tuple[SentenceAnalysis, ...]:
    """One ``SentenceAnalysis`` per sentence of ``document``, speakers resolved in order."""
    return _analyze_document(document)[0]


def _analyze_document(document: Document) -> tuple[tuple[SentenceAnalysis, ...], frozenset[str]]:
    """The document's analyses, and the names its pronouns stood for ("he", "she"): people,
    whatever else the sentences say of them."""
    memory = ArticleMemory()
    rows: list[_Row] = []
    open_mark: str | None = None
    glyph = ""  # the mark the open quotation was opened with
    previous: Sentence | None = None
    article = document.article
    sentences = document.sentences
    for position, sentence in enumerate(sentences):
        # A quotation left open carries over a paragraph break only when the new
        # paragraph reopens it (the news convention for multi-paragraph quotes), and
        # only when it closes somewhere ahead: a stray mark quotes nothing after it.
        if open_mark and (
            _breaks_off(article, previous, sentence, glyph)
            or not _closes_ahead(article, sentences, position, open_mark, glyph)
        ):
            open_mark = None
        row = _analyze_sentence(sentence, memory, open_mark)
        open_mark = row.scan.open_mark
        glyph = _opening_glyph(row, glyph) if open_mark else ""
        rows.append(row)
        previous = sentence
    _carry_chain_speakers(rows)
    for row in rows:
        _credit_plain_forms(row)
    _confirm_headline_names(rows)
    items = tuple(
        SentenceAnalysis(
            ref=SentenceRef(document.id, row.sentence.index),
            attributions=tuple(row.attributions),
            quotes=tuple(row.quotes),
            entities=row.entities,
            attributed=_attributed(row),
        )
        for row in rows
    )
    return items, frozenset(memory.genders)


def _confirm_headline_names(rows: list[_Row]) -> None:
    """In a Title Case headline every word is capitalised, so capitals are no sign of a
    name: of its names the gazetteer does not know, only those the article's own
    sentences also give whole stay ("Vincent Gigante"; not "Mafia Leader Who Feigned
    Insanity", nor "Nominates Regina Benjamin")."""
    body = " ".join(row.sentence.text for row in rows if not headline_like(row.sentence.text))
    known = gazetteer().surfaces
    for row in rows:
        if not headline_like(row.sentence.text):
            continue
        row.entities = tuple(
            entity
            for entity in row.entities
            if entity.text in known
            or entity.canonical in known
            or stands_in(entity.text, body)
            or stands_in(entity.canonical, body)
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
    """Whether the sentence passes on someone's words rather than stating its claim (a hedge
    such as "reportedly" is among its attributions by now: ``_credit_plain_forms``)."""
    text, offset = row.sentence.text, row.sentence.start
    statements = [q for q in row.quotes if is_statement(q.text, text, q.end - offset)]
    return (
        bool(row.attributions)
        or bool(statements)
        or text.lstrip()[:1] in OPENING_QUOTES  # a quotation whose speaker comes later
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
    pronouned: set[str] = set()
    for document in documents:
        items, people = _analyze_document(document)
        result.extend(items)
        pronouned |= people
    common = _drop_common_words(result, documents)
    return _unify_spellings(_unmarked_people(common, documents, pronouned))


# A word written wholly in lower case, not part of a longer hyphenated or possessive word.
_LOWER_WORD_RE = re.compile(r"(?<![\w'’\-])[a-z]+(?![\w'’\-])")


def _lower_phrase_re(phrase: str) -> re.Pattern[str]:
    """A phrase written in lower case as whole words, with a space or a hyphen between them
    ("injured reserve", "wild-card")."""
    return re.compile(
        r"(?<![\w'’\-])" + r"[ \-]".join(map(re.escape, phrase.split())) + r"(?![\w'’\-])"
    )


def _drop_common_words(
    items: list[SentenceAnalysis], documents: Sequence[Document]
) -> list[SentenceAnalysis]:
    """A lone capitalised word nothing typed (no gazetteer entry, title, body's word or
    first name) that the compared articles also write in lower case is a common word set
    in capitals ("the Internet", "Section 8", "an Interstate", a quotation's "Stop"), not
    a name; one they never write so ("Fresno", "Supermax"), and a surname of a person they
    name in full, stay. So are two or three such words the articles write as a phrase in
    lower case at least as often as a name ("Injured Reserve", "Spring Training"). The
    comparison is the evidence: what one article writes in lower case tells for the
    others."""
    lower = {
        word
        for document in documents
        for sentence in document.sentences
        for word in _LOWER_WORD_RE.findall(sentence.text)
    }
    # A person's surname stays a name however common its word ("Felt" of "Mark Felt").
    lower -= {
        e.canonical.rsplit(" ", 1)[1].lower()
        for item in items
        for e in item.entities
        if e.type == "PERSON" and " " in e.canonical
    }

    # Phrases of two or three capitalised words nothing typed ("Injured Reserve"), with how
    # often the articles write each as a name.
    as_names = Counter(
        e.text.lower()
        for item in items
        for e in item.entities
        if e.type == "OTHER"
        and e.canonical == e.text
        and 2 <= len(words := e.text.split()) <= 3
        and all(word.isalpha() and word[:1].isupper() for word in words)
        and not any(first_name_gender(word) for word in words)
    )
    # Those the articles write in lower case at least as often: words, not a name ("Cold
    # War" twice against "a new cold war" once stays a name).
    written = {
        phrase
        for phrase, named in as_names.items()
        if sum(
            len(_lower_phrase_re(phrase).findall(sentence.text))
            for document in documents
            for sentence in document.sentences
        )
        >= named
    }

    def common(entity: Entity) -> bool:
        if entity.type != "OTHER" or entity.canonical != entity.text:
            return False
        if " " in entity.text:
            return entity.text.lower() in written  # "Injured Reserve" / "injured reserve"
        return (
            entity.text.isalpha()
            and entity.text[:1].isupper()
            and entity.text.lower() in lower
            and not first_name_gender(entity.text)
        )

    kept = [tuple(e for e in item.entities if not common(e)) for item in items]
    return [
        item if len(names) == len(item.entities) else replace(item, entities=names)
        for item, names in zip(items, kept, strict=True)
    ]


# The word right before a name: "Dr." of "Dr. Osei", "spokesman" of "spokesman Okafor".
_LAST_WORD_RE = re.compile(r"([A-Za-z][\w-]*\.?)\s+$")


def _marked_as_person(sentence: Sentence, entity: Entity) -> bool:
    """Whether the sentence writes a title, an honorific or a person's role right before
    the name ("Dr. Osei", "Secretary Locke", "police spokesman Okafor")."""
    before = _LAST_WORD_RE.search(_before(sentence, entity)[-40:])
    if before is None:
        return False
    word = before.group(1)
    return (
        word in TITLE_WORDS
        or word.rstrip(".") in TITLE_WORDS | HONORIFIC_SEX.keys()
        or word.lower() in PERSON_ROLES
    )


def _unmarked_people(
    items: list[SentenceAnalysis],
    documents: Sequence[Document],
    pronouned: frozenset[str] | set[str],
) -> list[SentenceAnalysis]:
    """A lone word is a person only where some article of the comparison marks it as one:
    a word of a person's full name ("Kovacs" of "Maria Kovacs", or of a name opening on a
    known first name, "Joan Hadley"), a known first name, a title, an honorific or a
    person's role before it ("Mr. Hadley", "Dr. Osei", "spokesman Okafor"), or a "he" or
    "she" standing for it (``pronouned``). Companies, outlets and towns speak and take
    ", who" as people do ("Telstra said", "Kraft said in a statement", "Newton Street,
    Millom, who"), so speaking alone proves no person; such a word stays a name of no known
    type. The speakers as resolved are left as they are."""
    sentences = {
        SentenceRef(document.id, sentence.index): sentence
        for document in documents
        for sentence in document.sentences
    }
    marked = set(pronouned) | {
        word
        for item in items
        for e in item.entities
        if e.type == "PERSON" or (" " in e.canonical and first_name_gender(e.canonical.split()[0]))
        for word in (
            e.canonical.split()
            if " " in e.canonical
            else [e.canonical] * _marked_as_person(sentences[item.ref], e)
        )
    }

    def unmarked(entity: Entity) -> bool:
        return (
            entity.type == "PERSON"
            and " " not in entity.canonical
            and entity.canonical not in marked
            and not first_name_gender(entity.canonical)
        )

    return [
        item
        if not any(map(unmarked, item.entities))
        else replace(
            item,
            entities=tuple(replace(e, type="OTHER") if unmarked(e) else e for e in item.entities),
        )
        for item in items
    ]


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
