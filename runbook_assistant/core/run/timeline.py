"""Timeline rows: one per event, in fold order, each with a sentence in the run's language.

Every export format (Markdown, HTML, CSV, PDF, the report) renders these rows, so a sentence is
written in one place only. A late entry (typed in afterwards from paper) is flagged and carries
both times: when it happened (``time``) and when it was recorded (``wall_time``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import ordered, parse_time
from runbook_assistant.core.runbook.model import Runbook

LANGS = ("en", "nl")


@dataclass(frozen=True)
class TimelineRow:
    """One line of the timeline."""

    time: datetime  # when it happened (occurred_at for a late entry)
    wall_time: datetime  # when the laptop recorded it
    late: bool
    actor: str
    kind: str
    step_id: str | None
    step_title: str
    text: str
    device_id: str
    event_id: str
    seq: int


# Sentences per kind, per language. Placeholders are filled from the event and the runbook.
_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "run_started": "Started '{title}' with runbook '{runbook}'",
        "run_started_exercise": "Started exercise '{title}' with runbook '{runbook}'",
        "shortfall": "; short of staff: {gaps}",
        "gap": "{role} {present} of {needed}",
        "run_closed": "Closed the run",
        "participant_joined": "{name} joined",
        "participant_joined_role": "{name} joined as {role}",
        "role_assigned": "{name} took the role {role}",
        "step_checked": "Checked '{step}'",
        "verified": " (verified by {verifier})",
        "step_unchecked": "Reopened '{step}'",
        "step_skipped": "Skipped '{step}'",
        "reason": ": {reason}",
        "note_added": "Note: {text}",
        "note_added_step": "Note on '{step}': {text}",
        "observation": "Observation: {text}",
        "observation_step": "Observation on '{step}': {text}",
        "decision_recorded": "Decided '{step}': {label}",
        "owner": " (owner {owner})",
        "revisit": " (revisit by {revisit})",
        "service_status_changed": "{service}: {status}",
        "message_sent": "Sent message '{message}' via {channel} to {audience}",
        "timer_due": "Overdue: '{step}'",
        "timer_timebox": "Timebox exceeded: '{step}'",
        "timer_every": "Reminder: '{step}' is due again",
        "inject_delivered": "Inject T+{offset}: {text}",
        "to": " (to {role})",
        "report_drafted": "Report drafted: {field}",
        "clock_speed": "Exercise clock ×{speed} from T+{offset}",
        "clock_pause": "Exercise clock paused at T+{offset}",
        "clock_resume": "Exercise clock running again at ×{speed} from T+{offset}",
        "clock_jump": "Exercise clock set ahead to T+{offset}",
        "unknown": "{kind}",
    },
    "nl": {
        "run_started": "Gestart: '{title}' met draaiboek '{runbook}'",
        "run_started_exercise": "Oefening gestart: '{title}' met draaiboek '{runbook}'",
        "shortfall": "; onderbezetting: {gaps}",
        "gap": "{role} {present} van {needed}",
        "run_closed": "Afgesloten",
        "participant_joined": "{name} doet mee",
        "participant_joined_role": "{name} doet mee als {role}",
        "role_assigned": "{name} heeft de rol {role}",
        "step_checked": "Afgevinkt: '{step}'",
        "verified": " (gecontroleerd door {verifier})",
        "step_unchecked": "Heropend: '{step}'",
        "step_skipped": "Overgeslagen: '{step}'",
        "reason": " (reden: {reason})",
        "note_added": "Notitie: {text}",
        "note_added_step": "Notitie bij '{step}': {text}",
        "observation": "Waarneming: {text}",
        "observation_step": "Waarneming bij '{step}': {text}",
        "decision_recorded": "Besluit bij '{step}': {label}",
        "owner": " (eigenaar {owner})",
        "revisit": " (heroverwegen uiterlijk {revisit})",
        "service_status_changed": "{service}: {status}",
        "message_sent": "Bericht '{message}' verstuurd via {channel} aan {audience}",
        "timer_due": "Te laat: '{step}'",
        "timer_timebox": "Tijdvak overschreden: '{step}'",
        "timer_every": "Herinnering: '{step}' is weer aan de beurt",
        "inject_delivered": "Inject T+{offset}: {text}",
        "to": " (aan {role})",
        "report_drafted": "Rapport bijgewerkt: {field}",
        "clock_speed": "Oefenklok ×{speed} vanaf T+{offset}",
        "clock_pause": "Oefenklok gepauzeerd op T+{offset}",
        "clock_resume": "Oefenklok loopt weer op ×{speed} vanaf T+{offset}",
        "clock_jump": "Oefenklok vooruitgezet naar T+{offset}",
        "unknown": "{kind}",
    },
}

SERVICE_STATUS: dict[str, dict[str, str]] = {
    "en": {"up": "up", "degraded": "degraded", "down": "down", "restored": "restored",
           "unknown": "unknown"},
    "nl": {"up": "beschikbaar", "degraded": "verminderd", "down": "uitgevallen",
           "restored": "hersteld", "unknown": "onbekend"},
}


def service_status_text(status: str, lang: str) -> str:
    """A service status word in the run's language."""
    return SERVICE_STATUS.get(lang, SERVICE_STATUS["en"]).get(status, status)


