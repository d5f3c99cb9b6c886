"""The start dialog's people and roles: the staffing count as the engine makes it, and the role
cell's editor (a list of the runbook's roles, set by keys alone)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from runbook_assistant.core.run.discipline import roles_per_person, staffing_shortfall
from runbook_assistant.core.runbook.model import Runbook


def shortfall_of(runbook: Runbook, participants: tuple[tuple[str, str | None], ...]
                 ) -> tuple[tuple[str, int, int], ...]:
    """Every staffing minimum not met: (role id, needed, present)."""
    gaps = staffing_shortfall(runbook, roles_per_person(participants))
    return tuple((gap.role, gap.needed, gap.present) for gap in gaps)


def present_per_role(participants: tuple[tuple[str, str | None], ...]) -> dict[str, int]:
    """How many different people hold each role."""
    counts: dict[str, int] = {}
    for roles in roles_per_person(participants):
        for role in roles:
            counts[role] = counts.get(role, 0) + 1
    return counts


class RoleDelegate(QStyledItemDelegate):
    """The role cell's editor: a list of the runbook's roles, opened by typing, F2 or Tab.

    The key that opened it goes to the list (a letter picks the first role with it); the id is
    stored in the cell's UserRole, the name is what the cell shows.
    """

    def __init__(self, choices: Callable[[], list[tuple[str, str | None]]],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, _option: Any, _index: Any) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("roleEditor")
        for name, role in self._choices():
            combo.addItem(name, role)
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.UserRole)), 0))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # A closed combo box keeps Enter to itself: Enter must set the role, as in a name cell.
        if (isinstance(editor, QComboBox) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not editor.view().isVisible()):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
