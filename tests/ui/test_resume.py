"""After a crash or a restart the run opens where it was: every status, and the selected step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hand_clock import HandClock
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from run_view_support import T0, dialog_of, open_view, press, start

from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui.settings import Settings
from runbook_assistant.ui.step_list import RowInfoRole


def statuses(view: Any) -> dict[str, str]:
    return {step_id: view.model.step_index(step_id).data(RowInfoRole).status
            for step_id in view.model.step_ids()}


def test_a_new_view_on_the_same_database_is_where_the_old_one_was(qtbot: Any,
                                                                   tmp_path: Path) -> None:
    db, ini = tmp_path / "runs.sqlite3", tmp_path / "settings.ini"
    clock = HandClock(T0)
    first = Engine.open(db, clock=clock)
    run_id = start(first)
    view = open_view(qtbot, first, run_id, settings=Settings(ini))
    press(view, Qt.Key.Key_Space, times=3)
    press(view, Qt.Key.Key_S)
    skip = dialog_of(qtbot, view)
    QTest.keyClicks(skip.edit, "Staffing checked at the start")
    QTest.keyClick(skip.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    view.select_step("get-backup-config")
    before = statuses(view)
    progress = view.header.progress_text.text()
    view.close()  # as the app quits; a crash instead loses at most the last ~0.4 s of moving
    first.close_store()

    again = Engine.open(db, clock=clock)
    try:
        reopened = open_view(qtbot, again, run_id, settings=Settings(ini))
        assert reopened.selected_step_id() == "get-backup-config"
        assert statuses(reopened) == before
        assert before["record-change"] == "done" and before["check-staffing"] == "skipped"
        assert reopened.header.progress_text.text() == progress == "4 of 39 steps done"
        assert reopened.list.isExpanded(reopened.model.section_index("offline-kit"))
    finally:
        again.close_store()


def test_the_app_reopens_open_runs_at_their_step(qtbot: Any, tmp_path: Path) -> None:
    from runbook_assistant.ui.main_window import MainWindow

    db, ini = tmp_path / "runs.sqlite3", tmp_path / "settings.ini"
    first = Engine.open(db, clock=HandClock(T0))
    run_id = start(first)
    window = MainWindow(Settings(ini), database=db)
    qtbot.addWidget(window)
    window.attach_engine(first)  # resumes: the open run gets its tab
    view = window.tabs.currentWidget()
    press(view, Qt.Key.Key_Space, times=2)
    press(view, Qt.Key.Key_J, times=2)
    assert view.selected_step_id() == "inform-board"
    with qtbot.waitSignal(view.current_step_changed):
        pass  # remembered once the selection rests
    window.close()
    first.close_store()

    again = Engine.open(db, clock=HandClock(T0))
    try:
        second = MainWindow(Settings(ini), database=db)
        qtbot.addWidget(second)
        second.attach_engine(again)
        resumed = second.tabs.currentWidget()
        assert second.current_run_id() == run_id
        assert resumed.selected_step_id() == "inform-board"
        assert resumed.header.progress_text.text() == "2 of 39 steps done"
    finally:
        again.close_store()
