"""Many articles: engines that run the pipeline, the Parquet dataset, corpus-level tables.

:mod:`~.local` (in this process or a pool of workers) and :mod:`~.dask_engine` run the
per-article pipeline; :mod:`~.parse` streams inputs into a dataset (``newstone parse``);
:mod:`~.store` writes and reads its Parquet part files; :mod:`~.speaker_index` builds the
speakers table in one pass; :mod:`~.corpus` is ``newstone.read`` and the
:class:`~.corpus.Corpus` of DataFrames; :mod:`~.sql` queries a dataset with DuckDB.
Importing :mod:`~.store`, :mod:`~.speaker_index` or :mod:`~.sql` loads neither NLTK nor VADER.
"""
