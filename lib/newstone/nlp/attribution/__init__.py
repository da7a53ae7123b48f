"""Who said what: direct, reported and mixed speech, found with rules over sentence tokens.

Read in this order: :mod:`~.lexicon` (cue verbs from ``data/cues.tsv``),
:mod:`~.quotes` (quotation spans), :mod:`~.tokens` (a quotation is one token),
:mod:`~.cues` (is this word a cue here?), :mod:`~.source` (the source span next to a
cue), :mod:`~.content` (where the reported content stops), :mod:`~.shapes` (the clause
shapes of one sentence), :mod:`~.nesting` (coordinated and nested attributions) and
:mod:`~.document` (paragraph-level rules and :func:`extract_attributions`). The opt-in
hybrid (``attribution="hybrid"``) adds a tagger trained on PolNeAR: :mod:`~.learned` and
:mod:`~.hybrid` (which side wins where). ``docs/methodology.md`` explains the shapes with
examples.
"""
