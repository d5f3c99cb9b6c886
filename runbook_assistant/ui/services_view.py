"""The service impact board of a run: resident-facing services first, each status one key away.

Select a service and press 1 (up), 2 (degraded), 3 (down) or 4 (restored), or pick the status in
the box below; each change is one ``Engine.service`` call. The table adapts
``core.services.ServiceRow`` rows; durations come from the core, never from the view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.formatting import day_clock, span_text
from runbook_assistant.core.run.changes import RunChange
from runbook_assistant.core.run.services import STATUSES, ServiceRow, board_of
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.ui import theme
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.row_models import RecordRole, RowsModel

if TYPE_CHECKING:
    from runbook_assistant.core.log.events import Event
    from runbook_assistant.core.run.engine import Engine

translate = QCoreApplication.translate
ActorSource = str | Callable[[], str]
StatusRole = RecordRole + 1
ServiceRole = RecordRole + 2
KEYS = {Qt.Key.Key_1: "up", Qt.Key.Key_2: "degraded", Qt.Key.Key_3: "down",
        Qt.Key.Key_4: "restored"}
REFRESH_MS = 30_000  # durations on the board move on while nothing is recorded


def status_label(status: str) -> str:
    """A service status in the app's language."""
    labels = {
        "up": translate("ServicesView", "up"),
        "degraded": translate("ServicesView", "degraded"),
        "down": translate("ServicesView", "down"),
        "restored": translate("ServicesView", "restored"),
        "unknown": translate("ServicesView", "unknown"),
    }
    return labels.get(status, status)


def status_colours(status: str) -> tuple[str, str] | None:
    """Background and text colour of a status cell (contrast at least 4.5:1), or None."""
    dark = theme.is_dark()
    table = {
        "down": ("#ff6b6b", "#000000") if dark else ("#b00020", "#ffffff"),
        "degraded": ("#ffc247", "#000000") if dark else ("#f5b400", "#000000"),
        "up": ("#7bd88a", "#000000") if dark else ("#1b6e20", "#ffffff"),
        "restored": ("#7bd88a", "#000000") if dark else ("#1b6e20", "#ffffff"),
    }
    return table.get(status)


def actor_of(source: ActorSource) -> str:
    return source() if callable(source) else source


FIT_ORDER = ("history", "degraded", "down", "restore", "since")  # hidden first on a narrow panel
_CELL_PAD = 12  # the cell's margins around its text


class ServicesModel(RowsModel[ServiceRow]):
    """Board rows: service, status, since, down, degraded, time to restore, history."""

    COLUMNS = ("service", "status", "since", "down", "degraded", "restore", "history")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Service"), self.tr("Status"), self.tr("Since"), self.tr("Down"),
                self.tr("Degraded"), self.tr("Time to restore"), self.tr("History"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1) if 0 <= section < len(self.rows) else None
        return super().headerData(section, orientation, role)

    def cell(self, row: ServiceRow, column: int, role: int) -> Any:
        name = self.COLUMNS[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._history(row, full=True) or self._text(row, name)
        if role == StatusRole:
            return row.status
        if role == ServiceRole:
            return row.service
        if name == "status" and role in (Qt.ItemDataRole.BackgroundRole,
                                         Qt.ItemDataRole.ForegroundRole):
            colours = status_colours(row.status)
            if colours is None:
                return None
            return QBrush(QColor(colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1]))
        if role == Qt.ItemDataRole.FontRole and name in ("service", "status"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: ServiceRow, column: str) -> str:
        lang = ui_lang()
        if column == "service":
            return row.service
        if column == "status":
            return status_label(row.status)
        if column == "since":
            return day_clock(row.since)
        if column == "down":
            return span_text(row.down_for, lang) if row.down_for else ""
        if column == "degraded":
            return span_text(row.degraded_for, lang) if row.degraded_for else ""
        if column == "restore":
            return span_text(row.time_to_restore, lang) if row.time_to_restore else ""
        return self._history(row)

    @staticmethod
    def _history(row: ServiceRow, full: bool = False) -> str:
        changes = row.history if full else row.history[-4:]
        if full:
            return "\n".join(
                f"{day_clock(c.at)}  {status_label(c.status)}  ({c.actor})"
                + (f": {c.note}" if c.note else "") for c in changes)
        text = " → ".join(f"{day_clock(c.at)} {status_label(c.status)}" for c in changes)
        return ("… → " + text) if len(row.history) > len(changes) else text


