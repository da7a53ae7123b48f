"""Aggregations behind the charts: pandas tables in, pandas tables out.

Notebooks use this flat namespace (``from newstone import analysis``); each function
lives in the module of its concept:

* :mod:`~newstone.analysis.stats`: mean tone with a 95% t interval, per group or speaker;
* :mod:`~newstone.analysis.dates`: publication dates, date filters, tone over time;
* :mod:`~newstone.analysis.counting`: what counts once (a story filed twice, a
  belief nested in the same speaker's quote);
* :mod:`~newstone.analysis.countries`: tone by mentioned country and by speaker country,
  and who talks about which country;
* :mod:`~newstone.analysis.groups`: groups of articles (folder, source, period) and tone
  per entity and group, with the differences whose intervals do not overlap;
* :mod:`~newstone.analysis.trends`: tone over time per entity (official, country).

Nothing here imports NLTK or VADER: these work on tables already made.
"""

from newstone.analysis.counting import count_once, drop_duplicate_articles, nested_in, quote_spans
from newstone.analysis.countries import (
    mentioned_country_sentences,
    quotes_naming_countries,
    speaker_country_matrix,
    tone_by_mentioned_country,
    tone_by_speaker_country,
    with_speaker_country,
)
from newstone.analysis.dates import (
    DATE_FORMATS,
    articles_between,
    choose_period,
    date_range_note,
    filter_tables,
    parse_date,
    parse_published,
    tone_over_time,
)
from newstone.analysis.groups import PERIODS, article_groups, differences, tone_by_entity_and_group, with_groups
from newstone.analysis.stats import (
    EXTREME_COLUMNS,
    GROUP_STAT_COLUMNS,
    extreme_quotes,
    mean_ci,
    select_speakers,
    summarise,
    t_critical,
    tone_by_group,
    tone_by_speaker,
)
from newstone.analysis.trends import TREND_PERIODS, choose_trend_period, tone_trends

__all__ = [
    "DATE_FORMATS",
    "PERIODS",
    "TREND_PERIODS",
    "article_groups",
    "choose_trend_period",
    "differences",
    "mentioned_country_sentences",
    "quotes_naming_countries",
    "tone_by_entity_and_group",
    "tone_trends",
    "with_groups",
    "EXTREME_COLUMNS",
    "GROUP_STAT_COLUMNS",
    "articles_between",
    "choose_period",
    "count_once",
    "date_range_note",
    "drop_duplicate_articles",
    "extreme_quotes",
    "filter_tables",
    "mean_ci",
    "nested_in",
    "parse_date",
    "parse_published",
    "quote_spans",
    "select_speakers",
    "speaker_country_matrix",
    "summarise",
    "t_critical",
    "tone_by_group",
    "tone_by_mentioned_country",
    "tone_by_speaker",
    "tone_by_speaker_country",
    "tone_over_time",
    "with_speaker_country",
]
