"""Speakers across an article: pronouns, surnames, roles and titles resolved in text order.

:func:`resolve_speakers` walks the attributions with a short memory of who has spoken, so
"he" becomes the nearest earlier person of that gender, "they" the nearest group or
government, "Miller" the earlier "Matthew Miller", "the spokesman" the earlier spokesman
(or the name tagged right after the sentence), and a headline surname the first full name
the body gives. :func:`complete_person_facts` then gives every quote of a person the title
and organisation known for them anywhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newstone.model import Attribution
from newstone.nlp.speakers.antecedents import is_descriptor, last_named, nearest_named, prose_only, recent_named
from newstone.nlp.speakers.evidence import (
    first_names,
    honorific_gender,
    is_party_word,
    is_title_word,
    known_organisations,
    name_evidence,
    name_gender,
    occurrences,
    org_word_surname,
)
from newstone.nlp.speakers.facts import speaker_country
from newstone.nlp.speakers.introductions import complete_person_facts, introduction
from newstone.nlp.speakers.mention import (
    CLAUSE_MARK,
    NEUTER_PRONOUNS,
    NP_INNER_WORDS,
    PARTY_MEMBERS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
    SpeakerInfo,
    describe_mention_cached,
    describe_one,
    unnamed_role_name,
)
from newstone.nlp.speakers.names import unglued
from newstone.nlp.speakers.surnames import full_name, gender_clash, surname_genders
from newstone.nlp.speakers.titles import title_phrase
from newstone.nlp.words import OFFICE_MODIFIERS
from newstone.rules import word_set

_TRAILING_NAME_TAG = re.compile(
    r"\s*(?:[A-Z][\w.]*\s+){0,4}[A-Z][\w.]*,\s+"
    r"([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2})\."
)


HISTORY = 50  # speakers remembered for pronouns, surnames and roles


def _resolve(
    info: SpeakerInfo, text: str, attribution: Attribution, history: list[SpeakerInfo], prose: str | None = None
) -> SpeakerInfo:
    if info.owner is not None:
        return _resolve_owned(info, text, attribution, history)
    if is_descriptor(info.name) and attribution.source and not info.title:
        # "said the 28-year-old", "said the Sale full-back": the person just named
        known = [p.name for p in reversed(history) if p.kind == "person" and p.name and " " in p.name]
        named = last_named(text, prose or prose_only(text, []), attribution.source[0], known)
        if named:
            same = next((p for p in reversed(history) if p.name == named), None)
            return same or _resolve(SpeakerInfo(named, "person"), text, attribution, history)
    if info.kind == "person" and info.name and info.name.count(" ") >= 2 and info.name != unnamed_role_name(info):
        name = unglued(info.name, text)  # "Defiant Matt Williams", "DJ Jo Bloggs"
        if name != info.name:
            prefix = title_phrase(info.name[: -len(name)].split())
            title, org = info.title, info.org
            if prefix and any(is_title_word(w) or w.isupper() or w.islower() for w in prefix):
                title = title or " ".join(prefix)
            elif prefix:
                org = org or " ".join(prefix)  # "Manchester United Alex Ferguson"
            info = replace(info, name=name, title=title, org=org, gender=info.gender or name_gender(name))
    if (
        info.kind == "person"
        and info.name
        and org_word_surname(info.name.split())
        and name_evidence(info.name, text)[1]
    ):
        return SpeakerInfo(info.name, "organization")  # "retailer John Lewis", "John Lewis's sales"
    if info.kind == "organization" and info.name and " " not in info.name:
        for prev in reversed(history):
            if (
                prev.kind == "person"
                and prev.name
                and org_word_surname(prev.name.split())
                and prev.name.split()[-1] == info.name
            ):
                return prev  # "Fox said" after "Liam Fox said": his surname, not the network
    if info.pronoun in RELATIVE_PRONOUNS:
        antecedent = _antecedent(text, attribution.source[0]) if attribution.source else None
        if antecedent is None or antecedent.pronoun:
            return SpeakerInfo(None, "unknown")
        return _resolve(antecedent, text, attribution, history)
    if info.pronoun in PERSON_PRONOUNS:
        wanted = PRONOUN_GENDER.get(info.pronoun)
        if attribution.source and history and info.pronoun in ("he", "she"):  # not "I" inside a quotation
            subject = _previous_subject(text, attribution.source[0], history)
            if subject is not None and subject.name != history[-1].name and not gender_clash(wanted, subject.gender):
                return replace(subject, pronoun=None, gender=subject.gender or wanted)
        genders = surname_genders(text)
        fits = [
            prev
            for prev in history
            if prev.kind == "person"
            and prev.name
            and not gender_clash(wanted, prev.gender or genders.get(prev.name.split()[-1]))
        ]
        if attribution.source and wanted and info.pronoun in ("he", "she"):
            floor = fits[-1].name if fits else None
            if recent := recent_named(prose or prose_only(text, []), attribution.source[0], wanted, floor):
                return _resolve(SpeakerInfo(recent, "person", gender=wanted), text, attribution, history)
        if fits:
            return replace(fits[-1], pronoun=None, gender=fits[-1].gender or wanted)
        named = nearest_named(text, attribution.source[0], wanted) if attribution.source and wanted else None
        if named is not None:
            return _resolve(SpeakerInfo(named, "person", gender=wanted), text, attribution, history)
        return replace(info, gender=wanted)
    if info.pronoun in NEUTER_PRONOUNS:
        for prev in reversed(history[-3:]):
            if prev.kind in ("organization", "country", "group") and prev.name:
                return replace(prev, pronoun=None)
        return SpeakerInfo(None, "unknown")
    if info.pronoun in PLURAL_PRONOUNS:
        if info.pronoun == "we":
            return SpeakerInfo(None, "unknown")
        for prev in reversed(history[-3:]):
            if prev.kind in ("group", "organization", "country") and prev.name:
                return replace(prev, pronoun=None)
        return SpeakerInfo(None, "group")
    if info.kind == "person" and info.name and (knighted := _GIVEN_NAME_MENTION.match(info.name)):
        full = _full_name_from_given(knighted.group(1), knighted.group(2), text)
        if full:
            for prev in reversed(history):
                if prev.name == full:
                    return prev
            return replace(info, name=full)
        return info
    if info.kind == "person" and info.name and " " not in info.name and info.name != unnamed_role_name(info):
        # A surname, bare or with a title ("Judge Clark" after "Letitia Clark")
        start = attribution.source[0] if attribution.source else 0
        full = full_name(info.name, text, start, history, info.gender, info.title)
        if full:
            for prev in reversed(history):
                if prev.name == full:
                    # the mention's honorific ("Mr. Prasad") over a gender an earlier pronoun
                    # gave the person ("She …" resolved to "Eswar Prasad", no given name known)
                    return replace(prev, gender=info.gender or prev.gender, title=prev.title or info.title)
            return replace(info, name=full, gender=info.gender or name_gender(full))
        for prev in reversed(history):
            if prev.name and prev.name.split()[-1] == info.name and not gender_clash(info.gender, prev.gender):
                return replace(prev, title=prev.title or info.title)
        if info.gender is None and not info.title:
            return _lone_name(info, text)
    if info.kind == "person" and info.title and info.name == unnamed_role_name(info):
        tag = _TRAILING_NAME_TAG.match(text, _sentence_end(text, attribution))
        if tag:
            return replace(info, name=tag.group(1))
        people = [p for p in reversed(history) if p.kind == "person" and p.name != unnamed_role_name(p)]
        named = [prev for prev in people if prev.title]
        for prev in named:
            if _same_office(info.title, prev.title):
                return prev
        for prev in named:
            if _same_head(info.title, prev.title):
                return prev
        if people and info.title.split()[-1] in PARTY_MEMBERS:
            return people[0]  # "… said Gowdy. The South Carolina Republican admitted …"
        if people and _definite_member(info.title, text, attribution):
            # "Mr Kilroy-Silk announced his plans. The East Midlands MEP … wants …"
            subject = _previous_subject(text, attribution.source[0], history)
            if subject is not None and (subject.gender or name_gender(subject.name)):  # not "The Daily Courier"
                return subject
    return info


def _definite_member(title: str, text: str, attribution: Attribution) -> bool:
    """Whether the mention is "the … MEP" (a definite description of an elected member),
    which refers back to the person just named rather than introducing someone new."""
    if not attribution.source or not text.startswith(("The ", "the "), attribution.source[0]):
        return False
    return title.split()[-1].lower() in word_set("elected_members.txt")


def _office_words(title: str) -> list[str]:
    """A title's words up to its last title word, lower case: "Chancellor of the Exchequer"
    -> ["chancellor"], "Bank of Japan governor" -> ["bank", "of", "japan", "governor"]."""
    words = title.lower().split()
    heads = [i for i, word in enumerate(words) if is_title_word(word)]
    return words[: heads[-1] + 1] if heads else words


def _same_office(role: str, title: str) -> bool:
    """Whether an unnamed role ("the prime minister") is the office a named person's title
    holds ("Prime Minister"; "British Prime Minister"): its words end the title's."""
    wanted, words = _office_words(role), _office_words(title)
    return bool(wanted) and words[-len(wanted) :] == wanted and not _modified(words, len(wanted))


