"""The article explorer: one article as HTML with its quotes, speakers, cues and countries.

Everything is drawn from the tables' character offsets: quotes are tinted with their
speaker's colour (one distinct colour per speaker, named in the legend with their number
of quotes) and underlined in their tone's, the speaker mention is outlined, the cue
dotted, country mentions boxed. The quotes table under the text can be searched, sorted
and downloaded (:mod:`newstone.reports.tables`); nothing is loaded from outside.
"""

from __future__ import annotations

import html
from functools import lru_cache

import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import to_hex

from newstone.analysis.counting import quote_spans
from newstone.reports.charts import DIVERGING_CMAP
from newstone.reports.palette import OKABE_ITO, categorical_colours
from newstone.reports.tables import interactive_table

# The first speakers' colours: Okabe-Ito, told apart with colour blindness; more speakers
# get more colours (newstone.reports.palette), never one already used in the article.
SPEAKER_COLOURS = OKABE_ITO


class ArticleHTML(str):
    """An HTML string that Jupyter displays as HTML (``IPython.display.HTML`` accepts it too)."""

    def _repr_html_(self) -> str:
        return str(self)


ARTICLE_CSS = """
<style>
.ns-article{font-family:Georgia,serif;line-height:1.65;max-width:52em}
.ns-article .ns-text{white-space:pre-wrap}
.ns-article .ns-meta{color:#555;font-family:sans-serif;font-size:.9em;margin-bottom:.8em}
.ns-quote{background:var(--ns-speaker-bg);border-bottom:3px solid var(--ns-tone);padding:1px 0}
.ns-cue{font-style:italic;text-decoration:underline dotted #333}
.ns-speaker{font-weight:bold;outline:2px solid var(--ns-speaker);outline-offset:1px;border-radius:2px}
.ns-country{font-variant:small-caps;border:1px dashed #555;border-radius:3px;padding:0 2px}
.ns-badge{font-family:sans-serif;font-size:.72em;color:#fff;background:var(--ns-tone);
  border-radius:3px;padding:0 3px;margin-left:2px;vertical-align:super}
.ns-legend{font-family:sans-serif;font-size:.85em;margin:.6em 0;display:flex;flex-wrap:wrap;gap:.4em .9em}
.ns-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle;margin-right:.25em}
</style>
"""


def speaker_colours(speakers) -> dict:
    """A distinct colour per speaker name, in order of first appearance: Okabe-Ito for the
    first eight, then as many more as the article needs (it used to cycle through eight,
    so a ninth speaker took the first one's colour)."""
    unique = list(dict.fromkeys(s for s in speakers if isinstance(s, str)))
    return dict(zip(unique, categorical_colours(len(unique))))


def tone_colour(value: float | None) -> str:
    """Underline/badge colour of a quote's tone: the diverging map at that value."""
    if value is None or pd.isna(value):
        return "#969696"
    return _tone_colour(round(max(-1.0, min(1.0, float(value))), 3))


@lru_cache(maxsize=4096)
def _tone_colour(value: float) -> str:
    # matplotlib builds a colour map's table on every lookup of a copy (colormaps[...]
    # returns one): a millisecond per quote, most of the time of a per-article page
    return to_hex(_diverging()(0.5 + 0.5 * value * 0.85))


@lru_cache(maxsize=1)
def _diverging():
    return colormaps[DIVERGING_CMAP]


