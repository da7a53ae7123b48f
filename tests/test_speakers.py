"""Speaker descriptions and resolution (sentences written for the tests)."""

from __future__ import annotations

import pandas as pd
import pytest

from newstone.model import Attribution
from newstone.nlp.speakers.coreference import resolve_speakers
from newstone.nlp.speakers.mention import SpeakerInfo, describe_mention


def one(mention: str) -> SpeakerInfo:
    infos = describe_mention(mention)
    assert len(infos) == 1, infos
    return infos[0]


def test_title_before_name():
    info = one("White House national security spokesman John Kirby")
    assert (info.name, info.kind, info.title, info.org) == (
        "John Kirby",
        "person",
        "White House national security spokesman",
        "White House",
    )


def test_apposition_gives_title_and_org():
    info = one("Evan Medeiros, an Asia specialist in the Obama administration who now teaches at Georgetown University")
    assert (info.name, info.title, info.org) == ("Evan Medeiros", "Asia specialist", "Obama administration")


def test_abbreviated_title():
    info = one("Sen. Maria Lopez")
    assert info.name == "Maria Lopez" and info.title == "Sen." and info.kind == "person"


def test_unnamed_role_is_a_person():
    info = one("The NATO chief")
    assert (info.name, info.kind, info.title, info.org) == ("NATO chief", "person", "chief", "NATO")


@pytest.mark.parametrize(
    "mention", ["U.S. officials", "Analysts", "sources", "Several experts", "Democratic lawmakers"]
)
def test_groups(mention):
    assert one(mention).kind == "group"


@pytest.mark.parametrize(
    "mention,kind",
    [
        ("the Department of Energy", "organization"),
        ("The Clinton campaign", "organization"),
        ("CNN", "organization"),
    ],
)
def test_organizations(mention, kind):
    assert one(mention).kind == kind


@pytest.mark.parametrize("mention", ["Moscow", "the United States", "the Kremlin"])
def test_places_and_governments_are_countries(mention):
    pytest.importorskip("newstone.nlp.countries")
    assert one(mention).kind == "country"


def test_alliance_is_an_organization():
    pytest.importorskip("newstone.nlp.countries")
    assert one("NATO").kind == "organization"


def test_joint_subject_gives_two_people():
    infos = describe_mention("Republican Senator Ann Cole and Democratic Senator Raj Patel")
    assert [(i.name, i.title) for i in infos] == [
        ("Ann Cole", "Republican Senator"),
        ("Raj Patel", "Democratic Senator"),
    ]


def test_joint_common_noun_stays_one_group():
    infos = describe_mention("teachers and parents")
    assert len(infos) == 1 and infos[0].kind == "group"


def test_pronoun_is_left_for_resolution():
    info = one("she")
    assert info.pronoun == "she" and info.name is None


def _att(text: str, mention: str, occurrence: int = 0) -> Attribution:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return Attribution(kind="indirect", spans=[(0, 1)], source=(start, start + len(mention)))


def test_resolution_pronoun_surname_and_role():
    text = (
        "Health Minister Olga Brandt said the clinics would open. She said staff were ready. "
        "Brandt said more were needed. Spokesman Tim Ode said the plan was funded. "
        "The spokesman said it was on time."
    )
    atts = [
        _att(text, "Health Minister Olga Brandt"),
        _att(text, "She"),
        _att(text, "Brandt", 1),
        _att(text, "Spokesman Tim Ode"),
        _att(text, "The spokesman"),
    ]
    out = resolve_speakers(text, atts)
    assert [a.speaker for a in out] == ["Olga Brandt", "Olga Brandt", "Olga Brandt", "Tim Ode", "Tim Ode"]
    assert out[1].speaker_title == "Health Minister"


def test_surname_finds_full_name_in_text_even_if_not_a_speaker():
    text = "Prime Minister Keir Lamb arrived. Lamb said the talks went well."
    out = resolve_speakers(text, [_att(text, "Lamb", 1)])
    assert out[0].speaker == "Keir Lamb"


def test_trailing_name_tag_names_an_unnamed_role():
    text = "Prices are falling, the central bank spokesman said. Central Bank, Irene Sato.\n\nMore."
    out = resolve_speakers(text, [_att(text, "the central bank spokesman")])
    assert out[0].speaker == "Irene Sato"
    assert out[0].speaker_title == "spokesman"


def test_they_resolves_to_recent_group():
    text = "Analysts said prices would rise. They said wages would not."
    out = resolve_speakers(text, [_att(text, "Analysts"), _att(text, "They")])
    assert out[1].speaker == "analysts" and out[1].speaker_type == "group"


