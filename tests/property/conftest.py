"""Hypothesis profiles for the property tests. ``ci`` (the default, run by ``make test``) is
derandomized, so CI always tries the same examples and cannot turn red by chance; ``fuzz``
(``make fuzz``, or ``HYPOTHESIS_PROFILE=fuzz``) tries many more, new ones every run, with a
deadline per example that turns a near-hang into a failure to shrink."""

from __future__ import annotations

import os
import signal
from datetime import timedelta

import pytest
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


# A hang is what these tests look for: without a ceiling it would hold CI until its own
# time limit, with no word of which test. Each test gets 20 minutes (they take seconds).
TEST_CEILING_SECONDS = 1200


@pytest.fixture(autouse=True)
def fail_instead_of_hanging():
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum, frame):
        raise TimeoutError(f"a property test ran for {TEST_CEILING_SECONDS} s: a hang?")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(TEST_CEILING_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
