"""The words of the core's refusals in Dutch and English: code -> language -> (message, hint).

Qt's ``.ts`` file holds the widgets' texts; this is its counterpart for the core, which has no Qt.
A test checks that every code has both languages with the same ``{placeholders}``. Placeholders
are filled with ``str.format``; quote marks and names come from the parameters, never from here.
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
}

# Words the Dutch texts need in Dutch that the English ones take as they are.
STATUS_NL = {"done": "gedaan", "skipped": "overgeslagen", "open": "open",
             "up": "beschikbaar", "degraded": "verminderd", "down": "uitgevallen",
             "restored": "hersteld"}
WHAT_NL = {"reason": "een reden", "name": "een naam", "role": "een rol", "title": "een titel",
           "text": "een tekst", "actor": "wie het doet", "summary": "een samenvatting"}


def render(code: str | None, lang: str, params: dict[str, Any]) -> Text:
    """(message, hint) of ``code`` in ``lang`` (English when the language is missing)."""
    texts = TEXTS.get(code or "")
    if texts is None:
        return (code or "", None)
    message, hint = texts.get(lang) or texts["en"]
    values = dict(params)
    values.setdefault("status_nl", STATUS_NL.get(str(params.get("status", "")),
                                                 params.get("status", "")))
    values.setdefault("what_nl", WHAT_NL.get(str(params.get("what", "")), params.get("what", "")))
    return (message.format(**values), hint.format(**values) if hint else None)
