"""One source mention read on its own: name, type, title, organisation
(lib/newstone/nlp/speakers/mention.py)."""

from __future__ import annotations

import pytest

from newstone.nlp.speakers.coreference import resolve_speakers
from newstone.nlp.speakers.mention import describe_mention, unnamed_role_name
from tests.helpers.speakers import attributed_to, one_speaker

# --- names, titles and organisations ---


def test_title_before_name():
    info = one_speaker("White House national security spokesman John Kirby")
    assert (info.name, info.kind, info.title, info.org) == (
        "John Kirby",
        "person",
        "White House national security spokesman",
        "White House",
    )


def test_apposition_gives_title_and_org():
    info = one_speaker(
        "Evan Medeiros, an Asia specialist in the Obama administration who now teaches at Georgetown University"
    )
    assert (info.name, info.title, info.org) == ("Evan Medeiros", "Asia specialist", "Obama administration")


def test_abbreviated_title():
    info = one_speaker("Sen. Maria Lopez")
    assert info.name == "Maria Lopez" and info.title == "Sen." and info.kind == "person"


def test_honorific_with_period_is_not_a_title():
    info = one_speaker("Mrs. Quill")
    assert (info.name, info.title, info.gender) == ("Quill", None, "f")


def test_role_then_name_in_apposition():
    (info,) = describe_mention("the treasurer, Ann Cole")
    assert (info.name, info.kind, info.title) == ("Ann Cole", "person", "treasurer")


def test_a_prefixed_title_is_a_title():
    info = one_speaker("The Tory co-chairman")
    assert (info.kind, info.title, info.org) == ("person", "Tory co-chairman", "Tory")


@pytest.mark.parametrize(
    "mention, name, title, org",
    [
        ("Foreign Secretary Jack Straw", "Jack Straw", "Foreign Secretary", None),
        ("Shadow Chancellor Oliver Letwin", "Oliver Letwin", "Shadow Chancellor", None),
        ("UK Culture Secretary Tessa Jowell", "Tessa Jowell", "UK Culture Secretary", None),
        ("Home Office minister Hazel Blears", "Hazel Blears", "Home Office minister", "Home Office"),
        ("Treasury Secretary John Snow", "John Snow", "Treasury Secretary", "Treasury"),
        (
            "Department of Defense spokesman Tom Crane",
            "Tom Crane",
            "Department of Defense spokesman",
            "Department of Defense",
        ),
        ("White House spokesman John Kirby", "John Kirby", "White House spokesman", "White House"),
        ("Secretary of State Colin Powell", "Colin Powell", "Secretary of State", None),
        ("Chief of Staff John Kelly", "John Kelly", "Chief of Staff", None),
        ("Transportation Secretary Mary Roe", "Mary Roe", "Transportation Secretary", None),
        ("Employment Minister Jo Roe", "Jo Roe", "Employment Minister", None),
        ("Labour MP Karen Buck", "Karen Buck", "Labour MP", "Labour"),
        # a country's possessive and a portfolio name no organisation
        ("China's Premier Zhao Ziyang", "Zhao Ziyang", "China's Premier", None),
        ("Indonesia's Mines and Energy Minister Subroto", "Subroto", "Indonesia's Mines and Energy Minister", None),
        ("Canada's External Affairs Minister Joe Clark", "Joe Clark", "Canada's External Affairs Minister", None),
    ],
)
def test_portfolio_words_belong_to_the_title_not_the_organisation(mention, name, title, org):
    info = describe_mention(mention)[0]
    assert (info.name, info.title, info.org) == (name, title, org)


def test_a_person_described_by_the_firm_they_work_at():
    info = describe_mention("analyst Alex Potter at Lehman Brothers")[0]
    assert (info.name, info.kind, info.title, info.org) == ("Alex Potter", "person", "analyst", "Lehman Brothers")
    info = describe_mention("Jane Doe at the Bank of England")[0]
    assert (info.name, info.org) == ("Jane Doe", "Bank of England")


