"""A table model over a list of core records that updates itself with the fewest signals.

``set_rows`` compares the new rows with the shown ones: nothing changed, rows added at the end
(``rowsInserted``: the usual case for a live log), rows changed in place (``dataChanged``), or
anything else (a reset). Subclasses say what each column shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
RecordRole = Qt.ItemDataRole.UserRole + 1  # the core record behind the row
T = TypeVar("T")


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of records ``T``; subclasses implement ``headers()`` and ``cell(row, column, role)``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []
        self._headers: tuple[str, ...] = self.headers()
        self._columns = len(self._headers)

    if TYPE_CHECKING:  # every subclass gives its column titles and cells
        def headers(self) -> tuple[str, ...]:
            """The column titles in the current language."""

        def cell(self, record: T, column: int, role: int) -> Any: ...

    # --- model -----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < self._columns else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < self._columns:
            return None
        record = self.rows[index.row()]
        if role == RecordRole:
            return record
        return self.cell(record, index.column(), role)

    def record(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # --- updates ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``, announcing only what changed."""
        new = list(rows)
        old = self.rows
        if new == old:
            return
        columns = self._columns
        if len(new) > len(old) and new[:len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self.rows = new
            self.endInsertRows()
        elif len(new) == len(old):
            self.rows = new
            for n, (before, after) in enumerate(zip(old, new, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(n, 0), self.index(n, columns - 1))
        else:
            self.beginResetModel()
            self.rows = new
            self.endResetModel()

    def append_rows(self, rows: Sequence[T]) -> None:
        """Add rows at the end (the caller knows they are new)."""
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def retranslate(self) -> None:
        self._headers = self.headers()
        columns = self._columns
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, columns - 1))
