"""The import's notes in Dutch: each English note the import (and the foreign reading under it)
writes, as a pattern, with its Dutch wording.

The notes are made in English where they are found (the reader in ``core/runbook`` knows no
languages); a note is put into Dutch only when it is shown. A test imports every foreign fixture
and checks that each note it gives has its Dutch here, so a new note cannot slip through in
English. A reader's finding passed on as a note is put into Dutch by ``core/runbook/finding_texts``
when it is one of those it words (most are; the others stay English).
"""

from __future__ import annotations

import re

from runbook_assistant.core.runbook.finding_texts import finding_in, has_dutch_finding

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english), dutch) for english, dutch in (
        (r"id '(?P<id>.*)' from the file name \(give --id to choose another\)",
         "id '{id}' uit de bestandsnaam (kies een ander met --id)"),
        (r"title '(?P<title>.*)' from the document's title",
         "titel '{title}' uit de titel van het document"),
        (r"title '(?P<title>.*)'", "titel '{title}'"),
        (r"version 1", "versie 1"),
        (r"language '(?P<lang>\w+)' guessed \((?P<nl>\d+) common Dutch and (?P<en>\d+) common "
         r"English words; give --lang to choose\)",
         "taal '{lang}' geraden ({nl} gangbare Nederlandse en {en} gangbare Engelse woorden; "
         "kies met --lang)"),
        (r"a contact table: (?P<n>\d+) contacts\.yaml entr(?:y|ies) \(the table is kept\)",
         "een contactentabel: {n} regel(s) voor contacts.yaml (de tabel blijft staan)"),
        (r"already in the runbook format: copied unchanged",
         "al in het draaiboekformaat: ongewijzigd overgenomen"),
        (r"bold paragraph '(?P<text>.*)' read as a heading",
         "vetgedrukte alinea '{text}' gelezen als kop"),
        (r"a numbered paragraph is read as a step", "een genummerde alinea wordt een stap"),
        (r"the text under '(?P<title>.*)' is read as a message template \(channel not named\)",
         "de tekst onder '{title}' wordt een berichtsjabloon (geen kanaal genoemd)"),
        (r"the text under '(?P<title>.*)' is read as a message template \(channel "
         r"(?P<channel>.*)\)",
         "de tekst onder '{title}' wordt een berichtsjabloon (kanaal {channel})"),
        (r"heading '(?P<title>.*)' only groups the headings under it: left out",
         "kop '{title}' groepeert alleen de koppen eronder: weggelaten"),
        (r"empty section '(?P<title>.*)' left out", "leeg onderdeel '{title}' weggelaten"),
        (r"role '(?P<role>.*)' of step '(?P<title>.*)' left out: it is not declared under roles",
         "rol '{role}' van stap '{title}' weggelaten: die staat niet onder roles"),
        (r"option '(?P<label>.*)' of decision '(?P<title>.*)' left out: it does not lead to a "
         r"section further down",
         "optie '{label}' van besluit '{title}' weggelaten: die leidt niet naar een onderdeel "
         "verderop"),
    ))


def note_in(text: str, lang: str) -> str:
    """An import note in ``lang`` (``nl`` or ``en``); a note without Dutch stays as it is."""
    if lang != "nl":
        return text
    for pattern, dutch in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is not None:
            return dutch.format(**match.groupdict())
    return finding_in(text, lang)  # a finding of the reader, passed on


def has_dutch(text: str) -> bool:
    """Whether the note ``text`` has its Dutch wording (here, or the reader's finding's)."""
    return any(pattern.fullmatch(text) for pattern, _ in _PATTERNS) or has_dutch_finding(text)
