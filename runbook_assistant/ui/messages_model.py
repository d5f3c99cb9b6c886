"""The table model of the Messages tab: templates by channel and audience, and when sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from runbook_assistant.core.formatting import day_clock
from runbook_assistant.core.run.state_types import MessageEntry
from runbook_assistant.core.runbook.model import MessageTemplate
from runbook_assistant.ui.row_models import RecordRole, RowsModel

MessageIdRole = RecordRole + 1  # the template's id


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


class MessagesModel(RowsModel[MessageRow]):
    """Templates by channel and audience (shown once per group), title, and when last sent."""

    COLUMNS = ("channel", "audience", "title", "sent")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Channel"), self.tr("Audience"), self.tr("Message"), self.tr("Sent"))

    def row_of(self, message_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.template.id == message_id), -1)

    def cell(self, row: MessageRow, column: int, role: int) -> Any:
        name = self.COLUMNS[column]
        template = row.template
        if role == MessageIdRole:
            return template.id
        if role == Qt.ItemDataRole.DisplayRole:
            if name in ("channel", "audience") and not row.first:
                return ""  # the group's name shows on its first row only
            return self._text(row, name)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, name) or template.id
        if role == Qt.ItemDataRole.FontRole and name == "channel":
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
        last = day_clock(row.sent[-1].at)
        return f"{last} (×{len(row.sent)})" if len(row.sent) > 1 else last
