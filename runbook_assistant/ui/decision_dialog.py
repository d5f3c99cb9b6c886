"""Record a decision: pick an option (number keys 1..9), say why, who owns it, when to revisit.

Nothing is preselected: the decision is always an explicit choice. ``option()`` is the chosen
option's target section id, as the engine takes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.runbook.model import Runbook, Step
from runbook_assistant.ui.dialog_parts import is_plain_enter, record_buttons

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class DecisionDialog(QDialog):
    """The options of one decision step, a rationale, an owner and an optional revisit time."""

    def __init__(self, runbook: Runbook, step: Step, actor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Decision"))
        self.setMinimumWidth(600)
        self.heading = QLabel(step.title, self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.options_label = QLabel(self.tr("&Options (press 1–{n}):").format(
            n=min(9, len(step.options))), self)
        self.options = QListWidget(self)
        self.options.setObjectName("decisionOptions")
        for n, option in enumerate(step.options, 1):
            target = runbook.section(option.target)
            item = QListWidgetItem(f"{n}   {option.label}   → "
                                   f"{target.title if target else option.target}")
            item.setData(Qt.ItemDataRole.UserRole, option.target)
            self.options.addItem(item)
        self.options.setCurrentRow(-1)
        self.options.installEventFilter(self)
        self.options_label.setBuddy(self.options)
        self.rationale = QPlainTextEdit(self)
        self.rationale.setObjectName("rationale")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText(self.tr("Why this option? What did you know?"))
        self.rationale.setMaximumHeight(self.fontMetrics().height() * 5)
        self.rationale.installEventFilter(self)
        self.owner = QLineEdit(actor, self)
        self.owner.setObjectName("owner")
        self.revisit = QLineEdit(self)
        self.revisit.setObjectName("revisitBy")
        self.revisit.setPlaceholderText(self.tr("optional, e.g. 14:00"))
        form = QFormLayout()
        form.addRow(self.tr("&Rationale:"), self.rationale)
        form.addRow(self.tr("O&wner:"), self.owner)
        form.addRow(self.tr("Re&visit by:"), self.revisit)
        self.hint = QLabel(self.tr("Enter records the decision · Esc cancels"), self)
        self.hint.setProperty("tone", "muted")
        self.buttons, self.record_button = record_buttons(
            self, self.tr("Record decision"), "recordDecision", self._record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.options_label)
        layout.addWidget(self.options)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.options.currentRowChanged.connect(self._update)
        self._update()
        self.options.setFocus()

    def option(self) -> str | None:
        """The chosen option's target section id (None while nothing is chosen)."""
        item = self.options.currentItem()
        if item is None or not item.isSelected():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, number: int) -> None:
        """Choose option ``number`` (1-based) and go on to the rationale."""
        if 1 <= number <= self.options.count():
            self.options.setCurrentRow(number - 1)
            self.rationale.setFocus()

    def _update(self) -> None:
        self.record_button.setEnabled(self.option() is not None)

    def _record(self) -> None:
        if self.option() is not None:
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.options and key in _DIGITS:
                self.choose(_DIGITS[key])
                return True
            if watched is self.rationale and is_plain_enter(event):
                self._record()
                return True
        return super().eventFilter(watched, event)
