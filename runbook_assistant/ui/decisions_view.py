"""The Decisions tab: every decision of the run with its rationale, who took it and when.

A decision laptops recorded without seeing each other's is marked as a conflict (red) until a new
decision settles it; a decision undone by reopening its step stays listed, marked withdrawn.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from runbook_assistant.core.formatting import clock
from runbook_assistant.core.run.state_types import DecisionEntry, RunState
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.ui import theme
from runbook_assistant.ui.row_models import RowsModel
from runbook_assistant.ui.side_table import SideTable


class DecisionsModel(RowsModel[DecisionEntry]):
    """When, the decision (step, choice, rationale), who."""

    def __init__(self, runbook: Runbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runbook = runbook

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Decision"), self.tr("Who"))

    def status(self, record: DecisionEntry) -> str:
        if record.conflict:
            return self.tr("CONFLICT: laptops chose differently; record a new decision")
        if record.withdrawn:
            return self.tr("withdrawn (the step was reopened)")
        if not record.current:
            return self.tr("replaced by a later decision")
        return ""

    def decision_text(self, record: DecisionEntry) -> str:
        step = self.runbook.step(record.step_id)
        lines = [f"{step.title if step else record.step_id}", f"→ {record.label}"]
        if record.rationale:
            lines.append(self.tr("Why: {text}").format(text=record.rationale))
        if record.revisit_by:
            lines.append(self.tr("Revisit by {when}").format(when=record.revisit_by))
        status = self.status(record)
        if status:
            lines.append(status)
        return "\n".join(lines)

    def who_text(self, record: DecisionEntry) -> str:
        if record.owner and record.owner.casefold() != record.actor.casefold():
            return self.tr("{actor}\n(owner {owner})").format(actor=record.actor,
                                                              owner=record.owner)
        return record.actor

    def cell(self, record: DecisionEntry, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = clock(record.at) + (f"\n{self.tr('entered later')}" if record.late
                                            else "")
            return (when, self.decision_text(record), self.who_text(record))[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            c = theme.colors()
            if record.conflict:
                return QBrush(QColor(c["danger"]))
            if record.withdrawn or not record.current:
                return QBrush(QColor(c["muted"]))
        if role == Qt.ItemDataRole.FontRole and record.conflict:
            font = QFont()
            font.setBold(True)
            return font
        return None


class DecisionsView(QWidget):
    """The list of decisions; ``sync(state)`` after every refresh."""

    def __init__(self, runbook: Runbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionsView")
        self.model = DecisionsModel(runbook, self)
        self.table = SideTable(self, name="decisionsTable")
        self.table.setModel(self.model)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self)
        self.empty.setProperty("tone", "muted")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._retranslate()

    def sync(self, state: RunState) -> None:
        self.model.set_rows(state.decisions)
        self.empty.setVisible(not state.decisions)

    def _retranslate(self) -> None:
        self.empty.setText(self.tr("No decisions yet. On a decision step, press D."))
        self.table.setAccessibleName(self.tr("Decisions"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
