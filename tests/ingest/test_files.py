"""Special files never opened, reads within the per-article limit
(lib/newstone/ingest/files.py, and the readers that use it)."""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

import pytest

from newstone.errors import InputRefused
from newstone.ingest.decode import stream_encoding
from newstone.ingest.discover import check_inputs, expand_inputs
from newstone.ingest.files import max_article_bytes, open_regular, read_article_bytes
from newstone.ingest.reader import iter_articles
from tests.helpers import SAMPLE

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def no_hang():
    """Fail (rather than hang the suite) when a test blocks for 30 s: the alarm's exception
    interrupts a blocking open() of a pipe."""

    def alarm(signum, frame):
        raise TimeoutError("blocked for 30 s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def folder_with_a_pipe(root) -> str:
    folder = root / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    return str(folder)


# --- special files ---


@needs_fifo
def test_a_folder_with_a_named_pipe_parses_in_seconds_one_article_one_error_row(tmp_path):
    """Issue #18: the pipe made `newstone parse FOLDER` wait for a writer for ever."""
    folder = folder_with_a_pipe(tmp_path)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "newstone.cli", "parse", folder, "-o", str(tmp_path / "out"), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert "pipe: not a regular file (a named pipe), not opened" in result.stderr
    assert elapsed < 60

    import newstone

    articles = newstone.read(tmp_path / "out").articles.set_index("article_id")
    assert articles.loc["a", "error"] is None or articles["error"].isna()["a"]
    assert articles.loc["pipe", "error"] == "not a regular file (a named pipe), not opened"
    assert len(articles) == 2


@needs_fifo
def test_a_pipe_met_in_a_folder_or_by_a_glob_is_an_error_row(tmp_path, no_hang):
    folder = folder_with_a_pipe(tmp_path)
    for inputs in ([folder], [folder + "/*.txt"]):
        articles = {a.article_id: a for a in iter_articles(inputs)}
        assert articles["pipe"].error == "not a regular file (a named pipe), not opened"
        assert articles["a"].error is None and articles["a"].text


@needs_fifo
def test_a_pipe_as_a_table_file_is_an_error_row(tmp_path, no_hang):
    for name in ("feed.jsonl", "feed.csv"):
        os.mkfifo(tmp_path / name)
        (article,) = iter_articles([str(tmp_path / name)[: -len(name)] + "*"])
        assert article.error == "not a regular file (a named pipe), not opened"
        os.unlink(tmp_path / name)


@needs_fifo
def test_a_pipe_named_on_the_command_line_is_refused(tmp_path, capsys, no_hang):
    from newstone.cli import main

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputRefused, match="is a named pipe, not a regular file"):
        expand_inputs([str(tmp_path / "pipe.txt")])
    with pytest.raises(InputRefused):
        check_inputs([str(tmp_path / "pipe.txt")])
    assert main(["parse", str(tmp_path / "pipe.txt"), "-o", str(tmp_path / "out")]) == 2
    assert "pipe.txt' is a named pipe, not a regular file: it is not read" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@needs_fifo
