"""Engine commands for the paperwork after a crisis: the report's parts, its finalising, and the
follow-up action items (they stay open after the run's checklist is closed).

``Engine`` inherits them; they go through the same command frame (``_record``: one transaction,
checked against the folded state, the event returned only after commit).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run import command_checks as checks
from runbook_assistant.core.run.paperwork import ActionItem, action_items, find_action, parse_due
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import RunSummary


class PaperworkCommands:
    """The report and action-item commands of ``Engine``."""

    if TYPE_CHECKING:  # Engine provides the command frame and the run list
        def _record(self, run_id: str, kind: EventKind, *, actor: str,
                    check: Callable[[RunState, Runbook], dict[str, Any]],
                    step_id: str | None = None, occurred_at: datetime | str | None = None,
                    ) -> Event: ...

        def runs(self, *, open_only: bool = False) -> list[RunSummary]: ...

        def events(self, run_id: str) -> list[Event]: ...

    def draft_report(self, run_id: str, field: str, text: str, *, actor: str) -> Event:
        """Record a part of the incident report (cause, impact, measures, ...)."""
        return self._record(run_id, EventKind.REPORT_DRAFTED, actor=actor,
                            check=lambda s, rb: {"field": checks.required(field, "report field"),
                                                 "text": text})

    def finalise_report(self, run_id: str, *, actor: str) -> Event:
        """Make the current version of the report final (the run must be closed)."""
        return self._record(run_id, EventKind.REPORT_FINALISED, actor=actor,
                            check=lambda s, rb: checks.finalise(s))

    def add_action(self, run_id: str, text: str, *, actor: str, owner: str,
                   due: str | None = None, runbook_id: str | None = None) -> Event:
        """Add a follow-up action item (owner, optional due date and runbook to change)."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            payload = {"text": checks.required(text, "action text"),
                       "owner": checks.required(owner, "owner")}
            when = parse_due(due)
            if when:
                payload["due"] = when
            if runbook_id and runbook_id.strip():
                payload["runbook_id"] = runbook_id.strip()
            return payload
        return self._record(run_id, EventKind.ACTION_ADDED, actor=actor, check=check)

    def action_done(self, run_id: str, action: str, *, actor: str, note: str = "") -> Event:
        """Mark an action item done (``action``: A2, 2, or its id)."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            item = find_action(action_items(state.events), action)
            if item.status == "done":
                raise CommandError.of("action_already_done", action=item.label,
                                      by=item.done_by)
            payload = {"action": item.action_id, "text": item.text}
            if note.strip():
                payload["note"] = note.strip()
            return payload
        return self._record(run_id, EventKind.ACTION_DONE, actor=actor, check=check)

    def actions(self, *, open_only: bool = False) -> list[ActionItem]:
        """Every run's action items (or the open ones), oldest run first."""
        found: list[ActionItem] = []
        for summary in reversed(self.runs()):
            items = action_items(self.events(summary.run_id))
            found += [i for i in items if not open_only or i.status == "open"]
        return found