def test_an_unnamed_role_at_a_firm_is_that_firm_s_role():
    info = describe_mention("chief economist at Capital Economics")[0]
    assert (info.name, info.kind, info.title, info.org) == (
        "Capital Economics chief economist",
        "person",
        "chief economist",
        "Capital Economics",
    )
    assert describe_mention("people at Microsoft")[0].name != "Microsoft people"  # "people" is no title


def test_an_unnamed_role_of_a_described_firm_names_the_firm_not_a_person():
    # "Quillsoft" closing the mention had been read as a person of that name
    info = describe_mention("a spokesman for anti-virus firm Quillsoft")[0]
    assert (info.name, info.kind, info.title, info.org) == (
        "spokesman for Quillsoft",
        "person",
        "spokesman for Quillsoft",
        "anti-virus firm Quillsoft",
    )
    assert describe_mention("the spokesman for the software maker Quillsoft")[0].name == "spokesman for Quillsoft"
    # a described person is no firm; "both" describes nothing
    assert describe_mention("a spokesman for the comedian Jo Bloggs")[0].org is None
    assert describe_mention("chairman of both Jo Bloggs")[0].org is None


def test_unnamed_role_is_a_person():
    info = one_speaker("The NATO chief")
    assert (info.name, info.kind, info.title, info.org) == ("NATO chief", "person", "NATO chief", "NATO")


def test_a_member_of_a_party_stays_a_person():
    assert one_speaker("the Republican").kind == "person"


# --- groups, organisations and countries ---


@pytest.mark.parametrize(
    "mention", ["U.S. officials", "Analysts", "sources", "Several experts", "Democratic lawmakers"]
)
def test_groups(mention):
    assert one_speaker(mention).kind == "group"


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Tories", "Tories"),
        ("MPs", "MPs"),
        ("many MPs", "MPs"),
        ("Campaigners", "campaigners"),
        ("Senior officials", "senior officials"),
        ("U.S. officials", "U.S. officials"),
    ],
)
def test_group_names_keep_or_drop_the_sentence_start_capital(mention, name):
    (info,) = describe_mention(mention)
    assert (info.name, info.kind) == (name, "group")


@pytest.mark.parametrize(
    "mention,kind",
    [
        ("the Department of Energy", "organization"),
        ("The Clinton campaign", "organization"),
        ("CNN", "organization"),
    ],
)
def test_organizations(mention, kind):
    assert one_speaker(mention).kind == kind


@pytest.mark.parametrize("mention", ["Moscow", "the United States", "the Kremlin"])
def test_places_and_governments_are_countries(mention):
    pytest.importorskip("newstone.nlp.countries")
    assert one_speaker(mention).kind == "country"


def test_alliance_is_an_organization():
    pytest.importorskip("newstone.nlp.countries")
    assert one_speaker("NATO").kind == "organization"


@pytest.mark.parametrize("mention", ["US", "the U.S.", "The United States", "the United States of America"])
def test_country_mentions_share_one_canonical_name(mention):
    info = one_speaker(mention)
    assert (info.name, info.kind) == ("United States", "country")


# --- joint mentions ---


def test_joint_subject_gives_two_people():
    infos = describe_mention("Republican Senator Ann Cole and Democratic Senator Raj Patel")
    assert [(i.name, i.title) for i in infos] == [
        ("Ann Cole", "Republican Senator"),
        ("Raj Patel", "Democratic Senator"),
    ]


def test_a_country_and_a_person_are_a_place_swept_in_and_the_person():
    # "... has been training in Holland and Ferguson said": Holland is where, not who
    assert [(i.name, i.kind) for i in describe_mention("Holland and Ferguson")] == [("Ferguson", "person")]
    assert [i.name for i in describe_mention("France and Germany")] == ["France", "Germany"]


def test_joint_common_noun_stays_one_group():
    infos = describe_mention("teachers and parents")
    assert len(infos) == 1 and infos[0].kind == "group"


