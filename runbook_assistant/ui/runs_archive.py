"""The runs archive: every run, open and closed, incidents and exercises apart, searchable.

A closed run opens read-only (its checklist takes no more entries) and its report stays
writable; it exports like an open one. Overdue action items of all runs are counted at the top.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.run.paperwork import action_items, report_status
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.row_models import RowsModel

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine

ALARM = QColor("#b00020")


@dataclass(frozen=True)
class ArchivedRun:
    """One run as the archive lists it."""

    run_id: str
    title: str
    runbook_id: str
    exercise: bool
    started_at: datetime | None
    closed: bool
    report_version: int
    report_final: bool
    open_actions: int
    overdue_actions: int

    def matches(self, words: list[str], started: str) -> bool:
        """Every word in the title, the runbook id or the start date (YYYY-MM-DD HH:MM)."""
        haystack = f"{self.title} {self.runbook_id} {started}".casefold()
        return all(word in haystack for word in words)


def archived_runs(engine: Engine, today: date) -> list[ArchivedRun]:
    """Every run of the engine, newest first, with its report status and action items."""
    found = []
    for summary in engine.runs():
        events = engine.events(summary.run_id)
        status = report_status(events)
        items = [i for i in action_items(events) if i.status == "open"]
        found.append(ArchivedRun(
            summary.run_id, summary.title, summary.runbook_id, summary.mode == "exercise",
            summary.started_at, summary.closed, status.version, status.final, len(items),
            sum(1 for i in items if i.overdue(today))))
    return found


def _zone() -> Any:
    """The municipality's time zone (times read as its people read them), else the computer's."""
    from runbook_assistant.core.comms.municipality import load_municipality

    return load_municipality().tz()


def _started(run: ArchivedRun, zone: Any = None) -> str:
    return run.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if run.started_at else ""


class ArchiveModel(RowsModel[ArchivedRun]):
    """One group of the archive (incidents or exercises)."""

    zone: Any = None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Started"), self.tr("Title"), self.tr("Runbook"), self.tr("Status"),
                self.tr("Report"), self.tr("Open actions"))

    def cell(self, record: ArchivedRun, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and record.overdue_actions:
            return ALARM
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 3:
            return self.tr("closed") if record.closed else self.tr("open")
        if column == 4:
            text = self.tr("version {n}, final") if record.report_final \
                else self.tr("version {n}, draft")
            return text.format(n=record.report_version)
        if column == 5:
            if record.overdue_actions:
                return self.tr("{n} ({overdue} overdue)").format(n=record.open_actions,
                                                                 overdue=record.overdue_actions)
            return str(record.open_actions) if record.open_actions else ""
        return (_started(record, self.zone), record.title, record.runbook_id)[column]


class RunsArchive(QWidget):
    """Search field, overdue count, and the two tables; Enter opens a run, R its report."""

    run_activated = Signal(str)
    report_requested = Signal(str)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsArchive")
        self.engine = engine
        self.runs: list[ArchivedRun] = []
        self.zone: Any = None
        self.search = QLineEdit(self)
        self.search.setObjectName("archiveSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        self.overdue = QLabel(self)
        self.overdue.setObjectName("archiveOverdue")
        self.overdue.setStyleSheet("color: #b00020; font-weight: bold;")
        self.tables: dict[str, QTableView] = {}
        self.models: dict[str, ArchiveModel] = {}
        self.headings: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        layout.addWidget(self.overdue)
        for group in ("incidents", "exercises"):
            heading = QLabel(self)
            model = ArchiveModel(self)
            table = QTableView(self)
            table.setObjectName(f"archive_{group}")
            table.setModel(model)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.activated.connect(self._activated)
            heading.setBuddy(table)
            layout.addWidget(heading)
            layout.addWidget(table, 1)
            self.tables[group], self.models[group], self.headings[group] = table, model, heading
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("archiveOpen")
        self.open_button.clicked.connect(lambda: self._emit(self.run_activated))
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("archiveReport")
        self.report_button.clicked.connect(lambda: self._emit(self.report_requested))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self._filter)
        self._retranslate()
        self.refresh()

    def refresh(self) -> None:
        """Read every run again."""
        self.zone = _zone()
        for model in self.models.values():
            model.zone = self.zone
        today = self.engine.clock.now().astimezone(self.zone).date()
        runs = guarded(self, lambda: archived_runs(self.engine, today))
        if runs is None:
            return
        self.runs = runs
        overdue = sum(r.overdue_actions for r in runs)
        self.overdue.setText(self.tr("Overdue action items: {n}").format(n=overdue))
        self.overdue.setVisible(overdue > 0)
        self._filter()

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        shown = [r for r in self.runs if r.matches(words, _started(r, self.zone))]
        self.models["incidents"].set_rows([r for r in shown if not r.exercise])
        self.models["exercises"].set_rows([r for r in shown if r.exercise])

    def selected_run_id(self) -> str:
        """The run selected in whichever table has the focus (or last had a selection)."""
        for group in ("incidents", "exercises"):
            table = self.tables[group]
            if table.hasFocus() and table.currentIndex().isValid():
                return self._run_at(group, table.currentIndex())
        for group in ("incidents", "exercises"):
            index = self.tables[group].currentIndex()
            if index.isValid():
                return self._run_at(group, index)
        return ""

    def _run_at(self, group: str, index: QModelIndex) -> str:
        record = self.models[group].record(index.row())
        return record.run_id if record is not None else ""

    def _activated(self, index: QModelIndex) -> None:
        table = self.sender()
        group = next((g for g, t in self.tables.items() if t is table), "incidents")
        run_id = self._run_at(group, index)
        if run_id:
            self.run_activated.emit(run_id)

    def _emit(self, signal: Any) -> None:
        run_id = self.selected_run_id()
        if run_id:
            signal.emit(run_id)

    def _retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("title, runbook or date (YYYY-MM-DD)"))
        self.headings["incidents"].setText(self.tr("&Incidents"))
        self.headings["exercises"].setText(self.tr("E&xercises"))
        self.open_button.setText(self.tr("&Open the run"))
        self.report_button.setText(self.tr("Open the &report"))
        if self.runs:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
