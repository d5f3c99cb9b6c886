"""The Timeline tab: every event of the run, live, filterable by text and by kind.

Rows are the core's ``TimelineRow`` (one sentence per event in the run's language, the same
sentences every export uses). New events are appended as they commit; the whole list is rebuilt
only when events from another laptop were merged in between.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.formatting import clock, date_time, exercise_moment
from runbook_assistant.core.run.kinds import EVENT_TYPES, GROUPS
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.run.timeline import TimelineRow, timeline_rows
from runbook_assistant.ui import theme
from runbook_assistant.ui.row_models import RecordRole, RowsModel
from runbook_assistant.ui.side_table import SideTable

_Index = QModelIndex | QPersistentModelIndex
# Every kind of event falls under the filter group its declaration names (core/run/kinds/).
KIND_GROUPS: dict[str, tuple[str, ...]] = {
    group: tuple(kind for kind, declared in EVENT_TYPES.items() if declared.group == group)
    for group in GROUPS}


def clock_text(row: TimelineRow, state: RunState | None = None) -> str:
    """Local time of the row; a late entry also says when it was typed in. A row of an exercise
    (folded in exercise time) reads as every export does: ``T+00:12 (14:32)``."""
    real = state.real_times.get(row.event_id) if state is not None else None
    if real is not None and state is not None and state.started_at is not None:
        return exercise_moment((row.time - state.started_at).total_seconds(), clock(real))
    when = clock(row.time, seconds=True)
    return f"{when} ({clock(row.wall_time)})" if row.late else when


class TimelineModel(RowsModel[TimelineRow]):
    """Time, who, what: one row per event."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._overridden: set[str] = set()  # event ids of overrides: shown in red
        self._state: RunState | None = None  # the latest, for an exercise's real times

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Who"), self.tr("What"))

    def cell(self, record: TimelineRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (clock_text(record, self._state), record.actor, record.text)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("{kind} · recorded {wall} · device {device} #{seq}").format(
                kind=record.kind, wall=date_time(record.wall_time, seconds=True),
                device=record.device_id[:8], seq=record.seq)
            if record.late:
                tip = self.tr("Entered later.") + " " + tip
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and (
                record.kind == "timer_fired" or record.event_id in self._overridden):
            return QBrush(QColor(theme.colors()["danger"]))
        return None

    def sync(self, state: RunState) -> None:
        """Bring the rows up to the state's events (appending when nothing came in between)."""
        events = state.events
        ids = self._ids
        self._state = state
        self._overridden = {o.event_id for o in state.overrides}
        if len(events) >= len(ids) and (not ids or events[len(ids) - 1].id == ids[-1]):
            new = events[len(ids):]
            if not new:
                return
            if state.runbook is None:
                return
            self._ids.extend(e.id for e in new)
            self.append_rows(timeline_rows(state.runbook, new, state.lang))
            return
        self._ids = [e.id for e in events]
        self.set_rows(state.timeline)


class TimelineFilter(QSortFilterProxyModel):
    """Rows whose text contains every typed word, of the chosen kind group."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.kinds: tuple[str, ...] = ()

    def set_filter(self, text: str, group: str) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._set(text, group)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._set(text, group)
            self.invalidateRowsFilter()

    def _set(self, text: str, group: str) -> None:
        self.words = text.casefold().split()
        self.kinds = KIND_GROUPS.get(group, ())

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        record = model.index(source_row, 0, source_parent).data(RecordRole)
        if record is None:
            return False
        if self.kinds and record.kind not in self.kinds:
            return False
        if not self.words:
            return True
        haystack = f"{record.actor} {record.text} {record.step_title}".casefold()
        return all(word in haystack for word in self.words)


class TimelineView(QWidget):
    """The log, newest at the bottom; follows new events while scrolled to the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.model = TimelineModel(self)
        self.proxy = TimelineFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("timelineSearch")
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("timelineKind")
        self.count = QLabel(self)
        self.count.setProperty("tone", "muted")
        self.table = SideTable(self, name="timelineTable")
        self.table.setModel(self.proxy)
        self.table.fit_columns({0: "00:00:00", 1: "Wwwwwwww"})
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self.proxy.rowsAboutToBeInserted.connect(self._remember_end)
        self.proxy.rowsInserted.connect(self._follow)
        self._at_end = True
        self._scroll_pending = False
        self._exercise = False
        self._retranslate()

    def sync(self, state: RunState) -> None:
        """Show the state's events (called after every refresh of the run)."""
        if bool(state.real_times) != self._exercise:  # "T+00:12 (14:32)" needs more room
            self._exercise = bool(state.real_times)
            self.table.fit_columns({0: "T+00:00 (00:00)" if self._exercise else "00:00:00",
                                    1: "Wwwwwwww"})
        self.model.sync(state)
        self._count()

    def _filter(self, *_: Any) -> None:
        self.proxy.set_filter(self.search.text(), str(self.kind.currentData() or ""))
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%n events", "", total) if shown == total
                           else self.tr("{shown} of %n events", "", total).format(shown=shown))

    def _remember_end(self, *_: Any) -> None:
        bar = self.table.verticalScrollBar()
        self._at_end = bar.value() >= bar.maximum() - 2

    def _follow(self, *_: Any) -> None:
        if not self._at_end:
            return
        if self.table.isVisible():
            self.table.scrollToBottom()
        else:
            self._scroll_pending = True  # scrolling a hidden table would measure every row

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._scroll_pending:
            self._scroll_pending = False
            self.table.scrollToBottom()

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Filter the timeline…"))
        self.search.setAccessibleName(self.tr("Filter the timeline"))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        labels = {"": self.tr("All kinds"), "steps": self.tr("Steps"),
                  "decisions": self.tr("Decisions"), "notes": self.tr("Notes"),
                  "timers": self.tr("Timers"), "services": self.tr("Services"),
                  "messages": self.tr("Messages"), "people": self.tr("People"),
                  "run": self.tr("Run")}
        for key, label in labels.items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self.table.setAccessibleName(self.tr("Timeline"))
        self.model.retranslate()
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
