"""Errors the command line reports as usage errors (exit 2) rather than as crashes."""


class RosterError(ValueError):
    """An officials.csv that cannot be read as a roster (no name column, wrong separator)."""


class SettingsMismatch(ValueError):
    """A rerun asked for other settings (tone scorer, roster) than the dataset was made with."""
