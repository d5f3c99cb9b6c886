"""Words of the exercise debrief, in the run's language (nl or en); the rest comes from ``i18n``."""

from __future__ import annotations

from runbook_assistant.core.i18n import labels

_DEBRIEF: dict[str, dict[str, str]] = {
    "en": {
        "debrief": "Exercise debrief",
        "compare": "Exercise debrief: two runs compared",
        "scenario": "Scenario",
        "no_scenario": "no scenario (an exercise without injects)",
        "exercise_time": "Exercise time",
        "real_time": "Real time",
        "length": "{exercise} of exercise time in {real} real time",
        "clock_changes": "Clock changes",
        "no_clock_changes": "The clock ran at ×1 throughout.",
        "outcome": "Outcome",
        "steps_line": "{done} of {total} steps done or skipped: {on_time} on time, {late} late, "
                      "{missed} missed, {skipped} skipped.",
        "injects_line": "{n} injects delivered; typical time to the first reaction: {median}.",
        "decisions_line": "{n} decisions recorded.",
        "chart": "Planned against actual",
        "chart_intro": "Each line is a step: the open diamond is when it was due, the dot when it "
                       "was done, in exercise time. Dashed lines mark the injects.",
        "chart_empty": "No step had a deadline or was done, so there is nothing to chart.",
        "legend_planned": "planned (due)",
        "legend_on_time": "done on time",
        "legend_late": "done late",
        "legend_missed": "missed",
        "legend_skipped": "skipped",
        "legend_inject": "inject",
        "steps": "Steps: planned and actual",
        "step": "Step",
        "role": "Role",
        "planned": "Planned",
        "actual": "Actual",
        "took": "Took",
        "verdict": "Result",
        "by": "By",
        "v_on_time": "on time",
        "v_late": "late by {t}",
        "v_missed": "missed",
        "v_done": "done",
        "v_skipped": "skipped",
        "v_open": "not done",
        "v_not_reached": "not reached",
        "over_timebox": "over its timebox of {t}",
        "missed_late": "Missed and late steps",
        "none_missed_late": "No step was missed or late.",
        "injects": "Injects and the first reaction",
        "no_injects": "No inject was delivered.",
        "inject": "Inject",
        "to": "To",
        "everyone": "everyone",
        "delivered": "Delivered",
        "reaction": "First reaction",
        "after": "After",
        "no_reaction": "no reaction recorded",
        "decisions": "Decisions and their rationale",
        "observations": "Observer notes",
        "no_observations": "No observer notes.",
        "team_notes": "Notes by the team",
        "goals_hint": "Were the exercise goals met? Put the observations, the analysis, a "
                      "judgement and recommendations per team next to these figures, and turn "
                      "each lesson into an action with an owner.",
        "run_a": "Run A",
        "run_b": "Run B",
        "difference": "Difference",
        "same_scenario": "Both runs played the scenario {scenario}.",
        "faster": "{t} faster",
        "slower": "{t} slower",
        "reactions": "Reactions to injects",
    },
    "nl": {
        "debrief": "Evaluatie van de oefening",
        "compare": "Evaluatie van de oefening: twee uitvoeringen vergeleken",
        "scenario": "Scenario",
        "no_scenario": "geen scenario (een oefening zonder injects)",
        "exercise_time": "Oefentijd",
        "real_time": "Echte tijd",
        "length": "{exercise} oefentijd in {real} echte tijd",
        "clock_changes": "Wijzigingen van de oefenklok",
        "no_clock_changes": "De klok liep de hele oefening op ×1.",
        "outcome": "Uitkomst",
        "steps_line": "{done} van {total} stappen afgerond: {on_time} op tijd, {late} te laat, "
                      "{missed} gemist, {skipped} overgeslagen.",
        "injects_line": "{n} injects gegeven; gebruikelijke tijd tot de eerste reactie: {median}.",
        "decisions_line": "{n} besluiten vastgelegd.",
        "chart": "Gepland tegenover werkelijk",
        "chart_intro": "Elke regel is een stap: de open ruit is wanneer hij klaar moest zijn, de "
                       "stip wanneer hij klaar was, in oefentijd. Stippellijnen zijn de injects.",
        "chart_empty": "Geen stap had een deadline of werd gedaan: er valt niets te tekenen.",
        "legend_planned": "gepland (deadline)",
        "legend_on_time": "op tijd gedaan",
        "legend_late": "te laat gedaan",
        "legend_missed": "gemist",
        "legend_skipped": "overgeslagen",
        "legend_inject": "inject",
        "steps": "Stappen: gepland en werkelijk",
        "step": "Stap",
        "role": "Rol",
        "planned": "Gepland",
        "actual": "Werkelijk",
        "took": "Duur",
        "verdict": "Resultaat",
        "by": "Door",
        "v_on_time": "op tijd",
        "v_late": "{t} te laat",
        "v_missed": "gemist",
        "v_done": "gedaan",
        "v_skipped": "overgeslagen",
        "v_open": "niet gedaan",
        "v_not_reached": "niet aan toegekomen",
        "over_timebox": "langer dan de geplande {t}",
        "missed_late": "Gemiste en te late stappen",
        "none_missed_late": "Geen stap gemist of te laat.",
        "injects": "Injects en de eerste reactie",
        "no_injects": "Er is geen inject gegeven.",
        "inject": "Inject",
        "to": "Aan",
        "everyone": "iedereen",
        "delivered": "Gegeven",
        "reaction": "Eerste reactie",
        "after": "Na",
        "no_reaction": "geen reactie vastgelegd",
        "decisions": "Besluiten en hun onderbouwing",
        "observations": "Notities van waarnemers",
        "no_observations": "Geen notities van waarnemers.",
        "team_notes": "Notities van het team",
        "goals_hint": "Zijn de doelen van de oefening gehaald? Zet de waarnemingen, de analyse, "
                      "een oordeel en aanbevelingen per team naast deze cijfers, en maak van elke "
                      "les een actie met een eigenaar.",
        "run_a": "Uitvoering A",
        "run_b": "Uitvoering B",
        "difference": "Verschil",
        "same_scenario": "Beide uitvoeringen speelden het scenario {scenario}.",
        "faster": "{t} sneller",
        "slower": "{t} langzamer",
        "reactions": "Reacties op injects",
    },
}


def debrief_labels(lang: str) -> dict[str, str]:
    """The export's labels with the debrief's own on top (English for anything missing)."""
    own = {**_DEBRIEF["en"], **_DEBRIEF.get(lang, {})}
    return {**labels(lang), **own}


def span(seconds: float | None) -> str:
    """A stretch of time as people say it: '45 s', '12 min', '1 h 05 min' ('–' for None)."""
    if seconds is None:
        return "–"
    total = round(abs(seconds))
    if total < 60:
        return f"{total} s"
    minutes = total // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def offset(seconds: float | None) -> str:
    """Exercise time as ``T+01:05`` ('–' for None)."""
    if seconds is None:
        return "–"
    minutes = max(0, int(seconds)) // 60
    return f"T+{minutes // 60:02d}:{minutes % 60:02d}"
