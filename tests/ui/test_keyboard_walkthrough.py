"""A whole bundled playbook by keys alone, from the library to closing the run: search and open
the runbook, start it with roles set in the start dialog, every step (notes, a skip, an undo,
four-eyes, a decision), the side tabs and back, the services board, a message marked as sent
(its question answered by Enter), and Ctrl+Shift+W. No mouse.
Afterwards the database holds exactly those events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from run_view_support import T0, events
from test_walkthrough import Person

from runbook_assistant.core import paths
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.engine import Engine

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


def when_modal(act: Any) -> QTimer:
    """Call ``act(dialog)`` from inside a modal dialog's own event loop, once it shows."""
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        if QApplication.activeWindow() is not dialog:  # its keys need it to be the active one
            dialog.activateWindow()
            return
        timer.stop()
        act(dialog)
    timer.timeout.connect(look)
    timer.start()
    return timer


def fill_start_dialog(dialog: Any) -> None:
    """Two network specialists, by keyboard, then Enter starts the run."""
    assert dialog.objectName() == "startRunDialog"
    for name in ("Bram", "Chris"):
        QTest.keyClick(dialog, Qt.Key.Key_W, ALT)  # "&Who is present": the people table
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Insert)
        QTest.keyClicks(dialog.focusWidget(), name)
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # on to the role
        QTest.keyClicks(dialog.focusWidget(), "N")  # Network specialist
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    QTest.keyClick(dialog, Qt.Key.Key_T, ALT)  # "&Title:"
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # the default button starts it


def answer_sent(box: Any) -> None:
    """The question "Record that … was sent?": Enter takes its default, "Mark as sent"."""
    assert box.objectName() == "confirmSent"
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_a_whole_playbook_by_keys_alone(qtbot: Any, settings: Any, engine: Engine, db: Path,
                                        tmp_path: Path) -> None:
    from runbook_assistant.ui.main_window import MainWindow

    settings.actor = "Anna"
    library = Library([paths.bundled_runbooks_dir()], tmp_path / "index.sqlite3")
    window = MainWindow(settings, database=db)
    qtbot.addWidget(window)
    window.attach_library(library)
    window.attach_engine(engine, resume=False)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # Library: Ctrl+F, type, Enter opens the best match; Ctrl+N starts a run of it.
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.library_view.search, "network outage")
    qtbot.waitUntil(lambda: window.library_view.current_id() == "network-outage-change")
    QTest.keyClick(window.library_view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_runbook_id() == "network-outage-change")
    waiting = when_modal(fill_start_dialog)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: bool(window.current_run_id()))
    assert not waiting.isActive()
    run_id = window.current_run_id()
    view = window.tabs.currentWidget()
    window.activateWindow()  # offscreen, the window does not get activated again by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: view.list.hasFocus() or view.isAncestorOf(window.focusWidget()))
    view.list.setFocus()
    qtbot.waitUntil(view.list.hasFocus)
    started = engine.events(run_id)[0].payload["participants"]
    assert [(p["name"], p.get("role")) for p in started] == [
        ("Anna", "incident-lead"), ("Bram", "netwerk"), ("Chris", "netwerk")]

    person = Person(qtbot, view)
    person.check("appoint-lead")
    person.note("stop-freeze", "Freeze announced by phone to all teams and the supplier")
    person.check("stop-freeze", "record-change", "check-staffing", "inform-board")
    person.check("inform-ciso")
    person.establish("check-attack", 1)  # check steps take their outcome: 1 ruled out
    person.establish("check-data", 1)
    person.establish("check-personal-data", 3)  # 3: still under investigation
    person.establish("check-safety", 1)
    person.check("get-kit", "console-access", "get-backup-config")
    person.skip("phones", "Everyone is in the crisis room; no phones needed")
    person.check("keep-log")
    person.check("inform-council", "counters-status", "check-info-number")
    person.key(Qt.Key.Key_K)  # back up one row: that call went to voicemail
    person.undo("check-info-number")

    # The side tabs and back: the services board takes a status, Esc returns to the steps.
    services = view.side.comms["services"]
    QTest.keyClick(view.list, Qt.Key.Key_6, ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is services.table)
    QTest.keyClick(services.table, Qt.Key.Key_3)  # the first service is down
    person.expected.append(("service_status_changed", None))
    QTest.keyClick(services.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(view.list.hasFocus)
    # Messages: the first template, Ctrl+Enter marks it sent, Enter answers the question (its
    # default button), F6 goes back to the steps.
    messages = view.side.comms["messages"]
    QTest.keyClick(view.list, Qt.Key.Key_5, ALT)
    qtbot.waitUntil(lambda: view.side.currentWidget() is messages)
    qtbot.waitUntil(lambda: messages.isAncestorOf(QApplication.focusWidget()))
    asked = when_modal(answer_sent)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not asked.isActive())
    person.expected.append(("message_sent", None))
    window.activateWindow()  # offscreen, as after the start dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    qtbot.waitUntil(view.list.hasFocus)

    person.check("check-info-number", "post-website", "post-social", "post-counter-notice",
                 "inform-staff")
    person.check("status-update", "status-meeting", "relief")
    person.four_eyes("rollback-read-plan", "Bram", "Chris")
    person.four_eyes("rollback-execute", "Bram", "Chris")
    person.four_eyes("rollback-verify", "Chris", "Bram")
    person.decide("rollback-restored", 1, "All links up, counters can log in")
    person.check("record-recovery", "observe-network", "park-change")
    person.check("restore-in-order", "confirm-departments", "reopen-counters", "call-back")
    person.check("send-resolved", "keep-freeze", "archive-log", "council-letter",
                 "plan-evaluation", "update-runbook")

    QTest.keyClick(view.list, Qt.Key.Key_W, CTRL | Qt.KeyboardModifier.ShiftModifier)
    person.type_into_dialog("Network back at 04:10; counters open")
    person.expected.append(("run_closed", None))

    assert events(db, run_id) == person.expected
    library.close()
