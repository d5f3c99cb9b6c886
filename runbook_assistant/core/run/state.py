"""The state of a run: a pure fold over its events.

``fold(runbook, run, events, now)`` sorts the events by (hlc, device_id, seq) first, so the same
event set gives the same state whatever order it was delivered in. ``RunFolder`` does the same work
incrementally (the engine keeps one per open run and feeds it only new events).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.events import Event
from runbook_assistant.core.log.ordering import ordered
from runbook_assistant.core.run.fold import RunFolder
from runbook_assistant.core.run.state_types import (
    DecisionEntry,
    InjectEntry,
    MessageEntry,
    NoteEntry,
    Participant,
    RunState,
    SectionProgress,
    ServiceState,
    StaffingGap,
    StepState,
)
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.log.store import RunRecord

__all__ = [
    "DecisionEntry",
    "InjectEntry",
    "MessageEntry",
    "NoteEntry",
    "Participant",
    "RunFolder",
    "RunState",
    "SectionProgress",
    "ServiceState",
    "StaffingGap",
    "StepState",
    "fold",
    "state_to_dict",
]


def fold(runbook: Runbook, run: RunRecord | None, events: Iterable[Event],
         now: datetime | None = None) -> RunState:
    """The state of ``run`` after ``events`` (any order; duplicates ignored) at clock time ``now``.

    With ``now`` None deadlines are computed but nothing counts as overdue. Events of other runs
    are ignored when ``run`` is given.
    """
    folder = RunFolder(runbook, run)
    folder.feed_all(ordered(events))
    return folder.state(now)


def state_to_dict(state: RunState) -> dict[str, Any]:
    """The state as JSON-able data (times as ISO text), for ``run show --json`` and exports."""
    return _plain(_public(state))


def _public(state: RunState) -> dict[str, Any]:
    names = [n for n in RunState.__dataclass_fields__ if n not in ("events", "runbook")]
    data = {name: getattr(state, name) for name in names}
    data["steps"] = list(state.steps.values())
    data["timers_fired"] = [
        {"step_id": step_id, "timer": timer, "at": at}
        for (step_id, timer), at in state.timers_fired.items()
    ]
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_wall_time(value)
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, StaffingGap):
        return {"role": value.role, "needed": value.needed, "present": value.present}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
