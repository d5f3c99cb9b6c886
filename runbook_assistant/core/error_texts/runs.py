"""The words of the refusals of starting runs, exercises, action items and exports in Dutch and
English. Part of ``error_texts.TEXTS``.
"""

from __future__ import annotations

TEXTS = {
    # --- starting a run, timers, action items (core/run/) ---------------------------------------
    "stored_runbook_unreadable": {
        "en": ("the runbook stored with run {run} cannot be read", "{why}"),
        "nl": ("het draaiboek dat bij uitvoering {run} is opgeslagen is onleesbaar", "{why}"),
    },
    "scenario_not_runbook": {
        "en": ("'{scenario}' is an exercise scenario, not a runbook",
               "start it as an exercise of '{runbook}'"),
        "nl": ("'{scenario}' is een oefenscenario, geen draaiboek",
               "start het als oefening van '{runbook}'"),
    },
    "unknown_mode": {
        "en": ("unknown mode '{mode}'", "use incident or exercise"),
        "nl": ("onbekende soort '{mode}'", "gebruik incident of exercise"),
    },
    "unknown_timer": {
        "en": ("unknown timer '{timer}'", "use one of: {timers}"),
        "nl": ("onbekende timer '{timer}'", "kies uit: {timers}"),
    },
    "action_already_done": {
        "en": ("action {action} is already done ({by})", None),
        "nl": ("actiepunt {action} is al gedaan ({by})", None),
    },
    "unknown_action_item": {
        "en": ("unknown action item '{action}'", "action items of this run: {actions}"),
        "nl": ("onbekend actiepunt '{action}'", "actiepunten van deze uitvoering: {actions}"),
    },
    "unknown_action_item_none": {
        "en": ("unknown action item '{action}'", "action items of this run: none yet"),
        "nl": ("onbekend actiepunt '{action}'", "deze uitvoering heeft nog geen actiepunten"),
    },
    "step_sends_no_message": {
        "en": ("step '{step}' sends no message",
               "only a step with message=ID logs a send when checked"),
        "nl": ("stap '{step}' verstuurt geen bericht",
               "alleen een stap met message=ID legt bij het afvinken een verzending vast"),
    },
    "message_text_empty": {
        "en": ("the message text is empty", None),
        "nl": ("de tekst van het bericht is leeg", None),
    },
    "bad_date": {
        "en": ("cannot read the date '{value}'", "use YYYY-MM-DD, e.g. 2026-12-31"),
        "nl": ("de datum '{value}' is onleesbaar", "gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-31"),
    },
    # --- exercises (core/exercise/, core/run/exercise_commands.py) ------------------------------
    "not_an_exercise_clock": {
        "en": ("run {run} is not an exercise", "the exercise clock belongs to exercise runs"),
        "nl": ("uitvoering {run} is geen oefening", "de oefenklok hoort bij oefeningen"),
    },
    "not_an_exercise_observe": {
        "en": ("run {run} is not an exercise", "observer notes belong to exercise runs"),
        "nl": ("uitvoering {run} is geen oefening",
               "notities van waarnemers horen bij oefeningen"),
    },
    "not_a_scenario": {
        "en": ("'{scenario}' is not an exercise scenario", None),
        "nl": ("'{scenario}' is geen oefenscenario", None),
    },
    "scenario_needs_library": {
        "en": ("the scenario '{scenario}' cannot be looked up", "open the library first"),
        "nl": ("het scenario '{scenario}' is niet op te zoeken", "open eerst de bibliotheek"),
    },
    "observation_empty": {
        "en": ("the observation is empty", "type what you saw"),
        "nl": ("de waarneming is leeg", "typ wat je zag"),
    },
    "bad_exercise_time": {
        "en": ("cannot read the exercise time '{value}'",
               "write T+HH:MM (hours and minutes), T+HH:MM:SS or T+MM (minutes)"),
        "nl": ("de oefentijd '{value}' is onleesbaar",
               "schrijf T+UU:MM (uren en minuten), T+UU:MM:SS of T+MM (minuten)"),
    },
    "bad_exercise_time_range": {
        "en": ("cannot read the exercise time '{value}'", "minutes and seconds run from 00 to 59"),
        "nl": ("de oefentijd '{value}' is onleesbaar", "minuten en seconden lopen van 00 tot 59"),
    },
    "bad_speed": {
        "en": ("the exercise clock cannot run at ×{speed}", "speeds: {speeds}"),
        "nl": ("de oefenklok kan niet op ×{speed} lopen", "snelheden: {speeds}"),
    },
    "unknown_clock_action": {
        "en": ("unknown exercise clock action '{action}'", "use one of: {actions}"),
        "nl": ("onbekende handeling van de oefenklok '{action}'", "kies uit: {actions}"),
    },
    "clock_needs_speed": {
        "en": ("the exercise clock needs a speed and a time of 0 or more", None),
        "nl": ("de oefenklok heeft een snelheid en een tijd van 0 of meer nodig", None),
    },
    "clock_speed_mismatch": {
        "en": ("an exercise clock '{action}' at speed {speed}",
               "a paused exercise clock has speed 0, a running one more"),
        "nl": ("een oefenklok '{action}' met snelheid {speed}",
               "een gepauzeerde oefenklok heeft snelheid 0, een lopende meer"),
    },
    # --- exports (core/export/) -----------------------------------------------------------------
    "unknown_csv_dialect": {
        "en": ("unknown CSV dialect '{dialect}'", "use excel or excel-nl"),
        "nl": ("onbekend CSV-dialect '{dialect}'", "gebruik excel of excel-nl"),
    },
    "format_needs_exercise": {
        "en": ("the {format} format needs an exercise run", "use --format report for an incident"),
        "nl": ("het formaat {format} vraagt een oefening",
               "gebruik --format report bij een incident"),
    },
    "checklist_format_unknown": {
        "en": ("cannot tell the checklist format from '{name}'",
               "end the file name in .pdf or .html"),
        "nl": ("uit '{name}' is het formaat van de checklist niet af te leiden",
               "laat de bestandsnaam eindigen op .pdf of .html"),
    },
    "unknown_format": {
        "en": ("unknown format '{format}'", "use one of: {formats}"),
        "nl": ("onbekend formaat '{format}'", "kies uit: {formats}"),
    },
    "export_runbook_unreadable": {
        "en": ("the runbook stored with run {run} cannot be read", None),
        "nl": ("het draaiboek dat bij uitvoering {run} is opgeslagen is onleesbaar", None),
    },
    "debrief_needs_exercise": {
        "en": ("the debrief needs an exercise run", "use --format report for an incident"),
        "nl": ("de nabespreking vraagt een oefening", "gebruik --format report bij een incident"),
    },
    "export_cancelled": {
        "en": ("export cancelled: no file was written", None),
        "nl": ("export geannuleerd: er is geen bestand geschreven", None),
    },
    "compare_same_run": {
        "en": ("compare two different runs", "give the id of another run"),
        "nl": ("vergelijk twee verschillende uitvoeringen", "geef het kenmerk van een andere"),
    },
    "compare_other_scenario": {
        "en": ("run {run} played '{played}', not '{expected}'",
               "compare two runs of the same scenario"),
        "nl": ("uitvoering {run} speelde '{played}', niet '{expected}'",
               "vergelijk twee uitvoeringen van hetzelfde scenario"),
    },
}
