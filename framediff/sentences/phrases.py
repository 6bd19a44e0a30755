"""Speaker phrases around a reporting verb: the subject before it, the speaker after
it ('said Lavrov'), an appositive skipped ('China, an ally of Moscow, claims') and the
subject a coordinated verb shares ('denied ... and said').

Spans only, in the sentence's own coordinates; deciding that a verb reports speech and
naming the speaker canonically are ``attribution``'s and ``speakers``' jobs.
"""

from __future__ import annotations

import re

from framediff.gazetteer import COMMON_STARTERS, MONTHS, STATE_ABBREVIATIONS, WEEKDAYS, gazetteer
from framediff.sentences.speakers import (
    ADVERBS,
    BODY_HEADS,
    BODY_WORDS,
    DETERMINERS,
    PRONOUNS,
    TITLE_WORDS,
    verb_lexicon,
)

_PREPS_IN_NAME = frozenset({"of", "in", "at", "for"})
# Abbreviated titles and suffixes whose dot stays inside a name: "Mr. Podesta", "Sen. Lindsey
# Graham", "Joseph R. Biden Jr. said" (the word pattern leaves the dot out of the token).
TITLE_ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sen",
        "Sens",
        "Rep",
        "Reps",
        "Gov",
        "Gen",
        "Lt",
        "Col",
        "Sgt",
        "Capt",
        "Prof",
        "St",
        "Jr",
        "Sr",
        "Rev",
        "Adm",
        "Maj",
        "Cmdr",
        "Det",
        "Insp",
        "Supt",
        "Atty",
        "Hon",
        "Amb",
        "Pres",
        "Cpl",
        "Pvt",
        "Msgr",
        "Fr",
        "Gens",
    ]
)
# A short parenthesis between a name and its verb: "Rep. Gwen Moore (D-Wis.) said", "Mike
# Pence (R-IN) said", "the agency (USCIS) said": a party tag, an acronym or an age.
_PARENTHESIS_BEFORE_RE = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_DATE_WORDS = MONTHS | WEEKDAYS
# Words that let a speaker phrase end in a non-speaker word: "people familiar with the talks".
_RELATIVE_MARKERS = frozenset(["who", "familiar", "close", "briefed", "involved", "working"])
# Determiners that open a speaker phrase and stay in it ("the ministry"), unlike "that".
_KEPT_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "both"})
# Prepositions and subordinators that open a sentence: capitalised there, never a name.
_CLAUSE_OPENERS = frozenset(
    ["despite", "after", "before", "amid", "amidst", "among", "following", "unlike", "like",
     "since", "with", "without", "given", "during", "over", "under", "about", "above",
     "across", "against", "around", "at", "by", "for", "from", "in", "into", "of", "on",
     "onto", "per", "through", "throughout", "to", "upon", "via", "near", "beyond", "below",
     "until", "unless", "although", "though", "because", "if", "when", "while", "whether",
     "as", "according"]
)  # fmt: skip
_OBJECT_PREPOSITIONS = frozenset(
    {
        "for",
        "with",
        "to",
        "from",
        "by",
        "about",
        "against",
        "like",
        "outside",
        "inside",
        "near",
        "behind",
        "into",
        "over",
        "under",
        "after",
        "before",
        "during",
        "without",
        "within",
        "of",
    }
)
# Words that are prepositions before a noun ("a man seen after the shooting said") and
# conjunctions before a clause ("closed after officials said"): before a speaker's name
# or word and its verb, the clause's.
_CLAUSE_CONJUNCTIONS = frozenset(["after", "before", "until"])
# A party and state tag: "R-Tenn.", "D-N.Y.", "I-Vt.", "R-Ohio", "D-NY" (a state as AP
# style abbreviates it, its postal code or a short name written out); not a name that
# looks like one ("D-Nice", "I-Ling").
_PARTY_TAG_RE = re.compile(
    r"[DRI]-(?:[A-Z]{2}|(?:[A-Z]\.){2}|W\.\s?Va\.|Alaska|Hawaii|Idaho|Iowa|Maine|Ohio|Texas|Utah"
    rf"|(?:{'|'.join(sorted(STATE_ABBREVIATIONS))})\.)"
)
# A quotation mark, straight or curly, or two single marks.
_QUOTE_MARK_RE = re.compile(r"[\"“”]|''")
# Conjunctions that open a clause of their own inside a sentence.
_SUBORDINATORS = _CLAUSE_CONJUNCTIONS | {"because", "when", "while", "since", "although", "though"}
# A plural common noun: "customers", "engineers", "pilots".
_PLURAL_NOUN_RE = re.compile(r"[a-z]{3,}[^su]s")
# Words of a span of time before "after" or "before" ("just hours", "two days").
_TIME_SPAN_WORDS = frozenset(
    ["just", "only", "a", "an", "few", "several", "some", "many", "two", "three", "four",
     "five", "ten", "minutes", "hours", "days", "weeks", "months", "years", "moments",
     "shortly", "soon", "long", "right", "immediately", "not", "hour", "day", "week",
     "month", "year", "minute", "moment", "seconds", "second"]
)  # fmt: skip
# Words that make the words after them a relative clause of the subject ("officials who
# testified before Congress said").
_RELATIVES = frozenset(["who", "whom", "whose", "which", "that"])


