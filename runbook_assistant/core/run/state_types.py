"""The records a run's state is made of (frozen, so views can hold them safely).

Times are aware datetimes in UTC; a late entry counts at the time it happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from runbook_assistant.core.log.events import Event
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.run.timeline import TimelineRow


@dataclass(frozen=True)
class StepState:
    """One step of the checklist.

    ``active``: in the checklist (not in a branch that was not taken); ``pending``: in a branch
    whose decision is not made yet. ``by``/``at`` say who set the status and when (for a step
    checked on two laptops: the first check since it was last reopened).
    """

    step_id: str
    section_id: str
    title: str
    status: str = "open"  # "open" | "done" | "skipped"
    by: str | None = None
    verified_by: str | None = None
    at: datetime | None = None
    reason: str = ""
    late: bool = False  # the status was set by an entry typed in afterwards
    event_id: str | None = None
    active: bool = True
    pending: bool = False
    optional: bool = False
    current_since: datetime | None = None  # when the step became current (None: not yet)
    due_at: datetime | None = None
    timebox_at: datetime | None = None
    next_reminder_at: datetime | None = None
    overdue: bool = False
    overdue_timer: str | None = None  # "due" | "timebox" | "every"

    def __eq__(self, other: object) -> bool:
        # Field by field, like the generated __eq__, but in C: views compare every step of the
        # old and the new state after each command. (The fields are all the instance holds.)
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__dict__ == other.__dict__

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def counts(self) -> bool:
        """In the checklist and not waiting for a decision."""
        return self.active and not self.pending


@dataclass(frozen=True)
class SectionProgress:
    """Progress of one section: done (checked or skipped) of ``total`` counted steps.

    Optional steps count only once done or skipped. ``waiting_for`` names the decision step a
    pending section waits for; ``since`` is when the section entered the checklist.
    """

    section_id: str
    title: str
    done: int
    total: int
    active: bool = True
    pending: bool = False
    waiting_for: str | None = None
    since: datetime | None = None

    @property
    def complete(self) -> bool:
        return self.done >= self.total


@dataclass(frozen=True)
class DecisionEntry:
    """One recorded decision. Every decision stays in the log.

    ``current``: it is the choice the run follows now (undone decisions and settled conflicts are
    not). ``conflict``: laptops recorded different choices without seeing each other's; the last
    by clock is followed until someone records a new decision.
    """

    step_id: str
    option: str  # the target section id
    label: str
    rationale: str
    owner: str
    revisit_by: str | None
    actor: str
    at: datetime
    event_id: str
    device_id: str
    late: bool = False
    current: bool = False
    conflict: bool = False
    withdrawn: bool = False  # the decision step was reopened after it


@dataclass(frozen=True)
class NoteEntry:
    text: str
    actor: str
    at: datetime
    event_id: str
    step_id: str | None = None
    late: bool = False


@dataclass(frozen=True)
class Participant:
    """Someone taking part; ``roles`` are role ids, in the order they were taken up."""

    name: str
    roles: tuple[str, ...]
    joined_at: datetime | None


class StaffingGap(NamedTuple):
    """A role with fewer people present than the runbook's staffing minimum."""

    role: str
    needed: int
    present: int


@dataclass(frozen=True)
class ServiceState:
    """The last known status of a service on the impact board (``unknown`` until reported)."""

    name: str
    status: str = "unknown"
    since: datetime | None = None
    note: str = ""
    by: str | None = None


@dataclass(frozen=True)
class MessageEntry:
    message_id: str
    channel: str
    audience: str
    text: str
    actor: str
    at: datetime
    event_id: str


@dataclass(frozen=True)
class CheckEntry:
    """A statement the municipality must not assume, as a check step established it.

    ``name`` is the step's ``check=`` name (``security``, ``personal-data`` ...). ``outcome`` is
    one of ``CHECK_OUTCOMES`` — "ruled-out", "not-ruled-out", "under-investigation" — or None
    while nothing is recorded (which reads as "still under investigation"). ``by``, ``verified_by``
    and ``at`` say who established it and when; only a recorded outcome is *established*.
    """

    name: str
    step_id: str
    title: str  # the check step's title: what was to be established
    role: str | None  # the role entitled to establish it
    outcome: str | None = None
    by: str | None = None
    verified_by: str | None = None
    at: datetime | None = None
    event_id: str | None = None
    late: bool = False

    @property
    def established(self) -> bool:
        """A decided outcome is recorded (ruled out or not ruled out)."""
        return self.outcome in ("ruled-out", "not-ruled-out")


