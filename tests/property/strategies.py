"""Hypothesis strategies for hostile input: news-like text built from the words the rules
look for (cues, names, titles, countries) mixed with what breaks rules (unpaired quote
marks, dashes, brackets, control characters, very long tokens), and bytes shaped like each
input format (.txt, .jsonl, .csv, .html) or not at all."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import strategies as st

SPEAKERS = [
    "Putin",
    "Vladimir Putin",
    "Mr Smith",
    "Ms. Lee",
    "Dr. Hayes",
    "Sen. John McCain",
    "the minister",
    "the U.S. State Department",
    "a spokesman",
    "officials",
    "he",
    "she",
    "they",
    "It",
    "Kremlin spokesman",
    "Dmitry Peskov",
    "Biden",
    "Mr. Blair",
    "the Tory leader",
    "Reuters",
    "the company",
    "I",
    "We",
]
CUES = [
    "said",
    "says",
    "told reporters",
    "added",
    "according to",
    "said on Monday",
    "warned",
    "stated that",
    "believes",
    "is expected to",
    "Asked whether",
    "argued that",
    "continued",
    "wrote",
    "denied",
    "called it",
    "said that",
    "told",
    "noted",
    "seems to",
    "expressed concern about",
    "endorsed",
    "as",
    "by",
    "report",
]
COUNTRIES = [
    "Russia",
    "North Korea",
    "North Korean",
    "U.S.",
    "U.S",
    "the United States",
    "Britain's",
    "Moscow",
    "Kyiv",
    "NATO",
    "Georgia",
    "Jordan",
    "Korea",
    "EU",
    "Washington",
    "Ukrainian",
    "Pyongyang",
    "UK",
    "Holland",
]
WORDS = [
    "the",
    "plan",
    "will",
    "work",
    "not",
    "good",
    "terrible",
    "a",
    "war",
    "peace",
    "and",
    "that",
    "I think",
    "we",
    "very",
    "concerning",
    "no",
    "it's",
    "of",
    "in",
    "to",
    "on Tuesday",
    "who",
    "which",
    "but",
    "Gen.",
    "Mr.",
    "St.",
    "Jan.",
    "No.",
    "Inc.",
    "e.g.",
    "i.e.",
    "J.",
    "A.",
    "Q:",
    "A:",
    "BLAKE:",
    "http://x.y/z",
    "WASHINGTON (Reuters) -",
    "By John Smith",
    "(Reporting by Ann Lee)",
    "Related Articles",
    "—",
    "*",
]
PUNCTUATION = [",", ".", ":", ";", "?", "!", "...", "\u2026", ".,", "?!", ",\u201d", ".\u201d", ',"', "'s"]
QUOTES = [
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "'",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "''",
    "``",
    '""',
    "\u201c\u201c",
]
DASHES = ["-", "\u2013", "\u2014", "--", "\u2015", "\u2212"]
BRACKETS = ["(", ")", "[", "]", "{", "}", "<", ">", "((", "))"]
SPACES = [" ", "  ", "\n", "\n\n", "\n \n", "\t", "\r\n", "\r", "\u00a0", "\u3000"]
# Characters other code may treat as line breaks or as nothing: str.splitlines() breaks at
# \x0b \x0c \x1c-\x1e \x85 \u2028 \u2029; NUL, DEL, a byte-order mark, zero-width and
# combining marks, a lone surrogate (JSON "\ud800" escapes give one).
CONTROL = [
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u0301",
    "\ud800",
    "\udfff",
    "\U0001f600",
    "\u0130",
    "\u1e9e",
    "\ufb01",
]

TOKENS = SPEAKERS + CUES + COUNTRIES + WORDS + PUNCTUATION + QUOTES + DASHES + BRACKETS + SPACES + CONTROL


def long_tokens() -> st.SearchStrategy[str]:
    """One character or a short piece repeated hundreds of times: a token 5,000 letters long,
    a run of quote marks, commas, dots, dashes or newlines."""
    pieces = st.sampled_from(["a", "A", "x", '"', "\u201c", "'", ",", ".", "-", "(", "\n", " ", "said ", "Russia "])
    return st.builds(lambda piece, n: piece * n, pieces, st.integers(100, 2500))


def tokens(long: bool = True) -> st.SearchStrategy[str]:
    choices = [st.sampled_from(TOKENS)] * 5 + [st.text(max_size=8)]
    if long:
        choices.append(long_tokens())
    return st.one_of(*choices)


@st.composite
def news_texts(draw, max_tokens: int = 60, long: bool = True) -> str:
    """Text from the grammar: tokens joined by a space most of the time, or by nothing."""
    parts = draw(st.lists(st.tuples(tokens(long), st.sampled_from([" ", " ", " ", "", "\n"])), max_size=max_tokens))
    return "".join(token + sep for token, sep in parts)


# Sentence shapes the attribution rules look for, with slots for speakers, cues and
# clauses that may themselves be hostile.
TEMPLATES = [
    "\u201c{clause},\u201d {speaker} {cue}.",
    "\u201c{clause},\u201d {cue} {speaker}, {title} of {country}.",
    '"{clause}," {speaker} {cue}. "{clause}."',
    "{speaker} {cue} {clause}.",
    "{speaker} {cue} that {clause}, {clause}.",
    "{speaker} {cue}: \u201c{clause}.\u201d",
    "{clause}, according to {speaker}.",
    "{clause}, {speaker} {cue}.",
    "\u201c{clause}\u201d \u2013 {speaker}",
    "{SPEAKER}: {clause}",
    "\u201c{clause}.\n\n\u201c{clause},\u201d {speaker} {cue}.",
    "\u201c{clause} \u2018{clause}\u2019 {clause},\u201d {speaker} {cue}.",
    "{speaker}, {title} of {country}, {cue} on Monday that {clause}.",
    "Asked whether {clause}, {speaker} {cue}: \u201c{clause}.\u201d",
    "{speaker} {cue} {speaker} {cue} {clause}.",
    "{speaker} ({country}) {cue} {clause} ({clause}.",
    "\u201c{clause},\u201d {speaker} {cue}, \u201c{clause}.\u201d",
]
TITLES = ["the foreign minister", "President", "spokeswoman", "head", "Gen.", "chief executive", "ambassador"]


@st.composite
def sentence(draw) -> str:
    template = draw(st.sampled_from(TEMPLATES))
    clause = news_texts(max_tokens=6, long=False)
    slots = {
        "clause": lambda: draw(clause),
        "speaker": lambda: draw(st.one_of(st.sampled_from(SPEAKERS), tokens(long=False))),
        "SPEAKER": lambda: draw(st.sampled_from(["PUTIN", "BLAKE", "Q", "MR SMITH", "A"])),
        "cue": lambda: draw(st.one_of(st.sampled_from(CUES), tokens(long=False))),
        "title": lambda: draw(st.sampled_from(TITLES)),
        "country": lambda: draw(st.sampled_from(COUNTRIES)),
    }
    pieces = template.replace("}", "{").split("{")
    return "".join(slots[piece]() if i % 2 else piece for i, piece in enumerate(pieces))


@st.composite
def articles(draw, max_paragraphs: int = 6) -> str:
    """A headline, then paragraphs of template sentences and hostile tokens."""
    paragraph = st.lists(st.one_of(sentence(), sentence(), tokens()), min_size=1, max_size=3).map(" ".join)
    headline = draw(st.one_of(news_texts(max_tokens=8, long=False), sentence()))
    body = draw(st.lists(paragraph, max_size=max_paragraphs))
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n \n", "\n\n\n"]))
    return separator.join([headline, *body])


def texts() -> st.SearchStrategy[str]:
    """Any text: mostly articles of the grammar's sentences, sometimes bare tokens or
    arbitrary Unicode (surrogates included)."""
    return st.one_of(
        articles(),
        articles(),
        news_texts(),
        st.text(st.characters(codec=None, categories=None), max_size=300),
    )


# --- bytes of input files ---

ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-32", "latin-1"]


def encoded(text_strategy: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.builds(encode, text_strategy, st.sampled_from(ENCODINGS))


def any_bytes() -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=600), encoded(texts()))


FIELD_NAMES = ["id", "text", "body", "content", "article", "title", "date", "published", "source", "dateline", ""]


def json_values(text_strategy) -> st.SearchStrategy:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text_strategy)
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=3)),
        max_leaves=6,
    )


def records(text_strategy=None) -> st.SearchStrategy[dict]:
    text_strategy = text_strategy or news_texts(max_tokens=25, long=False)
    keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=5))
    return st.dictionaries(keys, st.one_of(text_strategy, json_values(text_strategy)), max_size=5)


@st.composite
def jsonl_bytes(draw) -> bytes:
    lines = []
    for kind in draw(st.lists(st.sampled_from(["record", "record", "json", "junk", "blank"]), max_size=6)):
        if kind == "record":
            lines.append(json.dumps(draw(records()), ensure_ascii=draw(st.booleans())))
        elif kind == "json":
            lines.append(json.dumps(draw(json_values(st.text(max_size=10)))))
        elif kind == "junk":
            lines.append(draw(st.text(max_size=40)))
        else:
            lines.append("")
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    return encode(text, draw(st.sampled_from(ENCODINGS)))


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; a lone surrogate kept where the encoding can (a file can
    hold one, undecodable), else replaced."""
    try:
        return text.encode(encoding, "surrogatepass")
    except UnicodeEncodeError:
        return text.encode(encoding, "replace")