def test_attribution_without_source_is_kept():
    att = Attribution(kind="direct", spans=[(0, 3)])
    assert resolve_speakers("abc", [att]) == [att]


# --- honorifics, gender and country names (sentences written for the tests) -------------


def test_honorific_surname_resolves_to_full_name():
    text = "Maple Party leader Tony Bramble spoke first. Mr Bramble said the budget was sound."
    out = resolve_speakers(text, [_att(text, "Mr Bramble")])
    assert out[0].speaker == "Tony Bramble"
    assert out[0].speaker_type == "person"


def test_honorific_with_period_is_not_a_title():
    info = one("Mrs. Quill")
    assert (info.name, info.title, info.gender) == ("Quill", None, "f")


def test_mrs_picks_the_woman_of_two_same_surnames():
    text = (
        "Sarah Quill and her brother Tom Quill ran the shop. Tom Quill said sales were up. "
        "Mrs. Quill said costs were up too."
    )
    out = resolve_speakers(text, [_att(text, "Tom Quill", 1), _att(text, "Mrs. Quill")])
    assert [a.speaker for a in out] == ["Tom Quill", "Sarah Quill"]


def test_she_skips_a_more_recent_man():
    text = "Mary Fenn said the bridge was safe. John Ortiz disagreed, he said. She said it was tested."
    atts = [_att(text, "Mary Fenn"), _att(text, "John Ortiz"), _att(text, "She")]
    out = resolve_speakers(text, atts)
    assert out[2].speaker == "Mary Fenn"


def test_he_without_gender_information_takes_the_nearest_person():
    text = "Officer Kade Vorn said the road was closed. He said it would reopen."
    out = resolve_speakers(text, [_att(text, "Officer Kade Vorn"), _att(text, "He")])
    assert out[1].speaker == "Kade Vorn"


@pytest.mark.parametrize("mention", ["US", "the U.S.", "The United States", "the United States of America"])
def test_country_mentions_share_one_canonical_name(mention):
    info = one(mention)
    assert (info.name, info.kind) == ("United States", "country")


def test_title_from_where_the_article_first_names_the_person():
    """A person introduced with a title outside any attribution keeps that title."""
    import newstone

    text = (
        "Talks stall\n\nChilean Foreign Minister Ana Reyes arrived on Monday for talks.\n\n"
        "Reyes said the talks had stalled."
    )
    quote = newstone.parse_text(text).quotes.iloc[0]
    assert (quote["speaker"], quote["speaker_title"]) == ("Ana Reyes", "Chilean Foreign Minister")
    assert quote["speaker_country"] == "CHL"
    assert pd.isna(quote["speaker_org"])  # "Chilean Foreign": a nationality and a portfolio, no organisation


def test_a_title_seen_once_carries_to_every_quote_of_that_person():
    import newstone

    text = (
        "Port deal\n\n\u201cIt is done,\u201d said Harbour Authority spokesman Tomas Berg.\n\n"
        "Berg said the deal would hold. He said more talks were planned."
    )
    quotes = newstone.parse_text(text).quotes
    berg = quotes[quotes["speaker"] == "Tomas Berg"]
    assert len(berg) == 3
    assert set(berg["speaker_title"]) == {"Harbour Authority spokesman"}
    assert set(berg["speaker_org"]) == {"Harbour Authority"}


def test_relative_pronoun_resolves_to_its_antecedent():
    """PolNeAR's source is "who"; the speaker is the noun phrase it refers to."""
    import newstone

    text = "Plan attacked\n\nMichael Howard spoke first.\n\nThe plan was attacked by Mr Howard, who said it would fail."
    quote = newstone.parse_text(text).quotes.iloc[-1]
    assert (quote["speaker_mention"], quote["speaker"], quote["speaker_type"]) == ("who", "Michael Howard", "person")


def test_relative_pronoun_with_a_group_or_no_antecedent():
    import newstone

    critics = newstone.parse_text("Bill\n\nIt angered critics, who said it was rushed.").quotes.iloc[0]
    assert (critics["speaker"], critics["speaker_type"]) == ("critics", "group")
    vague = newstone.parse_text("Bill\n\nIt is hard on those who say it was rushed.").quotes
    assert "who" not in set(vague["speaker"].dropna())


# --- Speakers that name no one in particular, and mentions that sweep in extra words ---


def test_generic_descriptions_get_no_speaker_name():
    """ "The company said" with no company named before names nobody in particular: the
    speakers table must not merge every company of a corpus into one "company"."""
    text = "Profits rose. The company said sales were strong. A spokesman said more would follow."
    out = resolve_speakers(text, [_att(text, "The company"), _att(text, "A spokesman")])
    assert [a.speaker for a in out] == [None, None]
    assert out[0].speaker_type == "organization"
    assert out[1].speaker_type == "person" and out[1].speaker_title == "spokesman"


