"""The tables under the charts: what each number is made of, for a reader to search,
sort and download (:mod:`newstone.reports.tables`).

Each function takes the analysis tables a chart was drawn from and returns the table a
report shows, with readable column names and the ids that lead back to the text
(``article_id``, ``quote_id``), so every number can be traced to quotes.
"""

from __future__ import annotations

import pandas as pd

from newstone.analysis.counting import count_once
from newstone.analysis.countries import quotes_naming_countries
from newstone.analysis.groups import GROUP

SPEAKER_FACTS = ["title", "org", "role", "country"]


def official_summary(by_official: pd.DataFrame, speakers: pd.DataFrame) -> pd.DataFrame:
    """The per-official chart's numbers, in its order, with what the corpus knows of each
    official (title, organisation, role, country, other names)."""
    table = by_official.drop(columns=["status", "std"], errors="ignore")
    if "speaker_id" in table.columns and "speaker_id" in speakers.columns:
        facts = speakers.drop_duplicates("speaker_id").set_index("speaker_id")
        for column in [*SPEAKER_FACTS, "aliases"]:
            if column in facts.columns:
                values = facts[column].reindex(table["speaker_id"]).to_numpy()
                table[column] = values if column != "aliases" else [_names(v) for v in values]
        table = table.drop(columns="speaker_id")
    return table.rename(columns={"aliases": "also written"})


def _names(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    names = list(value)
    return "; ".join(names[:8]) + (f"; … {len(names) - 8} more" if len(names) > 8 else "") if names else None


def chart_entities(by_speaker: pd.DataFrame) -> tuple[str, list, dict]:
    """The key a per-speaker chart's rows stand for (``speaker_id`` when the quotes had
    ids, so namesakes stay apart; else ``speaker``), its keys in chart order, and each
    key's label as the chart shows it ("Name (2)" for a second namesake)."""
    if "speaker_id" in by_speaker.columns and by_speaker["speaker_id"].notna().all():
        keys = by_speaker["speaker_id"].tolist()
        return "speaker_id", keys, dict(zip(keys, by_speaker["speaker"]))
    keys = by_speaker["speaker"].tolist()
    return "speaker", keys, dict(zip(keys, keys))


def quote_listing(quotes: pd.DataFrame, articles: pd.DataFrame, by_speaker: pd.DataFrame, score: str = "tone"):
    """Every counted quote (nested ones folded in, as in the charts) of the speakers a
    chart drew (``by_speaker``, its ``newstone_data``), in chart order, then in text
    order: speaker, score, kind, the quoted words, the article, its date and group."""
    entity, keys, labels = chart_entities(by_speaker)
    rank = {key: i for i, key in enumerate(keys)}
    once = count_once(quotes)
    once = once[once[entity].isin(keys)]
    once = once.assign(_rank=once[entity].map(rank)).sort_values(["_rank", "article_id", "start"])
    published = articles.drop_duplicates("article_id").set_index("article_id")["published"]
    once = once.reset_index(drop=True)
    table = pd.DataFrame(
        {
            "speaker": once[entity].map(labels).astype("string"),
            score: once[score],
            "kind": once["kind"],
            "quote": once["text"],
            "article_id": once["article_id"],
            "quote_id": once["quote_id"],
            "published": published.reindex(once["article_id"]).reset_index(drop=True),
        }
    )
    if GROUP in once.columns:
        table[GROUP] = once[GROUP].to_numpy()
    return table


def group_summary(table: pd.DataFrame, entity: str, labels: dict | None = None) -> pd.DataFrame:
    """A group comparison's numbers: one row per entity and group. Speakers are shown by
    name, with their id last (two namesakes share a name, never an id)."""
    shown = table.drop(columns=["std"], errors="ignore").copy()
    if labels and entity == "speaker_id":
        shown.insert(0, "speaker", shown["speaker_id"].map(lambda key: labels.get(key, key)))
        shown = shown[[c for c in shown.columns if c != "speaker_id"] + ["speaker_id"]]
    elif labels:
        shown[entity] = shown[entity].map(lambda key: labels.get(key, key))
    return shown


def country_quotes(quotes: pd.DataFrame, mentions: pd.DataFrame, score: str = "tone") -> pd.DataFrame:
    """The quotes behind the speaker x country heatmap: each counted quote of a resolved
    speaker with a country it names (one row per quote and country)."""
    from newstone.nlp.countries import country_label

    joined = quotes_naming_countries(quotes, mentions, score)
    joined = joined.assign(country=joined["country"].map(country_label))
    joined = joined.rename(columns={"text": "quote", "country": "country named"})
    return joined[["speaker", "country named", score, "quote", "article_id", "quote_id"]].sort_values(
        ["speaker", "country named", "article_id", "quote_id"], ignore_index=True
    )