def format_offset(seconds: int) -> str:
    """An inject offset as ``HH:MM``."""
    minutes = max(0, int(seconds)) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def timeline_rows(runbook: Runbook, events: Iterable[Event], lang: str) -> list[TimelineRow]:
    """One row per event, sorted like the fold, with a sentence in ``lang`` (nl or en)."""
    words = _TEXT.get(lang, _TEXT["en"])
    steps = {s.id: s.title for s in runbook.iter_steps()}
    writers, unknown = _WRITERS, words["unknown"]
    contexts: dict[tuple[str, str], _Context] = {}  # few steps and people, many events
    rows: list[TimelineRow] = []
    append, new, fast = rows.append, object.__new__, _FAST_ROWS
    with gc_paused():  # no cycles among the rows: see gc_pause.py
        for event in ordered(events):
            step_id, actor = event.step_id, event.actor
            step_title = steps.get(step_id, step_id) if step_id else ""
            writer = writers.get(event.kind)
            if writer is None:
                text = unknown.format(kind=event.kind)
            else:
                context = contexts.get((step_title, actor))
                if context is None:
                    context = contexts[step_title, actor] = _Context(runbook, lang, step_title,
                                                                     actor)
                text = writer(words, event.payload, context)
            wall = parse_time(event.wall_time)
            occurred_at = event.occurred_at
            if not fast:
                append(TimelineRow(parse_time(occurred_at) if occurred_at else wall, wall,
                                   occurred_at is not None, actor, str(event.kind), step_id,
                                   step_title, text, event.device_id, event.id, event.seq))
                continue
            row = new(TimelineRow)
            d = row.__dict__  # what the frozen __init__ sets, in the same order
            d["time"] = parse_time(occurred_at) if occurred_at else wall
            d["wall_time"] = wall
            d["late"] = occurred_at is not None
            d["actor"] = actor
            d["kind"] = str(event.kind)
            d["step_id"] = step_id
            d["step_title"] = step_title
            d["text"] = text
            d["device_id"] = event.device_id
            d["event_id"] = event.id
            d["seq"] = event.seq
            append(row)
    return rows


# Making a TimelineRow through its frozen ``__init__`` sets each field with
# ``object.__setattr__``, most of the cost of a row; filling the new instance's ``__dict__``
# gives the same object. Only while the fields are the ones filled in ``timeline_rows``.
_FAST_ROWS = (tuple(TimelineRow.__dataclass_fields__) == (
    "time", "wall_time", "late", "actor", "kind", "step_id", "step_title", "text", "device_id",
    "event_id", "seq") and "__slots__" not in TimelineRow.__dict__
    and not hasattr(TimelineRow, "__post_init__"))


def event_text(event: Event, runbook: Runbook, lang: str, *, step_title: str | None = None,
               words: dict[str, str] | None = None) -> str:
    """The sentence for one event."""
    words = words or _TEXT.get(lang, _TEXT["en"])
    if step_title is None:
        step = runbook.step(event.step_id) if event.step_id else None
        step_title = step.title if step else (event.step_id or "")
    writer = _WRITERS.get(event.kind)
    p = event.payload
    if writer is None:
        return words["unknown"].format(kind=event.kind)
    return writer(words, p, _Context(runbook, lang, step_title, event.actor))


@dataclass(frozen=True)
class _Context:
    runbook: Runbook
    lang: str
    step: str
    actor: str

    def role(self, role: Any) -> str:
        return self.runbook.role_name(str(role)) if role else ""


