"""The speakers table, built in one streaming pass (lib/newstone/dataset/speaker_index.py)."""

import math

import pandas as pd

import newstone
from newstone.dataset.speaker_index import INPUT_COLUMNS, SpeakerIndex, speaker_rows
from tests.helpers import SAMPLE

# --- tallies ---


def quotes(*rows):
    """Quote columns from (article, speaker, mention, title, org, country, type, compound, tone)."""
    return {name: [row[i] for row in rows] for i, name in enumerate(INPUT_COLUMNS)}


def test_tallies_per_speaker():
    rows = speaker_rows(
        [
            quotes(
                ("a1", "John Kirby", "Kirby", "spokesman", "White House", "USA", "person", -0.5, -0.6),
                ("a1", "John Kirby", "he", None, None, None, "person", 0.5, 0.2),
                ("a2", "John Kirby", "John Kirby", "admiral", None, "USA", "person", float("nan"), None),
                ("a2", None, "someone", None, None, None, None, 0.9, 0.9),
                ("a2", "Analysts", "analysts", None, None, None, "group", 0.1, 0.1),
            )
        ]
    )
    assert [row["speaker"] for row in rows] == ["John Kirby", "Analysts"]  # most quoted first
    kirby = rows[0]
    assert kirby["n_quotes"] == 3 and kirby["n_articles"] == 2
    assert kirby["mean_compound"] == 0.0  # NaN left out: (-0.5 + 0.5) / 2
    assert math.isclose(kirby["mean_tone"], -0.2)
    assert kirby["aliases"] == ["Kirby"]  # not the pronoun, not the name itself
    assert kirby["title"] == "admiral"  # a tie (1 each) goes to the alphabetically first
    assert (kirby["org"], kirby["country"], kirby["speaker_type"]) == ("White House", "USA", "person")
    assert rows[1]["aliases"] == ["analysts"] and rows[1]["title"] is None


def test_a_joint_mention_is_no_alias_of_either_speaker():
    joint = "Senator Ann Lee and Senator Bo Park"
    rows = speaker_rows(
        [
            quotes(
                ("a1", "Ann Lee", joint, "Senator", None, None, "person", 0.1, 0.1),
                ("a1", "Bo Park", joint, "Senator", None, None, "person", 0.1, 0.1),
                ("a2", "Ann Lee", "Senator Lee", "Senator", None, None, "person", 0.1, 0.1),
            )
        ]
    )
    assert {row["speaker"]: row["aliases"] for row in rows} == {"Ann Lee": ["Senator Lee"], "Bo Park": []}


def test_batches_give_the_same_table_as_one_pass():
    one = quotes(
        ("a1", "X", "X", "t1", None, None, "person", 0.1, 0.1),
        ("a2", "X", "Mr X", "t2", None, None, "person", 0.3, 0.3),
        ("a3", "X", "Mr X", "t2", None, None, "person", 0.5, 0.5),
    )
    index = SpeakerIndex()
    for i in range(3):
        index.add({name: values[i : i + 1] for name, values in one.items()})
    assert index.rows() == speaker_rows([one])
    assert index.rows()[0]["title"] == "t2" and index.rows()[0]["n_articles"] == 3


# --- the same table from memory, a dataset, a resumed or a parallel run ---


def test_speakers_table_from_sample(sample_corpus):
    speakers = sample_corpus.speakers.set_index("speaker")
    assert speakers.loc["John Kirby", "n_quotes"] >= 4
    assert "Kirby" in speakers.loc["John Kirby", "aliases"]
    assert speakers.loc["Matthew Miller", "country"] == "USA"


def test_dataset_speakers_equal_in_memory_speakers(tmp_path):
    """`newstone parse` streams the quotes parts through the index; newstone.read builds
    the table from the in-memory quotes: the same table either way."""
    from newstone.dataset.parse import parse_to_dataset

    src = tmp_path / "in"
    src.mkdir()
    (src / "sample.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    (src / "other.txt").write_text("Head\n\n\u201cFine,\u201d Kirby said. Analysts said it was bad.", encoding="utf-8")
    parse_to_dataset([str(src)], str(tmp_path / "out"), batch_size=1)
    pd.testing.assert_frame_equal(newstone.read(tmp_path / "out").speakers, newstone.read(src).speakers)


def test_resumed_and_parallel_runs_give_the_same_speakers(tmp_path):
    """Parts of an earlier run are read back, new parts come tallied by their workers:
    a resumed run, and a run with two workers, give the table of a single fresh run."""
    from newstone.dataset.parse import parse_to_dataset

    src = tmp_path / "in"
    src.mkdir()
    (src / "a_sample.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    parse_to_dataset([str(src)], str(tmp_path / "resumed"), batch_size=1)  # first run: one article
    for i in range(3):
        (src / f"b{i}.txt").write_text(
            f"Head\n\n\u201cFine,\u201d Kirby said. Analysts said {i} was bad.", encoding="utf-8"
        )
    summary = parse_to_dataset([str(src)], str(tmp_path / "resumed"), batch_size=1)
    assert summary.skipped == 1 and summary.processed == 3
    parse_to_dataset([str(src)], str(tmp_path / "parallel"), batch_size=1, jobs=2)
    expected = newstone.read(src).speakers
    for name in ("resumed", "parallel"):
        pd.testing.assert_frame_equal(newstone.read(tmp_path / name).speakers, expected)
