"""A whole bundled playbook driven through the main window as a person does it, with keys and a
few clicks: notes, a skip, an undo, three four-eyes steps and a decision. Afterwards the database
holds exactly those events, in that order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from run_view_support import T0, dialog_of, events, start

from runbook_assistant.core.run.engine import Engine


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


class Person:
    """Presses keys in the run view and writes down what the log should hold."""

    def __init__(self, qtbot: Any, view: Any) -> None:
        self.qtbot = qtbot
        self.view = view
        self.expected: list[tuple[str, str | None]] = [("run_started", None)]

    def at(self, step_id: str) -> None:
        assert self.view.selected_step_id() == step_id

    def key(self, key: Qt.Key) -> None:
        QTest.keyClick(self.view.list, key)

    def check(self, *step_ids: str) -> None:
        for step_id in step_ids:
            self.at(step_id)
            self.key(Qt.Key.Key_Space)
            self.expected.append(("step_checked", step_id))

    def type_into_dialog(self, text: str) -> None:
        dialog = dialog_of(self.qtbot, self.view)
        QTest.keyClicks(dialog.edit, text)
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.view.commands.active_dialog is None)

    def note(self, step_id: str, text: str) -> None:
        self.at(step_id)
        self.key(Qt.Key.Key_N)
        self.type_into_dialog(text)
        self.expected.append(("note_added", step_id))

    def skip(self, step_id: str, reason: str) -> None:
        self.at(step_id)
        self.key(Qt.Key.Key_S)
        self.type_into_dialog(reason)
        self.expected.append(("step_skipped", step_id))

    def click(self, step_id: str) -> None:
        rect = self.view.list.visualRect(self.view.model.step_index(step_id))
        self.qtbot.mouseClick(self.view.list.viewport(), Qt.MouseButton.LeftButton,
                              pos=rect.center())
        self.at(step_id)

    def undo(self, step_id: str) -> None:
        self.at(step_id)
        self.key(Qt.Key.Key_U)
        self.expected.append(("step_unchecked", step_id))

    def four_eyes(self, step_id: str, performer: str, verifier: str, *,
                  click: bool = False) -> None:
        self.at(step_id)
        self.key(Qt.Key.Key_Space)
        dialog = dialog_of(self.qtbot, self.view)
        QTest.keyClicks(dialog.performer_box, performer)  # typing picks the name
        QTest.keyClicks(dialog.verifier_box, verifier)
        if click:
            self.qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
        else:
            QTest.keyClick(dialog.verifier_box, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.view.commands.active_dialog is None)
        self.expected.append(("step_checked", step_id))

    def establish(self, step_id: str, number: int) -> None:
        """A check step: Space asks for the outcome (1 ruled out, 2 not, 3 still open)."""
        self.at(step_id)
        self.key(Qt.Key.Key_Space)
        dialog = dialog_of(self.qtbot, self.view)
        QTest.keyClick(dialog.options, getattr(Qt.Key, f"Key_{number}"))
        QTest.keyClick(dialog.options, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.view.commands.active_dialog is None)
        self.expected.append(("step_checked", step_id))

    def decide(self, step_id: str, number: int, rationale: str) -> None:
        self.at(step_id)
        self.key(Qt.Key.Key_Space)  # on a decision step Space asks for the decision too
        dialog = dialog_of(self.qtbot, self.view)
        QTest.keyClick(dialog.options, getattr(Qt.Key, f"Key_{number}"))
        QTest.keyClicks(dialog.rationale, rationale)
        QTest.keyClick(dialog.rationale, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.view.commands.active_dialog is None)
        self.expected.append(("decision_recorded", step_id))


def test_a_whole_playbook_by_keyboard(qtbot: Any, settings: Any, engine: Engine,
                                      db: Path) -> None:
    from runbook_assistant.ui.main_window import MainWindow

    settings.actor = "Anna"
    run_id = start(engine)
    window = MainWindow(settings, database=db)
    qtbot.addWidget(window)
    window.attach_engine(engine, resume=False)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.runs_view.focus_list()
    QTest.keyClick(window.runs_view.list, Qt.Key.Key_Return)  # open the run from the list
    qtbot.waitUntil(lambda: window.current_run_id() == run_id)
    view = window.tabs.currentWidget()
    person = Person(qtbot, view)
    # In a run, Ctrl+F searches its steps (elsewhere in the window it searches the library).
    QTest.keyClick(view.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.isVisible()
    QTest.keyClick(view.search.edit, Qt.Key.Key_Escape)
    assert view.focusWidget() is view.list

    person.check("appoint-lead")
    person.note("stop-freeze", "Freeze announced by phone to all teams and the supplier")
    person.check("stop-freeze", "record-change", "check-staffing", "inform-board")
    person.check("inform-ciso")
    person.establish("check-attack", 1)
    person.establish("check-data", 1)
    person.establish("check-personal-data", 3)
    person.establish("check-safety", 1)
    person.check("get-kit", "console-access", "get-backup-config")
    person.skip("phones", "Everyone is in the crisis room; no phones needed")
    person.check("keep-log")
    person.check("inform-council", "counters-status", "check-info-number")
    person.click("check-info-number")  # that call went to voicemail: take the check back
    person.undo("check-info-number")
    person.check("check-info-number", "post-website", "post-social", "post-counter-notice",
                 "inform-staff")
    person.check("status-update", "status-meeting", "relief")
    person.four_eyes("rollback-read-plan", "Bram", "Chris")
    person.four_eyes("rollback-execute", "Bram", "Chris", click=True)
    person.four_eyes("rollback-verify", "Chris", "Bram")
    person.decide("rollback-restored", 1, "All links up, counters can log in")
    person.check("record-recovery", "observe-network", "park-change")
    person.check("restore-in-order", "confirm-departments", "reopen-counters", "call-back")
    person.check("send-resolved", "keep-freeze", "archive-log", "council-letter",
                 "plan-evaluation", "update-runbook")

    assert events(db, run_id) == person.expected
    assert view.header.progress_text.text() == "42 of 42 steps done"
    assert view.model.section_index("rollback-failed").data() == "Rollback failed — not taken"
    fresh = Engine.open(db)
    stored = {e.step_id: e for e in fresh.events(run_id)}
    fresh.close_store()
    assert (stored["rollback-execute"].actor,
            stored["rollback-execute"].payload) == ("Bram", {"verified_by": "Chris"})
    assert stored["rollback-restored"].payload["option"] == "rollback-succeeded"
    assert stored["phones"].payload == {
        "reason": "Everyone is in the crisis room; no phones needed"}
    assert stored["appoint-lead"].actor == "Anna"
