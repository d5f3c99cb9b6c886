"""Start a run: title, who you are, who is present in which role, incident or exercise.

The staffing check is live: every minimum the runbook sets is listed, a shortfall in red. A
shortfall does not block (the lead decides, at 3 a.m., with whoever is there): the button
becomes "Start anyway" and the engine records the shortfall in the run's first event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.core.run.discipline import discovery_moment
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.ui import theme
from runbook_assistant.ui.municipality_label import MunicipalityLabel
from runbook_assistant.ui.start_run_roles import RoleDelegate, present_per_role, shortfall_of
from runbook_assistant.ui.widgets import Heading

LEAD_ROLES = ("incident-lead", "lead", "coordinator", "coordinator-ict")


@dataclass(frozen=True)
class StartRunParams:
    """What the dialog returns: the arguments of ``Engine.start_run`` and the shortfall shown."""

    runbook_id: str
    title: str
    actor: str
    mode: str  # "incident" | "exercise"
    participants: tuple[tuple[str, str | None], ...]
    shortfall: tuple[tuple[str, int, int], ...]  # (role id, needed, present)
    scenario_id: str | None = None
    clock_keeps_running: bool = False  # an exercise's clock runs on while the app is closed
    discovered_at: datetime | None = None  # when the incident was discovered (None: not given)

    def engine_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Engine.start_run`` (after the runbook and its source text)."""
        return {"title": self.title, "actor": self.actor, "mode": self.mode,
                "participants": self.participants, "scenario_id": self.scenario_id,
                "clock_keeps_running": self.clock_keeps_running,
                "discovered_at": self.discovered_at}


