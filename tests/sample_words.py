"""Words that generated sentences are drawn from: names, numbers, a transliteration, clause
marks and punctuation of news text, so normalisation, names, numbers and clauses all come up.
"""

NEWS_WORDS = [
    "the",
    "police",
    "said",
    "minister",
    "Lavrov",
    "met",
    "Wang",
    "Yi",
    "in",
    "Beijing",
    "on",
    "Sunday",
    "12",
    "people",
    "died",
    "earthquake",
    "struck",
    "Peru",
    "rates",
    "rose",
    "5.25%",
    ",",
    ".",
    ";",
    "which",
    "while",
    "—",
    "U.S.",
]
