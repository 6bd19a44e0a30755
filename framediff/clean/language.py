"""Language of an article, offline: writing system first, then stop-word overlap.

Scripts settle most non-Latin languages (Han without kana -> zh, kana -> ja,
Hangul -> ko, Arabic, Hebrew, Greek, Thai, Devanagari). Latin and Cyrillic
text is scored against jusText's stop-word lists (shipped with jusText, which
trafilatura already depends on). ``und`` when the text is too short or no
language stands out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

# ISO 639-1 code -> jusText stop-list name, for the scripts scored by stop words.
LATIN_LANGUAGES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian_Bokmal",
    "pl": "Polish",
    "cs": "Czech",
    "ro": "Romanian",
    "tr": "Turkish",
    "id": "Indonesian",
    "fi": "Finnish",
    "hu": "Hungarian",
}
CYRILLIC_LANGUAGES = {"ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "sr": "Serbian"}
ARABIC_LANGUAGES = {"ar": "Arabic", "fa": "Persian", "ur": "Urdu"}

# A word of letters (any script), for stop-word counting.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# An article's language shows in its first pages; longer texts are cut for speed.
SAMPLE_CHARS = 20000
# Fewer letters than this and any guess is noise.
MIN_LETTERS = 20


@cache
def stopwords(code: str) -> frozenset[str]:
    """Lower-cased stop words of a language code; empty for languages without a list."""
    name = {**LATIN_LANGUAGES, **CYRILLIC_LANGUAGES, **ARABIC_LANGUAGES}.get(code)
    if name is None:
        return frozenset()
    import justext

    try:
        return frozenset(word.lower() for word in justext.get_stoplist(name))
    except (ValueError, OSError):
        return frozenset()


@cache
def _non_final_table() -> dict[str, frozenset[str]]:
    from importlib import resources

    table = {}
    text = (
        resources.files("framediff").joinpath("data/cleaning_nonfinal_words.tsv").read_text("utf-8")
    )
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, words = line.split("\t", 1)
            table[code] = frozenset(words.split())
    return table


def non_final_words(code: str) -> frozenset[str]:
    """Words a sentence of ``code`` hardly ever ends on (English when unknown); empty
    for languages without a list, where only a lower-case next line rejoins."""
    table = _non_final_table()
    return table.get("en" if code == "und" else code, frozenset())


def _script(char: str) -> str | None:
    code = ord(char)
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "han"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
        return "hangul"
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "ARABIC", "HEBREW", "GREEK", "THAI", "DEVANAGARI"):
        if name.startswith(script):
            return script.lower()
    return "other"


def _scripts(text: str) -> Counter[str]:
    """Letters per script, in the order each script first appears: each distinct character
    is looked up once (a 20,000-character sample holds a few hundred)."""
    scripts: Counter[str] = Counter()
    for char, count in Counter(text).items():
        script = _script(char)
        if script:
            scripts[script] += count
    return scripts


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` ("en", "zh", "ru" ...) or "und"."""
    text = text[:SAMPLE_CHARS]
    scripts = _scripts(text)
    letters = sum(scripts.values())
    if letters < MIN_LETTERS:
        return "und"
    if scripts["kana"] >= 0.05 * letters:
        return "ja"
    if scripts["han"] >= 0.3 * letters:
        return "zh"
    fixed = {"hangul": "ko", "hebrew": "he", "greek": "el", "thai": "th", "devanagari": "hi"}
    top, count = scripts.most_common(1)[0]
    if top in fixed and count >= 0.5 * letters:
        return fixed[top]
    candidates = {
        "latin": LATIN_LANGUAGES,
        "cyrillic": CYRILLIC_LANGUAGES,
        "arabic": ARABIC_LANGUAGES,
    }
    if top not in candidates:
        return "und"
    return (
        _by_stopwords(text, candidates[top])
        or {"latin": "und", "cyrillic": "ru", "arabic": "ar"}[top]
    )


def _by_stopwords(text: str, languages: dict[str, str]) -> str | None:
    tokens = [word.lower() for word in _WORD_RE.findall(text[:20000])]
    if len(tokens) < 5:
        return None
    scores = sorted(
        (
            (sum(1 for token in tokens if token in stopwords(code)) / len(tokens), code)
            for code in languages
        ),
        reverse=True,
    )
    (best, code), (second, _) = scores[0], scores[1]
    # jusText's lists are long and overlap (English "a", French "a"): ask for a clear
    # lead and a real share of stop words.
    if best < 0.15 or best - second < 0.03:
        return None
    return code
