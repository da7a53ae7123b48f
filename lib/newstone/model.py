"""The dataclasses at the seams between stages.

Data flows one way: raw text -> :class:`Article` (header fields and the body region)
-> :class:`Sentence` spans -> :class:`Attribution` and :class:`CountryMention` ->
:class:`ArticleRows` (one article's rows of every table) -> pandas tables. Every span is a
pair of character offsets ``[start, end)`` into ``Article.text``, the text exactly as
Python's ``open(path).read()`` gives it (a UTF-8 byte-order mark kept as U+FEFF, which is
what the PolNeAR scorer reads), so any row can be traced back with ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

# Who-said-what finders: the rules alone, or the rules extended by a tagger trained on
# PolNeAR (newstone.nlp.attribution.hybrid). The hybrid is the default: it beats the rules
# on PolNeAR dev at the precision asked for and names the same speakers on our identity set
# (figures in docs/methodology.md). Datasets that record no mode were made by the rules.
ATTRIBUTION_MODES = ("rules", "hybrid")
DEFAULT_ATTRIBUTION = "hybrid"


@dataclass
class Article:
    """One input document, as read, with the header split from the body.

    ``body_spans`` are the regions of ``text`` that hold article prose (the headline
    included); bylines, datelines, credit blocks and boilerplate lie outside them.
    ``error`` is set instead of raising when the input could not be read; such an
    article has empty text and yields only its row in the articles table.
    """

    article_id: str
    text: str = ""
    source_path: str | None = None
    title: str | None = None
    title_span: Span | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None
    source: str | None = None
    body_spans: list[Span] = field(default_factory=list)
    error: str | None = None


@dataclass
class Sentence:
    """A sentence span; ``paragraph_id`` counts blank-line separated blocks from 0."""

    start: int
    end: int
    paragraph_id: int


@dataclass
class Attribution:
    """Who said what: one attribution relation, with its spans into the article text.

    ``spans`` are the content pieces (a quote split by its attribution clause has two).
    ``source`` is the in-text mention of the speaker next to the cue ("he", "the
    spokesman", "Miller"); ``speaker`` is the resolved name ("Matthew Miller").
    """

    kind: str  # direct | indirect | mixed
    spans: list[Span]
    cue: Span | None = None
    source: Span | None = None
    speaker: str | None = None
    speaker_type: str = "unknown"  # person | group | organization | country | unknown
    speaker_title: str | None = None
    speaker_org: str | None = None
    speaker_country: str | None = None
    country_evidence: str | None = None  # what gave speaker_country: roster, title, org, party, office, owner, name

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


@dataclass
class CountryMention:
    """A place, people or institution that stands for a country (or an organisation).

    ``country`` is ISO 3166-1 alpha-3, or None for organisations such as NATO.
    ``kind``: name | demonym | capital | institution | abbreviation | organization.
    """

    start: int
    end: int
    surface: str
    country: str | None
    kind: str


@dataclass
class ArticleRows:
    """The rows one article contributes to each table."""

    article: dict
    sentences: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
