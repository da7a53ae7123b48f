"""The `newstone` command: help, quotes formats, exit codes, parse/resume, warnings
(lib/newstone/cli.py)."""

import json
import subprocess
import sys

import pandas as pd
import pytest

import newstone
from newstone.cli import main
from tests.helpers import SAMPLE, SHARED, shared_path

# --- helpers ---


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- help and exit codes ---


@pytest.mark.parametrize("command", ["parse", "quotes", "export", "evaluate", "report"])
def test_help_on_every_command(command):
    result = subprocess.run([sys.executable, "-m", "newstone.cli", command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "usage: newstone " + command in result.stdout


def test_missing_path_exits_2_with_a_message(capsys, tmp_path):
    code, _, err = run(capsys, "quotes", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err


def test_unreadable_only_input_exits_1(capsys, tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 8)
    code, _, err = run(capsys, "quotes", str(path))
    assert code == 1 and "binary" in err and "no article could be processed" in err


def test_a_bad_file_in_a_batch_is_reported_not_fatal(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, "quotes", str(tmp_path), "--format", "jsonl")
    assert code == 0 and "empty: empty file" in err and len(out.splitlines()) > 10


def test_the_cli_prints_a_roster_warning_as_one_plain_line(tmp_path, capsys):
    from newstone.cli import main

    (tmp_path / "roster.csv").write_text("name,country\nAnna Example,Narnia\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nAnna Example said it worked.", encoding="utf-8")
    assert main(["quotes", str(tmp_path / "a.txt"), "--roster", str(tmp_path / "roster.csv")]) == 0
    err = capsys.readouterr().err
    assert "newstone: warning: roster" in err and "Narnia" in err
    assert "UserWarning" not in err and ".py:" not in err


# --- newstone quotes ---


def test_quotes_jsonl_lists_the_sample_quotes(capsys):
    code, out, err = run(capsys, "quotes", str(SAMPLE), "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["article"] for r in records} == {"sample_reuters_putin_north_korea"}
    text = SAMPLE.read_text("utf-8")
    miller = next(r for r in records if "It\u2019s incredibly concerning" in r["text"])
    assert miller["speaker"] == "Matthew Miller"
    blumenthal = next(r for r in records if "This photo says it all" in r["text"])
    assert blumenthal["speaker"] == "Richard Blumenthal"
    for r in records:
        assert " ".join(text[s:e] for s, e in r["content"]) == r["text"]
        if r["source"]:
            assert text[r["source"][0] : r["source"][1]] == r["speaker_mention"]


def test_quotes_table_and_csv_formats(capsys):
    code, out, _ = run(capsys, "quotes", str(SAMPLE))
    assert code == 0 and "Matthew Miller" in out and "Richard Blumenthal" in out
    code, out, _ = run(capsys, "quotes", str(SAMPLE), "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("article,quote_id,kind,content")


def test_quotes_of_a_parsed_dataset_are_printed_as_parsing_them_prints_them(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Head\n\n\u201cGood,\u201d Smith said.\n\nJones said it failed.", encoding="utf-8")
    run(capsys, "parse", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", "--no-progress")
    for fmt in ("jsonl", "csv", "table"):
        code, from_dataset, err = run(capsys, "quotes", str(tmp_path / "out"), "--format", fmt)
        assert code == 0, err
        assert from_dataset == run(capsys, "quotes", str(src), "--format", fmt)[1]
    lines = run(capsys, "quotes", str(tmp_path / "out"), "--format", "jsonl")[1].splitlines()
    assert [json.loads(line)["speaker"] for line in lines] == ["Smith", "Jones"]
    code, _, err = run(capsys, "quotes", str(tmp_path / "out"), str(src / "a.txt"))
    assert code == 2 and "name it on its own" in err
    code, _, err = run(capsys, "quotes", str(tmp_path / "out"), "--tone", "vader")
    assert code == 2 and "fixed by `newstone parse`" in err
    code, _, err = run(capsys, "parse", str(tmp_path / "out"), "-o", str(tmp_path / "again"), "--no-progress")
    assert code == 2 and "dataset written by `newstone parse`" in err and not (tmp_path / "again").exists()


def test_jsonl_output_is_accepted_by_the_shared_scorer(tmp_path):
    dev = shared_path("data", "polnear", "dev")
    preds = tmp_path / "preds.jsonl"
    with open(preds, "w", encoding="utf-8") as fh:
        subprocess.run(
            [sys.executable, "-m", "newstone.cli", "quotes", str(dev / "text"), "--format", "jsonl"],
            stdout=fh,
            check=True,
        )
    result = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score_attributions.py"),
            str(dev),
            str(preds),
            "--metadata",
            str(SHARED / "data" / "polnear" / "metadata.tsv"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert "unknown_articles" not in figures
    assert int(figures["predictions"]) > 500
    assert float(figures["attribution_f1"]) > 0.3


# --- newstone parse ---


def test_parse_refuses_a_missing_path_or_an_empty_glob_before_reading_anything(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Head\n\nSmith said it worked.", encoding="utf-8")
    for missing, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path / "*.jsonl", "no file matches")):
        code, _, err = run(capsys, "parse", str(tmp_path / "a.txt"), str(missing), "-o", str(tmp_path / "out"))
        assert code == 2 and message in err
    assert not (tmp_path / "out").exists()
    code, _, _ = run(capsys, "parse", str(tmp_path / "*.txt"), "-o", str(tmp_path / "out"), "--no-progress")
    assert code == 0 and (tmp_path / "out" / "articles").is_dir()


def test_parse_writes_parquet_resumes_and_forces(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    (src / "b.txt").write_text("Other\n\n\u201cGood news,\u201d the mayor said.", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, "parse", str(src), "-o", str(out), "--jobs", "1", "--no-progress")
    assert code == 0 and "2 articles processed, 0 already done" in err
    for table in ("articles", "sentences", "quotes", "mentions"):
        assert list((out / table).glob("part-*.parquet")), table
    assert (out / "speakers.parquet").exists()
    loaded, direct = newstone.read(out), newstone.read(src)
    pd.testing.assert_frame_equal(loaded.quotes, direct.quotes)
    pd.testing.assert_frame_equal(loaded.sentences, direct.sentences)
    assert loaded.speakers["speaker"].tolist() == direct.speakers["speaker"].tolist()

    (src / "c.txt").write_text("Third\n\nThe minister said it was over.", encoding="utf-8")
    code, _, err = run(capsys, "parse", str(src), "-o", str(out), "--jobs", "1", "--no-progress")
    assert "1 articles processed, 2 already done" in err
    assert len(newstone.read(out).articles) == 3
    code, _, err = run(capsys, "parse", str(src), "-o", str(out), "--force", "--no-progress")
    assert "3 articles processed, 0 already done" in err
    assert len(newstone.read(out).articles) == 3


def test_parse_with_two_workers_equals_one(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"{i:02d}.txt").write_text(
            f"Head {i}\n\n\u201cLine {i} is fine,\u201d Smith said. Russia said it would respond.", encoding="utf-8"
        )
    run(capsys, "parse", str(src), "-o", str(tmp_path / "one"), "--jobs", "1", "--no-progress")
    run(capsys, "parse", str(src), "-o", str(tmp_path / "two"), "--jobs", "2", "--no-progress", "--batch-size", "5")
    one, two = newstone.read(tmp_path / "one"), newstone.read(tmp_path / "two")
    for table in ("articles", "sentences", "quotes", "mentions"):
        pd.testing.assert_frame_equal(one.tables[table], two.tables[table])


def test_a_rerun_replaces_an_edited_or_failed_article_instead_of_adding_it(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "story.txt").write_text("Head\n\n\u201cGood,\u201d Smith said.", encoding="utf-8")
    (src / "other.txt").write_text("Other\n\n\u201cFine,\u201d Jones said.", encoding="utf-8")
    (src / "broken.txt").write_bytes(b"")
    out = tmp_path / "out"
    run(capsys, "parse", str(src), "-o", str(out), "--jobs", "1", "--no-progress")
    (src / "story.txt").write_text("Head\n\n\u201cBad,\u201d Smith said.", encoding="utf-8")
    code, _, err = run(capsys, "parse", str(src), "-o", str(out), "--jobs", "2", "--no-progress")
    assert "2 articles processed, 1 already done" in err  # the edited story and the empty file again
    corpus = newstone.read(out)
    assert sorted(corpus.articles["article_id"]) == ["broken", "other", "story"]
    assert sorted(corpus.quotes["text"]) == ["\u201cBad,\u201d", "\u201cFine,\u201d"]
    smith = corpus.speakers.set_index("speaker").loc["Smith"]
    assert smith["n_quotes"] == 1


def test_a_rerun_with_other_settings_is_refused_without_force(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Head\n\n\u201cGood,\u201d Smith said.", encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "parse", str(src), "-o", str(out), "--jobs", "1", "--no-progress")[0] == 0
    code, _, err = run(capsys, "parse", str(src), "-o", str(out), "--tone", "vader", "--no-progress")
    assert code == 2 and "other settings" in err and "--force" in err
    code, _, err = run(capsys, "parse", str(src), "-o", str(out), "--tone", "vader", "--force", "--no-progress")
    assert code == 0 and "1 articles processed" in err
    assert run(capsys, "parse", str(src), "-o", str(out), "--tone", "vader", "--no-progress")[0] == 0


def test_parse_into_a_file_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Head\n\nText.", encoding="utf-8")
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "parse", str(tmp_path / "a.txt"), "-o", str(tmp_path / "taken"), "--no-progress")
    assert code == 2 and "newstone:" in err


def test_a_refused_rerun_names_the_attribution_each_run_uses(capsys, tmp_path):
    # a rules dataset records no mode (as every dataset made before the hybrid existed)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Head\n\n\u201cGood,\u201d Smith said.", encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "parse", str(src), "-o", str(out), "--attribution", "rules", "--no-progress")[0] == 0
    code, _, err = run(capsys, "parse", str(src), "-o", str(out), "--no-progress")
    assert code == 2 and "attribution 'rules' -> 'hybrid'" in err
    assert run(capsys, "parse", str(src), "-o", str(out), "--attribution", "rules", "--no-progress")[0] == 0
