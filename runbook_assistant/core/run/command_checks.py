"""Checks the engine makes before it records a command; each refusal is a ``CommandError``.

Every function takes the run's current state (and runbook) and either returns what to record or
raises with a message that says what is wrong and, where it helps, what to do instead.
"""

from __future__ import annotations

from datetime import datetime

from runbook_assistant.core.errors import CommandError, Words
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.run import discipline
from runbook_assistant.core.run.paperwork import AFTER_CLOSE_KINDS, report_status
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.run.tracks import person_key
from runbook_assistant.core.runbook.model import Option, Runbook, Step

SERVICE_STATUSES = ("up", "degraded", "down", "restored")
TIMERS = ("due", "timebox", "every")
MODES = ("incident", "exercise")


def required(value: str | None, what: str) -> str:
    """The value without surrounding blanks; refuse an empty one."""
    text = (value or "").strip()
    if not text:
        raise CommandError.of("required", what=what)
    return text


def same_person(a: str, b: str) -> bool:
    return person_key(a) == person_key(b)


def step_of(runbook: Runbook, step_id: str) -> Step:
    step = runbook.step(step_id)
    if step is None:
        raise CommandError.of("unknown_step", step=step_id, runbook=runbook.id)
    return step


def in_checklist(state: RunState, runbook: Runbook, step: Step) -> None:
    """Refuse a step in an undecided branch or in a branch not taken."""
    step_state = state.step(step.id)
    if step_state is None:
        return
    if step_state.pending:
        section = state.section(step.section_id)
        decision = runbook.step(section.waiting_for) if section and section.waiting_for else None
        title = decision.title if decision else step.section_id
        raise CommandError.of("decide_first", decision=title, step=step.title)
    if not step_state.active:
        raise CommandError.of("branch_not_taken", step=step.id)


def checkable(state: RunState, runbook: Runbook, step_id: str) -> Step:
    """The step, if it can be checked now: refuses decisions, steps outside the checklist and
    done steps."""
    step = step_of(runbook, step_id)
    if step.decision:
        raise CommandError.of("is_decision", step=step.title, options=options_text(step))
    in_checklist(state, runbook, step)
    current = state.step(step.id)
    if current is not None and current.status == "done":
        raise CommandError.of("already_checked", step=step.title, by=current.by)
    return step


def check_step(state: RunState, runbook: Runbook, step_id: str, actor: str,
               verified_by: str | None, outcome: str | None = None,
               override: str | None = None) -> dict[str, str]:
    """Payload of a check; refuses what ``checkable`` refuses, a check step without its outcome,
    and (unless overridden with a reason) four-eyes steps without two qualified participants
    and steps whose staffing falls short (see ``discipline``)."""
    step = checkable(state, runbook, step_id)
    result = discipline.check_outcome(step, outcome)
    verifier = (verified_by or "").strip()
    if verifier and same_person(verifier, actor):
        raise CommandError.of("verifier_is_performer", actor=actor)
    def refused(lang: str) -> list[str]:
        return [r for r in (
            discipline.four_eyes_refusal(state, runbook, step, actor, verifier, lang)
            if step.four_eyes else None,
            discipline.staffing_refusal(state, runbook, step, lang)) if r]

    refusals = refused("en")  # the words recorded with an override stay English
    reason = (override or "").strip()
    if override is not None and not reason:
        raise CommandError.of("override_needs_reason")
    if refusals and not reason:
        raise discipline.RuleRefusal.of("rule_refused", refusals=Words(
            ". ".join(refusals), ". ".join(refused("nl"))))
    if reason and not refusals:
        raise CommandError.of("nothing_to_override")
    payload = {"verified_by": verifier} if verifier else {}
    if result is not None:
        payload["outcome"] = result
    if reason:
        payload.update(override=reason, overridden_by=actor, refused=". ".join(refusals))
    return payload


def uncheck_step(state: RunState, runbook: Runbook, step_id: str) -> None:
    step = step_of(runbook, step_id)
    current = state.step(step.id)
    if current is None or current.status == "open":
        raise CommandError.of("nothing_to_undo", step=step.title)


def skippable(state: RunState, runbook: Runbook, step_id: str) -> Step:
    """The step, if it can be skipped now: refuses decisions, steps outside the checklist and
    steps already done or skipped."""
    step = step_of(runbook, step_id)
    if step.decision:
        raise CommandError.of("decision_not_skippable", step=step.title)
    in_checklist(state, runbook, step)
    current = state.step(step.id)
    if current is not None and current.status != "open":
        raise CommandError.of("already_status", step=step.title, status=current.status)
    return step


def skip_step(state: RunState, runbook: Runbook, step_id: str, reason: str) -> dict[str, str]:
    skippable(state, runbook, step_id)
    return {"reason": required(reason, "reason")}


def options_text(step: Step) -> str:
    return ", ".join(f"{o.label} (#{o.target})" for o in step.options)


def find_option(step: Step, option: str) -> Option:
    """An option by its target section id, its label or the start of its label
    (case-insensitive)."""
    wanted = option.strip().lstrip("#").casefold()
    for candidate in step.options:
        if candidate.target.casefold() == wanted:
            return candidate
    for candidate in step.options:
        if candidate.label.strip().casefold() == wanted:
            return candidate
    # People type the start of a label ("nee" for "Nee, deels of niet"): fine when unambiguous.
    started = [o for o in step.options if wanted and o.label.strip().casefold().startswith(wanted)]
    if len(started) == 1:
        return started[0]
    raise CommandError.of("unknown_option", option=option, step=step.title,
                          options=options_text(step))


