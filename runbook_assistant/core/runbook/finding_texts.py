"""The reader's findings in Dutch, for the editor in a Dutch app and for the import's notes.

The reader writes its findings in English (``validate`` and the scripts that read it rely on those
words); a finding is put into Dutch only where it is shown to a person. Each entry is the English
finding as a pattern and its Dutch wording; a finding without an entry is shown as it is. The
entries cover the findings people meet most while writing or importing a runbook.
"""

from __future__ import annotations

import re

_Q = r"'(?P<{}>[^']*)'"  # one quoted name


def _p(english: str, dutch: str) -> tuple[re.Pattern[str], str]:
    # {name} in the English is a quoted name, {nname} a number, {name*} any text; everything
    # else (braces of an example such as {#id role=...} included) is matched literally.
    parts = re.split(r"(\{[a-z]+\*?\})", english)

    def field(part: str) -> str:
        name = part[1:-1].rstrip("*")
        if part.endswith("*}"):
            return rf"(?P<{name}>.*)"
        return rf"(?P<{name}>\d+)" if name.startswith("n") else _Q.format(name)

    pattern = "".join(field(part) if re.fullmatch(r"\{[a-z]+\*?\}", part) else re.escape(part)
                      for part in parts)
    return re.compile(pattern), dutch


_FINDINGS = (
    _p("no version in the front matter: using version 1",
       "geen versie in de front matter: versie 1 wordt gebruikt"),
    _p("no front matter with an id: read as an imported playbook with id {id} from the file name "
       "(add front matter with id, title and version to make it a runbook of its own)",
       "geen front matter met een id: gelezen als geïmporteerd draaiboek met id '{id}' uit de "
       "bestandsnaam (voeg front matter met id, title en version toe om er een eigen draaiboek "
       "van te maken)"),
    _p("list items without task boxes are read as steps: write them as '- [ ] ...' and add "
       "attributes such as {#id role=... due=...} for stable ids, roles and timers",
       "lijstregels zonder vinkvakje worden stappen: schrijf ze als '- [ ] ...' en voeg "
       "attributen toe zoals {{#id role=... due=...}} voor vaste id's, rollen en timers"),
    _p("the runbook has no steps: add a ## section with task items ('- [ ] what to do')",
       "het draaiboek heeft geen stappen: voeg een ##-onderdeel met taken toe ('- [ ] wat te "
       "doen')"),
    _p("section {id} is empty: add steps ('- [ ] ...'), a message or text, or remove the heading",
       "onderdeel '{id}' is leeg: voeg stappen ('- [ ] ...'), een bericht of tekst toe, of haal "
       "de kop weg"),
    _p("heading with only prose: section {id} has no steps",
       "kop met alleen tekst: onderdeel '{id}' heeft geen stappen"),
    _p("unknown front matter key {key}; it is kept but not used",
       "onbekende sleutel '{key}' in de front matter; blijft staan maar wordt niet gebruikt"),
    _p("unknown front matter key {key} (did you mean {close}?); it is kept but not used",
       "onbekende sleutel '{key}' in de front matter (bedoel je '{close}'?); blijft staan maar "
       "wordt niet gebruikt"),
    _p("unknown attribute {attr} on step {step} (did you mean {close}?); it is kept but not used",
       "onbekend attribuut '{attr}' bij stap '{step}' (bedoel je '{close}'?); blijft staan maar "
       "wordt niet gebruikt"),
    _p("step {step} sends message {message}, which is not a message of this runbook (did you "
       "mean {close}?)",
       "stap '{step}' verstuurt bericht '{message}', maar dat bericht staat niet in dit "
       "draaiboek (bedoel je '{close}'?)"),
    _p("step {step} is a .decision and sends a message: put the message in a step of its own",
       "stap '{step}' is een .decision en verstuurt een bericht: zet het bericht in een eigen "
       "stap"),
    _p("step {step} has role {role}, which is not declared under {key} in the front matter",
       "stap '{step}' heeft rol '{role}', maar die staat niet onder '{key}' in de front matter"),
    _p("option {label} points to {target}, but there is no section with that id",
       "optie '{label}' wijst naar '{target}', maar er is geen onderdeel met dat id"),
    _p("option {label} points to {target}, but there is no section with that id (did you mean "
       "{close}?)",
       "optie '{label}' wijst naar '{target}', maar er is geen onderdeel met dat id (bedoel je "
       "'{close}'?)"),
    _p("option {label} points to the section its decision is in: point it at a section of its "
       "own further down",
       "optie '{label}' wijst naar het onderdeel van het besluit zelf: laat haar naar een eigen "
       "onderdeel verderop wijzen"),
    _p("option {label} points back to section {target} above its decision; branches lead "
       "forward, to sections further down",
       "optie '{label}' wijst terug naar onderdeel '{target}' boven het besluit; takken leiden "
       "vooruit, naar onderdelen verderop"),
    _p("decision {id} has only one option; a decision needs at least two, each a nested list "
       "item {example}",
       "besluit '{id}' heeft maar één optie; een besluit heeft er minstens twee nodig, elk als "
       "ingesprongen lijstregel '{example}'"),
    _p("decision {id} is read as a plain step, to check off: fewer than two of its options lead "
       "to a section further down",
       "besluit '{id}' wordt een gewone stap om af te vinken: minder dan twee van de opties "
       "leiden naar een onderdeel verderop"),
    _p("duplicate section id {id} (also on line {nline}): give each section its own id",
       "onderdeel-id '{id}' komt twee keer voor (ook op regel {nline}): geef elk onderdeel een "
       "eigen id"),
    _p("duplicate step id {id} (also on line {nline}): give each step its own id",
       "stap-id '{id}' komt twee keer voor (ook op regel {nline}): geef elke stap een eigen id"),
    _p("step without a title: write what to do after the task box",
       "stap zonder titel: schrijf na het vinkvakje wat er moet gebeuren"),
    _p("the front matter has no title: add {example}",
       "de front matter heeft geen titel: voeg '{example}' toe"),
    _p("the front matter has no version: add {example}",
       "de front matter heeft geen versie: voeg '{example}' toe"),
    _p("the front matter that starts here is never closed: add a line {fence} after the last key",
       "de front matter die hier begint wordt nergens gesloten: zet een regel '{fence}' na de "
       "laatste sleutel"),
    _p("the key {key} is written twice in the front matter (also on line {nline}): the last one "
       "counts; remove the other",
       "de sleutel '{key}' staat twee keer in de front matter (ook op regel {nline}): de laatste "
       "telt; haal de andere weg"),
    _p("step {step} needs the network (it mentions {what}): add a details line with the offline "
       "alternative (a line saying 'offline' or 'zonder netwerk')",
       "stap '{step}' heeft het netwerk nodig (er staat '{what}'): voeg een detailregel met het "
       "alternatief zonder netwerk toe (een regel met 'offline' of 'zonder netwerk')"),
    _p("message block without an id: using {id} (add {#msg-...} after 'message' so that sent "
       "messages keep their name)",
       "berichtblok zonder id: '{id}' wordt gebruikt (zet {{#msg-...}} na 'message' zodat "
       "verstuurde berichten hun naam houden)"),
)
_FINDINGS += (
    _p("the version must be a whole number of at least 1, not {value} (raise it with each "
       "change)",
       "de versie moet een geheel getal van minstens 1 zijn, niet '{value}' (verhoog haar bij elke "
       "wijziging)"),
    _p("staffing for {role} must be a whole number of at least 1, not {value}",
       "de bezetting voor '{role}' moet een geheel getal van minstens 1 zijn, niet '{value}'"),
    _p("{key} maps each role id to its name, e.g. {example}",
       "'{key}' koppelt elk rol-id aan een naam, bijv. '{example}'"),
    _p("{key} must be text, not a list", "'{key}' moet tekst zijn, geen lijst"),
    _p("{key} must be text, not a mapping", "'{key}' moet tekst zijn, geen mapping"),
    _p("{key} must be one of {allowed*}, not {value}",
       "'{key}' moet een van {allowed} zijn, niet '{value}'"),
    _p("{key} must be a date such as 2027-03-31, not {value}",
       "'{key}' moet een datum zijn zoals 2027-03-31, niet '{value}'"),
    _p("the front matter must be a mapping of keys (id: ..., title: ...), not a list",
       "de front matter moet een reeks sleutels zijn (id: ..., title: ...), geen lijst"),
    _p("invalid YAML in the front matter: this line holds a tab (YAML is indented with spaces, "
       "not tabs)",
       "ongeldige YAML in de front matter: op deze regel staat een tab (YAML springt in met "
       "spaties, niet met tabs)"),
    _p("the id {id} is not a slug: use lower-case letters, digits and hyphens, e.g. {example}",
       "het id '{id}' is geen slug: gebruik kleine letters, cijfers en koppeltekens, bijv. "
       "'{example}'"),
    _p("section {id} can never be reached: every option leading to it is in a section that waits "
       "for a decision itself; point options forward, to sections further down",
       "onderdeel '{id}' is nooit te bereiken: elke optie die ernaartoe leidt staat in een "
       "onderdeel dat zelf op een besluit wacht; laat opties vooruit wijzen, naar onderdelen "
       "verderop"),
    _p("check step {id} has no role: name the role entitled to establish it (e.g. role=ciso)",
       "controlestap '{id}' heeft geen rol: noem de rol die dit mag vaststellen (bijv. "
       "role=ciso)"),
    _p("step {id} names a verifier but is not .four-eyes: add .four-eyes or remove verifier=",
       "stap '{id}' noemt een controleur maar is geen .four-eyes: voeg .four-eyes toe of haal "
       "verifier= weg"),
    _p("unknown attribute {attr} on step {step} (known: {known*}); it is kept but not used",
       "onbekend attribuut '{attr}' bij stap '{step}' (bekend: {known}); blijft staan maar wordt "
       "niet gebruikt"),
    _p("section {id} has {nsteps} steps; split it: long lists get skipped under stress (at most "
       "{nmax} per section)",
       "onderdeel '{id}' heeft {nsteps} stappen; splits het: lange lijsten worden onder druk "
       "overgeslagen (hoogstens {nmax} per onderdeel)"),
    _p("duplicate message id {id} (also on line {nline}): give each message its own id",
       "bericht-id '{id}' komt twee keer voor (ook op regel {nline}): geef elk bericht een eigen "
       "id"),
    _p("a second top-level heading (#) is read as a section: use ## for sections",
       "een tweede kop op het hoogste niveau (#) wordt een onderdeel: gebruik ## voor onderdelen"),
    _p("steps before the first ## section are put in a section of their own: put a ## heading "
       "above them",
       "stappen vóór het eerste ##-onderdeel komen in een eigen onderdeel: zet er een ##-kop "
       "boven"),
    _p("a ### heading is kept as text of its section; make it a ## section if it groups steps",
       "een ###-kop blijft tekst van het onderdeel; maak er een ##-onderdeel van als hij stappen "
       "groepeert"),
    _p("section {id} needs role {role}, which is not declared under {key} in the front matter",
       "onderdeel '{id}' heeft rol '{role}' nodig, maar die staat niet onder '{key}' in de front "
       "matter"),
    _p("step {id} has verifier {role}, which is not declared under {key} in the front matter",
       "stap '{id}' heeft controleur '{role}', maar die staat niet onder '{key}' in de front "
       "matter"),
    _p("staffing names role {role}, which is not declared under {key} in the front matter",
       "staffing noemt rol '{role}', maar die staat niet onder '{key}' in de front matter"),
    _p("invalid YAML in the front matter: {why*}",  # PyYAML's own words follow
       "ongeldige YAML in de front matter: {why}"),
)
_BLOCK = re.compile(r"cannot read the attribute block '(?P<block>.*)' \((?P<why>.*)\); "
                    r"write e\.g\. \{#id role=netwerk \.four-eyes due=5m\}")
