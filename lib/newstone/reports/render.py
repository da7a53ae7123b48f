"""``newstone report``: run the notebooks with papermill and render them to offline HTML.

Each notebook is executed in its own folder (cwd = the notebook's directory, as JupyterLab
does, so the notebooks' relative default ``../data/processed`` works both ways), the
executed notebook is written to ``<output_dir>/<name>.ipynb`` and rendered to
``<output_dir>/<name>.html`` with the code hidden. The HTML is self-contained: charts are
inline base64 PNGs and the page loads no script from a CDN (nbconvert's default pulls
require.js and MathJax, which fail offline).

The project is the working directory the command runs in: its ``notebooks/`` are the
default notebooks and its ``data/processed`` the default input. Nothing is looked up
relative to the installed package, so an installed wheel behaves like a clone.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newstone.identity.roles import OTHER as OTHER_ROLE
from newstone.identity.roles import ROLES as SPEAKER_ROLES
from newstone.reports.notebook import RECORD_MIME

KERNEL = "python3"


# The 'lab' template without the CDN scripts: require.js (only needed by widgets and
# legacy JS outputs), MathJax (our notebooks have no maths) and mermaid.js. Everything
# else the template emits (CSS) is inlined by nbconvert.
OFFLINE_TEMPLATE_NAME = "newstone_offline.html.j2"


OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def parse_value(text: str) -> Any:
    """A ``-p`` value as YAML ("3" -> 3, "null" -> None), dates kept as ISO strings.

    YAML turns 2024-06-20 into a date object, which papermill would inject as
    ``datetime.date(...)`` into a notebook that never imported datetime.
    """
    import yaml

    try:
        return _plain_dates(yaml.safe_load(text))
    except (yaml.YAMLError, ValueError):  # "2024-13-01": YAML's date reader raises; the check names it
        return text


def _plain_dates(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_dates(v) for v in value]
    return value


def collect_parameters(args) -> dict[str, Any]:
    """Parameters from ``-f`` YAML, then ``-p NAME VALUE`` pairs, then ``--input`` (last wins).

    ``input_path`` is made absolute against the caller's directory, since notebooks run
    in their own folder.
    """
    import yaml

    parameters: dict[str, Any] = {}
    if getattr(args, "parameters_file", None):
        with open(args.parameters_file, encoding="utf-8") as fh:
            try:
                loaded = yaml.safe_load(fh) or {}
            except (yaml.YAMLError, ValueError) as exc:  # a bad date: "month must be in 1..12"
                raise ValueError(f"{args.parameters_file}: {exc} (dates are YYYY-MM-DD)") from None
        if not isinstance(loaded, dict):
            raise ValueError(f"{args.parameters_file}: expected a mapping of parameter names to values")
        parameters.update(_plain_dates(loaded))
    for name, value in getattr(args, "parameter", None) or []:
        parameters[name] = parse_value(value)
    if getattr(args, "input", None):
        parameters["input_path"] = args.input
    if isinstance(parameters.get("input_path"), str):
        parameters["input_path"] = os.path.abspath(parameters["input_path"])
    return parameters


SCORES = ("tone", "compound", "tone_toward")
# Tone toward a country is a score of country mentions: a report about whole quotes (per
# official, the explorer) does not declare it and charts the quotes' "tone" instead.
TOWARD = "tone_toward"


BELOW_MIN = ("grey", "hide")


SPEAKER_TYPES = ("person", "group", "organization", "country", "unknown")
ROLES = (*SPEAKER_ROLES, OTHER_ROLE)


def _one_of(allowed):
    def check(value):
        if value not in allowed:
            return f"{value!r} is not one of {', '.join('null' if a is None else repr(a) for a in allowed)}"

    return check


def _count(minimum: int, allow_none: bool = False):
    def check(value):
        if value is None and allow_none:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            return f"{value!r} is not {'null or ' if allow_none else ''}a whole number >= {minimum}"

    return check


def _names_from(known: tuple[str, ...], what: str, example: str):
    """A check for a value that is null, one of ``known`` or a list of them."""

    def check(value):
        if value is None:
            return None
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return f"{value!r} is not null, a {what} or a list of them (e.g. {example!r})"
        unknown = [v for v in values if v not in known]
        if unknown:
            return f"unknown {what}(s) {', '.join(map(repr, unknown))}; known: {', '.join(known)}"

    return check


def _date(value):
    import pandas as pd

    from newstone.analysis.dates import parse_date

    if value is None:
        return None
    try:
        readable = isinstance(value, str) and not pd.isna(parse_date(value))
    except (ValueError, OverflowError):  # "2024-13-01": dateutil's "month must be in 1..12"
        readable = False
    if not readable:
        return f"{value!r} is not a date (use YYYY-MM-DD, e.g. 2024-06-01)"


def _similarity(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        return f"{value!r} is not a number in (0, 1] (e.g. 0.8; 1 counts only exact copies once)"


def _group_by(value):
    from newstone.analysis.groups import group_error
    from newstone.schema import ARTICLE_COLUMNS

    if value is not None and not isinstance(value, str):
        return f"{value!r} is not null or a name (folder, source, month, quarter, year ...)"
    return group_error(value, list(ARTICLE_COLUMNS))


def _text(value):
    if not isinstance(value, str):
        return f"{value!r} is not a text"


def _scalar_or_none(value):
    if value is not None and not isinstance(value, (str, int)):
        return f"{value!r} is not an article id"


# What each notebook parameter accepts; a bad value stops `newstone report` before any
# notebook runs (a typo such as `-p score vader` used to fail late, inside a notebook).
PARAMETER_CHECKS = {
    "score": _one_of(SCORES),
    "below_min": _one_of(BELOW_MIN),
    "speaker_types": _names_from(SPEAKER_TYPES, "speaker type", "[person, group]"),
    "roles": _names_from(ROLES, "role", "[official, business]"),
    "top_n": _count(1, allow_none=True),
    "min_quotes": _count(0),
    "min_mentions": _count(0),
    "date_from": _date,
    "date_to": _date,
    "title": _text,
    "input_path": _text,
    "article_id": _scalar_or_none,
    "group_by": _group_by,
    "near_duplicates": _similarity,
    "trend_period": _one_of((None, "week", "month")),
}


def validate_parameters(parameters: dict[str, Any]) -> list[str]:
    """One message per parameter whose value the notebooks cannot use (empty: all good).

    Names not in :data:`PARAMETER_CHECKS` are not judged here (the notebooks that do not
    declare them ignore them, with a warning).
    """
    problems = []
    for name, value in parameters.items():
        check = PARAMETER_CHECKS.get(name)
        try:
            message = check(value) if check else None
        except Exception as exc:  # noqa: BLE001 - a check must name the parameter, whatever failed
            message = f"{value!r} was refused ({type(exc).__name__}: {exc})"
        if message:
            problems.append(f"parameter {name}: {message}")
    if not any(p.startswith("parameter date_") for p in problems):
        from newstone.analysis.dates import parse_date

        start, end = parameters.get("date_from"), parameters.get("date_to")
        if start is not None and end is not None and parse_date(start) > parse_date(end):
            problems.append(f"parameters date_from {start!r} is after date_to {end!r}")
    return problems


def portable_path(path: str, cwd: Path, project: Path | None = None) -> str:
    """``path`` relative to ``cwd`` when both are inside the project (the working
    directory), else absolute.

    Executed notebooks in reports/ are committed; "../data/processed" reads better there
    than one machine's absolute path, and still works from the notebook's folder.
    """
    project = (project or Path.cwd()).resolve()
    absolute = Path(os.path.abspath(path))
    if project in absolute.parents and project in Path(cwd).resolve().parents:
        return os.path.relpath(absolute, Path(cwd).resolve())
    return os.fspath(absolute)


def notebook_parameter_names(path) -> dict[str, str]:
    """The names declared in a notebook's ``parameters`` cell, each with its default as
    written there ("20", '"tone"', "None")."""
    import papermill

    return {name: info.get("default") for name, info in papermill.inspect_notebook(os.fspath(path)).items()}


def notebook_reads_toward(path) -> bool:
    """Whether the notebook's ``score`` parameter offers "tone_toward" (its default or its
    comment names it)."""
    import papermill

    declared = papermill.inspect_notebook(os.fspath(path)).get("score") or {}
    return TOWARD in f"{declared.get('default')} {declared.get('help')}"


def default_notebooks() -> list[Path]:
    """notebooks/*.ipynb of the current directory (the project)."""
    return sorted(Path("notebooks").glob("*.ipynb"))


def execute_notebook(notebook: Path, output: Path, parameters: dict, progress: bool = True) -> str | None:
    """Run ``notebook`` into ``output`` (cwd = its folder); None on success, else why it failed.

    On failure papermill has already saved the executed notebook, with the error, at
    ``output``; the message names the failing cell.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    from newstone.reports.kernel import QuietShutdownKernelManager

    # The kernel talks to us over local sockets (files in Jupyter's runtime folder), not TCP
    # ports: nothing listens on the network while a report renders, and ipykernel no longer
    # warns on every notebook that its TCP traffic is unencrypted.
    local_sockets = Config({"KernelManager": {"transport": "ipc"}})
    try:
        papermill.execute_notebook(
            os.fspath(notebook),
            os.fspath(output),
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=progress,
            cwd=os.fspath(notebook.parent),
            config=local_sockets,
            kernel_manager_class=QuietShutdownKernelManager,
        )
    except PapermillExecutionError as exc:
        return f"cell {exc.cell_index} (execution count {exc.exec_count}) raised {exc.ename}: {exc.evalue}"
    drop_run_details(output)
    return None


def drop_run_details(executed: Path) -> None:
    """Remove what changes on every run although the report does not: execution
    timestamps and durations, cell ids drawn at random and the absolute paths of this
    machine. Committed reports then change only when their content does."""
    import nbformat

    nb = nbformat.read(os.fspath(executed), as_version=4)
    for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
        nb.metadata.get("papermill", {}).pop(key, None)
    for number, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        for key in ("start_time", "end_time", "duration"):
            cell.metadata.get("papermill", {}).pop(key, None)
        cell["id"] = f"cell-{number}"
    nbformat.write(nb, os.fspath(executed))


def html_exporter():
    """nbconvert's 'lab' HTML exporter with code and prompts hidden and no CDN scripts."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({OFFLINE_TEMPLATE_NAME: OFFLINE_TEMPLATE})],
        template_file=OFFLINE_TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )


def strip_records(nb):
    """A copy of ``nb`` without :func:`record` outputs (data for machines, not readers)."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if RECORD_MIME not in o.get("data", {})]
    return nb


def render_html(executed: Path, target: Path) -> None:
    """Executed notebook -> self-contained HTML with the code hidden."""
    import nbformat

    nb = strip_records(nbformat.read(os.fspath(executed), as_version=4))
    body, _ = html_exporter().from_notebook_node(nb, resources={"metadata": {"name": executed.stem}})
    target.write_text(body, encoding="utf-8")


def first_png(executed: Path) -> bytes | None:
    """The first PNG image in a notebook's outputs (its headline chart), if any."""
    import base64

    import nbformat

    nb = nbformat.read(os.fspath(executed), as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get("image/png")
            if data:
                return base64.b64decode(data)
    return None


def find_notebook(name: str) -> Path | None:
    """A notebook named by path, or by name in the project's notebooks/ folder
    ("tone_by_official" or "tone_by_official.ipynb")."""
    for candidate in (Path(name), Path("notebooks") / name, Path("notebooks") / f"{name}.ipynb"):
        if candidate.is_file():
            return candidate
    return None


def input_problem(parameters: dict) -> str | None:
    """Why the input the notebooks would read does not exist (None: it does). Checked
    once, before any notebook runs, instead of every notebook failing in turn."""
    import glob

    path = parameters.get("input_path")
    if not isinstance(path, str) or os.path.exists(path) or (glob.has_magic(path) and glob.glob(path)):
        return None
    return f"--input {path}: no such file, folder or dataset (make one with: newstone parse INPUT... -o DIR)"


def run_reports(args) -> int:
    """``newstone report``: execute and render each notebook, then write ``index.html``;
    0 if all worked, else 1 (2 for a usage error, before any notebook runs).

    A failing notebook keeps papermill's executed notebook (with the traceback) at
    ``<output_dir>/<name>.ipynb``; the failing cell is printed and the others still run.
    """
    from newstone.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE

    names = list(args.notebooks or [])
    notebooks = [find_notebook(name) for name in names] if names else default_notebooks()
    missing = [name for name, found in zip(names, notebooks) if found is None]
    if missing or not notebooks:
        known = ", ".join(p.stem for p in default_notebooks()) or "none"
        print(
            f"newstone report: no such notebook: {', '.join(missing) or 'notebooks/*.ipynb'} (notebooks/ has: {known})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        parameters = collect_parameters(args)
    except (OSError, ValueError) as exc:
        print(f"newstone report: {exc}", file=sys.stderr)
        return EXIT_USAGE
    problems = validate_parameters(parameters)
    problem = input_problem(parameters)
    for message in problems + ([problem] if problem else []):
        print(f"newstone report: {message}", file=sys.stderr)
    if problems or problem:
        return EXIT_USAGE
    progress = not getattr(args, "no_progress", False)
    output_dir = Path(args.output_dir).resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    results = [run_one(notebook.resolve(), parameters, output_dir, progress) for notebook in notebooks]
    pages, articles = None, None
    if args.per_article:
        source = parameters.get("input_path") or os.fspath(_default_input())
        score = parameters.get("score", "tone")
        articles, pages = write_article_pages(source, output_dir, "tone" if score == TOWARD else score, progress)
    from newstone.reports.pages import index_page

    given = dict(parameters)
    if isinstance(given.get("input_path"), str):  # as the committed index should show it: relative
        given["input_path"] = portable_path(given["input_path"], output_dir)
    (output_dir / "index.html").write_text(index_page(results, given, articles, pages), encoding="utf-8")
    print(f"newstone report: index -> {output_dir / 'index.html'}", file=sys.stderr)
    return EXIT_FAILED if any(not r.ok for r in results) else EXIT_OK


def run_one(notebook: Path, parameters: dict, output_dir: Path, progress: bool):
    """Execute and render one notebook; what the index page says of it."""
    from newstone.reports.notebook import read_records
    from newstone.reports.pages import ReportResult

    declared = notebook_parameter_names(notebook)
    ignored = sorted(set(parameters) - set(declared) - {"input_path"})
    if ignored:
        print(
            f"newstone report: {notebook.name}: ignoring parameters it does not declare: {', '.join(ignored)}",
            file=sys.stderr,
        )
    executed = output_dir / f"{notebook.stem}.ipynb"
    injected = {k: v for k, v in parameters.items() if k in declared}
    if injected.get("score") == TOWARD and not notebook_reads_toward(notebook):
        injected["score"] = "tone"
        print(
            f"newstone report: {notebook.name}: score tone_toward is a score of country mentions; "
            "this report charts whole quotes by tone",
            file=sys.stderr,
        )
    if isinstance(injected.get("input_path"), str):
        injected["input_path"] = portable_path(injected["input_path"], notebook.parent)
    used = {name: injected.get(name, declared[name]) for name in declared}
    error = execute_notebook(notebook, executed, injected, progress)
    if error:
        print(
            f"newstone report: {notebook.name} FAILED in {error}\n"
            f"  the executed notebook with the traceback is at {executed}",
            file=sys.stderr,
        )
        return ReportResult(notebook.stem, ok=False, error=error, parameters=used)
    render_html(executed, output_dir / f"{notebook.stem}.html")
    image = first_png(executed)
    if image:
        (output_dir / "img").mkdir(exist_ok=True)
        (output_dir / "img" / f"{notebook.stem}.png").write_bytes(image)
    print(f"newstone report: {notebook.name} -> {output_dir / (notebook.stem + '.html')}", file=sys.stderr)
    data_line = read_records(executed).get("data_line", "")
    return ReportResult(notebook.stem, ok=True, image=bool(image), parameters=used, data_line=data_line)


def write_article_pages(source: str, output_dir: Path, score: str, progress: bool):
    """``--per-article``: one explorer page per article of ``source`` (duplicates too,
    each saying which article it repeats); returns the articles and their page names."""
    import time

    import newstone
    from newstone.reports.notebook import resolve_input
    from newstone.reports.pages import render_article_pages

    started = time.perf_counter()
    corpus = newstone.read(resolve_input(source))
    pages = render_article_pages(corpus.articles, corpus.quotes, corpus.mentions, output_dir, score, progress)
    print(
        f"newstone report: {len(pages)} article page(s) -> {output_dir / 'articles'} "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return corpus.articles, pages


def _default_input() -> Path:
    """What the notebooks read by default, seen from the project (the working directory)."""
    processed = Path("data") / "processed"
    return processed if processed.exists() else Path("data") / "sample_reuters_putin_north_korea.txt"


def main(argv: list[str] | None = None) -> int:
    """``python -m newstone.reports.render EXECUTED.ipynb ...``: render notebooks run elsewhere
    (e.g. by the papermill CLI) to offline HTML next to them, with the code hidden."""
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print("usage: python -m newstone.reports.render EXECUTED.ipynb [...]", file=sys.stderr)
        return 2
    for path in paths:
        render_html(path, path.with_suffix(".html"))
        print(f"{path} -> {path.with_suffix('.html')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
