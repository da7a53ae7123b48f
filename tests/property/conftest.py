"""Hypothesis profiles for the property tests. ``ci`` (the default, run by ``make test``) is
derandomized, so CI always tries the same examples and cannot turn red by chance; ``fuzz``
(``make fuzz``, or ``HYPOTHESIS_PROFILE=fuzz``) tries many more, new ones every run, with a
deadline per example that turns a near-hang into a failure to shrink."""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_COMMON = {
    # Examples range from empty to thousands of characters through the whole pipeline:
    # the time bound is tested on its own (test_time_bounds.py), not per example.
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}

settings.register_profile("ci", max_examples=200, derandomize=True, database=None, **_COMMON)
settings.register_profile("fuzz", max_examples=5000, **{**_COMMON, "deadline": timedelta(seconds=5)})
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