def test_it_resolves_to_a_recent_organisation_or_nobody():
    text = "Acme Corp said profits rose. It said sales were strong."
    out = resolve_speakers(text, [_att(text, "Acme Corp"), _att(text, "It")])
    assert out[1].speaker == out[0].speaker and out[1].speaker_type == out[0].speaker_type
    text = "Prices rose. It said sales were strong."
    assert resolve_speakers(text, [_att(text, "It")])[0].speaker is None


@pytest.mark.parametrize("mention", ["Nothing", "Some", "Others", "Both"])
def test_indefinite_subjects_name_nobody(mention):
    text = f"{mention} said here was new."
    assert resolve_speakers(text, [_att(text, mention)])[0].speaker is None


def test_group_capitalised_by_the_sentence_start_is_one_speaker():
    text = "Analysts said prices would rise. Later, analysts said they would not. The Conservatives said no."
    out = resolve_speakers(text, [_att(text, "Analysts"), _att(text, "analysts"), _att(text, "The Conservatives")])
    assert [a.speaker for a in out] == ["analysts", "analysts", "Conservatives"]


def test_surname_does_not_take_a_name_across_a_sentence_end():
    text = "The door is open to lifelong fan Steve Morgan. Parry joined in 1998. Parry said talks go on."
    out = resolve_speakers(text, [_att(text, "Parry", 1)])
    assert out[0].speaker == "Parry"


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


def test_role_then_name_in_apposition():
    (info,) = describe_mention("the treasurer, Ann Cole")
    assert (info.name, info.kind, info.title) == ("Ann Cole", "person", "treasurer")


def test_introduction_title_does_not_cross_a_comma():
    """The title written before a person's name is read up to a comma at most."""
    import newstone

    quotes = newstone.parse_text("Head\n\nCosts rose sharply, said the treasurer, Ann Cole.").quotes
    assert quotes["speaker"].tolist() == ["Ann Cole"] and quotes["speaker_title"].tolist() == ["treasurer"]


@pytest.mark.parametrize(
    "text, mention, speaker, kind",
    [
        # organisation evidence elsewhere in the article (data/organisation_evidence.tsv)
        ("Security firm Sophos found it. Sophos said the virus spread.", "Sophos", "Sophos", "organization"),
        ("Yukos's shares fell. Yukos said it would appeal.", "Yukos", "Yukos", "organization"),
        ("Shares in Cairn Energy rose. Cairn said output grew.", "Cairn", "Cairn", "organization"),
        # person evidence wins: an honorific before the name, or no evidence at all
        ("Lord Falconer met the firm. Falconer said the law was clear.", "Falconer", "Falconer", "person"),
        ("Falconer said the law was clear.", "Falconer", "Falconer", "person"),
        ("His rival Brown spoke first. Brown said the law was clear.", "Brown", "Brown", "person"),
        # a capitalised ordinary word the article also writes in lower case is no name
        ("More said it than ever. There were more of them.", "More", None, "unknown"),
        # ... unless the article also writes it mid-sentence, as a name
        ("We may see it, said May. May said so.", "May", "May", "person"),
        ("They will grow; we may see it. May said so.", "May", None, "unknown"),  # a known limit
    ],
)
def test_a_lone_capitalised_speaker_is_typed_from_the_article(text, mention, speaker, kind):
    out = resolve_speakers(text, [_att(text, mention, text.count(mention) - 1)])
    assert (out[0].speaker, out[0].speaker_type) == (speaker, kind)


def test_a_name_ending_in_a_company_word_is_an_organisation():
    assert (one("British Airways").kind, one("Cairn Energy").kind, one("Paramount Pictures").kind) == (
        "organization",
        "organization",
        "organization",
    )
    assert one("Energy Secretary Ed Miliband").kind == "person"


def test_a_well_known_organisation_speaking_alone_is_one_unless_named_as_a_person():
    text = "Sony said sales rose. Later the singer Fiona Apple said she was pleased. Apple said so too."
    out = resolve_speakers(text, [_att(text, "Sony"), _att(text, "Apple", 1)])
    assert [(a.speaker, a.speaker_type) for a in out] == [("Sony", "organization"), ("Fiona Apple", "person")]


