"""The figures of an exercise debrief, worked out from the run's events in exercise time.

Per step: when it was due (planned) and when it was done (actual), and so which steps were late or
missed. Per inject: when it went out and the reaction the scenario expects of it (``expect=``),
judged met, late or missed against the events that *are* that reaction, never simply the next
event. The scenario's goals and debrief questions, the messages sent, decisions with their
rationale, every rule set aside (an override: who, why, what the rule refused), observer notes,
the lessons (the run's action items, with owner and date) and how the exercise clock ran. An
inject that two laptops both delivered (each ran the clock; their logs were synced later) counts
once, at its first delivery. ``compare`` puts two runs of one scenario side by side.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime

from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.exercise.expectations import (
    debrief_questions,
    judge,
    scenario_goals,
)
from runbook_assistant.core.exercise.rehearsal import step_duration
from runbook_assistant.core.exercise.session import (
    exercise_state,
    is_observation,
    schedule,
    unique_deliveries,
)
from runbook_assistant.core.exercise.timing import ExerciseTimeline
from runbook_assistant.core.export.run_data import RunData
from runbook_assistant.core.formatting import exercise_moment
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import ordered, parse_time
from runbook_assistant.core.run.paperwork import ActionItem, action_items
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.run.timeline import event_text
from runbook_assistant.core.runbook.model import Inject, Runbook


@dataclass(frozen=True)
class StepFigure:
    """One step on the path the run took: planned and actual, in exercise seconds."""

    step_id: str
    title: str
    role: str
    planned: float | None  # its due time
    actual: float | None  # when it was checked or skipped
    verdict: str  # on_time | late | missed | done | skipped | open | not_reached
    by: str = ""
    took: float | None = None  # from when it could start to its check
    timebox: float | None = None

    @property
    def late_by(self) -> float | None:
        if self.verdict == "late" and self.planned is not None and self.actual is not None:
            return self.actual - self.planned
        return None

    @property
    def over_timebox(self) -> bool:
        return self.timebox is not None and self.took is not None and self.took > self.timebox

    @property
    def charted(self) -> bool:
        return self.planned is not None or self.actual is not None


@dataclass(frozen=True)
class InjectFigure:
    """One delivered inject and the reaction its scenario expected (``verdict`` "" when the
    scenario states none): met, late, missed, or waiting while the exercise runs."""

    number: int
    offset: float  # planned, from the scenario
    delivered: float
    text: str
    to: str  # the role's name ('' for everyone)
    reaction: float | None = None  # seconds from delivery to the expected reaction
    reaction_text: str = ""  # the event that completed the expected reaction
    reaction_actor: str = ""
    expected: tuple[str, ...] = ()  # what was expected, in readable words
    within: float | None = None
    verdict: str = ""
    missing: tuple[str, ...] = ()  # expected and not done, in readable words
    delivered_wall: datetime | None = None  # the real moment of delivery


@dataclass(frozen=True)
class MessageFigure:
    at: float
    title: str
    channel: str
    audience: str
    actor: str
    wall: datetime | None = None  # the real moment, beside the exercise time


@dataclass(frozen=True)
class DecisionFigure:
    at: float
    step_title: str
    label: str
    rationale: str
    owner: str
    actor: str
    in_force: bool
    wall: datetime | None = None


@dataclass(frozen=True)
class OverrideFigure:
    """A four-eyes or staffing rule set aside for one step, in exercise seconds."""

    at: float
    step_id: str
    step_title: str
    by: str
    reason: str
    refused: str  # what the engine would have refused
    wall: datetime | None = None  # the real moment, beside the exercise time


@dataclass(frozen=True)
class NoteFigure:
    at: float
    actor: str
    text: str
    step_title: str = ""
    wall: datetime | None = None


@dataclass(frozen=True)
class ClockChange:
    at: float  # exercise seconds
    real: datetime
    text: str


@dataclass
class Debrief:
    """Everything a debrief shows about one exercise run."""

    data: RunData
    state: RunState  # in exercise time
    timeline: ExerciseTimeline
    end: float  # exercise seconds at the close (or the last event)
    real_seconds: float
    steps: list[StepFigure] = field(default_factory=list)
    injects: list[InjectFigure] = field(default_factory=list)
    decisions: list[DecisionFigure] = field(default_factory=list)
    overrides: list[OverrideFigure] = field(default_factory=list)
    observations: list[NoteFigure] = field(default_factory=list)
    team_notes: list[NoteFigure] = field(default_factory=list)
    clock: list[ClockChange] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    messages: list[MessageFigure] = field(default_factory=list)

    def moment(self, seconds: float | None, wall: datetime | None = None) -> str:
        """``T+00:12 (14:32)``: exercise time and, when known, the real clock time."""
        return exercise_moment(seconds, self.data.hm(wall) if wall is not None else "")
    lessons: list[ActionItem] = field(default_factory=list)  # the run's action items

    def count(self, verdict: str) -> int:
        return sum(1 for s in self.steps if s.verdict == verdict)

    @property
    def done(self) -> int:
        """Steps done or skipped, counted as the run's progress counts them."""
        return self.state.done

    @property
    def total(self) -> int:
        """Steps in the checklist (a branch not yet decided and open optional steps left out)."""
        return self.state.total

    @property
    def missed_or_late(self) -> list[StepFigure]:
        return [s for s in self.steps if s.verdict in ("missed", "late") or s.over_timebox]

    def reactions(self, verdict: str) -> int:
        """How many injects' expected reactions ended with ``verdict``."""
        return sum(1 for i in self.injects if i.verdict == verdict)

    @property
    def overridden(self) -> set[str]:
        """The ids of the steps checked with a rule set aside."""
        return {o.step_id for o in self.overrides}

    @property
    def median_reaction(self) -> float | None:
        values = [i.reaction for i in self.injects if i.reaction is not None]
        return statistics.median(values) if values else None

    @property
    def scenario_id(self) -> str | None:
        return self.data.record.scenario_id


