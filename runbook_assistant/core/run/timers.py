"""Step timers at a given clock time: ``due`` (from run start), ``timebox`` (from when the step
became current) and ``every`` (a recurring reminder that stays due after the step is done).

Late entries count at the time they happened (their *occurred at*), not when they were typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from runbook_assistant.core.runbook.model import Step

DUE = "due"
TIMEBOX = "timebox"
EVERY = "every"


@dataclass(frozen=True)
class StepTimers:
    """Deadlines of one step and whether one has passed (``overdue_timer`` names which)."""

    due_at: datetime | None = None
    timebox_at: datetime | None = None
    next_reminder_at: datetime | None = None
    overdue_timer: str | None = None

    @property
    def overdue(self) -> bool:
        return self.overdue_timer is not None


def step_timers(step: Step, *, status: str, counts: bool, started_at: datetime | None,
                current_since: datetime | None, last_check_at: datetime | None,
                now: datetime | None, stopped: bool,
                discovered_at: datetime | None = None) -> StepTimers:
    """Compute a step's timers.

    ``discovered_at``: the moment of discovery, for ``due`` timers ``from=discovery`` (the run's
    start while it is not recorded). ``counts``: the step is in the checklist and not in an
    undecided branch; only such steps can be overdue. ``stopped``: the run is closed, so nothing
    is overdue any more. ``now`` None: deadlines only, nothing overdue.
    """
    due_base = (discovered_at or started_at) if step.due_from == "discovery" else started_at
    due_at = due_base + timedelta(seconds=step.due) if step.due and due_base else None
    timebox_at = (current_since + timedelta(seconds=step.timebox)
                  if step.timebox and current_since else None)
    next_reminder_at = None
    if step.every and status != "skipped":
        base = last_check_at or started_at
        if base is not None:
            next_reminder_at = base + timedelta(seconds=step.every)
    overdue: str | None = None
    if now is not None and counts and not stopped:
        if status == "open" and due_at is not None and now > due_at:
            overdue = DUE
        elif status == "open" and timebox_at is not None and now > timebox_at:
            overdue = TIMEBOX
        elif next_reminder_at is not None and now > next_reminder_at:
            overdue = EVERY
    return StepTimers(due_at, timebox_at, next_reminder_at, overdue)