class ServicesView(QWidget):
    """The board of one run; ``refresh()`` re-reads it from the engine."""

    recorded = Signal(object)  # the committed Event of a status change

    def __init__(self, engine: Engine, run_id: str, parent: QWidget | None = None, *,
                 actor: ActorSource = "") -> None:
        super().__init__(parent)
        self.engine = engine
        self.run_id = run_id
        self.actor = actor
        self._closed = False
        self.heading = QLabel(self)
        self.heading.setObjectName("servicesHeading")
        self.heading.setWordWrap(True)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.keys_hint = QLabel(self)
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setProperty("tone", "muted")
        self.model = ServicesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("servicesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        # The status and times always whole; the service's name takes the rest and wraps.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, name in enumerate(ServicesModel.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if name == "service"
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap whole words, never "…"
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)
        self.heading.setBuddy(self.table)
        self.status_label = QLabel(self)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("serviceStatus")
        self.status_label.setBuddy(self.status_box)
        self.note_label = QLabel(self)
        self.note = QLineEdit(self)
        self.note.setObjectName("serviceNote")
        self.note_label.setBuddy(self.note)
        self.message = QLabel(self)
        self.message.setObjectName("servicesMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("tone", "muted")
        controls = QHBoxLayout()
        controls.addWidget(self.status_label)
        controls.addWidget(self.status_box)
        controls.addWidget(self.note_label)
        controls.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        self.status_box.activated.connect(self._on_box)
        self.table.selectionModel().currentRowChanged.connect(self._sync_box)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._retranslate()
        self.refresh()

    # --- reading -----------------------------------------------------------------------------
    def show_change(self, change: RunChange) -> None:
        """RunPanel: show the run as a change left it."""
        self.refresh(change.state)

    def refresh(self, state: RunState | None = None) -> None:
        """Re-read the board from the run's events (keeps the selected service selected)
        (``state``: the run as already read).
        """
        state = state or guarded(self, lambda: self.engine.state(self.run_id))
        if state is None:
            return
        self._closed = state.closed
        current = self.table.currentIndex()
        self.model.set_rows(board_of(state))
        QTimer.singleShot(0, self.fit_columns)
        if self.model.rowCount() and not current.isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.status_box.setEnabled(not self._closed)
        self.note.setEnabled(not self._closed)
        self._sync_box()
        if self._closed:
            self.message.setText(self.tr("The run is closed: the board can no longer change."))
        elif not self.model.rowCount():
            self.message.setText(self.tr("This runbook lists no services."))
        else:
            self.message.setText("")

    def selected_service(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ServiceRole)) if index.isValid() else None

    # --- recording ---------------------------------------------------------------------------
    def set_status(self, service: str, status: str) -> Event | None:
        """Record a status for ``service`` (one engine call); errors are shown, not raised."""
        note = self.note.text()
        event = guarded(self, lambda: self.engine.service(
            self.run_id, service, status, actor=actor_of(self.actor), note=note))
        if event is not None:
            self.note.clear()
            self.refresh()
            self.message.setText(self.tr("{service}: {status} recorded.").format(
                service=service, status=status_label(status)))
            self.recorded.emit(event)
        return event

    def fit_columns(self) -> None:
        """On a narrow panel the service's name and its status come first: the least needed
        columns (history, then the durations, then "since") hide until the name has room for
        about eighteen characters, and for its longest word (a word does not wrap: a long one,
        "(informatienummer)", would be cut off). Hidden ones are in the tooltip and the
        timeline."""
        header = self.table.horizontalHeader()
        columns = ServicesModel.COLUMNS
        for name in FIT_ORDER:
            header.setSectionHidden(columns.index(name), False)
        bold = QFont(self.table.font())
        bold.setBold(True)  # as the names are drawn
        metrics = QFontMetrics(bold)
        longest = max((metrics.horizontalAdvance(word) for row in self.model.rows
                       for word in row.service.split()), default=0)
        wanted = max(self.table.fontMetrics().averageCharWidth() * 18, longest + _CELL_PAD)
        for name in FIT_ORDER:
            others = sum(header.sectionSize(i) for i in range(len(columns))
                         if i and not header.isSectionHidden(i))
            if self.table.viewport().width() - others >= wanted:
                break
            header.setSectionHidden(columns.index(name), True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit_columns)  # after the header has its new width
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event = event if isinstance(event, QKeyEvent) else None
            if key_event is not None and self._on_key(key_event):
                return True
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        status = KEYS.get(Qt.Key(event.key()))
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if status is None or modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        service = self.selected_service()
        if service is None or self._closed:
            return True
        self.set_status(service, status)
        return True

    def _on_box(self, number: int) -> None:
        service = self.selected_service()
        status = self.status_box.itemData(number)
        row = self.model.record(self.table.currentIndex().row())
        if service and status and row is not None and row.status != status:
            self.set_status(service, str(status))

    def _sync_box(self, *_: Any) -> None:
        row = self.model.record(self.table.currentIndex().row())
        number = self.status_box.findData(row.status) if row is not None else -1
        self.status_box.setCurrentIndex(number)

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    # --- language ----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.model.retranslate()
        self.heading.setText(self.tr("&Services, in restore order (residents first)"))
        self.keys_hint.setText(self.tr(
            "Select a service and press 1 up, 2 degraded, 3 down or 4 restored."))
        self.table.setAccessibleName(self.tr("Service impact board"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.note_label.setText(self.tr("&Note:"))
        self.note.setPlaceholderText(self.tr("Optional, saved with the next change"))
        self.status_box.clear()
        for number, status in enumerate(STATUSES, start=1):
            self.status_box.addItem(f"{number}  {status_label(status)}", status)
        self._sync_box()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
