"""What the team records besides steps: notes, service status, messages sent, report parts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run.kinds.declare import Payload, TextContext, Words, declare
from runbook_assistant.core.run.state_types import MessageEntry, NoteEntry, ServiceState

if TYPE_CHECKING:
    from runbook_assistant.core.run.fold import RunFolder

SERVICE_STATUS: dict[str, dict[str, str]] = {
    "en": {"up": "up", "degraded": "degraded", "down": "down", "restored": "restored",
           "unknown": "unknown"},
    "nl": {"up": "beschikbaar", "degraded": "verminderd", "down": "uitgevallen",
           "restored": "hersteld", "unknown": "onbekend"},
}


def service_status_text(status: str, lang: str) -> str:
    """A service status word in the run's language."""
    return SERVICE_STATUS.get(lang, SERVICE_STATUS["en"]).get(status, status)


def fold_note(folder: RunFolder, event: Event, at: datetime) -> None:
    text = event.payload.get("text", "")
    if not _FAST_NOTES:
        folder.notes.append(NoteEntry(str(text), event.actor, at, event.id, event.step_id,
                                      event.late))
        return
    note = _new(NoteEntry)
    # The same object NoteEntry(...) makes, its __dict__ filled in field order: a frozen
    # dataclass sets each field through object.__setattr__, a third of folding a note.
    d = note.__dict__
    d["text"] = text if type(text) is str else str(text)
    d["actor"] = event.actor
    d["at"] = at
    d["event_id"] = event.id
    d["step_id"] = event.step_id
    d["late"] = event.occurred_at is not None
    folder.notes.append(note)


# Only while NoteEntry has these fields in this order, a __dict__ and no __post_init__.
_FAST_NOTES = (tuple(NoteEntry.__dataclass_fields__) ==
               ("text", "actor", "at", "event_id", "step_id", "late")
               and "__slots__" not in NoteEntry.__dict__
               and not hasattr(NoteEntry, "__post_init__"))
_new = object.__new__


def write_note(w: Words, p: Payload, c: TextContext) -> str:
    key = "observation" if p.get("observer") is True else "sentence"
    if c.step:
        return w[f"{key}_step"].format(step=c.step, text=p.get("text", ""))
    return w[key].format(text=p.get("text", ""))


# observer: true for an exercise observer's note; the event's step_id is optional.
declare(EventKind.NOTE_ADDED, fields=("text", "observer?"), fold=fold_note, write=write_note,
        group="notes",
        en={"sentence": "Note: {text}", "sentence_step": "Note on '{step}': {text}",
            "observation": "Observation: {text}",
            "observation_step": "Observation on '{step}': {text}"},
        nl={"sentence": "Notitie: {text}", "sentence_step": "Notitie bij '{step}': {text}",
            "observation": "Waarneming: {text}",
            "observation_step": "Waarneming bij '{step}': {text}"})


def fold_service(folder: RunFolder, event: Event, at: datetime) -> None:
    payload = event.payload
    name = str(payload.get("service", ""))
    status, note = str(payload.get("status", "unknown")), str(payload.get("note") or "")
    if not _FAST_SERVICES:
        folder.services[name] = ServiceState(name, status, at, note, event.actor)
        return
    # The same object ServiceState(...) makes (see fold_note): a long run reports services
    # tens of thousands of times, and only the last report of each is kept.
    state = _new(ServiceState)
    d = state.__dict__
    d["name"] = name
    d["status"] = status
    d["since"] = at
    d["note"] = note
    d["by"] = event.actor
    folder.services[name] = state


_FAST_SERVICES = (tuple(ServiceState.__dataclass_fields__) ==
                  ("name", "status", "since", "note", "by")
                  and "__slots__" not in ServiceState.__dict__
                  and not hasattr(ServiceState, "__post_init__"))


def write_service(w: Words, p: Payload, c: TextContext) -> str:
    text = w["sentence"].format(
        service=p.get("service", ""), status=service_status_text(str(p.get("status", "")), c.lang))
    note = str(p.get("note") or "").strip()
    return text + (f" — {note}" if note else "")


declare(EventKind.SERVICE_STATUS_CHANGED, fields=("service", "status", "note?"),
        fold=fold_service, write=write_service, group="services",
        en={"sentence": "{service}: {status}"}, nl={"sentence": "{service}: {status}"})


def fold_message(folder: RunFolder, event: Event, at: datetime) -> None:
    p = event.payload
    folder.messages.append(MessageEntry(str(p.get("message_id", "")), str(p.get("channel", "")),
                                        str(p.get("audience", "")), str(p.get("text", "")),
                                        event.actor, at, event.id))


def write_message(w: Words, p: Payload, c: TextContext) -> str:
    template = c.runbook.message(str(p.get("message_id", "")))
    name = (template.title if template and template.title else p.get("message_id", ""))
    return w["sentence"].format(message=name, channel=p.get("channel", ""),
                                audience=p.get("audience", ""))


declare(EventKind.MESSAGE_SENT, fields=("message_id", "text", "channel", "audience", "step?"),
        fold=fold_message, write=write_message, group="messages",
        en={"sentence": "Sent message '{message}' via {channel} to {audience}"},
        nl={"sentence": "Bericht '{message}' verstuurd via {channel} aan {audience}"})


def fold_report(folder: RunFolder, event: Event, at: datetime) -> None:
    folder.report[str(event.payload.get("field", ""))] = str(event.payload.get("text", ""))


def report_field_label(field: str, lang: str) -> str:
    """A report field's name as the report itself heads it (the field id when it has none)."""
    from runbook_assistant.core.i18n import labels  # the report's own labels
    from runbook_assistant.core.run.report_fields import TEXT_FIELDS

    key = field if field in TEXT_FIELDS else f"check_{field}"
    return labels(lang).get(key) or field


def write_report(w: Words, p: Payload, c: TextContext) -> str:
    return w["sentence"].format(field=report_field_label(str(p.get("field", "")), c.lang))


# field: cause | impact | measures | ... (core/run/report_fields.py)
declare(EventKind.REPORT_DRAFTED, fields=("field", "text"), fold=fold_report,
        write=write_report, replayed=False,
        en={"sentence": "Report drafted: {field}"}, nl={"sentence": "Rapport bijgewerkt: {field}"})