def _modified(words: list[str], n: int) -> bool:
    """Whether the word before a title's last ``n`` words makes it another office
    ("shadow chancellor" is not "the chancellor")."""
    return len(words) > n and words[-n - 1] in OFFICE_MODIFIERS


def _same_head(role: str, title: str) -> bool:
    """The looser reading of a role: the same head noun, when the role has no other word
    than a party label ("the minister" of "Health Minister"; "the Tory leader" of
    "Conservative leader"), never two different offices ("prime minister", "Foreign
    Minister")."""
    wanted, words = _office_words(role), _office_words(title)
    if not wanted or not words or wanted[-1] != words[-1] or _modified(words, 1) and not _modified(wanted, 1):
        return False
    return all(is_party_word(w.capitalize()) or is_party_word(w) for w in wanted[:-1])


def _resolve_owned(info: SpeakerInfo, text: str, attribution: Attribution, history: list[SpeakerInfo]) -> SpeakerInfo:
    """ "Biden's administration" -> "Joe Biden's administration", an organisation whose
    ``org`` is its owner as the article best describes them ("Norwegian Prime Minister Ola
    Berg"), so that the speaker's country is the owner's (see
    :func:`newstone.countries.speaker_country`, which also knows heads of government)."""
    owner = _resolve(info.owner, text, attribution, history)
    noun = info.name.split("'s ", 1)[1]
    if not owner.name:
        return SpeakerInfo(info.name, "organization")
    title = _owner_title(owner, text, attribution, history)
    return SpeakerInfo(f"{owner.name}'s {noun}", "organization", org=" ".join(filter(None, [title, owner.name])))