def test_sir_and_dame_take_a_given_name_and_resolve_to_the_full_name():
    text = "Met chief Sir John Stevens spoke on Monday. Later Sir John said it was over. Sir Alan said no."
    out = resolve_speakers(text, [_att(text, "Sir John", 1), _att(text, "Sir Alan")])
    assert [(a.speaker, a.speaker_type) for a in out] == [("John Stevens", "person"), ("Sir Alan", "person")]


def test_a_prefixed_title_is_a_title():
    info = one("The Tory co-chairman")
    assert (info.kind, info.title, info.org) == ("person", "co-chairman", "Tory")


# --- given name + organisation word, demonyms, owned organisations, ordinary words -------


def test_a_given_name_before_an_organisation_word_is_a_person():
    # "Fox" alone is the network; after a known given name it is a surname
    text = "Opposition spokesman Nigel Fox said the plan was late. Mr Fox said more. Fox said nothing."
    out = resolve_speakers(
        text, [_att(text, "Opposition spokesman Nigel Fox"), _att(text, "Mr Fox"), _att(text, "Fox", 2)]
    )
    assert [(a.speaker, a.speaker_type) for a in out] == [
        ("Nigel Fox", "person"),
        ("Nigel Fox", "person"),
        ("Nigel Fox", "person"),
    ]
    assert (one("Fox").kind, one("Fox News").kind) == ("organization", "organization")


def test_a_given_name_before_an_organisation_word_stays_an_organisation_the_article_writes_as_one():
    text = "Shoppers queued at retailer Mary Times. Mary Times said sales rose."
    out = resolve_speakers(text, [_att(text, "Mary Times", 1)])
    assert (out[0].speaker, out[0].speaker_type) == ("Mary Times", "organization")


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
    out = resolve_speakers(text, [_att(text, mention)])
    assert (out[0].speaker, out[0].speaker_type) == (speaker, kind)


def test_a_nationality_before_and_is_half_of_one_title():
    info = one("Swedish and Danish Lions coach Per Holm")
    assert (info.name, info.kind, info.title) == ("Per Holm", "person", "Swedish and Danish Lions coach")
    info = one("Trade and Industry Secretary Jane Cole")
    assert (info.name, info.title) == ("Jane Cole", "Trade and Industry Secretary")
    assert [i.name for i in describe_mention("Blair and Foreign Secretary Jack Straw")] == ["Blair", "Jack Straw"]


def test_an_owned_organisation_takes_its_owner_as_org():
    text = (
        "Talks delayed\n\nNorwegian Prime Minister Ola Berg spoke on Monday. Mr Berg's government "
        "said the plan would wait."
    )
    out = resolve_speakers(text, [_att(text, "Mr Berg's government")])
    assert (out[0].speaker, out[0].speaker_type, out[0].speaker_org) == (
        "Ola Berg's government",
        "organization",
        "Norwegian Prime Minister Ola Berg",
    )


def test_an_owned_organisation_of_an_unknown_person_has_only_the_owners_name():
    text = "Mayor Tim Hollis's office said the road would close."
    out = resolve_speakers(text, [_att(text, "Mayor Tim Hollis's office")])
    assert (out[0].speaker, out[0].speaker_type, out[0].speaker_org) == (
        "Tim Hollis's office",
        "organization",
        "Mayor Tim Hollis",
    )


@pytest.mark.parametrize(
    "mention,country",
    [
        ("Mr Berg's government", "NOR"),  # the owner's title in the article
        ("President Joe Biden's administration", "USA"),  # a head of government (office_holders.tsv)
        ("Mayor Tim Hollis's office", None),  # nothing known
    ],
)
def test_an_owned_organisation_has_its_owners_country(mention, country):
    from newstone.nlp.speakers.facts import fill_speaker_country

    text = f"Talks delayed\n\nNorwegian Prime Minister Ola Berg spoke on Monday. {mention} said the plan would wait."
    att = resolve_speakers(text, [_att(text, mention)])[0]
    fill_speaker_country(text, att)
    assert att.speaker_country == country


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
    out = resolve_speakers(text, [_att(text, mention)])
    assert (out[0].speaker, out[0].speaker_type) == (speaker, kind)


def test_a_member_of_a_party_stays_a_person():
    assert one("the Republican").kind == "person"


def test_contractions_and_determiners():
    assert one("I'm").pronoun == "i" and one("It's").pronoun == "it"
    text = "Our correspondent said the vote was close."
    assert resolve_speakers(text, [_att(text, "Our correspondent")])[0].speaker is None


def test_office_holders_table_uses_known_countries():
    from newstone.nlp.countries import country_names
    from newstone.nlp.speakers.facts import office_holders

    assert office_holders() and set(office_holders().values()) <= set(country_names())


