"""Plain helpers the tests import as ``from tests.helpers import ...``; fixtures live in the
conftest.py files. Submodules: :mod:`.attribution` (run a text through attribution and read
the spans back), :mod:`.speakers` (speaker mentions), :mod:`.tables` (small hand-built tables).

Research corpora live in ``../shared``; a test that needs them asks :func:`shared_path`, which
skips the test when the folder is absent (a user's fresh clone). Mark such tests
``@pytest.mark.shared`` so that ``-m "not shared"`` leaves them out."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "sample_reuters_putin_north_korea.txt"
DATA = ROOT / "lib" / "newstone" / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not available ({path})")
    return path


def load_script(name: str):
    """``scripts/<name>.py`` imported as a module (scripts are not part of the package),
    registered in ``sys.modules`` so that its dataclasses can look their module up."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def write_inputs(folder: Path, n: int = 7) -> None:
    """A folder of inputs: the sample article and ``n`` short articles a0.txt, a1.txt ...
    naming Russia and Ukraine but quoting nobody."""
    folder.mkdir()
    (folder / "sample.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Head {i}\n\nNo quotes here, only Russia and Ukraine.", encoding="utf-8")


def write_rule_file(folder: Path, text: str, name: str = "rules.tsv") -> Path:
    """A rule file (data/ conventions: header comment, column line, rows) written for a test."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
