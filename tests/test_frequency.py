"""framediff.frequency gives exactly wordfreq's word_frequency, without its whole table."""

from __future__ import annotations

import subprocess
import sys

import pytest

wordfreq = pytest.importorskip("wordfreq")

from framediff import frequency  # noqa: E402

WORDS = [
    "said",
    "minister",
    "handcuffed",
    "Moscow",
    "o'connor",
    "wasn't",
    "33-year-old",
    "los angeles",
    "usmagazine.com",
    "1999's",
    "2,500",
    "#12",
    "café",
    "naïve",
    "zzqxjv",
    "",
    "---",
]


@pytest.mark.parametrize("language", ["en", "fr", "de", "ru", "nb"])
def test_prefetched_words_get_wordfreqs_own_value(language: str) -> None:
    frequency.prefetch(WORDS, language)
    for word in WORDS:
        assert frequency.word_frequency(word, language) == wordfreq.word_frequency(
            word, language
        ), word


def test_a_word_not_prefetched_goes_to_wordfreq() -> None:
    assert frequency.word_frequency("ambassador", "es") == wordfreq.word_frequency(
        "ambassador", "es"
    )


def test_prefetch_does_not_build_wordfreqs_whole_table() -> None:
    code = (
        "import wordfreq\n"
        "from framediff import frequency\n"
        "frequency.prefetch(['said', \"o'connor\", '33-year-old'], 'en')\n"
        "value = frequency.word_frequency(\"o'connor\", 'en')\n"
        "print(wordfreq.get_frequency_dict.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "0"
