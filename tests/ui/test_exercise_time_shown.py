"""The app's timeline shows an exercise's moments as every export does: exercise time, then the
real clock time, ``T+00:12 (10:48)``; an incident's timeline keeps its clock time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt

from runbook_assistant.core import paths
from runbook_assistant.core.export import load_run
from runbook_assistant.core.export.html import display_rows
from runbook_assistant.core.formatting import clock as clock_of
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui.settings import Settings

SCENARIO = "oefening-wijziging-zonder-tweede-persoon"


@pytest.fixture
def clock() -> HandClock:
    return HandClock(datetime(2026, 2, 18, 9, 47, tzinfo=UTC))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library([paths.bundled_runbooks_dir()], tmp_path / "index.sqlite3")
    yield opened
    opened.close()


def start(engine: Engine, library: Library, *, exercise: bool = True) -> str:
    scenario = library.get(SCENARIO)
    runbook = library.get(scenario.runbook or "")
    people = [("Anna", "incident-lead"), ("Bram", "netwerk")]
    return engine.start_run(runbook, library.source(runbook.id), title="Ploeg B", actor="Olaf",
                            participants=people, mode="exercise" if exercise else "incident",
                            scenario_id=scenario.id if exercise else None).run_id


def timeline_cell(view: Any, text: str) -> str:
    model = view.side.timeline.model
    for row in range(model.rowCount()):
        if text in model.index(row, 2).data():
            return str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole))
    raise AssertionError(f"no timeline row with {text!r}")


def test_the_timeline_shows_exercise_time_and_clock_time(
        qtbot: Any, settings: Settings, make_window: Any, engine: Engine, library: Library,
        clock: HandClock) -> None:
    settings.actor = "Olaf"
    run_id = start(engine, library)
    view = make_window().open_run(run_id)
    panel = view.exercise
    panel.session.set_speed(10, "Olaf")
    clock.advance(1.2)  # twelve exercise minutes in 1.2 real ones
    panel.session.observe("De router staat uit", "Olaf")
    view.refresh()
    [note] = [e for e in engine.events(run_id) if e.kind is EventKind.NOTE_ADDED]
    real = parse_time(note.wall_time)
    qtbot.waitUntil(lambda: "De router" in str(view.side.timeline.model.index(
        view.side.timeline.model.rowCount() - 1, 2).data()))
    shown = timeline_cell(view, "De router staat uit")
    assert shown == f"T+00:12 ({clock_of(real)})"
    # The exports say it the same way (their clock in the municipality's zone, here the same).
    data = load_run(engine, run_id)
    exported = next(r.time for r in display_rows(data) if "De router staat uit" in r.text)
    assert exported == f"T+00:12 ({data.hm(real)})"


def test_an_incident_timeline_keeps_its_clock_time(
        qtbot: Any, settings: Settings, make_window: Any, engine: Engine, library: Library,
        clock: HandClock) -> None:
    settings.actor = "Anna"
    run_id = start(engine, library, exercise=False)
    clock.advance(3)
    engine.note(run_id, "Storing gemeld", actor="Anna")
    view = make_window().open_run(run_id)
    view.refresh()
    qtbot.waitUntil(lambda: view.side.timeline.model.rowCount() >= 2)
    assert timeline_cell(view, "Storing gemeld") == clock_of(clock.now(), seconds=True)
