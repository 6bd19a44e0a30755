"""News segmentation data: the abbreviations, titles and speech verbs Punkt's
English model (trained on 1980s WSJ) does not know, and the compiled patterns
the repair rules use. Word lists live here and nowhere else in the segmenter.
"""

from __future__ import annotations

import re


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Titles that stand before a name and rarely end a sentence: a boundary right
# after one is undone unless a function word follows ("Gov. Bill Lee" joins,
# "met Hun Sen. During the call" does not).
TITLES = _words(
    """
    Mr Mrs Ms Messrs Mmes Dr Drs Prof Gov Govs Lt Sen Sens Rep Reps Gen Col Maj
    Capt Cpt Sgt Cpl Pvt Adm Cmdr Cdr Brig Lieut Rev Revd Hon Pres Supt Insp Det
    Amb Atty Fr Sr Sra Mme Mlle Msgr Gens Cmdt Pfc Spc Ret Const Cst Ald Asst Dist Dep Supt Sup
    """
)

# Titles and abbreviations of other languages that a capitalised word follows
# within a sentence, used outside English only (where "M." cannot be an
# English initial): French M. MM. Me, German Hr. Fr. and abbreviations before
# nouns ("sog. Nahost-Konflikt", "5 Mrd. Euro"), Spanish Sr. Sra. Srta.,
# Italian Sig. Dott., Portuguese Dra.
FOREIGN_TITLES = TITLES | _words(
    """
    M MM Me Hr Hrn Fr Frau Sr Sra Srta Sig Sig.ra Dott Dra Dña Ing Mgr
    sog vgl inkl ggf evtl bzw ca Str Jh Abs Hrsg Tel u.a z.B d.h Mio Mrd Tsd Bd
    """
)

# Abbreviations that take a number after them ("No. 10", "Jan. 5", "pp. 3"):
# a boundary between one of these and a digit is undone.
NUMBERED = _words(
    """
    No Nos no nos Art Arts art Vol Vols vol Fig Figs fig p pp Ch ch Sec Sect sec
    Para para Op op Ex ex Tab Rt Apt Ste Bldg Rm Ln Jan Feb Mar Apr Jun Jul Aug
    May Sep Sept Oct Nov Dec est approx ca c Nr nr Case
    """
)

# Abbreviations added to Punkt's English list (lower case, final period
# dropped, inner periods kept, as Punkt stores them). Punkt still ends a
# sentence after one when the next word is a typical sentence starter ("... in
# the U.S. The"), so these may close a sentence ("... met Hun Sen. During").
# NUMBERED words are deliberately not added: "no", "art" or "para" are also
# words that end sentences, and their rule applies only before a digit.
EXTRA_ABBREVIATIONS = frozenset(
    {title.lower() for title in TITLES}
    | _words(
        """
        u.s u.s.a u.n u.k e.u u.a.e u.s.s.r d.c l.a n.y p.m a.m e.g i.e cf vs v
        etc al inc corp co cos ltd llc plc bros dept depts univ assn assoc intl
        govt natl est jr sr st ave blvd rd mt ft hwy mass conn ga fla ala ariz ark
        calif colo kan ky la md mich minn mont neb nev okla ore pa tenn tex va vt
        wis wyo gov mln bln bn tn
        """
    )
)

# Entries of Punkt's English list that are also everyday words ending
# sentences in news ("said it was OK.", "fell ill.", "a critical mass."): taken
# out, so a capitalised word after them starts a sentence. The states they
# abbreviate ("Seattle, Wash.") then split before a capital, which is rarer.
NOT_ABBREVIATIONS = _words("ok ill wash mass miss del ind mo")

# Function words that open sentences: after a lone capital and a period
# ("in Group B. The") these keep the boundary the initials rule would undo.
COMMON_STARTERS = _words(
    """
    The A An He She It They We I You This That These Those There Here But And Or
    So Yet In On At As If When While After Before His Her Its Their Our My Your
    Then Now However Meanwhile Still Also Some Many Most Both Each Every No Not
    What Who Why How Where Which Although Though Since Because For From To By
    With Without Under Over During Despite
    """
)

# Verbs of saying, for a capitalised attribution after a closing quote
# ('"Is it over?" Putin asked.').
SPEECH_VERBS = _words(
    """
    said says say asked asks added adds told tells wrote writes replied replies
    yelled shouted cried screamed exclaimed insisted continued explained warned
    noted stated declared demanded wondered tweeted posted argued countered
    recalled conceded acknowledged admitted announced urged pleaded responded
    """
)