def test_a_nationality_before_and_is_half_of_one_title():
    info = one_speaker("Swedish and Danish Lions coach Per Holm")
    assert (info.name, info.kind, info.title) == ("Per Holm", "person", "Swedish and Danish Lions coach")
    info = one_speaker("Trade and Industry Secretary Jane Cole")
    assert (info.name, info.title) == ("Jane Cole", "Trade and Industry Secretary")
    assert [i.name for i in describe_mention("Blair and Foreign Secretary Jack Straw")] == ["Blair", "Jack Straw"]
    # the portfolio after its country: "Philippines Trade and …" is no speaker "Philippines Trade"
    info = one_speaker("Philippines Trade and Industry Secretary Jose Cruz")
    assert (info.name, info.title) == ("Jose Cruz", "Philippines Trade and Industry Secretary")
    assert one_speaker("Britain's Trade and Industry Secretary Jane Cole").name == "Jane Cole"


def test_and_inside_a_firm_s_name_is_not_two_speakers():
    # "Peters and Co Ltd analyst ...": the "and" belongs to the firm's legal name
    info = one_speaker("Peters and Co Ltd analyst Jo Vance")
    assert (info.name, info.org) == ("Jo Vance", "Peters and Co Ltd")
    assert one_speaker("Kidder Peabody and Co analyst Sam Roe").name == "Sam Roe"
    # a title after "and" still opens a second speaker
    assert [i.name for i in describe_mention("Smith and Oil Minister Rahman")] == ["Smith", "Rahman"]


@pytest.mark.parametrize(
    "mention, names",
    [
        ("The foreign secretary meanwhile", ["foreign secretary"]),  # a trailing adverb is no part of the speaker
        ("Tony Blair himself", ["Tony Blair"]),
        ("Conservative Graham Brady", ["Graham Brady"]),  # a party label describes, like a title
        (
            "Ex-BBC chat show host and East Midlands MEP Robert Kilroy-Silk",
            ["Robert Kilroy-Silk"],
        ),  # one person, two roles
        ("European Justice and Home Affairs Commissioner Franco Frattini", ["Franco Frattini"]),
        ("The Queen and Duke of Edinburgh", ["Queen", "Edinburgh"]),  # two people
        ("Blair and Foreign Secretary Jack Straw", ["Blair", "Jack Straw"]),
    ],
)
def test_mentions_with_adverbs_party_labels_and_joint_roles(mention, names):
    assert [info.name for info in describe_mention(mention)] == names


# --- pronouns, demonyms, parties and ordinary words ---


def test_pronoun_is_left_for_resolution():
    info = one_speaker("she")
    assert info.pronoun == "she" and info.name is None


def test_contractions_and_determiners():
    assert one_speaker("I'm").pronoun == "i" and one_speaker("It's").pronoun == "it"
    text = "Our correspondent said the vote was close."
    assert resolve_speakers(text, [attributed_to(text, "Our correspondent")])[0].speaker is None


@pytest.mark.parametrize(
    "mention,speaker,kind",
    [
        ("The Norwegians", "Norwegians", "group"),  # a plural: the nation's side
        ("the French", "French", "group"),  # a collective adjective after "the"
        ("the Norwegian", None, "person"),  # one person named earlier: not pooled
        ("The 31-year-old Dutchman", None, "person"),
        ("Norwegian", None, "unknown"),  # a modifier of a speaker the span cut off
    ],
)
def test_a_demonym_alone(mention, speaker, kind):
    text = f"Last week {mention} said the talks would go on."
    out = resolve_speakers(text, [attributed_to(text, mention)])
    assert (out[0].speaker, out[0].speaker_type) == (speaker, kind)


