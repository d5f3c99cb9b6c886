"""A tabletop exercise in progress: the scenario's injects, delivered by a simulated clock.

``ExerciseSession`` joins an exercise run, its scenario and a ``SimulatedClock``. ``tick()``
delivers every inject whose time has come as an ``inject_delivered`` event. Which injects went
out is read from the run's events each time, never kept in memory, so a restart (or a second
window on the same database) does not deliver one twice, and the clock resumes from the notes it
left in the log.

``session.state()`` is the run as the players see it in exercise time: every event moved to its
exercise moment and the timers measured against the simulated clock, so a ×10 exercise makes a
``due=30m`` step overdue after three real minutes and a recurring reminder comes every six.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.clock import Clock, format_wall_time
from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.events import Event, EventKind
from runbook_assistant.core.exercise_time import (
    SPEEDS,
    ClockMark,
    ExerciseTimeline,
    SimulatedClock,
    clock_note,
)
from runbook_assistant.core.model import Inject, Runbook
from runbook_assistant.core.ordering import parse_time
from runbook_assistant.core.state_types import InjectEntry, RunState

if TYPE_CHECKING:
    from runbook_assistant.core.engine import Engine
    from runbook_assistant.core.library import Library
    from runbook_assistant.core.store import RunRecord

__all__ = ["SPEEDS", "ExerciseEngine", "ExerciseSession", "ScheduledInject", "exercise_state",
           "headline", "is_observation", "leader_note", "observation_note", "observation_text",
           "schedule"]

_OBSERVATION = {"en": "Observation: ", "nl": "Waarneming: "}


# --- the schedule ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ScheduledInject:
    """One inject of the scenario and whether it went out (``event_id`` of its delivery)."""

    index: int
    offset: int
    text: str  # what the players are told (the inject's first paragraph)
    to: str | None
    leader_note: str = ""  # lines indented under the inject: for the exercise leader only
    event_id: str | None = None
    delivered_at: datetime | None = None

    @property
    def delivered(self) -> bool:
        return self.event_id is not None


def headline(text: str) -> str:
    """What the players are told: an inject's text up to its first blank line."""
    return text.split("\n\n", 1)[0].strip()


def leader_note(text: str) -> str:
    """The exercise leader's instructions under an inject ("" when none)."""
    parts = text.split("\n\n", 1)
    return parts[1].strip() if len(parts) > 1 else ""


def schedule(injects: Sequence[Inject], delivered: Iterable[InjectEntry]) -> list[ScheduledInject]:
    """The scenario's injects in time order, each matched to a delivery in the log (if any).

    A delivery matches by time and text; two identical injects need two deliveries.
    """
    pool: dict[tuple[int, str], list[InjectEntry]] = {}
    for entry in delivered:
        pool.setdefault((int(entry.offset), entry.text.strip()), []).append(entry)
    result = []
    ordered_injects = sorted(enumerate(injects), key=lambda pair: (pair[1].offset, pair[0]))
    for index, inject in ordered_injects:
        text = headline(inject.text)
        matches = pool.get((inject.offset, text))
        entry = matches.pop(0) if matches else None
        result.append(ScheduledInject(index, inject.offset, text, inject.to,
                                      leader_note(inject.text),
                                      entry.event_id if entry else None,
                                      entry.at if entry else None))
    return result


# --- observer notes ----------------------------------------------------------------------------
def observation_note(text: str, lang: str) -> str:
    """The note text for an observer's remark (marked, so the debrief can list them apart)."""
    return _OBSERVATION.get(lang, _OBSERVATION["en"]) + text.strip()


def is_observation(text: str) -> bool:
    return any(text.startswith(prefix) for prefix in _OBSERVATION.values())


def observation_text(text: str) -> str:
    """An observation without its mark."""
    for prefix in _OBSERVATION.values():
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


