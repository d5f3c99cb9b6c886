"""The Notes tab: every note of the run, with the step it belongs to; N adds one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from runbook_assistant.core.formatting import clock
from runbook_assistant.core.run.state_types import NoteEntry, RunState
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.ui.row_models import RowsModel
from runbook_assistant.ui.side_table import SideTable


class NotesModel(RowsModel[NoteEntry]):
    """When, who, the note (with its step)."""

    def __init__(self, runbook: Runbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runbook = runbook

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Who"), self.tr("Note"))

    def note_text(self, record: NoteEntry) -> str:
        step = self.runbook.step(record.step_id) if record.step_id else None
        if step is None:
            return record.text
        return f"{step.title}:\n{record.text}"

    def cell(self, record: NoteEntry, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = clock(record.at) + (f"\n{self.tr('entered later')}" if record.late
                                            else "")
            return (when, record.actor, self.note_text(record))[column]
        return None


class NotesView(QWidget):
    """The notes of a run and a button to add one (``add_requested``)."""

    add_requested = Signal()

    def __init__(self, runbook: Runbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesView")
        self.model = NotesModel(runbook, self)
        self.table = SideTable(self, name="notesTable")
        self.table.setModel(self.model)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self)
        self.empty.setProperty("tone", "muted")
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addNote")
        self.add_button.clicked.connect(self.add_requested)
        bar = QHBoxLayout()
        bar.addWidget(self.empty, 1)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self._retranslate()

    def sync(self, state: RunState) -> None:
        self.model.set_rows(state.notes)
        self.empty.setVisible(not state.notes)
        self.add_button.setEnabled(not state.closed)

    def _retranslate(self) -> None:
        self.empty.setText(self.tr("No notes yet."))
        self.add_button.setText(self.tr("Add note… (N)"))
        self.table.setAccessibleName(self.tr("Notes"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
