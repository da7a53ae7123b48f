"""What people look at: charts, the article explorer, and the rendered notebook reports.

:mod:`~.charts` (matplotlib figures from analysis tables), :mod:`~.explorer` (one article
as annotated HTML), :mod:`~.notebook` (what notebooks call: load the input, describe it,
record facts for auditing) and :mod:`~.render` (``newstone report``: papermill and
nbconvert to self-contained HTML).
"""
