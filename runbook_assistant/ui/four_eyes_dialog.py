"""Four eyes: who did the step and who, a different person, verified it.

The performer defaults to the person at the keyboard. The same name twice (in any case, with any
surrounding blanks, as the engine compares names) is refused here, inline, before anything is
recorded; the engine refuses it again if it ever got through.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from runbook_assistant.core.run.fold import person_key
from runbook_assistant.core.runbook.model import Step
from runbook_assistant.ui.dialog_parts import record_buttons


def _names_box(names: Sequence[str], current: str, parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(list(names))
    box.setCurrentText(current)
    return box


class FourEyesDialog(QDialog):
    """Asks for performer and verifier of a four-eyes step; ``performer()``/``verifier()``."""

    def __init__(self, step: Step, actor: str, people: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName("fourEyesDialog")
        self.setWindowTitle(self.tr("Four eyes"))
        self.setMinimumWidth(520)
        names = list(dict.fromkeys(n for n in (actor, *people) if n.strip()))
        self.heading = QLabel(self.tr("“{step}” counts only when a second person verified it.")
                              .format(step=step.title), self)
        self.heading.setWordWrap(True)
        self.performer_box = _names_box(names, actor, self)
        self.performer_box.setObjectName("performer")
        self.verifier_box = _names_box([n for n in names if person_key(n) != person_key(actor)],
                                       "", self)
        self.verifier_box.setObjectName("verifier")
        self.verifier_box.lineEdit().setPlaceholderText(self.tr("Name of the second person"))
        self.problem = QLabel(self)
        self.problem.setObjectName("fourEyesProblem")
        self.problem.setProperty("tone", "danger")
        self.problem.setWordWrap(True)
        # Room for the refusal from the start: the dialog does not jump or squeeze its fields.
        self.problem.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        form = QFormLayout()
        form.addRow(self.tr("&Done by:"), self.performer_box)
        form.addRow(self.tr("&Verified by:"), self.verifier_box)
        self.buttons, self.record_button = record_buttons(
            self, self.tr("Record as done"), "recordButton", self._record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.performer_box.currentTextChanged.connect(self._check)
        self.verifier_box.currentTextChanged.connect(self._check)
        self._check()
        self.verifier_box.setFocus()

    def performer(self) -> str:
        return self.performer_box.currentText().strip()

    def verifier(self) -> str:
        return self.verifier_box.currentText().strip()

    def problem_text(self) -> str:
        """Why the entries cannot be recorded yet ('' when they can)."""
        if not self.performer():
            return self.tr("Name who did the step.")
        if not self.verifier():
            return self.tr("Name the second person who verified it.")
        if person_key(self.performer()) == person_key(self.verifier()):
            return self.tr("The verifier must be someone other than {who}: one person does it, "
                           "another checks it.").format(who=self.performer())
        return ""

    def _check(self) -> None:
        problem = self.problem_text()
        # An empty verifier is the starting point, not a mistake: no red text for it.
        shown = problem if self.verifier() and self.performer() else ""
        self.problem.setText(shown)
        self.record_button.setEnabled(not problem)

    def _record(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            return
        self.accept()
