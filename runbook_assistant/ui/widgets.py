"""Small widgets shared by the views: a heading that scales with the text size, and a two-line
list item (bold title, quieter detail line) that a tired eye can scan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# QStyle and the painting classes are reached through their modules when a list first paints a
# row: PySide6 builds a Python class on first use, and QStyle's is slow to build (~8 ms) for a
# window whose lists are still empty in its first frame.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyledItemDelegate, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

_Index = QModelIndex | QPersistentModelIndex
PADDING = 6


class Heading(QLabel):
    """A bold label ``factor`` times the app's text size, following Ctrl++ / Ctrl+-."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 factor: float = 1.25) -> None:
        super().__init__(text, parent)
        self._factor = factor
        self._apply()

    def _apply(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self._factor)
        font.setBold(True)
        self.setFont(font)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._apply()
        return super().event(event)


class TwoLineDelegate(QStyledItemDelegate):
    """Paints ``"title\\ndetail"`` display text as a bold title over a muted detail line."""

    def _parts(self, index: _Index) -> tuple[str, str]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title, _sep, detail = text.partition("\n")
        return title, detail

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold, QFont(option.font)

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return max(50, option.rect.width() - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        title, detail = self._parts(index)
        bold, plain = self._fonts(option)
        width = self._text_width(option)
        if option.widget is not None:  # the viewport's width, not the item's old one
            width = max(50, option.widget.viewport().width() - 2 * PADDING)
        flags = int(Qt.TextFlag.TextWordWrap)
        metrics, box = QtGui.QFontMetrics, QtCore.QRect(0, 0, width, 10_000)
        height = metrics(bold).boundingRect(box, flags, title).height()
        if detail:
            height += metrics(plain).boundingRect(box, flags, detail).height() + 2
        return QtCore.QSize(width + 2 * PADDING, height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        title, detail = self._parts(index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style_enum = QtWidgets.QStyle
        style.drawControl(style_enum.ControlElement.CE_ItemViewItem, option, painter,
                          option.widget)
        selected = bool(option.state & style_enum.StateFlag.State_Selected)
        palette: QPalette = option.palette
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if selected:
            main = detail_colour = palette.color(QPalette.ColorRole.HighlightedText)
        elif foreground is not None:
            main = detail_colour = foreground.color()
        else:
            main = palette.color(QPalette.ColorRole.Text)
            detail_colour = palette.color(QPalette.ColorRole.PlaceholderText)  # "muted"
        bold, plain = self._fonts(option)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.save()
        painter.setFont(bold)
        painter.setPen(main)
        used = painter.boundingRect(rect, flags, title)
        painter.drawText(rect, flags, title)
        if detail:
            painter.setFont(plain)
            painter.setPen(detail_colour)
            painter.drawText(rect.adjusted(0, used.height() + 2, 0, 0), flags, detail)
        painter.restore()


def use_two_line_items(view: Any) -> None:
    """Give a QListView the two-line delegate and wrap text to its width (no sideways scroll)."""
    view.setItemDelegate(TwoLineDelegate(view))
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(view.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
