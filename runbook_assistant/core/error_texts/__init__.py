"""The words of the core's refusals in Dutch and English: code -> language -> (message, hint).

Qt's ``.ts`` file holds the widgets' texts; this is its counterpart for the core, which has no Qt.
A test checks that every code has both languages with the same ``{placeholders}``. Placeholders
are filled with ``str.format``; quote marks and names come from the parameters, never from here.
The engine's own refusals stand here; those about files, sync and runs in ``files``, ``sync`` and
``runs``, gathered into the one ``TEXTS``.

May import: nothing of the core (words only); ``core/errors.py`` renders its codes from here.
"""

from __future__ import annotations

from typing import Any

Text = tuple[str, str | None]  # (message, hint)

TEXTS: dict[str, dict[str, Text]] = {
    # --- runs and runbooks --------------------------------------------------------------------
    "unknown_run": {
        "en": ("unknown run '{run}'", "`runbook-assistant run list` shows the runs"),
        "nl": ("onbekende uitvoering '{run}'",
               "`runbook-assistant run list` toont de uitvoeringen"),
    },
    "run_ambiguous": {
        "en": ("'{run}' matches {count} runs", "type more of the run id"),
        "nl": ("'{run}' past bij {count} uitvoeringen", "typ meer van het kenmerk"),
    },
    "run_closed": {
        "en": ("run {run} is closed", "a closed run takes only its report, notes, action items "
                                      "and late entries from before it closed"),
        "nl": ("uitvoering {run} is afgesloten", "een afgesloten uitvoering neemt alleen nog het "
               "rapport, notities, actiepunten en latere invoer van vóór het afsluiten aan"),
    },
    "unknown_message": {
        "en": ("unknown message '{message}'", "messages: {messages}"),
        "nl": ("onbekend bericht '{message}'", "berichten: {messages}"),
    },
    "unknown_runbook": {
        "en": ("unknown runbook '{runbook}'", "run `runbook-assistant list` to see the runbooks"),
        "nl": ("onbekend draaiboek '{runbook}'", "`runbook-assistant list` toont de draaiboeken"),
    },
    "unknown_runbook_close": {
        "en": ("unknown runbook '{runbook}'", "did you mean {close}?"),
        "nl": ("onbekend draaiboek '{runbook}'", "bedoel je {close_nl}?"),
    },
    "runbook_broken": {
        "en": ("runbook '{runbook}' has errors and cannot be used",
               "run `runbook-assistant validate {path}`"),
        "nl": ("draaiboek '{runbook}' bevat fouten en is niet te gebruiken",
               "controleer het met `runbook-assistant validate {path}`"),
    },
    "not_an_exercise": {
        "en": ("run {run} is not an exercise",
               "injects and the exercise clock belong to exercise runs"),
        "nl": ("uitvoering {run} is geen oefening",
               "injects en de oefenklok horen bij oefeningen"),
    },
    "all_injects_delivered": {
        "en": ("every inject of this exercise has been delivered", None),
        "nl": ("alle injects van deze oefening zijn al gegeven", None),
    },
    # --- engine: steps -----------------------------------------------------------------------
    "required": {
        "en": ("{what} is required", "give a non-empty {what}"),
        "nl": ("{what_nl} is verplicht", "vul {what_nl} in"),
    },
    "unknown_step": {
        "en": ("unknown step '{step}' in runbook '{runbook}'",
               "step ids are listed by `runbook-assistant run show RUN`"),
        "nl": ("onbekende stap '{step}' in draaiboek '{runbook}'",
               "`runbook-assistant run show RUN` toont de stap-id's"),
    },
    "decide_first": {
        "en": ("decide '{decision}' first", "'{step}' is in a branch that waits for that decision"),
        "nl": ("neem eerst het besluit '{decision}'",
               "'{step}' hoort bij een tak die op dat besluit wacht"),
    },
    "branch_not_taken": {
        "en": ("step {step} is in a branch not taken",
               "record a new decision to take that branch"),
        "nl": ("stap {step} hoort bij een tak die niet gekozen is",
               "leg een nieuw besluit vast om die tak te kiezen"),
    },
    "is_decision": {
        "en": ("'{step}' is a decision: record which option was chosen", "options: {options}"),
        "nl": ("'{step}' is een besluit: leg vast welke optie gekozen is", "opties: {options}"),
    },
    "already_checked": {
        "en": ("'{step}' is already checked by {by}", "uncheck it first to record it again"),
        "nl": ("'{step}' is al afgevinkt door {by}",
               "draai het afvinken eerst terug om het opnieuw vast te leggen"),
    },
    "four_eyes_needs_verifier": {
        "en": ("'{step}' is a four-eyes step: a second person must verify it",
               "name the verifier (someone other than the performer)"),
        "nl": ("'{step}' is een vier-ogenstap: een tweede persoon moet het controleren",
               "noem de controleur (iemand anders dan de uitvoerder)"),
    },
    "verifier_is_performer": {
        "en": ("the verifier must be someone other than the performer ({actor})",
               "four eyes: one person does it, another checks it"),
        "nl": ("de controleur moet iemand anders zijn dan de uitvoerder ({actor})",
               "vier ogen: de een voert uit, de ander controleert"),
    },
    "nothing_to_undo": {
        "en": ("'{step}' is open: there is nothing to undo", None),
        "nl": ("'{step}' staat open: er is niets terug te draaien", None),
    },
    "decision_not_skippable": {
        "en": ("'{step}' is a decision and cannot be skipped", "record the option chosen"),
        "nl": ("'{step}' is een besluit en kan niet worden overgeslagen",
               "leg de gekozen optie vast"),
    },
    "already_status": {
        "en": ("'{step}' is already {status}", "uncheck it first"),
        "nl": ("'{step}' is al {status_nl}", "draai dat eerst terug"),
    },
    "unknown_option": {
        "en": ("unknown option '{option}' for '{step}'", "options: {options}"),
        "nl": ("onbekende optie '{option}' bij '{step}'", "opties: {options}"),
    },
    "not_a_decision": {
        "en": ("'{step}' is not a decision step", "check or skip it instead"),
        "nl": ("'{step}' is geen besluit", "vink de stap af of sla hem over"),
    },
    # --- engine: people, services, times, report ---------------------------------------------
    "unknown_role": {
        "en": ("unknown role '{role}'", "roles: {roles}"),
        "nl": ("onbekende rol '{role}'", "rollen: {roles}"),
    },
    "already_takes_part": {
        "en": ("{name} already takes part", None),
        "nl": ("{name} doet al mee", None),
    },
    "already_takes_part_as": {
        "en": ("{name} already takes part as {role}", None),
        "nl": ("{name} doet al mee als {role}", None),
    },
    "already_has_role": {
        "en": ("{name} already has the role {role}", None),
        "nl": ("{name} heeft de rol {role} al", None),
    },
    "no_services": {
        "en": ("unknown service '{service}': this runbook lists no services", None),
        "nl": ("onbekende dienst '{service}': dit draaiboek noemt geen diensten", None),
    },
    "service_ambiguous": {
        "en": ("'{service}' matches several services: {matches}", "type more of the name"),
        "nl": ("'{service}' past bij meer diensten: {matches}", "typ meer van de naam"),
    },
    "unknown_service": {
        "en": ("unknown service '{service}'", "services: {services}"),
        "nl": ("onbekende dienst '{service}'", "diensten: {services}"),
    },
    "unknown_service_status": {
        "en": ("unknown service status '{status}'", "use one of: {statuses}"),
        "nl": ("onbekende status '{status}'", "kies uit: {statuses}"),
    },
    "bad_time": {
        "en": ("cannot read the time '{value}'", "use ISO 8601, e.g. 2026-11-23T10:47"),
        "nl": ("de tijd '{value}' is onleesbaar",
               "gebruik ISO 8601, bijvoorbeeld 2026-11-23T10:47"),
    },
    "late_entry_in_future": {
        "en": ("a late entry must lie in the past",
               "leave out the time to record it as happening now"),
        "nl": ("een latere invoer moet in het verleden liggen",
               "laat de tijd weg om het als nu vast te leggen"),
    },
    "late_entry_before_start": {
        "en": ("a late entry cannot lie before the run started", "the run started at {started}"),
        "nl": ("een latere invoer kan niet vóór de start van de uitvoering liggen",
               "de uitvoering begon om {started}"),
    },
    "finalise_open_run": {
        "en": ("close the run before finalising its report",
               "`runbook-assistant run close RUN --actor A`"),
        "nl": ("sluit de uitvoering af voordat je het rapport definitief maakt",
               "`runbook-assistant run close RUN --actor A`"),
    },
    "service_unchanged": {
        "en": ("{service} is already {status}",
               "nothing was recorded; add a note to record news about it"),
        "nl": ("{service} staat al op {status_nl}",
               "er is niets vastgelegd; voeg een notitie toe om nieuws erover vast te leggen"),
    },
    "report_already_final": {
        "en": ("report version {version} is already final{by}",
               "a change to the report starts the next version"),
        "nl": ("versie {version} van het rapport is al definitief{by}",
               "een wijziging van het rapport begint de volgende versie"),
    },
    # --- authoring: import and approve ---------------------------------------------------------
    "import_missing": {
        "en": ("{file} does not exist", None),
        "nl": ("{file} bestaat niet", None),
    },
    "import_exists": {
        "en": ("{file} exists already", "give --force to overwrite it"),
        "nl": ("{file} bestaat al", "geef --force om het te overschrijven"),
    },
    "import_not_slug": {
        "en": ("the id '{id}' is not a slug",
               "use lower-case letters, digits and hyphens, e.g. '{suggestion}'"),
        "nl": ("het id '{id}' is geen slug",
               "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld '{suggestion}'"),
    },
    "import_unknown_lang": {
        "en": ("unknown language '{lang}'", "use nl or en"),
        "nl": ("onbekende taal '{lang}'", "gebruik nl of en"),
    },
    "import_unreadable": {
        "en": ("cannot import {name}: {why}", "{place} is the place"),
        "nl": ("{name} is niet te importeren: {why}", "de plek is {place}"),
    },
    "import_no_steps": {
        "en": ("found no steps in {name}", "write the steps as a numbered or bulleted list (in "
               "Word: with the numbering or bullets button) and import again"),
        "nl": ("geen stappen gevonden in {name}", "schrijf de stappen als genummerde lijst of "
               "opsomming (in Word: met de knop nummering of opsommingstekens) en importeer "
               "opnieuw"),
    },
    "import_own_format_errors": {
        "en": ("{place}: {why}", "the file is already in the runbook format; fix it with "
               "'runbook-assistant validate' instead of importing it"),
        "nl": ("fout in het draaiboek: {place}: {why}", "het bestand is al in het "
               "draaiboekformaat; herstel het met 'runbook-assistant validate' in plaats van "
               "het te importeren"),
    },
    "import_cannot_read": {
        "en": ("cannot read {file}: {why}", None),
        "nl": ("{file} is niet te lezen: {why}", None),
    },
    "import_too_large": {
        "en": ("{name} is larger than {mb} MB; a playbook is far smaller", None),
        "nl": ("{name} is groter dan {mb} MB; een draaiboek is veel kleiner", None),
    },
    "import_not_text": {
        "en": ("{place}: {why}", "import a Word document (.docx) or a Markdown file saved as "
               "UTF-8"),
        "nl": ("niet te importeren: {place}: {why}", "importeer een Word-document (.docx) of "
               "een Markdown-bestand dat als UTF-8 is opgeslagen"),
    },
    "docx_damaged": {
        "en": ("cannot read {name} as a Word document: {why}",
               "Open it in Word and save it again as .docx."),
        "nl": ("{name} is niet als Word-document te lezen: {why}",
               "Open het in Word en sla het opnieuw op als .docx."),
    },
    "docx_too_large": {
        "en": ("{name} is larger than {mb} MB",
               "Remove pictures from the document, or import it in parts."),
        "nl": ("{name} is groter dan {mb} MB",
               "Haal afbeeldingen uit het document, of importeer het in delen."),
    },
    "docx_not_zip": {
        "en": ("{name} is not a Word document (.docx): {why}", "Save it from Word as 'Word "
               "Document (*.docx)'; an old .doc file must be saved as .docx first."),
        "nl": ("{name} is geen Word-document (.docx): {why}", "Sla het in Word op als "
               "'Word-document (*.docx)'; een oud .doc-bestand moet eerst als .docx worden "
               "opgeslagen."),
    },
    "docx_not_word": {
        "en": ("{name} is a zip file but not a Word document (no word/document.xml)",
               "Only Word documents (.docx) and Markdown files can be imported."),
        "nl": ("{name} is een zip-bestand maar geen Word-document (geen word/document.xml)",
               "Alleen Word-documenten (.docx) en Markdown-bestanden zijn te importeren."),
    },
    "docx_bomb": {
        "en": ("{name} unpacks to far more than a document holds ({mb} MB); it is not imported",
               "Save it again from Word; a real draaiboek is much smaller."),
        "nl": ("{name} pakt uit tot veel meer dan een document bevat ({mb} MB); het wordt niet "
               "geïmporteerd", "Sla het opnieuw op vanuit Word; een echt draaiboek is veel "
               "kleiner."),
    },
    "approve_no_name": {
        "en": ("give the approver's name", "e.g. --as 'J. de Vries'"),
        "nl": ("geef de naam van wie goedkeurt", "bijvoorbeeld --as 'J. de Vries'"),
    },
    "approve_errors": {
        "en": ("cannot approve {name}: {why}",
               "fix the errors first ('runbook-assistant validate')"),
        "nl": ("{name} is niet goed te keuren: {why}",
               "herstel eerst de fouten ('runbook-assistant validate')"),
    },
    "approve_foreign": {
        "en": ("cannot approve {name}: it is an imported playbook without front matter of its "
               "own", "convert it first: runbook-assistant import FILE -o OUT.md"),
        "nl": ("{name} is niet goed te keuren: het is een geïmporteerd draaiboek zonder eigen "
               "front matter", "zet het eerst om: runbook-assistant import BESTAND -o UIT.md"),
    },
    "approve_not_a_file": {
        "en": ("{file} is not a runbook file", None),
        "nl": ("{file} is geen draaiboekbestand", None),
    },
    # --- the rules of the real cases (core/run/discipline.py) ---------------------------------
    "rule_refused": {
        "en": ("{refusals}", "add people with `run join`, or record it anyway with --override "
                             "REASON (the reason and who overrode are recorded)"),
        "nl": ("geweigerd — {refusals}", "voeg mensen toe met `run join`, of leg het toch vast met "
                             "--override REDEN (de reden en wie doorbrak worden vastgelegd)"),
    },
    "override_needs_reason": {
        "en": ("an override needs a reason", "say why the rule is set aside"),
        "nl": ("een doorbreking heeft een reden nodig", "zeg waarom de regel wordt doorbroken"),
    },
    "nothing_to_override": {
        "en": ("nothing to override: the step may be checked as it is", "leave out the override"),
        "nl": ("niets te doorbreken: de stap mag gewoon worden afgevinkt",
               "laat de doorbreking weg"),
    },
    "not_a_check_step": {
        "en": ("'{step}' is not a check step: it records no outcome", "leave out the outcome"),
        "nl": ("'{step}' is geen controlestap: er hoort geen uitkomst bij",
               "laat de uitkomst weg"),
    },
    "check_needs_outcome": {
        "en": ("'{step}' establishes '{check}': {said}", "use one of: {outcomes}"),
        "nl": ("'{step}' stelt '{check}' vast: {said_nl}", "gebruik een van: {outcomes}"),
    },
    "bad_moment": {
        "en": ("cannot read the time '{value}'",
               "use HH:MM (today) or ISO 8601, e.g. 2026-11-23T10:47"),
        "nl": ("de tijd '{value}' is onleesbaar",
               "gebruik UU:MM (vandaag) of ISO 8601, bijvoorbeeld 2026-11-23T10:47"),
    },
    "discovery_in_future": {
        "en": ("the moment of discovery cannot lie in the future",
               "give the time the incident was discovered, e.g. 09:15"),
        "nl": ("het moment van ontdekking kan niet in de toekomst liggen",
               "geef de tijd waarop het incident werd ontdekt, bijvoorbeeld 09:15"),
    },
}

