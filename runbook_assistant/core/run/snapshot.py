"""Turn what a ``RunFolder`` gathered into a ``RunState`` at one clock time.

This is where the rules that look at the whole run live: which decision is current and which
conflict, the branch rule, when each step became current, timers, progress and staffing.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from runbook_assistant.core.run.state_types import (
    CheckEntry,
    DecisionEntry,
    Participant,
    RunState,
    SectionProgress,
    ServiceState,
    StaffingGap,
    StepState,
)
from runbook_assistant.core.run.timers import StepTimers, step_timers
from runbook_assistant.core.runbook.branches import (
    ACTIVE,
    INACTIVE,
    PENDING,
    BranchStatus,
    branch_status,
)
from runbook_assistant.core.runbook.model import Section

if TYPE_CHECKING:
    from runbook_assistant.core.run.fold import DecisionRecord, RunFolder


def build_state(folder: RunFolder, now: datetime | None) -> RunState:
    """The run's state at ``now`` (None: no timer is evaluated as overdue).

    A step whose state would come out the same as in the folder's previous build (no event
    touched it, same place in the checklist, same decision, same deadlines) keeps that
    build's ``StepState`` object: after one event only the steps it touched are made again, and
    views can tell an unchanged step by identity.
    """
    entries, choices = _decisions(folder)
    prior = folder.prior_build
    stopped = folder.closed is not None
    reuse = _Reuse(prior, folder, now, stopped) if prior is not None else None
    branches = branch_status(folder.runbook, {k: (v.option if v else None)
                                              for k, v in choices.items()})
    section_since = _section_since(folder, branches, choices)
    steps: dict[str, StepState] = {}
    progress: list[SectionProgress] = []
    # A step becomes current when the step before it in the checklist is done or skipped, across
    # sections: a later section's timebox must not run from the start while nobody has reached it.
    marker: datetime | None = folder.started_at
    for section in folder.runbook.sections:
        status = branches.status.get(section.id, ACTIVE)
        since = section_since.get(section.id)
        if status != ACTIVE:
            since = None
        elif section.id in branches.chosen_by:
            since = since if marker is None or since is None else max(marker, since)
        else:
            since = marker
        section_steps, marker_after = _section_steps(folder, section, status, since, choices,
                                                     now, stopped, reuse)
        steps.update(section_steps)
        if status == ACTIVE:
            marker = marker_after
        progress.append(_progress(section, status, branches, section_since.get(section.id), steps))
    # Progress counts the steps in the checklist (optional ones only once done or skipped); the
    # current step is the first open, required one. One pass over the steps for both.
    total = done = 0
    current: str | None = None
    overdue: list[str] = []
    for s in steps.values():
        if s.overdue:
            overdue.append(s.step_id)
        if not s.active or s.pending:
            continue
        is_open = s.status == "open"
        if not s.optional or not is_open:
            total += 1
            done += not is_open
        if is_open and current is None and not s.optional:
            current = s.step_id
    folder.remember_build(_Built(steps, choices, now, stopped, folder.started_at,
                                 folder.discovered_at))
    started = folder.started
    payload = started.payload if started is not None else {}
    run = folder.run
    closed = folder.closed
    return RunState(
        run_id=_run_id(folder),
        runbook_id=run.runbook_id if run else str(payload.get("runbook_id", folder.runbook.id)),
        title=run.title if run else str(payload.get("title", "")),
        mode=run.mode if run else str(payload.get("mode", "incident")),
        lang=run.lang if run else str(payload.get("lang", folder.runbook.lang)),
        runbook_version=(run.runbook_version if run else
                         int(payload.get("runbook_version", folder.runbook.version))),
        scenario_id=run.scenario_id if run else payload.get("scenario_id"),
        started_at=folder.started_at,
        started_by=started.actor if started is not None else None,
        discovered_at=folder.discovered_at,
        discovered_by=folder.discovered_by,
        steps=steps,
        sections=tuple(progress),
        decisions=tuple(entries),
        notes=tuple(folder.notes),
        participants=tuple(Participant(p.name, tuple(p.roles), p.joined_at)
                           for p in folder.people.values()),
        shortfall=folder.shortfall(),
        start_shortfall=tuple(
            StaffingGap(str(g.get("role", "")), int(g.get("needed", 0)), int(g.get("present", 0)))
            for g in payload.get("shortfall") or ()),
        approval=dict(payload["approval"]) if isinstance(payload.get("approval"), dict) else {},
        services=_services(folder),
        messages=tuple(folder.messages),
        injects=tuple(folder.injects),
        report=dict(folder.report),
        timers_fired=dict(folder.timers_fired),
        checks=_checks(folder, steps),
        overrides=tuple(folder.overrides),
        current_step_id=current,
        overdue=tuple(overdue),
        done=done,
        total=total,
        closed=closed is not None,
        closed_at=folder.closed_at,
        closed_by=closed.actor if closed is not None else None,
        summary=str(closed.payload.get("summary", "")) if closed is not None else "",
        now=now,
        events=tuple(folder.events),
        runbook=folder.runbook,
    )


def _run_id(folder: RunFolder) -> str:
    if folder.run_id is not None:
        return folder.run_id
    return folder.events[0].run_id if folder.events else ""


def _decisions(folder: RunFolder) -> tuple[list[DecisionEntry], dict[str, DecisionRecord | None]]:
    """Every decision as an entry, and per decision step the record the run follows (or None).

    Within the step's current period (since it was last reopened) a decision that a later one
    knew about is settled. What remains are the *heads*: one normally; several when laptops
    decided without seeing each other's decision. Different options among the heads are a conflict;
    the last head by clock is followed until a new decision settles it.
    """
    flags: dict[int, tuple[bool, bool, bool]] = {}  # index -> (current, conflict, withdrawn)
    choices: dict[str, DecisionRecord | None] = {}
    for step in folder.runbook.iter_steps():
        if step.decision:
            choices[step.id] = None
        track = folder.steps[step.id]
        if not track.decisions:
            continue
        for i in track.decisions[:track.period_start]:
            flags[i] = (False, False, True)
        period = track.decisions[track.period_start:]
        heads = [i for i in period
                 if not any(_knew(folder.decisions[j], folder.decisions[i])
                            for j in period if j != i)]
        if not heads:
            continue
        conflict = len({folder.decisions[i].option for i in heads}) > 1
        for i in period:
            flags[i] = (i == heads[-1], conflict and i in heads, False)
        choices[step.id] = folder.decisions[heads[-1]]
    entries = []
    for i, record in enumerate(folder.decisions):
        event, p = record.event, record.event.payload
        current, conflict, withdrawn = flags.get(i, (False, False, False))
        entries.append(DecisionEntry(
            step_id=event.step_id or "", option=str(p.get("option", "")),
            label=str(p.get("label", "")), rationale=str(p.get("rationale", "")),
            owner=str(p.get("owner") or event.actor), revisit_by=p.get("revisit_by"),
            actor=event.actor, at=record.at, event_id=event.id, device_id=event.device_id,
            late=event.late, current=current, conflict=conflict, withdrawn=withdrawn))
    return entries, choices


def _knew(later: DecisionRecord, earlier: DecisionRecord) -> bool:
    """True when ``later`` was recorded knowing about ``earlier`` (so it settles it)."""
    if earlier.event.id in later.supersedes:
        return True
    # A laptop always knows its own earlier decisions.
    return later.event.device_id == earlier.event.device_id and later.event.seq > earlier.event.seq


def _section_since(folder: RunFolder, branches: BranchStatus,
                   choices: dict[str, DecisionRecord | None]) -> dict[str, datetime | None]:
    """When each section entered the checklist: the run start, or the decision that chose it."""
    since: dict[str, datetime | None] = {}
    for section in folder.runbook.sections:
        status = branches.status.get(section.id, ACTIVE)
        if status == ACTIVE and section.id in branches.chosen_by:
            record = choices.get(branches.chosen_by[section.id])
            since[section.id] = record.at if record else None
        elif status == ACTIVE:
            since[section.id] = folder.started_at
        else:
            since[section.id] = None
    return since


class _Built(NamedTuple):
    """What one build made its step states from (beyond the tracks): kept by the folder."""

    steps: dict[str, StepState]
    choices: dict[str, DecisionRecord | None]
    now: datetime | None
    stopped: bool
    started_at: datetime | None
    discovered_at: datetime | None


class _Reuse:
    """Which of the previous build's step states still hold (see ``build_state``)."""

    def __init__(self, prior: _Built, folder: RunFolder, now: datetime | None,
                 stopped: bool) -> None:
        self.steps = prior.steps
        self.choices = prior.choices
        self.touched = folder.touched
        # Anything every step's timers read changed: no step state is taken over.
        self.usable = (prior.stopped == stopped and prior.started_at is folder.started_at
                       and prior.discovered_at is folder.discovered_at)
        # Timers depend on the clock: a timed step is taken over only at the same moment.
        self.same_clock = prior.now is now or (
            prior.now is not None and now is not None and prior.now == now
            and prior.now.tzinfo is now.tzinfo)


