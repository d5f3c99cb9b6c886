"""The list of open runs in the left panel (``Engine.runs(open_only=True)``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from runbook_assistant.ui.library_models import IdRole, RunListModel
from runbook_assistant.ui.widgets import Heading, use_two_line_items


class OpenRunsView(QWidget):
    """Open runs, newest first as the engine gives them; Enter or double-click opens one."""

    run_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = Heading(parent=self)
        self.heading.setObjectName("openRunsHeading")
        self.model = RunListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("openRunsList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        use_two_line_items(self.list)
        self.empty = QLabel(self)
        self.empty.setProperty("tone", "muted")
        self.empty.setWordWrap(True)
        self.heading.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.list.activated.connect(self._on_activated)
        self._unavailable = False
        self._retranslate()
        self.set_runs([])

    def set_runs(self, runs: list[Any]) -> None:
        """Show these run summaries, keeping the selected run selected."""
        index = self.list.currentIndex()
        selected = str(index.data(IdRole)) if index.isValid() else ""
        self.model.set_runs(runs)
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._update_empty()

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def set_unavailable(self, unavailable: bool) -> None:
        """No database: say so instead of pretending there are no runs."""
        self._unavailable = unavailable
        self._update_empty()

    def _update_empty(self) -> None:
        if self._unavailable:
            self.empty.setText(self.tr("Runs are unavailable: the database could not be opened."))
        else:
            self.empty.setText(self.tr("No open runs. Open a runbook and press Ctrl+N to start "
                                       "one."))
        self.empty.setVisible(self._unavailable or self.model.rowCount() == 0)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.run_activated.emit(str(index.data(IdRole)))

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Open &runs"))
        self.list.setAccessibleName(self.tr("Open runs"))
        self._update_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
