"""An exercise on a small laptop with larger text still shows a useful part of the checklist:
no side tab makes the view taller than the screen, and the exercise panel gives up its inject
history before the steps give up their rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtWidgets import QApplication

from runbook_assistant.core import paths
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui import theme

pytestmark = pytest.mark.usefixtures("message_boxes")
SCENARIO = "oefening-wijziging-zonder-tweede-persoon"


@pytest.fixture
def clock() -> HandClock:
    return HandClock(datetime(2026, 2, 18, 9, 47, tzinfo=UTC))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library([paths.bundled_runbooks_dir()], tmp_path / "index.sqlite3")
    yield opened
    opened.close()


def visible_step_rows(view: Any) -> int:
    tree = view.list
    shown, index = 0, tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid() and tree.visualRect(index).bottom() <= tree.viewport().height():
        shown += 1
        index = tree.indexBelow(index)
    return shown


@pytest.mark.parametrize(("scale", "rows"), [(1.0, 5), (1.3, 3)])
def test_an_exercise_at_larger_text_keeps_rows_for_the_steps(
        qtbot: Any, qapp: QApplication, make_window: Any, settings: Any, engine: Engine,
        library: Library, clock: HandClock, scale: float, rows: int) -> None:
    scenario = library.get(SCENARIO)
    runbook = library.get(scenario.runbook or "")
    run_id = engine.start_run(runbook, library.source(runbook.id), title="Oefening",
                              actor="Olaf", participants=[("Anna", "incident-lead")],
                              scenario_id=scenario.id).run_id
    settings.actor = "Anna"
    theme.apply_font_scale(qapp, scale)
    window = make_window()
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_library_pane(False)  # Ctrl+L: on a small screen the run takes the width
    view = window.open_run(run_id)
    view.exercise.tick()
    clock.advance(20)
    view.exercise.tick()  # a few injects delivered: the history has rows
    qtbot.waitUntil(lambda: window.height() <= 768 and view.list.viewport().height() > 0)
    qtbot.waitUntil(lambda: visible_step_rows(view) >= rows, timeout=2000)