def _owner_title(person: SpeakerInfo, text: str, attribution: Attribution, history: list[SpeakerInfo]) -> str | None:
    """The title that best places a person: the first of the title at this mention, at an
    earlier quote of theirs, or where the article first names them ("Russian President
    Vladimir Putin's comments …") that names a country; else the first title found."""
    titles = [person.title] + [prev.title for prev in reversed(history) if prev.name == person.name]
    if person.name and " " in person.name:
        before = attribution.source[0] if attribution.source else attribution.start
        titles.append(introduction(text, person.name, before)[0])
    titles = [t for t in titles if t]
    return next((t for t in titles if speaker_country(t, None, None)), titles[0] if titles else None)


_GIVEN_NAME_MENTION = re.compile(r"^(Sir|Dame) (\S+)$")


_SURNAME_AFTER = re.compile(r"\s+([A-Z][\w'\u2019-]+)")


def _full_name_from_given(honorific: str, given: str, text: str) -> str | None:
    """ "John Stevens" for "Sir John" when the article writes "Sir John Stevens" anywhere
    (British style names a knight in full once, then "Sir John")."""
    for pos in occurrences(text, f"{honorific} {given}"):
        after = _SURNAME_AFTER.match(text, pos + len(honorific) + 1 + len(given))
        if after and not is_title_word(after.group(1)):
            return f"{given} {after.group(1)}"
    return None


def _lone_name(info: SpeakerInfo, text: str) -> SpeakerInfo:
    """A one-word speaker nothing has tied to a person ("Sophos said", "Yukos said",
    "More said …"): an organisation when the article writes it as one or it is a
    well-known one (``data/organisations.txt``: "Sony said"); no speaker when
    the word is capitalised only where a sentence starts and the article also uses it in
    lower case (an ordinary word, not a name); else still a person (most are surnames:
    "Falconer said"). A name written mid-sentence ("…, said May") stays a name."""
    if info.name.lower() in first_names():
        return info
    person, organisation, mid_sentence = name_evidence(info.name, text)
    if person:
        return info
    if organisation or info.name in known_organisations():
        return replace(info, kind="organization")
    if not mid_sentence and next(occurrences(text, info.name.lower()), None) is not None:
        return SpeakerInfo(None, "unknown")
    return info