@pytest.mark.parametrize(
    "mention,speaker,kind",
    [
        ("Labour", "Labour", "organization"),  # a party's name (speaker_country.tsv)
        ("The Zorgan Party's", "Zorgan Party", "organization"),  # a span cut after a possessive
        ("However", None, "unknown"),  # a linking word
        ("Figures", "figures", "group"),  # documents that "show", like polls
        ("Research", None, "unknown"),
    ],
)
def test_ordinary_words_parties_and_possessives(mention, speaker, kind):
    text = f"{mention} said the vote would be close."
    out = resolve_speakers(text, [attributed_to(text, mention)])
    assert (out[0].speaker, out[0].speaker_type) == (speaker, kind)


# --- unnamed roles keep their whole office; peers keep their style ---


@pytest.mark.parametrize(
    "mention, title",
    [
        ("the prime minister", "prime minister"),
        ("the home secretary", "home secretary"),
        ("the shadow chancellor", "shadow chancellor"),
        ("The Lord Chancellor", "Lord Chancellor"),
        ("the chancellor of the Exchequer", "chancellor of the Exchequer"),
        ("the Tory leader", "Tory leader"),
    ],
)
def test_an_unnamed_role_keeps_its_whole_office(mention, title):
    info = one_speaker(mention)
    assert (info.kind, info.title) == ("person", title)
    assert unnamed_role_name(info) == info.name


def test_a_role_then_a_peer_in_apposition():
    info = one_speaker("The Lord Chancellor, Lord Pemberton")
    assert (info.name, info.title) == ("Lord Pemberton", "Lord Chancellor")
    info = one_speaker("Harbour's chief pollster, Dana Whitcombe,")
    assert (info.name, info.title, info.org) == ("Dana Whitcombe", "chief pollster", "Harbour")


@pytest.mark.parametrize("mention", ["Lord Pemberton", "Lady Ashworth", "Baroness Tull"])
def test_a_peer_keeps_the_style(mention):
    assert one_speaker(mention).name == mention


# --- organisations written with "and" or "&" are one speaker ---


@pytest.mark.parametrize(
    "mention", ["S and P", "Fenwick & Pratt", "Dobbs and Co", "Standard & Poor's", "AT&T", "Q and R"]
)
def test_an_organisation_written_with_and_is_one_speaker(mention):
    info = one_speaker(mention)
    assert (info.name, info.kind) == (mention, "organization")


def test_two_people_joined_by_and_stay_two():
    assert [i.name for i in describe_mention("Okafor and Lund")] == ["Okafor", "Lund"]


# --- no organisation from a modifier, an agent noun or a place ---


@pytest.mark.parametrize(
    "mention, name, title",
    [
        ("New Home Secretary Ann Tull", "Ann Tull", "New Home Secretary"),
        ("Ex-foreign secretary Tom Reed", "Tom Reed", "Ex-foreign secretary"),
        ("Singer Ann Lark", "Ann Lark", "Singer"),
    ],
)
def test_no_organisation_from_a_modifier_or_an_agent_noun(mention, name, title):
    info = one_speaker(mention)
    assert (info.name, info.title, info.org) == (name, title, None)


def test_a_person_placed_by_a_state_is_named_not_the_state():
    info = one_speaker("Senate Republican Leader Ann Tull of Oregon")
    assert (info.name, info.title) == ("Ann Tull", "Senate Republican Leader")
    assert one_speaker("analyst Ann Tull of Harbour Bank").org == "Harbour Bank"


def test_a_titled_person_of_a_country_keeps_the_country_in_the_title():
    info = one_speaker("President Ann Tull of Pakistan")
    assert (info.name, info.title, info.org) == ("Ann Tull", "President of Pakistan", None)
    assert one_speaker("Finance Minister Ann Tull of West Germany").title == "Finance Minister of West Germany"
    assert one_speaker("Ann Tull of Pakistan").title is None  # no title: nothing to place


def test_a_relative_clause_gives_an_office_or_nothing():
    assert one_speaker("Mr Tull, who is also transport minister").title == "transport minister"
    assert one_speaker("Ms Lark, who leaves next month").title is None
    assert one_speaker("Ms Lark, a neighbour of the family").title is None


