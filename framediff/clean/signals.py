"""Line-level signals for the text-page cleaner: prose measures and page-chrome patterns.

Each function looks at one line and says what it looks like (prose class,
known chrome, date line, caption ...); deciding what to keep, with the line's
neighbours, is ``text_page``'s job. Known clutter phrases live in
``framediff/data/cleaning_clutter.tsv``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from framediff.clean.language import stopwords
from framediff.clean.metadata import MONTHS, is_relative_time, parse_date

ProseClass = Literal["good", "near", "short"]
Scope = Literal["line", "stop", "teaser"]

# A word for counting: letters/digits with inner apostrophes, dots or hyphens.
_WORD_RE = re.compile(r"\w+(?:['’.\-]\w+)*")
# A character of a script written without spaces (Han, kana, Thai): counted per character.
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
_FINAL_RE = re.compile(r"[.!?。！？…:;][\"'”’»)\]）」』]*\s*$")
# A line cut short by a teaser list: ends in "...", "…" or "[…]" (not a quoted trail-off).
_TRUNCATED_RE = re.compile(r"(?:\.\.\.|…|\[(?:…|\.\.\.)\])\s*$")
# 27.2 C · 31°C · -3 °F · 18°
_WEATHER_RE = re.compile(
    r"^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]?$|^-?\d{1,3}(?:[.,]\d)?\s*°\s*[CF]?\b.{0,30}$"
)
# A video duration: 02:08 · 1:02:33
_DURATION_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# A live-blog time stamp: 14:32 BST · 2.32pm · 09:15 GMT+1 · 10:42 a.m. ET
# (a bare "02:08" is a video duration, see _DURATION_RE)
_TIMESTAMP_RE = re.compile(
    r"^\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}(?:[+-]\d{1,2})?)$"
    r"|^\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?$|^\d{1,2}h\d{2}$",
    re.I,
)
# A weekday or date standing alone: "Monday, December 4, 2023", "Monday, 14 July 2025", "13 July"
_WEEKDAY_RE = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s|"
    r"^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b",
    re.I,
)
# A photo credit that marks a caption: "Photo: Umit Bektas/Reuters", "(AP Photo/Ghaith Alsayed)",
# "REUTERS/Name", "Image: Getty Images", "AFP via Getty Images", "Photograph: ..."
_CAPTION_RE = re.compile(
    r"(?:\b(?:photo|photograph|image|picture|credit|foto|illustration|file photo|pic)s?\s*(?:credit)?\s*(?:[:/©]|\.\.\.|…)"
    r"|\((?:AP|AFP|Reuters|EPA|Getty)?\s*Photo\b[^)]*\)|\b(?:REUTERS|AFP|EPA|AP)/[A-Z]"
    r"|\bvia Getty Images\b|/\s*via\s+(?:REUTERS|AP|AFP|Getty Images|EPA)\b"
    r"|/\s*Handout\b|\bHandout\s*\)?\s*/|\)\s*/\s*(?:Reuters|REUTERS|AP|AFP|EPA|Getty Images|Xinhua|Bloomberg)\s*$"
    r"|^[\w .'’-]{2,40}/(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Kyodo|Xinhua|Bloomberg)$|\bGetty Images\s*$|\b(?:Photo|Image)\s+by\s+[A-Z]|^(?:Image|Photo|Foto)\s*:"
    r"|^(?:Getty Images|Reuters|AFP|AP|EPA|EPA-EFE|PA Media|PA|Shutterstock|Alamy|Bloomberg|"
    r"Xinhua|Anadolu|NurPhoto|SOPA Images|Sipa|ANSA|dpa|Associated Press)(?:\s+via\s+[\w ]+)?$)",
    re.I,
)
# A link or handle: http://, www., e-mail addresses, @handles
# (The address's part before "@" is at most 64 characters, RFC 5321: unbounded, the
# search retried it from every position of a long line and took quadratic time.)
_LINK_RE = re.compile(r"https?://|\bwww\.|\b[\w.+-]{1,64}@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}")
# A byline: "By Anna de Vries", "By JEFF AMY and KATE BRUMBACK", "By Lena Visser · 18 March 2024"
_BYLINE_RE = re.compile(
    r"^(?:(?:Story|Written|Words|Text|Reporting|Reported|Analysis|Article)\s+by|By|BY|Par|PAR|Von|VON|Por|POR|Di|От):?\s+[A-ZÀ-ÖØ-ÞА-Я][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞА-Я][\w'’.-]*|and|&|de|van|von|der|da|di|del|la|le|et|und|y),?)*"
    r"\s*(?:(?:[·|•,–—-]|\bin\b)\s*.{0,60})?$"
)
# A byline naming the writer's role: "Tom Phillips, Latin America correspondent".
_ROLE_BYLINE_RE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3},\s+(?:[\w'’-]+\s+){0,4}"
    r"(?:correspondent|editor|reporter|writer|journalist|columnist|producer|analyst)s?$"
)
# A word of letters.
_LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# A word glued to the figure before it ("2024Updated"); ordinals ("18th") stay whole.
_GLUED_WORD_RE = re.compile(r"(?<=\d)(?=[A-Za-z]{3,})")
# A navigation menu on one line: "World News | U.S. News | Politics | Sports".
_MENU_SEPARATOR_RE = re.compile(r"\s+[|·•]\s+")
# A label before a publication stamp: "Updated 11:02 a.m. ET", "Issued on: 08/08/2024 - 10:12".
_STAMP_LABEL_RE = re.compile(
    r"^(?:first\s+)?(?:published|updated|last updated|posted|issued|modified|edited)"
    r"(?:\s+on)?\s*:?\s+",
    re.I,
)
# An author bio: "Tom Reyes is an urban planner and a visiting fellow at ..."
_BIO_RE = re.compile(
    # One to four capitalised names: "Julius is an LA entertainment reporter for ..."
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+(?:(?:is|was|has been)\s+(?:an?|the)\s+"
    r"(?:[\w-]+,?\s+(?:and\s+)?){0,4}(?i:professor|lecturer|fellow|correspondent|editor|"
    r"columnist|reporter|writer|journalist|author|analyst|researcher|director|planner|"
    r"economist|contributor|commentator|historian|scientist|lawyer|consultant|novelist|"
    r"producer|educator|founder)\b"
    # "Lena Morris has been writing about central banks ... for more than a decade."
    r"|(?:has|have)\s+(?:been\s+)?(?:writing|reporting|covering)\s+(?:about|on)?\b"
    # "Tomas joined the Herald in March 2017."
    r"|joined\s+[\w .&'’-]{2,40}\s+in\s+(?:\w+\s+)?\d{4}\b)"
)
# "You"/"your" addressing the reader: with an imperative or a product word, a prompt.
# (Not Spanish "su", which is also "his" and "her", and Italian for "on".)
_SECOND_PERSON_RE = re.compile(r"\b(?:you|your|yours|vous|votre|vos|sie|ihr|usted|tu)\b", re.I)
_PROMPT_VERB_RE = re.compile(
    r"^(?:download|install|get|try|explore|subscribe|sign|follow|join|register|click|tap|write|"
    r"enter|log|read|watch|listen|discover|ready|want|don'?t miss|découvrez|abonnez|inscrivez)\b",
    re.I,
)
_APP_WORD_RE = re.compile(r"\b(?:app|apps|app store|play store|download)\b", re.I)
_MAIL_WORD_RE = re.compile(r"\b(?:newsletter|inbox|e-?mail|(?:un)?subscribe|sign up)\b", re.I)
# The last sentence of a line of several.
_LAST_SENTENCE_RE = re.compile(r"[.!?]\s+([^.!?]+[.!?]?)$")
# Opening quotation marks: a line that quotes someone is never a reader prompt.
_QUOTE_CHARS = "\"“”«»„‘’'"


@dataclass(frozen=True)
class ClutterRule:
    reason: str
    scope: Scope
    pattern: re.Pattern[str]


@cache
def clutter_rules() -> tuple[ClutterRule, ...]:
    """The phrase rules of ``framediff/data/cleaning_clutter.tsv``, in file order."""
    text = resources.files("framediff").joinpath("data/cleaning_clutter.tsv").read_text("utf-8")
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        reason, scope, pattern = line.split("\t", 2)
        assert scope in ("line", "stop", "teaser"), scope
        rules.append(ClutterRule(reason, scope, re.compile(pattern, re.I)))  # type: ignore[arg-type]
    return tuple(rules)


def word_count(line: str) -> int:
    """Words, with each character of an unspaced script (Chinese, Japanese) as half a word."""
    unspaced = len(_UNSPACED_RE.findall(line))
    return len(_WORD_RE.findall(line)) + unspaced // 2


def stopword_density(line: str, language: str) -> float:
    """Share of words that are stop words of ``language`` (jusText's lists)."""
    words = [word.lower() for word in _WORD_RE.findall(line)]
    stops = stopwords(language)
    if not words or not stops:
        return 0.0
    return sum(1 for word in words if word in stops) / len(words)


def ends_sentence(line: str) -> bool:
    return bool(_FINAL_RE.search(line))


def is_truncated(line: str) -> bool:
    return bool(_TRUNCATED_RE.search(line)) and word_count(line) < 40


def prose_class(line: str, language: str) -> ProseClass:
    """jusText-style class: ``good`` (a paragraph of prose), ``near`` or ``short``."""
    words = word_count(line)
    unspaced = bool(_UNSPACED_RE.search(line))
    if unspaced or not stopwords(language):
        # No stop list: length and sentence punctuation carry the decision.
        if words >= 12 and ends_sentence(line):
            return "good"
        return "near" if words >= 6 else "short"
    density = stopword_density(line, language)
    if words >= 8 and density >= 0.25 and (ends_sentence(line) or words >= 25):
        return "good"
    if words >= 5 and density >= 0.15:
        return "near"
    return "short" if words < 5 else "near"


# The mark a list item opens with: a number or bullet ("1)", "•", "12."), or a date
# ("June 9 – Tampa, FL", "9 June: ...").
_LIST_NUMBER_RE = re.compile(r"^(?:[-•*▪–·]\s|\d{1,3}[.)]\s|\(\d{1,3}\)\s)")
_LIST_DATE_RE = re.compile(r"^(?:([^\W\d_]{3,10})\.?\s+\d{1,2}\b|\d{1,2}\s+([^\W\d_]{3,10})\b)")


def list_mark(line: str) -> str | None:
    """``number`` or ``date`` for a line that opens like a list item, else None."""
    if _LIST_NUMBER_RE.match(line):
        return "number"
    date = _LIST_DATE_RE.match(line)
    if date and (date.group(1) or date.group(2) or "").lower() in MONTHS:
        return "date"
    return None


# Where a headline glued to a summary may end: the first 15 words.
_TITLE_SPAN = 15


def is_glued_teaser(line: str) -> bool:
    """A teaser card copied as one line: a headline in title case run into its summary
    ("Council To Vote On Harbour Plan Councillors will decide ..."). Two capitalised
    function words ("To", "On") inside a sentence's first words mark title case; prose
    capitalises them only after a full stop."""
    words = line.split()[:_TITLE_SPAN]
    title_case = _title_case_words()
    capitalised = 0
    for previous, word in itertools.pairwise(words):
        if previous.endswith((".", "!", "?", ":", '"', "“", "”")):
            continue
        if word[:1].isupper() and word.lower() in title_case:
            capitalised += 1
    return capitalised >= 2


@cache
def _title_case_words() -> frozenset[str]:
    """The words of ``framediff/data/cleaning_title_case_words.tsv``."""
    path = resources.files("framediff").joinpath("data/cleaning_title_case_words.tsv")
    text = path.read_text("utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


def is_headline_like(line: str) -> bool:
    """A heading: a handful of words, no final full stop, starts with a capital/digit/quote."""
    words = word_count(line)
    if not 2 <= words <= 25 or line.rstrip().endswith((".", ":", ",", ";")):
        return False
    first = line.lstrip()[:1]
    return (
        first.isupper()
        or first.isdigit()
        or first in _QUOTE_CHARS
        or bool(_UNSPACED_RE.match(first))
    )


def date_line_kind(line: str) -> bool:
    """A line that is only a date, a time, a weather reading or "N hours ago"."""
    # "Sept. 18, 2024Updated 3:47 p.m. ET": a stamp glued to the date before it.
    stripped = _GLUED_WORD_RE.sub(" ", _STAMP_LABEL_RE.sub("", line.strip()))
    if _WEATHER_RE.match(stripped) or _TIMESTAMP_RE.match(stripped) or is_relative_time(stripped):
        return True
    # Words of letters only: figures of dates and times do not make a line prose
    # ("Devdiscourse News Desk | Updated: 20-02-2025 21:48 IST | Created: ...").
    if (
        parse_date(stripped) is not None
        and min(word_count(stripped), len(_LETTER_WORD_RE.findall(stripped)) + 2) <= 12
        and not stripped.endswith((".", "!", "?", "。", "！", "？"))
    ):
        return True
    return bool(_WEEKDAY_RE.match(stripped)) and word_count(stripped) <= 6


def is_duration(line: str) -> bool:
    return bool(_DURATION_RE.match(line.strip()))


def is_caption(line: str) -> bool:
    return bool(_CAPTION_RE.search(line)) and word_count(line) <= 60


# News agencies that also sign articles, as opposed to photo agencies.
_NEWS_AGENCY_RE = re.compile(r"^(?:Reuters|AFP|AP|Associated Press|Xinhua|dpa|ANSA|Bloomberg|EFE)$")


def is_news_agency(line: str) -> bool:
    return bool(_NEWS_AGENCY_RE.match(line.strip()))


# Controls around a photo on a page: the caption sits between them and the credit.
_CAPTION_MARKER_RE = re.compile(
    r"^(?:enlarge this (?:image|photo)|(?:toggle|hide|show) caption)$", re.I
)


def is_caption_marker(line: str) -> bool:
    return bool(_CAPTION_MARKER_RE.match(line.strip()))


def is_credit_only(line: str) -> bool:
    """A photo credit on its own line; the caption often follows on the next line."""
    return is_caption(line) and word_count(line) <= 4


def is_byline(line: str) -> bool:
    stripped = line.strip()
    return bool(_BYLINE_RE.match(stripped) or _ROLE_BYLINE_RE.match(stripped)) and (
        word_count(line) <= 16
    )


def is_menu_line(line: str) -> bool:
    """Three or more short items between separators, none of them a sentence. (A row
    of a table, as trafilatura writes it, opens and closes with "|".)"""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|"):
        return False
    items = _MENU_SEPARATOR_RE.split(stripped)
    return len(items) >= 3 and all(
        1 <= word_count(item) <= 4 and not item.rstrip().endswith((".", "!", "?")) for item in items
    )


def is_author_bio(line: str) -> bool:
    """A one- or two-sentence note on who the writer is."""
    return bool(_BIO_RE.match(line.strip())) and word_count(line) <= 50


# A link or handle to its end: https://t.co/x, www.site.com/page, name@site.org, @handle
_LINK_TOKEN_RE = re.compile(
    r"https?://\S+|\bwww\.\S+|\b[\w.+-]{1,64}@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}"
)
# Words besides its links that make a line with a link a line of text: a list item
# with its shop link, an embedded post with its short link.
LINKED_TEXT_WORDS = 5


def is_link_like(line: str) -> bool:
    """A link, a handle or an address with little text around it."""
    if not _LINK_RE.search(line):
        return False
    return word_count(_LINK_TOKEN_RE.sub(" ", line)) < LINKED_TEXT_WORDS


def prompt_reason(line: str) -> str | None:
    """``app-prompt``/``newsletter``/``boilerplate`` for a line that addresses the reader."""
    if any(char in line for char in _QUOTE_CHARS) and not line.strip().endswith(":"):
        return None
    # A promotion that closes on a short call ("... newsletter. Sign up here.") is a prompt
    # whatever its first sentence says.
    last = _LAST_SENTENCE_RE.search(line.strip())
    if last and word_count(last.group(1)) <= 4 and _PROMPT_VERB_RE.match(last.group(1)):
        if _APP_WORD_RE.search(line):
            return "app-prompt"
        if _MAIL_WORD_RE.search(line):
            return "newsletter"
    addressed = bool(_SECOND_PERSON_RE.search(line))
    imperative = bool(_PROMPT_VERB_RE.match(line.strip()))
    if not addressed and not (imperative and word_count(line) <= 8):
        return None
    if not (
        imperative
        or line.strip().endswith(":")
        or _APP_WORD_RE.search(line)
        or _MAIL_WORD_RE.search(line)
    ):
        return None
    if _APP_WORD_RE.search(line):
        return "app-prompt"
    if _MAIL_WORD_RE.search(line):
        return "newsletter"
    return "boilerplate"


# A list bullet opening a line: "- ", "• ", "* ".
_BULLET_RE = re.compile(r"^[-•*▪–·]\s+")


def match_clutter(line: str) -> tuple[ClutterRule, bool] | None:
    """The first known-phrase rule that matches the line, and whether the match opens
    the line (a phrase that opens a line says more than one inside a sentence)."""
    # A list bullet ("- Order Reprints", as extracted HTML writes list items) is no
    # part of the phrase.
    squashed = _BULLET_RE.sub("", " ".join(line.split()))
    first: tuple[ClutterRule, bool] | None = None
    for rule in clutter_rules():
        match = rule.pattern.search(squashed)
        if match and match.start() == 0:
            return rule, True
        if match and first is None:
            first = rule, False
    return first
