"""The corpus pass end to end, on small corpora of our own sentences: one person one name,
namesakes kept apart, unnamed offices joined to their holder, role and country weighed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newstone

HOWARD_CORPUS = {
    "a1": "Tories launch campaign\n\nTory leader Michael Howard said the party would cut taxes. "
    "\u201cWe will win,\u201d Mr Howard said.",
    "a2": "Howard in Leeds\n\nConservative leader Michael Howard said voters wanted change.",
    "a3": "Tax row grows\n\nThe Tory leader said the plan was fair. Labour disagreed.",
    "a4": "A new candidate\n\nNick Howard, a parliamentary candidate in Folkestone, said he was proud.",
    "a5": "Campaign trail\n\nMr Howard told Tory supporters that taxes were too high.",
    "a6": "Late news\n\nMr Howard said the result was close.",
}


def read_corpus(folder: Path, articles: dict[str, str]):
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return newstone.read(folder)


@pytest.fixture(scope="module")
def howard(tmp_path_factory):
    corpus = read_corpus(tmp_path_factory.mktemp("howard"), HOWARD_CORPUS)
    return corpus.quotes.set_index(["article_id", "quote_id"]), corpus.speakers


def pass_input(quotes: list[tuple[str, str, str | None, str, str | None]]) -> dict[str, list]:
    """The corpus pass's input columns for quotes of people, each given as (article, name,
    title, mention, country the article gave, with a title as its evidence)."""
    from newstone.identity.resolve import INPUT_COLUMNS

    rows = [
        {
            "article_id": article,
            "article_speaker": name,
            "speaker_type": "person",
            "speaker_title": title,
            "speaker_org": None,
            "speaker_mention": mention,
            "article_speaker_country": country,
            "country_evidence": "title" if country else None,
            "compound": None,
            "tone": None,
        }
        for article, name, title, mention, country in quotes
    ]
    return {name: [row[name] for row in rows] for name in INPUT_COLUMNS}


def speakers_of(quotes, article: str) -> list[str | None]:
    return [None if pd.isna(value) else value for value in quotes.loc[[article]]["speaker"]]


def test_tory_leader_mr_howard_and_michael_howard_are_one_person(howard):
    quotes, _ = howard
    assert speakers_of(quotes, "a1") == ["Michael Howard", "Michael Howard"]
    assert speakers_of(quotes, "a2") == ["Michael Howard"]
    assert speakers_of(quotes, "a3") == ["Michael Howard"]  # the office the corpus names him with
    assert speakers_of(quotes, "a5") == ["Michael Howard"]  # "Tory" is his word, not Nick Howard's
    ids = {quotes.loc[a]["speaker_id"].iloc[0] for a in ("a1", "a2", "a3", "a5")}
    assert ids == {"person:michael-howard"}


def test_a_namesake_is_another_person_and_a_guess_is_not_made(howard):
    quotes, speakers = howard
    assert speakers_of(quotes, "a4") == ["Nick Howard"]
    assert speakers_of(quotes, "a6") == ["Howard"]  # nothing in a6 tells which Howard: left apart
    michael = speakers.set_index("speaker").loc["Michael Howard"]
    assert michael["n_articles"] == 4 and michael["role"] == "official" and michael["country"] == "GBR"
    assert "Tory leader" in michael["titles"] and "Mr Howard" in michael["aliases"]


def test_article_level_names_stay_available(howard):
    quotes, _ = howard
    a3 = quotes.loc["a3"].iloc[0]
    assert (a3["speaker_mention"], a3["article_speaker"], a3["speaker"]) == (
        "The Tory leader",
        "Tory leader",
        "Michael Howard",
    )


def test_given_name_variants_and_styles_join(tmp_path):
    corpus = read_corpus(
        tmp_path / "c",
        {
            "b1": "Lib Dems\n\nVincent Cable, the Liberal Democrat Treasury spokesman, said the sums were wrong.",
            "b2": "Budget\n\nVince Cable said the budget was a gamble.",
            "b3": "United win\n\nManchester United manager Sir Alex Ferguson said the team was tired.",
            "b4": "Cup tie\n\nAlex Ferguson said Holland and Ferguson would never be friends.",
        },
    )
    names = corpus.quotes.set_index("article_id")["speaker"]
    assert names["b1"] == names["b2"] == "Vincent Cable"  # the fullest form the corpus uses
    assert names["b3"] == names["b4"] == "Alex Ferguson"
    ferguson = corpus.speakers.set_index("speaker").loc["Alex Ferguson"]
    assert ferguson["role"] == "sport"
    assert pd.isna(ferguson["country"])  # "Holland" in his sentence is no evidence


def test_an_office_with_a_country_joins_its_listed_holder_in_a_dated_article(tmp_path):
    records = tmp_path / "news.jsonl"
    records.write_text(
        '{"id": "r1", "date": "12-MAR-1987 10:00:00.00", "title": "Tokyo talks", '
        '"text": "The Japanese prime minister said the yen was too strong."}\n',
        encoding="utf-8",
    )
    quote = newstone.read(records).quotes.iloc[0]
    assert (quote["speaker"], quote["speaker_country"], quote["speaker_role"]) == (
        "Yasuhiro Nakasone",
        "JPN",
        "official",
    )


def test_an_organisation_written_short_joins_its_full_name(tmp_path):
    corpus = read_corpus(
        tmp_path / "o",
        {
            "c1": "Ratings\n\nMoody's Investors Service Inc said the outlook was stable.",
            "c2": "Ratings cut\n\nMoody's said it would review the bonds.",
        },
    )
    assert set(corpus.quotes["speaker"]) == {"Moody's Investors Service Inc"}
    assert corpus.speakers.iloc[0]["speaker_id"] == "organization:moody-s-investors-service-inc"


def test_a_possessor_of_what_is_said_is_the_speaker_and_of_people_is_not(tmp_path):
    corpus = read_corpus(
        tmp_path / "p",
        {
            "p1": "Chips\n\nJane Fairweather, chief executive of Zedco, said sales rose. "
            "Ms Fairweather's talk also touted a new phone.",
            "p2": "Budget\n\nTom Brownlow, the finance minister, said taxes would fall. "
            "Mr Brownlow's aides said the plan was ready.",
        },
    )
    names = corpus.quotes.set_index("article_id")["speaker"]
    assert list(names["p1"]) == ["Jane Fairweather", "Jane Fairweather"]
    assert "Tom Brownlow" in list(names["p2"])
    assert list(names["p2"]).count("Tom Brownlow") == 1  # his aides speak for themselves


def test_an_unnamed_office_joins_the_name_its_article_writes_after_it(tmp_path):
    corpus = read_corpus(
        tmp_path / "c",
        {
            "n1": "Campaign\n\nVoters cheered Republican presidential nominee Jim Smithers in Ohio. "
            "The Republican presidential nominee said taxes were too high.",
            "n2": "Rally\n\nThe Republican presidential nominee said the polls were wrong.",
        },
    )
    names = corpus.quotes.set_index("article_id")["speaker"]
    assert names["n1"] == "Jim Smithers"
    assert names["n2"] != "Jim Smithers"  # another article, and one article is no holder


def test_a_shadow_office_does_not_name_the_office_holder(tmp_path):
    corpus = read_corpus(
        tmp_path / "s",
        {
            "s1": "Prisons\n\nShadow home secretary Peter Quarry said the plan had failed. "
            "The home secretary said the plan was working.",
        },
    )
    assert speakers_of(corpus.quotes.set_index("article_id"), "s1") == ["Peter Quarry", None]


def test_an_unnamed_office_joins_the_holder_whose_surname_its_article_writes(tmp_path):
    corpus = read_corpus(
        tmp_path / "h",
        {
            "h1": "Police\n\nHome Secretary Tom Brick said crime fell.",
            "h2": "Prisons\n\nHome Secretary Tom Brick said prisons were full.",
            "h3": "Courts\n\nHome Secretary Tom Brick said courts were slow.",
            "h4": "Earlier\n\nHome Secretary Ann Tull said crime rose.",
            "h5": "Inquiry\n\nMs Tull faced questions on Monday. The home secretary said she had done nothing wrong.",
            "h6": "Visas\n\nThe home secretary said visas would be checked.",
            "h7": "Press\n\nAnn Tull, a spokesman for the firm, said sales rose.",
            "h8": "Press\n\nMs Tull was not there. The spokesman said sales fell.",
        },
    )
    names = corpus.quotes.set_index("article_id")
    assert speakers_of(names, "h5") == ["Ann Tull"]  # not the corpus's usual holder
    assert speakers_of(names, "h6") == ["Tom Brick"]  # no surname written: the usual holder
    assert speakers_of(names, "h8") == [None]  # one spokesman of many


def test_namesakes_are_told_apart_by_the_offices_their_articles_name(tmp_path):
    corpus = read_corpus(
        tmp_path / "b",
        {
            "b1": "Budget\n\nPrime Minister Tony Blair said taxes would not rise.",
            "b2": "Summit\n\nPrime Minister Tony Blair said the talks went well.",
            "b3": "Crime\n\nPolice commissioner Sir Ian Blair said crime fell.",
            "b4": "Election\n\nThe prime minister's plans were debated. Mr Blair said voters agreed.",
            "b5": "Crime\n\nThe police commissioner's plans were debated. Mr Blair said officers agreed.",
            "b6": "Sport\n\nMr Blair said the team played well.",
        },
    )
    names = corpus.quotes.set_index("article_id")
    assert speakers_of(names, "b4") == ["Tony Blair"]
    assert speakers_of(names, "b5") == ["Ian Blair"]
    assert speakers_of(names, "b6") == ["Blair"]  # nothing tells: no guess


def test_an_official_without_evidence_takes_the_country_the_corpus_ties_to_their_office():
    from newstone.identity.resolve import identify

    people = [("Ann Able", "GBR"), ("Bob Baker", "GBR"), ("Cal Cole", "GBR"), ("Dan Dunn", None)]
    columns = pass_input([(f"a{n}", name, "minister", name, country) for n, (name, country) in enumerate(people)])
    found = identify(columns, dict.fromkeys(columns["article_id"]))
    dunn = next(row for row in found.speakers if row["speaker"] == "Dan Dunn")
    assert (dunn["country"], dunn["country_basis"], dunn["role"]) == ("GBR", "corpus", "official")
    assert found.speaker_country[3] == "GBR"
    able = next(row for row in found.speakers if row["speaker"] == "Ann Able")
    assert able["country_basis"] == "evidence"


def test_a_minister_with_no_country_takes_the_capital_his_stories_are_filed_from():
    from newstone.identity.resolve import identify

    quotes = [  # (article, name, title)
        ("a1", "Rob Dane", "Finance Minister"),
        ("a2", "Rob Dane", "Finance Minister"),
        ("a3", "Rob Dane", "Finance Minister"),
        ("a1", "Kim Lowe", "World Bank President"),  # an international body's: no country
        ("a4", "Sue Pike", "Trade Minister"),  # filed from two capitals: no country
        ("a5", "Sue Pike", "Trade Minister"),
    ]
    places = {"a1": "NZL", "a2": "NZL", "a3": None, "a4": "KOR", "a5": "USA"}
    columns = pass_input([(article, name, title, f"{title} {name}", None) for article, name, title in quotes])
    found = identify(columns, dict.fromkeys(places), places=places)
    country = {row["speaker"]: (row["country"], row["country_basis"]) for row in found.speakers}
    assert country["Rob Dane"] == ("NZL", "dateline")
    assert country["Kim Lowe"] == (None, None)
    assert country["Sue Pike"] == (None, None)
    assert found.speaker_country[:3] == ["NZL"] * 3


def test_a_body_every_country_has_is_one_speaker_per_country():
    from newstone.identity.resolve import identify

    # (article, name, kind, country the article gave)
    quotes = [
        ("t1", "Finance Ministry", "organization", None),  # filed from Tokyo
        ("t2", "Finance Ministry", "organization", None),
        ("b1", "Finance Ministry", "organization", "BRA"),  # "Brazil's Finance Ministry", filed from Tokyo
        ("n1", "Finance Ministry", "organization", None),  # filed from New York: no capital
        ("t1", "Finance Ministry officials", "group", None),
        ("t1", "Bundesbank", "organization", "DEU"),  # a body of one country: one speaker
        ("w1", "Bundesbank", "organization", "DEU"),
    ]
    places = {"t1": "JPN", "t2": "JPN", "b1": "JPN", "n1": None, "w1": "USA"}
    columns = pass_input([(article, name, None, name, country) for article, name, _, country in quotes])
    columns["speaker_type"] = [kind for *_, kind, _ in quotes]
    found = identify(columns, dict.fromkeys(places), places=places)
    assert found.speaker_country == ["JPN", "JPN", "BRA", None, "JPN", "DEU", "DEU"]
    ids = found.speaker_id
    assert ids[0] == ids[1] == "organization:finance-ministry-jpn"
    assert len({ids[0], ids[2], ids[3]}) == 3  # Japan's, Brazil's and one of no known country
    assert ids[4] == "group:finance-ministry-officials-jpn"
    assert ids[5] == ids[6] == "organization:bundesbank"
    basis = {row["speaker_id"]: row["country_basis"] for row in found.speakers}
    assert basis["organization:finance-ministry-jpn"] == "dateline"


def test_an_unnamed_official_of_such_a_body_is_one_speaker_per_country():
    from newstone.identity.resolve import identify

    # (article, name as the article resolved it, title): an unnamed official
    quotes = [
        ("t1", "Finance Ministry official"),
        ("t2", "Finance Ministry official"),
        ("p1", "Finance Ministry official"),
    ]
    places = {"t1": "JPN", "t2": "JPN", "p1": "FRA"}
    columns = pass_input([(article, name, name, f"a {name}", None) for article, name in quotes])
    found = identify(columns, dict.fromkeys(places), places=places)
    assert found.speaker_id == ["person:finance-ministry-official-jpn"] * 2 + ["person:finance-ministry-official-fra"]
    assert found.speaker_country == ["JPN", "JPN", "FRA"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Finance Ministry", True),
        ("the Treasury", True),
        ("Central Bank officials", True),
        ("Ministry of Finance", True),
        ("officials", False),  # people, not a body
        ("Bundesbank", False),  # one country's (countries.tsv)
        ("Energy Information Administration", False),  # a named agency
    ],
)
def test_bodies_every_country_has(name, expected):
    from newstone.identity.countries import any_country_body

    assert any_country_body(name) is expected


@pytest.mark.parametrize(
    "mention, listed",
    [
        ("Mr Howard", True),
        ("Tory leader Michael Howard", True),
        ("He", False),
        ("who", False),
        ("Mr Kilroy-Silk, who recently quit the UK Independence Party", False),
        ("Senator Smith and Senator Jones", False),
    ],
)
def test_aliases_are_ways_of_naming_the_speaker(mention, listed):
    from newstone.identity.resolve import _is_alias

    assert _is_alias(mention) is listed


def test_an_organisation_does_not_join_a_span_that_swept_in_a_noun(tmp_path):
    # "Commission figures showed …": the figures speak, not a longer name of the Commission
    corpus = read_corpus(
        tmp_path / "c",
        {
            "e1": "Farm prices\n\nThe Commission said farm prices would fall.",
            "e2": "Farm exports\n\nThe Commission said exports would rise.",
            "e3": "Farm data\n\nCommission figures said exports rose by a tenth.",
        },
    )
    speakers = corpus.quotes.set_index("article_id")["speaker"]
    assert (speakers["e1"], speakers["e2"]) == ("Commission", "Commission")
    assert speakers["e3"] != "Commission"


def test_a_generic_institution_does_not_join_a_longer_name(tmp_path):
    # "the Treasury" (the role table's institution) is no short form of "Treasury Board"
    corpus = read_corpus(
        tmp_path / "t",
        {
            "t1": "Bonds\n\nThe Treasury said it would sell new bonds.",
            "t2": "Canada\n\nThe Treasury Board said it would cut jobs.",
        },
    )
    speakers = corpus.quotes.set_index("article_id")["speaker"]
    assert (speakers["t1"], speakers["t2"]) == ("Treasury", "Treasury Board")


def test_a_given_name_the_corpus_learnt_does_not_make_an_organisation_a_person():
    # Reuters-21578 names "Savings" and "New" often enough to learn them as given names; then
    # every "X Savings Bank" was one person "Savings Bank", and "Bank of New York" a person
    from newstone.identity.names import NameContext, NameReader
    from newstone.identity.resolve import _person_after_prefix

    reader = NameReader(NameContext(given_names=frozenset({"savings", "new", "jim", "hans"})))
    for organisation in (
        "Anchor Savings Bank",
        "Bank of New York",
        "Federal Reserve Bank of New York",
        "Two New York investment firms",
    ):
        assert not _person_after_prefix(organisation, reader), organisation
    for person in ("board member Jim Billington", "Heineken board member Hans Coebergh"):
        assert _person_after_prefix(person, reader), person


@pytest.mark.parametrize(
    "short, longer, joins",
    [
        ("Moody's", "Moody's Investors Service Inc", True),
        ("Salomon", "Salomon Brothers International", True),
        ("Commission", "Commission figures", False),  # a noun the span swept in
        ("AMR Corp", "AMR Corp's American Airlines", False),  # the short's own unit
        ("First Wisconsin Corp", "First Wisconsin National Bank", False),  # a full name already
        ("Federal Reserve Bank", "Federal Reserve Bank of New York", False),  # one of twelve
    ],
)
def test_which_short_organisation_name_joins_the_only_longer_one_it_begins(short, longer, joins):
    from collections import Counter

    from newstone.identity.resolve import _longer_name_of, org_key

    prefix = len(org_key(short)) + 1
    assert org_key(longer).startswith(org_key(short) + " ")
    assert _longer_name_of(Counter({short: 3}), Counter({longer: 2}), prefix) is joins


def test_a_one_word_person_that_is_an_ordinary_word_of_the_corpus_is_nobody():
    # Reuters: "Operators said …", "Commerce said …" (spans cut short) were people; an
    # ordinary word no title or honorific ties to a person is a group when plural, else
    # no speaker. A surname the corpus writes in lower case too ("Mr Hill") stays a person.
    from newstone.identity.names import NameContext
    from newstone.identity.resolve import identify

    quotes = [  # (name, mention, title)
        ("Operators", "Operators", None),
        ("Commerce", "Commerce", None),
        ("Hill", "Mr Hill", None),
        ("Wood", "Wood", "Deputy Governor"),
        ("Subroto", "Subroto", None),
    ]
    columns = pass_input([(f"a{n}", name, title, mention, None) for n, (name, mention, title) in enumerate(quotes)])
    context = NameContext(common_words=frozenset({"operators", "commerce", "hill", "wood"}))
    found = identify(columns, dict.fromkeys(columns["article_id"]), context=context)
    assert found.speaker == ["operators", None, "Hill", "Wood", "Subroto"]
    kinds = {row["speaker"]: row["speaker_type"] for row in found.speakers}
    assert kinds == {"operators": "group", "Hill": "person", "Wood": "person", "Subroto": "person"}


def test_an_officeholder_with_no_country_takes_the_one_his_colleagues_share():
    # BBC News: "Deputy Prime Minister John Prescott" never has "British" before it, but
    # the stories quoting him quote British officials; one story is not enough
    from newstone.identity.resolve import identify

    quotes = [  # (article, name, title, country the article gave)
        *[(f"a{n}", "Jo Prest", "Deputy Prime Minister", None) for n in range(4)],
        *[(f"a{n}", "Tom Blain", "British Prime Minister", "GBR") for n in range(3)],
        ("a3", "Gus Brand", "British Chancellor", "GBR"),
        ("a9", "Ali Sen", "Deputy Prime Minister", None),  # once, beside a Briton
        ("a9", "Tom Blain", "British Prime Minister", "GBR"),
        ("b1", "Eva Lind", "Foreign Minister", None),  # colleagues of two countries
        ("b1", "Tom Blain", "British Prime Minister", "GBR"),
        ("b2", "Eva Lind", "Foreign Minister", None),
        ("b2", "Ivo Sand", "Swedish Prime Minister", "SWE"),
        ("b3", "Eva Lind", "Foreign Minister", None),
        ("b3", "Ivo Sand", "Swedish Prime Minister", "SWE"),
        ("b4", "Eva Lind", "Foreign Minister", None),
        ("b4", "Ivo Sand", "Swedish Prime Minister", "SWE"),
    ]
    columns = pass_input(
        [(article, name, title, f"{title} {name}", country) for article, name, title, country in quotes]
    )
    found = identify(columns, dict.fromkeys(columns["article_id"]))
    country = {row["speaker"]: (row["country"], row["country_basis"]) for row in found.speakers}
    assert country["Jo Prest"] == ("GBR", "colleagues")
    assert country["Ali Sen"] == (None, None)
    assert country["Eva Lind"] == ("SWE", "colleagues")  # three stories of four agree
    assert found.speaker_country[:4] == ["GBR"] * 4


def test_many_quotes_of_one_story_do_not_outweigh_the_stories_that_name_the_firm():
    # one story quotes "Chairman Jo Pine" thirty times without saying of what; three name
    # the bank: the bare weak title no longer outvotes them by its quote count
    from newstone.identity.resolve import identify

    quotes = [("a1", "Jo Pine", "Chairman", "Chairman Jo Pine", None)] * 30
    quotes += [(f"b{n}", "Jo Pine", "Interbank Chairman", "Interbank Chairman Jo Pine", None) for n in range(3)]
    columns = pass_input(quotes)
    columns["speaker_org"] = [None] * 30 + ["Interbank"] * 3
    found = identify(columns, dict.fromkeys(columns["article_id"]))
    (pine,) = [row for row in found.speakers if row["speaker"] == "Jo Pine"]
    assert pine["role"] == "business"


def test_officials_of_a_world_wire_are_one_group_per_country_their_articles_give():
    # "officials said" in an Indonesian story and in a Japanese one are two groups; one in a
    # story that gives no country has none, whatever its dateline (delegates meet abroad)
    from newstone.identity.resolve import identify

    columns = pass_input([("a1", "officials", None, "officials", "IDN"), ("a2", "officials", None, "officials", "JPN")])
    columns = {name: values + [values[-1]] for name, values in columns.items()}
    columns["article_id"][2], columns["article_speaker_country"][2], columns["country_evidence"][2] = "a3", None, None
    columns["speaker_type"] = ["group"] * 3
    found = identify(columns, dict.fromkeys(["a1", "a2", "a3"]), places={"a3": "GBR"})
    assert found.speaker_country == ["IDN", "JPN", None]
    assert len(set(found.speaker_id)) == 3


def test_an_officeholder_with_no_other_clue_takes_the_country_their_stories_are_about():
    # BBC News has no datelines: "economy minister Heizo Takenaka" is quoted in three
    # stories about Japan's economy; a story about a visit names two countries evenly
    from newstone.identity.countries import main_countries
    from newstone.identity.resolve import identify

    subjects = main_countries(
        [("a1", "JPN"), ("a1", "JPN"), ("a1", "USA"), ("a2", "JPN"), ("a2", "JPN")]
        + [("b1", "GBR"), ("b1", "PAK")]  # no main country
        + [("c1", "JPN")]  # one mention is not enough
    )
    assert subjects == {"a1": "JPN", "a2": "JPN"}
    quotes = [  # (article, name, title)
        ("a1", "Kei Tanabe", "economy minister"),
        ("a2", "Kei Tanabe", "economy minister"),
        ("b1", "Ali Sen", "Foreign Minister"),
        ("a1", "Jo Dunn", "chief executive"),  # no national office: nothing
    ]
    columns = pass_input([(article, name, title, f"{title} {name}", None) for article, name, title in quotes])
    found = identify(columns, dict.fromkeys(columns["article_id"]), subjects=subjects)
    country = {row["speaker"]: (row["country"], row["country_basis"]) for row in found.speakers}
    assert country["Kei Tanabe"] == ("JPN", "mentions")
    assert country["Ali Sen"] == (None, None)
    assert country["Jo Dunn"] == (None, None)
    assert found.speaker_country[:2] == ["JPN", "JPN"]


def test_the_country_a_story_is_about_reaches_the_speakers_table_of_a_read(tmp_path):
    corpus = read_corpus(
        tmp_path / "about",
        {
            "x1": "Growth slows\n\nJapan's economy shrank, economy minister Kei Tanabe said. "
            "Exports from Japan fell and Japanese shoppers spent less.",
        },
    )
    speakers = corpus.speakers.set_index("speaker")
    assert (speakers.loc["Kei Tanabe", "country"], speakers.loc["Kei Tanabe", "country_basis"]) == ("JPN", "mentions")