def test_a_file_swapped_for_a_pipe_after_the_check_is_opened_without_blocking(tmp_path, monkeypatch, no_hang):
    """stat said regular file, then a pipe took its place: the non-blocking open returns at
    once and the check on the open file refuses it."""
    import stat as stat_module

    os.mkfifo(tmp_path / "pipe.txt")
    real_stat = os.stat

    def stat_before_the_swap(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        fields = list(result)
        fields[0] = stat_module.S_IFREG | 0o644
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", stat_before_the_swap)
    assert open_regular(str(tmp_path / "pipe.txt")) == (None, "not a regular file (a named pipe), not opened")


def test_a_device_is_refused_by_name_and_an_error_row_through_a_link(tmp_path, no_hang):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(InputRefused, match="a character device"):
        expand_inputs(["/dev/zero"])
    os.symlink("/dev/zero", tmp_path / "zero.txt")  # read, it would never end
    (article,) = iter_articles([str(tmp_path)])
    assert article.error == "not a regular file (a character device), not opened"


def test_a_socket_in_a_folder_is_an_error_row(no_hang):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no unix sockets")
    with tempfile.TemporaryDirectory() as folder:  # short: socket paths are limited to ~100 bytes
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(os.path.join(folder, "s.txt"))
            (article,) = iter_articles([folder])
        finally:
            server.close()
    assert article.error == "not a regular file (a socket), not opened"


def test_open_regular_refuses_what_it_cannot_read(tmp_path):
    assert open_regular(str(tmp_path / "missing.txt")) == (None, "unreadable file: No such file or directory")
    assert open_regular(str(tmp_path)) == (None, "not a regular file (a directory), not opened")
    (tmp_path / "a.txt").write_bytes(b"text")
    handle, error = open_regular(str(tmp_path / "a.txt"))
    with handle:
        assert (handle.read(), error) == (b"text", None)


# --- the per-article size limit ---


def test_the_limit_is_50_mb_unless_the_environment_says_otherwise(monkeypatch):
    monkeypatch.delenv("NEWSTONE_MAX_ARTICLE_MB", raising=False)
    assert max_article_bytes() == 50 * 2**20
    monkeypatch.setenv("NEWSTONE_MAX_ARTICLE_MB", "0.5")
    assert max_article_bytes() == 2**19
    for bad in ("0", "-1", "x", "nan", "inf"):
        monkeypatch.setenv("NEWSTONE_MAX_ARTICLE_MB", bad)
        with pytest.raises(InputRefused, match="NEWSTONE_MAX_ARTICLE_MB"):
            max_article_bytes()
        with pytest.raises(InputRefused):
            expand_inputs(["."])


def test_a_file_over_the_limit_is_an_error_row_and_is_not_read_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTONE_MAX_ARTICLE_MB", str(1000 / 2**20))  # 1000 bytes
    (tmp_path / "big.txt").write_text("Head\n\n" + "word " * 400, encoding="utf-8")
    (tmp_path / "big.html").write_text("<p>" + "word " * 400 + "</p>", encoding="utf-8")
    (tmp_path / "small.txt").write_text("Head\n\nShort.", encoding="utf-8")
    articles = {os.path.basename(a.source_path): a for a in iter_articles([str(tmp_path)])}
    message = "article larger than 1000 bytes (the limit, set by NEWSTONE_MAX_ARTICLE_MB), not read"
    assert articles["big.txt"].error == message
    assert articles["big.html"].error == message
    assert articles["small.txt"].error is None
    assert read_article_bytes(str(tmp_path / "small.txt"), limit=19) == (b"Head\n\nShort.", None)
    assert read_article_bytes(str(tmp_path / "small.txt"), limit=11)[1].startswith("article larger than 11 bytes")


def test_a_jsonl_line_over_the_limit_is_an_error_row_and_the_next_line_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTONE_MAX_ARTICLE_MB", str(1000 / 2**20))
    lines = [{"id": "a", "text": "Short."}, {"id": "b", "text": "word " * 400}, {"id": "c", "text": "Also short."}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    (tmp_path / "wide.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-16")
    for name in ("feed", "wide"):
        articles = list(iter_articles([str(tmp_path / f"{name}.jsonl")]))
        assert [a.article_id for a in articles] == ["a", f"{name}:2", "c"]
        assert articles[1].error.startswith(f"{name}.jsonl line 2: article larger than 1000 bytes")
        assert articles[2].text == "Also short."


def test_a_csv_field_over_the_limit_ends_the_file_with_an_error_row(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTONE_MAX_ARTICLE_MB", str(1000 / 2**20))
    (tmp_path / "rows.csv").write_text(f"id,text\na,Short.\nb,{'word ' * 400}\nc,More.\n", encoding="utf-8")
    articles = list(iter_articles([str(tmp_path / "rows.csv")]))
    assert [a.article_id for a in articles] == ["a", "rows:csv"]
    assert articles[1].error == "malformed CSV: field larger than field limit (1000)"


# --- table files read row by row ---


def test_a_csv_is_decoded_as_a_whole_file_would_be(tmp_path):
    """Streamed, a CSV keeps decode_bytes's choices: cp1252 when any byte is not UTF-8,
    newlines as text-mode open reads them; a UTF-8 byte-order mark no longer sticks to the
    first column's name (Excel's "CSV UTF-8" starts with one)."""
    (tmp_path / "win.csv").write_bytes(b'id,text\r\nw1,"Caf\xe9 owner said: \r\n\xabno\xbb."\r\n')
    (tmp_path / "bom.csv").write_bytes('\ufefftext,id\n"""It\'s fine,"" she said.",b1\n'.encode())
    (tmp_path / "late.csv").write_bytes(b"text\n" + b"plain\n" * 1000 + b"na\xefve\n")
    (win,) = iter_articles([str(tmp_path / "win.csv")])
    assert win.text == "Café owner said: \n«no»."
    (bom,) = iter_articles([str(tmp_path / "bom.csv")])
    assert (bom.article_id, bom.text) == ("b1", '"It\'s fine," she said.')
    with open(tmp_path / "late.csv", "rb") as handle:  # the one cp1252 byte in the last chunk
        assert stream_encoding(handle, chunk_size=64) == ("cp1252", None)
        assert handle.tell() == 0
    *_, late = iter_articles([str(tmp_path / "late.csv")])
    assert late.text == "naïve"


def test_bad_table_files_are_one_error_row(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b" \n\n")
    (tmp_path / "nul.csv").write_bytes(b"id,text\x00\n")
    (tmp_path / "junk.csv").write_bytes(b"ok \x81\x8d\x8f\x90\x9d")
    (tmp_path / "wide.csv").write_bytes("id,text\r\nw,fine\r\n".encode("utf-16") + b"\x00\xd8\x41")
    errors = {a.article_id: a.error for a in iter_articles([str(tmp_path / "*.csv")])}
    assert errors["empty"] == "empty file"
    assert errors["nul"] == "binary file (contains NUL bytes), not text"
    assert errors["junk"].startswith("undecodable text (neither UTF-8 nor cp1252)")
    assert errors["w"] is None
    assert errors["wide:csv"].startswith("wide.csv: undecodable UTF-16 text from here on")
