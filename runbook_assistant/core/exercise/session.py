"""A tabletop exercise in progress: the scenario's injects, delivered by a simulated clock.

``ExerciseSession`` joins an exercise run, its scenario and a ``SimulatedClock``. ``tick()``
delivers every inject whose time has come as an ``inject_delivered`` event. Which injects went
out is read from the run's events each time, never kept in memory, and the engine refuses to log
an inject twice inside its write transaction, so a restart or a second window on the same
database does not deliver one twice. The clock resumes from the ``exercise_clock`` events it left
in the log. Laptops that each ran the clock and later synced can both have delivered an inject:
``unique_deliveries`` counts such a pair once.

``session.state()`` is the run as the players see it in exercise time: every event moved to its
exercise moment and the timers measured against the simulated clock, so a ×10 exercise makes a
``due=30m`` step overdue after three real minutes and a recurring reminder comes every six.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.exercise.timing import (
    SPEEDS,
    ClockMark,
    ExerciseTimeline,
    SimulatedClock,
)
from runbook_assistant.core.log.clock import Clock, format_wall_time
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.run.exercise_commands import inject_key
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Inject, Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.log.store import RunRecord
    from runbook_assistant.core.run.engine import Engine

__all__ = ["SPEEDS", "ExerciseEngine", "ExerciseSession", "ScheduledInject", "exercise_state",
           "headline", "inject_key", "is_observation", "leader_note", "schedule",
           "unique_deliveries"]


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


def unique_deliveries(events: Iterable[Event]) -> list[Event]:
    """The ``inject_delivered`` events of a log, the first of each inject only.

    One database never logs an inject twice (the engine checks), but two laptops that each ran
    the clock of the same exercise can both have delivered it: once synced, that is one inject.
    """
    seen: set[tuple[int | None, int, str]] = set()
    result = []
    for event in events:
        if event.kind is not EventKind.INJECT_DELIVERED:
            continue
        key = inject_key(event.payload)
        if key not in seen:
            seen.add(key)
            result.append(event)
    return result


def schedule(injects: Sequence[Inject], events: Iterable[Event]) -> list[ScheduledInject]:
    """The scenario's injects in time order, each matched to its delivery in ``events``.

    A delivery matches by time and text, and first of all to the inject at its index in the
    scenario; a delivery left over then matches by time and text alone, so an inject added to
    the scenario during the exercise does not make the ones after it go out again.
    """
    left = unique_deliveries(events)
    ordered_injects = sorted(enumerate(injects), key=lambda pair: (pair[1].offset, pair[0]))
    matched: dict[int, Event] = {}
    for by_index in (True, False):
        for index, inject in ordered_injects:
            if index in matched:
                continue
            wanted = (inject.offset, headline(inject.text))
            for event in left:
                number, offset, text = inject_key(event.payload)
                if (offset, text) == wanted and (not by_index or number in (index, None)):
                    matched[index] = event
                    left.remove(event)
                    break
    result = []
    for index, inject in ordered_injects:
        event = matched.get(index)
        result.append(ScheduledInject(index, inject.offset, headline(inject.text), inject.to,
                                      leader_note(inject.text),
                                      event.id if event else None,
                                      parse_time(event.effective_time) if event else None))
    return result


# --- observer notes ----------------------------------------------------------------------------
def is_observation(event: Event) -> bool:
    """True for an exercise observer's note (marked in its payload, never by its text)."""
    return event.kind is EventKind.NOTE_ADDED and event.payload.get("observer") is True


