"""The service impact board: per service its status, since when, and how long it was out.

Rows come in the runbook's restore order (the services residents depend on first), then any service
reported that the runbook does not list. Everything is computed from the run's
``service_status_changed`` events, in fold order, so two laptops with the same events show the same
board. A status holds until the next report; the last one holds until ``now`` (or until the run was
closed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import ordered, parse_time
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook

STATUSES = ("up", "degraded", "down", "restored")
IMPAIRED = ("degraded", "down")
WORKING = ("up", "restored")
ZERO = timedelta(0)


@dataclass(frozen=True)
class ServiceChange:
    """One report of a service's status."""

    status: str
    at: datetime
    actor: str
    note: str = ""
    event_id: str = ""


@dataclass(frozen=True)
class ServiceRow:
    """One line of the board.

    ``down_for``/``degraded_for``: total time in that status so far. ``time_to_restore``: from the
    first report of an outage (down, or degraded if it never went down before) to the moment it
    last came back (restored or up); None while it is out or if it never was.
    """

    service: str
    priority: int  # 1 = restored first; services the runbook does not list come last
    status: str = "unknown"
    since: datetime | None = None
    note: str = ""
    by: str | None = None
    down_for: timedelta = ZERO
    degraded_for: timedelta = ZERO
    out_since: datetime | None = None  # first report of down or degraded
    restored_at: datetime | None = None
    time_to_restore: timedelta | None = None
    history: tuple[ServiceChange, ...] = ()
    listed: bool = True  # named in the runbook's services

    @property
    def impaired(self) -> bool:
        return self.status in IMPAIRED

    @property
    def out_for(self) -> timedelta:
        """Time down or degraded, together."""
        return self.down_for + self.degraded_for


def service_board(runbook: Runbook, events: Iterable[Event], now: datetime | None = None,
                  end: datetime | None = None) -> list[ServiceRow]:
    """The board after ``events``. The last status counts until ``end`` (a closed run's close),
    else until ``now``; with neither, open-ended durations count up to the last report."""
    changes: dict[str, list[ServiceChange]] = {}
    for event in ordered(events):
        if event.kind is not EventKind.SERVICE_STATUS_CHANGED:
            continue
        payload = event.payload
        status = str(payload.get("status", ""))
        if status not in STATUSES:
            continue
        at = parse_time(event.occurred_at or event.wall_time)
        changes.setdefault(str(payload.get("service", "")), []).append(
            ServiceChange(status, at, event.actor, str(payload.get("note") or ""), event.id))
    names = list(runbook.services) + [n for n in changes if n not in runbook.services]
    stop = end or now
    return [_row(name, i + 1, tuple(changes.get(name, ())), stop, name in runbook.services)
            for i, name in enumerate(names)]


def board_of(state: RunState) -> list[ServiceRow]:
    """The board of a folded run, at the state's clock time."""
    if state.runbook is None:
        return []
    return service_board(state.runbook, state.events, now=state.now,
                         end=state.closed_at if state.closed else None)


def _row(name: str, priority: int, history: tuple[ServiceChange, ...], stop: datetime | None,
         listed: bool) -> ServiceRow:
    if not history:
        return ServiceRow(name, priority, listed=listed)
    totals = {status: ZERO for status in STATUSES}
    for change, following in zip(history, (*history[1:], None), strict=True):
        until = following.at if following is not None else (stop or change.at)
        # Clocks of two laptops may disagree a little: a negative stretch counts as none.
        totals[change.status] += max(until - change.at, ZERO)
    out_since = next((c.at for c in history if c.status == "down"), None) or next(
        (c.at for c in history if c.status in IMPAIRED), None)
    last = history[-1]
    restored_at = None
    if last.status in WORKING and out_since is not None:
        # The start of the current working stretch: the first report after the last outage.
        last_out = max(i for i, c in enumerate(history) if c.status in IMPAIRED)
        restored_at = history[last_out + 1].at
    since = last.at
    for change in reversed(history[:-1]):  # repeated reports of the same status keep "since"
        if change.status != last.status:
            break
        since = change.at
    return ServiceRow(
        service=name, priority=priority, status=last.status, since=since, note=last.note,
        by=last.actor, down_for=totals["down"], degraded_for=totals["degraded"],
        out_since=out_since, restored_at=restored_at,
        time_to_restore=(max(restored_at - out_since, ZERO)
                         if restored_at is not None and out_since is not None else None),
        history=history, listed=listed)
