"""Person names as the corpus pass compares them (newstone.identity.names)."""

from __future__ import annotations

import pytest

from newstone.identity.names import NameContext, compatible, parse_name

CONTEXT = NameContext(common_words=frozenset({"defiant", "cup", "under"}), two_word_names=frozenset({"arsene wenger"}))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Michael Howard", "Michael Howard"),
        ("Harrogate Mr Kennedy", "Kennedy"),  # words before an honorific
        ("Straw Jack Straw", "Jack Straw"),  # a repeated surname
        ("Defiant Matt Williams", "Matt Williams"),  # a word the corpus writes in lower case
        ("Under Ongpin", "Ongpin"),
        ("Campaign coordinator Alan Milburn", "Alan Milburn"),  # before the last capitalised run
        ("Prime Minister Margaret Thatcher late", "Margaret Thatcher"),  # titles, a trailing word
        ("U.S. Agriculture Undersecretary Daniel Amstutz", "Daniel Amstutz"),
        ("Exchequer Nigel Lawson", "Nigel Lawson"),  # "Chancellor of the Exchequer"
        ("Manchester United Alex Ferguson", "Alex Ferguson"),  # an organisation before a given name
        ("Almunia Arsene Wenger", "Arsene Wenger"),  # the corpus names "Arsene Wenger"
        ("DJ Norman Cook", "Norman Cook"),
        ("Fiorina's talk", "Fiorina"),
        ("Sir Alex Ferguson", "Alex Ferguson"),  # "Sir" is a style, not a name
        ("Lord Falconer", "Lord Falconer"),  # a peer is known by the style
        ("Dominique de Villepin", "Dominique de Villepin"),
        ("Barend du Plessis", "Barend du Plessis"),
        ("Paolo Di Canio", "Paolo Di Canio"),  # a capitalised particle is part of the surname
        ("Al Gore", "Al Gore"),  # "Al" is a given name
        ("Iraqi Tariq Aziz", "Tariq Aziz"),  # a nationality is no given name
        ("Martin T. Sosnoff", "Martin T. Sosnoff"),
        ("Mr King", "King"),  # a surname that is a title word, after an honorific
        ("Mervyn King", "Mervyn King"),
        ("Chancellor", "Chancellor"),  # alone, it may be the surname an article resolved
        ("Jordan King", "Jordan King"),
        ("The Reagan", "Reagan"),  # an article is no given name
        ("Pres. Obama", "Obama"),  # an abbreviated title  # a country's name as a given name, not a demonym
    ],
)
def test_a_name_keeps_name_tokens_only(text, expected):
    assert parse_name(text, CONTEXT).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tory leader",
        "Scottish Conservative leader",
        "the prime minister",
        "Sir John",
        "79",
        "Lord Chancellor",  # an office with a peer's style, not Mr Chancellor
        "The Lord Chancellor",
        "Culture Secretary",
        "The Chancellor",
        "Indonesian Economics Minister",  # a demonym and a portfolio before the title
        "Nomura International Ltd",  # a firm
        "Ltd",
        "newest member of the Federal Reserve Board",  # an unnamed member: the body is no name
        "Secretary-General of the African Development Bank",
    ],
)
def test_an_office_or_a_bare_style_is_no_name(text):
    assert parse_name(text, CONTEXT) is None


def test_honorifics_and_styles_tell_the_gender():
    assert parse_name("Mrs Clinton").gender == "f"
    assert parse_name("Baroness Kennedy").gender == "f"
    assert parse_name("Lord Woolf").gender == "m"
    assert parse_name("Hillary Clinton").gender == "f"  # data/first_names.tsv


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("Vince Cable", "Vincent Cable", True),  # data/given_name_variants.tsv
        ("Bob Dole", "Robert Dole", True),
        ("George W Bush", "George Bush", True),  # a middle initial only one writes
        ("G. Bush", "George Bush", True),  # an initial
        ("Schröder", "Schroder", False),  # surname forms are not full names
        ("Gerhard Schröder", "Gerhard Schroeder", False),  # another spelling, not an accent
        ("Gerhard Schröder", "Gerhard Schroder", True),  # accents do not count
        ("Michael Howard", "Nick Howard", False),
        ("Robert Dole", "Elizabeth Dole", False),
        ("Lord Falconer", "Charles Falconer", False),  # not without an article saying so
        ("Baroness Kennedy", "Lady Kennedy", True),
        ("Mr Smith", "Mrs Smith", False),
    ],
)
def test_compatible_full_names(first, second, same):
    a, b = parse_name(first), parse_name(second)
    assert (a.is_full and b.is_full and compatible(a, b)) == same


@pytest.mark.parametrize(
    "text, surname, shown",
    [
        ("President Xi Jinping", "Xi", "Xi Jinping"),  # a listed Chinese family name first
        ("Hu Jintao", "Hu", "Hu Jintao"),
        ("Ban Ki-moon", "Ban", "Ban Ki-moon"),  # a hyphenated Korean given name
        ("Kim Jong-il", "Kim", "Kim Jong-il"),
        ("Li Anne", "Anne", "Li Anne"),  # an English given name after it: English order
        ("Jet Li", "Li", "Jet Li"),
        ("Robert Kilroy-Silk", "Kilroy-Silk", "Robert Kilroy-Silk"),  # a double-barrelled surname
        ("Jean-Pierre Raffarin", "Raffarin", "Jean-Pierre Raffarin"),
    ],
)
def test_names_written_surname_first(text, surname, shown):
    name = parse_name(text)
    assert (name.surname, name.text) == (surname, shown)


def test_a_surname_written_first_joins_its_short_form():
    full, short = parse_name("Ban Ki-moon"), parse_name("Mr Ban")
    assert full.is_full and full.surname_key == short.surname_key == "ban"


def test_a_name_after_a_body_of_the_stays_a_name():
    # "of the" before a name that ends in no organisation word keeps the name
    parsed = parse_name("chairman of the Export Promotion Council Ahmad Sarji", CONTEXT)
    assert parsed is not None and parsed.surname == "Sarji"


def test_a_capitalised_particle_opens_the_surname():
    # "Du Plessis said" at a sentence start is the same surname as "Barend du Plessis"
    short, full = parse_name("Du Plessis", CONTEXT), parse_name("Barend du Plessis", CONTEXT)
    assert short.surname_key == full.surname_key == "du plessis" and not short.given
    # though the corpus writes "du" in lower case, "Du Plessis" keeps it
    assert parse_name("Du Plessis", NameContext(common_words=frozenset({"du"}))).text == "Du Plessis"
    corpus = NameContext(common_words=frozenset({"du"}), two_word_names=frozenset({"du plessis"}))
    assert parse_name("Barend du Plessis", corpus).text == "Barend du Plessis"
