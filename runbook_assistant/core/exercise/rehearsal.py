"""What exercises taught about a runbook: per step, when last rehearsed and how long it takes.

Only exercise runs count: an incident is never a rehearsal. A step counts as rehearsed in a run
when it was checked off (a skip is not a rehearsal). Its duration in that run is the exercise time
from the moment it could start (it became the current step of its section, else its section
entered the checklist) to its check; the typical duration is the median over the exercise runs.

``scenario_from_run`` turns a past run into a scenario draft: its events become injects at their
offsets, for a trainer to edit into an exercise.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import yaml

from runbook_assistant.core.exercise.session import (
    exercise_state,
    is_observation,
    unique_deliveries,
)
from runbook_assistant.core.exercise.timing import ExerciseTimeline
from runbook_assistant.core.formatting import format_offset
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run.kinds import event_type
from runbook_assistant.core.run.state_types import StepState
from runbook_assistant.core.run.timeline import event_text
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine

MAX_OFFSET = 999 * 3600 + 59 * 60 + 59  # T+999:59:59, the longest a scenario can say


@dataclass(frozen=True)
class StepRehearsal:
    """One step of a runbook across its exercise runs."""

    step_id: str
    title: str
    section_title: str
    times: int = 0  # in how many exercise runs it was checked off
    last_rehearsed: datetime | None = None  # start of the latest exercise run that checked it
    durations: tuple[float, ...] = ()  # exercise seconds, one per run where it could be measured

    @property
    def never(self) -> bool:
        return self.times == 0

    @property
    def typical(self) -> float | None:
        """The median duration in seconds (None when never measured)."""
        return statistics.median(self.durations) if self.durations else None


@dataclass(frozen=True)
class Rehearsal:
    """A runbook's rehearsal record: every step, in the runbook's order."""

    runbook_id: str
    title: str
    exercise_runs: int
    last_exercise: datetime | None
    steps: tuple[StepRehearsal, ...]

    @property
    def never_rehearsed(self) -> tuple[StepRehearsal, ...]:
        return tuple(s for s in self.steps if s.never)

    def step(self, step_id: str) -> StepRehearsal | None:
        return next((s for s in self.steps if s.step_id == step_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``exercise rehearsal --json``."""
        def iso(moment: datetime | None) -> str | None:
            return moment.isoformat().replace("+00:00", "Z") if moment else None
        return {
            "runbook_id": self.runbook_id, "title": self.title,
            "exercise_runs": self.exercise_runs, "last_exercise": iso(self.last_exercise),
            "steps": [{"step_id": s.step_id, "title": s.title, "section": s.section_title,
                       "times_rehearsed": s.times, "last_rehearsed": iso(s.last_rehearsed),
                       "typical_seconds": s.typical, "durations": list(s.durations),
                       "never_rehearsed": s.never} for s in self.steps],
            "never_rehearsed": [s.step_id for s in self.never_rehearsed],
        }


def step_duration(step: StepState, section_since: datetime | None) -> float | None:
    """Seconds from when a done step could start to when it was checked (None: unknown)."""
    if step.status != "done" or step.at is None:
        return None
    for start in (step.current_since, section_since):
        if start is not None and start <= step.at:
            return (step.at - start).total_seconds()
    return None


def rehearsal(engine: Engine, runbook: Runbook) -> Rehearsal:
    """The rehearsal record of ``runbook`` from every exercise run of it in the engine's store."""
    found: dict[str, list[tuple[datetime, float | None]]] = {s.id: [] for s in runbook.steps}
    runs = [r for r in engine.store.runs() if r.runbook_id == runbook.id and r.mode == "exercise"]
    last_exercise: datetime | None = None
    for record in runs:
        events = engine.events(record.id)
        state, timeline = exercise_state(engine.runbook_of(record.id), record, events)
        started = timeline.started_at
        last_exercise = max(last_exercise or started, started)
        since = {s.section_id: s.since for s in state.sections}
        for step_id, step in state.steps.items():
            if step_id in found and step.status == "done":
                found[step_id].append((started, step_duration(step, since.get(step.section_id))))
    sections = {s.id: s.title for s in runbook.sections}
    steps = []
    for step in runbook.steps:
        rehearsed = found[step.id]
        steps.append(StepRehearsal(
            step.id, step.title, sections.get(step.section_id, ""), len(rehearsed),
            max((started for started, _ in rehearsed), default=None),
            tuple(d for _, d in rehearsed if d is not None)))
    return Rehearsal(runbook.id, runbook.title, len(runs), last_exercise, tuple(steps))


