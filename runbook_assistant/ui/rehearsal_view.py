"""What exercises taught about a runbook, shown above it in the reader.

One line says how often the runbook was exercised and when last; "Per step" opens a table with,
for every step, when it was last rehearsed, how long it typically takes (the median over the
exercise runs) and how often it was done; steps never rehearsed are flagged in red. Only exercise
runs count (``core/exercise/rehearsal.py``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.core.exercise.rehearsal import Rehearsal, rehearsal
from runbook_assistant.core.formatting import date_text, span_text
from runbook_assistant.ui import theme
from runbook_assistant.ui.i18n import ui_lang

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.runbook.model import Runbook

log = logging.getLogger("runbook_assistant.ui")


class RehearsalBox(QFrame):
    """The rehearsal record of one runbook: a summary line and a table per step."""

    def __init__(self, record: Rehearsal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rehearsalBox")
        self.record = record
        self.summary = QLabel(self)
        self.summary.setObjectName("rehearsalSummary")
        self.summary.setWordWrap(True)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("rehearsalToggle")
        self.toggle.setCheckable(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("rehearsalTable")
        self.table.setColumnCount(4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(self.fontMetrics().height() * 14)
        self.table.hide()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.toggle.toggled.connect(self.table.setVisible)
        self._retranslate()

    def _fill(self) -> None:
        danger = QBrush(QColor(theme.colors()["danger"]))
        self.table.setRowCount(len(self.record.steps))
        for row, step in enumerate(self.record.steps):
            title = QTableWidgetItem(step.title)
            title.setToolTip(f"{step.section_title} · #{step.step_id}")
            if step.never:
                cells = [title, QTableWidgetItem(self.tr("never rehearsed")),
                         QTableWidgetItem(""), QTableWidgetItem("0")]
                for cell in cells[:2]:
                    cell.setForeground(danger)
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
            else:
                typical = span_text(step.typical, ui_lang())
                cells = [title, QTableWidgetItem(date_text(step.last_rehearsed)),
                         QTableWidgetItem(typical), QTableWidgetItem(str(step.times))]
            for column, cell in enumerate(cells):
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)

    def _retranslate(self) -> None:
        record = self.record
        never = len(record.never_rehearsed)
        if record.exercise_runs == 0:
            text = self.tr("Never exercised: no step of this runbook has been rehearsed yet.")
        else:
            text = self.tr("Exercise runs: {n}, the last on {date}.").format(
                n=record.exercise_runs, date=date_text(record.last_exercise))
            if never:
                text += " " + self.tr("Steps never rehearsed: {n} of {total}.").format(
                    n=never, total=len(record.steps))
        self.summary.setText(text)
        self.summary.setProperty("tone", "danger" if never else "muted")
        theme.restyle(self.summary)
        self.toggle.setText(self.tr("Per step"))
        self.toggle.setToolTip(self.tr("When each step was last rehearsed and how long it "
                                       "typically takes"))
        self.table.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Last rehearsed"),
                                              self.tr("Typical duration"), self.tr("Times")])
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def attach_rehearsal(reader: Any, engine: Engine | None) -> RehearsalBox | None:
    """Put the rehearsal record above a runbook in the reader (not for scenarios)."""
    runbook: Runbook | None = getattr(reader, "runbook", None)
    if engine is None or runbook is None or runbook.kind != "runbook":
        return None
    try:
        record = rehearsal(engine, runbook)
    except RunbookAssistantError as exc:  # the reader works without it
        log.warning("no rehearsal record for %s: %s", runbook.id, exc.message)
        return None
    box = RehearsalBox(record, reader)
    layout = reader.layout()
    if layout is not None:
        layout.insertWidget(1, box)
    return box
