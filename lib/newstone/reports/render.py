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

import html
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newstone.identity.roles import OTHER as OTHER_ROLE
from newstone.identity.roles import ROLES as SPEAKER_ROLES
from newstone.reports.notebook import RECORD_MIME, load_input

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

    return _plain_dates(yaml.safe_load(text))


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
            loaded = yaml.safe_load(fh) or {}
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


SCORES = ("tone", "compound")


BELOW_MIN = ("grey", "hide")


SPEAKER_TYPES = ("person", "group", "organization", "country", "unknown")
ROLES = (*SPEAKER_ROLES, OTHER_ROLE)


def _one_of(allowed):
    def check(value):
        if value not in allowed:
            return f"{value!r} is not one of {', '.join(map(repr, allowed))}"

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

    if value is not None and (not isinstance(value, str) or pd.isna(parse_date(value))):
        return f"{value!r} is not a date (use YYYY-MM-DD)"


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
}


def validate_parameters(parameters: dict[str, Any]) -> list[str]:
    """One message per parameter whose value the notebooks cannot use (empty: all good).

    Names not in :data:`PARAMETER_CHECKS` are not judged here (the notebooks that do not
    declare them ignore them, with a warning).
    """
    problems = []
    for name, value in parameters.items():
        check = PARAMETER_CHECKS.get(name)
        message = check(value) if check else None
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


def notebook_parameter_names(path) -> set[str]:
    """The names declared in a notebook's ``parameters`` cell."""
    import papermill

    return set(papermill.inspect_notebook(os.fspath(path)))


def default_notebooks() -> list[Path]:
    """notebooks/*.ipynb of the current directory (the project)."""
    return sorted(Path("notebooks").glob("*.ipynb"))


def execute_notebook(notebook: Path, output: Path, parameters: dict) -> str | None:
    """Run ``notebook`` into ``output`` (cwd = its folder); None on success, else why it failed.

    On failure papermill has already saved the executed notebook, with the error, at
    ``output``; the message names the failing cell.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

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
            progress_bar=True,
            cwd=os.fspath(notebook.parent),
            config=local_sockets,
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


def safe_file_name(article_id: str, taken: set[str]) -> str:
    """A file name for an article id ("politics/001" -> "politics_001"), unique in ``taken``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", str(article_id)).strip("._") or "article"
    candidate, counter = name, 2
    while candidate in taken:
        candidate, counter = f"{name}_{counter}", counter + 1
    taken.add(candidate)
    return candidate


def article_page(tables: dict, article_id: str, score: str = "tone") -> str:
    """A standalone HTML page of the article explorer for one article (no kernel needed)."""
    from newstone.reports.explorer import explorer_html

    title = tables["articles"].loc[tables["articles"]["article_id"] == article_id, "title"]
    heading = html.escape(str(title.iloc[0]) if len(title) and isinstance(title.iloc[0], str) else article_id)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{heading}</title><style>body{{margin:2em auto;max-width:60em;font-family:sans-serif}}"
        "table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ddd;padding:3px 6px;"
        f"vertical-align:top}}</style></head><body><h1>{heading}</h1>"
        f"{explorer_html(tables, article_id, score)}</body></html>\n"
    )


def render_article_pages(input_path: str, output_dir: Path, score: str = "tone") -> list[Path]:
    """Write ``<output_dir>/articles/<id>.html`` for every article of ``input_path``."""
    tables, _ = load_input(input_path)
    folder = output_dir / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    written = []
    for article_id in tables["articles"]["article_id"]:
        path = folder / f"{safe_file_name(article_id, taken)}.html"
        path.write_text(article_page(tables, article_id, score), encoding="utf-8")
        written.append(path)
    return written


def run_reports(args) -> int:
    """``newstone report``: execute and render each notebook; 0 if all worked, else 1.

    A failing notebook keeps papermill's executed notebook (with the traceback) at
    ``<output_dir>/<name>.ipynb``; the failing cell is printed and the others still run.
    """
    from newstone.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE

    notebooks = [Path(p) for p in args.notebooks] if args.notebooks else default_notebooks()
    missing = [p for p in notebooks if not p.is_file()]
    if missing or not notebooks:
        print(
            f"newstone report: no such notebook: {', '.join(map(str, missing)) or 'notebooks/*.ipynb'}", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        parameters = collect_parameters(args)
    except (OSError, ValueError) as exc:
        print(f"newstone report: {exc}", file=sys.stderr)
        return EXIT_USAGE
    problems = validate_parameters(parameters)
    if problems:
        for problem in problems:
            print(f"newstone report: {problem}", file=sys.stderr)
        return EXIT_USAGE
    output_dir = Path(args.output_dir).resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for notebook in notebooks:
        notebook = notebook.resolve()
        declared = notebook_parameter_names(notebook)
        ignored = sorted(set(parameters) - declared - {"input_path"})
        if ignored:
            print(
                f"newstone report: {notebook.name}: ignoring parameters it does not declare: {', '.join(ignored)}",
                file=sys.stderr,
            )
        executed = output_dir / f"{notebook.stem}.ipynb"
        injected = {k: v for k, v in parameters.items() if k in declared}
        if isinstance(injected.get("input_path"), str):
            injected["input_path"] = portable_path(injected["input_path"], notebook.parent)
        error = execute_notebook(notebook, executed, injected)
        if error:
            failures += 1
            print(
                f"newstone report: {notebook.name} FAILED in {error}\n"
                f"  the executed notebook with the traceback is at {executed}",
                file=sys.stderr,
            )
            continue
        render_html(executed, output_dir / f"{notebook.stem}.html")
        image = first_png(executed)
        if image:
            (output_dir / "img").mkdir(exist_ok=True)
            (output_dir / "img" / f"{notebook.stem}.png").write_bytes(image)
        print(f"newstone report: {notebook.name} -> {output_dir / (notebook.stem + '.html')}", file=sys.stderr)
    if args.per_article:
        source = parameters.get("input_path") or os.fspath(_default_input())
        try:
            pages = render_article_pages(source, output_dir, score=parameters.get("score", "tone"))
        except FileNotFoundError as exc:
            print(f"newstone report: --per-article: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"newstone report: {len(pages)} article page(s) -> {output_dir / 'articles'}", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


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
