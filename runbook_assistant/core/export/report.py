"""The incident report's content: what a council information letter needs, from the event log.

Summary, cause, impact, measures and the statements of what was checked are drafted in the app as
``report_drafted`` events (the last draft of a field counts). A statement nobody drafted is shown
as "not yet checked", never assumed. Impact per service comes from the service board, decisions
from the fold, and the report ends with the run's signed chain heads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from runbook_assistant.core.export.run_data import Anchor, RunData
from runbook_assistant.core.formatting import span_text
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.run.discipline import outcome_text
from runbook_assistant.core.run.paperwork import (
    ActionItem,
    ReportStatus,
    action_items,
    report_status,
)
from runbook_assistant.core.run.report_fields import CHECK_FIELDS, REPORT_FIELDS, TEXT_FIELDS
from runbook_assistant.core.run.services import service_board
from runbook_assistant.core.run.state_types import (
    DecisionEntry,
    MessageEntry,
    OverrideEntry,
    StaffingGap,
)

__all__ = ["CHECK_FIELDS", "REPORT_FIELDS", "TEXT_FIELDS"]


@dataclass(frozen=True)
class Drafted:
    """The last draft of one report field; ``at`` None when nobody drafted it."""

    field: str
    text: str = ""
    actor: str = ""
    at: datetime | None = None

    @property
    def present(self) -> bool:
        return bool(self.text.strip())


@dataclass(frozen=True)
class CheckLine:
    """One statement of what was checked, with its label; ``drafted.present`` False: unchecked."""

    field: str
    label: str
    drafted: Drafted


@dataclass(frozen=True)
class EstablishedLine:
    """A statement established by a recorded check: what, the outcome, who and when."""

    name: str
    title: str
    outcome: str  # in the report's language
    by: str
    verified_by: str
    at: datetime | None
    role: str


@dataclass(frozen=True)
class OverrideLine:
    """A rule set aside: the step, who, when, the reason and what was refused."""

    step_title: str
    entry: OverrideEntry


@dataclass(frozen=True)
class ImpactLine:
    """One service that was out: from when, until when, for how long."""

    service: str
    out_since: datetime | None
    restored_at: datetime | None
    duration: str
    status: str  # the status now, in the report's language
    note: str


@dataclass(frozen=True)
class OptionLine:
    label: str
    target: str
    target_title: str
    chosen: bool


@dataclass(frozen=True)
class DecisionLine:
    """One decision of the register, with every option of its step."""

    at: datetime
    step_id: str
    step_title: str
    chosen: str
    options: tuple[OptionLine, ...]
    rationale: str
    owner: str
    revisit_by: str
    actor: str
    status: str
    late: bool


@dataclass(frozen=True)
class StaffLine:
    name: str
    roles: str
    joined: datetime | None


@dataclass(frozen=True)
class MessageLine:
    at: datetime
    title: str
    channel: str
    audience: str
    actor: str
    text: str


@dataclass(frozen=True)
class Report:
    """Everything the report shows, in the order it shows it."""

    data: RunData
    summary: Drafted
    cause: Drafted
    impact_text: Drafted
    measures: Drafted
    checks: tuple[CheckLine, ...]
    impact: tuple[ImpactLine, ...]
    decisions: tuple[DecisionLine, ...]
    messages: tuple[MessageLine, ...]
    staff: tuple[StaffLine, ...]
    shortfall_start: tuple[str, ...]
    shortfall_end: tuple[str, ...]
    anchors: tuple[Anchor, ...]
    status: ReportStatus = field(default_factory=ReportStatus)
    actions: tuple[ActionItem, ...] = ()
    established: tuple[EstablishedLine, ...] = ()  # only statements backed by a check
    overrides: tuple[OverrideLine, ...] = ()
    unlogged: tuple[str, ...] = ()  # message steps checked with no send of theirs logged

    @property
    def no_messages(self) -> bool:
        """Nothing was sent as far as the log knows: no send and no message step checked."""
        return not self.messages and not self.unlogged

    def status_line(self) -> str:
        """``version 2, final: finalised by …`` or ``version 2, DRAFT``, (export language)."""
        words, status = self.data.labels, self.status
        last = status.last_final
        if status.final and last is not None:
            return words["report_final"].format(version=status.version, who=last.by,
                                                when=self.data.date_time(last.at))
        return words["report_draft"].format(version=status.version)

    def action_status(self, item: ActionItem) -> str:
        """An action item's status as the report words it (done, overdue or open)."""
        words = self.data.labels
        if item.status == "done":
            return words["action_done"].format(when=self.data.date_time(item.done_at),
                                               who=item.done_by)
        today = (self.data.local(self.data.exported_at) or self.data.exported_at).date()
        return words["action_overdue"] if item.overdue(today) else words["action_open"]


def drafted_fields(data: RunData) -> dict[str, Drafted]:
    """The last draft of every report field, with who drafted it and when."""
    found: dict[str, Drafted] = {}
    for event in data.events:
        if event.kind is EventKind.REPORT_DRAFTED:
            name = str(event.payload.get("field", ""))
            found[name] = Drafted(name, str(event.payload.get("text") or ""), event.actor,
                                  parse_time(event.occurred_at or event.wall_time))
    return found


