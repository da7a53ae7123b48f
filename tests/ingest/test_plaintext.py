"""A plain-text article: headline, byline, dateline, credits and body paragraphs
(lib/newstone/ingest/plaintext.py)."""

import pytest

from newstone.ingest.plaintext import parse_plain_text
from newstone.ingest.reader import iter_articles
from tests.helpers import SAMPLE

# --- the sample article's header and body ---


def test_sample_header_fields():
    article = next(iter_articles([str(SAMPLE)]))
    assert article.error is None
    assert article.article_id == "sample_reuters_putin_north_korea"
    assert article.title == ("Putin makes remarks on possible weapons for North Korea 'incredibly concerning,' US says")
    assert article.byline == "Simon Lewis, David Brunnstrom and Michael Martina"
    assert article.dateline == "WASHINGTON (Reuters) \u2013"
    assert article.source == "Reuters"


def test_sample_body_excludes_byline_dateline_credits_and_boilerplate():
    article = next(iter_articles([str(SAMPLE)]))
    body = [article.text[s:e] for s, e in article.body_spans]
    assert body[0] == article.title
    assert body[1].startswith("Russian President Vladimir Putin's comments")
    joined = "\n".join(body)
    for excluded in (
        "By Simon Lewis",
        "WASHINGTON (Reuters)",
        "Reporting by",
        "Related Articles",
        "Back to top button",
    ):
        assert excluded not in joined
    assert body[-1].endswith("which includes Iran, North Korea, Cuba and Syria.")


# --- datelines and credit blocks ---


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014", "--"])
def test_dateline_with_any_dash(dash):
    article = parse_plain_text("x", f"Headline here\n\nLONDON, March 3 (Reuters) {dash} The bank said.")
    assert article.dateline.startswith("LONDON, March 3 (Reuters)")
    assert [article.text[s:e] for s, e in article.body_spans][1] == "The bank said."


def test_credit_block_variants_are_not_body():
    text = "Title\n\nBody sentence one.\n\n(Additional reporting by A. B.; Editing by C. D.)\n\nWriting by E. F."
    article = parse_plain_text("x", text)
    assert [text[s:e] for s, e in article.body_spans] == ["Title", "Body sentence one."]


def test_a_lone_surrogate_becomes_a_replacement_character_and_offsets_stay():
    """Found by fuzzing newstone.parse_text: a lone surrogate (shrunk example
    '\\n\\n“,” Putin said. “\\ud800 ,” Putin said.') made building the pandas tables raise
    UnicodeEncodeError; in a dataset it stopped the whole parse (Parquet is UTF-8)."""
    import newstone

    text = "\n\n\u201c,\u201d Putin said. \u201c\ud800 ,\u201d Putin said."
    article = parse_plain_text("t", text)
    assert article.text == text.replace("\ud800", "\ufffd")
    corpus = newstone.parse_text(text)
    assert corpus.articles.loc[0, "text"] == article.text
    assert list(corpus.quotes["speaker"]) == ["Putin", "Putin"]
