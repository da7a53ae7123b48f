"""The package's public API (lib/newstone/__init__.py)."""


# --- what the package exports ---


def test_dir_of_the_package_lists_its_api():
    import newstone

    assert dir(newstone) == ["Corpus", "__version__", "parse_text", "read", "sql", "tone", "tone_toward"]
