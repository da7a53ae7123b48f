"""Reading inputs into :class:`~newstone.model.Article` objects, never raising on bad input.

* :mod:`~newstone.ingest.discover`: which files a command line names (folders walked,
  globs expanded, corpus documentation skipped) and the article ids they get;
* :mod:`~newstone.ingest.files`: only regular files opened (a named pipe, socket or
  device never is), and no article read past its size limit (50 MB by default);
* :mod:`~newstone.ingest.decode`: bytes to text (UTF-8, cp1252, UTF-16/32 with a mark),
  binary files refused, newlines as Python reads them;
* :mod:`~newstone.ingest.plaintext`: a plain-text article's headline, byline, dateline
  and body paragraphs;
* :mod:`~newstone.ingest.records`: one article per record of a .jsonl or .csv file, read
  record by record;
* :mod:`~newstone.ingest.html`: the headline and paragraphs of an .html page;
* :mod:`~newstone.ingest.reader`: files to articles, lazily, for the engines.

A file that cannot be read becomes an article with ``error`` set, so a batch goes on.
"""
