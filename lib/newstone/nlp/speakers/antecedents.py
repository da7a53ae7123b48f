"""A pronoun's antecedent in the prose, when no speaker of the article is one.

Coreference (:mod:`~newstone.nlp.speakers.coreference`) resolves "he" and "she" to the
speakers quoted before. News prose also introduces people who were not quoted yet ("Ms.
Malik had made little effort to hide her views. She said she supported it."); this module
finds them.
"""

from __future__ import annotations

import re

from newstone.nlp.speakers.evidence import honorific_gender, is_title_word, name_gender

# A person the prose names before a pronoun: an honorific and a surname ("Ms. Malik"), or
# a given name and a surname ("Loretta Lynch").
_NAMED_PERSON = re.compile(
    r"\b(?:(?P<honorific>Mrs|Ms|Mr|Miss)\.?|(?P<given>[A-Z][a-z]+))"
    r"[ \t]+(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)*)"  # after an honorific, the whole name
)
NAMED_WINDOW = 300  # characters before the pronoun searched
# "the Vermont senator", "the former secretary": a role that may be the pronoun's antecedent
_ROLE_AFTER = re.compile(r"\b[Tt]he(?=((?:[ \t]+[A-Za-z-]+){1,3}))")


def nearest_named(text: str, before: int, gender: str) -> str | None:
    """The nearest person of the pronoun's gender the text names just before it, when no
    speaker of the article fits: "Ms. Malik had made little effort to hide her views. She
    said ..." is Malik, though Malik was not quoted before. Only names whose gender is known
    (an honorific, a given name of ``first_names.tsv``) count; None when there is none, when
    two people of that gender are named (either may be meant), or when an unnamed role comes
    between ("... Trump ... The Vermont senator ... He").

    Measured on 300 PolNeAR train articles before the two-people rule: 15 pronouns resolved,
    10 of them right; the rule leaves out the ambiguous ones."""
    found, end, surnames = None, 0, set()
    for match in _NAMED_PERSON.finditer(text, max(0, before - NAMED_WINDOW), before):
        honorific, given, name = match.group("honorific", "given", "name")
        name = re.sub(r"['\u2019]s$", "", name)
        if honorific and honorific_gender(honorific) == gender:
            found, end = name, match.end()
        elif not honorific and " " not in name and name_gender(f"{given} {name}") == gender:
            found, end = f"{given} {name}", match.end()
        else:
            continue
        surnames.add(found.split()[-1])
    if len(surnames) > 1:
        return None  # "Mr. Trump ... his cousin James York ... he said": either may be meant
    roles = _ROLE_AFTER.findall(text, end, before)
    if found and any(is_title_word(word) for phrase in roles for word in phrase.split()):
        return None
    return found