def _started(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    key = "run_started_exercise" if p.get("mode") == "exercise" else "run_started"
    text = w[key].format(title=p.get("title", ""), runbook=c.runbook.title)
    gaps = [w["gap"].format(role=c.role(g.get("role")), present=g.get("present", 0),
                            needed=g.get("needed", 0)) for g in p.get("shortfall") or ()]
    return text + (w["shortfall"].format(gaps=", ".join(gaps)) if gaps else "")


def _closed(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    summary = str(p.get("summary") or "").strip()
    return w["run_closed"] + (f": {summary}" if summary else "")


def _joined(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    if p.get("role"):
        return w["participant_joined_role"].format(name=p.get("name", ""), role=c.role(p["role"]))
    return w["participant_joined"].format(name=p.get("name", ""))


def _assigned(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    return w["role_assigned"].format(name=p.get("name", ""), role=c.role(p.get("role")))


def _checked(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    text = w["step_checked"].format(step=c.step)
    return text + (w["verified"].format(verifier=p["verified_by"]) if p.get("verified_by") else "")


def _unchecked(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    return w["step_unchecked"].format(step=c.step)


def _skipped(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    reason = str(p.get("reason") or "").strip()
    return w["step_skipped"].format(step=c.step) + (w["reason"].format(reason=reason)
                                                     if reason else "")


def _note(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    key = "observation" if p.get("observer") is True else "note_added"
    if c.step:
        return w[f"{key}_step"].format(step=c.step, text=p.get("text", ""))
    return w[key].format(text=p.get("text", ""))


def _decision(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    label = p.get("label") or p.get("option", "")
    text = w["decision_recorded"].format(step=c.step, label=label)
    rationale = str(p.get("rationale") or "").strip()
    if rationale:
        text += f" — {rationale}"
    if p.get("owner") and str(p["owner"]).strip().casefold() != c.actor.strip().casefold():
        text += w["owner"].format(owner=p["owner"])
    if p.get("revisit_by"):
        text += w["revisit"].format(revisit=p["revisit_by"])
    return text


def _service(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    text = w["service_status_changed"].format(
        service=p.get("service", ""), status=service_status_text(str(p.get("status", "")), c.lang))
    note = str(p.get("note") or "").strip()
    return text + (f" — {note}" if note else "")


def _message(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    template = c.runbook.message(str(p.get("message_id", "")))
    name = (template.title if template and template.title else p.get("message_id", ""))
    return w["message_sent"].format(message=name, channel=p.get("channel", ""),
                                    audience=p.get("audience", ""))


def _timer(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    key = f"timer_{p.get('timer', 'due')}"
    return w.get(key, w["timer_due"]).format(step=c.step)


def _inject(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    text = w["inject_delivered"].format(offset=format_offset(int(p.get("offset", 0))),
                                        text=p.get("text", ""))
    return text + (w["to"].format(role=c.role(p["to"])) if p.get("to") else "")


def _report(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    return w["report_drafted"].format(field=report_field_label(str(p.get("field", "")), c.lang))


def report_field_label(field: str, lang: str) -> str:
    """A report field's name as the report itself heads it (the field id when it has none)."""
    from runbook_assistant.core.i18n import labels  # the report's own labels
    from runbook_assistant.core.run.report_fields import TEXT_FIELDS

    key = field if field in TEXT_FIELDS else f"check_{field}"
    return labels(lang).get(key) or field


def _exercise_clock(w: dict[str, str], p: dict[str, Any], c: _Context) -> str:
    from runbook_assistant.core.formatting import format_offset as exercise_offset

    action = str(p.get("action", "speed"))
    speed = float(p.get("speed") or 0)
    return w.get(f"clock_{action}", w["clock_speed"]).format(
        speed=f"{speed:g}", offset=exercise_offset(float(p.get("exercise_offset") or 0)))


_WRITERS: dict[EventKind, Callable[[dict[str, str], dict[str, Any], _Context], str]] = {
    EventKind.RUN_STARTED: _started,
    EventKind.RUN_CLOSED: _closed,
    EventKind.PARTICIPANT_JOINED: _joined,
    EventKind.ROLE_ASSIGNED: _assigned,
    EventKind.STEP_CHECKED: _checked,
    EventKind.STEP_UNCHECKED: _unchecked,
    EventKind.STEP_SKIPPED: _skipped,
    EventKind.NOTE_ADDED: _note,
    EventKind.DECISION_RECORDED: _decision,
    EventKind.SERVICE_STATUS_CHANGED: _service,
    EventKind.MESSAGE_SENT: _message,
    EventKind.TIMER_FIRED: _timer,
    EventKind.INJECT_DELIVERED: _inject,
    EventKind.REPORT_DRAFTED: _report,
    EventKind.EXERCISE_CLOCK: _exercise_clock,
}
