"""Golden attribution cases (issue 13): our own sentences, one or more per clause shape.

``golden.tsv`` (next to this file) lists articles and, for each, the exact set of
(source mention, cue, content) the system must give; its header explains the columns and how
to add a case. Only the public API is used (``newstone.read`` over a folder of one file per
case, checked against ``newstone.parse_text``), and nothing here needs ../shared, so a fresh
clone still guards attribution.

Print what the system gives for a text (to write a new case)::

    .venv/bin/python tests/nlp/attribution/test_golden.py "Body text." [--headline "Headline"]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

GOLDEN = Path(__file__).with_name("golden.tsv")
COLUMNS = ["case_id", "shape", "cue_flags", "headline", "text", "source", "cue", "content", "xfail"]
DEFAULT_HEADLINE = "Harbour town notebook"  # neutral: gives no attribution itself (tested below)
NONE = "-"  # no source / no cue / (in all three) no attribution at all
PIECES = " | "  # joins the content pieces of one attribution
# every flag of data/cues.tsv (see its header); each must be exercised by a passing case
CUE_FLAGS = {
    "inv",
    "obj",
    "noun",
    "q",
    "end",
    "raise",
    "passq",
    "qthat",
    "that",
    "stance",
    "stanceonly",
    "as",
    "np",
    "pass",
}

Triple = tuple[str, str, str]  # (source mention, cue, content pieces joined by PIECES)


def unescape(value: str) -> str:
    """``\\n`` -> newline, ``\\t`` -> tab, ``\\\\`` -> backslash; anything else is literal."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in "nt\\":
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[value[i + 1]])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


@dataclass
class Case:
    case_id: str
    shape: str
    cue_flags: frozenset[str]
    headline: str
    body: str
    xfail: str
    line: int
    expected: set[Triple] = field(default_factory=set)

    @property
    def article(self) -> str:
        """The text handed to parse_text: headline line, blank line, body."""
        return f"{self.headline}\n\n{self.body}" if self.body else self.headline


def load_cases(path: Path = GOLDEN) -> list[Case]:
    """Parse golden.tsv; a malformed file fails loudly with its line number."""
    cases: dict[str, Case] = {}
    last: Case | None = None
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        where = f"{path.name}:{number}"
        if not header_seen:
            assert cells == COLUMNS, f"{where}: header must be {COLUMNS}, got {cells}"
            header_seen = True
            continue
        if len(cells) == len(COLUMNS) - 1:
            cells.append("")  # the xfail column may be left off
        assert len(cells) == len(COLUMNS), f"{where}: {len(cells)} columns, expected {len(COLUMNS)}"
        row = dict(zip(COLUMNS, cells))
        case_id = row["case_id"].strip()
        assert case_id, f"{where}: empty case_id"
        triple = (unescape(row["source"]), unescape(row["cue"]), unescape(row["content"]))
        assert all(triple), f"{where}: source, cue and content must be filled ('-' for none)"
        if row["shape"]:  # the first row of a case
            assert case_id not in cases, f"{where}: case_id {case_id!r} used twice"
            assert row["text"] or row["headline"], f"{where}: a case needs a headline or a text"
            flags = frozenset(f for f in row["cue_flags"].split(",") if f and f != NONE)
            assert flags <= CUE_FLAGS, f"{where}: unknown cue flags {sorted(flags - CUE_FLAGS)}"
            last = cases[case_id] = Case(
                case_id,
                row["shape"],
                flags,
                unescape(row["headline"]) or DEFAULT_HEADLINE,
                unescape(row["text"]),
                row["xfail"].strip(),
                number,
            )
        else:  # a further expected attribution of the case just above
            assert last is not None and case_id == last.case_id, (
                f"{where}: a continuation row must follow its case's first row ({case_id!r})"
            )
            assert not (row["text"] or row["headline"] or row["cue_flags"] or row["xfail"]), (
                f"{where}: a continuation row fills only source, cue and content"
            )
        if triple == (NONE, NONE, NONE):
            assert not last.expected and row["shape"], f"{where}: a no-attribution case has one row"
        else:
            assert NONE not in {t[2] for t in last.expected}, f"{where}: case expects nothing already"
            assert triple[2] != NONE, f"{where}: content '-' needs source and cue '-' too"
            assert triple not in last.expected, f"{where}: duplicate expected attribution"
        last.expected.add(triple)
    assert header_seen and cases, f"{path}: no cases"
    for case in cases.values():
        case.expected.discard((NONE, NONE, NONE))
    return list(cases.values())


