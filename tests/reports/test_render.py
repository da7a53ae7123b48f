"""``newstone report``: parameters, papermill execution, offline HTML, the notebooks
themselves (run on tests/fixtures/reports with non-default parameters) and the HTML in a real
browser (lib/newstone/reports/render.py)."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from newstone.reports import notebook, render
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "reports" / "articles.jsonl"
ARTIFACTS = ROOT / "test-artifacts"


# --- helpers ---


CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def report_args(**overrides) -> argparse.Namespace:
    """What cli.py's `report` subcommand hands to run_reports."""
    values = {
        "notebooks": [],
        "parameter": [],
        "parameters_file": None,
        "input": None,
        "output_dir": "reports",
        "per_article": False,
        "no_progress": False,
    }
    values.update(overrides)
    return argparse.Namespace(**values)


def write_notebook(path: Path, *sources: str, parameters: bool = True) -> Path:
    """A notebook of code cells, the first tagged `parameters` unless ``parameters`` is false."""
    cells = [new_code_cell(sources[0], metadata={"tags": ["parameters"]} if parameters else {})]
    cells += [new_code_cell(s) for s in sources[1:]]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


# --- parameters and helpers (no kernel) ---


def test_parse_value_reads_yaml_and_keeps_dates_as_strings():
    assert render.parse_value("3") == 3
    assert render.parse_value("null") is None
    assert render.parse_value("0.5") == 0.5
    assert render.parse_value("[Russia, Ukraine]") == ["Russia", "Ukraine"]
    assert render.parse_value("2024-06-20") == "2024-06-20"  # not datetime.date
    assert render.parse_value("Tone: by country") == {"Tone": "by country"}  # YAML, as documented


def test_collect_parameters_file_then_p_then_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    params_file = tmp_path / "params.yaml"
    params_file.write_text("min_quotes: 5\ntitle: From file\ndate_from: 2024-03-05\ninput_path: a.txt\n")
    args = report_args(parameters_file=str(params_file), parameter=[["min_quotes", "3"]], input="data/x")
    assert render.collect_parameters(args) == {
        "min_quotes": 3,
        "title": "From file",
        "date_from": "2024-03-05",
        "input_path": str(tmp_path / "data" / "x"),
    }  # absolute: notebooks run in their own folder
    assert render.collect_parameters(report_args(parameter=[["input_path", "b.txt"]]))["input_path"] == str(
        tmp_path / "b.txt"
    )


def test_validate_parameters_names_each_bad_value():
    assert (
        render.validate_parameters(
            {
                "score": "compound",
                "below_min": "hide",
                "speaker_types": ["person", "group"],
                "top_n": None,
                "min_quotes": 0,
                "date_from": "2024-06-01",
                "date_to": "2024-06-30",
                "title": "T",
                "article_id": "a/1",
                "not_a_known_name": object(),
            }
        )
        == []
    )
    assert render.validate_parameters({"speaker_types": "person"}) == []
    problems = render.validate_parameters(
        {
            "score": "vader",
            "below_min": "gray",
            "speaker_types": ["persons"],
            "top_n": 0,
            "min_quotes": "2",
            "date_to": "soon",
        }
    )
    assert problems == [
        "parameter score: 'vader' is not one of 'tone', 'compound', 'tone_toward'",
        "parameter below_min: 'gray' is not one of 'grey', 'hide'",
        "parameter speaker_types: unknown speaker type(s) 'persons'; "
        "known: person, group, organization, country, unknown",
        "parameter top_n: 0 is not null or a whole number >= 1",
        "parameter min_quotes: '2' is not a whole number >= 0",
        "parameter date_to: 'soon' is not a date (use YYYY-MM-DD, e.g. 2024-06-01)",
    ]
    # errors the checks themselves meet still name the parameter and the accepted form
    assert render.validate_parameters({"date_from": "2024-13-01", "near_duplicates": 2, "trend_period": "day"}) == [
        "parameter date_from: '2024-13-01' is not a date (use YYYY-MM-DD, e.g. 2024-06-01)",
        "parameter near_duplicates: 2 is not a number in (0, 1] (e.g. 0.8; 1 counts only exact copies once)",
        "parameter trend_period: 'day' is not one of null, 'week', 'month'",
    ]
    assert render.validate_parameters({"group_by": "outlet"})[0].startswith(
        "parameter group_by: 'outlet' is not a period (month, quarter, year) or an articles column (source_path, title"
    )
    assert render.validate_parameters({"group_by": "folder", "near_duplicates": 1, "trend_period": None}) == []
    assert render.validate_parameters({"date_from": "2024-06-02", "date_to": "2024-06-01"}) == [
        "parameters date_from '2024-06-02' is after date_to '2024-06-01'"
    ]


