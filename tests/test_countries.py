"""Tests of the countries stage: gazetteer, matcher, context rules, speaker country, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstone.spans import merge_spans

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CANDIDATES = [
    ROOT / "data" / "sample_reuters_putin_north_korea.txt",
    ROOT.parent / "shared" / "seed" / "000_7d1b65fab962449b.txt",
]


# --------------------------------------------------------------------------- gazetteer data


# --------------------------------------------------------------------------- matching mechanics


# --------------------------------------------------------------------------- spans


def test_merge_spans():
    assert merge_spans([(5, 9), (0, 3), (2, 4), (20, 30), (8, 8)], 25) == [(0, 4), (5, 9), (20, 25)]


# --------------------------------------------------------------------------- ambiguous words


# --------------------------------------------------------------------------- the sample article


def sample_article() -> str:
    for path in SAMPLE_CANDIDATES:
        if path.exists():
            return path.read_text(encoding="utf-8-sig")
    pytest.skip("sample article not available")


# --------------------------------------------------------------------------- speaker country


# --------------------------------------------------------------------------- tables


def test_the_cli_prints_a_roster_warning_as_one_plain_line(tmp_path, capsys):
    from newstone.cli import main

    (tmp_path / "roster.csv").write_text("name,country\nAnna Example,Narnia\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nAnna Example said it worked.", encoding="utf-8")
    assert main(["quotes", str(tmp_path / "a.txt"), "--roster", str(tmp_path / "roster.csv")]) == 0
    err = capsys.readouterr().err
    assert "newstone: warning: roster" in err and "Narnia" in err
    assert "UserWarning" not in err and ".py:" not in err
