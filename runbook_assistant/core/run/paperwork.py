"""The paperwork of a run: report versions, finalising, and action items.

Closing a run closes its checklist, not its paperwork: the report fields, notes, action items and
late entries (typed in from paper) are still recorded afterwards, as events like everything else.
``report_finalised`` makes the current report version final; anything recorded after it starts the
next version, so every version stays in the log and an export can say which one it shows.

Action items are follow-up work with an owner and a due date, linked to the run (and optionally to
a runbook that needs changing). They are derived from the events, so they merge like the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import parse_time

# Kinds recorded after a run is closed: the paperwork, not the checklist.
AFTER_CLOSE_KINDS = frozenset({
    EventKind.REPORT_DRAFTED, EventKind.NOTE_ADDED, EventKind.ACTION_ADDED, EventKind.ACTION_DONE,
    EventKind.REPORT_FINALISED})
# Kinds that never change the report, so they do not start a new version.
_NOT_REPORT = frozenset({EventKind.REPORT_FINALISED, EventKind.TIMER_FIRED,
                         EventKind.EXERCISE_CLOCK})
ACTION_STATUSES = ("open", "done")


@dataclass(frozen=True)
class FinalVersion:
    """One finalised version of the report: who made it final and when."""

    version: int
    by: str
    at: datetime
    event_id: str


@dataclass(frozen=True)
class ReportStatus:
    """Where the report stands: the version being shown and whether it is final."""

    version: int = 1
    final: bool = False
    finals: tuple[FinalVersion, ...] = ()

    @property
    def last_final(self) -> FinalVersion | None:
        return self.finals[-1] if self.finals else None


@dataclass(frozen=True)
class ActionItem:
    """One follow-up action; ``number`` is its place among the run's actions (A1, A2, ...)."""

    action_id: str  # the event id of its ``action_added``
    number: int
    run_id: str
    text: str
    owner: str
    due: date | None
    runbook_id: str
    added_by: str
    added_at: datetime
    status: str = "open"
    done_by: str = ""
    done_at: datetime | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return f"A{self.number}"

    def overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return self.status == "open" and self.due is not None and self.due < today


def report_status(events: Iterable[Event]) -> ReportStatus:
    """The report's version and status from the run's events (in fold order).

    Every change after a ``report_finalised`` (a draft, a note, an action, a late entry) starts the
    next version; the report is final while nothing changed since its last finalising.
    """
    version, final = 1, False
    finals: list[FinalVersion] = []
    for event in events:
        if event.kind is EventKind.REPORT_FINALISED:
            final = True
            finals.append(FinalVersion(version, event.actor, _at(event), event.id))
        elif final and event.kind not in _NOT_REPORT:
            version, final = version + 1, False
    return ReportStatus(version, final, tuple(finals))


def action_items(events: Iterable[Event]) -> list[ActionItem]:
    """The run's action items in the order they were added, each with its status now."""
    items: dict[str, ActionItem] = {}
    done: dict[str, Event] = {}
    for event in events:
        if event.kind is EventKind.ACTION_ADDED:
            p = event.payload
            items[event.id] = ActionItem(
                action_id=event.id, number=len(items) + 1, run_id=event.run_id,
                text=str(p.get("text", "")), owner=str(p.get("owner", "")),
                due=_date(p.get("due")), runbook_id=str(p.get("runbook_id") or ""),
                added_by=event.actor, added_at=_at(event))
        elif event.kind is EventKind.ACTION_DONE:
            done.setdefault(str(event.payload.get("action", "")), event)
    result = []
    for item in items.values():
        finished = done.get(item.action_id)
        if finished is not None:
            item = ActionItem(**{**item.__dict__, "status": "done", "done_by": finished.actor,
                                 "done_at": _at(finished),
                                 "note": str(finished.payload.get("note") or "")})
        result.append(item)
    return result


def find_action(items: list[ActionItem], ref: str) -> ActionItem:
    """An action by its label (``A2`` or ``2``) or its id (or a unique start of it)."""
    text = ref.strip()
    number = text[1:] if text[:1] in "aA" else text
    if number.isdigit():
        found = [i for i in items if i.number == int(number)]
    else:
        found = [i for i in items if len(text) >= 6 and i.action_id.startswith(text.lower())]
    if len(found) == 1:
        return found[0]
    if not items:
        raise CommandError.of("unknown_action_item_none", action=ref)
    raise CommandError.of("unknown_action_item", action=ref,
                          actions=", ".join(i.label for i in items))


def parse_due(text: str | None) -> str | None:
    """A due date as ``YYYY-MM-DD`` (None when not given); refuses anything else."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise CommandError.of("bad_date", value=text.strip()) from None


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _at(event: Event) -> datetime:
    return parse_time(event.occurred_at or event.wall_time)
