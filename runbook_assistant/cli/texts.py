"""The command line's own words (labels of ``show``, warnings, ``exercise status``) in English and
Dutch; ``--lang nl`` picks Dutch, otherwise the English that scripts read.

The core's refusals have their catalogue in ``core/error_texts/``; the app's widgets have Qt's
``.ts``. A test checks that every key here has both languages with the same placeholders.
"""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, dict[str, str]] = {
    # show
    "id": {"en": "id {id}", "nl": "id {id}"},
    "version": {"en": "version {version}", "nl": "versie {version}"},
    "lang": {"en": "lang {language}", "nl": "taal {language}"},
    "severity": {"en": "severity {severity}", "nl": "ernst {severity}"},
    "file": {"en": "file {path}", "nl": "bestand {path}"},
    "owner": {"en": "owner {owner}", "nl": "eigenaar {owner}"},
    "tags": {"en": "tags {tags}", "nl": "labels {tags}"},
    "roles": {"en": "Roles:", "nl": "Rollen:"},
    "at_least": {"en": "  (at least {n})", "nl": "  (minstens {n})"},
    "services": {"en": "Services, in restore order:", "nl": "Diensten, in volgorde van herstel:"},
    "injects": {"en": "Injects:", "nl": "Injects:"},
    "exercise_of": {"en": "exercise of {runbook}", "nl": "oefening van {runbook}"},
    "exercise_of_none": {"en": "exercise; it names no runbook",
                         "nl": "oefening; er staat geen draaiboek bij"},
    "message_line": {"en": "      message #{id} → {audience} via {channel}; placeholders: {names}",
                     "nl": "      bericht #{id} → {audience} via {channel}; invulvelden: {names}"},
    "none": {"en": "none", "nl": "geen"},
    "four_eyes": {"en": "[4-eyes]", "nl": "[vier ogen]"},
    "four_eyes_verifier": {"en": "[4-eyes, verifier {role}]",
                           "nl": "[vier ogen, controleur {role}]"},
    "check": {"en": "[check {check}]", "nl": "[controle {check}]"},
    "needs": {"en": "[needs {needs}]", "nl": "[nodig: {needs}]"},
    "optional": {"en": "[optional]", "nl": "[optioneel]"},
    "decision": {"en": "[decision → {options}]", "nl": "[besluit → {options}]"},
    "due": {"en": "due {t}", "nl": "uiterlijk {t}"},
    "timebox": {"en": "timebox {t}", "nl": "maximaal {t}"},
    "every": {"en": "every {t}", "nl": "elke {t}"},
    "from_discovery": {"en": "from discovery", "nl": "vanaf de ontdekking"},
    "mode_read-do": {"en": "read-do", "nl": "stap voor stap"},
    "mode_do-confirm": {"en": "do-confirm", "nl": "achteraf afvinken"},
    "approval": {"en": "approval: {text}", "nl": "goedkeuring: {text}"},
    # list: the approval column, one word each
    "state_approved": {"en": "approved", "nl": "goedgekeurd"},
    "state_not-approved": {"en": "not-approved", "nl": "niet-goedgekeurd"},
    "state_review-due": {"en": "review-due", "nl": "herziening-verlopen"},
    # import, approve
    "imported": {"en": "wrote {out}: {sections}, {steps}, {messages} (id {id}, lang {language})",
                 "nl": "geschreven: {out}: {sections}, {steps}, {messages} (id {id}, taal "
                       "{language})"},
    "imported_contacts": {"en": "wrote {out}: {count} contacts from the document's contact "
                                "tables; check them and merge them into your contacts.yaml",
                          "nl": "geschreven: {out}: {count} contacten uit de contactentabellen "
                                "van het document; controleer ze en voeg ze aan je "
                                "contacts.yaml toe"},
    "approved": {"en": "approved {file} (runbook {id} version {version}, sha256 {sha}) as {who}, "
                       "device {device}",
                 "nl": "goedgekeurd: {file} (draaiboek {id} versie {version}, sha256 {sha}) door "
                       "{who}, apparaat {device}"},
    "wrote": {"en": "wrote {path}", "nl": "geschreven: {path}"},
    "n_section": {"en": "1 section", "nl": "1 onderdeel"},
    "n_sections": {"en": "{n} sections", "nl": "{n} onderdelen"},
    "n_step": {"en": "1 step", "nl": "1 stap"},
    "n_steps": {"en": "{n} steps", "nl": "{n} stappen"},
    "n_message": {"en": "1 message", "nl": "1 bericht"},
    "n_messages": {"en": "{n} messages", "nl": "{n} berichten"},
    # warnings
    "warning": {"en": "warning: {text}", "nl": "waarschuwing: {text}"},
    "unusable_not_listed": {"en": "note: {files} with errors not listed; run `runbook-assistant "
                                  "validate`",
                            "nl": "let op: {files} met fouten niet getoond; gebruik "
                                  "`runbook-assistant validate`"},
    "no_runbooks": {"en": "no runbooks in the library", "nl": "geen draaiboeken in de bibliotheek"},
    "short_of_staff": {"en": "short of staff: {role} {present} of {needed} present",
                       "nl": "onderbezetting: {role} {present} van {needed} aanwezig"},
    "set_unused": {"en": "--set {key} is not a placeholder of {template}; ignored",
                   "nl": "--set {key} is geen invulveld van {template}; genegeerd"},
    "placeholder_missing": {"en": "placeholder {{{name}}} not filled; use --set {name}=...",
                            "nl": "invulveld {{{name}}} niet ingevuld; gebruik --set {name}=..."},
    "channel_needs_sent": {"en": "--channel is only recorded with --sent",
                           "nl": "--channel wordt alleen met --sent vastgelegd"},
    "step_sends": {"en": "logged as sent with the check: message {message} via {channel} to "
                         "{audience}",
                   "nl": "met de afvinking vastgelegd als verstuurd: bericht {message} via "
                         "{channel} aan {audience}"},
    "already_sent": {"en": "message {message} was already logged as sent ({when}, {who}); not "
                           "logged again",
                     "nl": "bericht {message} was al vastgelegd als verstuurd ({when}, {who}); "
                           "niet opnieuw vastgelegd"},
    "send_options_unused": {"en": "--set and --channel apply only to a step that sends a "
                                  "message; ignored",
                            "nl": "--set en --channel gelden alleen voor een stap die een "
                                  "bericht verstuurt; genegeerd"},
    "not_approved": {"en": "runbook '{id}' version {version}: this version is not approved "
                           "({why}); the run records it",
                     "nl": "draaiboek '{id}' versie {version}: deze versie is niet goedgekeurd "
                           "({why}); de run legt dat vast"},
    "review_due": {"en": "runbook '{id}' version {version}: its review was due on {date}; the run "
                         "records it",
                   "nl": "draaiboek '{id}' versie {version}: de herziening was nodig op {date}; "
                         "de run legt dat vast"},
    "why_never": {"en": "never approved", "nl": "nooit goedgekeurd"},
    "why_edited": {"en": "edited since it was approved: the approval is void",
                   "nl": "gewijzigd na de goedkeuring: de goedkeuring vervalt"},
    "why_signature": {"en": "the approval's signature does not match",
                      "nl": "de handtekening van de goedkeuring klopt niet"},
    "why_damaged": {"en": "the approval file is damaged",
                    "nl": "het goedkeuringsbestand is beschadigd"},
    "why_unreadable": {"en": "the approval file cannot be read",
                       "nl": "het goedkeuringsbestand is niet te lezen"},
    # exercise status
    "exercise_clock": {"en": "exercise clock T+{t} ({state})", "nl": "oefenklok T+{t} ({state})"},
    "paused": {"en": "paused", "nl": "gepauzeerd"},
    "to_role": {"en": " (to {role})", "nl": " (aan {role})"},
    "no_injects": {"en": "  this exercise has no scenario, so no injects",
                   "nl": "  deze oefening heeft geen scenario en dus geen injects"},
}


def t(text_key: str, lang: str | None = None, **params: Any) -> str:
    """The text ``text_key`` in ``lang`` (default: the command line's), filled with ``params``."""
    if lang is None:
        from runbook_assistant.cli.errors import cli_lang

        lang = cli_lang()
    texts = TEXTS[text_key]
    return (texts.get(lang) or texts["en"]).format(**params)