@pytest.mark.parametrize(
    "mention, name, title",
    [
        ("Oscar-winner Dana Fell", "Dana Fell", "Oscar-winner"),
        ("Oscar-winner Fell", "Fell", "Oscar-winner"),  # a describing compound is no given name
        ("Paris-based Fell", "Fell", None),
        ("Mr Kilroy-Dunn", "Kilroy-Dunn", None),  # a double-barrelled surname stays whole
    ],
)
def test_a_describing_compound_is_no_part_of_the_name(mention, name, title):
    info = one_speaker(mention)
    assert (info.name, info.title) == (name, title)


def test_a_single_name_after_the_is_an_organisation():
    # a person's surname takes no article: "the Fed" and "the Bundesbank" are institutions
    for mention in ("The Fed", "the Bundesbank", "The Treasury"):
        info = one_speaker(mention)
        assert (info.name, info.kind) == (mention.split()[-1], "organization"), mention
    assert one_speaker("The Dalai Lama").kind == "person"  # a longer name keeps its reading
    assert one_speaker("the Republican").kind == "person"  # a party member
    assert one_speaker("The Rev. Smith").kind == "person"  # an honorific
    for title in ("the Bishop", "The Cardinal", "the Imam"):  # a title (data/titles.txt)
        assert one_speaker(title).kind == "person", title
    assert one_speaker("Kell").kind == "person"  # no article, no listed body: a surname


@pytest.mark.parametrize(
    "mention, name, kind",
    [
        ("the Bundesbank", "Bundesbank", "organization"),  # a body with its own voice (organisations.txt)
        ("The Federal Reserve", "Federal Reserve", "organization"),
        ("the State Department", "State Department", "organization"),
        ("MITI", "MITI", "organization"),
        ("the Home Office", "Home Office", "organization"),
        ("the Kremlin", "Kremlin", "country"),  # a seat of government speaks for its country
        ("The White House", "White House", "country"),
    ],
)
def test_a_government_body_speaks_as_itself_and_a_seat_for_its_country(mention, name, kind):
    from newstone.nlp.speakers.facts import speaker_country

    info = one_speaker(mention)
    assert (info.name, info.kind) == (name, kind)
    assert speaker_country(None, None, mention, kind) is not None  # the country either way


@pytest.mark.parametrize(
    "mention, name, title",
    [
        ("Bundesbank board member Claus Kell", "Claus Kell", "Bundesbank board member"),
        ("council member Lothar Fenn", "Lothar Fenn", "council member"),
        ("Heineken board member Hans Doll", "Hans Doll", "Heineken board member"),
    ],
)
def test_a_board_member_is_a_person(mention, name, title):
    # "board" alone makes an organisation; "member" (data/titles.txt) makes the title's head
    info = one_speaker(mention)
    assert (info.name, info.kind, info.title) == (name, "person", title)


def test_dealers_opening_a_sentence_are_a_group():
    info = one_speaker("Dealers")
    assert (info.name, info.kind) == ("dealers", "group")


def test_west_germany_is_a_country_speaker_alone_and_in_a_joint_subject():
    assert [(i.name, i.kind) for i in describe_mention("West Germany")] == [("Germany", "country")]
    assert [i.kind for i in describe_mention("Britain and West Germany")] == ["country", "country"]


# --- firms and places the wires write around a speaker ---


@pytest.mark.parametrize(
    "mention,name",
    [
        ("lead manager Nomura International Ltd", "Nomura International Ltd"),  # a legal form ends a firm
        ("lead manager Union Bank of Switzerland", "Union Bank of Switzerland"),  # described by its role
        ("The New York Stock Exchange", "New York Stock Exchange"),  # an exchange is a body
        ("Standard and Poor's", "Standard and Poor's"),  # listed: not two people "Standard" and "Poor"
        ("Smith and Co", "Smith and Co"),
        ("The U.S. Treasury", "U.S. Treasury"),  # was a person: "treasury" is an organisation word
        ("Statistics Canada", "Statistics Canada"),  # listed
    ],
)
def test_firms_are_organisations_whatever_describes_them(mention, name):
    assert [(i.name, i.kind) for i in describe_mention(mention)] == [(name, "organization")]