_CANNOT_READ = re.compile(r"cannot read '(?P<what>[^']*)'")
_DURATION = re.compile(r"(?P<key>\w+)=: malformed duration '(?P<value>[^']*)' "
                       r"\(use e\.g\. 5m, 1h30m\)")


def finding_in(message: str, lang: str) -> str:
    """A finding of the reader in ``lang`` (``nl`` or ``en``); without Dutch, as it is."""
    if lang != "nl":
        return message
    duration = _DURATION.fullmatch(message)
    if duration is not None:
        return (f"{duration['key']}=: onleesbare duur '{duration['value']}' (schrijf bijv. 5m, "
                "1h30m)")
    block = _BLOCK.fullmatch(message)
    if block is not None:
        why = _CANNOT_READ.sub(lambda m: f"kan '{m['what']}' niet lezen", block["why"])
        return (f"kan het attribuutblok '{block['block']}' niet lezen ({why}); schrijf bijv. "
                "{#id role=netwerk .four-eyes due=5m}")
    for pattern, dutch in _FINDINGS:
        match = pattern.fullmatch(message)
        if match is not None:
            return dutch.format(**match.groupdict())
    return message


def has_dutch_finding(message: str) -> bool:
    """Whether the finding ``message`` has its Dutch wording here."""
    return finding_in(message, "nl") != message