@st.composite
def csv_bytes(draw) -> bytes:
    if draw(st.booleans()):  # well formed, by csv.writer
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        header = draw(st.lists(st.sampled_from(FIELD_NAMES), min_size=1, max_size=4))
        writer.writerow(header)
        for _ in range(draw(st.integers(0, 4))):
            writer.writerow(draw(st.lists(news_texts(max_tokens=20, long=False), max_size=len(header) + 1)))
        text = buffer.getvalue()
    else:  # anything with commas, quotes and newlines
        text = draw(st.sampled_from(["id,text\n", "text\n", "\ufefftext,id\n", ""])) + draw(
            st.text(st.sampled_from("ab ,\"\n\r'\x00\u201c"), max_size=200)
        )
    return text.encode(draw(st.sampled_from(ENCODINGS)), "replace")


TAGS = [
    "html",
    "head",
    "title",
    "body",
    "article",
    "main",
    "div",
    "p",
    "span",
    "h1",
    "h2",
    "br",
    "ul",
    "li",
    "blockquote",
    "q",
    "b",
    "i",
    "a",
    "script",
    "style",
    "table",
    "tr",
    "td",
    "meta",
    "section",
    "pre",
    "em",
]


@st.composite
def html_bytes(draw) -> bytes:
    """Tag soup: open and close tags in any order, attributes, text, entities and comments."""
    pieces = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(["open", "close", "text", "text", "entity", "comment", "junk"]))
        tag = draw(st.sampled_from(TAGS))
        if kind == "open":
            attribute = draw(st.sampled_from(["", ' class="article"', ' id="x"', " lang=en", ' content="a"', " =="]))
            pieces.append(f"<{tag}{attribute}>")
        elif kind == "close":
            pieces.append(f"</{tag}>")
        elif kind == "text":
            pieces.append(draw(news_texts(max_tokens=20, long=False)))
        elif kind == "entity":
            pieces.append(
                draw(
                    st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&#1114112;", "&nbsp;", "&bogus;", "&#x1F600;", "&"])
                )
            )
        elif kind == "comment":
            pieces.append(
                draw(
                    st.sampled_from(["<!-- c -->", "<!--", "<![CDATA[x]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>"])
                )
            )
        else:
            pieces.append(draw(st.text(max_size=10)))
    if draw(st.booleans()):
        depth = draw(st.integers(0, 300))
        pieces.append("<div>" * depth + "deep text said Putin." + "</div>" * draw(st.integers(0, depth)))
    return "".join(pieces).encode(draw(st.sampled_from(ENCODINGS)), "replace")


def file_bytes(suffix: str) -> st.SearchStrategy[bytes]:
    """Bytes shaped like a ``suffix`` file, or any bytes at all."""
    shaped = {".jsonl": jsonl_bytes(), ".csv": csv_bytes(), ".html": html_bytes(), ".txt": encoded(texts())}[suffix]
    return st.one_of(shaped, shaped, any_bytes())
