"""Tone of a text: raw VADER (:mod:`~.vader`, VADER's own algorithm run faster) and the
news-aware scorer (:mod:`~.news`, VADER with a measured news lexicon update)."""