# --- scenario drafts ---------------------------------------------------------------------------
_DRAFT_WORDS = {
    "en": {"prefix": "exercise", "title": "Exercise — {title}", "goals": "Goals",
           "setup": "Set-up", "injects": "Injects",
           "summary": "Draft made from the run '{title}' of {date}: edit goals and injects before "
                      "you exercise it.",
           "intro": "A draft made from run {run} ({date}) of the runbook *{runbook}*. Every event "
                    "of that run is an inject below, at the time it happened. Keep the ones that "
                    "make the team act, rewrite them as news from outside, and add what the team "
                    "should have done but did not.",
           "goal": "Write what the team should show, one goal a line.",
           "setup_text": "Who plays the outside world, how long the exercise lasts, what the "
                         "players have at hand.",
           "end": "End of the exercise."},
    "nl": {"prefix": "oefening", "title": "Oefening — {title}", "goals": "Doelen",
           "setup": "Opzet", "injects": "Injects",
           "summary": "Concept gemaakt uit de run '{title}' van {date}: pas doelen en injects aan "
                      "voordat je ermee oefent.",
           "intro": "Een concept gemaakt uit run {run} ({date}) van het draaiboek *{runbook}*. "
                    "Elke gebeurtenis uit die run staat hieronder als inject, op het moment dat "
                    "hij gebeurde. Houd de injects die het team aan het werk zetten, herschrijf ze "
                    "als nieuws van buiten, en voeg toe wat het team had moeten doen maar niet "
                    "deed.",
           "goal": "Schrijf op wat het team moet laten zien, één doel per regel.",
           "setup_text": "Wie speelt de buitenwereld, hoe lang duurt de oefening, wat hebben de "
                         "deelnemers bij de hand.",
           "end": "Einde van de oefening."},
}


def scenario_from_run(engine: Engine, run_id: str) -> str:
    """A scenario draft (Markdown) from a past run: its events become injects at their offsets.

    Each inject goes to the role of the step it is about (everyone otherwise); names of people
    are left out. The draft parses without errors; its goals and set-up are left for the trainer.
    """
    run_id = engine.resolve_run(run_id)
    record = engine.run_record(run_id)
    runbook = engine.runbook_of(run_id)
    events = engine.events(run_id)
    state, timeline = exercise_state(runbook, record, events)
    lang = record.lang if record.lang in _DRAFT_WORDS else "en"
    words = _DRAFT_WORDS[lang]
    date = timeline.started_at.astimezone().strftime("%Y-%m-%d")
    # Two laptops that both ran the exercise clock may both have logged an inject: keep one.
    delivered = {e.id for e in unique_deliveries(events)}
    kept = [e for e in events if e.kind is not EventKind.INJECT_DELIVERED or e.id in delivered]
    injects = sorted((inject for inject in (_inject(e, runbook, lang, timeline) for e in kept)
                      if inject is not None), key=lambda pair: pair[0])
    end = timeline.seconds(state.closed_at) if state.closed_at else None
    last = injects[-1][0] if injects else 0
    injects.append((max(end or 0, last + 900), words["end"], None))
    meta: dict[str, Any] = {
        "id": f"{words['prefix']}-{runbook.id}-{date.replace('-', '')}"[:80].rstrip("-"),
        "title": words["title"].format(title=_one_line(record.title)), "version": 1,
        "lang": lang, "kind": "exercise", "runbook": runbook.id,
        "summary": words["summary"].format(title=_one_line(record.title), date=date),
    }
    if runbook.roles:
        meta["roles"] = {role.id: role.name for role in runbook.roles}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    lines = ["---", front.rstrip("\n"), "---", "", f"# {_one_line(meta['title'])}", "",
             words["intro"].format(run=record.id, date=date, runbook=_one_line(runbook.title)), "",
             f"## {words['goals']} {{#goals}}", "", f"- {words['goal']}", "",
             f"## {words['setup']} {{#setup}}", "", words["setup_text"], "",
             f"## {words['injects']} {{#injects}}", ""]
    for offset, text, role in injects:
        target = f" {{to={role}}}" if role else ""
        lines.append(f"- T+{format_offset(min(offset, MAX_OFFSET))} — {text}{target}")
    return "\n".join(lines) + "\n"


def _inject(event: Event, runbook: Runbook, lang: str,
            timeline: ExerciseTimeline) -> tuple[float, str, str | None] | None:
    """(offset, text, role) of the inject an event becomes, or None for bookkeeping events."""
    if not event_type(event.kind).replayed:
        return None
    offset = timeline.event_seconds(event)
    if event.kind is EventKind.INJECT_DELIVERED:  # an exercise's own inject keeps its planned time
        offset = float(event.payload.get("offset", offset))
        text = str(event.payload.get("text", ""))
        role = event.payload.get("to")
    else:
        if is_observation(event):  # in a scenario it is simply something that happened
            event = _without_observer(event)
        text = event_text(event, runbook, lang)
        step = runbook.step(event.step_id) if event.step_id else None
        role = step.role if step is not None else event.payload.get("role")
    text = _one_line(text)
    if not text:
        return None
    declared = {r.id for r in runbook.roles}
    return offset, text, (str(role) if role in declared else None)


def _without_observer(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, payload={k: v for k, v in event.payload.items() if k != "observer"})


def _one_line(text: str) -> str:
    """One line of plain text that cannot be read as markup of the scenario format."""
    flat = " ".join(str(text).split())
    # Braces would be read as an attribute block, a leading marker as a task box or a heading.
    flat = flat.replace("{", "(").replace("}", ")")
    return re.sub(r"^[#>\[\]\-*+]+\s*", "", flat).strip()