def _antecedent(text: str, relative_start: int) -> SpeakerInfo | None:
    """What a relative pronoun at ``relative_start`` refers to: the noun phrase ending
    right before it ("said Mr Howard, who" -> Mr Howard; "women who" -> women), read as a
    mention. None when that is not a name, title, group or organisation."""
    before = text[max(0, relative_start - 160) : relative_start].rstrip().rstrip(",").rstrip()
    marks = list(CLAUSE_MARK.finditer(before))
    tokens = before[marks[-1].end() if marks else 0 :].replace("\u2019", "'").split()
    start = len(tokens)
    while start > 0 and len(tokens) - start < 8:
        token = tokens[start - 1]
        lower = token.lower()
        if not (
            token[:1].isupper()
            or lower in NP_INNER_WORDS
            or is_title_word(token)
            or lower in word_set("group_nouns.txt")
            or lower in word_set("org_words.txt")
        ):
            break
        start -= 1
    while start < len(tokens) and tokens[start].lower() in NP_INNER_WORDS:
        start += 1
    if start >= len(tokens):
        return None
    info = describe_one(" ".join(tokens[start:]))
    return info if info.kind in ("person", "group", "organization", "country") and info.name else None


# A sentence opening with a person's name: an optional honorific, then capitalised words.
_SENTENCE_SUBJECT = re.compile(
    r"[\"\u201c\u2018']?((?:[A-Z][a-z]{0,3}\.? )?[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,2})"
    r"(?=(?P<after> [a-z][\w'\u2019-]*|[,.;:]))"
)


_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019']?\s+|\n")


def _previous_subject(text: str, pronoun_start: int, history: list[SpeakerInfo]) -> SpeakerInfo | None:
    """The person a sentence-opening "He said …" most likely continues with: the subject of
    the sentence just before, when that sentence opens with the name of a person already
    quoted in the article. News prose moves the topic to a person ("Mr Blair has been
    closer to Bush than any other leader. He said …") after someone else's quote ("Chirac
    reacted by saying …"); the last speaker is then the wrong antecedent. A pronoun inside
    a sentence (", he said.") is left to the last speaker, as is a possessive or a noun
    after the name ("Mr Blair's aides", "Blair allies"). None when no such subject."""
    line_start = text.rfind("\n", 0, pronoun_start) + 1
    breaks = [
        m.end() for m in _SENTENCE_BREAK.finditer(text, max(line_start - 1, pronoun_start - 600, 0), pronoun_start)
    ]
    sentence_start = breaks[-1] if breaks else max(line_start, 0)
    if text[sentence_start:pronoun_start].strip(" \"\u201c\u2018'"):
        return None  # the pronoun does not open its sentence
    if sentence_start == 0:
        return None
    previous_end = sentence_start  # the previous sentence's last character + 1
    while previous_end > 0 and text[previous_end - 1].isspace():
        previous_end -= 1
    window_start = max(0, previous_end - 600)
    earlier = [m.end() for m in _SENTENCE_BREAK.finditer(text, window_start, max(window_start, previous_end - 1))]
    previous_start = earlier[-1] if earlier else window_start
    match = _SENTENCE_SUBJECT.match(text, previous_start, sentence_start)
    if match is None:
        return None
    after = match.group("after")
    if after and (after.strip().lower() in word_set("group_nouns.txt") or is_title_word(after.strip())):
        return None  # "Blair aides said", "Blair spokesman"
    words = match.group(1).replace("\u2019", "'").split()
    if words[-1].endswith("'s"):
        return None
    if honorific_gender(words[0].rstrip(".")) is not None:
        words = words[1:]
    if not words:
        return None
    last = history[-1].name.split()[-1] if history[-1].name else None
    if last and _says_in(last, text[previous_start:sentence_start]):
        return None  # "…, Mr Bannister said. He said …": the last speaker still holds the floor
    for prev in reversed(history):
        if (
            prev.kind == "person"
            and prev.name
            and " " in prev.name
            and not prev.pronoun
            and (prev.name == " ".join(words) or prev.name.split()[-1] == words[-1])
        ):
            return prev
    return None


# Reporting words that put a named speaker in a sentence ("Smith said", "said Mr Smith").
_SAYS = "said|says|added|adds|told|tells|argued|warned|insisted|stressed"


