"""Reading inputs: headers of the sample, table formats, encodings and error rows."""


def test_dir_of_the_package_lists_its_api():
    import newstone

    assert dir(newstone) == ["Corpus", "__version__", "parse_text", "read", "sql", "tone"]


# ---------------------------------------------------------------------------------------
# Ids of table files, HTML paragraphs, documentation files, UTF-16, empty records