def test_a_place_after_in_is_where_the_speaker_is_not_who():
    assert one_speaker("an international trader in Tokyo").name != "Tokyo"
    info = one_speaker("analyst Nick Edwards at Jardine Fleming Securities Ltd in Tokyo")
    assert (info.name, info.org) == ("Nick Edwards", "Jardine Fleming Securities Ltd")
    assert one_speaker("Peters and Co Ltd analyst Jo Vance").name == "Jo Vance"  # no legal form at the end


def test_another_names_nobody():
    assert (one_speaker("Another").name, one_speaker("Another").kind) == (None, "unknown")


@pytest.mark.parametrize("mention", ["Swissair", "Pravda", "Citicorp"])
def test_a_listed_firm_named_alone_is_an_organisation(mention):
    text = f"{mention} said the fares would rise next month."
    out = resolve_speakers(text, [attributed_to(text, mention)])
    assert (out[0].speaker, out[0].speaker_type) == (mention, "organization")


@pytest.mark.parametrize(
    "mention,name,title",
    [
        ("The Archbishop of Canterbury", "Archbishop of Canterbury", "Archbishop of Canterbury"),  # not "Canterbury"
        ("Secretary of State", "Secretary of State", "Secretary of State"),
        ("Secretary of State Colin Powell", "Colin Powell", "Secretary of State"),  # a name closes it
        ("Chinese Premier Zhao Ziyang", "Zhao Ziyang", "Chinese Premier"),  # "premier" is a title
    ],
)
def test_an_office_of_a_place_is_named_whole(mention, name, title):
    info = one_speaker(mention)
    assert (info.name, info.kind, info.title) == (name, "person", title)


@pytest.mark.parametrize("mention", ["the Premier League", "the Arab League", "Premier Foods"])
def test_a_title_word_inside_a_body_s_name_leaves_it_a_body(mention):
    assert one_speaker(mention).kind == "organization"


def test_a_nationality_before_a_full_name_is_a_title():
    info = one_speaker("Russian Marat Safin")  # "Marat" is in no list of given names
    assert (info.name, info.title) == ("Marat Safin", "Russian")
    # before one word, or before more nationality or firm words, it may be a firm's name
    assert one_speaker("British American Tobacco").name == "British American Tobacco"
    assert one_speaker("British Gas").name == "British Gas"


def test_a_group_at_a_firm_is_that_firm_s_group_not_the_firm():
    info = one_speaker("economists at Morgan Stanley")
    assert (info.name, info.kind, info.org) == ("Morgan Stanley economists", "group", "Morgan Stanley")


def test_a_listed_firm_named_like_a_person_owns_the_title():
    # "William Hill" is a bookmaker (organisations.txt); "Tony Blair" stays a person
    info = describe_mention("William Hill spokesman Jo Bloggs")[0]
    assert (info.name, info.title, info.org) == ("Jo Bloggs", "William Hill spokesman", "William Hill")
    assert describe_mention("Tony Blair spokesman Jo Bloggs")[0].org is None
    assert describe_mention("Time Warner")[0].kind == "organization"


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Park Min-seo", "Park Min-seo"),  # a Korean given name is no descriptive compound
        ("U.N. Secretary-General Park Min-seo", "Park Min-seo"),
        ("Paris-based Jo Bloggs", "Jo Bloggs"),  # a describing compound still is
    ],
)
def test_a_korean_name_is_a_person(mention, name):
    info = describe_mention(mention)[0]
    assert (info.name, info.kind) == (name, "person")
    assert describe_mention("the Tory-led")[0].kind != "person"