def decision_lines(data: RunData) -> list[DecisionLine]:
    """The decision register: every decision recorded, with its options and its status now."""
    words = data.labels
    lines = []
    for entry in data.state.decisions:
        step = data.runbook.step(entry.step_id)
        options = tuple(
            OptionLine(o.label, o.target, _section_title(data, o.target), o.target == entry.option)
            for o in (step.options if step else ()))
        lines.append(DecisionLine(
            at=entry.at, step_id=entry.step_id, step_title=step.title if step else entry.step_id,
            chosen=entry.label or entry.option, options=options, rationale=entry.rationale,
            owner=entry.owner, revisit_by=entry.revisit_by or "", actor=entry.actor,
            status=words[_status_key(entry)], late=entry.late))
    return lines


def build_report(data: RunData) -> Report:
    """The report of a run, in the export's language."""
    words = data.labels
    state = data.state
    drafted = drafted_fields(data)

    def last(name: str) -> Drafted:
        return drafted.get(name) or Drafted(name)

    summary = last("summary")
    if not summary.present and state.summary.strip():  # the summary given when closing
        summary = Drafted("summary", state.summary, state.closed_by or "", state.closed_at)
    checks = tuple(CheckLine(name, words[f"check_{name}"], last(name)) for name in CHECK_FIELDS)
    return Report(
        data=data, summary=summary, cause=last("cause"), impact_text=last("impact"),
        measures=last("measures"), checks=checks, impact=tuple(_impact(data)),
        decisions=tuple(decision_lines(data)), messages=tuple(_messages(data, state.messages)),
        staff=tuple(StaffLine(p.name, ", ".join(data.runbook.role_name(r) for r in p.roles),
                              p.joined_at) for p in state.participants),
        shortfall_start=_gaps(data, state.start_shortfall),
        shortfall_end=_gaps(data, state.shortfall),
        anchors=tuple(data.anchors), status=report_status(data.events),
        actions=tuple(action_items(data.events)), established=established_lines(data),
        overrides=override_lines(data), unlogged=unlogged_sends(data))


def unlogged_sends(data: RunData) -> tuple[str, ...]:
    """Steps that send a message (``message=``), checked, while no send of that message is
    logged: the report says so rather than "no messages were sent"."""
    sent = {m.message_id for m in data.state.messages}
    lines = []
    for step in data.state.steps.values():
        spec = data.runbook.step(step.step_id)
        if spec is None or not spec.message or step.status != "done" or spec.message in sent:
            continue
        template = data.runbook.message(spec.message)
        lines.append(data.labels["unlogged_line"].format(
            step=step.title, message=template.title if template and template.title
            else spec.message, who=step.by or "?", when=data.date_time(step.at)))
    return tuple(lines)


def override_lines(data: RunData) -> tuple[OverrideLine, ...]:
    """Every rule set aside in the run, with its step's title (report and debrief, in red)."""
    return tuple(OverrideLine(_step_title(data, o.step_id), o) for o in data.state.overrides)


def established_lines(data: RunData) -> tuple[EstablishedLine, ...]:
    """The checked statements with a decided outcome (ruled out, not ruled out), in runbook
    order; a check still under investigation is not established."""
    return tuple(
        EstablishedLine(c.name, c.title, outcome_text(c.outcome, data.lang), c.by or "",
                        c.verified_by or "", c.at, data.runbook.role_name(c.role))
        for c in data.state.checks.values() if c.established)


def _step_title(data: RunData, step_id: str) -> str:
    step = data.runbook.step(step_id)
    return step.title if step else step_id


def _impact(data: RunData) -> list[ImpactLine]:
    from runbook_assistant.core.run.kinds import service_status_text

    state = data.state
    board = service_board(data.runbook, data.events, now=data.exported_at,
                          end=state.closed_at if state.closed else None)
    lines = []
    for row in board:
        if row.out_since is None:
            if row.listed:  # every service of the runbook is named, an untouched one too
                lines.append(ImpactLine(row.service, None, None, data.labels["not_affected"],
                                        service_status_text(row.status, data.lang), row.note))
            continue
        lines.append(ImpactLine(
            service=row.service, out_since=row.out_since, restored_at=row.restored_at,
            duration=(span_text(row.time_to_restore, data.lang)
                      if row.time_to_restore is not None else data.labels["not_restored"]),
            status=service_status_text(row.status, data.lang), note=row.note))
    return lines


def _messages(data: RunData, entries: tuple[MessageEntry, ...]) -> list[MessageLine]:
    lines = []
    for entry in entries:
        template = data.runbook.message(entry.message_id)
        title = template.title if template and template.title else entry.message_id
        lines.append(MessageLine(entry.at, title, entry.channel, entry.audience, entry.actor,
                                 entry.text))
    return lines


def _gaps(data: RunData, gaps: tuple[StaffingGap, ...]) -> tuple[str, ...]:
    line = data.labels["shortfall_line"]
    return tuple(line.format(role=data.runbook.role_name(g.role), present=g.present,
                             needed=g.needed) for g in gaps)


def _section_title(data: RunData, section_id: str) -> str:
    section = data.runbook.section(section_id)
    return section.title if section else section_id


def _status_key(entry: DecisionEntry) -> str:
    if entry.withdrawn:
        return "st_withdrawn"
    if entry.conflict:
        return "st_conflict"
    return "st_current" if entry.current else "st_superseded"
