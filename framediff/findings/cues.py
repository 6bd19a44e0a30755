"""Word lists and patterns the finding detectors share: editorial cues, wire
boilerplate and small function-word lists. Data only. British/American spelling variants
are folded by ``framediff.scoring.spelling``, the same fold the word diff uses.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from framediff.gazetteer import DATA_DIR

# The word lists live in framediff/data/findings_cues.json.
_DATA = DATA_DIR / "findings_cues.json"


@lru_cache(maxsize=1)
def _lists() -> dict[str, list[str]]:
    loaded: dict[str, list[str]] = json.loads(_DATA.read_text(encoding="utf-8"))
    return loaded


def _words(name: str) -> frozenset[str]:
    return frozenset(_lists()[name])


# Words whose presence or absence alone never makes a finding (articles, auxiliaries,
# light prepositions and conjunctions).
FUNCTION_WORDS = _words("function_words")

# Words of a speaker phrase that do not identify who spoke ("the", "spokesman", "has").
SPEAKER_STOP = _words("speaker_stop")
# Ranks and words that make a named speaker a police spokesperson ("Constable Tim
# Fanning", "police spokesman Tim Fanning"): the same speaker as "police".
POLICE_TITLES = _words("police_titles")
# Titles and offices written before a person's name ("President", "Foreign Minister",
# "Dr"): with a name after them they add nothing to who spoke ("President Putin" / "Putin").
SPEAKER_TITLES = _words("speaker_titles")
# Nouns that make a phrase an institution ("Russian Foreign Ministry", "the company"), not
# a person named after a title.
INSTITUTION_NOUNS = _words("institution_nouns")
# Nouns a plain description uses to point back to an organisation named elsewhere ("the
# company", "the ministry"): who it means is whatever the article named before.
ANAPHORIC_NOUNS = _words("anaphoric_nouns")
# Articles, left out at the edges of quotations and descriptions ("the company").
ARTICLES = frozenset(["the", "a", "an"])

# Words that make a speaker a news outlet ("according to Bloomberg", "state media said"):
# beside another speaker in one sentence, it relays that speaker's claim.
NEWS_OUTLETS = _words("news_outlets")
# Words that follow a speech verb without being what was said ("told reporters on
# Sunday", "said in a statement late on Tuesday").
ATTRIBUTION_TAIL = _words("attribution_tail")

# Words that flip the valence of what follows them ("refused to accept", "not welcome").
NEGATORS = _words("negators")

# Interpretive sentence frames with no speaker: "This suggests...", "The move signals...",
# "The disaster underscores...", "...is a grim reminder...", "...lays bare...". The subject
# is a demonstrative or a definite noun phrase of at most four words.
EDITORIAL_FRAME_RE = re.compile(
    r"^(?:(?:this|that|these|those|such|the|its|their)\b[\w\s'’,-]{0,40}?|it)\s+"
    r"(?:suggests?|suggested|signals?|signalled|signaled|underscores?|underscored|"
    r"underlines?|underlined|highlights?|highlighted|illustrates?|illustrated|"
    r"demonstrates?|demonstrated|reflects?|reflected|exposes?|exposed|lays? bare|laid bare|"
    r"marks?|marked|shows?|showed|reveals?|revealed|points? to|pointed to|speaks? to|"
    r"stands? in (?:stark )?contrast|is a (?:\w+ )?reminder|serves as a (?:\w+ )?reminder|"
    r"raises? (?:serious |troubling |fresh )?questions|is (?:yet )?another sign|"
    r"represents?|represented|amounts? to|spells?)\b",
    re.IGNORECASE,
)
# Frame verbs that also report plain facts ("The visit marks the first trip since 2006",
# "Exports represent 10% of output"): a frame built on one needs an evaluative word too.
WEAK_FRAME_VERBS = _words("weak_frame_verbs")
# A trailing participle clause that interprets what came before: ", highlighting the ...",
# ", underscoring ...", ", signalling ...".
EDITORIAL_CLAUSE_RE = re.compile(
    r",\s+(?:highlighting|underscoring|underlining|signalling|signaling|illustrating|"
    r"demonstrating|reflecting|exposing|suggesting|marking|laying bare)\b",
    re.IGNORECASE,
)
# Evaluative adjectives and adverbs a reporter's own voice rarely needs.
EVALUATIVE_WORDS = _words("evaluative_words")
# Words that pass judgement on a person, an act or an outcome, or appeal to feeling
# ("the brash developer", "a stunning 60 percent", "a last-ditch bid", "a gruesome
# death"): a neutral report leaves them to its sources, so one in the reporter's own voice
# is editorializing by itself. Words of size ("massive") or of literal harm ("deadly")
# are not among them: straight news uses them plainly.
LOADED_WORDS = _words("loaded_words")
# Normative or stance markers: "should have", "once again", "must".
STANCE_RE = re.compile(
    r"\b(?:should have|ought to|once again|yet again|all too|no wonder|of course|"
    r"it is (?:clear|obvious|evident) that|clearly|simply)\b",
    re.IGNORECASE,
)
# Subjects that make an interpretive frame a report of someone's finding, not editorial:
# "The report highlights...", "The statement underscores...".
SOURCE_NOUNS = _words("source_nouns")

# Wire and site boilerplate that must never become unique content or an omission.
BOILERPLATE_RE = re.compile(
    r"^\(?(?:reporting|writing|additional reporting|editing|compiled) by\b"
    r"|\ball rights reserved\b|\bour standards:|\btrust principles\b"
    r"|^(?:click|tap) here\b|\bsign up\b|\bsubscribe\b|\bnewsletter\b"
    r"|^(?:read more|related|advertisement|follow us)\b"
    # Links ("http://", "www.", also as tokenised text splits them: "http: / / www. nlm").
    r"|\bhttps?\s*:\s*/\s*/|\bwww\s*\.\s*\w"
    # Reader prompts and page furniture: "Leave your thoughts in the comments section
    # below", "Hit the jump for more", "Posted 1 year, 160 days ago [downloaded on ...]".
    r"|\bcomments? section\b|\bin the comments below\b|\bcomment below\b|\b(?:leave|share|post) (?:your|a) (?:comments?|thoughts)\b"
    r"|\bhit the jump\b|^posted\b.*\bago\b|\bdownloaded on\b",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    return bool(BOILERPLATE_RE.search(text.strip()))


# What makes a claim one a reader needs the source of (the wire-desk rule: attribute
# accusations, causes, estimates and opinions; an undisputed outcome needs no one's word).
# Acts of wrongdoing, read as an allegation in the active voice or with their agent
# ("Kessler shot the clerk", "was shot by a neighbour"), not as an outcome ("was killed").
CLAIM_ACTS = _words("claim_acts")
# Words that carry an allegation in any voice ("drunk", "hostage", "violating probation").
CLAIM_WRONGS = _words("claim_wrongs")
# A cause or a motive ("because", "targeting members of a rival gang").
CLAIM_MOTIVES = _words("claim_motives")
# An estimate or a forecast ("an estimated 20,000", "roughly").
CLAIM_ESTIMATES = _words("claim_estimates")
# Judgements of how something went, beside the evaluative words ("a timely operation").
CLAIM_ASSESSMENTS = _words("claim_assessments") | EVALUATIVE_WORDS
# Allegations and estimates written in more than one word.
# A forecast in reported speech, tense shifted back ("analysts said the merger would cut
# 3,000 jobs"): not a past ("would have"), a narrative "would later", or a scheduled step.
FORECAST_REPORTED_RE = re.compile(
    r"\bwould\s+(?!have\b|later\b|need to\b|be\s+\w+ed\b)(?:not\s+)?[a-z]+", re.IGNORECASE
)
CLAIM_PHRASES = (
    (
        "allegation",
        re.compile(
            r"\b(?:opened fire|fired (?:on|at|into|upon)|pulled (?:a|his|her|their) "
            r"(?:gun|knife|pistol|weapon)|set fire|held \w+ hostage|ran a red light|"
            r"under the influence|(?:drunk|drink|drunken) driving|tear gas|live (?:rounds|"
            r"ammunition|fire)|rubber bullets|excessive force)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "motive",
        re.compile(
            r"\b(?:due to|caused by|in retaliation|in revenge|on purpose|in self-defen[cs]e)\b",
            re.IGNORECASE,
        ),
    ),
    ("assessment", re.compile(r"\b(?:under control|no (?:threat|danger|risk))\b", re.IGNORECASE)),
    # What a party says it will do, stated as what it will do ("The rebels will keep their
    # weapons"): a position, not yet a fact.
    (
        "intention",
        re.compile(
            r"\b(?:plans?|planned|intends?|intended|vows?|vowed|pledges?|pledged|promises?|"
            r"promised|refuses?|refused|threatens?|threatened) to\b|\b(?:will|would) (?:not )?"
            r"(?:keep|retain|stay|remain|withdraw|leave|never)\b",
            re.IGNORECASE,
        ),
    ),
    # What will happen, said as what will happen ("the merger will cut 3,000 jobs"): a
    # forecast. Not a scheduled step ("will be arraigned on Monday": a passive of record)
    # or an obligation under a rule ("agencies will have to consult experts").
    # "would" is a forecast only where a source's words are reported (FORECAST_REPORTED_RE):
    # in an outlet's own sentence it is a past or a condition ("allowed agencies to decide
    # if projects would harm ...").
    (
        "forecast",
        re.compile(
            r"\b(?:will|(?:is|are) (?:expected|likely|set) to)\s+"
            r"(?!be\s+\w+ed\b|have to\b|need to\b|be required to\b)(?:not\s+)?[a-z]+",
            re.IGNORECASE,
        ),
    ),
    (
        "estimate",
        re.compile(
            r"\b(?:as many as|up to|an estimated|some) \d|\b(?:tens|hundreds) of thousands\b",
            re.IGNORECASE,
        ),
    ),
)
