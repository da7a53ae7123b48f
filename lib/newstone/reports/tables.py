"""Tables a reader can search, sort and download, in any report page, offline.

A DataFrame becomes an HTML table with a search box (every word must appear in the row),
headers that sort on click (numbers as numbers, missing values last either way) and a
button that downloads the rows shown, in the order shown, as CSV. Everything is inline:
one small script and style sheet, no library and nothing loaded from anywhere, so a page
opens from a file, in JupyterLab or in an e-mail attachment the same way.

Why not a table library: itables' offline mode (DataTables) embeds 618 KB of script and
107 KB of style sheet, base64-encoded, in every page (about 1 MB), which the reports could
carry but ``newstone report --per-article`` cannot (2,127 BBC pages would weigh 2 GB).
This script is under 4 KB.

Cells are HTML-escaped; text keeps its line breaks (``white-space: pre-line``), text is
left-aligned and numbers right-aligned. A number's cell shows it rounded and keeps the
full value in ``data-value``, which sorting and the CSV use; a missing value shows "–"
and is empty in the CSV.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Callable, Mapping

import pandas as pd

MISSING = "\u2013"


class HTMLFragment(str):
    """An HTML string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


TABLE_CSS = """<style>
.ns-table{margin:.6em 0 1.2em;font-family:system-ui,sans-serif;font-size:.86em}
.ns-table .ns-tools{display:flex;gap:.8em;align-items:center;margin-bottom:.35em;flex-wrap:wrap}
.ns-table input[type=search]{min-width:18em;padding:2px 6px;font:inherit}
.ns-table .ns-count{color:#555}
.ns-table .ns-scroll{max-height:34em;overflow:auto;border:1px solid #ddd}
.ns-table table.ns-grid{border-collapse:collapse;width:100%;margin:0;table-layout:auto}
.ns-table table.ns-grid th,.ns-table table.ns-grid td{text-align:left;vertical-align:top;padding:3px 7px;
  border-bottom:1px solid #eee;white-space:pre-line;max-width:48em}
.ns-table table.ns-grid td.ns-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ns-table table.ns-grid th{position:sticky;top:0;background:#f4f4f4;z-index:1;white-space:nowrap}
.ns-table th button{all:unset;cursor:pointer;font-weight:600}
.ns-table th[aria-sort=ascending] button::after{content:" \\25B2"}
.ns-table th[aria-sort=descending] button::after{content:" \\25BC"}
.ns-table tr[hidden]{display:none}
.ns-table caption{caption-side:top;text-align:left;color:#555;padding:0 0 .3em}
</style>"""


TABLE_SCRIPT = """<script>
(function () {
  if (window.newstoneTables) { window.newstoneTables.initAll(); return; }
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var value = function (td) { return td.hasAttribute("data-value") ? td.getAttribute("data-value") : td.textContent; };
  var csvField = function (s) { return /[",\\r\\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  function init(box) {
    if (box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    var table = box.querySelector("table"), body = table.tBodies[0], heads = table.tHead.rows[0].cells;
    var rows = Array.prototype.slice.call(body.rows), count = box.querySelector(".ns-count");
    var words = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var shown = function () { return Array.prototype.filter.call(body.rows, function (r) { return !r.hidden; }); };
    var update = function () {
      var n = shown().length;
      count.textContent = (n === rows.length ? "" : n + " of ") + rows.length + " row" + (rows.length === 1 ? "" : "s");
    };
    box.querySelector("input[type=search]").addEventListener("input", function (event) {
      var terms = event.target.value.toLowerCase().split(/\\s+/).filter(Boolean);
      rows.forEach(function (r, i) {
        r.hidden = !terms.every(function (t) { return words[i].indexOf(t) >= 0; });
      });
      update();
    });
    each(heads, function (th, col) {
      th.querySelector("button").addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending", numeric = th.getAttribute("data-type") === "number";
        each(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var order = rows.map(function (r, i) { return [value(r.cells[col]), i, r]; });
        order.sort(function (a, b) {
          var x = a[0], y = b[0];
          if (x === "" || y === "") return (x === "") - (y === "") || a[1] - b[1];
          var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, undefined, {numeric: true});
          return (up ? c : -c) || a[1] - b[1];
        });
        order.forEach(function (item) { body.appendChild(item[2]); });
      });
    });
    box.querySelector(".ns-csv").addEventListener("click", function () {
      var fields = function (cells, get) {
        return Array.prototype.map.call(cells, function (c) { return csvField(get(c)); });
      };
      var lines = [fields(heads, function (h) { return h.getAttribute("data-column"); })];
      shown().forEach(function (r) { lines.push(fields(r.cells, value)); });
      var text = lines.map(function (l) { return l.join(","); }).join("\\r\\n") + "\\r\\n";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(["\\ufeff" + text], {type: "text/csv;charset=utf-8"}));
      link.download = (box.getAttribute("data-name") || "table") + ".csv";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    });
    update();
  }
  window.newstoneTables = { initAll: function () { each(document.querySelectorAll(".ns-table"), init); } };
  window.newstoneTables.initAll();
})();
</script>"""


