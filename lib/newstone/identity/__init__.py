"""Corpus passes: what the whole corpus knows about its speakers, after per-article parsing.

An article resolves "he" to "Mr Howard" and "Mr Howard" to "Michael Howard" when it names
him; only the corpus can tell that "Tory leader", "Howard" and "Michael Howard" in other
articles are the same person, that "the prime minister" of a British paper is the person it
names as prime minister, what role a speaker has, and which country the weight of the
evidence gives them. Read in this order: :mod:`~.names` (person names compared),
:mod:`~.roles` (roles and offices from titles), :mod:`~.people` (people joined across
articles), :mod:`~.countries` (a country from weighed evidence), :mod:`~.organisations`
(an organisation from its articles' readings), :mod:`~.corpus_words`
(words the corpus writes in lower case) and :mod:`~.resolve` (the pass itself).
:mod:`newstone.dataset.identity` runs it over a dataset or rows.
"""