class StartRunDialog(QDialog):
    """Collects the parameters of a new run; ``parameters()`` after ``exec()`` returned Accepted."""

    NAME, ROLE = 0, 1

    def __init__(self, runbook: Runbook, *, actor: str = "", scenario: Runbook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runbook = runbook
        self.scenario = scenario
        self.setObjectName("startRunDialog")
        self.setMinimumWidth(640)

        self.heading = Heading(parent=self, factor=1.2)
        self.heading.setWordWrap(True)
        self.municipality = MunicipalityLabel(parent=self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("runTitle")
        self.actor_edit = QLineEdit(actor, self)
        self.actor_edit.setObjectName("actor")
        self.discovered_edit = QLineEdit(self)
        self.discovered_edit.setObjectName("discoveredAt")
        self.incident_radio = QRadioButton(self)
        self.exercise_radio = QRadioButton(self)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.incident_radio)
        self.mode_group.addButton(self.exercise_radio)
        self.exercise_banner = QLabel(self)
        self.exercise_banner.setObjectName("exerciseBanner")
        self.exercise_banner.setProperty("banner", "exercise")
        self.exercise_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keeps_running = QCheckBox(self)
        self.keeps_running.setObjectName("clockKeepsRunning")

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("participants")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.ROLE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        # One cell at a time, so the focused cell (a name or a role) is the one highlighted; Tab
        # leaves the table like any field, arrows move between cells, typing edits the cell.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Not on a mere move: arrows must never open a role list and change a role on the way.
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                   | triggers.AnyKeyPressed)
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegateForColumn(self.ROLE, RoleDelegate(self._role_choices, self.table))
        self.table.installEventFilter(self)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addPerson")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removePerson")

        self.staffing_heading = QLabel(self)
        self.staffing_lines = QVBoxLayout()
        self.staffing_labels: list[QLabel] = []
        self.shortfall_banner = QLabel(self)
        self.shortfall_banner.setObjectName("shortfallBanner")
        self.shortfall_banner.setProperty("banner", "shortfall")
        self.shortfall_banner.setWordWrap(True)
        self.approval_banner = QLabel(self)  # an unapproved or overdue version: see below
        self.approval_banner.setObjectName("approvalBanner")
        self.approval_banner.setProperty("banner", "shortfall")
        self.approval_banner.setWordWrap(True)
        self.approval_banner.hide()
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setProperty("tone", "danger")

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("startButton")
        self.start_button.setProperty("primary", True)
        self.start_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._build_layout()
        self._connect()
        self._retranslate()
        self._prefill(actor)
        self.update_state()

    def show_approval_warning(self, text: str) -> None:
        """Say that the version to run is not approved, or overdue for review (it may start)."""
        self.approval_banner.setText(text)
        self.approval_banner.setVisible(bool(text))

    # --- layout -------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.title_label = QLabel(self)
        self.title_label.setBuddy(self.title_edit)
        self.actor_label = QLabel(self)
        self.actor_label.setBuddy(self.actor_edit)
        self.mode_label = QLabel(self)
        self.form.addRow(self.title_label, self.title_edit)
        self.form.addRow(self.actor_label, self.actor_edit)
        self.discovered_label = QLabel(self)
        self.discovered_label.setBuddy(self.discovered_edit)
        self.form.addRow(self.discovered_label, self.discovered_edit)
        modes = QHBoxLayout()
        modes.addWidget(self.incident_radio)
        modes.addWidget(self.exercise_radio)
        modes.addWidget(self.exercise_banner)
        modes.addStretch(1)
        self.form.addRow(self.mode_label, modes)
        self.form.addRow("", self.keeps_running)
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(self.add_button)
        people_buttons.addWidget(self.remove_button)
        people_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.municipality)
        layout.addLayout(self.form)
        self.people_label = QLabel(self)
        self.people_label.setBuddy(self.table)
        layout.addWidget(self.people_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(people_buttons)
        layout.addWidget(self.staffing_heading)
        layout.addLayout(self.staffing_lines)
        layout.addWidget(self.shortfall_banner)
        layout.addWidget(self.approval_banner)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for role, _needed in self.runbook.staffing:
            label = QLabel(self)
            label.setObjectName(f"staffing-{role}")
            self.staffing_labels.append(label)
            self.staffing_lines.addWidget(label)

    def _connect(self) -> None:
        self.title_edit.textChanged.connect(self.update_state)
        self.discovered_edit.textChanged.connect(self.update_state)
        self.actor_edit.textChanged.connect(self._actor_changed)
        self.incident_radio.toggled.connect(self.update_state)
        self.table.itemChanged.connect(self.update_state)
        self.add_button.clicked.connect(lambda: self.add_participant("", None, edit=True))
        self.remove_button.clicked.connect(self.remove_current)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, activated=lambda: self.add_participant(
            "", None, edit=True))

    def _prefill(self, actor: str) -> None:
        exercise = self.scenario is not None
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
        self.title_edit.setText(f"{self.runbook.title} — {stamp}")
        (self.exercise_radio if exercise else self.incident_radio).setChecked(True)
        self.incident_radio.setEnabled(not exercise)
        self._actor_row_name = actor
        if actor:
            self.add_participant(actor, self._lead_role())
        (self.title_edit if actor else self.actor_edit).setFocus()

    def _lead_role(self) -> str | None:
        ids = [r.id for r in self.runbook.roles]
        return next((r for r in LEAD_ROLES if r in ids), ids[0] if ids else None)

    # --- participants -------------------------------------------------------------------------
    def add_participant(self, name: str, role: str | None, *, edit: bool = False) -> int:
        """Append a row (name, role); returns its index."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.table.setItem(row, self.NAME, QTableWidgetItem(name))
        self.table.setItem(row, self.ROLE, QTableWidgetItem())
        self._show_role(row, role)
        self.table.blockSignals(False)
        if edit:
            self.table.setCurrentCell(row, self.NAME)
            self.table.setFocus()
            self.table.editItem(self.table.item(row, self.NAME))
        self.update_state()
        return row

    def _role_choices(self) -> list[tuple[str, str | None]]:
        """(shown name, role id) of every role a person can take, "(no role)" first."""
        choices: list[tuple[str, str | None]] = [(self.tr("(no role)"), None)]
        choices += [(r.name, r.id) for r in self.runbook.roles]
        for rid, _needed in self.runbook.staffing:  # a minimum for an undeclared role still counts
            if all(rid != known for _name, known in choices):
                choices.append((rid, rid))
        return choices

    def _show_role(self, row: int, role: str | None) -> None:
        item = self.table.item(row, self.ROLE)
        name = next((n for n, rid in self._role_choices() if rid == role), "") if role else ""
        item.setText(name or self.tr("(no role)"))
        item.setData(Qt.ItemDataRole.UserRole, role if name else None)

    def set_role(self, row: int, role: str | None) -> None:
        self._show_role(row, role)
        self.update_state()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 and self.table.rowCount():
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.update_state()

    def role_of(self, row: int) -> str | None:
        item = self.table.item(row, self.ROLE)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def participants(self) -> tuple[tuple[str, str | None], ...]:
        """Every row with a name, as (name, role id or None)."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.NAME)
            name = item.text().strip() if item else ""
            if name:
                out.append((name, self.role_of(row)))
        return tuple(out)

    def _actor_changed(self, text: str) -> None:
        # The first row follows the "you are" field until someone edits that row by hand.
        first = self.table.item(0, self.NAME) if self.table.rowCount() else None
        if first is None and text.strip():
            self.add_participant(text.strip(), self._lead_role())
        elif first is not None and first.text().strip() == self._actor_row_name:
            first.setText(text.strip())
        self._actor_row_name = text.strip()
        self.update_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and self.table.state() != QAbstractItemView.State.EditingState):
            if event.key() == Qt.Key.Key_Insert:
                self.add_participant("", None, edit=True)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    # --- state --------------------------------------------------------------------------------
    def mode(self) -> str:
        return "exercise" if self.exercise_radio.isChecked() else "incident"

    def shortfall(self) -> tuple[tuple[str, int, int], ...]:
        return shortfall_of(self.runbook, self.participants())

    def update_state(self) -> None:
        """Refresh the staffing lines, the banners and the start button from the fields."""
        people = self.participants()
        short = {role for role, _needed, _present in shortfall_of(self.runbook, people)}
        counts = present_per_role(people)
        for label, (role, needed) in zip(self.staffing_labels, self.runbook.staffing, strict=True):
            text = self.tr("{role}: {present} of {needed} present").format(
                role=self.runbook.role_name(role), present=counts.get(role, 0), needed=needed)
            label.setText(("✗ " if role in short else "✓ ") + text)
            label.setProperty("tone", "danger" if role in short else "ok")
            theme.restyle(label)
        self.staffing_heading.setVisible(bool(self.runbook.staffing))
        self.shortfall_banner.setVisible(bool(short))
        self.exercise_banner.setVisible(self.mode() == "exercise")
        self.keeps_running.setVisible(self.mode() == "exercise")
        problem = ""
        if not self.title_edit.text().strip():
            problem = self.tr("Give the run a title.")
        elif not self.actor_edit.text().strip():
            problem = self.tr("Fill in who you are: your name or initials go on every entry.")
        elif self.discovered_edit.text().strip() and self.discovered_at() is None:
            problem = self.tr("The moment of discovery is HH:MM (today) or a date and time such "
                              "as 2026-11-23 10:47, and not in the future.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.start_button.setEnabled(not problem)
        self.start_button.setText(self.tr("Start anyway") if short else self.tr("Start run"))
        self.start_button.setProperty("warning", bool(short))
        theme.restyle(self.start_button)

    def parameters(self) -> StartRunParams:
        """The run to start, as filled in."""
        return StartRunParams(
            runbook_id=self.runbook.id, title=self.title_edit.text().strip(),
            actor=self.actor_edit.text().strip(), mode=self.mode(),
            participants=self.participants(), shortfall=self.shortfall(),
            scenario_id=self.scenario.id if self.scenario else None,
            clock_keeps_running=self.mode() == "exercise" and self.keeps_running.isChecked(),
            discovered_at=self.discovered_at())

    def discovered_at(self) -> datetime | None:
        """The moment of discovery typed (None when empty, unreadable or in the future)."""
        text = self.discovered_edit.text().strip()
        if not text:
            return None
        try:
            return discovery_moment(text, datetime.now().astimezone())
        except RunbookAssistantError:
            return None

    # --- language -----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start a run"))
        self.heading.setText(self.tr("Start a run of “{title}”").format(title=self.runbook.title))
        self.title_label.setText(self.tr("&Title:"))
        self.actor_label.setText(self.tr("&You are:"))
        self.mode_label.setText(self.tr("Mode:"))
        self.actor_edit.setPlaceholderText(self.tr("Your name or initials"))
        self.discovered_label.setText(self.tr("&Discovered at:"))
        self.discovered_edit.setPlaceholderText(self.tr(
            "HH:MM or 2026-11-23 10:47 — legal deadlines count from it (empty: now)"))
        self.incident_radio.setText(self.tr("&Incident"))
        self.exercise_radio.setText(self.tr("E&xercise"))
        self.exercise_banner.setText(self.tr("EXERCISE"))
        self.keeps_running.setText(self.tr("The exercise clock &keeps running while the app is "
                                           "closed (otherwise it pauses)"))
        self.people_label.setText(self.tr("&Who is present, and in which role "
                                          "(Insert adds a person, Delete removes one):"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.add_button.setText(self.tr("&Add person"))
        self.remove_button.setText(self.tr("&Remove person"))
        self.staffing_heading.setText(self.tr("Minimum staffing of this runbook:"))
        self.shortfall_banner.setText(self.tr(
            "Not enough people in every role. You can start anyway: the shortfall is recorded "
            "in the run."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.update_state()
        super().changeEvent(event)
