"""The engine: every change to a run is a command that becomes one committed event.

Each command runs in one write transaction: read the run's events, fold them, check the command
against that state (``CommandError`` if it is refused: nothing is written), append the event. The
event is returned only after the transaction committed, so a caller that shows it as done shows what
is on disk. The desktop app and the command line both call these methods.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.clock import Clock, SystemClock, format_wall_time, new_event_id
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.store import RunRecord, Store
from runbook_assistant.core.run import command_checks as checks
from runbook_assistant.core.run import discipline
from runbook_assistant.core.run.discipline import roles_per_person, staffing_shortfall
from runbook_assistant.core.run.exercise_commands import ExerciseCommands
from runbook_assistant.core.run.kinds import check_payload
from runbook_assistant.core.run.message_steps import send_payload
from runbook_assistant.core.run.paperwork_commands import PaperworkCommands
from runbook_assistant.core.run.run_states import RunStates
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.log.identity import DeviceIdentity

RUN_PREFIX_MIN = 6  # shortest unique prefix or suffix of a run id accepted for a run


@dataclass(frozen=True)
class RunSummary:
    """One line of the list of runs."""

    run_id: str
    title: str
    runbook_id: str
    mode: str
    started_at: datetime | None
    closed: bool
    done: int
    total: int
    current_step_title: str | None
    overdue: int  # how many steps are overdue now
    lang: str = "en"
    scenario_id: str | None = None


class Engine(ExerciseCommands, PaperworkCommands):
    """Commands on runs, over one store."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self._runbooks: dict[str, Runbook] = {}
        self._records: dict[str, RunRecord] = {}  # a stored run never changes
        self._states = RunStates(store, self.runbook_of)

    @classmethod
    def open(cls, db_path: Path, *, identity: DeviceIdentity | None = None,
             clock: Clock | None = None) -> Engine:
        """Open (or create) the database at ``db_path``."""
        clock = clock or SystemClock()
        return cls(Store.open(Path(db_path), identity=identity, clock=clock), clock)

    def close_store(self) -> None:
        self.store.close()

    # --- reading -------------------------------------------------------------------------------
    def run_record(self, run_id: str) -> RunRecord:
        """The stored run, or ``CommandError`` for an unknown id."""
        record = self._records.get(run_id)
        if record is not None:
            return record
        record = self.store.run(run_id)
        if record is None:
            raise CommandError.of("unknown_run", run=run_id)
        self._records[run_id] = record
        return record

    def resolve_run(self, text: str) -> str:
        """A run id from the full id, or a unique prefix or suffix of at least six characters.

        Run ids are time-ordered, so runs started close together share their first characters;
        the last characters (random) are the handy short form.
        """
        wanted = text.strip().lower()
        if self.store.run(wanted) is not None:
            return wanted
        matches = [r.id for r in self.store.runs()
                   if len(wanted) >= RUN_PREFIX_MIN
                   and (r.id.startswith(wanted) or r.id.endswith(wanted))]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CommandError.of("run_ambiguous", run=text.strip(), count=len(matches))
        raise CommandError.of("unknown_run", run=text.strip())

    def runbook_of(self, run_id: str) -> Runbook:
        """The runbook as it was when the run started, parsed from the text stored with the run."""
        if run_id not in self._runbooks:
            from runbook_assistant.core.runbook.parser import parse_text

            record = self.run_record(run_id)
            # The file name gives a foreign runbook (no front matter) its id, so name it by that id.
            result = parse_text(record.runbook_text, f"{record.runbook_id}.md")
            if result.runbook is None:
                raise CommandError.of("stored_runbook_unreadable", run=run_id,
                                      why="; ".join(str(d) for d in result.errors[:3]))
            self._runbooks[run_id] = result.runbook
        return self._runbooks[run_id]

    def events(self, run_id: str) -> list[Event]:
        """The run's events in fold order."""
        return self.store.events(run_id)

    def state(self, run_id: str, now: datetime | None = None) -> RunState:
        """The run's state at ``now`` (default: the clock's time).

        Only events recorded since the last call are folded; asked again for the same ``now``
        with nothing new, the same state is returned.
        """
        record = self.run_record(run_id)
        return self._states.state(record, now or self.clock.now())

    def runs(self, *, open_only: bool = False) -> list[RunSummary]:
        """Every run (or only the open ones), newest first."""
        now = self.clock.now()
        summaries = []
        for record in self.store.runs():
            self._records.setdefault(record.id, record)
            state = self._states.state(record, now)
            if open_only and state.closed:
                continue
            current = state.step(state.current_step_id) if state.current_step_id else None
            summaries.append(RunSummary(
                run_id=record.id, title=record.title, runbook_id=record.runbook_id,
                mode=record.mode, started_at=state.started_at, closed=state.closed,
                done=state.done, total=state.total,
                current_step_title=current.title if current else None,
                overdue=len(state.overdue), lang=record.lang, scenario_id=record.scenario_id))
        summaries.sort(key=lambda s: (s.started_at is None, s.started_at), reverse=True)
        return summaries

    # --- the command frame ---------------------------------------------------------------------
    def _record(self, run_id: str, kind: EventKind, *, actor: str,
                check: Callable[[RunState, Runbook], dict[str, Any]],
                step_id: str | None = None, occurred_at: datetime | str | None = None,
                then: Callable[[RunState, Runbook], dict[str, Any]] | None = None,
                ) -> Event:
        """Check a command against the run's state and append its event, in one transaction;
        ``then`` gives the payload of a ``message_sent`` appended right after it (a message step
        checked with the text that went out)."""
        actor = checks.required(actor, "actor name")
        record = self.run_record(run_id)
        runbook = self.runbook_of(run_id)
        with self.store.writing() as writer:
            now = self.clock.now()
            # Usually the state the caller was just shown: one snapshot per command, not two.
            state = self._states.state(record, now, any_time=True)
            when = checks.occurred(occurred_at, now, state.started_at)
            checks.still_open(state, run_id, kind, when)
            payload = check(state, runbook)
            check_payload(kind, payload)
            sent = then(state, runbook) if then is not None else None
            if sent is not None:
                check_payload(EventKind.MESSAGE_SENT, sent)
            stamp = format_wall_time(when) if when else None
            event = writer.append(run_id, kind, actor=actor, step_id=step_id, payload=payload,
                                  occurred_at=stamp)
            if sent is not None:
                writer.append(run_id, EventKind.MESSAGE_SENT, actor=actor, payload=sent,
                              occurred_at=stamp)
        return event

    def refusal(self, run_id: str, kind: EventKind, step_id: str | None = None,
                ) -> CommandError | None:
        """What a command recording ``kind`` (on ``step_id``) would be refused for now, asked
        before anyone types its details: the same rules the command applies, nothing written.
        The desktop app asks this before it opens a dialog for a command."""
        try:
            # The state the caller was just shown: a rule never looks at the timers.
            state = self._states.state(self.run_record(run_id), self.clock.now(), any_time=True)
            checks.still_open(state, run_id, kind, None)
            rule = _RULES_AHEAD.get(kind)
            if rule is not None and step_id is not None:
                rule(state, self.runbook_of(run_id), step_id)
        except CommandError as exc:
            return exc
        return None

    # --- commands ------------------------------------------------------------------------------
    def start_run(self, runbook: Runbook, source_text: str, *, title: str, actor: str,
                  mode: str = "incident", participants: Sequence[tuple[str, str | None]] = (),
                  scenario_id: str | None = None, clock_keeps_running: bool = False,
                  approval: Mapping[str, Any] | None = None,
                  discovered_at: datetime | str | None = None) -> Event:
        """Start a run of ``runbook`` (its Markdown ``source_text`` is stored with the run).

        The staffing shortfall at start is computed and recorded; the run starts anyway. An
        exercise's clock pauses when the app closes unless ``clock_keeps_running``. ``approval``,
        the approval the version runs under (``approval.Status.record()``), is recorded too: an
        unapproved or overdue version starts, and the run says so.
        ``discovered_at`` is the moment the incident was discovered (ISO 8601 or HH:MM today,
        local time), which may lie before the start; ``due ... from=discovery`` timers count
        from it.
        """
        title = checks.required(title, "title")
        actor = checks.required(actor, "actor name")
        if runbook.kind == "exercise":
            raise CommandError.of("scenario_not_runbook", scenario=runbook.id,
                                  runbook=runbook.runbook)
        if scenario_id:
            mode = "exercise"
        if mode not in checks.MODES:
            raise CommandError.of("unknown_mode", mode=mode)
        people: list[dict[str, str]] = []
        for name, role in participants:
            person = {"name": checks.required(name, "participant name")}
            role_id = checks.role_of(runbook, role)
            if role_id:
                person["role"] = role_id
            people.append(person)
        gaps = staffing_shortfall(runbook, roles_per_person(
            (p["name"], p.get("role")) for p in people))
        record = RunRecord(
            id=new_event_id(), runbook_id=runbook.id, runbook_version=runbook.version,
            runbook_sha256=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
            runbook_text=source_text, title=title, mode=mode, lang=runbook.lang,
            created_at=format_wall_time(self.clock.now()), device_id=self.store.device_id,
            scenario_id=scenario_id)
        payload: dict[str, Any] = {
            "runbook_id": runbook.id, "runbook_version": runbook.version,
            "runbook_sha256": record.runbook_sha256, "title": title, "mode": mode,
            "lang": runbook.lang, "participants": people,
            "shortfall": [{"role": g.role, "needed": g.needed, "present": g.present}
                          for g in gaps],
        }
        if scenario_id:
            payload["scenario_id"] = scenario_id
        if clock_keeps_running and mode == "exercise":
            payload["clock_keeps_running"] = True
        if approval is not None:
            payload["approval"] = dict(approval)
        if discovered_at is not None:
            moment = discipline.discovery_moment(discovered_at, self.clock.now())
            payload["discovered_at"] = format_wall_time(moment)
        check_payload(EventKind.RUN_STARTED, payload)
        with self.store.writing() as writer:
            writer.insert_run(record)
            event = writer.append(record.id, EventKind.RUN_STARTED, actor=actor, payload=payload)
        return event

    def check(self, run_id: str, step_id: str, *, actor: str, verified_by: str | None = None,
              occurred_at: datetime | str | None = None, outcome: str | None = None,
              override: str | None = None, sent_text: str | None = None,
              channel: str = "") -> Event:
        """Check a step done.

        A four-eyes step names its verifier; both must be qualified participants. A check step
        records its ``outcome`` (ruled-out, not-ruled-out, under-investigation). A step refused by
        a four-eyes or staffing rule is recorded only with ``override``, a reason, which the event
        keeps with who overrode (``actor``) and what was refused. ``sent_text`` is the text a
        message step (``message=``) sent: its ``message_sent`` is logged in the same transaction.
        """
        then = None if sent_text is None else (
            lambda s, rb: send_payload(rb, step_id, sent_text, channel))
        return self._record(
            run_id, EventKind.STEP_CHECKED, actor=actor, step_id=step_id, occurred_at=occurred_at,
            check=lambda s, rb: checks.check_step(s, rb, step_id, actor.strip(), verified_by,
                                                  outcome, override), then=then)

    def discovered(self, run_id: str, at: datetime | str, *, actor: str) -> Event:
        """Record (or correct) the moment the incident was discovered; it may lie before the
        run started, never in the future. The latest record counts."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            moment = discipline.discovery_moment(at, self.clock.now())
            return {"at": format_wall_time(moment)}
        return self._record(run_id, EventKind.DISCOVERED, actor=actor, check=check)

    def uncheck(self, run_id: str, step_id: str, *, actor: str,
                occurred_at: datetime | str | None = None) -> Event:
        """Reopen a step: undoes its last check, skip or decision."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            checks.uncheck_step(state, runbook, step_id)
            return {}
        return self._record(run_id, EventKind.STEP_UNCHECKED, actor=actor, step_id=step_id,
                            occurred_at=occurred_at, check=check)

    def skip(self, run_id: str, step_id: str, *, actor: str, reason: str,
             occurred_at: datetime | str | None = None) -> Event:
        """Skip a step, with the reason why."""
        return self._record(run_id, EventKind.STEP_SKIPPED, actor=actor, step_id=step_id,
                            occurred_at=occurred_at,
                            check=lambda s, rb: checks.skip_step(s, rb, step_id, reason))

    def note(self, run_id: str, text: str, *, actor: str, step_id: str | None = None,
             occurred_at: datetime | str | None = None) -> Event:
        """Add a note to the run (or to one step)."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            if step_id is not None:
                checks.step_of(runbook, step_id)
            return {"text": checks.required(text, "note text")}
        return self._record(run_id, EventKind.NOTE_ADDED, actor=actor, step_id=step_id,
                            occurred_at=occurred_at, check=check)

    def decide(self, run_id: str, step_id: str, option: str, *, actor: str, rationale: str = "",
               owner: str | None = None, revisit_by: str | None = None,
               occurred_at: datetime | str | None = None) -> Event:
        """Record a decision: ``option`` is the target section id or the option's label."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            chosen = checks.decide_step(state, runbook, step_id, option)
            payload: dict[str, Any] = {
                "option": chosen.target, "label": chosen.label, "rationale": rationale.strip(),
                "owner": (owner or "").strip() or actor.strip(),
                # The decisions this one knew about: they are settled by it (see snapshot.py).
                "supersedes": checks.known_decisions(state, step_id),
            }
            if revisit_by:
                payload["revisit_by"] = revisit_by
            return payload
        return self._record(run_id, EventKind.DECISION_RECORDED, actor=actor, step_id=step_id,
                            occurred_at=occurred_at, check=check)

    def join(self, run_id: str, name: str, *, actor: str, role: str | None = None) -> Event:
        """Someone joins the run (optionally in a role)."""
        return self._record(run_id, EventKind.PARTICIPANT_JOINED, actor=actor,
                            check=lambda s, rb: checks.join_person(s, rb, name, role))

    def assign_role(self, run_id: str, name: str, role: str, *, actor: str) -> Event:
        """Give a person a role (they join the run if they had not yet)."""
        return self._record(run_id, EventKind.ROLE_ASSIGNED, actor=actor,
                            check=lambda s, rb: checks.assign_role(s, rb, name, role))

    def service(self, run_id: str, service: str, status: str, *, actor: str,
                note: str = "") -> Event:
        """Report a service's status (up, degraded, down, restored) on the impact board."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            payload = {"service": checks.service_of(runbook, state, service),
                       "status": checks.service_status(status)}
            if note.strip():
                payload["note"] = note.strip()
            checks.service_changes(state, payload)
            return payload
        return self._record(run_id, EventKind.SERVICE_STATUS_CHANGED, actor=actor, check=check)

    def message_sent(self, run_id: str, message_id: str, *, actor: str, text: str,
                     channel: str = "", audience: str = "") -> Event:
        """Log that a message went out (channel and audience default to the template's)."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            template = runbook.message(message_id)
            if template is None:
                raise CommandError.of("unknown_message", message=message_id,
                                      messages=", ".join(m.id for m in runbook.messages))
            return {"message_id": message_id, "text": checks.required(text, "message text"),
                    "channel": channel.strip() or template.channel,
                    "audience": audience.strip() or template.audience}
        return self._record(run_id, EventKind.MESSAGE_SENT, actor=actor, check=check)

    def timer_fired(self, run_id: str, step_id: str, timer: str, *, actor: str) -> Event:
        """Log that a step's timer (due, timebox, every) went off."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            checks.step_of(runbook, step_id)
            if timer not in checks.TIMERS:
                raise CommandError.of("unknown_timer", timer=timer,
                                      timers=", ".join(checks.TIMERS))
            return {"timer": timer}
        return self._record(run_id, EventKind.TIMER_FIRED, actor=actor, step_id=step_id,
                            check=check)

    def close(self, run_id: str, *, actor: str, summary: str = "") -> Event:
        """Close the run's checklist; its report, notes and action items stay open."""
        return self._record(run_id, EventKind.RUN_CLOSED, actor=actor,
                            check=lambda s, rb: {"summary": summary.strip()})


# The rules of a step command that need nothing typed yet (see ``Engine.refusal``).
_RULES_AHEAD: dict[EventKind, Callable[[RunState, Runbook, str], object]] = {
    EventKind.STEP_CHECKED: checks.checkable,
    EventKind.STEP_SKIPPED: checks.skippable,
    EventKind.STEP_UNCHECKED: checks.uncheck_step,
    EventKind.DECISION_RECORDED: checks.decidable,
}