Format = str | Callable[[object], str]


def interactive_table(
    frame: pd.DataFrame,
    name: str,
    *,
    formats: Mapping[str, Format] | None = None,
    links: Mapping[str, Callable[[object], str | None]] | None = None,
    caption: str | None = None,
    digits: int = 3,
) -> HTMLFragment:
    """``frame`` as a searchable, sortable table with a CSV download named ``name``.csv.

    ``formats`` maps a column to a format string ("{:+.2f}") or a function for its shown
    text (numbers are rounded to ``digits`` otherwise); ``links`` maps a column to a
    function giving each value's link (relative, for pages next to each other), or None.
    The index is left out: put what matters in a column.
    """
    formats, links = dict(formats or {}), dict(links or {})
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and frame[c].dtype != bool}
    head = "".join(
        f'<th data-column="{_attr(c)}" data-type="{"number" if c in numeric else "text"}" aria-sort="none">'
        f'<button type="button">{html.escape(str(c))}</button></th>'
        for c in frame.columns
    )
    body = []
    # column by column (Series.tolist runs at C speed; itertuples over pandas' Arrow-backed
    # strings cost a per-article page more than everything else on it)
    for row in zip(*(frame[c].tolist() for c in frame.columns)):
        cells = [
            _cell(value, column, column in numeric, formats.get(column), links.get(column), digits)
            for column, value in zip(frame.columns, row)
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return HTMLFragment(
        f'{TABLE_CSS}<div class="ns-table" data-name="{_attr(name)}">'
        '<div class="ns-tools"><input type="search" placeholder="Search (every word)" '
        f'aria-label="Search the {_attr(name)} table"><span class="ns-count"></span>'
        '<button type="button" class="ns-csv">Download CSV of the rows shown</button></div>'
        f'<div class="ns-scroll"><table class="ns-grid">{caption_html}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div></div>{TABLE_SCRIPT}"
    )


def _cell(value, column, is_number: bool, fmt: Format | None, link, digits: int) -> str:
    if _missing(value):
        return f'<td data-value=""{" class=ns-num" if is_number else ""}>{MISSING}</td>'
    if fmt is not None:
        shown = fmt(value) if callable(fmt) else fmt.format(value)
    elif isinstance(value, pd.Timestamp):
        shown = f"{value:%Y-%m-%d}" if value == value.normalize() else value.isoformat(sep=" ")
    elif is_number and isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        shown = f"{value:.{digits}f}"
    else:
        shown = str(value)
    text = html.escape(shown)
    href = link(value) if link else None
    if href:
        text = f'<a href="{_attr(href)}">{text}</a>'
    if isinstance(value, pd.Timestamp):
        raw = value.isoformat() if value != value.normalize() else f"{value:%Y-%m-%d}"
    elif is_number and isinstance(value, numbers.Integral):
        raw = str(int(value))
    elif is_number and isinstance(value, numbers.Real):
        raw = repr(float(value))
    else:
        raw = str(value)
    keep = f' data-value="{_attr(raw)}"' if raw != shown else ""
    return f"<td{keep}{' class=ns-num' if is_number else ''}>{text}</td>"


def _missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _attr(text) -> str:
    return html.escape(str(text), quote=True)