def _section_steps(folder: RunFolder, section: Section, status: str, since: datetime | None,
                   choices: dict[str, DecisionRecord | None], now: datetime | None,
                   stopped: bool, reuse: _Reuse | None = None,
                   ) -> tuple[dict[str, StepState], datetime | None]:
    """The section's step states, and when the step after its last one becomes current."""
    result: dict[str, StepState] = {}
    marker = since  # when the next step becomes current: the previous step's completion
    active, pending = status != INACTIVE, status == PENDING
    counts = active and not pending
    tracks, started_at, section_id = folder.steps, folder.started_at, section.id
    new = object.__new__
    if reuse is not None and reuse.usable:
        old_steps, old_choices, touched = reuse.steps, reuse.choices, reuse.touched
        same_clock = reuse.same_clock
    else:
        old_steps, old_choices, touched, same_clock = {}, {}, (), False
    for step in section.steps:
        step_id = step.id
        track = tracks[step_id]
        status_now = track.status
        by, at, late, event_id = track.by, track.at, track.late, track.event_id
        record = choices.get(step_id)
        if record is not None and status_now == "done":
            by, at, late, event_id = (record.event.actor, record.at, record.event.late,
                                      record.event.id)
        current_since = marker if counts else None
        timed = step.due or step.timebox or step.every
        old = old_steps.get(step_id)
        if (old is not None and step_id not in touched and old_choices.get(step_id) is record
                and old.current_since is current_since and old.active is active
                and old.pending is pending):
            # Everything the state is made of is as in the previous build; with timers, only the
            # clock may have moved: the same object unless that changed a deadline or overdue.
            if not timed or same_clock:
                result[step_id] = old
            else:
                timers = step_timers(step, status=status_now, counts=counts,
                                     started_at=started_at, current_since=current_since,
                                     last_check_at=track.last_check_at, now=now,
                                     stopped=stopped, discovered_at=folder.discovered_at)
                if (old.overdue_timer == timers.overdue_timer and old.due_at == timers.due_at
                        and old.timebox_at == timers.timebox_at
                        and old.next_reminder_at == timers.next_reminder_at):
                    result[step_id] = old
        elif timed:
            timers = step_timers(step, status=status_now, counts=counts, started_at=started_at,
                                 current_since=current_since, last_check_at=track.last_check_at,
                                 now=now, stopped=stopped, discovered_at=folder.discovered_at)
        else:
            timers = _NO_TIMERS  # what step_timers gives a step without any timer
        if old is not None and result.get(step_id) is old:
            pass  # taken over above
        elif not _FAST_STEPS:
            result[step_id] = StepState(
                step_id, section_id, step.title, status_now, by, track.verified_by, at,
                track.reason, late, event_id, active, pending, step.optional, current_since,
                timers.due_at, timers.timebox_at, timers.next_reminder_at,
                timers.overdue_timer is not None, timers.overdue_timer)
        else:
            state = result[step_id] = new(StepState)
            d = state.__dict__  # what the frozen __init__ sets, in the same order
            d["step_id"] = step_id
            d["section_id"] = section_id
            d["title"] = step.title
            d["status"] = status_now
            d["by"] = by
            d["verified_by"] = track.verified_by
            d["at"] = at
            d["reason"] = track.reason
            d["late"] = late
            d["event_id"] = event_id
            d["active"] = active
            d["pending"] = pending
            d["optional"] = step.optional
            d["current_since"] = current_since
            d["due_at"] = timers.due_at
            d["timebox_at"] = timers.timebox_at
            d["next_reminder_at"] = timers.next_reminder_at
            d["overdue"] = timers.overdue_timer is not None
            d["overdue_timer"] = timers.overdue_timer
        if status_now != "open":
            marker = at
        elif not step.optional:
            marker = None
    return result, marker