def _says_in(surname: str, sentence: str) -> bool:
    """Whether ``sentence`` reports ``surname`` speaking ("…, Mr Bannister said.", "said
    Bannister"), as opposed to merely naming them ("visited Pullman")."""
    name = re.escape(surname)
    return (
        re.search(rf"\b{name}\b\W+(?:\w+\W+)?(?:{_SAYS})\b|\b(?:{_SAYS})\W+(?:\w+\W+){{0,3}}{name}\b", sentence)
        is not None
    )


def _sentence_end(text: str, attribution: Attribution) -> int:
    end = max(
        attribution.end,
        attribution.source[1] if attribution.source else 0,
        attribution.cue[1] if attribution.cue else 0,
    )
    stop = text.find(".", end)
    newline = text.find("\n", end)
    if stop < 0 or (0 <= newline < stop):
        return len(text)
    return stop + 1


def resolve_speakers(
    text: str, attributions: list[Attribution], context: list[Attribution] | tuple = ()
) -> list[Attribution]:
    """Fill speaker, speaker_type, speaker_title and speaker_org; one attribution per
    person of a joint source. ``speaker_country`` is left for the caller. ``context``:
    attributions that are not returned but whose sources are read in text order with the
    others, so that a later pronoun may refer to them (the hybrid's dropped ones)."""
    given = len(attributions)
    attributions = list(attributions) + list(context)
    history: list[SpeakerInfo] = []
    resolved_at: dict[int, list[Attribution]] = {}
    prose = prose_only(text, [span for att in attributions for span in att.spans])
    # Mentions are read in text order, whatever order the finder listed the attributions in:
    # the memory is of speakers named before this mention, so a nested attribution listed
    # after its outer one ("…, the president would insist, Miller said. … he emphasized")
    # does not become the antecedent of the next "he".
    order = sorted(range(len(attributions)), key=lambda i: attributions[i].source[0] if attributions[i].source else 0)
    for index in order:
        att = attributions[index]
        out = resolved_at.setdefault(index, [])
        if att.source is None:
            out.append(att)
            continue
        mention = text[att.source[0] : att.source[1]]
        short = _short_form_of(mention, history)
        if short is not None:
            resolved = [short]
        else:
            infos = describe_mention_cached(mention)
            resolved = [_unnamed_if_generic(_resolve(info, text, att, history, prose)) for info in infos]
        for info in resolved:
            # An organisation or a country has no title: words caught before its name are
            # the span's leftovers ("response-time figures gathered by Netcraft").
            title = info.title if info.kind not in ("organization", "country") else None
            out.append(
                Attribution(
                    att.kind,
                    list(att.spans),
                    att.cue,
                    att.source,
                    _display_name(info),
                    info.kind,
                    title,
                    info.org,
                    att.speaker_country,
                )
            )
            if info.name:
                history.append(info)
                if len(history) > 2 * HISTORY:
                    del history[:-HISTORY]
    in_given_order = [resolved for index in range(given) for resolved in resolved_at[index]]
    return complete_person_facts(text, in_given_order)


def _short_form_of(mention: str, history: list[SpeakerInfo]) -> SpeakerInfo | None:
    """An earlier organisation whose name the mention begins ("Moody's" after "Moody's
    Investors Service Inc"): the short form names it, "'s" included, and is no possessor."""
    mention = mention.replace("\u2019", "'").strip()
    if not mention[:1].isupper() or len(mention.split()) > 2:
        return None
    if any(prev.kind == "person" and prev.name and prev.name.split()[-1] == mention for prev in history):
        return None  # "Tower told reporters" after "John Tower" (and a "Tower Commission report")
    for prev in reversed(history):
        if (
            prev.kind == "organization"
            and prev.name
            and prev.name.startswith(mention + " ")
            and all(w[:1].isupper() or w in ("of", "and", "&") for w in prev.name[len(mention) :].split())
        ):
            return prev  # the rest is more of the name ("Investors Service Inc"), not a description
    return None


def _unnamed_if_generic(info: SpeakerInfo) -> SpeakerInfo:
    """A description nothing resolved ("the company", "a spokesman", "the report") names
    no one in particular: it keeps its type and title but gets no speaker name, so the
    speakers table does not merge every company or spokesman of a corpus into one
    "company" or "spokesman". Groups keep their name ("analysts", "U.S. officials"), and so
    does anything with a capital ("the NATO chief", "the Foreign Office")."""
    if info.name and info.kind != "group" and info.name == info.name.lower():
        return replace(info, name=None)
    return info


def _display_name(info: SpeakerInfo) -> str | None:
    name = info.name
    if name and name.lower().startswith("the "):
        name = name[4:]
    return name
