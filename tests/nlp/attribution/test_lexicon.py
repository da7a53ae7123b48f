"""The cue lexicon read from data/cues.tsv: flags become named fields, typos are errors
(lib/newstone/nlp/attribution/lexicon.py)."""

from __future__ import annotations

import pytest

from newstone.errors import RuleFileError
from newstone.nlp.attribution.lexicon import cue_from_row
from newstone.rules import read_table
from tests.helpers import write_rule_file

# --- cue rows ---


@pytest.mark.parametrize(
    "flags, cls, message",
    [
        ("inv,invv", "speech", r"cues.tsv:3: unknown flag\(s\) invv for 'say'"),
        ("-", "speeech", r"cues.tsv:3: class 'speeech' is not one of"),
    ],
)
def test_a_typo_in_cues_tsv_is_an_error_not_ignored(tmp_path, flags, cls, message):
    path = write_rule_file(tmp_path, f"# cues\nlemma\tclass\tflags\tforms\nsay\t{cls}\t{flags}\tsay said\n", "cues.tsv")
    row = read_table(path, ("lemma", "class", "flags", "forms"))[0]
    with pytest.raises(RuleFileError, match=message):
        cue_from_row(row, "said")


def test_cue_flags_become_named_fields(tmp_path):
    path = write_rule_file(
        tmp_path, "lemma\tclass\tflags\tforms\nsee\tbelief\tthat,as\tsee saw\nstate\tspeech\tinv,end\tstate\n"
    )
    see, state = read_table(path, ("lemma", "class", "flags", "forms"))
    cue = cue_from_row(see, "saw")
    assert (cue.words, cue.needs_that, cue.as_complement, cue.that_ok, cue.invertible) == (
        ("saw",),
        True,
        True,
        True,
        False,
    )
    cue = cue_from_row(state, "state")
    assert (cue.end_only, cue.invertible, cue.needs_that, cue.that_ok) == (True, True, False, True)
