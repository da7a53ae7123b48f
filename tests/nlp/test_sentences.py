"""Sentence splitting with our Punkt parameters: offsets exact, news abbreviations kept
(lib/newstone/nlp/sentences.py)."""

import pytest

from newstone.nlp.sentences import split_sentences
from tests.helpers import shared_path

# --- splitting news text ---


def sentences(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S. officials met U.N. envoys. They agreed.", ["U.S. officials met U.N. envoys.", "They agreed."]),
        ("He lives in the U.S. The plan failed.", ["He lives in the U.S.", "The plan failed."]),
        (
            "Sen. Lindsey Graham and Rep. Adam Schiff spoke. Gov. Newsom did not.",
            ["Sen. Lindsey Graham and Rep. Adam Schiff spoke.", "Gov. Newsom did not."],
        ),
        (
            "Gen. Mark Milley and Lt. Col. Vindman met Mr. and Mrs. Smith on Jan. 5 and Sept. 9. Done.",
            ["Gen. Mark Milley and Lt. Col. Vindman met Mr. and Mrs. Smith on Jan. 5 and Sept. 9.", "Done."],
        ),
        (
            "John F. Kennedy and George W. Bush were presidents. Yes.",
            ["John F. Kennedy and George W. Bush were presidents.", "Yes."],
        ),
        (
            "\u201cIt\u2019s incredibly concerning.\u201d Miller said so.",
            ["\u201cIt\u2019s incredibly concerning.\u201d", "Miller said so."],
        ),
        ('"We will win." He left.', ['"We will win."', "He left."]),
        (
            "It could\u2026depending on the weapons\u2026violate rules. Next.",
            ["It could\u2026depending on the weapons\u2026violate rules.", "Next."],
        ),
        ("He said... and then stopped. Fine.", ["He said... and then stopped.", "Fine."]),
        ("Gen. He Jiankui spoke. Fine.", ["Gen. He Jiankui spoke.", "Fine."]),
        # two initials and the surname: one sentence (Punkt knows single initials only)
        (
            "Phillips chairman C.J. Silas said output would rise. He left.",
            ["Phillips chairman C.J. Silas said output would rise.", "He left."],
        ),
        ("The firm was bought by A.B. It grew.", ["The firm was bought by A.B.", "It grew."]),
    ],
)
def test_split_cases(text, expected):
    assert sentences(text) == expected


def test_never_crosses_a_blank_line_and_numbers_paragraphs():
    text = "First para has no period\n\nSecond para. Two sentences.\n \nThird"
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First para has no period",
        "Second para.",
        "Two sentences.",
        "Third",
    ]
    assert [s.paragraph_id for s in spans] == [0, 1, 1, 2]


def test_regions_limit_the_split_and_offsets_are_exact():
    text = "Headline\n\nBy Someone\n\nBody one. Body two."
    regions = [(0, 8), (text.index("Body one"), len(text))]
    spans = split_sentences(text, regions)
    assert [text[s.start : s.end] for s in spans] == ["Headline", "Body one.", "Body two."]


def test_sample_article_sentences_round_trip(sample_text):
    spans = split_sentences(sample_text)
    assert len(spans) > 25
    for s in spans:
        piece = sample_text[s.start : s.end]
        assert piece == piece.strip() and piece


def test_a_run_on_sentence_is_cut_at_commas_into_bounded_pieces():
    """An unpunctuated transcript must not become one huge sentence: every cue in it would
    carry the rest of it as content (quadratic time). Pieces end at a comma or space."""
    from newstone.nlp.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = "Head\n\n" + " ".join(f"the minister said item {i} was fine, and" for i in range(400)) + " so on."
    sentences = split_sentences(text, [(6, len(text))])
    assert len(sentences) > 1 and all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.end - 1] in ",d." for s in sentences)  # a comma, a word end, the full stop
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert covered.replace(" ", "") == text[6:].replace(" ", "")  # nothing lost, nothing doubled


# --- the fast Punkt plumbing (re instead of nltk.redos) must not change a single span ---


PUNKT_TRICKY = [
    "U.S. officials met U.N. envoys. They agreed.",
    "Prices rose 3.5 per cent. The 1.2.3 release... shipped! Did it? Yes.",
    'He said: "Go." (Then left.) [Sic.] {Odd.} Done.',
    "Lt. Col. J. R. R. Tolkien met Ms. O'Neil at 5 p.m. Fine -- maybe.  Next.",
    "Zürich's café... Straße. Émile said «non.» Ça va.",
    "Numbers: -1.5. ,5. 10,000.00. 3.-4. Ok.",
    "The end.\u00a0Next\u2003one.\u2028Another.\nLast one",
    "...!?. .. . Tail",
    "",
]


@pytest.mark.parametrize("text", PUNKT_TRICKY)
def test_fast_punkt_equals_stock_punkt(text):
    from newstone.nlp.sentences import get_tokenizer, stock_tokenizer

    assert list(get_tokenizer().span_tokenize(text)) == list(stock_tokenizer().span_tokenize(text))


@pytest.mark.shared
def test_fast_punkt_equals_stock_punkt_on_real_news():
    """Every BBC article and every PolNeAR training article: the same spans."""
    from newstone.nlp.sentences import get_tokenizer, stock_tokenizer

    files = sorted(shared_path("data", "bbc").rglob("*.txt")) + sorted(
        shared_path("data", "polnear", "train").rglob("*.txt")
    )
    fast, stock = get_tokenizer(), stock_tokenizer()
    assert len(files) > 2000
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert list(fast.span_tokenize(text)) == list(stock.span_tokenize(text)), path
