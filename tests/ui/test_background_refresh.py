"""What the app does on its own, from a timer, never stops it behind a modal dialog: when the
database can no longer be read, the run list's refresh and a run view's tick log the problem and
say it quietly (status bar, log), and the window goes on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hand_clock import HandClock
from run_view_support import T0, open_view, start

from runbook_assistant.core.run.engine import Engine


def test_the_run_list_refresh_never_opens_a_dialog(make_window: Any, engine: Engine,
                                                    message_boxes: Any) -> None:
    window = make_window()
    start(engine)
    window.refresh_runs()
    assert window.runs_view.model.run_ids()
    engine.close_store()  # the database went away under the window (a laptop's USB disk)
    window.refresh_runs()  # what the refresh timer does every few seconds
    assert message_boxes.texts() == []
    assert "could not be refreshed" in window.statusBar().currentMessage()


def test_a_run_view_tick_never_opens_a_dialog(qtbot: Any, db: Path, message_boxes: Any) -> None:
    clock = HandClock(T0)
    engine = Engine.open(db, clock=clock)
    run_id = start(engine)
    view = open_view(qtbot, engine, run_id)
    engine.close_store()
    clock.advance(30)  # past a deadline: the tick re-reads the run
    view.timers.tick()
    assert message_boxes.texts() == []
