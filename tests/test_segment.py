"""The segmenter: news rules as tables, the span invariants with hypothesis,
real seed sentences, other scripts, pre-split input and lazy loading."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framediff.model import Article
from framediff.segment import segment_article, segment_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _sentences(text: str, language: str = "en") -> list[str]:
    return [s.text for s in segment_article(Article(origin="test", text=text, language=language))]


NEWS_RULES = [
    # Titles and abbreviations
    (
        "title-gov",
        "Gov. Brian Kemp of Ga. signed it. He left.",
        ["Gov. Brian Kemp of Ga. signed it.", "He left."],
    ),
    (
        "title-common-word-name",
        "Gov. Bill Lee spoke. Others did not.",
        ["Gov. Bill Lee spoke.", "Others did not."],
    ),
    (
        "title-military",
        "Lt. Gen. Ben Hodges and Sen. Smith met Rep. Jones.",
        ["Lt. Gen. Ben Hodges and Sen. Smith met Rep. Jones."],
    ),
    (
        "title-mr-mrs-dr",
        "Mr. Smith, Mrs. Jones and Dr. Lee came. They ate.",
        ["Mr. Smith, Mrs. Jones and Dr. Lee came.", "They ate."],
    ),
    (
        "name-ending-like-title",
        "He met Hun Sen. During the call he smiled.",
        ["He met Hun Sen.", "During the call he smiled."],
    ),
    (
        "saint",
        "He flew to St. Petersburg on Monday. It rained.",
        ["He flew to St. Petersburg on Monday.", "It rained."],
    ),
    (
        "dept",
        "The Dept. of Justice said so. Nobody else did.",
        ["The Dept. of Justice said so.", "Nobody else did."],
    ),
    (
        "months",
        "It opened on Jan. 5 and closed Feb. 2, 2024. It reopened.",
        ["It opened on Jan. 5 and closed Feb. 2, 2024.", "It reopened."],
    ),
    (
        "month-ends-sentence",
        "It closed on Jan. 5. The next day it opened.",
        ["It closed on Jan. 5.", "The next day it opened."],
    ),
    (
        "company-inc",
        "Astellas Pharma Inc. said it would appeal. Shares fell.",
        ["Astellas Pharma Inc. said it would appeal.", "Shares fell."],
    ),
    (
        "company-ends-sentence",
        "He works for Acme Co. In 2020 he left.",
        ["He works for Acme Co.", "In 2020 he left."],
    ),
    (
        "corp",
        "Sony Corp. and Toyota Motor Corp. agreed.",
        ["Sony Corp. and Toyota Motor Corp. agreed."],
    ),
    (
        "us-mid-sentence",
        "The U.S. casts China as its biggest competitor.",
        ["The U.S. casts China as its biggest competitor."],
    ),
    (
        "us-before-name",
        "U.S. President Donald Trump spoke. He left.",
        ["U.S. President Donald Trump spoke.", "He left."],
    ),
    (
        "us-ends-sentence",
        "He lives in the U.S. The rest live abroad.",
        ["He lives in the U.S.", "The rest live abroad."],
    ),
    (
        "un-uk-eu",
        "The U.N. and the E.U. met the U.K. envoy. Talks ended.",
        ["The U.N. and the E.U. met the U.K. envoy.", "Talks ended."],
    ),
    (
        "initial-middle",
        "President George W. Bush visited Pakistan in 2006.",
        ["President George W. Bush visited Pakistan in 2006."],
    ),
    (
        "initials-two",
        "J. K. Rowling wrote it. He met A. Smith later.",
        ["J. K. Rowling wrote it.", "He met A. Smith later."],
    ),
    (
        "initial-then-function-word",
        "They play in Group B. The final is in May.",
        ["They play in Group B.", "The final is in May."],
    ),
    # Numbers
    (
        "percent",
        "Spending rose to 3.5% of GDP. It fell later.",
        ["Spending rose to 3.5% of GDP.", "It fell later."],
    ),
    (
        "number-no",
        "He lives at No. 10 Downing Street. She does not.",
        ["He lives at No. 10 Downing Street.", "She does not."],
    ),
    ("no-as-word", "He said no. The talks ended.", ["He said no.", "The talks ended."]),
    (
        "decimal-money",
        "It cost $1.2 billion. That was a lot.",
        ["It cost $1.2 billion.", "That was a lot."],
    ),
    # Quotes and attribution
    (
        "quote-exclaim-lower",
        '"Stop!" he yelled. Then he left.',
        ['"Stop!" he yelled.', "Then he left."],
    ),
    (
        "quote-question-lower",
        '"Why?" asked Smith. Nobody knew.',
        ['"Why?" asked Smith.', "Nobody knew."],
    ),
    (
        "quote-question-capital",
        '"Is it over?" Putin asked. Nobody knew.',
        ['"Is it over?" Putin asked.', "Nobody knew."],
    ),
    (
        "quote-comma",
        '"We are ready," she said. The talks began.',
        ['"We are ready," she said.', "The talks began."],
    ),
    (
        "quote-final",
        'Putin called China an "ally." The U.S. disagreed.',
        ['Putin called China an "ally."', "The U.S. disagreed."],
    ),
    (
        "quote-multi-then-attribution",
        '"We came. We saw," he said. Then he left.',
        ['"We came. We saw," he said.', "Then he left."],
    ),
    (
        "quote-multi-curly",
        "“We came. We saw. We won,” he said.",
        ["“We came. We saw. We won,” he said."],
    ),
    (
        "quote-multi-single-curly",
        "‘We came. We saw,’ he said. Then.",
        ["‘We came. We saw,’ he said.", "Then."],
    ),
    (
        "quote-multi-leading-attribution",
        'He said: "We came. We saw." Then he left.',
        ['He said: "We came. We saw."', "Then he left."],
    ),
    (
        "quote-multi-unattributed",
        '"We came. We saw." He left soon after.',
        ['"We came. We saw."', "He left soon after."],
    ),
    (
        "quote-unclosed-paragraph",
        '"We came. We saw. And more',
        ['"We came.', "We saw.", "And more"],
    ),
    (
        "quote-ellipsis-unicode",
        '"The current focus is to… deepen ties," he said.',
        ['"The current focus is to… deepen ties," he said.'],
    ),
    (
        "quote-ellipsis-dots",
        '"The focus is to... deepen ties," he said. OK.',
        ['"The focus is to... deepen ties," he said.', "OK."],
    ),
    (
        "quote-with-apostrophe",
        "‘We don’t know. Nobody does,’ she said.",
        ["‘We don’t know. Nobody does,’ she said."],
    ),
    (
        "quote-multi-single-straight",
        "'We came. We saw,' he said. Then he left.",
        ["'We came. We saw,' he said.", "Then he left."],
    ),
    (
        "quote-single-unattributed",
        "He said it was 'absurd'. 'We came. We saw.' He left.",
        ["He said it was 'absurd'.", "'We came. We saw.'", "He left."],
    ),
    (
        "apostrophes-not-quotes",
        "In the '90s it grew. 'Yes. No,' she said of the Smiths' shop.",
        ["In the '90s it grew.", "'Yes. No,' she said of the Smiths' shop."],
    ),
    (
        "title-constable",
        "Police Const. Tim Fanning said so.",
        ["Police Const. Tim Fanning said so."],
    ),
    (
        "initial-rule-needs-a-name",
        '"We will not back down," Netanyahu said on X. "Never."',
        ['"We will not back down," Netanyahu said on X.', '"Never."'],
    ),
    (
        "time-zone-and-weekday",
        "Updated 3:45 p.m. ET, Sat. July 12, 2025",
        ["Updated 3:45 p.m. ET, Sat. July 12, 2025"],
    ),
    (
        "pm-ends-sentence",
        "It ends at 5 p.m. The delegates leave.",
        ["It ends at 5 p.m.", "The delegates leave."],
    ),
    (
        "jr-and-phd",
        "Martin Luther King Jr. said it. He holds a Ph.D. from MIT.",
        ["Martin Luther King Jr. said it.", "He holds a Ph.D. from MIT."],
    ),
    (
        "dc-ends-sentence",
        "He was born in Washington, D.C. His mother taught.",
        ["He was born in Washington, D.C.", "His mother taught."],
    ),
    (
        "brand-with-exclamation",
        '"She was professional," he told E! News. Then.',
        ['"She was professional," he told E! News.', "Then."],
    ),
    (
        "exclamation-ends-sentence",
        "Welcome to Democracy Now! Can you explain?",
        ["Welcome to Democracy Now!", "Can you explain?"],
    ),
    (
        "case-number",
        "He is charged in case No. VA089897 filed today.",
        ["He is charged in case No. VA089897 filed today."],
    ),
    ("upper-case-month", "MAR. 14, 2013, 8:12 PM", ["MAR. 14, 2013, 8:12 PM"]),
    (
        "dotted-initials",
        '"We are aware," general manager A.J. Smith said. He left.',
        ['"We are aware," general manager A.J. Smith said.', "He left."],
    ),
    (
        "us-agency",
        "He cited the U.S. Fish and Wildlife Service. It agreed.",
        ["He cited the U.S. Fish and Wildlife Service.", "It agreed."],
    ),
    (
        "us-then-function-word",
        "He lives in the U.S. Many Americans do.",
        ["He lives in the U.S.", "Many Americans do."],
    ),
    (
        "spaced-ellipsis",
        "I saw her fall back . . . then blood. Then . . . nothing.",
        ["I saw her fall back . . . then blood.", "Then . . . nothing."],
    ),
    (
        "clock-ends-sentence",
        "He arrived at 4 p.m. Police said he left.",
        ["He arrived at 4 p.m.", "Police said he left."],
    ),
    (
        "clock-before-weekday-and-zone",
        "It opens at 9 a.m. Friday and closes at 5 p.m. EST daily.",
        ["It opens at 9 a.m. Friday and closes at 5 p.m. EST daily."],
    ),
    (
        "quote-question-long-attribution",
        '"Would we have won without him?" Colts interim coach Bruce Arians asked. Yes.',
        ['"Would we have won without him?" Colts interim coach Bruce Arians asked.', "Yes."],
    ),
    (
        "quote-question-then-sentence",
        '"Why?" The president said nothing.',
        ['"Why?"', "The president said nothing."],
    ),
    (
        "possessive-after-abbreviation",
        "The D.A.'s office says so. Fine.",
        ["The D.A.'s office says so.", "Fine."],
    ),
    (
        "comma-after-quoted-question",
        'The subtitle "Is it fit?", was printed. Then.',
        ['The subtitle "Is it fit?", was printed.', "Then."],
    ),
    (
        "ok-ends-sentence",
        '"Everyone was OK." Pigeon said police left.',
        ['"Everyone was OK."', "Pigeon said police left."],
    ),
    (
        "ill-ends-sentence",
        "He fell ill. Doctors said he would recover.",
        ["He fell ill.", "Doctors said he would recover."],
    ),
    # Brackets
    (
        "parenthesis",
        "(Reporting by A. Smith. Editing by B. Jones.) More follows.",
        ["(Reporting by A. Smith. Editing by B. Jones.)", "More follows."],
    ),
    (
        "parenthesis-inner-stop",
        "Sales rose (about 5. 2 percent). Then they fell.",
        ["Sales rose (about 5. 2 percent).", "Then they fell."],
    ),
    (
        "bracket-unclosed",
        "Sales rose (about 5. Then they fell.",
        ["Sales rose (about 5.", "Then they fell."],
    ),
    # Lower-case and cased-inside words
    (
        "lowercase-continues",
        "It was... well, fine. They left.",
        ["It was... well, fine.", "They left."],
    ),
    (
        "camel-case-starts",
        "Sales of the iPhone fell. iPhone sales rose.",
        ["Sales of the iPhone fell.", "iPhone sales rose."],
    ),
    # Lines
    (
        "headline-line",
        "Russia and China discuss Ukraine war\n\nThe talks ended. Both left.",
        ["Russia and China discuss Ukraine war", "The talks ended.", "Both left."],
    ),
    (
        "standfirst-line",
        "Talks end without deal\nA summary line without a stop\nBody text here.",
        ["Talks end without deal", "A summary line without a stop", "Body text here."],
    ),
    (
        "no-crossing-newline",
        "He met Gov.\nBrian Kemp was there.",
        ["He met Gov.", "Brian Kemp was there."],
    ),
    (
        "no-crossing-quote-over-lines",
        '"We came.\nWe saw," he said.',
        ['"We came.', 'We saw," he said.'],
    ),
    (
        "crlf-and-line-separator",
        "One line\r\nTwo. Three\u2028Four",
        ["One line", "Two.", "Three", "Four"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in NEWS_RULES], ids=[case[0] for case in NEWS_RULES]
)
def test_news_rules(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


OTHER_SCRIPTS = [
    (
        "zh",
        "zh",
        "中国和俄罗斯举行会谈。双方讨论了乌克兰问题！会谈结束了吗？是的",
        ["中国和俄罗斯举行会谈。", "双方讨论了乌克兰问题！", "会谈结束了吗？", "是的"],
    ),
    (
        "zh-closing-quote",
        "zh",
        "他说：“我们准备好了。”会谈开始。",
        ["他说：“我们准备好了。”", "会谈开始。"],
    ),
    (
        "ja",
        "ja",
        "外相は会談した。詳細は不明だ．価格は３．５％上昇",
        ["外相は会談した。", "詳細は不明だ．", "価格は３．５％上昇"],
    ),
    (
        "ar",
        "ar",
        "هل انتهت المحادثات؟ قال الوزير إنها مستمرة.",
        ["هل انتهت المحادثات؟", "قال الوزير إنها مستمرة."],
    ),
    ("ur", "ur", "وزیر نے کہا۔ بات چیت جاری ہے۔", ["وزیر نے کہا۔", "بات چیت جاری ہے۔"]),
    ("hi", "hi", "मंत्री ने बात की। वार्ता जारी है।", ["मंत्री ने बात की।", "वार्ता जारी है।"]),
    (
        "ru",
        "ru",
        "Лавров прибыл в Пекин. В. В. Путин сказал: «Мы готовы». Рост 3.5%!",
        ["Лавров прибыл в Пекин.", "В. В. Путин сказал: «Мы готовы».", "Рост 3.5%!"],
    ),
    ("ru-lowercase", "ru", "Что дальше? — спросил он.", ["Что дальше? — спросил он."]),
    (
        "fr",
        "fr",
        "Le président M. Macron est arrivé. Il a dit « merci ».",
        ["Le président M. Macron est arrivé.", "Il a dit « merci »."],
    ),
    (
        "fr-newline",
        "fr",
        "Titre\nPremière phrase. Deuxième phrase!",
        ["Titre", "Première phrase.", "Deuxième phrase!"],
    ),
    (
        "de-ordinal",
        "de",
        "Am 3. Oktober kam Dr. Müller. Dann ging er.",
        ["Am 3. Oktober kam Dr. Müller.", "Dann ging er."],
    ),
    (
        "fr-ordinal-not-joined",
        "fr",
        "Il avait 3. Puis il partit.",
        ["Il avait 3.", "Puis il partit."],
    ),
    (
        "de-abbreviation-before-noun",
        "de",
        "Es kostet 5 Mrd. Euro. Das ist viel.",
        ["Es kostet 5 Mrd. Euro.", "Das ist viel."],
    ),
    ("zh-ascii-marks", "zh", "真的吗?是的!好", ["真的吗?", "是的!", "好"]),
    ("und-cjk", "und", "会谈结束。双方满意。", ["会谈结束。", "双方满意。"]),
    (
        "und-latin-uses-punkt",
        "und",
        "Mr. Smith left. He was sad.",
        ["Mr. Smith left.", "He was sad."],
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [case[1:] for case in OTHER_SCRIPTS],
    ids=[case[0] for case in OTHER_SCRIPTS],
)
def test_other_scripts(language: str, text: str, expected: list[str]) -> None:
    assert _sentences(text, language) == expected


def test_english_punkt_is_not_used_for_chinese() -> None:
    # Punkt knows no 。 and would return the line whole.
    assert len(_sentences("会谈结束。双方满意。", "zh")) == 2


def _seed_line(name: str, startswith: str) -> str:
    for line in (SEEDS / name).read_text(encoding="utf-8").splitlines():
        if line.startswith(startswith):
            return line
    raise AssertionError(f"{startswith!r} not in {name}")


SEED_000 = "000_25922bad8d9c08c5.txt"


def test_seed_000_attributed_quote_and_us_stay_whole() -> None:
    lines = [
        _seed_line(SEED_000, "President Vladimir Putin's foreign minister"),
        _seed_line(SEED_000, '"The parties also discussed'),
        _seed_line(SEED_000, '"The importance of strengthening'),
        _seed_line(SEED_000, "China and Russia declared"),
        _seed_line(SEED_000, "The U.S. casts China"),
    ]
    sentences = _sentences("\n\n".join(lines))
    assert sentences == [
        "President Vladimir Putin's foreign minister, Sergey Lavrov, met Chinese Foreign Minister Wang Yi, in Beijing on Sunday.",
        "Lavrov is due to attend a meeting of the Shanghai Cooperation Organization's foreign ministers in China.",
        '"The parties also discussed relations with the United States and prospects for resolving the Ukrainian crisis," the Foreign Ministry said.',
        '"The importance of strengthening close coordination between the two countries in the international arena, including in the United Nations and its Security Council, the SCO, BRICS, the G20 and APEC, was emphasized," the ministry said.',
        'China and Russia declared a "no limits" partnership in February 2022 when Putin visited Beijing, days before he sent tens of thousands of troops into Ukraine.',
        'Putin has sometimes described China as an "ally."',
        "The U.S. casts China as its biggest competitor and Russia as its biggest nation-state threat.",
    ]


def test_seed_001_parenthesised_lists_and_quotes() -> None:
    line = _seed_line("001_a426523f9bff1c04.txt", "Such concerted action aims")
    assert _sentences(line) == [
        'Such concerted action aims to "promote the development and revitalization of each other," as stated by China\'s Foreign Ministry, and to collectively address the multifaceted challenges presented by an increasingly turbulent global environment.',
        "The emphasis on these multilateral bodies signals a shared ambition to foster a more multipolar world order.",
    ]


def _seed_sentence_after(name: str, fragment: str) -> list[str]:
    """The sentences of the seed line holding ``fragment``."""
    for line in (SEEDS / name).read_text(encoding="utf-8").splitlines():
        if fragment in line:
            return _sentences(line)
    raise AssertionError(f"{fragment!r} not in {name}")


@pytest.mark.parametrize(
    ("name", "fragment", "expected"),
    [
        (
            "002_9d8298998e40080e.txt",
            "'No, I don't intend to do that,'",
            "'No, I don't intend to do that,' Lukashenko said in a video interview released on Friday with the US Time magazine in Minsk.",
        ),
        (
            "000_25922bad8d9c08c5.txt",
            "Hun Sen. During the call",
            "During the call, which discussed the ongoing border dispute between the two nations, the Thai leader appeared to side with Hun Sen and accused a Thai general of being 'completely aligned' with her political opponents.",
        ),
        (
            "000_25922bad8d9c08c5.txt",
            "Aug. 15",
            "Patriotism is expected to be on the rise in China as the nation nears a period that includes Aug. 15, which marks the anniversary of the end of **World War II**, and also Sept. 3, which China celebrates as the anniversary of its victory over Japan.",
        ),
        (
            "000_25922bad8d9c08c5.txt",
            "Astellas Pharma Inc.",
            "The man, an employee of drugmaker Astellas Pharma Inc., had been detained by Chinese authorities since March 2023.",
        ),
        (
            "000_25922bad8d9c08c5.txt",
            "President George W. Bush",
            "If confirmed, the visit would be the first by a U.S. president since nearly two decades ago, when President George W. Bush visited Pakistan in 2006.",
        ),
    ],
    ids=[
        "seed-002-quote-attribution",
        "seed-000-name-like-title",
        "seed-000-month",
        "seed-000-inc",
        "seed-000-initial",
    ],
)
def test_seed_sentences_come_out_whole(name: str, fragment: str, expected: str) -> None:
    assert expected in _seed_sentence_after(name, fragment)


def test_sentences_carry_index_and_offsets() -> None:
    text = "Headline\n\nFirst one. Second one.\n\n  Third one.  "
    sentences = segment_article(Article(origin="t", text=text))
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    assert [(s.start, s.end) for s in sentences] == [(0, 8), (10, 20), (21, 32), (36, 46)]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_presplit_lines_are_the_sentences() -> None:
    lines = ("First. Still first, not split.", "Second line", "Mr. Third.")
    article = Article(origin="t", text="\n".join(lines), presplit=lines)
    assert [s.text for s in segment_article(article)] == list(lines)
    assert [s.start for s in segment_article(article)] == [0, 31, 43]


def test_presplit_that_does_not_match_text_uses_its_lines() -> None:
    article = Article(origin="t", text="One. Two.\nThree", presplit=("other",))
    assert [s.text for s in segment_article(article)] == ["One. Two.", "Three"]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n\n", " \t\u3000\n \u2028 "],
    ids=["empty", "spaces", "newlines", "unicode-space"],
)
def test_blank_text_has_no_sentences(text: str) -> None:
    assert segment_article(Article(origin="t", text=text)) == ()


_ALPHABET = st.one_of(
    st.sampled_from(list("ab AZ.,!?;:\"'“”‘’«»()[]…\n\r\t\u2028。！？؟।．-0123456789%$")),
    st.characters(codec="utf-8"),
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_ALPHABET, max_size=200),
    language=st.sampled_from(["en", "zh", "ru", "de", "und"]),
)
def test_spans_round_trip_and_cover_text(text: str, language: str) -> None:
    sentences = segment_article(Article(origin="t", text=text, language=language))
    covered = [False] * len(text)
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        assert not any(char in sentence.text for char in "\n\r\u2028\u2029\x85\x0b\x0c")
        previous_end = sentence.end
        for offset in range(sentence.start, sentence.end):
            covered[offset] = True
    assert all(covered[i] for i, char in enumerate(text) if not char.isspace())


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(
        st.text(st.characters(codec="utf-8", exclude_characters="\n"), max_size=40), max_size=6
    )
)
def test_presplit_round_trips(lines: list[str]) -> None:
    article = Article(origin="t", text="\n".join(lines), presplit=tuple(lines))
    sentences = segment_article(article)
    assert all(article.text[s.start : s.end] == s.text for s in sentences)
    assert [s.text for s in sentences] == [line.strip() for line in lines if line.strip()]


def test_five_thousand_sentences_split_quickly() -> None:
    paragraph = (
        'Gov. Brian Kemp said on Jan. 5 that the U.S. economy grew 3.5%. "We came. We saw," he said. '
        "Mr. Smith disagreed (strongly). Sales at Acme Inc. fell.\n\n"
    )
    text = paragraph * 1250
    segment_text("Warm up.")
    started = time.perf_counter()
    sentences = segment_text(text)
    elapsed = time.perf_counter() - started
    assert len(sentences) == 5000
    assert elapsed < 5.0


def test_importing_segment_does_not_load_nltk() -> None:
    code = (
        "import sys, framediff, framediff.segment\n"
        "assert 'nltk' not in sys.modules\n"
        "from framediff.model import Article\n"
        "from framediff.segment.english import tokenizer\n"
        "framediff.segment.segment_article(Article(origin='t', text='One. Two.'))\n"
        "assert tokenizer.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_splitting_loads_punkt_alone_and_leaves_nltk_whole() -> None:
    # Punkt is loaded without NLTK's package __init__; no half-loaded nltk may stay
    # behind, so a later import gets the whole package.
    code = (
        "import sys\n"
        "from framediff.segment import segment_text\n"
        "assert segment_text('Gov. Brian Kemp signed it. He left.') == "
        "['Gov. Brian Kemp signed it.', 'He left.']\n"
        "assert not [m for m in sys.modules if m == 'nltk' or m.startswith('nltk.')]\n"
        "import nltk\n"
        "assert callable(nltk.download) and callable(nltk.sent_tokenize)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_nltk_data_is_never_looked_up() -> None:
    # No download and no nltk.data search: the model comes from package data,
    # so an empty NLTK_DATA and a download that fails change nothing.
    code = (
        "import nltk, nltk.data\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('nltk data lookup')\n"
        "nltk.download = refuse\n"
        "nltk.data.find = refuse\n"
        "nltk.data.load = refuse\n"
        "from framediff.segment import segment_text\n"
        "assert segment_text('Gov. Brian Kemp signed it. He left.') == "
        "['Gov. Brian Kemp signed it.', 'He left.']\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={"NLTK_DATA": "/nonexistent", "PATH": ""}
    )


def test_shipped_model_matches_its_source_package() -> None:
    from punkt.data import english

    from framediff.segment.english import _read_lines

    assert set(_read_lines("abbrev_types.txt")) == set(english.ABBREV_TYPES)
    assert set(_read_lines("sent_starters.txt")) == set(english.SENT_STARTERS)
    assert {tuple(line.split("\t")) for line in _read_lines("collocations.tab")} == set(
        english.COLLOCATIONS
    )
    ortho = dict(line.split("\t") for line in _read_lines("ortho_context.tab"))
    assert {word: int(flags) for word, flags in ortho.items()} == dict(english.ORTHO_CONTEXT)


def test_tokenizer_knows_punkt_and_news_abbreviations() -> None:
    from framediff.segment.english import tokenizer

    abbreviations = tokenizer()._params.abbrev_types
    assert {"u.s", "inc", "jan", "gov", "lt", "dept", "e.u"} <= abbreviations
    assert "no" not in abbreviations  # "said no." ends sentences
    assert "ok" not in abbreviations  # "it was OK." too