def render_article(
    article: pd.Series, quotes: pd.DataFrame, mentions: pd.DataFrame, score: str = "tone"
) -> ArticleHTML:
    """HTML of one article with its quotes, cues, speaker mentions and countries marked.

    Built from character offsets into ``article["text"]``: the text is cut at every
    annotation boundary and each piece is escaped and wrapped in the marks covering it,
    so overlapping annotations (a country inside a quote) never produce broken HTML.
    Quotes are tinted with their speaker's colour and underlined in their tone's colour,
    with a badge giving the score at the quote's end.
    """
    text = str(article["text"])
    in_text_order = quotes.sort_values("start") if len(quotes) and "start" in quotes.columns else quotes
    colours = speaker_colours(in_text_order["speaker"]) if len(quotes) else {}
    counts = quotes["speaker"].value_counts() if len(quotes) else {}
    marks: list[tuple[int, int, str, str]] = []  # (start, end, kind, opening tag)
    badges: dict[int, list[str]] = {}
    for q in quotes.to_dict("records"):
        speaker = q.get("speaker") if isinstance(q.get("speaker"), str) else None
        colour = colours.get(speaker, "#bdbdbd")
        value = q.get(score)
        tone = tone_colour(value)
        who = speaker or "unattributed"
        value_text = "n/a" if value is None or pd.isna(value) else f"{float(value):+.2f}"
        style = f"--ns-speaker:{colour};--ns-speaker-bg:{colour}33;--ns-tone:{tone}"
        tip = html.escape(f"{who} — {score} {value_text} ({q.get('tone_label') or ''})", quote=True)
        spans = quote_spans(q)
        for start, end in spans:
            marks.append(
                (
                    start,
                    end,
                    "0quote",
                    f'<span class="ns-quote" data-speaker="{html.escape(who, quote=True)}" '
                    f'style="{style}" title="{tip}">',
                )
            )
        if spans:
            badge_at = max(end for _, end in spans)
            ink = "#000" if value is None or pd.isna(value) or abs(float(value)) < 0.45 else "#fff"
            badges.setdefault(badge_at, []).append(
                f'<span class="ns-badge" style="--ns-tone:{tone};color:{ink}" title="{tip}">'
                f"{html.escape(value_text)}</span>"
            )
        if not pd.isna(q.get("cue_start")) and not pd.isna(q.get("cue_end")):
            marks.append((int(q["cue_start"]), int(q["cue_end"]), "1cue", '<span class="ns-cue" title="cue">'))
        if not pd.isna(q.get("speaker_start")) and not pd.isna(q.get("speaker_end")):
            marks.append(
                (
                    int(q["speaker_start"]),
                    int(q["speaker_end"]),
                    "2speaker",
                    f'<span class="ns-speaker" style="--ns-speaker:{colour}" '
                    f'title="{html.escape("speaker: " + who, quote=True)}">',
                )
            )
    for m in mentions.to_dict("records"):
        if pd.isna(m["start"]) or pd.isna(m["end"]):
            continue
        marks.append(
            (
                int(m["start"]),
                int(m["end"]),
                "3country",
                f'<span class="ns-country" title="{html.escape(_mention_title(m), quote=True)}">',
            )
        )
    body = _marked_text(text, marks, badges)
    meta = " · ".join(
        html.escape(str(article[c]))
        for c in ("published", "source", "byline")
        if c in article.index and isinstance(article[c], str) and article[c]
    )
    title = article.get("title")
    if isinstance(title, str) and title.strip() and not text.lstrip().startswith(title.strip()):
        meta = f"<strong>{html.escape(title)}</strong><br>{meta}"  # headline given apart from the text (JSONL/CSV)
    legend = "".join(
        f'<span class="ns-legend-speaker"><span class="ns-swatch" style="background:{c}"></span>'
        f"{html.escape(s)} ({counts[s]})</span>"
        for s, c in colours.items()
    )
    legend += (
        f'<span><span class="ns-swatch" style="background:{tone_colour(-1)}"></span>negative tone</span>'
        f'<span><span class="ns-swatch" style="background:{tone_colour(1)}"></span>positive tone</span>'
        '<span class="ns-cue">cue</span><span class="ns-country">country</span>'
    )
    return ArticleHTML(
        f'{ARTICLE_CSS}<div class="ns-article" data-article-id="{html.escape(str(article["article_id"]), quote=True)}">'
        f'<div class="ns-meta">{meta}</div><div class="ns-legend">{legend}</div>'
        f'<div class="ns-text">{body}</div></div>'
    )


def _marked_text(text: str, marks: list[tuple[int, int, str, str]], badges: dict[int, list[str]]) -> str:
    """Escape ``text`` and wrap each piece between boundaries in the marks covering it."""
    marks = [(max(0, s), min(len(text), e), k, tag) for s, e, k, tag in marks if e > s]
    cuts = sorted(
        {
            0,
            len(text),
            *(s for s, _, _, _ in marks),
            *(e for _, e, _, _ in marks),
            *(b for b in badges if 0 <= b <= len(text)),
        }
    )
    out = []
    for left, right in zip(cuts, cuts[1:]):
        covering = sorted((k, tag) for s, e, k, tag in marks if s <= left and right <= e)
        piece = html.escape(text[left:right])
        out.append("".join(tag for _, tag in covering) + piece + "</span>" * len(covering))
        out.extend(badges.get(right, []))
    return "".join(out)


def article_quotes_table(quotes: pd.DataFrame, score: str = "tone") -> pd.DataFrame:
    """The quotes of an article as a table, in text order, with the offsets of their
    content (``start``, ``end``) into the article's text."""
    columns = ["quote_id", "speaker", "speaker_country", "kind", score, "tone_label", "text", "start", "end"]
    columns = list(dict.fromkeys(c for c in columns if c in quotes.columns))
    return quotes.sort_values("start")[columns].reset_index(drop=True)


def _mention_title(mention) -> str:
    """Hover text of a country mention: its country, or what it is when it has none
    ("NATO: organization, no country") rather than a raw <NA>."""
    if pd.isna(mention["country"]):
        kind = mention.get("kind")
        return f"{mention.get('surface', '')}: {kind if isinstance(kind, str) else 'mention'}, no country".strip(": ")
    return f"country: {mention['country']}"


def pick_article(articles: pd.DataFrame, article_id: str | None = None) -> str:
    """``article_id`` if the articles table has it, the first article's id when None."""
    if articles.empty:
        raise ValueError("no articles to explore (empty input or date window)")
    if article_id is None:
        return str(articles["article_id"].iloc[0])
    if not (articles["article_id"] == str(article_id)).any():
        known = ", ".join(map(str, articles["article_id"].head(10)))
        raise KeyError(f"no article {article_id!r}; first ids: {known}")
    return str(article_id)


def explorer_html(tables: dict, article_id: str | None = None, score: str = "tone") -> ArticleHTML:
    """The article explorer for one article: marked-up text, then its quotes as a table.

    ``tables`` holds "articles", "quotes" and "mentions"; ``article_id`` None means the
    first article. Shared by the explorer notebook and ``newstone report --per-article``.
    """
    articles = tables["articles"]
    article_id = pick_article(articles, article_id)
    chosen = articles[articles["article_id"] == article_id]
    quotes = tables["quotes"][tables["quotes"]["article_id"] == article_id]
    mentions = tables["mentions"][tables["mentions"]["article_id"] == article_id]
    marked = render_article(chosen.iloc[0], quotes, mentions, score=score)
    listing = interactive_table(article_quotes_table(quotes, score), "quotes", formats={score: "{:+.2f}"})
    return ArticleHTML(f"{marked}<h3>Quotes ({len(quotes)})</h3>{listing}")
