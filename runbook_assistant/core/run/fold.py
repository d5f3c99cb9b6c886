"""``RunFolder``: folds a run's events, in order, into a ``RunState``.

Events go in one by one, in fold order (hlc, device_id, seq); ``state(now)`` turns what was gathered
into a ``RunState`` without changing the folder, so the engine can keep one per run and feed it only
the events that arrived since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import fold_key, parse_time
from runbook_assistant.core.run.snapshot import build_state
from runbook_assistant.core.run.state_types import (
    InjectEntry,
    MessageEntry,
    NoteEntry,
    RunState,
    ServiceState,
    StaffingGap,
)
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.log.store import RunRecord


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


class RunFolder:
    """Gathers a run's events in fold order."""

    def __init__(self, runbook: Runbook, run: RunRecord | None = None) -> None:
        self.runbook = runbook
        self.run = run
        self.run_id: str | None = run.id if run is not None else None
        self.events: list[Event] = []
        self.last_key: tuple[str, str, int] | None = None
        self.seen: set[str] = set()
        self.started: Event | None = None
        self.started_at: datetime | None = None
        self.steps: dict[str, StepTrack] = {s.id: StepTrack() for s in runbook.iter_steps()}
        self.decisions: list[DecisionRecord] = []
        self.notes: list[NoteEntry] = []
        self.people: dict[str, PersonTrack] = {}
        self.services: dict[str, ServiceState] = {}
        self.messages: list[MessageEntry] = []
        self.injects: list[InjectEntry] = []
        self.report: dict[str, str] = {}
        self.timers_fired: dict[tuple[str, str], datetime] = {}
        self.closed: Event | None = None
        self.closed_at: datetime | None = None
        self._apply: dict[EventKind, Callable[[Event, datetime], None]] = {
            EventKind.RUN_STARTED: self._run_started,
            EventKind.RUN_CLOSED: self._run_closed,
            EventKind.PARTICIPANT_JOINED: self._joined,
            EventKind.ROLE_ASSIGNED: self._joined,
            EventKind.STEP_CHECKED: self._checked,
            EventKind.STEP_UNCHECKED: self._unchecked,
            EventKind.STEP_SKIPPED: self._skipped,
            EventKind.NOTE_ADDED: self._note,
            EventKind.DECISION_RECORDED: self._decision,
            EventKind.SERVICE_STATUS_CHANGED: self._service,
            EventKind.MESSAGE_SENT: self._message,
            EventKind.TIMER_FIRED: self._timer,
            EventKind.INJECT_DELIVERED: self._inject,
            EventKind.REPORT_DRAFTED: self._report,
        }

    # --- feeding ---------------------------------------------------------------------------------
    def accepts(self, events: Iterable[Event]) -> bool:
        """True when every new one of ``events`` sorts after all events folded so far."""
        if self.last_key is None:
            return True
        return all(fold_key(e) > self.last_key for e in events if e.id not in self.seen)

    def feed(self, events: Iterable[Event]) -> None:
        """Fold events given in fold order (events already folded are skipped)."""
        seen, run_id, apply, append = self.seen, self.run_id, self._apply, self.events.append
        with gc_paused():  # no cycles among what a fold gathers: see gc_pause.py
            for event in events:
                event_id = event.id
                if event_id in seen or (run_id is not None and event.run_id != run_id):
                    continue
                key = (event.hlc, event.device_id, event.seq)  # fold_key, inlined
                last_key = self.last_key
                if last_key is not None and key < last_key:
                    raise ValueError("events must be fed in fold order")
                seen.add(event_id)
                self.last_key = key
                append(event)
                handler = apply.get(event.kind)
                if handler is not None:
                    handler(event, parse_time(event.occurred_at or event.wall_time))

    def state(self, now: datetime | None = None) -> RunState:
        """The run's state at clock time ``now`` (the folder itself is left as it is)."""
        return build_state(self, now)

    # --- event handlers --------------------------------------------------------------------------
    def _run_started(self, event: Event, at: datetime) -> None:
        if self.started is not None:
            return  # only the first start counts; a second one cannot come from the engine
        self.started = event
        self.started_at = at
        for person in event.payload.get("participants") or ():
            self._add_person(str(person.get("name", "")), person.get("role"), at)

    def _run_closed(self, event: Event, at: datetime) -> None:
        if self.closed is None:
            self.closed = event
            self.closed_at = at

    def _joined(self, event: Event, at: datetime) -> None:
        self._add_person(str(event.payload.get("name", "")), event.payload.get("role"), at)

    def _add_person(self, name: str, role: Any, at: datetime) -> None:
        name = name.strip()
        if not name:
            return
        person = self.people.get(person_key(name))
        if person is None:
            person = self.people[person_key(name)] = PersonTrack(name, [], at)
        if role and str(role) not in person.roles:
            person.roles.append(str(role))

    def _track(self, event: Event) -> StepTrack | None:
        return self.steps.get(event.step_id) if event.step_id else None

    def _checked(self, event: Event, at: datetime) -> None:
        track = self._track(event)
        if track is None:
            return
        track.last_check_at = at
        if track.status == "done":
            return  # checked on two laptops: the first check since the step was reopened stays
        self._set(track, event, "done", at)
        verified = event.payload.get("verified_by")
        track.verified_by = str(verified) if verified else None

    def _skipped(self, event: Event, at: datetime) -> None:
        track = self._track(event)
        if track is None or track.status == "skipped":
            return
        self._set(track, event, "skipped", at)
        track.reason = str(event.payload.get("reason", ""))

    def _unchecked(self, event: Event, at: datetime) -> None:
        track = self._track(event)
        if track is None:
            return
        track.status = "open"
        track.by = track.verified_by = track.at = track.event_id = None
        track.reason = ""
        track.late = False
        track.period_start = len(track.decisions)

    def _decision(self, event: Event, at: datetime) -> None:
        track = self._track(event)
        if track is None:
            return
        supersedes = frozenset(str(i) for i in event.payload.get("supersedes") or ())
        track.decisions.append(len(self.decisions))
        self.decisions.append(DecisionRecord(event, at, supersedes))
        self._set(track, event, "done", at)

    @staticmethod
    def _set(track: StepTrack, event: Event, status: str, at: datetime) -> None:
        track.status = status
        track.by = event.actor
        track.at = at
        track.late = event.late
        track.event_id = event.id
        track.verified_by = None
        track.reason = ""

    def _note(self, event: Event, at: datetime) -> None:
        self.notes.append(NoteEntry(str(event.payload.get("text", "")), event.actor, at, event.id,
                                    event.step_id, event.late))

    def _service(self, event: Event, at: datetime) -> None:
        name = str(event.payload.get("service", ""))
        self.services[name] = ServiceState(name, str(event.payload.get("status", "unknown")), at,
                                           str(event.payload.get("note") or ""), event.actor)

    def _message(self, event: Event, at: datetime) -> None:
        p = event.payload
        self.messages.append(MessageEntry(str(p.get("message_id", "")), str(p.get("channel", "")),
                                          str(p.get("audience", "")), str(p.get("text", "")),
                                          event.actor, at, event.id))

    def _timer(self, event: Event, at: datetime) -> None:
        if event.step_id:
            self.timers_fired[(event.step_id, str(event.payload.get("timer", "")))] = at

    def _inject(self, event: Event, at: datetime) -> None:
        p = event.payload
        self.injects.append(InjectEntry(int(p.get("offset", 0)), str(p.get("text", "")),
                                        p.get("to"), at, event.id))

    def _report(self, event: Event, at: datetime) -> None:
        self.report[str(event.payload.get("field", ""))] = str(event.payload.get("text", ""))

    # --- staffing ----------------------------------------------------------------------------
    def shortfall(self) -> tuple[StaffingGap, ...]:
        """Roles with fewer people than the runbook's staffing minimum."""
        return staffing_shortfall(self.runbook, (p.roles for p in self.people.values()))


def staffing_shortfall(runbook: Runbook,
                       roles_per_person: Iterable[Iterable[str]]) -> tuple[StaffingGap, ...]:
    """Compare the staffing minimums with the roles people hold (one person may hold several)."""
    present: dict[str, int] = {}
    for roles in roles_per_person:
        for role in set(roles):
            present[role] = present.get(role, 0) + 1
    return tuple(StaffingGap(role, needed, present.get(role, 0))
                 for role, needed in runbook.staffing if present.get(role, 0) < needed)
