"""MultiLexiconVader gives vaderSentiment's results exactly, for both lexicons, in one pass
(lib/newstone/nlp/tone/vader.py)."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newstone.ingest.reader import iter_articles
from newstone.nlp.sentences import split_sentences
from newstone.nlp.tone.news import ascii_quotes, get_scorer
from newstone.nlp.tone.vader import MultiLexiconVader
from tests.helpers import shared_path

# --- helpers ---


# One case per VADER rule: boosters, caps, "kind of", "no", "least", "but", never/without,
# special cases and idioms, emoticons, emoji, punctuation emphasis, empty text.
RULE_CASES = [
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "Not bad at all",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601",
    "It has never been this good!",
    "Without a doubt, excellent idea.",
    "One of the least compelling variations.",
    "no no no good",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "kind of bad",
    "yeah right, that is the shit",
    ":) :D ok",
    "",
    "   ",
    "no",
    "the bomb was a kiss of death",
    "Good good good but bad bad.",
    "It is NOT good?? Really???",
    "He was never so happy",
    "sort of nice",
]


@pytest.fixture(scope="module")
def both():
    raw, news = get_scorer("vader")._analyzer, get_scorer("news")._analyzer
    return raw, news, MultiLexiconVader(raw, [raw.lexicon, news.lexicon])


def assert_exact(texts, both):
    raw, news, fast = both
    for text in texts:
        fast_raw, fast_news = fast.polarity(text)
        assert fast_raw == raw.polarity_scores(text), text
        assert fast_news == news.polarity_scores(text), text


# --- the same scores as vaderSentiment ---


def test_rule_cases_are_exact(both):
    assert_exact(RULE_CASES, both)


def test_sample_sentences_are_exact(both, sample_text):
    texts = [ascii_quotes(sample_text[s.start : s.end]) for s in split_sentences(sample_text)]
    assert_exact(texts + [sample_text[s.start : s.end] for s in split_sentences(sample_text)], both)


def test_a_fresh_analyzer_agrees_too():
    analyzer = SentimentIntensityAnalyzer()
    fast = MultiLexiconVader(analyzer, [analyzer.lexicon])
    for text in RULE_CASES:
        assert fast.polarity(text) == [analyzer.polarity_scores(text)]


@pytest.mark.shared
def test_thousands_of_real_sentences_are_exact(both):
    texts = []
    for article in iter_articles([str(shared_path("data", "bbc", "politics"))]):
        texts += [
            ascii_quotes(article.text[s.start : s.end]) for s in split_sentences(article.text, article.body_spans)
        ]
    assert len(texts) > 5000
    assert_exact(texts, both)
