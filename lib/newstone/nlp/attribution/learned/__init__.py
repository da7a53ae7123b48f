"""The learned half of hybrid attribution: a linear-chain CRF tagger trained on PolNeAR.

Read in this order: :mod:`~.features` (paragraph tokens and the feature strings of each
token, the rules' own output among them), :mod:`~.model` (the shipped CRFsuite model),
:mod:`~.spans` (tags back to content runs with their cue and source). The combination with
the rules is :mod:`newstone.nlp.attribution.hybrid`; the training script is
``scripts/train_attribution.py``. ``docs/methodology.md`` gives the figures.
"""
