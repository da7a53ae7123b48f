"""Errors the command line reports as usage errors (exit 2) rather than as crashes."""


class SettingsMismatch(ValueError):
    """A rerun asked for other settings (tone scorer, roster) than the dataset was made with."""
