"""The run itself and who is in it: started, closed, joined, roles."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.run.kinds.declare import (
    Payload,
    TextContext,
    Words,
    declare,
    event_type,
)

if TYPE_CHECKING:
    from runbook_assistant.core.run.fold import RunFolder


def fold_started(folder: RunFolder, event: Event, at: datetime) -> None:
    if folder.started is not None:
        return  # only the first start counts; a second one cannot come from the engine
    folder.started = event
    folder.started_at = at
    moment = _moment(event.payload.get("discovered_at"))
    if moment is not None and folder.discovered_at is None:
        folder.discovered_at, folder.discovered_by = moment, event.actor
    for person in event.payload.get("participants") or ():
        folder.add_person(str(person.get("name", "")), person.get("role"), at)


def write_started(w: Words, p: Payload, c: TextContext) -> str:
    key = "exercise" if p.get("mode") == "exercise" else "sentence"
    text = w[key].format(title=p.get("title", ""), runbook=c.runbook.title)
    gaps = [w["gap"].format(role=c.role(g.get("role")), present=g.get("present", 0),
                            needed=g.get("needed", 0)) for g in p.get("shortfall") or ()]
    text += w["shortfall"].format(gaps=", ".join(gaps)) if gaps else ""
    if p.get("discovered_at"):
        text += w["discovered"].format(when=_local(str(p["discovered_at"])))
    approval = p.get("approval")
    if isinstance(approval, Mapping) and approval.get("state"):
        text += "; " + _approval_words(w, approval)
    return text


_WHY = ("never", "edited", "signature", "damaged", "unreadable")


def _approval_words(w: Words, approval: Mapping[str, Any],
                    when: Callable[[str], str] | None = None) -> str:
    """The approval a run started under, in words (``w``: the run_started words; ``when``
    formats a stored UTC time, local time by default)."""
    when = when or _local
    if approval.get("approved_by"):
        text = w["approved"].format(who=approval["approved_by"],
                                    when=when(str(approval.get("approved_at", ""))),
                                    device=approval.get("fingerprint", "?"))
    else:
        why = str(approval.get("why") or "")
        if why not in _WHY:  # recorded before the reason was kept as a word
            reason = str(approval.get("reason") or "")
            why = ("never" if reason == "never approved" else
                   "edited" if reason.startswith("edited since") else
                   "signature" if "signature" in reason else
                   "damaged" if "damaged" in reason else "unreadable")
        text = w["not_approved"].format(why=w[f"why_{why}"])
        if why == "edited" and approval.get("void_approved_by"):
            text += w["void"].format(who=approval["void_approved_by"],
                                     when=when(str(approval.get("void_approved_at", ""))))
    if approval.get("state") == "review-due" and approval.get("review_by"):
        text += w["review_due"].format(date=approval["review_by"])
    return text


def approval_text(approval: Mapping[str, Any] | None, lang: str,
                  when: Callable[[str], str] | None = None) -> str:
    """The approval a run ran under (``RunState.approval``) as its start sentence words it,
    e.g. ``approved by Sanne on 2026-12-07 10:00 (device K7F2-9XQA-3M1D)``; ``""`` for a run
    that recorded none (started before approvals existed, or by an older version). ``when``
    formats a stored UTC time (an export's own time zone); local time by default."""
    if not approval or not approval.get("state"):
        return ""
    words = event_type(EventKind.RUN_STARTED).words
    return _approval_words(words.get(lang) or words["en"], approval, when)


# participants: [{name, role?}]; shortfall: [{role, needed, present}] at the start;
# clock_keeps_running: an exercise whose clock runs on while the app is closed (else it pauses).
# approval: the approval the version ran under ({state, approved_by?, approved_at?, sha256?,
# fingerprint?, signature?, reason?, review_by?}; core/authoring/approval.Status.record()).
declare(EventKind.RUN_STARTED,
        fields=("runbook_id", "runbook_version", "runbook_sha256", "title", "mode", "lang",
                "participants", "shortfall", "scenario_id?", "clock_keeps_running?", "approval?",
                "discovered_at?"),
        fold=fold_started, write=write_started, reaction=False, replayed=False,
        en={"sentence": "Started '{title}' with runbook '{runbook}'",
            "exercise": "Started exercise '{title}' with runbook '{runbook}'",
            "shortfall": "; short of staff: {gaps}", "gap": "{role} {present} of {needed}",
            "discovered": "; discovered {when}",
            "approved": "approved by {who} on {when} (device {device})",
            "not_approved": "NOT approved: {why}", "void": " (approved by {who} on {when})",
            "review_due": "; review overdue (review by {date})",
            "why_never": "never approved",
            "why_edited": "edited since it was approved, the approval is void",
            "why_signature": "the approval's signature does not match",
            "why_damaged": "the approval file is damaged",
            "why_unreadable": "the approval file cannot be read"},
        nl={"sentence": "Gestart: '{title}' met draaiboek '{runbook}'",
            "exercise": "Oefening gestart: '{title}' met draaiboek '{runbook}'",
            "shortfall": "; onderbezetting: {gaps}", "gap": "{role} {present} van {needed}",
            "discovered": "; ontdekt {when}",
            "approved": "goedgekeurd door {who} op {when} (apparaat {device})",
            "not_approved": "NIET goedgekeurd: {why}",
            "void": " (goedgekeurd door {who} op {when})",
            "review_due": "; herziening te laat (herzien vóór {date})",
            "why_never": "nooit goedgekeurd",
            "why_edited": "gewijzigd na de goedkeuring, de goedkeuring is vervallen",
            "why_signature": "de handtekening van de goedkeuring klopt niet",
            "why_damaged": "het goedkeuringsbestand is beschadigd",
            "why_unreadable": "het goedkeuringsbestand is niet te lezen"})


def fold_discovered(folder: RunFolder, event: Event, at: datetime) -> None:
    # The latest record counts: a later, better-informed moment corrects an earlier one.
    moment = _moment(event.payload.get("at"))
    if moment is not None:
        folder.discovered_at, folder.discovered_by = moment, event.actor


def _moment(value: object) -> datetime | None:
    """A stored moment; one another version wrote unreadably is left out, not fatal."""
    try:
        return parse_time(str(value)) if value else None
    except ValueError:
        return None


def write_discovered(w: Words, p: Payload, c: TextContext) -> str:
    return w["sentence"].format(when=_local(str(p.get("at", ""))))


def _local(text: str) -> str:
    try:
        return parse_time(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


# at: the moment of discovery (ISO 8601 UTC); it may lie before the run started.
declare(EventKind.DISCOVERED, fields=("at",), fold=fold_discovered, write=write_discovered,
        reaction=False, replayed=False,
        en={"sentence": "Moment of discovery recorded: {when}"},
        nl={"sentence": "Moment van ontdekking vastgelegd: {when}"})


def fold_closed(folder: RunFolder, event: Event, at: datetime) -> None:
    if folder.closed is None:
        folder.closed = event
        folder.closed_at = at


def write_closed(w: Words, p: Payload, c: TextContext) -> str:
    summary = str(p.get("summary") or "").strip()
    return w["sentence"] + (f": {summary}" if summary else "")


declare(EventKind.RUN_CLOSED, fields=("summary",), fold=fold_closed, write=write_closed,
        reaction=False, replayed=False,
        en={"sentence": "Closed the run"}, nl={"sentence": "Afgesloten"})


def fold_joined(folder: RunFolder, event: Event, at: datetime) -> None:
    folder.add_person(str(event.payload.get("name", "")), event.payload.get("role"), at)


def write_joined(w: Words, p: Payload, c: TextContext) -> str:
    if p.get("role"):
        return w["with_role"].format(name=p.get("name", ""), role=c.role(p["role"]))
    return w["sentence"].format(name=p.get("name", ""))


declare(EventKind.PARTICIPANT_JOINED, fields=("name", "role?"), fold=fold_joined,
        write=write_joined, group="people",
        en={"sentence": "{name} joined", "with_role": "{name} joined as {role}"},
        nl={"sentence": "{name} doet mee", "with_role": "{name} doet mee als {role}"})


def write_assigned(w: Words, p: Payload, c: TextContext) -> str:
    return w["sentence"].format(name=p.get("name", ""), role=c.role(p.get("role")))


declare(EventKind.ROLE_ASSIGNED, fields=("name", "role"), fold=fold_joined, write=write_assigned,
        group="people",
        en={"sentence": "{name} took the role {role}"},
        nl={"sentence": "{name} heeft de rol {role}"})
