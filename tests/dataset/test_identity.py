"""The corpus identity pass over a parsed dataset (newstone.dataset.identity): the same
result however the dataset was made, and rerunning it changes nothing."""

from __future__ import annotations

import pandas as pd

import newstone
from newstone.cli import main
from newstone.dataset.identity import identify_dataset

ARTICLES = {
    "a1": "Tories launch campaign\n\nTory leader Michael Howard said the party would cut taxes.",
    "a2": "Howard in Leeds\n\nConservative leader Michael Howard said voters wanted change.",
    "a3": "Tax row grows\n\nThe Tory leader said the plan was fair.",
    "a4": "Ratings\n\nMoody's Investors Service Inc said the outlook was stable.",
    "a5": "Ratings cut\n\nMoody's said it would review the bonds.",
}


def write(folder, names):
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")


def tables(root) -> tuple[pd.DataFrame, pd.DataFrame]:
    corpus = newstone.read(root)
    quotes = corpus.quotes.sort_values(["article_id", "quote_id"]).reset_index(drop=True)
    return quotes.drop(columns=["text"]), corpus.speakers


def test_a_resumed_parse_gives_what_a_fresh_one_gives(tmp_path):
    write(tmp_path / "in", ["a1", "a4"])
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "resumed"), "-j", "1", "--no-progress"]) == 0
    write(tmp_path / "in", ["a2", "a3", "a5"])  # later articles hold the office and the short form
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "resumed"), "-j", "1", "--no-progress"]) == 0
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "fresh"), "-j", "1", "--no-progress"]) == 0
    resumed, fresh = tables(tmp_path / "resumed"), tables(tmp_path / "fresh")
    pd.testing.assert_frame_equal(resumed[0], fresh[0])
    pd.testing.assert_frame_equal(resumed[1], fresh[1])
    quotes = resumed[0].set_index("article_id")
    assert quotes.loc["a3", "speaker"] == "Michael Howard"  # joined once a2 arrived
    assert quotes.loc["a5", "speaker"] == "Moody's Investors Service Inc"


def test_rerunning_the_pass_changes_nothing(tmp_path):
    write(tmp_path / "in", list(ARTICLES))
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--no-progress"]) == 0
    before = tables(tmp_path / "out")
    assert identify_dataset(str(tmp_path / "out")) == len(before[1])
    after = tables(tmp_path / "out")
    pd.testing.assert_frame_equal(before[0], after[0])
    pd.testing.assert_frame_equal(before[1], after[1])


def test_every_quote_speaker_is_a_row_of_the_speakers_table(tmp_path):
    write(tmp_path / "in", list(ARTICLES))
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--no-progress"]) == 0
    quotes, speakers = tables(tmp_path / "out")
    ids = set(quotes["speaker_id"].dropna())
    assert ids == set(speakers["speaker_id"])
    by_id = speakers.set_index("speaker_id")
    for _, quote in quotes.dropna(subset=["speaker_id"]).iterrows():
        assert by_id.loc[quote["speaker_id"], "speaker"] == quote["speaker"]
        assert by_id.loc[quote["speaker_id"], "role"] == quote["speaker_role"]
    howard = by_id.loc["person:michael-howard"]
    assert (howard["n_quotes"], howard["n_articles"], howard["role"], howard["country"]) == (3, 3, "official", "GBR")


def test_a_span_read_as_a_person_does_not_glue_onto_a_name(tmp_path):
    """An article that types "Manchester United" as a speaker (twice, with "Manchester
    City") must not make "Manchester" a given name that stays glued to Alex Ferguson."""
    articles = {
        "m1": "Derby\n\nManchester United said the result was fair. Manchester City said it was not.",
        "m2": "Cup\n\nManchester United's Alex Ferguson said the team was tired.",
        "m3": "League\n\nAlex Ferguson said the title race was open.",
    }
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    quotes = newstone.read(tmp_path).quotes.set_index("article_id")
    assert quotes.loc["m2", "speaker"] == quotes.loc["m3", "speaker"] == "Alex Ferguson"
