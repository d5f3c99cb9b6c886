"""The tabs beside the checklist: Timeline, Decisions, Notes, and the communication views.

Contacts, Messages and Services are separate widgets taking ``(engine, run_id, parent)`` with a
``refresh()``; they are added when present, and one that fails to build leaves the rest working.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from runbook_assistant.core.run.changes import RunChange
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.ui.decisions_view import DecisionsView
from runbook_assistant.ui.notes_view import NotesView
from runbook_assistant.ui.timeline_view import TimelineView

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine

log = logging.getLogger("runbook_assistant.ui")
COMMS = (("contacts", "runbook_assistant.ui.contacts_view", "ContactsView"),
         ("messages", "runbook_assistant.ui.messages_view", "MessagesView"),
         ("services", "runbook_assistant.ui.services_view", "ServicesView"))


def _build(module_name: str, class_name: str, engine: Engine, run_id: str, parent: QWidget,
           actor: Callable[[], str]) -> QWidget | None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None  # not part of this build
        raise
    cls = getattr(module, class_name, None)
    if cls is None:
        return None
    try:
        takes_actor = "actor" in inspect.signature(cls).parameters
        widget = (cls(engine, run_id, parent, actor=actor) if takes_actor
                  else cls(engine, run_id, parent))
    except Exception:  # one broken tab must not take the checklist down with it
        log.exception("cannot show %s for run %s", class_name, run_id)
        return None
    return widget if isinstance(widget, QWidget) else None


class RunSidePanel(QTabWidget):
    """The side tabs of one run; ``external_change`` when a comms tab recorded something."""

    external_change = Signal()

    def __init__(self, engine: Engine, run_id: str, runbook: Runbook,
                 actor: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runSidePanel")
        self.setDocumentMode(True)
        # Whole words ("Messages", not "Me…"); on a narrow screen the bar scrolls instead.
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabBar().setUsesScrollButtons(True)
        self.timeline = TimelineView(self)
        self.decisions = DecisionsView(runbook, self)
        self.notes = NotesView(runbook, self)
        self.addTab(self.timeline, "")
        self.addTab(self.decisions, "")
        self.addTab(self.notes, "")
        self.comms: dict[str, QWidget] = {}
        for key, module_name, class_name in COMMS:
            widget = _build(module_name, class_name, engine, run_id, self, actor)
            if widget is None:
                continue
            self.comms[key] = widget
            self.addTab(widget, "")
            recorded = getattr(widget, "recorded", None)
            if recorded is not None:
                recorded.connect(lambda *_: self.external_change.emit())
        self.currentChanged.connect(self._shown)
        self._retranslate()

    def show_change(self, change: RunChange) -> None:
        """Bring the tabs up to the change; a comms tab is refreshed only while it is in front
        (and only after something was recorded: a re-read as time passes changes none of them)."""
        state = change.state
        self.timeline.sync(state)
        self.decisions.sync(state)
        self.notes.sync(state)
        front: Any = self.currentWidget()
        if change.event is not None and front in self.comms.values() \
                and hasattr(front, "show_change"):
            front.show_change(change)

    def offer_message(self, message_id: str) -> bool:
        """Bring the Messages tab to the front with ``message_id`` filled, ready to be marked
        as sent (False when this build has no Messages tab)."""
        view: Any = self.comms.get("messages")
        if view is None:
            return False
        self.setCurrentWidget(view)
        return bool(view.select(message_id))

    def _shown(self, index: int) -> None:
        widget: Any = self.widget(index)
        if widget in self.comms.values() and hasattr(widget, "refresh"):
            widget.refresh()

    def _retranslate(self) -> None:
        titles = {"contacts": self.tr("Contacts"), "messages": self.tr("Messages"),
                  "services": self.tr("Services")}
        self.setTabText(self.indexOf(self.timeline), self.tr("Timeline"))
        self.setTabText(self.indexOf(self.decisions), self.tr("Decisions"))
        self.setTabText(self.indexOf(self.notes), self.tr("Notes"))
        for key, widget in self.comms.items():
            self.setTabText(self.indexOf(widget), titles[key])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
