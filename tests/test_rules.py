"""The rule-file loader: one convention, checked at load, errors that name file and line
(lib/newstone/rules.py)."""

from __future__ import annotations

import re

import pytest

from newstone.errors import RuleFileError
from newstone.nlp.attribution.lexicon import cue_lexicon
from newstone.nlp.countries import default_matcher, speaker_cue_matcher
from newstone.nlp.speakers.evidence import first_names, organisation_evidence_words
from newstone.nlp.speakers.facts import office_holders
from newstone.nlp.tone.news import read_news_lexicon
from newstone.nlp.words import abbreviations, honorific_genders
from newstone.rules import read_table, word_list
from tests.helpers import DATA, write_rule_file

RULE_FILES = sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".tsv"))


# --- the packaged rule files ---


def test_every_packaged_table_loads_through_its_stage():
    assert len(cue_lexicon()) > 100
    assert len(default_matcher()) > 1000 and len(speaker_cue_matcher()) > 50
    assert len(read_news_lexicon()) > 500
    assert ("Sen.", True) in abbreviations() and ("U.S.", False) in abbreviations()
    assert honorific_genders()["mrs"] == "f" and first_names()["hillary"] == "f"
    assert "firm" in organisation_evidence_words()["before"]
    assert office_holders()["Vladimir Putin"] == "RUS"


@pytest.mark.parametrize("name", [n for n in RULE_FILES if n.endswith(".txt")])
def test_every_word_list_loads_without_its_comments(name):
    entries = word_list(name)
    assert entries and not any(e.startswith("#") or not e.strip() for e in entries)


@pytest.mark.parametrize("name", RULE_FILES)
def test_every_rule_file_opens_with_a_header_and_carries_no_history(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.startswith("# "), f"{name} has no comment header saying what it holds"
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    assert not re.search(r"\bround \d|\bRound \d", comments), f"{name}: history belongs in CHANGELOG.md"


def test_the_data_readme_indexes_every_rule_file():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    indexed = set(re.findall(r"^\| `([\w.]+)` \|", readme, re.M))
    assert indexed == set(RULE_FILES)


# --- reading a table: comments, malformed lines, optional columns ---


def test_comments_blank_lines_and_hashes_inside_entries(tmp_path):
    path = write_rule_file(tmp_path, "# what it is\nword\tnote\n\n  # an indented comment\nC#\ta language\nx\t\n")
    rows = read_table(path, ("word", "note"), optional=("note",))
    assert [(r["word"], r["note"]) for r in rows] == [("C#", "a language"), ("x", "")]
    assert rows[0].where.endswith("rules.tsv:5")


@pytest.mark.parametrize(
    "text, message",
    [
        ("# no header at all\n", "no header line"),
        ("word\tcountry\n", r"rules.tsv:1: the header names the columns \['word', 'country'\]"),
        ("word\tnote\nRussia\tone\ttwo\n", r"rules.tsv:2: 3 tab-separated cells, the table has 2"),
        ("word\tnote\n\tnothing\n", r"rules.tsv:2: empty word"),
    ],
)
def test_malformed_tables_name_file_and_line(tmp_path, text, message):
    with pytest.raises(RuleFileError, match=message):
        read_table(write_rule_file(tmp_path, text), ("word", "note"), optional=("note",))


def test_a_file_of_the_users_may_leave_out_optional_columns_at_the_end(tmp_path):
    rows = read_table(write_rule_file(tmp_path, "word\nRussia\n"), ("word", "note"), optional=("note",))
    assert rows[0] == {"word": "Russia", "note": ""}
    with pytest.raises(RuleFileError, match="header"):
        read_table(write_rule_file(tmp_path, "word\nRussia\n"), ("word", "note"))
