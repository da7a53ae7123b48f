"""Publication dates: parsing, date filters and tone over time
(lib/newstone/analysis/dates.py)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from newstone import analysis

# --- reading dates ---


def dates(values) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may warn: warnings end up in the reports
        parsed = analysis.parse_published(pd.Series(values, dtype=object))
    return [None if pd.isna(d) else d.isoformat() for d in parsed]


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


def test_parse_published_is_lenient_and_keeps_local_day():
    values = pd.Series(["2024-06-20", "June 21, 2024", "Sat, 22 Jun 2024 23:30:00 -0500", "soon", None])
    parsed = analysis.parse_published(values)
    assert [d.strftime("%Y-%m-%d") if not pd.isna(d) else None for d in parsed] == [
        "2024-06-20",
        "2024-06-21",
        "2024-06-22",
        None,
        None,
    ]


# --- date filters ---


def test_date_filter_reads_the_same_formats_and_rejects_garbage():
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "published": ["26-FEB-1987 15:01:01.79", "3-MAR-1987 09:00:00.00"]}
    )
    assert analysis.articles_between(articles, date_from="1987-03-01").tolist() == [False, True]
    with pytest.raises(ValueError, match="date_from 'later' is not a date"):
        analysis.articles_between(articles, date_from="later")


def test_filter_tables_by_date_drops_undated_only_when_filtering():
    tables = {
        "articles": pd.DataFrame({"article_id": ["a", "b", "c"], "published": ["2024-06-20", "2024-06-22", None]}),
        "quotes": pd.DataFrame({"article_id": ["a", "b", "c"], "tone": [1, 2, 3]}),
    }
    assert len(analysis.filter_tables(tables)["quotes"]) == 3
    kept = analysis.filter_tables(tables, date_from="2024-06-21")
    assert list(kept["quotes"]["article_id"]) == ["b"]
    assert list(analysis.filter_tables(tables, date_to="2024-06-20")["articles"]["article_id"]) == ["a"]


# --- tone over time ---


def test_tone_over_time_by_day_with_undated_items():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "published": ["2024-06-20", "2024-06-22", None]})
    items = pd.DataFrame({"article_id": ["a", "a", "b", "c"], "tone": [0.2, 0.4, -0.5, 0.9]})
    timeline = analysis.tone_over_time(items, articles)
    assert timeline.attrs["period"] == "D" and timeline.attrs["n_undated"] == 1
    assert [d.strftime("%Y-%m-%d") for d in timeline["period_start"]] == ["2024-06-20", "2024-06-22"]
    assert list(timeline["n"]) == [2, 1]
    assert timeline["mean"].tolist() == pytest.approx([0.3, -0.5])


def test_tone_over_time_weeks_for_long_spans_and_none_for_one_date():
    articles = pd.DataFrame({"article_id": ["a", "b"], "published": ["2024-01-03", "2024-03-20"]})
    items = pd.DataFrame({"article_id": ["a", "b"], "tone": [0.1, 0.2]})
    weekly = analysis.tone_over_time(items, articles)
    assert weekly.attrs["period"] == "W"
    assert [d.weekday() for d in weekly["period_start"]] == [0, 0]  # weeks start on Monday
    same_day = pd.DataFrame({"article_id": ["a", "b"], "published": ["2024-01-03", "2024-01-03T09:00"]})
    assert analysis.tone_over_time(items, same_day).attrs["period"] is None
    assert "2024-01-03" in analysis.date_range_note(same_day)


def test_tone_over_time_of_nothing_is_an_empty_timeline():
    """A date filter that leaves no article (undated .txt inputs) must not crash a report."""
    articles = pd.DataFrame({"article_id": pd.Series([], dtype="string"), "published": pd.Series([], dtype="string")})
    items = pd.DataFrame({"article_id": pd.Series([], dtype="string"), "tone": pd.Series([], dtype="float64")})
    timeline = analysis.tone_over_time(items, articles)
    assert timeline.empty and timeline.attrs["period"] is None
