"""A model answering None for most roles must not wear down None (PySide6 6.12 on Python 3.11)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

import runbook_assistant.ui  # noqa: F401  (applies the fixes on import)


class Quiet(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 3

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return "row" if role == Qt.ItemDataRole.DisplayRole else None


def test_none_keeps_a_safe_reference_count_through_many_repaints(qapp: Any) -> None:
    model = Quiet()
    delegate, option = QStyledItemDelegate(), QStyleOptionViewItem()
    for _ in range(20_000):  # each asks the model for ~10 roles, most answered with None
        delegate.initStyleOption(option, model.index(0, 0))
    # Without the fix the count would have dropped by ~200,000 (and the interpreter aborted).
    assert sys.getrefcount(None) > 1_000_000
