"""An .html article: the headline and paragraphs trafilatura extracts, as plain text.

The paragraphs are joined with blank lines, as in a .txt article, and the text is kept in
the articles table, so every offset still resolves. The headline is written once even
when the page repeats it as its first heading.
"""

from __future__ import annotations

import re

from newstone.ingest.decode import normalise_newlines
from newstone.ingest.discover import InputFile
from newstone.ingest.plaintext import parse_plain_text
from newstone.model import Article


def read_html(item: InputFile, data: bytes) -> Article:
    """A saved news page, through trafilatura; offsets refer to the extracted text.

    The text reads like a plain-text article, so the same header rules apply: the headline
    first, then every paragraph, subhead, list item and block quote of the extracted body
    as its own paragraph, separated by blank lines (paragraph ids, the dateline and the
    sentence splitter depend on them). The page title is put first only when the body
    does not already start with the headline (:func:`_starts_with_headline`), so it is
    never there twice.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False)
        paragraphs = _html_paragraphs(document) if document is not None else []
    except Exception as exc:  # a malformed page must not stop the batch
        return Article(item.article_id, source_path=item.path, error=f"HTML extraction failed: {exc}")
    if not paragraphs:
        return Article(item.article_id, source_path=item.path, error="HTML page has no extractable article text")
    title = " ".join((getattr(document, "title", None) or "").split())
    if title and not _starts_with_headline(title, *paragraphs[0]):
        paragraphs.insert(0, (title, "title"))
    text = "\n\n".join(paragraph for paragraph, _ in paragraphs)
    article = parse_plain_text(item.article_id, text, source_path=item.path)
    article.byline = article.byline or getattr(document, "author", None)
    article.published = getattr(document, "date", None)
    article.source = article.source or getattr(document, "sitename", None)
    return article


# Elements of trafilatura's extracted body (its XML: head, p, list/item, quote, ...) that
# hold paragraphs of their own rather than inline text.
_HTML_BLOCKS = frozenset({"head", "p", "list", "item", "quote", "table", "div", "section"})


_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


def _html_paragraphs(document) -> list[tuple[str, str | None]]:
    """(paragraph, heading level) for every block of trafilatura's extracted body, each
    block's text as trafilatura's own text output renders it (one line per ``<br>``). The
    level is the heading's ``h1``..``h6`` ("" if unknown), None for other blocks."""
    from copy import deepcopy

    from lxml import etree
    from trafilatura.xml import xmltotxt

    body = getattr(document, "body", None)
    if body is None:  # no tree: trafilatura's text has a block per line
        lines = (getattr(document, "text", None) or "").splitlines()
        return [(line.strip(), None) for line in lines if line.strip()]
    paragraphs: list[tuple[str, str | None]] = []

    def add(text: str | None, heading: str | None = None) -> None:
        # a blank line inside a block (<br><br> on pages without <p>) parts paragraphs too
        for block in _BLANK_LINES.split(normalise_newlines(text or "")):
            lines = (line.strip() for line in block.split("\n"))
            if paragraph := "\n".join(line for line in lines if line):
                paragraphs.append((paragraph, heading))

    def leaf(element, heading: str | None = None) -> None:
        for piece in _split_at_double_breaks(element):
            add(xmltotxt(piece, False), heading)

    def walk(element) -> None:
        """A block: one paragraph, or a container's (the body, a block quote, a list) blocks
        one by one, the inline text between them a paragraph of its own."""
        if not any(child.tag in _HTML_BLOCKS for child in element):
            alone = deepcopy(element)
            alone.tail = None  # the tail is the parent's text, read with the parent
            leaf(alone, (element.get("rend") or "") if element.tag == "head" else None)
            return
        loose = etree.Element(element.tag)  # inline text and markup between blocks
        loose.text = element.text
        for child in element:
            if child.tag in _HTML_BLOCKS:
                leaf(loose)
                walk(child)
                loose = etree.Element(element.tag)
                loose.text = child.tail
            else:
                loose.append(deepcopy(child))  # with its tail
        leaf(loose)

    walk(body)
    return paragraphs


_DOUBLE_BREAK = re.compile(r"(?:<lb/>\s*){2,}")


def _split_at_double_breaks(element) -> list:
    """``element`` cut where it has two line breaks in a row: a page that parts its
    paragraphs with ``<br><br>`` instead of ``<p>``, which trafilatura's text output
    renders as one line break. Unchanged when a cut would fall inside inline markup."""
    from lxml import etree

    if len(element.findall("lb")) < 2:
        return [element]
    markup = etree.tostring(element, encoding="unicode")
    open_end, close_start = markup.find(">") + 1, markup.rfind("</")
    if markup.endswith("/>") or not 0 < open_end <= close_start:
        return [element]
    pieces = _DOUBLE_BREAK.split(markup[open_end:close_start])
    if len(pieces) == 1:
        return [element]
    try:
        return [etree.fromstring(markup[:open_end] + piece + markup[close_start:]) for piece in pieces]
    except etree.XMLSyntaxError:  # a <br><br> inside <b>...</b>: keep the block whole
        return [element]


def _starts_with_headline(title: str, first: str, heading: str | None) -> bool:
    """True when the body's first paragraph is the headline already: the title itself, or
    any heading. An article's body starts with its headline (``<h1>``, or ``<h2>`` where
    the site spends its ``<h1>`` on the logo); the page's title is then often the site's
    wording ("Talks fail | Site"), or trafilatura keeps the wrong half of it ("Site")."""
    if heading is not None:
        return True
    return " ".join(first.split()).casefold() == title.casefold()
