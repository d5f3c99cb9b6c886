"""Painting the checklist rows: a status mark, the title (wrapped, never cut off), the role and
status line below it, and a countdown pill that turns red when the step is overdue.

Sizes follow the app font (Ctrl +/-); colours come from the theme, so light and dark both keep
their contrast. Marks are drawn as shapes, not font glyphs, so they look the same everywhere.
A row asks its model for one ``RowInfo`` and its layout is cached per (row, width, font): a
checklist of hundreds of steps repaints in a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from runbook_assistant.ui import theme
from runbook_assistant.ui.step_list import SECTION, RowInfo, RowInfoRole

_Index = QModelIndex | QPersistentModelIndex
_WRAP = int(Qt.TextFlag.TextWordWrap)
_TALL = 100_000
_CACHE_LIMIT = 4000
_TITLE_ROOM = 22  # characters a title keeps beside its countdown pill


@dataclass(frozen=True)
class _Layout:
    """Where the parts of a row go, relative to its top-left corner."""

    mark: QRect
    title: QRect
    pill: QRect
    meta: QRect | None
    height: int
    title_font: QFont


class StepDelegate(QStyledItemDelegate):
    """Draws section headers and steps; heights depend on the view's width (text wraps)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self._layouts: dict[tuple[RowInfo, int, str], _Layout] = {}

    # --- geometry ------------------------------------------------------------------------------
    def _width(self, index: _Index) -> int:
        width = self.view.viewport().width()
        if index.parent().isValid():
            width -= self.view.indentation()
        return max(120, width)

    def layout(self, info: RowInfo, font: QFont, width: int) -> _Layout:
        key = (info, width, font.key())
        found = self._layouts.get(key)
        if found is None:
            if len(self._layouts) > _CACHE_LIMIT:
                self._layouts.clear()
            found = self._layouts[key] = self._measure(info, font, width)
        return found

    @staticmethod
    def _measure(info: RowInfo, font: QFont, width: int) -> _Layout:
        section = info.kind == SECTION
        fm = QFontMetrics(font)
        pad = max(6, fm.height() // 3)
        mark = int(fm.height() * 1.15)
        title_font = QFont(font)
        if section:
            title_font.setPointSizeF(font.pointSizeF() * 1.12)
        title_font.setBold(section or info.current)
        tfm = QFontMetrics(title_font)
        x = pad + 4 + mark + pad  # room for the bar, the mark and a gap
        text_w = max(40, width - x - pad)
        pill_w = fm.horizontalAdvance(info.countdown) + 2 * pad if info.countdown else 0
        # Beside the title while that leaves it room for a few words; on a narrow column (a
        # small laptop, large text) the pill goes on a line of its own below the title, which
        # would otherwise wrap a word a line.
        below = bool(pill_w) and text_w - pill_w - pad < _TITLE_ROOM * fm.averageCharWidth()
        title_w = max(40, text_w - (pill_w + pad if pill_w and not below else 0))
        title_h = max(tfm.boundingRect(QRect(0, 0, title_w, _TALL), _WRAP, info.title).height(),
                      tfm.height())
        top = pad
        bottom = top + max(title_h, mark)
        pill = QRect(width - pad - pill_w, top, pill_w, fm.height() + 2)
        if below:
            pill = QRect(x, bottom + pad // 2, min(pill_w, text_w), fm.height() + 2)
            bottom = pill.bottom() + 1
        meta = None
        if info.meta:
            meta_h = fm.boundingRect(QRect(0, 0, text_w, _TALL), _WRAP, info.meta).height()
            meta = QRect(x, bottom + pad // 2, text_w, meta_h)
            bottom = meta.bottom() + 1
        return _Layout(
            mark=QRect(pad + 4, top + max(0, (tfm.height() - mark) // 2), mark, mark),
            title=QRect(x, top, title_w, title_h),
            pill=pill,
            meta=meta, height=bottom + pad + (4 if section else 0), title_font=title_font)

    def height_changed(self, index: QModelIndex) -> bool:
        """True when the row's laid-out height differs from the height the view gave it."""
        info: RowInfo | None = index.data(RowInfoRole)
        rect = self.view.visualRect(index)
        if info is None or not rect.isValid():
            return False
        return self.layout(info, self.view.font(), rect.width()).height != rect.height()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        info: RowInfo | None = index.data(RowInfoRole)
        width = self._width(index)
        if info is None:
            return QSize(width, 10)
        return QSize(width, self.layout(info, option.font, width).height)  # type: ignore[attr-defined]

    # --- painting ------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        info: RowInfo | None = index.data(RowInfoRole)
        if info is None:
            return
        rect: QRect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        c = theme.colors()
        selected = bool(state & QStyle.StateFlag.State_Selected)
        section = info.kind == SECTION
        overdue = info.overdue
        lay = self.layout(info, option.font, rect.width())  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row = QRect(0, 0, rect.width(), rect.height())
        background = c["highlight"] if selected else (c["alt_base"] if section else c["base"])
        painter.fillRect(row, QColor(background))
        painter.fillRect(QRect(0, row.bottom(), row.width(), 1), QColor(c["grid"]))
        if overdue or (info.current and not section):
            painter.fillRect(QRect(0, 0, 5, row.height()),
                             QColor(c["danger_bg"] if overdue else c["accent"]))
        muted = not section and (not info.counts or info.status != "open")
        text_colour = c["highlight_fg"] if selected else (
            c["danger"] if overdue and not section else (c["muted"] if muted else c["text"]))
        if section:
            self._section_mark(painter, lay.mark, index, c, selected)
        else:
            self._step_mark(painter, lay.mark, info, c, selected)
        painter.setFont(lay.title_font)
        painter.setPen(QColor(text_colour))
        painter.drawText(lay.title, _WRAP, info.title)
        painter.setFont(option.font)  # type: ignore[attr-defined]
        if info.countdown and not section:
            self._pill(painter, lay.pill, info.countdown, overdue, c, selected)
        if lay.meta is not None:
            meta_colour = c["danger"] if (overdue and section) or info.overridden else c["muted"]
            painter.setPen(QColor(c["highlight_fg"] if selected else meta_colour))
            painter.drawText(lay.meta, _WRAP, info.meta)
        if section and info.total and info.active:
            track = QRect(0, row.bottom() - 4, row.width(), 4)
            painter.fillRect(track, QColor(c["muted_bg"]))
            done = int(track.width() * min(1.0, info.done / info.total))
            painter.fillRect(QRect(0, track.top(), done, 4), QColor(c["ok"]))
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(c["focus"]), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(row.adjusted(1, 1, -2, -2))
        painter.restore()

    @staticmethod
    def _pill(painter: QPainter, rect: QRect, text: str, overdue: bool, c: dict[str, str],
              selected: bool) -> None:
        if overdue:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c["danger_bg"]))
            painter.drawRoundedRect(QRectF(rect), 4, 4)
            painter.setPen(QColor(c["danger_fg"]))
        else:
            fg = QColor(c["highlight_fg"] if selected else c["text"])
            painter.setPen(QPen(fg, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.setPen(fg)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def _section_mark(self, painter: QPainter, rect: QRect, index: _Index, c: dict[str, str],
                      selected: bool) -> None:
        r = QRectF(rect).adjusted(rect.width() * 0.2, rect.height() * 0.2,
                                  -rect.width() * 0.2, -rect.height() * 0.2)
        model_index = index if isinstance(index, QModelIndex) else QModelIndex(index)
        if self.view.isExpanded(model_index):
            points = [r.topLeft(), r.topRight(), QPointF(r.center().x(), r.bottom())]
        else:
            points = [r.topLeft(), QPointF(r.right(), r.center().y()), r.bottomLeft()]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c["highlight_fg"] if selected else c["text"]))
        painter.drawPolygon(QPolygonF(points))

    @staticmethod
    def _step_mark(painter: QPainter, rect: QRect, info: RowInfo, c: dict[str, str],
                   selected: bool) -> None:
        r = QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5)
        plain = c["text"] if info.counts else c["muted"]
        outline = QColor(c["highlight_fg"] if selected else plain)
        done = info.status == "done"
        if done:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c["ok"]))
        else:
            painter.setPen(QPen(outline, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if info.decision:
            painter.drawPolygon(QPolygonF([
                QPointF(r.center().x(), r.top()), QPointF(r.right(), r.center().y()),
                QPointF(r.center().x(), r.bottom()), QPointF(r.left(), r.center().y())]))
        else:
            painter.drawRoundedRect(r, 3, 3)
        if done:
            tick = QColor("#000000" if theme.is_dark() else "#ffffff")
            painter.setPen(QPen(tick, max(2.0, r.width() / 8), Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.drawPolyline(QPolygonF([
                QPointF(r.left() + r.width() * 0.25, r.top() + r.height() * 0.52),
                QPointF(r.left() + r.width() * 0.43, r.top() + r.height() * 0.70),
                QPointF(r.left() + r.width() * 0.76, r.top() + r.height() * 0.32)]))
        elif info.status == "skipped":
            painter.setPen(QPen(outline, 2))
            y = r.center().y()
            painter.drawLine(QPointF(r.left() + r.width() * 0.25, y),
                             QPointF(r.right() - r.width() * 0.25, y))
