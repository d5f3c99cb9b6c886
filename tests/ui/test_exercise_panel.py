"""The exercise panel in the desktop app: a bundled scenario played at ×10 to the end on a
hand-moved clock, observations, the role filter, a restart, and the rehearsal record."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from runbook_assistant.core import paths
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui.exercise_panel import ExercisePanel
from runbook_assistant.ui.rehearsal_view import RehearsalBox
from runbook_assistant.ui.run_timers import reminders_due
from runbook_assistant.ui.settings import Settings

SCENARIO = "oefening-wijziging-zonder-tweede-persoon"
T0 = datetime(2026, 2, 18, 9, 47, tzinfo=UTC)


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """The bundled playbooks, whose scenarios the exercise panel plays."""
    opened = Library([paths.bundled_runbooks_dir()], tmp_path / "index.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def main(settings: Settings, make_window: Any) -> Any:
    settings.actor = "Anna"
    return make_window()


def start_exercise(engine: Engine, library: Library, scenario_id: str = SCENARIO) -> str:
    scenario = library.get(scenario_id)
    runbook = library.get(scenario.runbook or "")
    people = [("Anna", "incident-lead"), ("Bram", "netwerk"), ("Dewi", "kcc")]
    return engine.start_run(runbook, library.source(runbook.id), title="Oefening ploeg B",
                            actor="Olaf", participants=people, scenario_id=scenario.id).run_id


def panel_of(view: Any) -> ExercisePanel:
    panel = getattr(view, "exercise", None)
    assert isinstance(panel, ExercisePanel)
    return panel


def inject_offsets(engine: Engine, run_id: str) -> list[int]:
    return [e.payload["offset"] for e in engine.events(run_id)
            if e.kind is EventKind.INJECT_DELIVERED]


def test_a_bundled_scenario_at_x10_to_the_end_and_its_debrief(
        qtbot: Any, main: Any, engine: Engine, library: Library, clock: HandClock,
        tmp_path: Path) -> None:
    run_id = start_exercise(engine, library)
    view = main.open_run(run_id)
    panel = panel_of(view)
    assert view.header.exercise.isVisibleTo(view) and "EXERCISE" in view.title_text()
    qtbot.mouseClick(panel.speed_buttons[10], Qt.MouseButton.LeftButton)
    assert panel.session.clock.speed == 10

    scenario = library.get(SCENARIO)
    view.timers.tick()  # what the view's QTimer does every second, on the injected clock
    assert inject_offsets(engine, run_id) == [0]
    clock.advance(0.5)
    qtbot.keyClick(view.list, Qt.Key.Key_Space)  # the team checks the first step
    assert engine.state(run_id).steps["appoint-lead"].status == "done"
    for _minute in range(30):  # real minutes; the exercise lasts 120 exercise minutes
        clock.advance(1)
        view.timers.tick()
        if panel.session.finished:
            break
    assert panel.session.finished
    assert inject_offsets(engine, run_id) == [i.offset for i in scenario.injects]
    assert "Einde van de oefening" in panel.latest.text()
    assert panel.history.count() == len(scenario.injects)
    assert not panel.next_button.isEnabled()
    assert view.state.now >= view.state.started_at + timedelta(hours=2)  # exercise time

    html = panel.write_debrief(tmp_path / "debrief.html")
    assert html is not None
    text = html.read_text(encoding="utf-8")
    assert "OEFENING — geen echt incident" in text and "Stel één coördinator" in text
    svg = text[text.index("<svg"):text.index("</svg>") + len("</svg>")]
    ET.fromstring(svg)
    pdf = panel.write_debrief(tmp_path / "debrief.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")


def test_next_inject_and_pause_buttons(qtbot: Any, main: Any, engine: Engine,
                                       library: Library, clock: HandClock) -> None:
    run_id = start_exercise(engine, library)
    panel = panel_of(main.open_run(run_id))
    panel.tick()
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert inject_offsets(engine, run_id) == [0, 180]
    assert panel.clock_label.text() == "T+00:03:00"
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    clock.advance(30)
    panel.tick()
    assert panel.session.clock.paused and inject_offsets(engine, run_id) == [0, 180]
    assert "T+00:08" in panel.next_label.text()
    clock_events = [e.payload for e in engine.events(run_id)
                    if e.kind is EventKind.EXERCISE_CLOCK]
    assert clock_events == [{"speed": 1, "exercise_offset": 180, "action": "jump"},
                            {"speed": 0, "exercise_offset": 180, "action": "pause"}]
    assert engine.state(run_id).notes == ()  # the clock writes no notes


def test_a_second_window_follows_the_clock_of_the_first(qtbot: Any, main: Any,
                                                        engine: Engine, library: Library,
                                                        clock: HandClock) -> None:
    from runbook_assistant.ui.run_view import RunView

    run_id = start_exercise(engine, library)
    first = panel_of(main.open_run(run_id))
    second = panel_of(RunView(engine, run_id, main))
    qtbot.mouseClick(first.speed_buttons[5], Qt.MouseButton.LeftButton)
    clock.advance(1)
    second.tick()
    assert second.speed_buttons[5].isChecked() and second.clock_label.text() == "T+00:05:00"
    assert inject_offsets(engine, run_id) == [0, 180]
    first.tick()
    assert inject_offsets(engine, run_id) == [0, 180]  # not delivered twice


def test_injects_are_shown_to_the_role_they_target(qtbot: Any, main: Any,
                                                   engine: Engine, library: Library,
                                                   clock: HandClock) -> None:
    run_id = start_exercise(engine, library)
    panel = panel_of(main.open_run(run_id))
    assert panel.selected_role() == "incident-lead"  # Anna's role at this laptop
    panel.session.advance_to(16 * 60, "Olaf")
    panel.reload()
    assert "Er zijn vandaag maar twee netwerkspecialisten" in panel.latest.text()
    panel.role_filter.setCurrentIndex(panel.role_filter.findData("kcc"))
    assert "informatienummer geeft een bezettoon" in panel.latest.text()
    bold = [panel.history.item(i).font().bold() for i in range(panel.history.count())]
    assert bold == [True, False, False, False, False]  # newest first: only the kcc one


def test_an_observer_adds_a_note(qtbot: Any, main: Any, engine: Engine,
                                 library: Library) -> None:
    run_id = start_exercise(engine, library)
    panel = panel_of(main.open_run(run_id))
    qtbot.keyClicks(panel.observation, "Niemand vroeg wie de wijziging deed")
    qtbot.keyClick(panel.observation, Qt.Key.Key_Return)
    [note] = [e for e in engine.events(run_id) if e.kind is EventKind.NOTE_ADDED]
    assert note.payload == {"text": "Niemand vroeg wie de wijziging deed", "observer": True}
    assert panel.observation.text() == ""
    assert panel.message.text() == "Observation recorded."


def test_reopening_resumes_the_clock_without_delivering_again(
        qtbot: Any, main: Any, engine: Engine, library: Library,
        clock: HandClock) -> None:
    run_id = start_exercise(engine, library)
    view = main.open_run(run_id)
    panel = panel_of(view)
    panel.set_speed(5)
    clock.advance(2)
    view.timers.tick()
    before = inject_offsets(engine, run_id)
    assert before == [0, 180, 480]
    from runbook_assistant.ui.run_view import RunView

    again = RunView(engine, run_id, main)
    resumed = panel_of(again)
    assert resumed.session.clock.speed == 5 and resumed.speed_buttons[5].isChecked()
    resumed.tick()
    assert inject_offsets(engine, run_id) == before


def test_a_recurring_reminder_fires_once_per_exercise_interval(engine: Engine,
                                                               library: Library,
                                                               clock: HandClock) -> None:
    from runbook_assistant.core.exercise.session import ExerciseSession

    run_id = start_exercise(engine, library)
    sim = ExerciseSession.for_run(engine, run_id, library, source=clock)
    sim.set_speed(10, "Olaf")
    clock.advance(6.5)  # T+65: the hourly status update and meeting are due
    runbook = engine.runbook_of(run_id)
    due = reminders_due(sim.state(), runbook, sim.clock.now())
    assert due == ["status-update", "status-meeting"]
    for step_id in due:
        engine.timer_fired(run_id, step_id, "every", actor="Olaf")
    assert reminders_due(sim.state(), runbook, sim.clock.now()) == []


def test_an_incident_has_no_exercise_panel(main: Any, engine: Engine,
                                           library: Library) -> None:
    runbook = library.get("netwerkstoring-wijziging")
    run_id = engine.start_run(runbook, library.source(runbook.id), title="Storing",
                                    actor="Anna").run_id
    view = main.open_run(run_id)
    assert view.exercise is None and view.findChild(ExercisePanel) is None


def test_the_reader_shows_when_steps_were_last_rehearsed(main: Any, engine: Engine,
                                                         library: Library,
                                                         clock: HandClock) -> None:
    reader = main.open_runbook("netwerkstoring-wijziging")
    box = reader.findChild(RehearsalBox)
    assert box is not None and box.record.exercise_runs == 0
    assert "Never exercised" in box.summary.text()

    run_id = start_exercise(engine, library)
    clock.advance(4)
    engine.check(run_id, "appoint-lead", actor="Anna")
    from runbook_assistant.ui.rehearsal_view import attach_rehearsal
    from runbook_assistant.ui.runbook_reader import RunbookReader

    again = RunbookReader(library.get("netwerkstoring-wijziging"), main)
    box = attach_rehearsal(again, engine)
    assert box is not None and box.record.exercise_runs == 1
    assert "Steps never rehearsed: " in box.summary.text()
    box.toggle.click()
    assert box.table.isVisibleTo(again)
    first = [box.table.item(0, c).text() for c in range(4)]
    assert first[0] == "Stel één coördinator ICT-storing aan" and first[2] == "4 min"
    assert box.table.item(1, 1).text() == "never rehearsed"
    assert attach_rehearsal(RunbookReader(library.get(SCENARIO), main), engine) is None


def test_the_exercise_controls_by_keys(qtbot: Any, main: Any, engine: Engine,
                                       library: Library, clock: HandClock) -> None:
    run_id = start_exercise(engine, library)
    view = main.open_run(run_id)
    panel = panel_of(view)
    panel.tick()
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    view.list.setFocus()
    qtbot.waitUntil(view.list.hasFocus)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(view.list, Qt.Key.Key_J, ctrl_shift)
    qtbot.waitUntil(lambda: inject_offsets(engine, run_id) == [0, 180])
    QTest.keyClick(view.list, Qt.Key.Key_Up, ctrl_shift)
    qtbot.waitUntil(lambda: panel.session.clock.speed > 1)
    QTest.keyClick(view.list, Qt.Key.Key_Down, ctrl_shift)
    qtbot.waitUntil(lambda: panel.session.clock.speed == 1)
    QTest.keyClick(view.list, Qt.Key.Key_P, ctrl_shift)
    qtbot.waitUntil(lambda: panel.session.clock.paused)
    QTest.keyClick(view.list, Qt.Key.Key_O, ctrl_shift)
    qtbot.waitUntil(panel.observation.hasFocus)


def _clock_actions(engine: Engine, run_id: str) -> list[str]:
    return [e.payload["action"] for e in engine.events(run_id)
            if e.kind is EventKind.EXERCISE_CLOCK]


def test_closing_the_app_pauses_the_exercise(qtbot: Any, main: Any, make_window: Any,
                                             engine: Engine, library: Library,
                                             clock: HandClock) -> None:
    run_id = start_exercise(engine, library)
    panel_of(main.open_run(run_id)).tick()
    assert inject_offsets(engine, run_id) == [0]
    main.close()
    assert _clock_actions(engine, run_id) == ["pause"]
    clock.advance(120)  # the app stays closed for two hours
    again = make_window()
    panel = panel_of(again.open_run(run_id))
    panel.tick()
    assert inject_offsets(engine, run_id) == [0]  # no burst of injects on reopening
    assert panel.session.clock.paused


def test_an_exercise_that_keeps_running_is_not_paused(qtbot: Any, main: Any, engine: Engine,
                                                      library: Library) -> None:
    scenario = library.get(SCENARIO)
    runbook = library.get(scenario.runbook or "")
    run_id = engine.start_run(runbook, library.source(runbook.id), title="Doorlopend",
                              actor="Olaf", participants=[("Anna", "incident-lead")],
                              scenario_id=scenario.id, clock_keeps_running=True).run_id
    main.open_run(run_id)
    main.close()
    assert _clock_actions(engine, run_id) == []


def test_the_start_dialog_offers_keeps_running_for_an_exercise(qtbot: Any,
                                                               library: Library) -> None:
    from runbook_assistant.ui.start_run_dialog import StartRunDialog

    scenario = library.get(SCENARIO)
    dialog = StartRunDialog(library.get(scenario.runbook or ""), actor="Olaf", scenario=scenario)
    qtbot.addWidget(dialog)
    assert not dialog.keeps_running.isChecked()
    assert dialog.parameters().engine_kwargs()["clock_keeps_running"] is False
    dialog.keeps_running.setChecked(True)
    assert dialog.parameters().engine_kwargs()["clock_keeps_running"] is True
