"""The learned half of hybrid attribution: a bidirectional LSTM tagger trained on PolNeAR.

Read in this order: :mod:`~.features` (paragraph tokens and the ten input values of each
token, the rules' own output among them), :mod:`~.network` (the shipped tagger, run with
numpy), :mod:`~.spans` (tags back to content runs with their cue and source),
:mod:`~.confidence` (how likely a candidate is right), :mod:`~.rules_check` (how likely a
rules attribution is right). The combination with the rules is
:mod:`newstone.nlp.attribution.hybrid`; the training script is
``scripts/train_attribution.py``. ``docs/methodology.md`` gives the figures.
"""
