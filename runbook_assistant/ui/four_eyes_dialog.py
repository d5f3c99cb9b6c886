"""Four eyes: who did the step and who, a different qualified person, verified it.

Only people who may do it are offered: participants of the run holding the step's role (to
perform) or its role or ``verifier=`` role (to verify); the others are listed with the reason.
The name lists are not editable, so typing picks a name (Qt's keyboard search) and the first
Enter records. The performer starts as the last performer of this run's four-eyes steps, else the
person at the keyboard. A check step also asks for its outcome. When the rules of the run refuse
(nobody qualifies, staff short), "Override…" asks for a reason that cannot be empty; the engine
records it with who overrode, and every view shows it in red.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.run.discipline import eligibility, person_key, staffing_refusal
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import CHECK_OUTCOMES, Runbook, Step
from runbook_assistant.ui.dialog_parts import record_buttons
from runbook_assistant.ui.i18n import ui_lang

OUTCOME_WORDS = {  # translated where shown (FourEyesDialog.tr)
    "ruled-out": QT_TRANSLATE_NOOP("FourEyesDialog", "ruled out"),
    "not-ruled-out": QT_TRANSLATE_NOOP("FourEyesDialog", "not ruled out"),
    "under-investigation": QT_TRANSLATE_NOOP("FourEyesDialog", "still under investigation")}


def _combo(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    box.setEditable(False)  # typing searches the names; Enter goes to the dialog at once
    return box


class FourEyesDialog(QDialog):
    """Performer and verifier (and a check step's outcome) for one four-eyes step.

    ``performer()``, ``verifier()``, ``outcome()`` and ``override_reason()`` ('' when not
    overriding) after ``accepted``.
    """

    def __init__(self, step: Step, runbook: Runbook, state: RunState, actor: str,
                 last_performer: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.runbook = runbook
        self.state = state
        self.actor = actor
        self.setObjectName("fourEyesDialog")
        self.setWindowTitle(self.tr("Four eyes"))
        self.setMinimumWidth(560)
        self.heading = QLabel(self.tr("“{step}” counts only when a second person verified it.")
                              .format(step=step.title), self)
        self.heading.setWordWrap(True)
        self.people = eligibility(state, step)
        self.performer_box = _combo(self, "performer")
        self.verifier_box = _combo(self, "verifier")
        self.outcome_box = _combo(self, "outcome")
        for outcome in CHECK_OUTCOMES:
            self.outcome_box.addItem(self.tr(OUTCOME_WORDS[outcome]), outcome)
        self.outcome_box.setCurrentIndex(-1)  # nothing is assumed: the outcome is chosen
        self.outcome_box.setPlaceholderText(self.tr("Choose the outcome"))
        self.not_offered = QLabel(self)
        self.not_offered.setObjectName("notOffered")
        self.not_offered.setProperty("tone", "muted")
        self.not_offered.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("fourEyesProblem")
        self.problem.setProperty("tone", "danger")
        self.problem.setWordWrap(True)
        # Room for the refusal from the start: the dialog does not jump or squeeze its fields.
        self.problem.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.reason_label = QLabel(self.tr("&Reason for the override (recorded in red, with "
                                           "your name):"), self)
        self.reason_label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(self.tr("Why the rule is set aside"))
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(self.tr("&Done by:"), self.performer_box)
        form.addRow(self.tr("&Verified by:"), self.verifier_box)
        if step.check is not None:
            form.addRow(self.tr("&Outcome:"), self.outcome_box)
        else:
            self.outcome_box.hide()  # not in the form: it must not float over the heading
        self.buttons, self.record_button = record_buttons(
            self, self.tr("Record as done"), "recordButton", self._record)
        self.override_button = QPushButton(self.tr("&Override…"), self)
        self.override_button.setObjectName("overrideButton")
        self.override_button.setAutoDefault(False)
        self.override_button.clicked.connect(self.start_override)
        self.buttons.addButton(self.override_button, self.buttons.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.not_offered)
        layout.addWidget(self.problem)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.overriding = False
        self.reason_label.hide()
        self.reason.hide()
        self._fill_performers(last_performer)
        self._fill_verifiers()
        self.not_offered.setText(self._not_offered_text())
        self.performer_box.currentIndexChanged.connect(self._performer_changed)
        self.verifier_box.currentIndexChanged.connect(self._check)
        self.outcome_box.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.override_button.setEnabled(bool(self.rule_problem()))
        self.verifier_box.setFocus()

    # --- what was entered ------------------------------------------------------------------------
    def performer(self) -> str:
        return self.performer_box.currentText().strip()

    def verifier(self) -> str:
        return str(self.verifier_box.currentData() or "").strip()

    def outcome(self) -> str | None:
        data = self.outcome_box.currentData()
        return str(data) if self.step.check is not None and data else None

    def override_reason(self) -> str:
        return self.reason.text().strip() if self.overriding else ""

    def offered_performers(self) -> list[str]:
        return [self.performer_box.itemText(i) for i in range(self.performer_box.count())]

    def offered_verifiers(self) -> list[str]:
        return [str(self.verifier_box.itemData(i)) for i in range(self.verifier_box.count())
                if self.verifier_box.itemData(i)]

    # --- filling the lists -----------------------------------------------------------------------
    def _fill_performers(self, last_performer: str) -> None:
        names = [p.name for p in self.people if p.performs or self.overriding]
        if self.overriding and not any(person_key(n) == person_key(self.actor) for n in names):
            names.insert(0, self.actor)
        current = self.performer() or last_performer
        self.performer_box.blockSignals(True)
        self.performer_box.clear()
        self.performer_box.addItems(names)
        for wanted in (current, last_performer, self.actor):
            index = next((i for i, n in enumerate(names)
                          if wanted and person_key(n) == person_key(wanted)), -1)
            if index >= 0:
                self.performer_box.setCurrentIndex(index)
                break
        self.performer_box.blockSignals(False)

    def _fill_verifiers(self) -> None:
        chosen = self.verifier()
        performer = person_key(self.performer())
        names = [p.name for p in self.people
                 if (p.verifies or self.overriding) and person_key(p.name) != performer]
        self.verifier_box.blockSignals(True)
        self.verifier_box.clear()
        if self.overriding:
            self.verifier_box.addItem(self.tr("(nobody: done alone)"), "")
        for name in names:
            self.verifier_box.addItem(name, name)
        index = self.verifier_box.findData(chosen) if chosen else -1
        self.verifier_box.setCurrentIndex(index)
        self.verifier_box.setPlaceholderText(self.tr("Choose the second person"))
        self.verifier_box.blockSignals(False)

    def _not_offered_text(self) -> str:
        """Who takes part but is not offered, and why."""
        roles = " / ".join(self.runbook.role_name(r) for r in (self.step.role, self.step.verifier)
                           if r)
        lines = []
        for person in self.people:
            if person.verifies:
                continue
            held = ", ".join(self.runbook.role_name(r) for r in person.roles) or \
                self.tr("no role")
            lines.append(self.tr("{name} ({held}) is not offered: not a {roles}.")
                         .format(name=person.name, held=held, roles=roles))
        if not self.people:
            lines.append(self.tr("Nobody takes part in this run yet: add people with their "
                                 "roles (Participants) before a four-eyes step."))
        return "\n".join(lines)

    # --- checking --------------------------------------------------------------------------------
    def start_override(self) -> None:
        """Offer everyone taking part, and ask for the reason the rule is set aside."""
        self.overriding = True
        self.reason_label.show()
        self.reason.show()
        self.override_button.setEnabled(False)
        self.record_button.setText(self.tr("Record with override"))
        self._fill_performers("")
        self._fill_verifiers()
        self._check()
        self.reason.setFocus()

    def _performer_changed(self) -> None:
        self._fill_verifiers()
        self._check()

    def rule_problem(self) -> str:
        """What the run's rules refuse as things stand ('' when nothing)."""
        problems = []
        if not any(p.performs for p in self.people):
            problems.append(self.tr("Nobody taking part may perform this step."))
        elif not self.offered_verifiers() and not self.overriding:
            problems.append(self.tr("Nobody taking part may verify it."))
        short = staffing_refusal(self.state, self.runbook, self.step, ui_lang())
        if short:
            problems.append(self.tr("Staff short: {what}.").format(what=short))
        return " ".join(problems)

    def problem_text(self) -> str:
        """Why the entries cannot be recorded yet ('' when they can)."""
        if not self.performer():
            return self.tr("Choose who did the step.")
        if self.overriding:
            if not self.override_reason():
                return self.tr("Give the reason for the override: it cannot be empty.")
        else:
            rules = self.rule_problem()
            if rules:
                return rules + " " + self.tr("Override… records it anyway, with a reason.")
            if not self.verifier():
                return self.tr("Choose the second person who verified it.")
        if self.step.check is not None and self.outcome() is None:
            return self.tr("Choose the outcome of the check.")
        return ""

    def _check(self) -> None:
        problem = self.problem_text()
        # An empty verifier or outcome is the starting point, not a mistake: no red text for it.
        quiet = not self.overriding and not self.rule_problem() and (
            not self.verifier() or (self.step.check is not None and self.outcome() is None))
        self.problem.setText("" if quiet else problem)
        self.record_button.setEnabled(not problem)

    def _record(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            return
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter records from any field; the lists never swallow it to "accept a completion".
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._record()
            return
        super().keyPressEvent(event)
