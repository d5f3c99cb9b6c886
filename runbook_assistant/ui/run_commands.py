"""What the run keys do: each user action is one engine call through the view's ``RunOps``.

A step shows as done only after the engine returned the committed event; ``RunOps`` then
announces the change and every panel shows it. The rules are the engine's alone: before a dialog
opens, ``RunOps.ahead`` asks the engine whether it would refuse the command anyway (the refusal
shows in the header); a refusal of the command itself is shown in the one error dialog and
changes nothing. Dialogs are opened with ``open()`` so they never block the event loop (a timer
still ticks behind them) and report back through ``accepted``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run.discipline import staffing_refusal
from runbook_assistant.core.run.message_steps import message_to_send
from runbook_assistant.core.runbook.model import MessageTemplate, Step
from runbook_assistant.ui.decision_dialog import DecisionDialog
from runbook_assistant.ui.four_eyes_dialog import FourEyesDialog
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.outcome_dialog import OutcomeDialog
from runbook_assistant.ui.run_timers import reminders_due
from runbook_assistant.ui.text_entry_dialog import (
    actor_dialog,
    note_dialog,
    override_dialog,
    skip_dialog,
)

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.ui.run_view import RunView

log = logging.getLogger("runbook_assistant.ui")


KEY_HELP = (  # (keys, what) for the F1 dialog; translated where shown
    (QT_TRANSLATE_NOOP("RunView", "↑ ↓ or J K"),
     QT_TRANSLATE_NOOP("RunView", "Move between steps")),
    (QT_TRANSLATE_NOOP("RunView", "→ ←"), QT_TRANSLATE_NOOP("RunView", "Open or close a section")),
    (QT_TRANSLATE_NOOP("RunView", "Space"),
     QT_TRANSLATE_NOOP("RunView", "Check the step (a four-eyes step asks who verified it)")),
    (QT_TRANSLATE_NOOP("RunView", "U"), QT_TRANSLATE_NOOP("RunView", "Undo: reopen the step")),
    (QT_TRANSLATE_NOOP("RunView", "S"), QT_TRANSLATE_NOOP("RunView", "Skip the step (asks why)")),
    (QT_TRANSLATE_NOOP("RunView", "N"), QT_TRANSLATE_NOOP("RunView", "Add a note")),
    (QT_TRANSLATE_NOOP("RunView", "D"), QT_TRANSLATE_NOOP("RunView", "Record the decision")),
    (QT_TRANSLATE_NOOP("RunView", "Enter"),
     QT_TRANSLATE_NOOP("RunView", "Read the step's details (Esc returns)")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+F"), QT_TRANSLATE_NOOP("RunView", "Search the steps")),
)


class RunCommands(QObject):
    """The run view's commands: check, undo, skip, note, decide, close, change actor."""

    recorded = Signal(object)  # the committed Event

    def __init__(self, view: RunView) -> None:
        super().__init__(view)
        self.view = view
        self.active_dialog: QDialog | None = None
        self.last_performer = ""  # of the last four-eyes step recorded in this view

    # --- plumbing --------------------------------------------------------------------------------
    def record(self, command: Callable[[Engine], Event]) -> Event | None:
        """Make one engine call through the view's ops; announce the committed event."""
        event = self.view.ops.run(command)
        if event is not None:
            self.recorded.emit(event)
        return event

    def _open(self, dialog: QDialog, on_accept: Callable[[Any], None]) -> QDialog:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        self.view.list.setFocus()

    def _ahead(self, kind: EventKind, step: Step | None = None) -> bool:
        return self.view.ops.ahead(kind, step.id if step is not None else None)

    # --- the commands ----------------------------------------------------------------------------
    def dispatch(self, name: str) -> None:
        """A run key pressed in the checklist (see ``StepTreeView``), on the selected row."""
        view = self.view
        index = view.list.currentIndex()
        step = view.model.step_at(index)
        view.header.show_message("")
        if step is None:  # a section header: open or close it, or a note on the run
            if name in ("check", "details") and index.isValid():
                view.list.setExpanded(index, not view.list.isExpanded(index))
            elif name == "note":
                self.note(None)
            return
        actions: dict[str, Callable[[Step], None]] = {
            "check": self.check, "undo": self.undo, "skip": self.skip, "note": self.note,
            "decide": self.decide, "details": lambda _step: view.detail.setFocus()}
        action = actions.get(name)
        if action is not None:
            action(step)

    def record_reminders(self, now: datetime) -> list[str]:
        """Record each recurring reminder due at ``now`` and not yet recorded; their step ids.

        Never a dialog from a timer: a refusal is logged and shown in the header.
        """
        view = self.view
        if view.state is None:
            return []
        fired: list[str] = []
        for step_id in reminders_due(view.state, view.runbook, now):
            try:
                view.ops.engine.timer_fired(view.run_id, step_id, "every",
                                            actor=view.actor or "?")
            except RunbookAssistantError as exc:
                log.warning("reminder for %s not recorded: %s", step_id, exc.message)
                view.header.show_message(exc.text(ui_lang()), tone="danger")
                continue
            fired.append(step_id)
        return fired

    def check(self, step: Step) -> None:
        """Space: check an open step (a four-eyes step asks who verified; a decision asks which;
        a step that sends a message then offers its text)."""
        if step.decision:
            self.decide(step)
            return
        if not self._ahead(EventKind.STEP_CHECKED, step):
            return
        view = self.view
        send = self._to_send(step)
        if step.four_eyes and view.state is not None:
            dialog = FourEyesDialog(step, view.runbook, view.state, view.actor,
                                    self.last_performer, view)
            self._open(dialog, lambda d: self._four_eyes_done(step, d, send))
            return
        if step.check is not None:
            self._open(OutcomeDialog(step, view), lambda d: self._checked(step, self.record(
                lambda engine: engine.check(view.run_id, step.id, actor=view.actor,
                                            outcome=d.outcome())), send))
            return
        short = (staffing_refusal(view.state, view.runbook, step, ui_lang())
                 if view.state else None)
        if short:  # the engine would refuse: say why, and offer an override with a reason
            self._open(override_dialog(short, view), lambda d: self._checked(step, self.record(
                lambda engine: engine.check(view.run_id, step.id, actor=view.actor,
                                            override=d.text())), send))
            return
        self._checked(step, self.record(
            lambda engine: engine.check(view.run_id, step.id, actor=view.actor)), send)

    def _to_send(self, step: Step) -> MessageTemplate | None:
        """The message a step sends that is not logged as sent since its last check: asked
        before the check, so a text sent from the Messages tab first is not offered again."""
        view = self.view
        if step.message is None or view.state is None:
            return None
        return message_to_send(view.state, view.runbook, step.id)

    def _offer(self, template: MessageTemplate) -> None:
        """After a step that sends a message is checked: its text, filled, in the Messages tab,
        ready to be marked as sent (the check itself never logs a text nobody saw)."""
        view = self.view
        if view.side.offer_message(template.id):
            view.header.show_message(self.tr(
                "This step sends “{title}”: check the text in Messages, send it and "
                "press Mark as sent.").format(title=template.title or template.id))

    def _four_eyes_done(self, step: Step, dialog: FourEyesDialog,
                        send: MessageTemplate | None = None) -> None:
        view = self.view
        event = self.record(lambda engine: engine.check(
            view.run_id, step.id, actor=dialog.performer(), verified_by=dialog.verifier() or None,
            outcome=dialog.outcome(), override=dialog.override_reason() or None))
        if event is not None:
            self.last_performer = dialog.performer()  # offered first next time
        self._checked(step, event, send)

    def _checked(self, step: Step, event: Event | None,
                 send: MessageTemplate | None = None) -> None:
        if event is not None:
            self.view.header.show_message("")
            self.view.select_next_open(step.id)
            if send is not None:
                self._offer(send)

    def undo(self, step: Step) -> None:
        """U: reopen a done or skipped step (or withdraw a decision)."""
        if not self._ahead(EventKind.STEP_UNCHECKED, step):
            return
        view = self.view
        if self.record(lambda engine: engine.uncheck(view.run_id, step.id, actor=view.actor)):
            view.header.show_message(self.tr("“{step}” is open again.").format(step=step.title))

    def skip(self, step: Step) -> None:
        """S: skip an open step, with a reason."""
        if not self._ahead(EventKind.STEP_SKIPPED, step):
            return
        view = self.view
        self._open(skip_dialog(step.title, view), lambda d: self._checked(step, self.record(
            lambda engine: engine.skip(view.run_id, step.id, actor=view.actor,
                                       reason=d.text()))))

    def note(self, step: Step | None) -> None:
        """N: a note on the selected step (or on the run, from a section header)."""
        if not self._ahead(EventKind.NOTE_ADDED):
            return
        view = self.view
        step_id = step.id if step is not None else None
        self._open(note_dialog(step.title if step else None, view), lambda d: self.record(
            lambda engine: engine.note(view.run_id, d.text(), actor=view.actor,
                                       step_id=step_id)))

    def decide(self, step: Step) -> None:
        """D: record the decision of a decision step, then go to the chosen section."""
        if not self._ahead(EventKind.DECISION_RECORDED, step):
            return
        view = self.view
        dialog = DecisionDialog(view.runbook, step, view.actor, view)

        def decided(d: DecisionDialog) -> None:
            option = d.option()
            if option is None:
                return
            event = self.record(lambda engine: engine.decide(
                view.run_id, step.id, option, actor=view.actor,
                rationale=d.rationale.toPlainText(), owner=d.owner.text().strip() or None,
                revisit_by=d.revisit.text().strip() or None))
            if event is not None:
                view.header.show_message("")
                view.select_section_start(str(event.payload.get("option", option)))

        self._open(dialog, decided)

    def close_run(self) -> None:
        """Close the run with a short summary (it takes no entries afterwards)."""
        if not self._ahead(EventKind.RUN_CLOSED):
            return
        from runbook_assistant.ui.text_entry_dialog import TextEntryDialog

        view = self.view
        dialog = TextEntryDialog(
            self.tr("Close run"),
            self.tr("Closing the run closes its checklist. The report, notes and action items "
                    "stay open until the report is finalised. Summary:"),
            self.tr("Close run"), parent=view)
        dialog.setObjectName("closeRunDialog")
        self._open(dialog, lambda d: self.record(
            lambda engine: engine.close(view.run_id, actor=view.actor, summary=d.text())))

    def change_actor(self) -> None:
        """Who is at the keyboard: kept in the settings, shown in the header."""
        self._open(actor_dialog(self.view.actor, self.view),
                   lambda d: self.view.set_actor(d.text()))
