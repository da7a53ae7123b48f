"""The per-article language stages, in the order the pipeline runs them.

:mod:`~newstone.nlp.sentences` (Punkt with our own parameters) ->
:mod:`~newstone.nlp.attribution` (who said what: cue, source and content spans) ->
:mod:`~newstone.nlp.speakers` (from the source mention to a named speaker, with title,
organisation and country) -> :mod:`~newstone.nlp.countries` (country mentions) ->
:mod:`~newstone.nlp.tone` (VADER and the news-aware scorer). Shared pieces:
:mod:`~newstone.nlp.words` (closed word classes) and :mod:`~newstone.nlp.trie` (one
regex for a long word list). Every function works on one article's text and offsets.
"""
