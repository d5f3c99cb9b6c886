"""The outcome of a check step: ruled out, not ruled out, or still under investigation.

Nothing is preselected: a statement such as "no attack" is never assumed. Keys 1–3 choose,
Enter records.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from runbook_assistant.core.runbook.model import CHECK_OUTCOMES, Step
from runbook_assistant.ui.dialog_parts import is_plain_enter, record_buttons
from runbook_assistant.ui.four_eyes_dialog import OUTCOME_WORDS

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, len(CHECK_OUTCOMES) + 1)}


class OutcomeDialog(QDialog):
    """Asks for a check step's outcome; ``outcome()`` after ``accepted``."""

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("Outcome of the check"))
        self.setMinimumWidth(520)
        self.heading = QLabel(self.tr("“{step}”: what did the check establish? (press 1–3)")
                              .format(step=step.title), self)
        self.heading.setWordWrap(True)
        self.options = QListWidget(self)
        self.options.setObjectName("outcomes")
        for n, outcome in enumerate(CHECK_OUTCOMES, 1):
            item = QListWidgetItem(f"{n}   {self.tr(OUTCOME_WORDS[outcome])}")
            item.setData(Qt.ItemDataRole.UserRole, outcome)
            self.options.addItem(item)
        self.options.setCurrentRow(-1)
        self.options.installEventFilter(self)
        self.buttons, self.record_button = record_buttons(
            self, self.tr("Record the outcome"), "recordButton", self._record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.options)
        layout.addWidget(self.buttons)
        # Focus makes a row current without choosing it: only a selected row is an outcome.
        self.options.itemSelectionChanged.connect(
            lambda: self.record_button.setEnabled(self.outcome() is not None))
        self.record_button.setEnabled(False)
        self.options.setFocus()

    def outcome(self) -> str | None:
        item = self.options.currentItem()
        if item is None or not item.isSelected():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _record(self) -> None:
        if self.outcome() is not None:
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.options and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress and event.key() in _DIGITS:
            self.options.setCurrentRow(_DIGITS[event.key()] - 1)
            return True
        if watched is self.options and is_plain_enter(event):
            self._record()
            return True
        return super().eventFilter(watched, event)
