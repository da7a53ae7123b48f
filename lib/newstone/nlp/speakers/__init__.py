"""From the in-text source mention to a speaker: name, type, title, organisation, country.

:mod:`~.mention` reads one mention on its own ("White House national security spokesman
John Kirby" -> John Kirby, spokesman, White House); :mod:`~.evidence` holds the word
lists and article evidence that tell a person from an organisation; :mod:`~.coreference`
resolves pronouns, surnames and roles across an article; :mod:`~.facts` gives the
speaker's country and applies the user's roster of officials.
"""
