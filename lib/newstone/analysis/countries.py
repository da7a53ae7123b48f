"""Country tables: tone by mentioned country, by speaker country, and who talks about which.

Mentions find the countries (:mod:`newstone.nlp.countries`); these tables count them. A
quote that names no country of its own speaker falls back to the country the speakers
table gives that speaker across the corpus.
"""

from __future__ import annotations

import pandas as pd

from newstone.analysis.counting import count_once
from newstone.analysis.stats import summarise

TOWARD = "tone_toward"  # the score that is tone toward the country, read from the mentions table


def tone_by_mentioned_country(sentences: pd.DataFrame, mentions: pd.DataFrame, score: str = "compound") -> pd.DataFrame:
    """Tone per mentioned country: toward it (``score="tone_toward"``), or of the sentences
    that mention it (``"tone"``, ``"compound"``).

    One row per country: ``country, n_sentences, mean, std, ci_low, ci_high``. A sentence
    counts once per country however often it names it.

    * ``"tone_toward"``: the mean of the mentions' ``tone_toward`` in that sentence (the
      tone toward that mention, in its sentence or in the quote's own words): two countries
      in one sentence can get different scores.
    * any other score: every country named in a sentence gets that sentence's whole score:
      the tone of the *company* a country keeps, not sentiment towards it.

    The 95% interval is the normal approximation ``mean ± t·std/√n`` with Student's t for
    n−1 degrees of freedom (NaN when n < 2). Organisation mentions (no country) and
    sentences without a score are left out. Sorted by n_sentences, most first.
    """
    columns = ["country", "n_sentences", "mean", "std", "ci_low", "ci_high"]
    table = summarise(mentioned_country_sentences(sentences, mentions, score), "country", score, "n_sentences")
    return table[columns]


def mentioned_country_sentences(sentences: pd.DataFrame, mentions: pd.DataFrame, score: str = "tone") -> pd.DataFrame:
    """One row per scored sentence and country it names: ``article_id, sentence_id,
    country, <score>`` (a sentence naming a country twice counts once for it), the rows
    behind :func:`tone_by_mentioned_country`, for grouping or trends."""
    keys = ["article_id", "sentence_id"]
    located = mentions.loc[mentions["country"].notna() & mentions["sentence_id"].notna()]
    if score == TOWARD:  # the tone toward the country's mentions in that sentence, averaged
        scored = located.loc[located[TOWARD].notna(), keys + ["country", TOWARD]]
        return scored.groupby(keys + ["country"], sort=False, as_index=False)[TOWARD].mean()
    located = located[keys + ["country"]].drop_duplicates()
    scored = sentences.loc[sentences[score].notna(), keys + [score]]
    return located.merge(scored, on=keys, how="inner")


SPEAKER_COUNTRY_SOURCE = ("quote", "speakers table")