def _opens_a_clause(text: str, tokens: list[re.Match[str]], at: int) -> bool:
    """Whether the conjunction at token ``at`` opens a clause of its own: a main clause
    stands before it (two words at least), and it is no part of a relative clause of the
    subject ("Three officials who testified before Congress said": the object of "before")."""
    if at < 2:
        return False  # "Weeks before the strike union leaders said": a time phrase
    if all(t.group().lower() in _TIME_SPAN_WORDS or t.group().isdigit() for t in tokens[:at]):
        return False  # "Just hours after the attack officials said": when, not a clause
    clause = max(text.rfind(c, 0, tokens[at].start()) for c in ",;:")
    before = [t.group().lower() for t in tokens[:at] if t.start() > clause]
    return not any(w in _RELATIVES for w in before)


# Words that mark a speaker phrase with a modifier: "people familiar with the talks".
_POSTMODIFIERS = frozenset(
    [
        "who",
        "familiar",
        "close",
        "briefed",
        "involved",
        "working",
        "with",
        "for",
        "at",
        "from",
        "in",
        "of",
        "to",  # "advisers to Mr. Obama", "an aide to the governor"
    ]
)
# Where a speaker phrase after the verb ends; a dot after an initial ("Nick J.") or a
# title ("Police Sgt. Marty Earley") does not.
_NP_END_RE = re.compile(
    r"[,;:!?()\"]|(?<!\b[A-Z])(?<!Sgt)(?<!Gen)(?<!Col)(?<!Capt)(?<!Gov)(?<!Sen)(?<!Rep)(?<!Dr)"
    r"(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Prof)(?<!St)(?<!Jr)(?<!Lt)(?<!Det)(?<!Insp)\.|\bthat\b|\bwhich\b|\bwho\b|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _is_head(word: str) -> bool:
    """A word that can name a speaker by itself: a name, a speaker noun, not a date."""
    bare = re.sub(r"(?:'s|')$", "", word)
    if bare in _DATE_WORDS:
        return False
    return bare[:1].isupper() or _speaker_noun(bare)


# Lower-case words that stand before a title inside a speaker phrase: "retired Air Force
# general Lloyd Newton", "former ambassador", "outgoing chief executive".
_TITLE_MODIFIERS = frozenset(
    ["retired", "former", "acting", "outgoing", "incoming", "longtime", "veteran", "then",
     "interim", "late", "current", "newly", "elected"]
)  # fmt: skip


def np_token_ok(word: str) -> bool:
    bare = re.sub(r"(?:'s|')$", "", word).lower()
    return (
        word[:1].isupper()
        or bare in BODY_WORDS
        or bare in _TITLE_MODIFIERS
        or bare.removesuffix("s") in BODY_WORDS  # "groups", "analysts"
        or bare.isdigit()
    )


_WEEKDAY = "(?:{})".format("|".join(sorted(WEEKDAYS)))
# A time phrase standing between a speaker and the verb, to the verb: "on Monday", "late
# Tuesday", "Tuesday night", "earlier this week", "just this month", "last year".
_TIME_BEFORE_RE = re.compile(
    r"\s(?:(?:just|also|only|earlier|later|late|early)\s+)?"
    r"(?:(?:on|this|last|next|earlier|late|early)\s+)?"
    rf"(?:{_WEEKDAY}|week|month|year|morning|afternoon|evening|night|weekend|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*$"
)
# Words of a time phrase that may open a clause before its speaker ("Last week Obama").
_TIME_WORDS = frozenset(
    ["week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"]
) | {day.lower() for day in WEEKDAYS}
# The auxiliary of a progressive reporting verb ("is saying", "were warning"): the speaker
# stands before it.
PROGRESSIVE_BE = frozenset(["is", "are", "was", "were"])
# Lower-case nouns before a speaker phrase's head that the phrase keeps when a determiner or
# a name opens it ("the comedian and talk show host", "the county election official").
_NOUN_MODIFIERS = 3


def _noun_modifier(word: str) -> bool:
    """A lower-case word that may modify a speaker noun: no function word, adverb, pronoun
    or inflected reporting verb ("denied", "says"; a verb's base form may be a noun: "talk
    show host", "news report")."""
    lower = word.lower()
    return (
        word.isalpha()
        and word.islower()
        and not lower.endswith("ly")
        and lower not in DETERMINERS
        and lower not in PRONOUNS
        and lower not in ADVERBS
        and lower not in COMMON_STARTERS
        and lower not in _OBJECT_PREPOSITIONS
        and lower not in _PREPS_IN_NAME
        and lower not in ("and", "or", "but", "that", "which", "who", "whom", "whose")
        and not _inflected_verb(lower)
    )


def _speaker_noun(word: str) -> bool:
    """A common noun that names a speaker by itself ("spokesman", "residents")."""
    lower = word.lower()
    return lower in BODY_HEADS or lower.removesuffix("s") in BODY_HEADS


def _determined(tokens: list[re.Match[str]]) -> bool:
    """A determiner stands among ``tokens``: a noun phrase follows it."""
    return any(t.group().lower() in DETERMINERS for t in tokens)


def _inflected_verb(word: str) -> bool:
    """An inflected form of a reporting verb ("denied", "says", "told"); its base form may
    be a noun as well ("show", "report", "claim")."""
    verb = verb_lexicon().forms.get(word)
    return verb is not None and verb[0] != word


def _abbreviation(word: str) -> bool:
    """A token whose following dot abbreviates it: "U.S", an initial, "Mr", "Sen", "Jr"."""
    return "." in word or (len(word) == 1 and word.isupper()) or word in TITLE_ABBREVIATIONS


def left_speaker(
    text: str, tokens: list[re.Match[str]], index: int, after_comma: bool = False
) -> tuple[int, int] | None:
    """The speaker phrase ending right before token ``index`` (the verb), as a span;
    ``after_comma`` lets a comma separate them (an appositive was skipped)."""
    # "is saying", "were saying": the subject stands before the auxiliary (not before a
    # passive's, "It is said").
    progressive = tokens[index].group().lower().endswith("ing")
    edge = tokens[index].start()
    parenthesis = _PARENTHESIS_BEFORE_RE.search(text, 0, edge)
    if parenthesis and not after_comma:
        edge = parenthesis.start()
        index = next(i for i, t in enumerate(tokens) if t.end() > edge)
    when = _TIME_BEFORE_RE.search(text, 0, edge)
    if when and when.start() > 0:
        # "The company on Monday said", "Police late Tuesday said": when, not who.
        edge = when.start()
        index = next(i for i, t in enumerate(tokens) if t.end() > edge)

    def gap_after(k: int) -> str:
        """What stands between token ``k`` and the next word of the phrase (or the verb)."""
        following = tokens[k + 1].start() if k + 1 < index else edge
        return text[tokens[k].end() : following]

    j = index - 1
    while j >= 0 and (
        tokens[j].group().lower() in ADVERBS
        or (progressive and tokens[j].group().lower() in PROGRESSIVE_BE)
    ):
        if gap_after(j).strip():
            return None
        j -= 1
    if j < 0:
        return None
    end_token = j
    if tokens[j].group().lower() in ("and", "but") and not after_comma:
        # "The army denied the report and said ...": the clause's opening phrase.
        return clause_subject(text, tokens, j)
    if gap_after(j).strip() not in (
        "",
        *((",", "-", "—", "–") if after_comma else ()),
    ) and not (gap_after(j).strip() == "." and _abbreviation(tokens[j].group())):
        return None  # punctuation between speaker and verb: "...," said X
    if tokens[j].group().lower() == "who" and j > 0:
        # "Williams - who said ...", "the minister, who told ...": the phrase before "who".
        return left_speaker(text, tokens, j, after_comma=True)
    if tokens[j].group().lower() in PRONOUNS:
        return tokens[j].start(), tokens[j].end()
    if tokens[j].group().lower().endswith(("n't", "n’t")) or tokens[j].group().lower() in (
        "let's",
        "let’s",
    ):
        return None  # "Don't blame Bush", "Let's say ...": an imperative names no speaker
    start_token = None
    modifiers = 0
    while j >= 0:
        word = tokens[j].group()
        gap = gap_after(j) if j < end_token else ""
        if gap.strip() == "." and _abbreviation(word):
            gap = ""  # "U.S. embassy", "Mr. King": WORD_RE leaves the abbreviation's dot out
        if gap.strip() not in ("", ","):
            break
        if gap.strip() == "," and not (
            word[:1].isupper() and j > 0 and tokens[j - 1].group().lower() == "and"
        ):
            break
        lower = word.lower()
        if np_token_ok(word):
            start_token = j
        elif (
            lower in ("and", "&")
            and start_token is not None
            and j > 0
            and (
                np_token_ok(tokens[j - 1].group())
                or (_noun_modifier(tokens[j - 1].group()) and modifiers < _NOUN_MODIFIERS)
            )
        ) or (
            lower in _PREPS_IN_NAME
            and start_token is not None
            and j > 0
            and tokens[j - 1].group().lower() in BODY_HEADS
        ):
            pass
        elif lower in DETERMINERS and start_token is not None:
            start_token = j
            break
        elif start_token is not None and modifiers < _NOUN_MODIFIERS and _noun_modifier(word):
            # "talk show host": a noun before the head, kept only if a determiner, a name
            # or a speaker word opens the phrase further left ("the comedian and ...").
            modifiers += 1
        else:
            break
        j -= 1
    if (
        start_token is not None
        and tokens[start_token - 1].group().lower() in _CLAUSE_CONJUNCTIONS
        and _opens_a_clause(text, tokens, start_token - 1)
    ):
        # "The plant closed after officials said ...": after a main clause, the
        # conjunction opens a clause of its own, whose subject speaks.
        pass
    elif (
        start_token is None
        and end_token >= 1
        and tokens[end_token - 1].group().lower() in _SUBORDINATORS
        and _PLURAL_NOUN_RE.fullmatch(tokens[end_token].group())
        and _opens_a_clause(text, tokens, end_token - 1)
    ):
        # "The company apologised after customers said ...": a plural noun opening the
        # clause speaks, as "officials" would.
        return tokens[end_token].start(), tokens[end_token].end()
    elif start_token is None or (
        start_token > 0
        and tokens[start_token - 1].group().lower() in _OBJECT_PREPOSITIONS
        # A closing quotation mark parts them: "... from within," Mr. Clarke said.
        and not _QUOTE_MARK_RE.search(
            text, tokens[start_token - 1].end(), tokens[start_token].start()
        )
    ):
        # "A person who works for the Kremlin said", "Diplomats familiar with the talks
        # said": what precedes the verb is an object; the speaker is the whole short
        # phrase that opens the clause, if it opens like a speaker.
        edge = tokens[end_token].start()
        clause = max(text.rfind(",", 0, edge), text.rfind(";", 0, edge), text.rfind(":", 0, edge))
        first = next(i for i, t in enumerate(tokens) if t.start() > clause)
        opener = tokens[first].group()
        head = tokens[first + 1].group() if opener.lower() in DETERMINERS else opener
        inner = {t.group().lower() for t in tokens[first : end_token + 1]}
        if (
            end_token - first > 8
            or not np_token_ok(head)
            or head.lower() in PRONOUNS
            or not inner & _POSTMODIFIERS
            or not (
                _is_head(tokens[end_token].group())
                or inner & _RELATIVE_MARKERS
                # "A spokesman for the local water board said": a speaker noun and the
                # body it speaks for (not "Police at first told").
                or (_speaker_noun(head) and _determined(tokens[first + 1 : end_token]))
            )
            or inner & {"and", "but", "or"}
            or any(_inflected_verb(w) for w in inner)
        ):
            return None
        start_token = first
    while (
        start_token < end_token
        and tokens[start_token].group().lower() in COMMON_STARTERS
        and tokens[start_token].group().lower() not in _KEPT_DETERMINERS
    ):
        start_token += 1  # "But Felt told", "Meanwhile Lavrov said"
    while start_token < end_token and tokens[start_token].group().lower() in _TIME_WORDS:
        start_token += 1  # "Last week Obama said": "Last" went above, "week" is when
    first_word = tokens[start_token].group()
    if start_token == end_token and first_word.lower() in _CLAUSE_OPENERS:
        return None  # "Despite reports that ...": a preposition, and "reports" a noun
    if start_token == 0 and first_word.endswith("ing") and first_word not in gazetteer().surfaces:
        return None  # "Having told everyone, ...": a participle, not a name ("Beijing" is)
    if (
        start_token == end_token
        and first_word.lower().split("'")[0] in PRONOUNS
        and "'" in first_word
    ):
        return None  # "He's written books": a contraction, not a speaker
    span_tokens = tokens[start_token : end_token + 1]
    words = [t.group().lower() for t in span_tokens]
    if all(w in DETERMINERS or w in ("two", "both", "three") for w in words):
        return None
    if not any(_is_head(t.group()) for t in span_tokens):
        return None  # "federal grants", "on Sunday said": no one to credit
    return tokens[start_token].start(), tokens[end_token].end()


def clause_subject(
    text: str, tokens: list[re.Match[str]], conjunction: int, from_start: bool = False
) -> tuple[int, int] | None:
    """The speaker-like phrase opening the clause that ``conjunction`` continues (with
    ``from_start``, the phrase opening the sentence)."""
    edge = tokens[conjunction].start()
    clause = (
        -1
        if from_start
        else max(text.rfind(",", 0, edge), text.rfind(";", 0, edge), text.rfind(":", 0, edge))
    )
    first = next(i for i, t in enumerate(tokens) if t.start() > clause)
    opener = tokens[first].group().lower()
    if (
        not from_start
        and clause >= 0
        and opener[:1].islower()
        and opener not in DETERMINERS | _KEPT_DETERMINERS
        and not np_token_ok(tokens[first].group())
    ):
        # "Donald Trump, her Republican opponent, bemoaned ... and said": the clause opens
        # on its verb; its subject opens the sentence, before the appositive the commas
        # set off (a name opening the sentence: no list's "Queens", after "Brooklyn,").
        appositive = text.rfind(",", 0, clause)
        name = [t for t in tokens if t.end() <= appositive]
        if (
            appositive >= 0
            and name
            and "," not in text[:appositive]
            and all(np_token_ok(t.group()) for t in name)
        ):
            return name[0].start(), name[-1].end()
    if from_start and opener in COMMON_STARTERS and opener not in DETERMINERS | _KEPT_DETERMINERS:
        # "During a speech on Monday, Trump attacked ..., saying": the subject follows the
        # opening phrase, never its first word.
        comma = text.find(",", tokens[first].end(), edge)
        if comma < 0:
            return None
        first = next(i for i, t in enumerate(tokens) if t.start() > comma)
    last = None
    for i in range(first, conjunction):
        word = tokens[i].group()
        if word.lower() in DETERMINERS and i == first:
            continue
        if not np_token_ok(word) or (
            i > first and text[tokens[i - 1].end() : tokens[i].start()].strip()
        ):
            break
        last = i
    if last is None or tokens[last].group().lower() in PRONOUNS:
        return None
    return tokens[first].start(), tokens[last].end()


# Lower-case words inside a speaker phrase: "the head of the agency", "Reuters and AFP".
_COUNT_WORDS = frozenset({"one", "two", "three", "several", "many", "some"})
INSIDE_NAME = frozenset(
    {"of", "the", "and", "for", "at", "in", "on", "de", "al", "von", "van", "bin"}
)


def right_speaker(text: str, start: int, strict: bool = True) -> tuple[int, int] | None:
    """The speaker phrase right after ``start`` ("said Lavrov", "according to X"); not
    ``strict``, a short phrase up to the next comma is taken whole."""
    match = _NP_END_RE.search(text, start)
    end = match.start() if match else len(text)
    chunk = text[start:end]
    stop = re.search(r"\s+(?:in|on|at|during|after|before|when|while|to)\s+(?!the\s+[A-Z])", chunk)
    if stop and chunk[: stop.start()].strip():
        # Keep "of" phrases ("a readout of their meeting" stops at "of their").
        chunk = chunk[: stop.start()]
    chunk = re.sub(r"\s+of\s+(?:their|the|its|his|her)\s+\w+$", "", chunk)
    # Stop at the first word that cannot sit in a speaker phrase once one has begun:
    # "SEACOM's Suveer Ramdhani initial feedback points" -> "SEACOM's Suveer Ramdhani".
    whole = not strict and len(chunk.split()) <= 5  # "according to the regional prefecture,"
    seen = False
    for word in re.finditer(r"\S+", chunk if not whole else ""):
        bare = word.group().lower().strip(",.")
        if seen and not (np_token_ok(word.group()) or bare in INSIDE_NAME):
            chunk = chunk[: word.start()]
            break
        seen = seen or np_token_ok(word.group())
    stripped = chunk.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    words = stripped.split()
    if not words or len(words) > 12:
        return None
    if not (
        np_token_ok(words[0])
        or words[0].lower() in DETERMINERS
        or words[0].lower() in PRONOUNS
        or words[0].lower() in ("one", "two", "three", "several", "many", "some")
        # A noun before the speaker noun it modifies: "according to exit polls".
        or (_noun_modifier(words[0]) and any(np_token_ok(w) for w in words[1:]))
    ):
        return None
    if not any(np_token_ok(w) or w.lower() in PRONOUNS for w in words):
        return None
    if all(w.lower() in DETERMINERS or w.lower() in PRONOUNS for w in words):
        return None  # "according to his reading" names nobody
    if not whole and not all(
        np_token_ok(w)
        or w.lower() in DETERMINERS
        or w.lower() in PRONOUNS
        or w.lower() in INSIDE_NAME
        or w.lower() in _COUNT_WORDS
        for w in words
    ):
        return None  # "says it is lost" is a clause, not a speaker
    return start + lead, start + len(stripped)


# A person's name opening a clause and followed by a comma: "Peter Guest, ".
_NAME_BEFORE_COMMA_RE = re.compile(r"(?:^|[:;]\s*)((?:[A-Z][\w'.-]*\s+){1,3}[A-Z][\w'.-]*),\s*$")
# The same after the claim it credits: "..., Christopher Budd, " (two to four words, so a
# single capitalised word after a comma is not taken for a name).
_NAME_AFTER_CLAIM_RE = re.compile(r",\s+((?:[A-Z][\w'.-]*\s+){1,3}[A-Z][\w'.-]*),\s*$")


def named_before_role(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """'Peter Guest, Assistant Chief Fire Officer at Surrey Fire Service, says', '...,
    Christopher Budd, security response communications lead at Microsoft, said': when the
    speaker phrase is a role with no name in it (a title, or a description with no
    article), the name before the comma speaks."""
    words = text[span[0] : span[1]].split()
    if not words:
        return None
    described = words[0][:1].islower() and words[0].lower() not in DETERMINERS
    if words[0] not in TITLE_WORDS and not described:
        return None
    named = [w for w in words if w[:1].isupper() and w not in TITLE_WORDS]
    if named and not any(w in ("at", "of", "for") for w in words):
        return None  # "President Joe Biden": the name is in the phrase
    before = text[: span[0]]
    match = _NAME_BEFORE_COMMA_RE.search(before) or (
        _NAME_AFTER_CLAIM_RE.search(before) if described else None
    )
    if not match or match.group(1).split()[0].lower() in COMMON_STARTERS:
        return None
    return match.start(1), match.end(1)


def appositive_speaker(
    text: str, tokens: list[re.Match[str]], index: int
) -> tuple[int, int] | None:
    """'China, a diplomatic ally of Moscow, claims' -> the span of 'China'."""
    before = text[: tokens[index].start()].rstrip()
    if not before.endswith(","):
        return None
    first = before[:-1].rfind(",")
    if first < 0:
        return None
    middle = before[first + 1 : -1].split()
    # "Sen. Bob Corker, R-Tenn., said": a party and state tag describes the name before it.
    party = len(middle) == 1 and bool(_PARTY_TAG_RE.fullmatch(middle[0]))
    if (
        middle
        and not party
        and len(middle) <= 4
        and all(w[:1].isupper() for w in middle)
        and not all(w.rstrip(",") in TITLE_WORDS for w in middle)
    ):
        # "Her agent, Mark Roesler, said": the name in the appositive speaks.
        start = first + 1 + (len(before[first + 1 :]) - len(before[first + 1 :].lstrip()))
        return start, len(before) - 1
    # "Lavrov, Foreign Minister,", "Peter Guest, Assistant Chief Fire Officer at X,".
    # "Megan Hester, senior associate for ...,": a role word opens the appositive too.
    titled = bool(middle) and (
        party
        or middle[0] in TITLE_WORDS
        or middle[0].endswith("ing")
        or (middle[0].islower() and np_token_ok(middle[0]))
    )
    if not titled and (
        not middle
        or len(middle) > 14
        or middle[0].lower() not in ("a", "an", "the", "who", "which", "whose", "its", "his", "her")
    ):
        return None
    anchor = next((i for i, t in enumerate(tokens) if t.start() > first), None)
    if anchor is None:
        return None
    span = left_speaker(text, tokens, anchor, after_comma=True)
    return span if span and text[span[1] : first].strip() == "" else None
