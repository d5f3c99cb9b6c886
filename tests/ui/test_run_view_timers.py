"""Timers in the run view, with a clock the test moves: countdowns, overdue in red and in the
window title, and recurring reminders recorded once per interval (also across a restart)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from run_view_support import T0, open_view, start

from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui import theme
from runbook_assistant.ui.step_list import RowInfoRole


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


@pytest.fixture
def run_id(engine: Engine) -> str:
    return start(engine)


def reminders(engine: Engine, run_id: str) -> list[tuple[str | None, str]]:
    return [(e.step_id, e.payload["timer"]) for e in engine.events(run_id)
            if e.kind == "timer_fired"]


def test_countdowns_move_with_the_clock(qtbot: Any, engine: Engine, run_id: str,
                                        clock: HandClock) -> None:
    view = open_view(qtbot, engine, run_id)
    row = view.model.step_index("appoint-lead")
    assert row.data(RowInfoRole).countdown == "due in 5 min"
    clock.advance(1.5)
    view.timers.tick()
    assert row.data(RowInfoRole).countdown == "due in 3 min"
    clock.advance(3.25)
    view.timers.tick()
    assert row.data(RowInfoRole).countdown == "due in 15 s"


def test_a_due_step_turns_red_and_the_overdue_count_is_announced(
        qtbot: Any, qapp: Any, engine: Engine, run_id: str, clock: HandClock) -> None:
    theme.apply_theme(qapp, "light")
    view = open_view(qtbot, engine, run_id, tick_ms=10)
    assert view.overdue_count() == 0
    clock.advance(6)
    # The view's own one-second timer (here every 10 ms) notices the deadline.
    with qtbot.waitSignal(view.overdue_count_changed, timeout=2000,
                          check_params_cb=lambda count: count == 1):
        pass
    row = view.model.step_index("appoint-lead")
    info = row.data(RowInfoRole)
    assert info.overdue and info.countdown == "overdue by 1 min"
    assert view.title_text() == "Storing 23 november · 1 overdue"
    assert view.header.overdue.text() == "1 overdue"
    view.list.clearSelection()
    view.list.setCurrentIndex(view.model.step_index("record-change"))
    rect = view.list.visualRect(row)
    image = view.list.viewport().grab().toImage()
    assert QColor(image.pixel(rect.left() + 2, rect.center().y())) == \
        QColor(theme.LIGHT["danger_bg"])
    assert QColor(image.pixel(rect.center().x(), rect.top() + 3)) == QColor(theme.LIGHT["base"])


def test_the_window_title_shows_how_many_are_overdue(qtbot: Any, engine: Engine, run_id: str,
                                                     clock: HandClock, settings: Any,
                                                     db: Path) -> None:
    from runbook_assistant.ui.main_window import MainWindow

    window = MainWindow(settings, database=db)
    qtbot.addWidget(window)
    window.attach_engine(engine)
    view = window.open_run(run_id)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Storing 23 november"))
    clock.advance(6)  # the coordinator was due after 5 minutes
    view.timers.tick()
    qtbot.waitUntil(lambda: "overdue" in window.windowTitle())
    assert window.windowTitle() == "Storing 23 november · 1 overdue — Runbook Assistant"
    view.select_step("appoint-lead")
    QTest.keyClick(view.list, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.windowTitle() == "Storing 23 november — Runbook Assistant")


def test_a_recurring_reminder_is_recorded_once_per_interval(qtbot: Any, engine: Engine,
                                                            run_id: str, clock: HandClock,
                                                            db: Path) -> None:
    view = open_view(qtbot, engine, run_id)
    clock.advance(59)
    view.timers.tick()
    assert reminders(engine, run_id) == []
    assert not view.header.notice_box.isVisibleTo(view)
    clock.advance(2)  # 61 minutes: both hourly steps are due again
    fired: list[str] = []
    view.reminder.connect(fired.append)
    view.timers.tick()
    assert reminders(engine, run_id) == [("status-update", "every"),
                                         ("status-meeting", "every")]
    assert fired == ["status-update", "status-meeting"]
    assert view.header.notice_box.isVisibleTo(view)
    assert "Give a status update every hour, even without news" in view.header.notice.text()
    for _ in range(5):  # the same interval: nothing new, however often the clock ticks
        clock.advance(5)
        view.timers.tick()
    assert len(reminders(engine, run_id)) == 2
    view.flush()
    timeline = view.side.timeline.model
    assert timeline.index(timeline.rowCount() - 1, 2).data() == \
        "Reminder: 'Hold a short crisis meeting every hour: picture, judgement, decision' is " \
        "due again"
    clock.advance(60)  # the next interval
    view.timers.tick()
    assert len(reminders(engine, run_id)) == 4

    # After a restart in the same interval nothing is recorded twice.
    view.close()
    reopened = Engine.open(db, clock=clock)
    try:
        again = open_view(qtbot, reopened, run_id)
        again.timers.tick()
        assert len(reminders(reopened, run_id)) == 4
        assert not again.header.notice_box.isVisibleTo(again)
    finally:
        reopened.close_store()


def test_a_done_recurring_step_counts_from_when_it_was_done(qtbot: Any, engine: Engine,
                                                            run_id: str, clock: HandClock) -> None:
    view = open_view(qtbot, engine, run_id)
    clock.advance(40)
    engine.check(run_id, "status-update", actor="Dewi")
    view.refresh()
    row = view.model.step_index("status-update")
    assert row.data(RowInfoRole).countdown == "next in 1 h 00 min"
    clock.advance(61)  # 60 minutes since it was done, 101 since the start
    view.timers.tick()
    assert ("status-update", "every") in reminders(engine, run_id)
    assert row.data(RowInfoRole).countdown == "due now, 1 min late"


def test_a_long_night_of_ticking_does_not_wear_the_interpreter_down(tmp_path: Path) -> None:
    # Twelve hours of ticks, with countdowns changing, in a process of its own: a binding that
    # loses a reference per call aborts the interpreter, which must never happen mid-incident.
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path[:0] = [{str(Path(__file__).parent)!r}, {str(Path(__file__).parent.parent)!r}]
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from hand_clock import HandClock
        from run_view_support import T0, start
        from runbook_assistant.core.run.engine import Engine
        from runbook_assistant.ui.run_view import RunView
        clock = HandClock(T0)
        engine = Engine.open({str(tmp_path / "night.sqlite3")!r}, clock=clock)
        view = RunView(engine, start(engine))
        view.resize(1200, 800)
        view.show()
        for _ in range(12 * 3600 // 5):
            clock.advance(5 / 60)
            view.timers.tick()
            app.processEvents()
        print("survived", len(engine.events(view.run_id)))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=600, env={**__import__("os").environ})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("survived")