def build_debrief(data: RunData) -> Debrief:
    """The debrief figures of an exercise run (``ExportError`` for an incident)."""
    if not data.exercise:
        raise ExportError.of("debrief_needs_exercise")
    events = ordered(data.events)
    state, timeline = exercise_state(data.runbook, data.record, events)
    start = timeline.started_at

    def sec(moment: datetime | None) -> float | None:
        return (moment - start).total_seconds() if moment is not None else None

    seconds = [timeline.event_seconds(e) for e in events]
    end = (sec(state.closed_at) if state.closed else None) or max(seconds, default=0.0)
    last_real = max((e.wall_time for e in events), default=data.record.created_at)
    debrief = Debrief(data, state, timeline, end,
                      (parse_time(last_real) - start).total_seconds())
    since = {s.section_id: s.since for s in state.sections}
    for spec in data.runbook.steps:
        step = state.step(spec.id)
        if step is None or not step.active:
            continue  # a branch not taken is not part of this exercise
        planned = float(spec.due) if spec.due is not None else None
        actual = sec(step.at) if step.status != "open" else None
        debrief.steps.append(StepFigure(
            spec.id, spec.title, data.runbook.role_name(spec.role), planned, actual,
            _verdict(step.status, planned, actual, end, pending=step.pending,
                     optional=spec.optional),
            step.by or "", step_duration(step, since.get(step.section_id)),
            float(spec.timebox) if spec.timebox else None))
    scenario = data.scenario
    if scenario is not None:
        debrief.goals = scenario_goals(scenario)
        debrief.questions = debrief_questions(scenario)
    debrief.lessons = action_items(events)
    _events(debrief, events, seconds, _expectations(scenario, events))
    real = {e.id: _real(e) for e in events}
    for entry in state.decisions:
        step = data.runbook.step(entry.step_id)
        debrief.decisions.append(DecisionFigure(
            sec(entry.at) or 0.0, step.title if step else entry.step_id, entry.label,
            entry.rationale, entry.owner, entry.actor, entry.current,
            real.get(entry.event_id)))
    for entry in state.overrides:  # every one, also when the step was reopened afterwards
        step = data.runbook.step(entry.step_id)
        debrief.overrides.append(OverrideFigure(
            sec(entry.at) or 0.0, entry.step_id, step.title if step else entry.step_id,
            entry.by, entry.reason, entry.refused, real.get(entry.event_id)))
    return debrief


def _verdict(status: str, planned: float | None, actual: float | None, end: float, *,
             pending: bool, optional: bool) -> str:
    if status == "skipped":
        return "skipped"
    if status == "done":
        if planned is None or actual is None:
            return "done"
        return "late" if actual > planned else "on_time"
    if pending:
        return "not_reached"
    if planned is not None and planned <= end and not optional:
        return "missed"
    return "open" if planned is None or planned <= end else "not_reached"


def _expectations(scenario: Runbook | None, events: list[Event]) -> dict[str, Inject]:
    """The scenario's inject behind each delivery event (by event id)."""
    if scenario is None:
        return {}
    by_index = dict(enumerate(scenario.injects))
    return {s.event_id: by_index[s.index] for s in schedule(scenario.injects, events)
            if s.event_id is not None}