# Words the Dutch texts need in Dutch that the English ones take as they are.
STATUS_NL = {"done": "gedaan", "skipped": "overgeslagen", "open": "open",
             "up": "beschikbaar", "degraded": "verminderd", "down": "uitgevallen",
             "restored": "hersteld"}
WHAT_NL = {"reason": "een reden", "name": "een naam", "role": "een rol", "title": "een titel",
           "text": "een tekst", "actor": "wie het doet", "summary": "een samenvatting"}


def _gather() -> None:
    """The catalogue's other parts, by subject, in the one table."""
    from runbook_assistant.core.error_texts import files, runs, sync

    for part in (files, runs, sync):
        twice = TEXTS.keys() & part.TEXTS.keys()
        if twice:  # one code, one meaning
            raise RuntimeError(f"error codes given twice: {sorted(twice)}")
        TEXTS.update(part.TEXTS)
        WORDS_NL.update(getattr(part, "WORDS_NL", {}))
    NOTHING.update(sync.NOTHING)


WORDS_NL: dict[str, str] = {}  # English words a parameter may carry, in Dutch (``{name_nl}``)
NOTHING: dict[str, str] = {}
_gather()


def render(code: str | None, lang: str, params: dict[str, Any]) -> Text:
    """(message, hint) of ``code`` in ``lang`` (English when the language is missing)."""
    texts = TEXTS.get(code or "")
    if texts is None:
        return (code or "", None)
    message, hint = texts.get(lang) or texts["en"]
    values = dict(params)
    for name, value in params.items():  # a nested error is said in the same language
        if hasattr(value, "text") and hasattr(value, "hint_text"):
            values[name] = value.text(lang)
            values.setdefault(f"{name}_hint", value.hint_text(lang) or "")
    values.setdefault("status_nl", STATUS_NL.get(str(params.get("status", "")),
                                                 params.get("status", "")))
    values.setdefault("what_nl", WHAT_NL.get(str(params.get("what", "")), params.get("what", "")))
    for name, value in params.items():
        values.setdefault(f"{name}_nl", WORDS_NL.get(str(value), value))
    values.setdefault("nothing", NOTHING.get(lang, NOTHING["en"]))
    return (message.format(**values), (hint.format(**values) or None) if hint else None)
