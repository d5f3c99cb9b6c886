"""How ``run show`` and ``run list`` print a run: plain text for people, JSON for tools.

Times are shown in local time; JSON carries them as UTC ISO text.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.formatting import clock, date_time
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.events import Event
from runbook_assistant.core.run.discipline import outcome_text
from runbook_assistant.core.run.kinds import approval_text, service_status_text
from runbook_assistant.core.run.state import state_to_dict
from runbook_assistant.core.run.state_types import RunState, StepState
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.log.store import RunRecord
    from runbook_assistant.core.run.engine import RunSummary

MARKS = {"open": "[ ]", "done": "[x]", "skipped": "[-]"}


def local(moment: datetime | None, with_date: bool = True) -> str:
    """A UTC time as local wall-clock text."""
    if moment is None:
        return "-"
    return date_time(moment, seconds=True) if with_date else clock(moment)


def _iso(moment: datetime | None) -> str | None:
    return format_wall_time(moment) if moment else None


def summary_json(summary: RunSummary) -> dict[str, Any]:
    data = asdict(summary)
    data["started_at"] = _iso(summary.started_at)
    return data


def run_json(record: RunRecord, state: RunState, events: list[Event]) -> dict[str, Any]:
    """``run show --json``: the run, every event with its id, the state and the timeline."""
    run = {k: v for k, v in asdict(record).items() if k != "runbook_text"}
    timeline = [
        {"time": _iso(r.time), "wall_time": _iso(r.wall_time), "late": r.late, "actor": r.actor,
         "kind": r.kind, "step_id": r.step_id, "step_title": r.step_title, "text": r.text,
         "device_id": r.device_id, "event_id": r.event_id, "seq": r.seq}
        for r in state.timeline]
    return {"run": run, "events": [e.to_dict() for e in events], "state": state_to_dict(state),
            "timeline": timeline}


def deadline_text(moment: datetime, now: datetime | None) -> str:
    """A deadline as local time; with its date when it is more than a day away or not today
    (a 72-hour legal clock must not read as a time today)."""
    near = now is not None and abs(moment - now) <= timedelta(days=1) \
        and moment.astimezone().date() == now.astimezone().date()
    return local(moment, with_date=False) if near else local(moment)[:16]


def _step_line(number: int, step: StepState, runbook: Runbook, state: RunState) -> str:
    mark = MARKS.get(step.status, "[?]")
    line = f"  {mark} {number:>2}. {step.title}  (#{step.step_id})"
    spec = runbook.step(step.step_id)
    if spec is not None and spec.four_eyes:
        line += " [4-eyes]"
    if spec is not None and spec.check:
        line += f" [check {spec.check}]"
    if step.optional:
        line += " [optional]"
    if step.status != "open":
        who = step.by or "?"
        if step.verified_by:
            who += f" + {step.verified_by}"
        line += f" — {who} {local(step.at, with_date=False)}"
        if step.late:
            line += " (late entry)"
        if step.reason:
            line += f": {step.reason}"
        check = state.checks.get(spec.check) if spec is not None and spec.check else None
        if check is not None and check.outcome and check.event_id == step.event_id:
            line += f": {outcome_text(check.outcome, 'en')}"
        override = state.override_of(step.step_id)
        if override is not None:
            line += f"  OVERRIDE by {override.by}: {override.reason}"
    deadline = step.due_at if step.status == "open" and step.due_at else step.timebox_at
    if step.status == "open" and deadline:
        line += f"  due {deadline_text(deadline, state.now or state.started_at)}"
    if step.next_reminder_at and step.status != "skipped":
        line += f"  next update {local(step.next_reminder_at, with_date=False)}"
    if step.overdue:
        line += f"  OVERDUE ({step.overdue_timer})"
    return line


def render_run(record: RunRecord, state: RunState, runbook: Runbook) -> list[str]:
    """The state of a run as text."""
    kind = "EXERCISE" if state.exercise else "incident"
    lines = [f"{state.title}  [{kind}]", f"run {state.run_id}",
             f"runbook {runbook.id} v{record.runbook_version} — {runbook.title}",
             f"started {local(state.started_at)} by {state.started_by or '-'}"]
    if state.approval:  # the approval this version ran under (none recorded: an older run)
        lines.append(f"approval: {approval_text(state.approval, 'en')}")
    if state.discovered_at:
        lines.append(f"discovered {local(state.discovered_at)} (recorded by "
                     f"{state.discovered_by or '-'}); legal clocks count from it")
    if state.scenario_id:
        lines.append(f"scenario {state.scenario_id}")
    if state.closed:
        lines.append(f"closed {local(state.closed_at)} by {state.closed_by}"
                     + (f": {state.summary}" if state.summary else ""))
    lines.append(f"progress {state.done}/{state.total}")
    if state.current_step_id and not state.closed:
        lines.append(f"current: {state.steps[state.current_step_id].title}")
    if state.overdue:
        lines.append("overdue: " + ", ".join(state.steps[s].title for s in state.overdue))
    for gap in state.shortfall:
        lines.append(f"short of staff: {runbook.role_name(gap.role)} {gap.present} of "
                     f"{gap.needed}")
    number = 0
    for section in state.sections:
        if section.pending:
            decision = runbook.step(section.waiting_for) if section.waiting_for else None
            status = f"  (waits for '{decision.title}')" if decision else "  (pending)"
        elif not section.active:
            status = "  (branch not taken)"
        else:
            status = f"  {section.done}/{section.total}"
        lines += ["", f"## {section.title}  (#{section.section_id}){status}"]
        for spec in runbook.section(section.section_id).steps:  # type: ignore[union-attr]
            number += 1
            lines.append(_step_line(number, state.steps[spec.id], runbook, state))
    lines += _decisions(state, runbook) + _checks(state) + _overrides(state, runbook)
    lines += _board(state) + _people(state, runbook)
    lines += ["", "Timeline:"]
    for row in state.timeline:
        when = local(row.time)
        if row.late:
            when += f" (entered {local(row.wall_time)})"
        lines.append(f"  {when}  {row.actor}: {row.text}")
    return lines


def _decisions(state: RunState, runbook: Runbook) -> list[str]:
    if not state.decisions:
        return []
    lines = ["", "Decisions:"]
    for d in state.decisions:
        step = runbook.step(d.step_id)
        flags = [f for f, on in (("current", d.current), ("CONFLICT", d.conflict),
                                 ("withdrawn", d.withdrawn)) if on]
        line = (f"  {local(d.at)}  {step.title if step else d.step_id} → {d.label} "
                f"(#{d.option}) by {d.actor}")
        if d.rationale:
            line += f" — {d.rationale}"
        if flags:
            line += f"  [{', '.join(flags)}]"
        lines.append(line)
    return lines


def _checks(state: RunState) -> list[str]:
    if not state.checks:
        return []
    lines = ["", "Checked statements:"]
    for name, c in state.checks.items():
        who = f" — {c.by} {local(c.at)}" if c.outcome else ""
        lines.append(f"  {name}: {outcome_text(c.outcome, 'en')}{who}")
    return lines


def _overrides(state: RunState, runbook: Runbook) -> list[str]:
    if not state.overrides:
        return []
    lines = ["", "OVERRIDES:"]
    for o in state.overrides:
        step = runbook.step(o.step_id)
        lines.append(f"  {local(o.at)}  {step.title if step else o.step_id} — by {o.by}: "
                     f"{o.reason} (refused: {o.refused})")
    return lines


def _board(state: RunState) -> list[str]:
    lines = []
    if state.services:
        lines += ["", "Services:"]
        for s in state.services:
            since = f" since {local(s.since)}" if s.since else ""
            note = f" — {s.note}" if s.note else ""
            lines.append(f"  {s.name}: {service_status_text(s.status, state.lang)}{since}{note}")
    if state.messages:
        lines += ["", "Messages sent:"]
        for m in state.messages:
            lines.append(f"  {local(m.at)}  {m.message_id} via {m.channel} to {m.audience} "
                         f"by {m.actor}")
    return lines


def _people(state: RunState, runbook: Runbook) -> list[str]:
    if not state.participants:
        return []
    lines = ["", "Participants:"]
    for p in state.participants:
        roles = ", ".join(runbook.role_name(r) for r in p.roles)
        lines.append(f"  {p.name}" + (f" ({roles})" if roles else ""))
    return lines
