"""Report aggregations: robust dates, the extreme-quotes table limited to the charted
officials, nested quotes counted once, the speaker-country fallback and its footnotes."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from newstone import analysis, schema
from newstone.reports import charts


def quotes_table(rows: list[dict]) -> pd.DataFrame:
    """A quotes table with the contract columns; rows give only what a test needs."""
    filled = []
    for i, row in enumerate(rows):
        row = {
            "kind": "direct",
            "quote_id": i,
            "article_id": "a1",
            "text": f"quote {i}",
            "speaker_type": "person",
            **row,
        }
        if "spans" in row and row["spans"] is not None and "start" not in row:
            row["start"], row["end"] = row["spans"][0][0], row["spans"][-1][1]
        row.setdefault("compound", row.get("tone"))
        filled.append(row)
    return schema.frame(filled, schema.QUOTE_COLUMNS)


def dates(values) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may warn: warnings end up in the reports
        parsed = analysis.parse_published(pd.Series(values, dtype=object))
    return [None if pd.isna(d) else d.isoformat() for d in parsed]


# ---------------------------------------------------------------------------------------
# Dates


def test_reuters_dates_keep_their_minutes_and_do_not_warn():
    assert dates(["26-FEB-1987 15:01:01.79", "26-FEB-1987 15:02:20.00", "3-MAR-1987 09:45:00.00"]) == [
        "1987-02-26T15:01:01.790000",
        "1987-02-26T15:02:20",
        "1987-03-03T09:45:00",
    ]


def test_iso_and_rfc2822_dates_drop_the_zone_and_keep_the_printed_day():
    assert dates(
        [
            "2024-06-20",
            "2024-06-20T23:30:00+05:30",
            "2024-06-20T10:00:00Z",
            "Tue, 03 Jun 2008 11:05:30 GMT",
            "Sat, 22 Jun 2024 23:30:00 -0500",
            "June 21, 2024",
        ]
    ) == [
        "2024-06-20T00:00:00",
        "2024-06-20T23:30:00",
        "2024-06-20T10:00:00",
        "2008-06-03T11:05:30",
        "2024-06-22T23:30:00",
        "2024-06-21T00:00:00",
    ]


def test_garbage_dates_are_nat_without_crash_or_warning():
    assert (
        dates(["soon", "3", "", "   ", "32-FEB-1987 15:01:01.79", "0001-01-01", None, float("nan"), pd.NA, 12345])
        == [None] * 10
    )


def test_date_formats_are_a_readable_list_tried_after_iso():
    assert isinstance(analysis.DATE_FORMATS, list) and all(isinstance(f, str) for f in analysis.DATE_FORMATS)
    assert "%d-%b-%Y %H:%M:%S.%f" in analysis.DATE_FORMATS and "%a, %d %b %Y %H:%M:%S %Z" in analysis.DATE_FORMATS
    # dateutil's fallback still reads what the list lacks
    assert analysis.parse_date("Thursday 20 June 2024").isoformat() == "2024-06-20T00:00:00"


def test_date_filter_reads_the_same_formats_and_rejects_garbage():
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "published": ["26-FEB-1987 15:01:01.79", "3-MAR-1987 09:00:00.00"]}
    )
    assert analysis.articles_between(articles, date_from="1987-03-01").tolist() == [False, True]
    with pytest.raises(ValueError, match="date_from 'later' is not a date"):
        analysis.articles_between(articles, date_from="later")


# ---------------------------------------------------------------------------------------
# Extreme quotes: only the charted officials, in chart order


@pytest.fixture
def many_speakers():
    rows = []
    for k, name in enumerate(["Ana", "Ben", "Cy", "Dee", "Eve"]):
        for j in range(5):
            rows.append({"speaker": name, "tone": (-1) ** j * (0.1 + 0.1 * j) + 0.05 * k})
    rows.append({"speaker": "14 countries", "speaker_type": "group", "tone": -0.9})
    return quotes_table(rows)


def test_extreme_quotes_cover_only_the_charted_officials_in_chart_order(many_speakers):
    fig = charts.speaker_tone_chart(many_speakers, top_n=3)
    shown = list(fig.newstone_data["speaker"])
    table = analysis.extreme_quotes(many_speakers, n=2, speakers=fig.newstone_data["speaker"])
    assert list(dict.fromkeys(table["speaker"])) == shown and len(shown) == 3
    assert "14 countries" not in set(table["speaker"]) and "Eve" not in set(table["speaker"])
    assert table.groupby("speaker").size().max() <= 4  # n per side, two sides
    # everybody, by name, only without a speaker list
    assert list(dict.fromkeys(analysis.extreme_quotes(many_speakers, n=2)["speaker"])) == sorted(
        set(many_speakers["speaker"])
    )


def test_extreme_quotes_skip_charted_names_without_quotes_and_list_a_statement_once():
    quotes = quotes_table(
        [
            {"speaker": "Ana", "tone": -0.5, "spans": [[0, 100]]},
            {"speaker": "Ana", "tone": -0.5, "spans": [[10, 100]]},  # nested in the first
            {"speaker": "Ana", "tone": -0.2, "spans": [[200, 250]]},
        ]
    )
    table = analysis.extreme_quotes(quotes, n=3, speakers=["Nobody", "Ana"])
    assert table["quote_id"].tolist() == [0, 2]


# ---------------------------------------------------------------------------------------
# One statement counted once


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


# ---------------------------------------------------------------------------------------
# Speaker country: the speakers table fills what a quote lacks


@pytest.fixture
def blair():
    quotes = quotes_table(
        [
            {"speaker": "Tony Blair", "speaker_country": "GBR", "tone": 0.2, "spans": [[0, 10]]},
            {"speaker": "Tony Blair", "speaker_country": None, "tone": -0.4, "spans": [[20, 30]]},  # "Mr Blair said"
            {"speaker": "Tony Blair", "speaker_country": "PAK", "tone": 0.1, "spans": [[40, 50]]},  # own country wins
            {
                "speaker": "Nobody Known",
                "speaker_country": None,
                "tone": 0.3,
                "spans": [[60, 70]],
            },  # no country anywhere
            {"speaker": None, "speaker_country": None, "tone": 0.5, "spans": [[80, 90]]},  # unattributed
            {"speaker": "Jacques Chirac", "speaker_country": None, "tone": None, "spans": [[100, 110]]},  # unscored
        ]
    )
    speakers = schema.frame(
        [
            {"speaker": "Tony Blair", "country": "GBR"},
            {"speaker": "Nobody Known", "country": None},
            {"speaker": "Jacques Chirac", "country": "FRA"},
        ],
        schema.SPEAKER_COLUMNS,
    )
    return quotes, speakers


def test_speaker_country_falls_back_to_the_speakers_table_for_named_speakers_only(blair):
    quotes, speakers = blair
    before = quotes.copy()
    located = analysis.with_speaker_country(quotes, speakers)
    assert located["country"].tolist() == ["GBR", "GBR", "PAK", pd.NA, pd.NA, "FRA"]
    assert located["country_source"].tolist() == ["quote", "speakers table", "quote", pd.NA, pd.NA, "speakers table"]
    pd.testing.assert_frame_equal(quotes, before)  # the stored quotes table is unchanged

    table = analysis.tone_by_speaker_country(quotes, score="tone", speakers=speakers)
    assert dict(zip(table["country"], table["n_quotes"])) == {"GBR": 2, "PAK": 1}
    assert table.attrs["n_without_group"] == 2  # Nobody Known and the unattributed quote
    assert table.attrs["n_country_from_speakers"] == 1  # the unscored Chirac quote is not charted
    without = analysis.tone_by_speaker_country(quotes, score="tone")
    assert dict(zip(without["country"], without["n_quotes"])) == {"GBR": 1, "PAK": 1}
    assert without.attrs["n_without_group"] == 3 and without.attrs["n_country_from_speakers"] == 0


def test_speaker_country_chart_says_what_it_left_out_and_what_it_filled_in(blair):
    quotes, speakers = blair
    fig = charts.speaker_country_tone_chart(analysis.tone_by_speaker_country(quotes, "tone", speakers))
    assert "Not shown: 2 quotes without a resolved speaker country." in fig.newstone_footnote
    assert (
        "1 quote(s) that give no country of their own are counted for their speaker's country in the "
        "speakers table" in fig.newstone_footnote
    )


# ---------------------------------------------------------------------------------------
# "Officials" are people


def test_speaker_chart_names_officials_only_when_all_speakers_are_people():
    quotes = quotes_table(
        [
            {"speaker": "Ana", "tone": -0.2},
            {"speaker": "Ana", "tone": -0.1},
            {"speaker": "police", "speaker_type": "group", "tone": 0.3},
        ]
    )
    people = charts.speaker_tone_chart(analysis.quotes_by_speaker_type(quotes, ["person"]))
    assert people._suptitle.get_text().endswith("per official") and people.axes[0].get_ylabel() == "official"
    assert "Speakers of type: person." in people.newstone_footnote
    mixed = charts.speaker_tone_chart(quotes)
    assert mixed._suptitle.get_text().endswith("per speaker") and mixed.axes[0].get_ylabel() == "speaker"
    assert "Speakers of type: group, person." in mixed.newstone_footnote


def test_an_exact_duplicate_article_is_left_out_of_the_report_tables():
    import newstone
    from newstone.analysis.counting import drop_duplicate_articles
    from newstone.reports.notebook import describe_input

    story = "Head\n\nSmith said the plan failed in Russia."
    parts = [
        newstone.parse_text(story, "a"),
        newstone.parse_text(story, "copy"),
        newstone.parse_text("Head\n\nJones said it worked.", "b"),
    ]
    tables = {
        name: pd.concat([getattr(p, name) for p in parts], ignore_index=True)
        for name in ("articles", "sentences", "quotes", "mentions")
    }
    kept = drop_duplicate_articles(tables)
    assert kept["articles"]["article_id"].tolist() == ["a", "b"]
    assert set(kept["quotes"]["article_id"]) == {"a", "b"} and len(kept["mentions"]) == 1
    assert kept["articles"].attrs["n_duplicates"] == 1
    assert "1 exact duplicate(s) of another article left out" in describe_input(kept, "x")
