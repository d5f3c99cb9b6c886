"""The table model of the Messages tab: templates by channel and audience, and when sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from runbook_assistant.core.model import MessageTemplate
from runbook_assistant.core.state_types import MessageEntry
from runbook_assistant.ui.services_view import clock_text

_Index = QModelIndex | QPersistentModelIndex
MessageIdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class MessageRow:
    """One template in the list, with what was sent of it; ``first``: first of its group."""

    template: MessageTemplate
    first: bool
    sent: tuple[MessageEntry, ...] = ()


def pretty(value: str) -> str:
    """``sociale-media`` -> ``Sociale media``: channel and audience ids as words."""
    text = value.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


class MessagesModel(QAbstractTableModel):
    """Templates by channel and audience (shown once per group), title, and when last sent."""

    COLUMNS = ("channel", "audience", "title", "sent")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MessageRow] = []

    def set_rows(self, rows: list[MessageRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> MessageRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_of(self, message_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.template.id == message_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Channel"), self.tr("Audience"), self.tr("Message"), self.tr("Sent"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        template = row.template
        if role == MessageIdRole:
            return template.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column in ("channel", "audience") and not row.first:
                return ""  # the group's name shows on its first row only
            return self._text(row, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column) or template.id
        if role == Qt.ItemDataRole.FontRole and column == "channel":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: MessageRow, column: str) -> str:
        template = row.template
        if column == "channel":
            return pretty(template.channel)
        if column == "audience":
            return pretty(template.audience)
        if column == "title":
            return template.title or template.id
        if not row.sent:
            return ""
        last = clock_text(row.sent[-1].at)
        return f"{last} (×{len(row.sent)})" if len(row.sent) > 1 else last
