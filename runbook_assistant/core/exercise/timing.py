"""Exercise time: the simulated clock of a tabletop exercise, and reading it back from the log.

Exercise time ("T+00:25") counts from the start of the exercise run. The exercise leader may speed
it up (×2, ×5, ×10), pause it or jump ahead to the next inject. Each change is an
``exercise_clock`` event in the run's log (speed, exercise offset at that moment, and what was
done), so the exercise time of any event follows from the log alone: the debrief, the rehearsal
figures and a restarted app all agree. Events themselves keep their real wall time, so the log
stays evidence of what happened when.

``SimulatedClock`` is driven by an injected time source (anything with ``now()``): tests move that
source by hand, nothing here ever sleeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.clock import Clock
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import ordered, parse_time

SPEEDS = (1, 2, 5, 10)

_OFFSET_RE = re.compile(r"^\s*(?:[Tt]\s*\+\s*)?(\d{1,3})(?::(\d\d))?(?::(\d\d))?\s*$")


@dataclass(frozen=True)
class ClockMark:
    """From real moment ``at`` on, exercise time runs from ``position`` (seconds) at ``speed``."""

    at: datetime
    position: float
    speed: float = 1  # kept while paused: resuming runs at it again
    paused: bool = False

    def position_at(self, moment: datetime) -> float:
        """Exercise seconds at real ``moment`` (never before the mark: a clock set back waits)."""
        if self.paused or moment <= self.at:
            return self.position
        return self.position + (moment - self.at).total_seconds() * self.speed


    @classmethod
    def of_event(cls, event: Event, previous: ClockMark) -> ClockMark:
        """The mark an ``exercise_clock`` event sets (a pause keeps the speed it had)."""
        p = event.payload
        speed = _number(p.get("speed"), previous.speed)
        position = _number(p.get("exercise_offset"), previous.position)
        paused = speed == 0
        return cls(parse_time(event.wall_time), position,
                   previous.speed if paused else speed, paused)


def _number(value: object, default: float) -> float:
    """A payload number (an int when it is a whole one, so ×10 reads as ×10)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return int(number) if number.is_integer() else number


# --- text forms -------------------------------------------------------------------------------
def parse_offset(text: str) -> int:
    """``T+01:30``, ``T+01:30:15``, ``T+45`` (minutes) or ``01:30`` as exercise seconds."""
    match = _OFFSET_RE.match(text or "")
    if match is None:
        raise CommandError.of("bad_exercise_time", value=text)
    first, minutes, seconds = match.groups()
    if minutes is None:
        return int(first) * 60
    if int(minutes) > 59 or int(seconds or 0) > 59:
        raise CommandError.of("bad_exercise_time_range", value=text)
    return int(first) * 3600 + int(minutes) * 60 + int(seconds or 0)


# --- reading exercise time back from the log -------------------------------------------------
class ExerciseTimeline:
    """Maps real moments of one run to exercise seconds, from the clock events in its log.

    For an incident (``exercise=False``) exercise time is simply the time since the start.
    """

    def __init__(self, marks: list[ClockMark]) -> None:
        self.marks = marks

    @classmethod
    def of(cls, events: Iterable[Event], started_at: datetime, *,
           exercise: bool = True) -> ExerciseTimeline:
        marks = [ClockMark(started_at, 0.0, 1, False)]
        if exercise:
            for event in ordered(events):
                if event.kind is EventKind.EXERCISE_CLOCK:
                    marks.append(ClockMark.of_event(event, marks[-1]))
        return cls(marks)

    @property
    def started_at(self) -> datetime:
        return self.marks[0].at

    @property
    def last(self) -> ClockMark:
        return self.marks[-1]

    def seconds(self, moment: datetime | None) -> float | None:
        """Exercise seconds at real ``moment`` (None for None)."""
        if moment is None:
            return None
        mark = self.marks[0]
        for candidate in self.marks[1:]:
            if candidate.at > moment:
                break
            mark = candidate
        return mark.position_at(moment)

    def event_seconds(self, event: Event) -> float:
        """Exercise seconds of an event (a late entry counts when it happened)."""
        value = self.seconds(parse_time(event.occurred_at or event.wall_time))
        return value if value is not None else 0.0

    def moment(self, moment: datetime) -> datetime:
        """The moment in exercise time, as a datetime counted from the run's start."""
        return self.started_at + timedelta(seconds=self.seconds(moment) or 0.0)


# --- the live clock ----------------------------------------------------------------------------
class SimulatedClock:
    """Exercise time driven by a real time source; ``now()`` makes it a ``Clock`` for timers.

    ``now()`` is the run's start plus the exercise time, so deadlines counted from the start
    (``due=15m``) fall due in exercise time.
    """

    def __init__(self, source: Clock, started_at: datetime, mark: ClockMark | None = None) -> None:
        self.source = source
        self.started_at = started_at
        self._mark = mark or ClockMark(started_at, 0.0, 1, False)

    @property
    def mark(self) -> ClockMark:
        return self._mark

    @property
    def speed(self) -> float:
        return self._mark.speed

    @property
    def paused(self) -> bool:
        return self._mark.paused

    def position(self) -> float:
        """Exercise seconds now."""
        return self._mark.position_at(self.source.now())

    def now(self) -> datetime:
        return self.started_at + timedelta(seconds=self.position())

    # Each change returns the new mark without applying it: the session records it in the log
    # first and applies it only once that succeeded, so the clock never runs ahead of the log.
    def with_speed(self, speed: int) -> ClockMark:
        """The mark for running at ``speed`` (this also resumes a paused clock)."""
        if speed not in SPEEDS:
            raise CommandError.of("bad_speed", speed=speed,
                                  speeds=", ".join(f"×{s}" for s in SPEEDS))
        return ClockMark(self.source.now(), self.position(), speed, False)

    def with_pause(self, paused: bool = True) -> ClockMark:
        """The mark for pausing (or resuming at the same speed)."""
        return ClockMark(self.source.now(), self.position(), self.speed, paused)

    def with_position(self, position: float) -> ClockMark:
        """The mark for jumping ahead to ``position`` (the clock never goes back)."""
        return ClockMark(self.source.now(), max(float(position), self.position()), self.speed,
                         self.paused)

    def apply(self, mark: ClockMark) -> None:
        self._mark = mark