@pytest.mark.parametrize(
    "bridge, expected",
    [
        # The paragraph moves to Ms Kaur after Ms Dent's quote: "She said" continues with her.
        ("Ms Kaur has led the talks since May.", "Anita Kaur"),
        # A sentence that reports the last speaker again keeps her on the floor.
        ("Prices will rise, Ms Dent said.", "Rita Dent"),
        # A possessive after the name is not the subject.
        ("Ms Kaur's aides were not at the meeting.", "Rita Dent"),
    ],
)
def test_a_sentence_opening_pronoun_continues_with_the_previous_sentence_subject(bridge, expected):
    import newstone

    text = (
        "Talks stall\n\nAnita Kaur said the offer was too low. Rita Dent said the offer was fair.\n\n"
        f"{bridge} She said the deal was close."
    )
    quote = newstone.parse_text(text).quotes.iloc[-1]
    assert (quote["speaker_mention"], quote["speaker"]) == ("She", expected)


def test_a_pronoun_inside_a_sentence_keeps_the_last_speaker():
    import newstone

    text = (
        "Talks stall\n\nAnita Kaur said the offer was too low. Rita Dent said the offer was fair.\n\n"
        "Ms Kaur has led the talks since May. The deal was close, she said."
    )
    quote = newstone.parse_text(text).quotes.iloc[-1]
    assert quote["speaker"] == "Rita Dent"


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
        ("Labour MP Karen Buck", "Karen Buck", "Labour MP", "Labour"),
    ],
)
def test_portfolio_words_belong_to_the_title_not_the_organisation(mention, name, title, org):
    info = describe_mention(mention)[0]
    assert (info.name, info.title, info.org) == (name, title, org)


@pytest.mark.parametrize(
    "mention, kind",
    [
        ("Human Rights Watch", "organization"),  # organisations.txt: reads like a phrase
        ("Save the Children", "organization"),
        ("Shearson Lehman Brothers", "organization"),  # a company suffix (organisation_evidence.tsv)
        ("Pacific Express Co", "organization"),
        ("Qwest Communications", "organization"),
        ("Alan Watch", "person"),  # a given name and a suffix word: a person
    ],
)
def test_organisations_that_read_like_people_or_phrases(mention, kind):
    assert describe_mention(mention)[0].kind == kind


def test_a_person_described_by_the_firm_they_work_at():
    info = describe_mention("analyst Alex Potter at Lehman Brothers")[0]
    assert (info.name, info.kind, info.title, info.org) == ("Alex Potter", "person", "analyst", "Lehman Brothers")
    info = describe_mention("Jane Doe at the Bank of England")[0]
    assert (info.name, info.org) == ("Jane Doe", "Bank of England")


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


def test_a_titled_surname_resolves_to_the_full_name_given_before():
    import newstone

    text = "Ruling\n\nLetitia Clark said the case would go ahead. Judge Clark said the jury would hear it in May."
    quotes = newstone.parse_text(text).quotes
    assert quotes["speaker"].tolist() == ["Letitia Clark", "Letitia Clark"]
    assert quotes["speaker_title"].iloc[-1] == "Judge"


def test_an_unnamed_role_at_a_firm_is_that_firm_s_role():
    info = describe_mention("chief economist at Capital Economics")[0]
    assert (info.name, info.kind, info.title, info.org) == (
        "Capital Economics chief economist",
        "person",
        "economist",
        "Capital Economics",
    )
    assert describe_mention("people at Microsoft")[0].name != "Microsoft people"  # "people" is no title


def test_an_organisation_speaker_has_no_title(monkeypatch):
    """Words a source span caught before an organisation's name are no title of it
    (BBC: "response-time figures gathered by" for Netcraft, "2004" for IBM)."""
    from newstone.nlp.speakers import coreference as speakers

    leftover = SpeakerInfo("Netcraft", "organization", title="figures gathered by")
    monkeypatch.setattr(speakers, "describe_mention_cached", lambda mention: [leftover])
    text = "Figures gathered by Netcraft show the site was slow."
    out = resolve_speakers(text, [_att(text, "Figures gathered by Netcraft")])
    assert (out[0].speaker, out[0].speaker_type, out[0].speaker_title) == ("Netcraft", "organization", None)


def test_a_headline_surname_takes_the_full_name_the_body_gives_first():
    import newstone

    text = (
        "Dent rejects offer\n\nThe talks failed on Monday when Defiant Maria Dent turned the offer "
        "down. Officials said the talks would resume."
    )
    corpus = newstone.parse_text(text)
    headline = corpus.quotes.iloc[0]
    assert (headline["speaker_mention"], headline["speaker"]) == ("Dent", "Maria Dent")