def _rows(quotes) -> dict[str, list[tuple]]:
    """article_id -> its quotes as plain tuples (mention, its offsets, cue, its offsets,
    content spans, stored text, start, end)."""
    out: dict[str, list[tuple]] = {}
    for q in quotes.itertuples(index=False):
        out.setdefault(q.article_id, []).append(
            (
                _value(q.speaker_mention),
                _value(q.speaker_start),
                _value(q.speaker_end),
                _value(q.cue),
                _value(q.cue_start),
                _value(q.cue_end),
                [tuple(int(x) for x in span) for span in q.spans],
                q.text,
                int(q.start),
                int(q.end),
            )
        )
    return out


def _value(x):
    """None for pandas' missing values, the value otherwise."""
    import pandas as pd

    return None if x is None or (not isinstance(x, (list, tuple)) and pd.isna(x)) else x


def parse_one(article: str) -> list[tuple]:
    """The system's quotes for one article, through ``newstone.parse_text``."""
    import newstone

    return next(iter(_rows(newstone.parse_text(article).quotes).values()), [])


def triples(article: str, rows: list[tuple]) -> set[Triple]:
    out = set()
    for mention, _, _, cue, _, _, spans, _, _, _ in rows:
        out.add(
            (
                mention if mention is not None else NONE,
                cue if cue is not None else NONE,
                PIECES.join(article[s:e] for s, e in spans),
            )
        )
    return out


def _show(triples: set[Triple]) -> str:
    if not triples:
        return "    (no attribution)"
    return "\n".join(f"    source={s!r}  cue={c!r}  content={t!r}" for s, c, t in sorted(triples))


CASES = load_cases()


# Cases only the default hybrid gets wrong (the tagger's known false alarms); the rules pass
# them, and the xfail column of golden.tsv holds what both get wrong.
HYBRID_XFAIL = {
    "none-see-object": "the tagger reads 'see' in 'Voters see the risks' as a belief cue and the "
    "confidence model keeps the attribution",
    # the rules check (learned/rules_check.py) drops a right rules attribution the tagger doubts;
    # on train's held-out folds about a third of what it drops is right (docs/methodology.md)
    "asked-by-names-asker": "the rules check drops the passive 'was asked by a student why …'",
    "transcript-two-turns": "the rules check drops the first transcript turn 'BLAKE: Will the ferry …?'",
    "document-records-show-end": "the rules check drops 'Turnout fell by a third, county records show' and "
    "the tagger's own content stops at 'Turnout fell'",
}


def _read_cases(tmp_path_factory, attribution: str) -> dict[str, list[tuple]]:
    """article text -> the system's quotes, for every case.

    All cases go through one ``newstone.read`` of a folder with one plain-text file per case
    (first line = headline, as in ``parse_text``): one call builds the tables once, where
    ``parse_text`` per case spends ~40 ms on DataFrames and the set would take ~5 s.
    ``test_parse_text_gives_the_same`` checks that the two routes agree.
    """
    import newstone

    folder = tmp_path_factory.mktemp(f"golden_attribution_{attribution}")
    for n, case in enumerate(CASES):
        (folder / f"case{n:03d}.txt").write_text(case.article, encoding="utf-8")
    corpus = newstone.read(folder, attribution=attribution)
    assert corpus.errors.empty, corpus.errors
    text_of = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    assert sorted(text_of.values()) == sorted(c.article for c in CASES), "read() changed an article's text"
    by_text: dict[str, list[tuple]] = {text: [] for text in text_of.values()}
    for article_id, rows in _rows(corpus.quotes).items():
        by_text[text_of[article_id]] = rows
    return by_text