# The word (letters and inner periods) just before a piece's final period:
# "Gov." -> "Gov", "U.S." -> "U.S", "pp." -> "pp".
WORD_BEFORE_PERIOD_RE = re.compile(r"(?:^|(?<=[\s(\[\"'“‘«—–-]))([^\W\d_](?:[^\W\d_]|\.)*)\.$")

# A lone letter and its period closing a piece, with the word before it:
# "George W." -> ("George", "W"), "J. K." -> ("J", "K"), "on X." -> ("on", "X").
INITIAL_END_RE = re.compile(r"(?:^|[\s(\"“])(?:([^\W\d_][\w'’-]*)\.?\s+)?([^\W\d_])\.$")

# Dotted initials of a person ("H.R." Haldeman, "A.J." Smith): two or three
# single letters, each with its period. Places and bodies written the same way
# are not initials: after them Punkt's own decision stands ("in the U.S. | The").
DOTTED_INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.){1,2}[^\W\d_]$")
DOTTED_NOT_INITIALS = _words(
    """
    u.s u.k u.n e.u d.c l.a n.y n.j n.c n.d n.h n.m s.c s.d r.i w.va p.r h.k
    u.a.e u.s.a a.m p.m e.g i.e b.c a.d
    """
)

# Names written with "!" that do not end a sentence before the next capitalised
# word ("E! News", "Yahoo! Sports").
EXCLAIMED_NAME_END_RE = re.compile(r"(?:^|\s)(?:E|Yahoo|Jeopardy|Wham|Panic)!$")

# Places and bodies written with dotted letters, and the capitalised name that
# may follow them ("U.S. | Fish and Wildlife Service", "U.S. | Forces Korea").
DOTTED_PLACES = _words("U.S U.K U.N E.U U.S.A U.A.E")
PROPER_NAME_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:and|of|for|&))?\s+[A-Z][\w'’-]*")

# A clock time closing a sentence: "a.m."/"p.m." before a capitalised word that
# is not a weekday, month or time zone ("at 4 p.m. | Police said", but "4 p.m.
# Friday", "5 p.m. EST"). Punkt keeps these joined when the word is also a
# common capitalised name ("Police", "One").
CLOCK_END_RE = re.compile(
    r"(?<![\w.])[ap]\.m\.(?=\s+[A-Z])(?!\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul"
    r"|Aug|Sep|Oct|Nov|Dec|Noon|Midnight|[A-Z]{1,2}T\b|[A-Z]{2}[SD]T\b|GMT|UTC|CEST|BST|HKT)"
    r")"
)

# Weekday abbreviations and clock times that a date, month or time zone
# follows ("Sat. July 12", "3:45 p.m. ET").
BEFORE_DATE = _words("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun a.m p.m A.M P.M")
DATE_OR_ZONE_RE = re.compile(
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|CET|CEST|UTC|IST|JST|HKT)\b)"
)

# The opening word of a piece, past any opening quotes or brackets.
FIRST_WORD_RE = re.compile(r"[\"'“‘«(\[]*([^\W\d_][\w'’-]*)")

# A capitalised attribution: a capitalised word and at most five more words,
# then a speech verb ("Putin asked", "Colts interim coach Bruce Arians asked").
CAPITALISED_ATTRIBUTION_RE = re.compile(
    r"[A-Z][\w'’.-]*\s+(?:[^\W\d_][\w'’.-]*\s+){0,5}(" + "|".join(sorted(SPEECH_VERBS)) + r")\b"
)

# A closing quotation mark right after sentence-final ! or ? : '"Stop!"'.
EXCLAIMED_QUOTE_END_RE = re.compile(r"[!?][\"”’'»]+$")

# Characters that close a quotation whose speaker follows ('...was emphasized,"').
ATTRIBUTION_LEAD_IN = frozenset(",;:—–-…")

# Languages that write ordinals with a period ("am 3. Oktober", "3. května"):
# there a boundary after a one- to three-digit number before a word is undone.
ORDINAL_DOT_LANGUAGES = _words(
    """
    de da no nb nn fi cs sk pl hu hr sl sr bs et lv lt tr is fo
    """
)

# A one- to three-digit number with its period closing a piece: "am 3."
ORDINAL_END_RE = re.compile(r"(?:^|\s)\d{1,3}\.$")
