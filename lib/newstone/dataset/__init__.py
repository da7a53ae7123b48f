"""Many articles: engines that run the pipeline, the Parquet dataset, corpus-level tables.

:mod:`~.local` (in this process or a pool of workers) and :mod:`~.dask_engine` run the
per-article pipeline; :mod:`~.parse` streams inputs into a dataset (``newstone parse``);
:mod:`~.store` writes and reads its Parquet part files; :mod:`~.identity` runs the corpus
identity pass (:mod:`newstone.identity`) over a dataset or rows and writes the speakers
table; :mod:`~.corpus` is ``newstone.read`` and the :class:`~.corpus.Corpus` of DataFrames;
:mod:`~.sql` queries a dataset with DuckDB. Importing :mod:`~.store`, :mod:`~.identity`,
:mod:`~.corpus` or :mod:`~.sql` loads neither NLTK nor VADER.
"""