def with_speaker_country(quotes: pd.DataFrame, speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """``quotes`` with ``country`` (the speaker's country to chart) and ``country_source``.

    ``country`` is the quote's own ``speaker_country`` when it has one ("quote"). Else,
    for a resolved speaker (``speaker`` not null) whose row in the speakers table has a
    ``country``, that corpus-wide country ("speakers table"): most BBC articles call Tony
    Blair "Mr Blair" without his title, so 251 of his 257 quotes carry no country of their
    own while the speakers table, built from the quotes that do, says GBR. Quotes without
    a speaker, or whose speaker has no country anywhere, stay without one. The quotes
    table passed in is not changed.
    """
    country = quotes["speaker_country"].astype("string")
    source = pd.Series(pd.NA, index=quotes.index, dtype="string").mask(country.notna(), SPEAKER_COUNTRY_SOURCE[0])
    if speakers is not None and len(speakers):
        known = speakers.loc[speakers["speaker"].notna() & speakers["country"].notna(), ["speaker", "country"]]
        known = known.drop_duplicates("speaker").set_index("speaker")["country"].astype("string")
        fallback = pd.Series(
            known.reindex(quotes["speaker"].astype("string")).to_numpy(), index=quotes.index, dtype="string"
        )
        use = country.isna() & quotes["speaker"].notna() & fallback.notna()
        country = country.mask(use, fallback)
        source = source.mask(use, SPEAKER_COUNTRY_SOURCE[1])
    return quotes.assign(country=country, country_source=source)


def tone_by_speaker_country(
    quotes: pd.DataFrame, score: str = "compound", speakers: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Tone of quotes grouped by the speaker's country.

    ``country, n_quotes, mean, ci_low, ci_high`` (95% Student-t interval, NaN when
    n < 2). The country is the quote's own ``speaker_country`` or, given the ``speakers``
    table, the speaker's corpus-wide country when the quote has none
    (:func:`with_speaker_country`). Quotes nested in another quote of the same speaker
    count once (:func:`count_once`). ``attrs``: ``n_without_group`` (scored quotes left
    out for want of a country), ``n_country_from_speakers`` (quotes charted with the
    speakers-table country) and ``n_nested``.
    """
    once = count_once(quotes)
    located = with_speaker_country(once, speakers)
    scored = located[located[score].notna()]
    charted = scored.loc[scored["country"].notna(), ["country", score]]
    table = summarise(charted, "country", score, count_name="n_quotes")
    table = table[["country", "n_quotes", "mean", "ci_low", "ci_high"]]
    table.attrs = {
        "n_without_group": int(len(scored) - len(charted)),
        "n_country_from_speakers": int((scored["country_source"] == SPEAKER_COUNTRY_SOURCE[1]).sum()),
        "n_nested": once.attrs["n_nested"],
    }
    return table


def quotes_naming_countries(quotes: pd.DataFrame, mentions: pd.DataFrame, score: str = "compound") -> pd.DataFrame:
    """One row per counted quote of a resolved speaker and country its words name:
    ``article_id, quote_id, speaker, country, <score>, text``.

    A mention belongs to a quote when its ``quote_id`` equals the quote's within the same
    ``article_id``; a quote naming Russia twice gives one row. With ``score="tone_toward"``
    ``<score>`` is the tone toward the country in the quote's own words (a quote's mentions
    of it averaged); with any other score, the whole quote's score. A quote nested in
    another quote of the same speaker counts once (:func:`count_once`): its mentions count
    for the quote holding it. ``attrs["n_nested"]`` says how many were folded in.
    """
    keys = ["article_id", "quote_id"]
    once = count_once(quotes)
    toward = score == TOWARD
    quoted = mentions.loc[
        mentions["quote_id"].notna() & mentions["country"].notna() & (mentions[TOWARD].notna() if toward else True),
        keys + ["country"] + ([TOWARD] if toward else []),
    ]
    quoted = quoted.astype({"article_id": "string", "quote_id": "int64"})
    moved = once.attrs["nested_in"]
    if moved:
        quoted["quote_id"] = [
            moved.get((str(a), int(q)), int(q)) for a, q in zip(quoted["article_id"], quoted["quote_id"])
        ]
    if toward:
        quoted = quoted.groupby(keys + ["country"], sort=False, as_index=False)[TOWARD].mean()
    else:
        quoted = quoted.drop_duplicates()
    columns = keys + ["speaker"] + ([] if toward else [score])
    columns += ["text"] if "text" in once.columns and score != "text" else []
    speakers = once.loc[once["speaker"].notna(), columns]
    speakers = speakers.astype({"article_id": "string", "quote_id": "int64"})
    joined = speakers.merge(quoted, on=keys, how="inner")
    joined.attrs = {"n_nested": once.attrs["n_nested"]}
    return joined


def speaker_country_matrix(quotes: pd.DataFrame, mentions: pd.DataFrame, score: str = "compound") -> pd.DataFrame:
    """Who talks about which country, and in which tone: long format ``speaker, country, n, mean``.

    ``n`` counts quotes (a quote naming Russia twice counts once); ``mean`` is the mean
    of those quotes' ``score`` (:func:`quotes_naming_countries`: with ``"tone_toward"`` the
    tone toward the country in the quote's own words; quotes without a resolved speaker are
    left out, a nested quote counts once, with the quote holding it).
    """
    joined = quotes_naming_countries(quotes, mentions, score)
    grouped = joined.groupby(["speaker", "country"], sort=True)[score]
    table = grouped.agg(n="size", mean="mean").reset_index()
    table = table.sort_values(["n", "speaker", "country"], ascending=[False, True, True], ignore_index=True)[
        ["speaker", "country", "n", "mean"]
    ]
    table.attrs = {"n_nested": joined.attrs["n_nested"]}
    return table