def test_an_impossible_date_on_the_command_line_names_its_parameter(tmp_path, capsys):
    """YAML's date reader raised "month must be in 1..12", which was all the user saw."""
    from newstone.cli import main

    assert render.parse_value("2024-13-01") == "2024-13-01"
    assert main(["report", "-p", "date_from", "2024-13-01", "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "parameter date_from: '2024-13-01' is not a date (use YYYY-MM-DD, e.g. 2024-06-01)" in err
    (tmp_path / "p.yaml").write_text("date_to: 2024-02-30\n")
    assert main(["report", "-f", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out")]) == 2
    assert "p.yaml: " in capsys.readouterr().err


def test_bad_parameter_value_stops_the_command_before_any_notebook_runs(tmp_path, capsys):
    from newstone.cli import main

    out = tmp_path / "out"
    code = main(["report", "-p", "score", "vader", "--input", str(FIXTURE), "-o", str(out)])
    assert code == 2
    assert "parameter score: 'vader' is not one of 'tone', 'compound'" in capsys.readouterr().err
    assert not out.exists() or not list(out.iterdir())  # nothing executed, nothing written


def test_portable_path_is_relative_inside_the_project_only(tmp_path, monkeypatch):
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    notebooks = project / "notebooks"
    notebooks.mkdir(parents=True)
    elsewhere.mkdir()
    monkeypatch.chdir(project)  # `newstone report` runs in the project
    assert render.portable_path(str(project / "data" / "processed"), notebooks) == "../data/processed"
    assert render.portable_path(str(elsewhere / "x.txt"), notebooks) == str(elsewhere / "x.txt")
    assert render.portable_path(str(project / "data"), elsewhere) == str(project / "data")


def test_safe_file_name_sanitises_and_deduplicates():
    from newstone.reports.pages import safe_file_name

    taken: set[str] = set()
    assert safe_file_name("politics/001", taken) == "politics_001"
    assert safe_file_name("politics:001", taken) == "politics_001_2"
    assert safe_file_name("../../etc/passwd", taken) == "etc_passwd"
    assert safe_file_name("a#2", taken) == "a_2"


def test_notebooks_can_be_named_without_a_path(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    write_notebook(tmp_path / "notebooks" / "tiny.ipynb", "x = 1")
    monkeypatch.chdir(tmp_path)
    assert render.find_notebook("tiny") == render.find_notebook("tiny.ipynb") == Path("notebooks/tiny.ipynb")
    assert render.find_notebook("notebooks/tiny.ipynb") == Path("notebooks/tiny.ipynb")
    assert render.find_notebook("huge") is None


def test_a_missing_input_stops_the_command_once_before_any_notebook(tmp_path, capsys):
    code = render.run_reports(report_args(input=str(tmp_path / "nope"), output_dir=str(tmp_path / "out")))
    err = capsys.readouterr().err
    assert code == 2 and err.count("no such file, folder or dataset") == 1 and "FAILED" not in err
    assert not (tmp_path / "out").exists()


def test_offline_template_loads_no_remote_script():
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    body, _ = render.html_exporter().from_notebook_node(nb)
    assert "<script src=" not in body
    assert not re.search(r"(src|href)=\"https?://", body)
    assert "mathjax" not in body.lower() and "require.js" not in body.lower()
    assert "x = 1" not in body  # code hidden
    assert "jp-Notebook" in body  # still the lab look


def test_read_records_and_strip_records():
    nb = new_notebook(cells=[new_code_cell("")])
    nb.cells[0].outputs = [
        nbformat.v4.new_output(
            "display_data", data={notebook.RECORD_MIME: {"name": "n", "value": 1}, "text/plain": ""}
        ),
        nbformat.v4.new_output("display_data", data={"text/plain": "kept"}),
        nbformat.v4.new_output(
            "display_data", data={notebook.RECORD_MIME: {"name": "n", "value": 2}, "text/plain": ""}
        ),
    ]
    assert notebook.read_records(nb) == {"n": 2}
    stripped = render.strip_records(nb)
    assert [o["data"]["text/plain"] for o in stripped.cells[0].outputs] == ["kept"]
    assert len(nb.cells[0].outputs) == 3  # the original is untouched


def test_run_details_are_dropped_so_reruns_leave_reports_unchanged(tmp_path):
    import nbformat

    from newstone.reports.render import drop_run_details

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1"), nbformat.v4.new_markdown_cell("text")]
    nb.cells[0].metadata = {
        "execution": {"iopub.execute_input": "2026-01-01T00:00:00Z"},
        "papermill": {"duration": 0.1, "start_time": "x", "end_time": "y", "status": "completed"},
        "tags": ["parameters"],
    }
    nb.metadata["papermill"] = {
        "start_time": "x",
        "end_time": "y",
        "duration": 1.0,
        "parameters": {"a": 1},
        "input_path": "/home/me/notebooks/run.ipynb",
        "output_path": "/home/me/reports/run.ipynb",
    }
    path = tmp_path / "run.ipynb"
    nbformat.write(nb, path)
    drop_run_details(path)
    once = path.read_text(encoding="utf-8")
    cleaned = nbformat.read(path, as_version=4)
    assert [c["id"] for c in cleaned.cells] == ["cell-0", "cell-1"]
    assert cleaned.cells[0].metadata == {"papermill": {"status": "completed"}, "tags": ["parameters"]}
    assert cleaned.metadata["papermill"] == {"parameters": {"a": 1}}
    drop_run_details(path)
    assert path.read_text(encoding="utf-8") == once


def test_run_reports_rejects_missing_notebook(tmp_path, capsys):
    code = render.run_reports(report_args(notebooks=[str(tmp_path / "nope.ipynb")], output_dir=str(tmp_path)))
    err = capsys.readouterr().err
    assert code == 2 and "nope.ipynb" in err and "notebooks/ has: article_explorer, tone_by_country" in err


# --- run_reports with small notebooks (a kernel, but not the pipeline) ---


def test_failing_notebook_keeps_error_notebook_and_names_the_cell(tmp_path, capsys):
    path = write_notebook(tmp_path / "broken.ipynb", "divisor = 1", "x = 1", "1 / (divisor - 1)")
    out = tmp_path / "out"
    code = render.run_reports(report_args(notebooks=[str(path)], output_dir=str(out)))
    err = capsys.readouterr().err
    assert code == 1
    # cell 0 is the parameters cell, papermill inserts no injected cell without parameters
    assert "broken.ipynb FAILED in cell 2" in err and "ZeroDivisionError" in err
    executed = nbformat.read(out / "broken.ipynb", as_version=4)
    assert any(o.get("ename") == "ZeroDivisionError" for c in executed.cells for o in c.get("outputs", []))
    assert not (out / "broken.html").exists()


def test_run_reports_injects_parameters_and_renders_offline_html(tmp_path, capsys):
    path = write_notebook(
        tmp_path / "tiny.ipynb",
        "min_quotes = 2\ninput_path = None",
        "%matplotlib inline\nimport os\nfrom newstone.reports import notebook\nfrom matplotlib.figure import Figure\n"
        "notebook.record('min_quotes', min_quotes)\nnotebook.record('cwd', os.getcwd())\n"
        "notebook.record('input_path', input_path)\n"
        "fig = Figure(figsize=(2, 2)); fig.add_subplot().plot([0, 1]); display(fig)\nprint('<b>escaped?</b>')",
    )
    out = tmp_path / "out"
    code = render.run_reports(
        report_args(
            notebooks=[str(path)],
            output_dir=str(out),
            parameter=[["min_quotes", "7"], ["not_declared", "1"]],
            input=str(FIXTURE),
        )
    )
    assert code == 0, capsys.readouterr().err
    assert "ignoring parameters it does not declare: not_declared" in capsys.readouterr().err
    records = notebook.read_records(out / "tiny.ipynb")
    assert records == {"min_quotes": 7, "cwd": str(tmp_path), "input_path": str(FIXTURE)}
    page = (out / "tiny.html").read_text()
    assert re.search(r'<img[^>]+src="data:image/png;base64,', page)
    assert notebook.RECORD_MIME not in page and "notebook.record" not in page
    assert "&lt;b&gt;escaped?&lt;/b&gt;" in page
    assert (out / "img" / "tiny.png").read_bytes()[:4] == b"\x89PNG"


def test_notebooks_run_on_a_kernel_reached_over_local_sockets_not_tcp(tmp_path, capfd):
    """No port listens while a report renders, and ipykernel's warning about unencrypted
    TCP (printed once per notebook) is gone from ``make report``."""
    write_notebook(tmp_path / "tiny.ipynb", "import os\nprint(os.getpid())", parameters=False)
    assert render.execute_notebook(tmp_path / "tiny.ipynb", tmp_path / "ran.ipynb", {}) is None
    ran = nbformat.read(tmp_path / "ran.ipynb", as_version=4)
    assert ran.cells[0].outputs[0]["text"].strip().isdigit()
    assert "without encryption" not in capfd.readouterr().err
    assert not [p for p in tmp_path.iterdir() if "ipc" in p.name]


# --- the real notebooks on the fixture, with non-default parameters ---


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every notebook run once on the fixture (module-scoped: kernels are the slow part)."""
    out = tmp_path_factory.mktemp("reports")
    params = out / "params.yaml"
    params.write_text("top_n: 3\nscore: compound\ntitle: Harbour talks\nspeaker_types: [person]\n")
    args = report_args(
        output_dir=str(out),
        input=str(FIXTURE),
        parameters_file=str(params),
        per_article=True,
        parameter=[
            ["min_quotes", "3"],
            ["min_mentions", "3"],
            ["below_min", "hide"],
            ["article_id", "harbour/003"],
            ["date_from", "2024-03-05"],
        ],
    )
    code = render.run_reports(args)
    return code, out


def test_all_notebooks_render(rendered):
    code, out = rendered
    assert code == 0
    for name in ("tone_by_official", "tone_by_country", "article_explorer"):
        page = (out / f"{name}.html").read_text()
        assert "Harbour talks" in page  # the title parameter reached the notebook
        assert "Traceback" not in page
    assert (out / "img" / "tone_by_official.png").exists()


@pytest.fixture(scope="module")
def fixture_quotes():
    """The fixture's quotes after the tests' date filter, read directly (not via a notebook)."""
    import newstone

    corpus = newstone.read(FIXTURE)
    kept = corpus.articles.loc[corpus.articles["published"] >= "2024-03-05", "article_id"]
    return corpus.quotes[corpus.quotes["article_id"].isin(kept)]


def test_tone_by_official_respects_parameters(rendered, fixture_quotes):
    _, out = rendered
    records = notebook.read_records(out / "tone_by_official.ipynb")
    assert records["source"] == "../tests/fixtures/reports/articles.jsonl"  # relative to notebooks/
    assert records["n_articles"] == 2  # date_from dropped harbour/001 (2024-03-04)
    # top_n = 3 most quoted officials (ties by name); min_quotes = 3 with below_min = hide
    people = fixture_quotes[fixture_quotes["speaker_type"] == "person"]  # speaker_types: [person]
    assert records["n_quotes"] == len(people) < len(fixture_quotes)
    counts = people["speaker"].dropna().value_counts()
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]
    assert sorted(records["speakers"]) == sorted(name for name, n in top if n >= 3)
    assert sorted(records["speakers_below_min"]) == sorted(name for name, n in top if n < 3)
    assert records["timeline_periods"] == ["2024-03-05", "2024-03-07"]
    executed = nbformat.read(out / "tone_by_official.ipynb", as_version=4)
    injected = next(c.source for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'score = "compound"' in injected and "min_quotes = 3" in injected
    assert "article_id" not in injected  # only parameters the notebook declares
    # the quotes table under the chart: the charted officials only, in chart order, 3 per side at most
    assert records["extreme_speakers"] == [s for s in records["speakers"] if s in records["extreme_speakers"]]
    assert records["extreme_speakers"] and records["n_extreme_quotes"] <= 6 * len(records["speakers"])


def test_tone_by_country_respects_parameters(rendered, fixture_quotes):
    import newstone
    from newstone import analysis

    _, out = rendered
    records = notebook.read_records(out / "tone_by_country.ipynb")
    assert records["n_articles"] == 2
    assert len(records["mentioned_countries"]) <= 3
    assert "Russia (RUS)" in records["mentioned_countries"] + records["mentioned_below_min"]
    page = (out / "tone_by_country.html").read_text()
    assert "shares that sentence" in page or "with the same score" in page  # the caveat is in the report
    # the speaker-country chart falls back to the (whole corpus's) speakers table
    expected = analysis.tone_by_speaker_country(fixture_quotes, "compound", newstone.read(FIXTURE).speakers).attrs
    assert records["speaker_country_missing"] == expected["n_without_group"]
    assert records["speaker_country_from_speakers_table"] == expected["n_country_from_speakers"]


def test_score_tone_toward_charts_countries_and_leaves_quote_reports_on_tone(tmp_path, capsys):
    notebooks = [ROOT / "notebooks" / f"{name}.ipynb" for name in ("tone_by_country", "tone_by_official")]
    args = report_args(
        notebooks=[str(n) for n in notebooks],
        output_dir=str(tmp_path),
        input=str(FIXTURE),
        parameter=[["score", "tone_toward"]],
    )
    assert render.run_reports(args) == 0
    assert "tone_by_official.ipynb: score tone_toward is a score of country mentions" in capsys.readouterr().err
    country = notebook.read_records(tmp_path / "tone_by_country.ipynb")
    assert country["score"] == "tone_toward"
    page = (tmp_path / "tone_by_country.html").read_text()
    assert "Tone toward each country" in page
    official = nbformat.read(tmp_path / "tone_by_official.ipynb", as_version=4)
    injected = next(c.source for c in official.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'score = "tone"' in injected


def test_article_explorer_shows_the_chosen_article(rendered):
    _, out = rendered
    records = notebook.read_records(out / "article_explorer.ipynb")
    assert records["article_id"] == "harbour/003"
    assert records["n_quotes"] >= 2
    assert records["index_ids"] and set(records["index_ids"]) <= {"harbour/002", "harbour/003"}
    page = (out / "article_explorer.html").read_text()
    assert 'data-article-id="harbour/003"' in page and 'class="ns-quote"' in page


def test_per_article_pages(rendered):
    _, out = rendered
    pages = sorted(p.name for p in (out / "articles").glob("*.html"))
    assert pages == ["harbour_001.html", "harbour_002.html", "harbour_003.html"]
    page = (out / "articles" / "harbour_001.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "Ministers clash over grain corridor" in page
    assert 'class="ns-quote"' in page


# --- a real browser, offline ---


def test_reports_load_offline_in_chromium(rendered):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    _, out = rendered
    ARTIFACTS.mkdir(exist_ok=True)
    problems = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name, min_images in (
                ("tone_by_official", 2),
                ("tone_by_country", 3),
                ("article_explorer", 0),
                ("articles/harbour_003", 0),
            ):
                page = browser.new_page(viewport={"width": 1200, "height": 900})
                errors, remote = [], []
                page.on("console", lambda msg, errors=errors: errors.append(msg.text) if msg.type == "error" else None)
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))

                def block_remote(route, remote=remote):
                    remote.append(route.request.url)
                    route.abort()

                page.route(re.compile(r"^https?://"), block_remote)
                page.goto((out / f"{name}.html").as_uri(), wait_until="load")
                images = page.eval_on_selector_all(
                    "img", "els => els.map(e => ({w: e.naturalWidth, src: e.src.slice(0, 22)}))"
                )
                marked_quotes = page.locator(".ns-quote").count()
                page.screenshot(path=str(ARTIFACTS / f"report_{name.replace('/', '_')}.png"), full_page=True)
                page.close()
                broken = [i for i in images if i["w"] <= 0]
                if "article" in name and marked_quotes == 0:
                    problems[name] = {"marked quotes": 0}
                if errors or remote or broken or len(images) < min_images:
                    problems[name] = {"console": errors, "remote": remote, "broken": broken, "images": len(images)}
                assert all(i["src"] == "data:image/png;base64," for i in images), images
        finally:
            browser.close()
    assert not problems, json.dumps(problems, indent=1)