# --- the session ---------------------------------------------------------------------------------
class ExerciseSession:
    """One exercise run, its scenario (None: an exercise without injects) and its clock."""

    def __init__(self, engine: Engine, run_id: str, scenario: Runbook | None, *,
                 source: Clock | None = None) -> None:
        record = engine.run_record(run_id)
        if record.mode != "exercise":
            raise CommandError(f"run {run_id} is not an exercise",
                               hint="injects and the exercise clock belong to exercise runs")
        if scenario is not None and scenario.kind != "exercise":
            raise CommandError(f"'{scenario.id}' is not an exercise scenario")
        self.engine = engine
        self.run_id = run_id
        self.scenario = scenario
        self.lang = record.lang
        self.source: Clock = source or engine.clock
        state = engine.state(run_id)
        self.started_at: datetime = state.started_at or parse_time(record.created_at)
        timeline = ExerciseTimeline.of(engine.events(run_id), self.started_at)
        self.clock = SimulatedClock(self.source, self.started_at, timeline.last)

    @classmethod
    def for_run(cls, engine: Engine, run_id: str, library: Library | None, *,
                source: Clock | None = None) -> ExerciseSession:
        """The session of an exercise run, its scenario looked up in ``library`` by id."""
        record = engine.run_record(run_id)
        scenario = None
        if record.scenario_id:
            if library is None:
                raise CommandError(f"the scenario '{record.scenario_id}' cannot be looked up",
                                   hint="open the library first")
            scenario = library.get(record.scenario_id)
        return cls(engine, run_id, scenario, source=source)

    # --- reading -------------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self.engine.state(self.run_id).closed

    def injects(self) -> list[ScheduledInject]:
        """Every inject of the scenario, delivered or not, in time order."""
        if self.scenario is None:
            return []
        return schedule(self.scenario.injects, self.engine.state(self.run_id).injects)

    def pending(self) -> list[ScheduledInject]:
        return [i for i in self.injects() if not i.delivered]

    def next_inject(self) -> ScheduledInject | None:
        """The first inject not yet delivered (None when all went out)."""
        return next(iter(self.pending()), None)

    @property
    def finished(self) -> bool:
        """Every inject delivered (an exercise without a scenario is never finished by itself)."""
        return self.scenario is not None and not self.pending()

    def timeline(self) -> ExerciseTimeline:
        return ExerciseTimeline.of(self.engine.events(self.run_id), self.started_at)

    def state(self, now: datetime | None = None) -> RunState:
        """The run in exercise time (see the module text); ``now`` defaults to the clock's."""
        state, _timeline = exercise_state(self.engine.runbook_of(self.run_id),
                                          self.engine.run_record(self.run_id),
                                          self.engine.events(self.run_id),
                                          now or self.clock.now())
        return state

    # --- delivering ----------------------------------------------------------------------------
    def tick(self, actor: str) -> list[Event]:
        """Deliver every inject that is due at the clock's position; returns their events."""
        if self.scenario is None or self.closed:
            return []
        position = self.clock.position()
        return [self._deliver(inject, actor) for inject in self.pending()
                if inject.offset <= position]

    def jump_to_next(self, actor: str) -> list[Event]:
        """Move the clock ahead to the next inject and deliver it (and any due with it)."""
        upcoming = self.next_inject()
        if upcoming is None:
            raise CommandError("every inject of this exercise has been delivered")
        if upcoming.offset > self.clock.position():
            self._record(self.clock.with_position(upcoming.offset), actor, "jump")
        return self.tick(actor)

    def advance_to(self, position: float, actor: str) -> list[Event]:
        """Set the clock ahead to ``position`` (if it is behind) and deliver what is due."""
        if position > self.clock.position() + 0.5:
            self._record(self.clock.with_position(position), actor, "moved")
        return self.tick(actor)

    def set_speed(self, speed: int, actor: str) -> Event | None:
        """Run at ``speed`` (×1, ×2, ×5, ×10); also resumes a paused clock."""
        if speed == self.clock.speed and not self.clock.paused:
            return None
        return self._record(self.clock.with_speed(speed), actor)

    def pause(self, actor: str) -> Event | None:
        if self.clock.paused:
            return None
        return self._record(self.clock.with_pause(True), actor)

    def resume(self, actor: str) -> Event | None:
        if not self.clock.paused:
            return None
        return self._record(self.clock.with_pause(False), actor)

    def observe(self, text: str, actor: str, step_id: str | None = None) -> Event:
        """An observer's note (listed apart in the debrief)."""
        if not text.strip():
            raise CommandError("the observation is empty", hint="type what you saw")
        return self.engine.note(self.run_id, observation_note(text, self.lang), actor=actor,
                                step_id=step_id)

    def _deliver(self, inject: ScheduledInject, actor: str) -> Event:
        return self.engine.deliver_inject(self.run_id, inject.offset, inject.text, actor=actor,
                                          to=inject.to)

    def _record(self, mark: ClockMark, actor: str, reason: str = "") -> Event:
        """Log a clock change, then apply it (from the moment the log says it happened)."""
        event = self.engine.note(self.run_id, clock_note(mark, self.lang, reason), actor=actor)
        self.clock.apply(replace(mark, at=parse_time(event.wall_time)))
        return event


def exercise_state(runbook: Runbook, record: RunRecord, events: Sequence[Event],
                   now: datetime | None = None) -> tuple[RunState, ExerciseTimeline]:
    """A run folded in exercise time, and the timeline that maps real moments to exercise time.

    Every event is moved to its exercise moment (the run's start plus its exercise time), so step
    times, ``current_since`` and timers all count in exercise time. An incident run is folded as
    it is (its exercise time is the time since the start).
    """
    from runbook_assistant.core.state import fold

    started = next((e for e in events if e.kind is EventKind.RUN_STARTED), None)
    started_at = parse_time(started.effective_time if started else record.created_at)
    timeline = ExerciseTimeline.of(events, started_at, exercise=record.mode == "exercise")
    moved = [_in_exercise_time(event, timeline) for event in events]
    return fold(runbook, record, moved, now), timeline


def _in_exercise_time(event: Event, timeline: ExerciseTimeline) -> Event:
    wall = timeline.moment(parse_time(event.wall_time))
    occurred = timeline.moment(parse_time(event.occurred_at)) if event.occurred_at else None
    if occurred is not None and occurred >= wall:  # keep a late entry earlier than its record
        occurred = wall - timedelta(milliseconds=1)
    return replace(event, wall_time=format_wall_time(wall),
                   occurred_at=format_wall_time(occurred) if occurred else None)


class ExerciseEngine:
    """The engine as an exercise run's views should see it: that run's state in exercise time,
    and the simulated clock as the clock. Everything else is the engine itself."""

    def __init__(self, engine: Engine, session: ExerciseSession) -> None:
        self._engine = engine
        self.session = session

    @property
    def clock(self) -> SimulatedClock:
        return self.session.clock

    @property
    def real(self) -> Engine:
        return self._engine

    def state(self, run_id: str, now: datetime | None = None) -> RunState:
        if run_id == self.session.run_id:
            return self.session.state(now)
        return self._engine.state(run_id, now)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)