def _events(debrief: Debrief, events: list[Event], seconds: list[float],
            expectations: dict[str, Inject]) -> None:
    """Injects with their expected reaction, messages, notes and clock changes, in one pass."""
    runbook, lang = debrief.data.runbook, debrief.data.lang
    delivered = {e.id for e in unique_deliveries(events)}
    for index, event in enumerate(events):
        at = seconds[index]
        if event.kind is EventKind.INJECT_DELIVERED and event.id in delivered:
            debrief.injects.append(_inject_figure(debrief, event, at, expectations.get(event.id),
                                                  events, seconds))
        elif event.kind is EventKind.MESSAGE_SENT:
            p = event.payload
            template = runbook.message(str(p.get("message_id", "")))
            debrief.messages.append(MessageFigure(
                at, template.title if template and template.title else str(p.get("message_id")),
                str(p.get("channel", "")), str(p.get("audience", "")), event.actor,
                _real(event)))
        elif event.kind is EventKind.EXERCISE_CLOCK:
            debrief.clock.append(ClockChange(at, parse_time(event.wall_time),
                                             event_text(event, runbook, lang)))
        elif event.kind is EventKind.NOTE_ADDED:
            text = str(event.payload.get("text", ""))
            step = runbook.step(event.step_id) if event.step_id else None
            title = step.title if step else ""
            notes = debrief.observations if is_observation(event) else debrief.team_notes
            notes.append(NoteFigure(at, event.actor, text, title, _real(event)))


def _inject_figure(debrief: Debrief, event: Event, at: float, inject: Inject | None,
                   events: list[Event], seconds: list[float]) -> InjectFigure:
    runbook, lang = debrief.data.runbook, debrief.data.lang
    p = event.payload
    number = len(debrief.injects) + 1
    to = runbook.role_name(str(p["to"])) if p.get("to") else ""
    base = InjectFigure(number, float(p.get("offset", 0)), at, str(p.get("text", "")), to,
                        delivered_wall=_real(event))
    if inject is None or not inject.expect:
        return base
    closed = debrief.state.closed
    reaction = judge(inject, at, events, seconds, debrief.end, closed=closed)
    found = reaction.event
    return InjectFigure(
        number, base.offset, at, base.text, to, reaction.seconds,
        event_text(found, runbook, lang) if found is not None else "",
        found.actor if found is not None else "",
        tuple(_expected_name(runbook, item) for item in inject.expect),
        float(inject.within) if inject.within is not None else None, reaction.verdict,
        tuple(_expected_name(runbook, item) for item in reaction.missing), base.delivered_wall)


def _real(event: Event) -> datetime:
    """The real moment of an event (when it happened, for a late entry)."""
    return parse_time(event.occurred_at or event.wall_time)


def _expected_name(runbook: Runbook, item: str) -> str:
    """A step's title or a message's title for an ``expect=`` id (the id itself if unknown)."""
    if item.startswith("message:"):
        template = runbook.message(item.removeprefix("message:"))
        return (template.title or template.id) if template is not None else item
    step = runbook.step(item)
    return step.title if step is not None else item


# --- two runs side by side ---------------------------------------------------------------------
@dataclass(frozen=True)
class StepPair:
    step_id: str
    title: str
    planned: float | None
    a: StepFigure | None
    b: StepFigure | None

    @property
    def difference(self) -> float | None:
        """B's actual minus A's (negative: B was faster)."""
        if self.a is None or self.b is None or self.a.actual is None or self.b.actual is None:
            return None
        return self.b.actual - self.a.actual


@dataclass(frozen=True)
class InjectPair:
    offset: float
    text: str
    to: str
    a: InjectFigure | None
    b: InjectFigure | None


@dataclass(frozen=True)
class Comparison:
    a: Debrief
    b: Debrief
    steps: list[StepPair]
    injects: list[InjectPair]


def compare(a: Debrief, b: Debrief) -> Comparison:
    """Two runs of the same scenario side by side (``ExportError`` when the scenarios differ)."""
    if a.data.record.id == b.data.record.id:
        raise ExportError.of("compare_same_run")
    if a.scenario_id != b.scenario_id or a.data.record.runbook_id != b.data.record.runbook_id:
        raise ExportError.of("compare_other_scenario", run=b.data.record.id,
                             played=b.scenario_id or b.data.record.runbook_id,
                             expected=a.scenario_id or a.data.record.runbook_id)
    by_b = {s.step_id: s for s in b.steps}
    steps = [StepPair(s.step_id, s.title, s.planned, s, by_b.pop(s.step_id, None))
             for s in a.steps]
    steps += [StepPair(s.step_id, s.title, s.planned, None, s) for s in by_b.values()]
    pool = {(i.offset, i.text): i for i in reversed(b.injects)}
    injects = []
    for inject in a.injects:
        match = pool.pop((inject.offset, inject.text), None)
        injects.append(InjectPair(inject.offset, inject.text, inject.to, inject, match))
    injects += [InjectPair(i.offset, i.text, i.to, None, i) for i in pool.values()]
    injects.sort(key=lambda pair: pair.offset)
    return Comparison(a, b, steps, injects)