@dataclass(frozen=True)
class OverrideEntry:
    """A rule (four eyes, staffing) set aside for one check of a step, with the reason given.

    ``refused`` is what the engine would have refused; ``by`` who overrode (the event's actor).
    Every override stays in the state, also when the step was reopened afterwards.
    """

    step_id: str
    reason: str
    refused: str
    by: str
    at: datetime
    event_id: str
    verified_by: str | None = None


@dataclass(frozen=True)
class InjectEntry:
    offset: int
    text: str
    to: str | None
    at: datetime
    event_id: str


@dataclass(frozen=True)
class RunState:
    """Everything a view or an export needs to know about a run at one clock time."""

    run_id: str
    runbook_id: str
    title: str
    mode: str
    lang: str
    runbook_version: int = 1
    scenario_id: str | None = None
    started_at: datetime | None = None
    started_by: str | None = None
    # The moment the incident was discovered (legal clocks count from it; it may lie before the
    # run started) and who recorded it; None while not recorded (timers then use started_at).
    discovered_at: datetime | None = None
    discovered_by: str | None = None
    steps: Mapping[str, StepState] = field(default_factory=dict)  # in document order
    sections: tuple[SectionProgress, ...] = ()
    decisions: tuple[DecisionEntry, ...] = ()
    notes: tuple[NoteEntry, ...] = ()
    participants: tuple[Participant, ...] = ()
    shortfall: tuple[StaffingGap, ...] = ()
    start_shortfall: tuple[StaffingGap, ...] = ()  # as recorded when the run started
    # The approval the runbook version ran under, as recorded at the start ({} before approvals
    # were recorded): state approved | not-approved | review-due, who, when, reason.
    approval: Mapping[str, Any] = field(default_factory=dict)
    services: tuple[ServiceState, ...] = ()
    messages: tuple[MessageEntry, ...] = ()
    injects: tuple[InjectEntry, ...] = ()
    report: Mapping[str, str] = field(default_factory=dict)
    timers_fired: Mapping[tuple[str, str], datetime] = field(default_factory=dict)
    # Checked statements by check name, in runbook order: every check step of the runbook, with
    # its recorded outcome or None ("still under investigation"). Reports, council letters and
    # message placeholders ({check:NAME}) read them here; see ``CheckEntry``.
    checks: Mapping[str, CheckEntry] = field(default_factory=dict)
    overrides: tuple[OverrideEntry, ...] = ()  # every rule set aside, in fold order
    current_step_id: str | None = None
    overdue: tuple[str, ...] = ()  # step ids
    done: int = 0
    total: int = 0
    closed: bool = False
    closed_at: datetime | None = None
    closed_by: str | None = None
    summary: str = ""
    now: datetime | None = None
    events: tuple[Event, ...] = field(default=(), repr=False)  # in fold order
    runbook: Runbook | None = field(default=None, repr=False, compare=False)
    # An exercise folded in exercise time (core/exercise/session.py): the real moment of each
    # event by id, so a view can show both ("T+00:12 (14:32)"). Empty for a run as it is.
    real_times: Mapping[str, datetime] = field(default_factory=dict, repr=False, compare=False)

    def step(self, step_id: str) -> StepState | None:
        return self.steps.get(step_id)

    def section(self, section_id: str) -> SectionProgress | None:
        return next((s for s in self.sections if s.section_id == section_id), None)

    @property
    def clock_start(self) -> datetime | None:
        """What legal clocks count from: the moment of discovery, else the run's start."""
        return self.discovered_at or self.started_at

    def override_of(self, step_id: str) -> OverrideEntry | None:
        """The override behind the step's current status, if it was checked by one."""
        step = self.steps.get(step_id)
        if step is None or step.event_id is None:
            return None
        return next((o for o in self.overrides if o.event_id == step.event_id), None)

    def current_decision(self, step_id: str) -> DecisionEntry | None:
        """The choice the run follows for a decision step, or None while undecided."""
        return next((d for d in reversed(self.decisions) if d.step_id == step_id and d.current),
                    None)

    @property
    def exercise(self) -> bool:
        return self.mode == "exercise"

    @cached_property
    def timeline(self) -> list[TimelineRow]:
        """The run's timeline rows, in the run's language (computed on first use)."""
        from runbook_assistant.core.run.timeline import timeline_rows

        if self.runbook is None:
            return []
        return timeline_rows(self.runbook, self.events, self.lang)
