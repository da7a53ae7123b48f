"""The speakers table: one row per resolved speaker across a corpus, built in one pass.

:class:`SpeakerIndex` takes quotes in batches (a part file's columns, or a DataFrame's) and
keeps only per-speaker tallies (counts, sums, the set of articles, value counts), so its
memory grows with the speakers and their articles, not with the quotes and their texts:
``newstone parse`` streams the quotes part files through it one at a time at the end of a
run instead of loading the quotes table. ``Corpus.speakers`` uses the same class, so both
give the same table.

Per speaker: ``n_quotes``; ``n_articles`` (distinct articles); ``mean_compound`` and
``mean_tone`` over quotes with a score; ``title``, ``org``, ``country`` and
``speaker_type``, each the most frequent non-null value (ties go to the alphabetically
first); ``aliases``, the distinct in-text mentions other than pronouns and the name itself,
sorted. Rows come most-quoted first, then by name.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from newstone.nlp.words import PERSONAL_PRONOUNS

# The quotes columns the table is built from (not the quote texts).
INPUT_COLUMNS = [
    "article_id",
    "speaker",
    "speaker_mention",
    "speaker_title",
    "speaker_org",
    "speaker_country",
    "speaker_type",
    "compound",
    "tone",
]
# speakers-table column <- quotes column, for the most-frequent-value facts
FACT_COLUMNS = (
    ("title", "speaker_title"),
    ("org", "speaker_org"),
    ("country", "speaker_country"),
    ("speaker_type", "speaker_type"),
)


def _missing(value) -> bool:
    """None, NaN and pandas' NA all count as missing."""
    if value is None:
        return True
    try:
        return value != value or (isinstance(value, float) and math.isnan(value))
    except TypeError:  # pandas.NA refuses to be a bool
        return True


# A joint mention ("Senator Graham and Senator Blumenthal") names several speakers: it is
# no alias of either.
_JOINT = re.compile(r"\s(?:and|&)\s")


class _Tally:
    __slots__ = ("n_quotes", "articles", "compound_sum", "compound_n", "tone_sum", "tone_n", "facts", "aliases")

    def __init__(self):
        self.n_quotes = 0
        self.articles: set = set()
        self.compound_sum = self.tone_sum = 0.0
        self.compound_n = self.tone_n = 0
        self.facts = {name: Counter() for name, _ in FACT_COLUMNS}
        self.aliases: set[str] = set()


class SpeakerIndex:
    """Per-speaker tallies, fed batch by batch; :meth:`rows` gives the table."""

    def __init__(self):
        self._tallies: dict[str, _Tally] = {}

    def add(self, columns: dict[str, list]) -> None:
        """Add a batch of quotes given as columns (``INPUT_COLUMNS``, equal lengths)."""
        speakers = columns["speaker"]
        facts = [(name, columns[source]) for name, source in FACT_COLUMNS]
        for i, speaker in enumerate(speakers):
            if _missing(speaker):
                continue
            tally = self._tallies.get(speaker)
            if tally is None:
                tally = self._tallies[speaker] = _Tally()
            tally.n_quotes += 1
            article = columns["article_id"][i]
            if not _missing(article):
                tally.articles.add(article)
            compound, tone = columns["compound"][i], columns["tone"][i]
            if not _missing(compound):
                tally.compound_sum += compound
                tally.compound_n += 1
            if not _missing(tone):
                tally.tone_sum += tone
                tally.tone_n += 1
            for name, values in facts:
                if not _missing(values[i]):
                    tally.facts[name][values[i]] += 1
            mention = columns["speaker_mention"][i]
            if (
                not _missing(mention)
                and mention != speaker
                and mention.lower() not in PERSONAL_PRONOUNS
                and not _JOINT.search(mention)
            ):
                tally.aliases.add(mention)

    def add_rows(self, quote_rows: list[dict]) -> None:
        """Add quotes given as row dicts (the pipeline's quotes rows)."""
        self.add({name: [row[name] for row in quote_rows] for name in INPUT_COLUMNS})

    def merge(self, other: SpeakerIndex) -> None:
        """Add another index's tallies (e.g. one batch's, built by the worker that wrote
        the batch), as if its quotes had been added here."""
        for speaker, theirs in other._tallies.items():
            tally = self._tallies.get(speaker)
            if tally is None:
                self._tallies[speaker] = theirs
                continue
            tally.n_quotes += theirs.n_quotes
            tally.articles |= theirs.articles
            tally.compound_sum += theirs.compound_sum
            tally.compound_n += theirs.compound_n
            tally.tone_sum += theirs.tone_sum
            tally.tone_n += theirs.tone_n
            for name, counts in theirs.facts.items():
                tally.facts[name].update(counts)
            tally.aliases |= theirs.aliases

    def rows(self) -> list[dict]:
        """One dict per speaker, in the speakers-table contract's columns and order."""
        out = []
        for speaker, tally in self._tallies.items():
            row = {"speaker": speaker, "aliases": sorted(tally.aliases)}
            for name, _ in FACT_COLUMNS:
                row[name] = _most_common(tally.facts[name])
            row.update(
                n_quotes=tally.n_quotes,
                n_articles=len(tally.articles),
                mean_compound=tally.compound_sum / tally.compound_n if tally.compound_n else None,
                mean_tone=tally.tone_sum / tally.tone_n if tally.tone_n else None,
            )
            out.append(row)
        out.sort(key=lambda row: (-row["n_quotes"], row["speaker"]))
        return out


def _most_common(counts: Counter) -> str | None:
    """The most frequent value, the alphabetically first among equals; None if none."""
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def speaker_rows(batches: Iterable[dict[str, list]]) -> list[dict]:
    """The speakers table's rows from batches of quote columns."""
    index = SpeakerIndex()
    for columns in batches:
        index.add(columns)
    return index.rows()
