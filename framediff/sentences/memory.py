"""What an article has said so far about who speaks, read sentence by sentence: the
speakers met, the full names behind surnames, genders, and the people each recent sentence
named. It resolves "he", "the ministry", "the statement" and "Wang" to someone named
earlier. Finding the phrases is ``attribution``'s and ``phrases``' job; running over an
article is ``analysis``'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from framediff.model import Entity, Sentence
from framediff.sentences.attribution import SpeakerParse
from framediff.sentences.entities import HONORIFIC_SEX, is_initials
from framediff.sentences.quotes import QuoteScan
from framediff.sentences.speakers import GENERIC_ORG_NOUNS, first_name_gender

# "Mr. LaRue", "Mrs Horton", "Ms. Unger"
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'-]+)")
# An honorific right before a name ("Mrs. " of "Mrs. Biden").
_HONORIFIC_BEFORE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")

# Nouns that name a person by the post they hold: "the director", "the fire chief".
ROLE_NOUNS = frozenset(
    {
        "ambassador",
        "attorney",
        "chair",
        "chairman",
        "chairwoman",
        "chancellor",
        "chief",
        "coach",
        "commissioner",
        "director",
        "executive",
        "founder",
        "governor",
        "head",
        "leader",
        "manager",
        "mayor",
        "minister",
        "owner",
        "president",
        "principal",
        "prosecutor",
        "secretary",
        "senator",
        "sheriff",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "superintendent",
        "treasurer",
    }
)
# A person and the post an appositive gives them: "Dana Ruiz, the executive director of
# ...", "Omar Haddad, a spokesman for the utility," (group 1 the name, 2 the description,
# whose last word is the post).
_APPOSITIVE_ROLE_RE = re.compile(
    r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s+(?:the|a|an|its|their|his|her|[A-Z][\w-]*['’]s)"
    r"\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=\s+(?:of|for|at|in|with|on|to)\b|\s*[,;)])"
)
# "Ed Rowe, who chairs the budget committee": the verb's post.
_WHO_HOLDS_RE = re.compile(
    r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s+who\s+(heads|leads|chairs|directs|runs|manages)\b"
)
_POST_OF_VERB = {
    "heads": ("head",),
    "leads": ("leader", "head"),
    "chairs": ("chairman", "chairwoman", "chair"),
    "directs": ("director",),
    "runs": ("head",),
    "manages": ("manager",),
}


@dataclass
class ArticleMemory:
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
    # Role noun -> the person the article gave that post ("director" -> "Dana Ruiz").
    roles: dict[str, str] = field(default_factory=dict)

    def learn_entities(self, entities: Sequence[Entity]) -> None:
        for entity in entities:
            parts = entity.canonical.split()
            if entity.type == "OTHER" and len(parts) >= 2 and opens_like_a_person(parts):
                # "the engineer, Peter Varga,": a known first name makes the name a person's.
                entity = replace(entity, type="PERSON")
            if entity.type == "PERSON" and len(parts) >= 2:
                self.persons[parts[-1]] = entity.canonical
                if not is_initials(parts[0]):
                    self.persons.setdefault(parts[0], entity.canonical)
            if entity.type == "PERSON":
                name = self.persons.get(entity.canonical, entity.canonical)
                if name in self.people_mentioned:
                    self.people_mentioned.remove(name)
                self.people_mentioned.append(name)

    def resolve_entity(self, entity: Entity, before: str = "") -> Entity:
        """The entity as the article named it before: a surname its full name, an unknown
        name that spoke a person, a body its full name. ``before``: the sentence's text
        before the entity, where an honorific of the other sex ("Mrs. Biden" after "Joe
        Biden") says the surname is someone else's."""
        if entity.type in ("PERSON", "OTHER") and " " not in entity.canonical:
            full = self.persons.get(entity.canonical)
            if full and not self._other_sex(before, full):
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
        described = self._described(parse, phrase)
        if described:
            return SpeakerParse(described, "person", parse.countries)
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

    def _described(self, parse: SpeakerParse, phrase: str) -> str | None:
        """The person a singular description names ("the director", "the group's
        director") where the article gave that post to someone before."""
        if parse.kind not in ("role", "body") or parse.plural or parse.countries:
            return None
        words = phrase.lower().replace("’", "'").split()
        if not words or (
            words[0] not in ("the", "its", "their", "his", "her") and "'s" not in words[0]
        ):
            return None  # a named body or a bare noun, not a description
        return self.roles.get(words[-1])

    def learn_roles(self, text: str) -> None:
        """The posts a sentence gives people: appositives ("Dana Ruiz, the executive
        director of ...") and "who chairs" clauses. A later holder of a post replaces the
        earlier one."""
        for match in _APPOSITIVE_ROLE_RE.finditer(text):
            post = match.group(2).split()[-1].lower()
            if post in ROLE_NOUNS:
                self.roles[post] = match.group(1)
        for match in _WHO_HOLDS_RE.finditer(text):
            for post in _POST_OF_VERB[match.group(2)]:
                self.roles[post] = match.group(1)

    def learn_named(self, names: Sequence[str]) -> None:
        """The people a sentence named (its speakers first): candidates for a later pronoun."""
        self.recent.append([n for n in dict.fromkeys(names) if n.lower() not in _PRONOUN_NAMES])

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
            sex = HONORIFIC_SEX[match.group(1)]
            if self.gender_of(name) in (None, sex):  # "Mrs. Biden" is not Joe Biden
                self.genders.setdefault(name, sex)

    def _other_sex(self, before: str, name: str) -> bool:
        """An honorific at the end of ``before`` says the other sex than ``name``'s."""
        honorific = _HONORIFIC_BEFORE_RE.search(before)
        if honorific is None:
            return False
        sex = self.gender_of(name)
        return sex is not None and sex != HONORIFIC_SEX[honorific.group(1)]

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


def opens_like_a_person(words: Sequence[str]) -> bool:
    """A name of two words or more that opens with a known first name ("Henry Crespo") or
    with initials ("J.D. Drew", "E. J. Dionne"): a person's."""
    return len(words) >= 2 and (first_name_gender(words[0]) is not None or is_initials(words[0]))


def _names_person(entity: Entity, memory: ArticleMemory) -> bool:
    """A person the entity finder named in full, an unknown name of two words or more that
    opens with a known first name ("Henry Crespo"), or a single name the article has given
    in full or heard speak ("Lynch"; not "Relations" of "Council on Foreign Relations who")."""
    words = entity.canonical.split()
    if entity.type not in ("PERSON", "OTHER"):
        return False
    if len(words) >= 2:
        return entity.type == "PERSON" or opens_like_a_person(words)
    return entity.canonical in memory.speaking_people or entity.canonical in memory.persons


# A name at the head of a clause, followed by its verb: "Scott joked", "Lynch agreed".
_SUBJECT_AFTER_RE = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,[^,]{1,80},\s*)?[a-z]")


def people_named(
    sentence: Sentence, entities: Sequence[Entity], scan: QuoteScan, memory: ArticleMemory
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
