"""Read-only tables for the side tabs whose long cells wrap instead of being cut off.

A QTreeView does not re-measure rows when a column gets wider or narrower; ``WrapDelegate``
measures each cell at its column's width and the table re-lays out its rows when a column or the
view is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex
_PAD = 8


class WrapDelegate(QStyledItemDelegate):
    """Row heights from the wrapped text at the column's width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        base = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = self.view.header().sectionSize(index.column()) - _PAD
        font = index.data(Qt.ItemDataRole.FontRole) or option.font  # type: ignore[attr-defined]
        bound = QFontMetrics(font).boundingRect(QRect(0, 0, max(20, width), 100_000),
                                                int(Qt.TextFlag.TextWordWrap), text)
        return QSize(base.width(), max(base.height(), bound.height() + _PAD))


class SideTable(QTreeView):
    """A wrapping, row-selecting, read-only table (a tree without branches)."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Per item: the scroll range is the row count, so a new row does not make the view
        # measure every wrapped row (per pixel it would, on every insert).
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setItemDelegate(WrapDelegate(self))
        self.header().setStretchLastSection(False)
        self.header().sectionResized.connect(self._section_resized)
        self._samples: dict[int, str] = {}

    def fit_columns(self, samples: dict[int, str]) -> None:
        """Give columns a fixed width that fits a sample text; the last column takes the rest.

        Measuring every row to size a column (ResizeToContents) costs time on every new row of
        a long log; a sample such as "00:00:00" sizes the column once.
        """
        self._samples = dict(samples)
        header = self.header()
        for column in self._samples:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(header.count() - 1 if header.count() else 0,
                                    QHeaderView.ResizeMode.Stretch)
        self._apply_samples()

    def _apply_samples(self) -> None:
        metrics = QFontMetrics(self.font())
        for column, sample in self._samples.items():
            self.header().resizeSection(column, metrics.horizontalAdvance(sample) + 3 * _PAD)

    def _section_resized(self, _column: int, old: int, new: int) -> None:
        if old != new:
            self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._samples:
            self._apply_samples()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()
