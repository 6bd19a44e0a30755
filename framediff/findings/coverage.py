"""The coverage matrix (mentions of every entity and topic per source) and
``entity_coverage`` findings: a person, place, organisation or topic some of an event's
sources mention and others do not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from framediff.findings.context import Context, Draft
from framediff.findings.cues import SPEAKER_TITLES
from framediff.findings.identity import is_country, same_name
from framediff.model import CoverageRow, Entity, EntityType, SentenceRef
from framediff.sentences.entities import find_topics
from framediff.sentences.speakers import KIN_NOUNS, first_name_gender
from framediff.text import stands_in

# A name one source alone mentions is worth a finding when it is a topic or recurs.
_SOLO_MIN_MENTIONS = 2


def _topics(text: str, offset: int) -> tuple[Entity, ...]:
    return tuple(find_topics(text, offset))


def mentions(ctx: Context) -> dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]]:
    """Every entity and topic with the sentences that mention it."""
    found: dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]] = defaultdict(dict)
    # Where a relative is named after the kinship word: (sentence, entity start).
    relatives: set[tuple[SentenceRef, int]] = set()
    for doc in ctx.documents:
        for sentence in doc.sentences:
            ref = SentenceRef(doc.id, sentence.index)
            entities = list(ctx.analysis(ref).entities)
            known = {(e.canonical, e.start) for e in entities}
            entities += [
                t
                for t in _topics(sentence.text, sentence.start)
                if (t.canonical, t.start) not in known
            ]
            for entity in entities:
                found[(entity.canonical, entity.type)].setdefault(ref, []).append(entity)
                if _RELATIVE_BEFORE_RE.search(sentence.text, 0, entity.start - sentence.start):
                    relatives.add((ref, entity.start))
    return _one_per_name(found, relatives)


# A kinship word right before a name, or before a first relative and "and": "his sister ",
# "mother, ", "his brothers, Mario and ", "his sons Tom Jr. and ".
_RELATIVE_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(KIN_NOUNS, key=len, reverse=True))}),?\s+"
    r"(?:[A-Z][\w'’\-]*(?:\s+(?:Jr|Sr|II|III|IV)\.?)?,?\s+(?:and|&)\s+)?$"
)


def _one_per_name(
    found: dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]],
    relatives: set[tuple[SentenceRef, int]],
) -> dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]]:
    """Names written two ways ("Place Vendôme" / "Place Vendome", "Milliote" / "Miliote",
    "Regina M. Benjamin" / "Regina Benjamin") as one entity, under the spelling most
    sentences use (ties: the first in order), and one name met as a known type in some
    sentences and as an unknown name (``OTHER``) in others as one entity of the known
    type; a first name alone as its one person (``_first_names_to_people``), a relative
    named by first name alone as no one the table can compare."""
    order = sorted(found, key=lambda key: -len(found[key]))  # stable: first seen wins ties
    merged: dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]] = {}
    # The type each kept name takes: the more specific of its spellings' ("John W. Henry"
    # met only as an unknown name, "John Henry" as a person).
    kind_of: dict[tuple[str, EntityType], EntityType] = {}
    for key in order:
        head = next(
            (
                h
                for h in merged
                if _types_agree(kind_of[h], key[1]) and (h[0] == key[0] or same_name(h[0], key[0]))
            ),
            None,
        )
        if head is None:
            merged[key] = dict(found[key])
            kind_of[key] = key[1]
            continue
        if kind_of[head] == "OTHER" and not key[0].isupper():
            kind_of[head] = key[1]  # (a name in capitals is typed ORG by its case alone)
        for ref, items in found[key].items():
            merged[head].setdefault(ref, []).extend(items)
    _first_names_to_people(merged, kind_of, relatives)
    # The order entities were first met in, as before the merge.
    return {(key[0], kind_of[key]): merged[key] for key in found if key in merged}


def _first_names_to_people(
    merged: dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]],
    kind_of: dict[tuple[str, EntityType], EntityType],
    relatives: set[tuple[SentenceRef, int]],
) -> None:
    """Folds a first name alone ("I agreed with Craig") into the one person of that first
    name the comparison names in full ("Craig Zadan"); shared by two people, it stays
    apart. A name met only after a kinship word ("Nichols' mother, Claritha") is a first
    name whatever the list of first names says; with no one to fold into, it is someone's
    relative, not a name one source gives and another leaves out, and has no row."""
    people = ("PERSON", "OTHER")
    for key in list(merged):
        name = key[0]
        if kind_of[key] not in people:
            continue
        relative = all(
            (ref, e.start) in relatives for ref, items in merged[key].items() for e in items
        )
        generation = _GENERATION_ALONE_RE.match(name)
        if (
            generation
            and first_name_gender(generation.group(1))
            # A numeral names a monarch or a pope as well ("Elizabeth II"): a son only
            # after a kinship word.
            and (generation.group(2) in ("Jr", "Sr") or relative)
        ):
            # "his sons Ike III and Fred Jr.": the son of that first name named in full
            # ("Tom LaRue Jr."), else a relative with no row; never the father.
            first, suffix = generation.groups()
            sons = [
                h
                for h in merged
                if h != key
                and kind_of[h] in people
                and h[0].split()[0] == first
                and h[0].rstrip(".").endswith(f" {suffix}")
                and len(h[0].split()) > 2
            ]
            rows = merged.pop(key)
            if len(sons) == 1:
                for ref, items in rows.items():
                    merged[sons[0]].setdefault(ref, []).extend(items)
            continue
        if " " in name:
            continue
        if not relative and not first_name_gender(name):
            continue
        full = [
            h
            for h in merged
            if h != key
            and kind_of[h] in people
            and 2 <= len(h[0].split()) <= _FULL_NAME_WORDS
            and h[0].split()[0] == name
        ]
        if len(full) == 1:
            for ref, items in merged.pop(key).items():
                merged[full[0]].setdefault(ref, []).extend(items)
        elif relative and not full:
            del merged[key]


# A first name and a generation with no surname: "Fred Jr.", "Ike III".
_GENERATION_ALONE_RE = re.compile(r"^(\S+) (Jr|Sr|II|III|IV)\.?$")
# A full name's words at most ("Cheryl Boone Isaacs", "Robyn Norma Mendes"): a longer run
# opening on a first name is rarely one person's name ("Paul Revere Memorial Bridge Road").
_FULL_NAME_WORDS = 3


def _types_agree(a: EntityType, b: EntityType) -> bool:
    """One type, or one of them unknown (``OTHER``)."""
    return a == b or "OTHER" in (a, b)


def coverage_matrix(ctx: Context) -> tuple[CoverageRow, ...]:
    """One row per entity or topic: how often each source mentions it."""
    rows = []
    for (canonical, kind), refs in ctx.mentions.items():
        counts = {doc.id: 0 for doc in ctx.documents}
        for ref, items in refs.items():
            counts[ref.source] += len(items)
        rows.append(CoverageRow(canonical=canonical, type=kind, mentions=counts))
    rows.sort(key=lambda r: (-sum(r.mentions.values()), r.canonical.lower(), r.type))
    return tuple(rows)


def _names_part(topic: str, names: set[str]) -> bool:
    """Another name shares a capitalised word with the topic ("Ukraine" in "Ukraine war")."""
    key = {w for w in topic.split() if w[:1].isupper()}
    return any(
        key & {w for w in name.split() if w[:1].isupper()} for name in names if name != topic
    )


# Preference between the types one name was given in different sentences ("Stormy Daniels"
# as a person in one, as an unknown name in another): the more specific one.
_TYPE_ORDER = ("PERSON", "COUNTRY", "PLACE", "ORG", "OTHER")
# Words of an organisation's name that say what kind of body it is, not which one.
_BODY_WORDS = frozenset(
    ["party", "ministry", "council", "department", "agency", "office", "committee", "union"]
)


def _by_name(
    found: dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]],
) -> dict[tuple[str, EntityType], dict[SentenceRef, list[Entity]]]:
    """One entry per name, under its most specific type, with the mentions of every type."""
    merged: dict[str, dict[SentenceRef, list[Entity]]] = defaultdict(dict)
    kinds: dict[str, list[EntityType]] = defaultdict(list)
    for (canonical, kind), refs in found.items():
        kinds[canonical].append(kind)
        for ref, items in refs.items():
            merged[canonical].setdefault(ref, []).extend(items)
    return {(name, min(kinds[name], key=_TYPE_ORDER.index)): refs for name, refs in merged.items()}


def _written_as_is(ctx: Context, canonical: str, source: str) -> bool:
    """The name stands in the source's text as written, as a whole word or words, maybe
    inside a longer name ("San Diego" in "the San Diego Chargers", "NBA" in "the NBA
    Finals"): readers judged a row saying such a source leaves it out false every time."""
    return stands_in(canonical, ctx.by_id[source].article.text)


def _named_shortly(ctx: Context, canonical: str, source: str) -> bool:
    """A party or body named by its distinctive words alone ("Labour", "the Conservatives"
    for "Labour Party", "Conservative Party") somewhere in the source's text."""
    words = canonical.split()
    if len(words) < 2 or words[-1].lower() not in _BODY_WORDS:
        return False
    core = [w for w in words[:-1] if w[:1].isupper()]
    # A body told apart by its country or office ("Chinese Foreign Ministry") is not
    # named by those words alone: any sentence about China says "Chinese".
    if not core or any(w.lower() in SPEAKER_TITLES or is_country(w) for w in core):
        return False
    text = ctx.by_id[source].article.text
    return all(re.search(rf"\b{re.escape(word)}(?:s|es)?\b", text) is not None for word in core)


def _written_otherwise(ctx: Context, canonical: str, source: str) -> bool:
    """The source writes the name in another case or split otherwise by hyphens or spaces
    ("Mehdi iran-Nejad" for "Mehdi Irannejad", "security bulletin"): whole words of its
    text that spell the name's letters. Only names of ``_LETTERS_MIN`` letters or more."""
    target = "".join(_WORD_RE.findall(canonical.lower()))
    if len(target) < _LETTERS_MIN:
        return False
    words = _words_of(ctx.by_id[source].article.text)
    for start in range(len(words)):
        if not target.startswith(words[start]):
            continue  # the spelling cannot begin here: most words of the text
        spelt = ""
        for word in words[start:]:
            spelt += word
            if len(spelt) >= len(target):
                break
        if spelt == target:
            return True
    return False


@lru_cache(maxsize=1024)
def _words_of(text: str) -> tuple[str, ...]:
    """The text's runs of letters and digits, lower-cased: each article's are found once."""
    return tuple(_WORD_RE.findall(text.lower()))


_WORD_RE = re.compile(r"[^\W_]+")
# Letters a name must have to be looked for with its spaces and hyphens taken out.
_LETTERS_MIN = 10


def entity_coverage_findings(ctx: Context) -> list[Draft]:
    own_names = {doc.label.lower() for doc in ctx.documents} | {
        (doc.article.outlet or "").lower() for doc in ctx.documents
    }
    groups = ctx.compared_groups
    topics = {
        t.canonical
        for doc in ctx.documents
        for sentence in doc.sentences
        for t in _topics(sentence.text, sentence.start)
    }
    found = _by_name(ctx.mentions)
    names_of: dict[str, set[str]] = defaultdict(set)
    for (canonical, _kind), refs in found.items():
        for ref in refs:
            names_of[ref.source].add(canonical)
    drafts = []
    for (canonical, kind), refs in sorted(found.items(), key=lambda kv: kv[0]):
        if canonical.lower() in own_names:
            continue
        if kind == "OTHER" and canonical not in topics and len(canonical.split()) < 2:
            continue  # a lone capitalised word the gazetteer does not know ("Pie")
        for group in groups:
            in_group = {r: e for r, e in refs.items() if r.source in group}
            carriers = [s for s in group if any(r.source == s for r in in_group)]
            missing = [s for s in group if s not in carriers]
            if canonical in topics:
                # A topic is covered by a source naming what it is about in another
                # form ("Ukraine war" by one that speaks of peace talks on Ukraine).
                missing = [s for s in missing if not _names_part(canonical, names_of[s])]
            elif kind in ("PERSON", "OTHER"):
                # "Diallo" and "Amara Diallo", "Reid" and "Tara Reid" are one person.
                surname = canonical.split()[-1]
                missing = [
                    s for s in missing if not any(n.split()[-1] == surname for n in names_of[s])
                ]
                if not missing:
                    continue
            # "Labour" or "the Conservatives" name the "Labour Party" and the
            # "Conservative Party"; "Mehdi iran-Nejad" names "Mehdi Irannejad".
            missing = [
                s
                for s in missing
                if not _written_as_is(ctx, canonical, s)
                and not _named_shortly(ctx, canonical, s)
                and not _written_otherwise(ctx, canonical, s)
            ]
            if not carriers or not missing:
                continue
            count = sum(len(e) for e in in_group.values())
            if len(carriers) == 1 and canonical not in topics and count < _SOLO_MIN_MENTIONS:
                continue
            ordered = ctx.sort_refs(list(in_group))
            evidence = []
            for source in carriers:
                for ref in [r for r in ordered if r.source == source][:2]:
                    entity = in_group[ref][0]
                    evidence.append(ctx.evidence(ref, entity.start, entity.end))
            what = "topic" if canonical in topics else kind.lower()
            drafts.append(
                Draft(
                    kind="entity_coverage",
                    strength=0.3 + 0.2 * len(carriers) / len(group),
                    summary=(
                        f"{canonical} ({what}) is mentioned by {ctx.labels(carriers)} "
                        f"but not by {ctx.labels(missing)}"
                    ),
                    sources=tuple(carriers),
                    sources_missing=tuple(missing),
                    evidence=tuple(evidence),
                    detail={
                        "canonical": canonical,
                        "type": kind,
                        "mentions": {
                            s: sum(len(e) for r, e in in_group.items() if r.source == s)
                            for s in group
                        },
                    },
                )
            )
    return drafts