@pytest.fixture(scope="module")
def system(tmp_path_factory) -> dict[str, list[tuple]]:
    """The default (hybrid) system's quotes of every case."""
    return _read_cases(tmp_path_factory, "hybrid")


@pytest.fixture(scope="module")
def rules_system(tmp_path_factory) -> dict[str, list[tuple]]:
    """The rules' quotes of every case (the cases were written for the rules' clause shapes)."""
    return _read_cases(tmp_path_factory, "rules")


def _param(case: Case, known: dict[str, str] | None = None):
    reason = case.xfail or (known or {}).get(case.case_id)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=case.case_id, marks=marks)


def _check(case: Case, quotes: dict[str, list[tuple]]) -> None:
    got = triples(case.article, quotes[case.article])
    if got != case.expected:
        pytest.fail(
            f"golden.tsv:{case.line} [{case.shape}] {case.case_id}\n"
            f"  article: {case.article!r}\n"
            f"  expected:\n{_show(case.expected)}\n"
            f"  got:\n{_show(got)}\n"
            f"  missing:\n{_show(case.expected - got)}\n"
            f"  unexpected:\n{_show(got - case.expected)}",
            pytrace=False,
        )


@pytest.mark.parametrize("case", [_param(c, HYBRID_XFAIL) for c in CASES])
def test_golden_attributions(case: Case, system):
    _check(case, system)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden_attributions_of_the_rules(case: Case, rules_system):
    _check(case, rules_system)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.case_id) for c in CASES])
def test_offsets_map_back_to_the_text(case: Case, system):
    """Every stored string is the text at its offsets (also for the known failures)."""
    article = case.article
    for mention, m_start, m_end, cue, c_start, c_end, spans, text, start, end in system[article]:
        assert spans, f"{case.case_id}: an attribution without content spans"
        assert all(0 <= s < e <= len(article) for s, e in spans), (case.case_id, spans)
        assert spans == sorted(spans), (case.case_id, spans)
        assert text == " ".join(article[s:e] for s, e in spans), (
            f"{case.case_id}: text {text!r} is not the spans {[article[s:e] for s, e in spans]!r}"
        )
        assert (start, end) == (spans[0][0], spans[-1][1]), (case.case_id, start, end, spans)
        if mention is not None:
            assert article[int(m_start) : int(m_end)] == mention, (case.case_id, mention, m_start, m_end)
        if cue is not None:
            assert article[int(c_start) : int(c_end)] == cue, (case.case_id, cue, c_start, c_end)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.case_id) for c in CASES[::15]])
def test_parse_text_gives_the_same(case: Case, system):
    """The folder route of the fixture and ``parse_text`` agree (a sample of the cases)."""
    assert parse_one(case.article) == system[case.article]


def test_default_headline_gives_nothing():
    assert parse_one(DEFAULT_HEADLINE) == []


def test_every_cue_flag_is_exercised_by_a_passing_case():
    covered = set().union(*(c.cue_flags for c in CASES if not c.xfail))
    assert CUE_FLAGS <= covered, f"no passing golden case for cue flags {sorted(CUE_FLAGS - covered)}"


def test_case_ids_and_articles_are_unique():
    assert len({c.case_id for c in CASES}) == len(CASES)
    assert len({c.article for c in CASES}) == len(CASES), "two cases hold the same article"


def _print_system_output(argv: list[str]) -> None:
    """Print golden.tsv rows (source, cue, content) for what the system gives today."""
    import argparse

    parser = argparse.ArgumentParser(description=_print_system_output.__doc__)
    parser.add_argument("text", help=r"the article body; \n for a newline")
    parser.add_argument("--headline", default=DEFAULT_HEADLINE)
    args = parser.parse_args(argv)
    body = unescape(args.text)
    article = f"{args.headline}\n\n{body}" if body else args.headline
    for source, cue, content in sorted(triples(article, parse_one(article))) or [(NONE, NONE, NONE)]:
        print(
            "\t".join(v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") for v in (source, cue, content))
        )


if __name__ == "__main__":
    _print_system_output(sys.argv[1:])