def decidable(state: RunState, runbook: Runbook, step_id: str) -> Step:
    """The step, if a decision can be recorded on it now."""
    step = step_of(runbook, step_id)
    if not step.decision:
        raise CommandError.of("not_a_decision", step=step.title)
    in_checklist(state, runbook, step)
    return step


def decide_step(state: RunState, runbook: Runbook, step_id: str, option: str) -> Option:
    return find_option(decidable(state, runbook, step_id), option)


def known_decisions(state: RunState, step_id: str) -> list[str]:
    """Ids of the decisions on a step that are still in force or in conflict (a new one settles
    them all)."""
    return [d.event_id for d in state.decisions if d.step_id == step_id and not d.withdrawn]


def role_of(runbook: Runbook, role: str | None) -> str | None:
    """A role id from an id or display name; any text when the runbook declares no roles."""
    if role is None or not role.strip():
        return None
    text = role.strip()
    if not runbook.roles:
        return text
    for candidate in runbook.roles:
        if text.casefold() in (candidate.id.casefold(), candidate.name.casefold()):
            return candidate.id
    raise CommandError.of("unknown_role", role=text,
                          roles=", ".join(r.id for r in runbook.roles))


def join_person(state: RunState, runbook: Runbook, name: str, role: str | None) -> dict[str, str]:
    name = required(name, "name")
    role_id = role_of(runbook, role)
    for person in state.participants:
        if same_person(person.name, name) and (role_id is None or role_id in person.roles):
            if role_id:
                raise CommandError.of("already_takes_part_as", name=person.name,
                                      role=runbook.role_name(role_id))
            raise CommandError.of("already_takes_part", name=person.name)
    return {"name": name, "role": role_id} if role_id else {"name": name}


def assign_role(state: RunState, runbook: Runbook, name: str, role: str) -> dict[str, str]:
    name = required(name, "name")
    role_id = role_of(runbook, required(role, "role"))
    assert role_id is not None
    for person in state.participants:
        if same_person(person.name, name) and role_id in person.roles:
            raise CommandError.of("already_has_role", name=person.name,
                                  role=runbook.role_name(role_id))
    return {"name": name, "role": role_id}


def service_of(runbook: Runbook, state: RunState, service: str) -> str:
    """A service by exact name, case-insensitive name or a unique case-insensitive prefix."""
    names = list(runbook.services) or [s.name for s in state.services]
    text = service.strip()
    if text in names:
        return text
    folded = text.casefold()
    exact = [n for n in names if n.casefold() == folded]
    if exact:
        return exact[0]
    prefixed = [n for n in names if n.casefold().startswith(folded)] if folded else []
    if len(prefixed) == 1:
        return prefixed[0]
    if not names:
        raise CommandError.of("no_services", service=service)
    if prefixed:
        raise CommandError.of("service_ambiguous", service=service, matches=", ".join(prefixed))
    raise CommandError.of("unknown_service", service=service, services=", ".join(names))


def service_changes(state: RunState, payload: dict[str, str]) -> None:
    """Refuse a report that changes nothing: the same status (and no new note) again would show
    the service twice in the timeline and the report."""
    current = next((s for s in state.services if s.name == payload["service"]), None)
    if current is None or current.status != payload["status"]:
        return
    if payload.get("note", "") in ("", current.note):
        raise CommandError.of("service_unchanged", service=payload["service"],
                              status=payload["status"])


def service_status(status: str) -> str:
    value = status.strip().casefold()
    if value not in SERVICE_STATUSES:
        raise CommandError.of("unknown_service_status", status=status,
                              statuses=", ".join(SERVICE_STATUSES))
    return value


def occurred(value: datetime | str | None, now: datetime, started_at: datetime | None,
             ) -> datetime | None:
    """A late entry's time: earlier than now and not before the run started."""
    if value is None:
        return None
    try:
        when = parse_time(value) if isinstance(value, str) else parse_time(value.isoformat())
    except ValueError:
        raise CommandError.of("bad_time", value=value) from None
    if when >= now:
        raise CommandError.of("late_entry_in_future")
    if started_at is not None and when < started_at:
        raise CommandError.of("late_entry_before_start",
                              started=started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
    return when


def still_open(state: RunState, run_id: str, kind: EventKind, when: datetime | None) -> None:
    """Refuse an entry on a closed run, unless ``after_close`` lets it in."""
    if state.closed and not after_close(state, kind, when):
        raise CommandError.of("run_closed", run=run_id)


def after_close(state: RunState, kind: EventKind, when: datetime | None) -> bool:
    """A closed run still takes its paperwork, and late entries of what happened before it
    closed (typed in from paper)."""
    if kind in AFTER_CLOSE_KINDS:
        return True
    return when is not None and state.closed_at is not None and when <= state.closed_at


def finalise(state: RunState) -> dict[str, int]:
    """Payload of ``report_finalised``: refuses an open run and a version already final."""
    if not state.closed:
        raise CommandError.of("finalise_open_run")
    status = report_status(state.events)
    if status.final:
        last = status.last_final
        raise CommandError.of("report_already_final", version=status.version,
                              by=f" ({last.by})" if last else "")
    return {"version": status.version}