# --- the session ---------------------------------------------------------------------------------
class ExerciseSession:
    """One exercise run, its scenario (None: an exercise without injects) and its clock."""

    def __init__(self, engine: Engine, run_id: str, scenario: Runbook | None, *,
                 source: Clock | None = None) -> None:
        record = engine.run_record(run_id)
        if record.mode != "exercise":
            raise CommandError.of("not_an_exercise", run=run_id)
        if scenario is not None and scenario.kind != "exercise":
            raise CommandError.of("not_a_scenario", scenario=scenario.id)
        self.engine = engine
        self.run_id = run_id
        self.scenario = scenario
        self.lang = record.lang
        self.source: Clock = source or engine.clock
        state = engine.state(run_id)
        self.started_at: datetime = state.started_at or parse_time(record.created_at)
        self.clock = SimulatedClock(self.source, self.started_at)
        self._events_seen = -1
        self._read()

    @classmethod
    def for_run(cls, engine: Engine, run_id: str, library: Library | None, *,
                source: Clock | None = None) -> ExerciseSession:
        """The session of an exercise run, its scenario looked up in ``library`` by id."""
        record = engine.run_record(run_id)
        scenario = None
        if record.scenario_id:
            if library is None:
                raise CommandError.of("scenario_needs_library", scenario=record.scenario_id)
            scenario = library.get(record.scenario_id)
        return cls(engine, run_id, scenario, source=source)

    # --- reading -------------------------------------------------------------------------------
    def _read(self) -> RunState:
        """The run's state, with the clock brought in line with the log: another window, a
        script or a synced laptop may have changed it since."""
        state = self.engine.state(self.run_id)
        if len(state.events) != self._events_seen:
            self._events_seen = len(state.events)
            self.clock.apply(ExerciseTimeline.of(state.events, self.started_at).last)
        return state

    @property
    def closed(self) -> bool:
        return self.engine.state(self.run_id).closed

    def injects(self) -> list[ScheduledInject]:
        """Every inject of the scenario, delivered or not, in time order."""
        state = self._read()
        if self.scenario is None:
            return []
        return schedule(self.scenario.injects, state.events)

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
        """Deliver every inject that is due at the clock's position; returns their events.

        An inject another window delivered at the same moment is not logged again: its
        event is among those returned.
        """
        if self.scenario is None or self.closed:
            return []
        due = [inject for inject in self.pending() if inject.offset <= self.clock.position()]
        return [self._deliver(inject, actor) for inject in due]

    def jump_to_next(self, actor: str) -> list[Event]:
        """Move the clock ahead to the next inject and deliver it (and any due with it)."""
        upcoming = self.next_inject()
        if upcoming is None:
            raise CommandError.of("all_injects_delivered")
        if upcoming.offset > self.clock.position():
            self._record(self.clock.with_position(upcoming.offset), actor, "jump")
        return self.tick(actor)

    def advance_to(self, position: float, actor: str) -> list[Event]:
        """Set the clock ahead to ``position`` (if it is behind) and deliver what is due."""
        self._read()
        if position > self.clock.position() + 0.5:
            self._record(self.clock.with_position(position), actor, "jump")
        return self.tick(actor)

    def set_speed(self, speed: int, actor: str) -> Event | None:
        """Run at ``speed`` (×1, ×2, ×5, ×10); also resumes a paused clock."""
        self._read()
        if speed == self.clock.speed and not self.clock.paused:
            return None
        action = "resume" if self.clock.paused and speed == self.clock.speed else "speed"
        return self._record(self.clock.with_speed(speed), actor, action)

    @property
    def keeps_running(self) -> bool:
        """Whether the trainer chose at the start that the clock runs on while the app is
        closed (otherwise closing the app pauses it: no burst of injects on reopening)."""
        first = next(iter(self.engine.events(self.run_id)), None)
        return bool(first is not None and first.payload.get("clock_keeps_running"))

    def pause(self, actor: str) -> Event | None:
        self._read()
        if self.clock.paused:
            return None
        return self._record(self.clock.with_pause(True), actor, "pause")

    def resume(self, actor: str) -> Event | None:
        self._read()
        if not self.clock.paused:
            return None
        return self._record(self.clock.with_pause(False), actor, "resume")

    def observe(self, text: str, actor: str, step_id: str | None = None) -> Event:
        """An observer's note (marked as such; the debrief lists those apart)."""
        if not text.strip():
            raise CommandError.of("observation_empty")
        return self.engine.observe(self.run_id, text, actor=actor, step_id=step_id)

    def _deliver(self, inject: ScheduledInject, actor: str) -> Event:
        return self.engine.deliver_inject(self.run_id, inject.offset, inject.text, actor=actor,
                                          to=inject.to, index=inject.index)

    def _record(self, mark: ClockMark, actor: str, action: str) -> Event:
        """Log a clock change, then apply it (from the moment the log says it happened)."""
        event = self.engine.exercise_clock(self.run_id, actor=actor,
                                           speed=0 if mark.paused else mark.speed,
                                           offset=mark.position, action=action)
        self.clock.apply(ClockMark.of_event(event, mark))
        return event


def exercise_state(runbook: Runbook, record: RunRecord, events: Sequence[Event],
                   now: datetime | None = None) -> tuple[RunState, ExerciseTimeline]:
    """A run folded in exercise time, and the timeline that maps real moments to exercise time.

    Every event is moved to its exercise moment (the run's start plus its exercise time), so step
    times, ``current_since`` and timers all count in exercise time. An incident run is folded as
    it is (its exercise time is the time since the start).
    """
    from runbook_assistant.core.run.state import fold

    timeline = run_timeline(record, events)
    moved = [_in_exercise_time(event, timeline) for event in events]
    real = {e.id: parse_time(e.occurred_at or e.wall_time) for e in events}
    return replace(fold(runbook, record, moved, now), real_times=real), timeline


def run_timeline(record: RunRecord, events: Sequence[Event]) -> ExerciseTimeline:
    """The timeline of a run's exercise time, from its start and its clock events."""
    started = next((e for e in events if e.kind is EventKind.RUN_STARTED), None)
    started_at = parse_time(started.effective_time if started else record.created_at)
    return ExerciseTimeline.of(events, started_at, exercise=record.mode == "exercise")


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
