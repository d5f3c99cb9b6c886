"""What the fold gathers per step, decision and person while it reads a run's events.

The event kinds' fold functions (``kinds/``) fill these; ``snapshot.py`` turns them into the
``RunState`` people see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from runbook_assistant.core.log.events import Event


@dataclass(slots=True)
class StepTrack:
    """What the events said about one step so far."""

    status: str = "open"
    by: str | None = None
    verified_by: str | None = None
    at: datetime | None = None
    reason: str = ""
    late: bool = False
    event_id: str | None = None
    last_check_at: datetime | None = None  # for recurring reminders: outlives a reopen
    decisions: list[int] = field(default_factory=list)  # indexes into RunFolder.decisions
    period_start: int = 0  # decisions before this index were undone by a reopen
    outcome: str | None = None  # a check step's recorded outcome (CHECK_OUTCOMES)

    def settle(self, event: Event, status: str, at: datetime) -> None:
        """The step is ``status`` (done, skipped) by ``event``: who, when, nothing else yet."""
        self.status = status
        self.by = event.actor
        self.at = at
        self.late = event.occurred_at is not None  # event.late, without the call
        self.event_id = event.id
        self.verified_by = None
        self.reason = ""
        self.outcome = None


@dataclass(slots=True)
class DecisionRecord:
    """A decision event as gathered; snapshot works out which is current and which conflict."""

    event: Event
    at: datetime
    supersedes: frozenset[str]

    @property
    def option(self) -> str:
        return str(self.event.payload.get("option", ""))


@dataclass(slots=True)
class PersonTrack:
    name: str
    roles: list[str]
    joined_at: datetime | None


def person_key(name: str) -> str:
    """Names match case-insensitively, ignoring surrounding blanks."""
    return name.strip().casefold()
