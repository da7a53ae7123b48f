"""The article explorer: one article as HTML with its quotes, speakers, cues and countries
(lib/newstone/reports/explorer.py)."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from newstone import schema
from newstone.reports import explorer
from tests.helpers.tables import quotes_table

# --- one article as HTML ---


ARTICLE_TEXT = 'Talks <stalled>\n\n"We reject this & more," said Ana Li of Russia. Japan & Korea <b>met</b>.'


@pytest.fixture
def article_tables():
    text = ARTICLE_TEXT
    q_start, q_end = text.index("We reject"), text.index(',"') + 1
    cue = text.index("said")
    spk = text.index("Ana Li")
    article = schema.frame(
        [{"article_id": "x/1", "text": text, "published": "2024-06-20", "source": "Wire"}], schema.ARTICLE_COLUMNS
    ).iloc[0]
    quotes = quotes_table(
        [
            {
                "article_id": "x/1",
                "speaker": "Ana Li",
                "tone": -0.7,
                "tone_label": "negative",
                "spans": [[q_start, q_end]],
                "start": q_start,
                "end": q_end,
                "cue_start": cue,
                "cue_end": cue + 4,
                "speaker_start": spk,
                "speaker_end": spk + 6,
            }
        ]
    )
    russia, japan = text.index("Russia"), text.index("Japan")
    reject = text.index("reject")  # a country mention inside the quote, overlapping it
    mentions = schema.frame(
        [
            {"article_id": "x/1", "start": russia, "end": russia + 6, "country": "Russia"},
            {"article_id": "x/1", "start": japan, "end": japan + 5, "country": "Japan"},
            {"article_id": "x/1", "start": reject, "end": reject + 6, "country": "Testland"},
        ],
        schema.MENTION_COLUMNS,
    )
    return article, quotes, mentions


def test_render_article_escapes_and_keeps_text(article_tables):
    article, quotes, mentions = article_tables
    out = explorer.render_article(article, quotes, mentions)
    assert isinstance(out, str) and out._repr_html_() == out
    assert "<b>met</b>" not in out and "&lt;b&gt;met&lt;/b&gt;" in out and "&lt;stalled&gt;" in out
    visible = html.unescape(re.sub(r"<[^>]+>", "", out.split('<div class="ns-text">', 1)[1]))
    assert ARTICLE_TEXT in visible.replace("-0.70", "")  # every character once, in order


def test_render_article_marks_quote_cue_speaker_and_countries(article_tables):
    article, quotes, mentions = article_tables
    out = explorer.render_article(article, quotes, mentions)
    assert out.count('class="ns-quote"') == 3  # quote cut around the nested country mention
    assert 'data-speaker="Ana Li"' in out
    assert '<span class="ns-cue" title="cue">said</span>' in out
    assert re.search(r'<span class="ns-speaker"[^>]*>Ana Li</span>', out)
    assert re.search(r'<span class="ns-country" title="country: Russia">Russia</span>', out)
    assert re.search(
        r'<span class="ns-quote"[^>]*><span class="ns-country" title="country: Testland">reject</span></span>', out
    )
    assert re.search(r'class="ns-badge"[^>]*>-0.70</span>', out)
    assert explorer.tone_colour(-0.7) in out and explorer.SPEAKER_COLOURS[0] in out
    assert out.count("<span") == out.count("</span>")  # well nested


def test_tone_colour_diverges():
    assert explorer.tone_colour(-1) != explorer.tone_colour(1)
    assert explorer.tone_colour(None) == "#969696"


# --- the explorer page ---


def test_explorer_html_picks_article_shows_separate_title_and_quote_table(article_tables):
    article, quotes, mentions = article_tables
    articles = pd.DataFrame([article]).assign(title="Headline <kept apart>")
    tables = {"articles": articles, "quotes": quotes, "mentions": mentions}
    out = explorer.explorer_html(tables, None)
    assert 'data-article-id="x/1"' in out and "<strong>Headline &lt;kept apart&gt;</strong>" in out
    assert 'class="ns-table" data-name="quotes"' in out and '<td data-value="">–</td>' in out  # no speaker_country
    with pytest.raises(KeyError):
        explorer.explorer_html(tables, "nope")


def test_explorer_hover_text_never_shows_a_raw_missing_value():
    import newstone
    from newstone.reports import explorer

    corpus = newstone.parse_text("Head\n\nNATO said Russia and the UN were wrong.", article_id="a")
    page = explorer.explorer_html(corpus.tables, "a")
    assert "&lt;NA&gt;" not in page and "<NA>" not in page
    assert "NATO: organization, no country" in page and "country: RUS" in page


def test_every_speaker_of_an_article_gets_a_colour_of_their_own_named_in_the_legend():
    """Colours used to cycle through eight, so a ninth speaker took the first one's."""
    speakers = [f"Speaker {i}" for i in range(12)]
    colours = explorer.speaker_colours(speakers + speakers[:3])
    assert list(colours) == speakers and len(set(colours.values())) == 12
    assert list(colours.values())[:8] == list(explorer.SPEAKER_COLOURS)
    text = "Head\n\n" + " ".join(f'"Fine {i}," Speaker{i} said.' for i in range(12))
    quotes = quotes_table(
        [
            {"speaker": f"Speaker {i}", "tone": 0.1, "spans": [[6 + 27 * i, 16 + 27 * i]], "article_id": "x/1"}
            for i in range(12)
        ]
    )
    article = pd.Series({"article_id": "x/1", "text": text, "title": None})
    out = explorer.render_article(article, quotes, quotes.iloc[:0].assign(country=[], kind=[], surface=[]))
    for speaker, colour in explorer.speaker_colours(quotes["speaker"]).items():
        assert f'background:{colour}"></span>{speaker} (1)</span>' in out
