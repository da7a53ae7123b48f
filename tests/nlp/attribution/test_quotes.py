"""Quotation marks to quotation spans, and whether content is direct, indirect or mixed
(lib/newstone/nlp/attribution/quotes.py)."""

from __future__ import annotations

import pytest

from newstone.nlp.attribution.quotes import find_quotes
from tests.helpers.attribution import content, only, run, source

# --- quotation marks: straight, curly, doubled single; apostrophes ---


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," Cole said.',
        "''We are ready,'' Cole said.",
        '\u201cWe are ready," Cole said.',
        '"We are ready,\u201d Cole said.',
    ],
)
def test_quote_styles(text):
    att = only(text)
    assert source(text, att) == "Cole"
    assert att.kind == "direct"
    assert text[att.spans[0][0] : att.spans[0][1]].strip("\"'\u201c\u201d,") == "We are ready"


def test_single_quotes_in_headline():
    text = "Mayor calls flood plan 'a good start,' council says"
    atts = run(text)
    assert any(source(text, a) == "council" and "'a good start,'" in content(text, a) for a in atts)


def test_apostrophes_are_not_quotes():
    text = "The voters' choice was clear, and Tom's view didn't change."
    assert find_quotes(text, [(0, len(text))]) == []


def test_unbalanced_quote_closes_at_paragraph_end():
    text = "\u201cWe will win, Diaz said.\n\nThe race ends on Sunday."
    quotes = find_quotes(text, [(0, text.index("\n")), (text.index("The"), len(text))])
    assert quotes == [(0, text.index("\n"))]


# --- direct, indirect or mixed ---


def test_a_quotation_inside_reported_speech_makes_it_mixed():
    text = "Lund said the plan was \u201ca disaster waiting to happen\u201d for farmers."
    att = only(text)
    assert att.kind == "mixed"


def test_a_short_unquoted_content_is_not_direct_speech():
    import newstone

    assert newstone.parse_text("Head\n\nSmith said no.").quotes["kind"].tolist() == ["indirect"]
