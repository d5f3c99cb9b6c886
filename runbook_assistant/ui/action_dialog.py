"""Asks for a new action item: what, who, by when, and optionally the runbook it changes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from runbook_assistant.ui.dialog_parts import record_buttons


class ActionDialog(QDialog):
    """``values()`` after it was accepted: (text, owner, due YYYY-MM-DD or "", runbook id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.setWindowTitle(self.tr("New action item"))
        self.setMinimumWidth(480)
        self.text = QLineEdit(self)
        self.text.setObjectName("actionText")
        self.owner = QLineEdit(self)
        self.owner.setObjectName("actionOwner")
        self.due = QLineEdit(self)
        self.due.setObjectName("actionDue")
        self.due.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.runbook = QLineEdit(self)
        self.runbook.setObjectName("actionRunbook")
        self.runbook.setPlaceholderText(self.tr("runbook id (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("&Action:"), self.text)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("D&ue date:"), self.due)
        form.addRow(self.tr("&Runbook to change:"), self.runbook)
        self.buttons, self.save_button = record_buttons(self, self.tr("Add"), "addActionButton",
                                                        self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self.owner.textChanged.connect(self._update)
        self._update()
        self.text.setFocus()

    def values(self) -> tuple[str, str, str, str]:
        return (self.text.text().strip(), self.owner.text().strip(), self.due.text().strip(),
                self.runbook.text().strip())

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.text.text().strip() and self.owner.text().strip()))

    def _save(self) -> None:
        if self.save_button.isEnabled():
            self.accept()
