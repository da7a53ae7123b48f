"""An .html article: the headline and paragraphs trafilatura extracts, as plain text
(lib/newstone/ingest/html.py)."""

from newstone.ingest.reader import iter_articles

# --- helpers ---


def _text_and_paragraphs(article):
    from newstone.spans import paragraph_spans

    return [article.text[s:e] for s, e in paragraph_spans(article.text)]


def _read_page(tmp_path, html, name="page.html"):
    (tmp_path / name).write_text(html, encoding="utf-8")
    (article,) = iter_articles([str(tmp_path / name)])
    assert article.error is None
    return article


# --- extraction ---


def test_html_page_through_trafilatura(tmp_path):
    body = " ".join(["The minister said the talks had failed and that the government would respond."] * 4)
    html = (
        f"<html><head><title>Talks fail</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Talks fail</h1><p>{body}</p><p>{body}</p></article>"
        f"<footer>Back to top</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (tmp_path / "junk.html").write_text("<html><body></body></html>", encoding="utf-8")
    articles = {a.article_id: a for a in iter_articles([str(tmp_path)])}
    page = articles["page"]
    assert page.error is None
    assert page.title == "Talks fail"
    assert "The minister said the talks had failed" in page.text
    assert "Home | World" not in page.text
    assert "no extractable article text" in articles["junk"].error


def test_html_quotes_are_not_doubled_and_paragraph_ids_count(tmp_path):
    from newstone.pipeline import process_article

    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Putin says Russia may arm North Korea</title></head><body><article>"
            "<h1>Putin says Russia may arm North Korea</h1>"
            "<p>MOSCOW (Reuters) - Russian President Vladimir Putin said on Thursday that Moscow could supply "
            'weapons to North Korea.</p><p>"This is incredibly concerning," U.S. spokesman Matthew Miller said.</p>'
            "</article></body></html>"
        ),
    )
    rows = process_article(article)
    texts = [q["text"] for q in rows.quotes]
    assert len(texts) == len(set(texts)) and texts
    assert not any("MOSCOW" in t for t in texts)
    assert sorted({s["paragraph_id"] for s in rows.sentences}) == [0, 1, 2]


# --- headline and paragraphs ---


def test_html_headline_once_and_paragraphs_apart(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>T</title></head><body><article><h1>Title</h1>"
            "<p>MOSCOW (Reuters) - First para said X.</p><p>Second para.</p><h2>Subhead</h2><p>Third.</p>"
            "</article></body></html>"
        ),
    )
    assert article.text == ("Title\n\nMOSCOW (Reuters) - First para said X.\n\nSecond para.\n\nSubhead\n\nThird.")
    assert article.title == "Title"
    assert (article.dateline, article.source) == ("MOSCOW (Reuters) -", "Reuters")
    assert [article.text[s:e] for s, e in article.body_spans] == [
        "Title",
        "First para said X.",
        "Second para.",
        "Subhead",
        "Third.",
    ]


def test_html_title_put_first_when_the_body_lacks_it(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Floods hit the south</title></head><body><div class='kicker'>Weather</div>"
            "<div class='content'><p>BERLIN \u2014 Rivers burst their banks on Sunday after days of heavy rain, "
            'officials said.</p><p>"It is serious," the interior minister said on Sunday evening.</p></div>'
            "</body></html>"
        ),
    )
    assert _text_and_paragraphs(article)[:2] == [
        "Floods hit the south",
        "BERLIN \u2014 Rivers burst their banks on Sunday after days of heavy rain, officials said.",
    ]
    assert article.title == "Floods hit the south" and article.dateline == "BERLIN \u2014"


def test_html_leading_heading_is_the_headline_even_when_the_title_differs(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Daily Planet - Floods hit the south</title></head><body><article>"
            "<h2>Floods hit the south</h2><p>BERLIN (dpa) -- Rivers burst their banks on Sunday, officials said.</p>"
            '<p>"It is serious," the interior minister said.</p></article></body></html>'
        ),
    )
    assert article.text.count("Floods hit the south") == 1
    assert article.title == "Floods hit the south" and article.dateline == "BERLIN (dpa) --"


def test_html_quotes_lists_and_double_breaks_are_paragraphs(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Minister quits</title></head><body><div class='story'><h1>Minister quits</h1>"
            "<div class='text'>LONDON (Reuters) - The minister resigned on Friday, his office said.<br><br>"
            '"I have done nothing wrong," he told reporters.<br>He left at noon.<br><br>The opposition called '
            'for an election.</div><blockquote><p>"A sad day," one aide said.</p><p>Another wept.</p></blockquote>'
            "<p>What the deal covers:</p><ul><li>Energy prices</li><li>Border checks</li></ul></div></body></html>"
        ),
    )
    paragraphs = _text_and_paragraphs(article)
    assert paragraphs[:4] == [
        "Minister quits",
        "LONDON (Reuters) - The minister resigned on Friday, his office said.",
        '"I have done nothing wrong," he told reporters.\nHe left at noon.',
        "The opposition called for an election.",
    ]
    assert '"A sad day," one aide said.' in paragraphs and "Another wept." in paragraphs
    assert [p for p in paragraphs if "Energy" in p or "Border" in p] == ["- Energy prices", "- Border checks"]