_NO_TIMERS = StepTimers()
# A snapshot makes a StepState for every step of the runbook each time. The frozen ``__init__``
# sets each of the 19 fields through ``object.__setattr__``; filling a new instance's ``__dict__``
# gives the same object in a fraction of the time. Only while the fields are the ones filled in
# ``_section_steps``, in order.
_FAST_STEPS = (tuple(StepState.__dataclass_fields__) == (
    "step_id", "section_id", "title", "status", "by", "verified_by", "at", "reason", "late",
    "event_id", "active", "pending", "optional", "current_since", "due_at", "timebox_at",
    "next_reminder_at", "overdue", "overdue_timer") and "__slots__" not in StepState.__dict__
    and not hasattr(StepState, "__post_init__"))


def _progress(section: Section, status: str, branches: BranchStatus, since: datetime | None,
              steps: dict[str, StepState]) -> SectionProgress:
    total = done = 0
    for step in section.steps:
        is_open = steps[step.id].status == "open"
        if not step.optional or not is_open:
            total += 1
            done += not is_open
    return SectionProgress(
        section_id=section.id, title=section.title, done=done, total=total,
        active=status != INACTIVE, pending=status == PENDING,
        waiting_for=branches.waiting_for.get(section.id), since=since)


def _checks(folder: RunFolder, steps: dict[str, StepState]) -> dict[str, CheckEntry]:
    """Every check step's statement, with the outcome recorded by its current check (if any)."""
    result: dict[str, CheckEntry] = {}
    for step in folder.runbook.iter_steps():
        if step.check is None or step.check in result:
            continue
        track, state = folder.steps[step.id], steps[step.id]
        recorded = state.status == "done" and state.active and track.outcome is not None
        result[step.check] = CheckEntry(
            step.check, step.id, step.title, step.role,
            *((track.outcome, state.by, state.verified_by, state.at, state.event_id, state.late)
              if recorded else ()))
    return result


def _services(folder: RunFolder) -> tuple[ServiceState, ...]:
    """The impact board in the runbook's restore order (services reported but not listed last)."""
    names = list(folder.runbook.services)
    names += [n for n in folder.services if n not in names]
    return tuple(folder.services.get(n) or ServiceState(n) for n in names)
