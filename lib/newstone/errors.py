"""Errors the command line reports as usage errors (exit 2) rather than as crashes, and
the command line's exit codes (shared by ``newstone`` and ``newstone report``)."""

EXIT_OK = 0  # success
EXIT_FAILED = 1  # no article could be processed, or a report failed
EXIT_USAGE = 2  # bad arguments, missing paths, settings that do not match


class RosterError(ValueError):
    """An officials.csv that cannot be read as a roster (no name column, wrong separator)."""


class SettingsMismatch(ValueError):
    """A rerun asked for other settings (tone scorer, roster) than the dataset was made with."""


class RuleFileError(ValueError):
    """A packaged rule file (``data/*.tsv``, ``data/*.txt``) that breaks its own format:
    the message names the file and line, so a typo fails at load instead of silently
    changing results."""


class InputRefused(ValueError):
    """An input named on the command line that is not read at all: a named pipe, socket or
    device file (opened, it would block or never end); or a limit on reading inputs
    (``NEWSTONE_MAX_ARTICLE_MB``) that is no positive number."""
