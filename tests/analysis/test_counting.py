"""What counts once: a belief nested in the same speaker's quote, and articles that repeat
another (lib/newstone/analysis/counting.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from newstone import analysis
from newstone.reports import charts
from tests.helpers.tables import quotes_table

# --- a quote nested in another quote of the same speaker counts once ---


@pytest.fixture
def sample_like():
    """The sample article's "U.S. officials said they believe North Korea ..." (q12 holds q13),
    plus two speakers sharing one span, which are two statements."""
    return quotes_table(
        [
            {
                "quote_id": 12,
                "speaker": "U.S. officials",
                "speaker_type": "group",
                "tone": -0.38,
                "spans": [[1915, 2119]],
            },
            {
                "quote_id": 13,
                "speaker": "U.S. officials",
                "speaker_type": "group",
                "tone": -0.38,
                "spans": [[1928, 2119]],
            },
            {
                "quote_id": 14,
                "speaker": "United States",
                "speaker_type": "country",
                "tone": -0.2,
                "spans": [[2157, 2267]],
            },
            {"quote_id": 15, "speaker": "Ukraine", "speaker_type": "country", "tone": -0.2, "spans": [[2157, 2267]]},
            {
                "quote_id": 16,
                "speaker": "U.S. officials",
                "speaker_type": "group",
                "tone": 0.4,
                "spans": [[3000, 3050]],
            },
        ]
    )


def test_nested_in_points_inner_quotes_at_the_outer_quote(sample_like):
    assert analysis.nested_in(sample_like).tolist() == [pd.NA, 12, pd.NA, pd.NA, pd.NA]


def test_nested_in_handles_identical_spans_chains_multi_span_quotes_and_articles():
    quotes = quotes_table(
        [
            {"quote_id": 0, "speaker": "Ana", "spans": [[0, 50], [60, 120]], "tone": 0.1},
            {"quote_id": 1, "speaker": "Ana", "spans": [[65, 110]], "tone": 0.1},  # inside the 2nd span
            {"quote_id": 2, "speaker": "Ana", "spans": [[70, 100]], "tone": 0.1},  # inside 1, inside 0
            {"quote_id": 3, "speaker": "Ana", "spans": [[40, 70]], "tone": 0.1},  # straddles the gap: not nested
            {"quote_id": 4, "speaker": "Ana", "spans": [[40, 70]], "tone": 0.1},  # same spans as 3: a duplicate
            {"quote_id": 5, "speaker": "Ana", "article_id": "a2", "spans": [[70, 100]], "tone": 0.1},  # other article
            {"quote_id": 6, "speaker": None, "spans": [[70, 100]], "tone": 0.1},  # no speaker: never compared
        ]
    )
    assert analysis.nested_in(quotes).tolist() == [pd.NA, 0, 0, pd.NA, 3, pd.NA, pd.NA]


def test_count_once_leaves_the_quotes_table_unchanged(sample_like):
    before = sample_like.copy()
    once = analysis.count_once(sample_like)
    assert once["quote_id"].tolist() == [12, 14, 15, 16]
    assert once.attrs["n_nested"] == 1 and once.attrs["nested_in"] == {("a1", 13): 12}
    pd.testing.assert_frame_equal(sample_like, before)
    assert analysis.count_once(once).attrs["n_nested"] == 1  # idempotent


def test_count_once_needs_ids_and_spans_to_find_anything():
    bare = pd.DataFrame({"speaker": ["Ana", "Ana"], "tone": [0.1, 0.2]})
    assert analysis.count_once(bare).attrs["n_nested"] == 0
    assert analysis.tone_by_speaker(bare)["n"].tolist() == [2]


def test_tone_aggregations_count_a_nested_quote_once(sample_like):
    by_speaker = analysis.tone_by_speaker(sample_like)
    officials = by_speaker.set_index("speaker").loc["U.S. officials"]
    assert officials["n"] == 2 and officials["mean"] == pytest.approx(0.01)  # q12 and q16, not q13
    assert by_speaker.attrs["n_nested"] == 1
    fig = charts.speaker_tone_chart(sample_like)
    assert "1 quote(s) nested in another quote of the same speaker" in fig.newstone_footnote

    located = sample_like.assign(speaker_country=["USA"] * 5)
    assert analysis.tone_by_speaker_country(located, score="tone")["n_quotes"].tolist() == [4]

    articles = pd.DataFrame({"article_id": ["a1"], "published": ["2024-06-20"]})
    timeline = analysis.tone_over_time(sample_like, articles, period="D")
    assert timeline["n"].tolist() == [4] and timeline.attrs["n_nested"] == 1


def test_heatmap_counts_a_nested_quote_once_with_its_mentions(sample_like):
    # the mention inside both quotes is tied to the inner one: it moves to the outer quote
    mentions = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1"],
            "quote_id": [13, 12, 16],
            "country": ["PRK", "RUS", "PRK"],
            "sentence_id": [1, 1, 2],
        }
    )
    matrix = analysis.speaker_country_matrix(sample_like, mentions, score="tone")
    cells = {(s, c): (n, m) for s, c, n, m in matrix.itertuples(index=False)}
    assert cells[("U.S. officials", "PRK")] == (2, pytest.approx(0.01))  # q12 (via q13) and q16
    assert cells[("U.S. officials", "RUS")] == (1, pytest.approx(-0.38))
    assert matrix.attrs["n_nested"] == 1


# --- duplicate articles: exact copies and near duplicates ---


def duplicate_tables():
    """Five articles: a story, an exact copy of it, an update of it (a few words
    changed), another story and a copy of that one dated outside a window."""
    import newstone
    from tests.dataset.test_duplicates import edited, story

    story_a = "Head\n\nSmith said the plan failed in Russia. " + story(1, 200)
    texts = [
        ("a", story_a, "2024-03-01"),
        ("copy", story_a, "2024-03-01"),
        ("update", edited(story_a, seed=2, changes=3), "2024-03-02"),
        ("b", "Head\n\nJones said it worked. " + story(2, 120), "2024-02-01"),
        ("b-late", "Head\n\nJones said it worked. " + story(2, 120), "2024-03-05"),
    ]
    parts = []
    for article_id, text, day in texts:
        part = newstone.parse_text(text, article_id)
        part.articles["published"] = day
        parts.append(part)
    return {
        name: pd.concat([getattr(p, name) for p in parts], ignore_index=True)
        for name in ("articles", "sentences", "quotes", "mentions")
    }


def test_exact_copies_and_near_duplicates_are_left_out_of_the_report_tables():
    from newstone.analysis.counting import drop_duplicate_articles
    from newstone.analysis.dates import filter_tables
    from newstone.reports.notebook import describe_input

    tables = duplicate_tables()
    kept = drop_duplicate_articles(tables, 0.8)
    assert kept["articles"]["article_id"].tolist() == ["a", "b"]
    assert set(kept["quotes"]["article_id"]) == {"a", "b"} == set(kept["sentences"]["article_id"])
    assert kept["articles"].attrs == {"n_duplicates": 3, "n_exact_duplicates": 2, "duplicate_threshold": 0.8}
    line = describe_input(kept, "x")
    assert "(2 exact copies and 1 near duplicate (shingle similarity ≥ 0.8) of other articles left out)" in line
    # a threshold only an exact copy passes keeps the update
    assert drop_duplicate_articles(tables, 1.0)["articles"]["article_id"].tolist() == ["a", "update", "b"]
    # in a date window the first of a story within the window counts: b-late stays
    window = drop_duplicate_articles(filter_tables(tables, "2024-03-02", None), 0.8)
    assert window["articles"]["article_id"].tolist() == ["update", "b-late"]


def test_the_stored_column_is_used_when_made_with_the_same_threshold():
    from newstone.analysis.counting import drop_duplicate_articles

    tables = duplicate_tables()
    tables["articles"]["duplicate_of"] = [None, None, None, None, "a"]  # what a dataset says
    assert drop_duplicate_articles(tables, 0.8, column_threshold=0.8)["articles"]["article_id"].tolist() == [
        "a",
        "copy",
        "update",
        "b",
    ]
    recomputed = drop_duplicate_articles(tables, 0.8, column_threshold=0.5)
    assert recomputed["articles"]["article_id"].tolist() == ["a", "b"]
