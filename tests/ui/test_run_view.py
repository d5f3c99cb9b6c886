"""The run view: checklist with sections and progress, keys, dialogs, refusals, side tabs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from run_view_support import T0, dialog_of, events, open_view, press, start

from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui.step_list import MetaRole, RowInfoRole, StepStateRole


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


@pytest.fixture
def run_id(engine: Engine) -> str:
    return start(engine)


@pytest.fixture
def view(qtbot: Any, engine: Engine, run_id: str) -> Any:
    return open_view(qtbot, engine, run_id)


def section_text(view: Any, section_id: str) -> str:
    return str(view.model.section_index(section_id).data())


def step_row(view: Any, step_id: str) -> Any:
    return view.model.step_index(step_id)


def test_sections_show_progress_and_only_the_current_one_is_open(view: Any) -> None:
    assert section_text(view, "scale-up") == "Scale up — 0/5"
    assert view.list.isExpanded(view.model.section_index("scale-up"))
    assert not view.list.isExpanded(view.model.section_index("rollback"))
    assert view.selected_step_id() == "appoint-lead"
    branch = view.model.section_index("rollback-succeeded").data(MetaRole)
    assert "waiting for the decision “Does the rollback restore the network?”" in branch
    assert view.header.progress_text.text() == "0 of 39 steps done"


def test_a_step_row_shows_its_role_markers_and_countdown(view: Any) -> None:
    info = step_row(view, "appoint-lead").data(RowInfoRole)
    assert info.title == "Appoint one ICT incident coordinator"
    assert info.meta == "ICT incident coordinator"
    assert info.countdown == "due in 5 min"
    four_eyes = step_row(view, "rollback-execute").data(RowInfoRole)
    assert four_eyes.meta == "Network specialist · four eyes"
    decision = step_row(view, "rollback-restored").data(RowInfoRole)
    assert decision.meta == "ICT incident coordinator · decision"


def test_space_checks_the_step_after_the_commit_and_moves_on(qtbot: Any, view: Any, db: Path,
                                                             run_id: str) -> None:
    resets: list[int] = []
    changed: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.model.dataChanged.connect(lambda *_: changed.append(1))
    press(view, Qt.Key.Key_Space)
    assert events(db, run_id)[-1] == ("step_checked", "appoint-lead")
    state = step_row(view, "appoint-lead").data(StepStateRole)
    assert (state.status, state.by) == ("done", "Anna")
    assert "done by Anna at" in step_row(view, "appoint-lead").data(MetaRole)
    assert section_text(view, "scale-up") == "Scale up — 1/5"
    assert view.selected_step_id() == "stop-freeze"
    assert view.header.progress_text.text() == "1 of 39 steps done"
    # Only the rows that changed are announced; the model is never reset.
    assert resets == []
    assert 0 < len(changed) <= 4


def test_space_on_a_done_step_explains_instead_of_recording(view: Any, db: Path,
                                                            run_id: str) -> None:
    press(view, Qt.Key.Key_Space)
    press(view, Qt.Key.Key_K)
    assert view.selected_step_id() == "appoint-lead"
    press(view, Qt.Key.Key_Space)
    assert len(events(db, run_id)) == 2
    assert view.header.message.text() == (  # the engine's refusal, asked before recording
        "'Appoint one ICT incident coordinator' is already checked by Anna"
        " — uncheck it first to record it again")


def test_a_refused_command_shows_the_error_and_changes_nothing(view: Any, db: Path, run_id: str,
                                                               message_boxes: Any) -> None:
    before = events(db, run_id)
    view.select_step("record-recovery")  # in a branch that waits for the decision
    press(view, Qt.Key.Key_Space)
    assert events(db, run_id) == before
    assert message_boxes.shown == []  # a key press that cannot be done is said, not a dialog
    assert view.header.message.text().startswith(
        "decide 'Does the rollback restore the network?' first")
    assert step_row(view, "record-recovery").data(StepStateRole).status == "open"


def test_a_decision_is_chosen_by_number_and_moves_to_its_section(qtbot: Any, view: Any,
                                                                  db: Path, run_id: str) -> None:
    view.select_step("rollback-restored")
    press(view, Qt.Key.Key_D)
    dialog = dialog_of(qtbot, view)
    assert not dialog.record_button.isEnabled()  # nothing is chosen for you
    QTest.keyClick(dialog.options, Qt.Key.Key_2)
    assert dialog.option() == "rollback-failed"
    QTest.keyClicks(dialog.rationale, "Core switch still down after rollback")
    QTest.keyClick(dialog.rationale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    assert events(db, run_id)[-1] == ("decision_recorded", "rollback-restored")
    assert view.selected_step_id() == "report-rollback-failed"
    assert section_text(view, "rollback-succeeded") == "Rollback succeeded — not taken"
    assert "decision: No, partly or not at all" in step_row(view, "rollback-restored").data(
        MetaRole)
    view.flush()
    decisions = view.side.decisions.model
    assert decisions.rowCount() == 1
    text = decisions.index(0, 1).data()
    assert "→ No, partly or not at all" in text
    assert "Why: Core switch still down after rollback" in text
    assert decisions.index(0, 2).data() == "Anna"


def test_skip_asks_a_reason_and_undo_reopens(qtbot: Any, view: Any, db: Path,
                                             run_id: str) -> None:
    press(view, Qt.Key.Key_S)
    dialog = dialog_of(qtbot, view)
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)  # no reason: not recorded
    assert dialog.isVisible() and not dialog.save_button.isEnabled()
    QTest.keyClicks(dialog.edit, "coordinator already appointed by phone")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    assert "skipped by Anna at" in step_row(view, "appoint-lead").data(MetaRole)
    assert view.selected_step_id() == "stop-freeze"
    press(view, Qt.Key.Key_K)
    press(view, Qt.Key.Key_U)
    assert step_row(view, "appoint-lead").data(StepStateRole).status == "open"
    assert events(db, run_id)[-2:] == [("step_skipped", "appoint-lead"),
                                       ("step_unchecked", "appoint-lead")]
    press(view, Qt.Key.Key_U)  # nothing left to undo: said, not recorded
    assert len(events(db, run_id)) == 3
    assert "nothing to undo" in view.header.message.text()


def test_a_note_goes_to_the_step_the_notes_tab_and_the_timeline(qtbot: Any, view: Any) -> None:
    press(view, Qt.Key.Key_N)
    dialog = dialog_of(qtbot, view)
    QTest.keyClicks(dialog.edit, "Anna leads; Bram on the console")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    qtbot.waitUntil(lambda: view.side.notes.model.rowCount() == 1)
    assert view.side.notes.model.index(0, 2).data() == \
        "Appoint one ICT incident coordinator:\nAnna leads; Bram on the console"
    assert "Anna leads; Bram on the console" in view.detail.toPlainText()
    timeline = view.side.timeline.model
    assert timeline.index(timeline.rowCount() - 1, 2).data() == \
        "Note on 'Appoint one ICT incident coordinator': Anna leads; Bram on the console"


def test_the_timeline_filters_by_text_and_kind(qtbot: Any, view: Any) -> None:
    press(view, Qt.Key.Key_Space, times=3)
    view.flush()
    timeline = view.side.timeline
    assert timeline.proxy.rowCount() == 4
    timeline.search.setText("freeze")
    assert timeline.proxy.rowCount() == 1
    assert timeline.proxy.index(0, 2).data() == \
        "Checked 'Stop the change and freeze all other changes'"
    timeline.search.clear()
    timeline.kind.setCurrentIndex(timeline.kind.findData("run"))
    assert timeline.proxy.rowCount() == 1
    assert timeline.count.text() == "1 of 4 events"


def test_ctrl_f_finds_steps_and_esc_returns_to_the_list(qtbot: Any, view: Any) -> None:
    view.list.setFocus()
    QTest.keyClick(view.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.isVisible()
    QTest.keyClicks(view.search.edit, "rollback plan")
    assert view.selected_step_id() == "rollback-read-plan"
    assert view.list.isExpanded(view.model.section_index("rollback"))
    view.search.edit.setText("counter")
    first = view.selected_step_id()
    QTest.keyClick(view.search.edit, Qt.Key.Key_Return)
    assert view.selected_step_id() != first
    assert view.search.count.text().startswith("2 of ")
    view.search.edit.setText("nothing like this")
    assert view.search.count.text() == "no step matches"
    QTest.keyClick(view.search.edit, Qt.Key.Key_Escape)
    assert not view.search.isVisible()


def test_enter_shows_the_details_inert(qtbot: Any, view: Any) -> None:
    view.select_step("console-access")
    view.flush()
    press(view, Qt.Key.Key_Return)
    assert view.detail.hasFocus()
    text = view.detail.toPlainText()
    assert "Connect through the console or out-of-band access" in text
    assert "Offline: console cable straight into the device" in text
    QTest.keyClick(view.detail, Qt.Key.Key_Escape)
    assert view.list.hasFocus()


def test_the_header_says_who_you_are_and_what_runs(view: Any) -> None:
    assert view.header.who.text() == "You: Anna"
    assert view.header.title.text() == "Storing 23 november"
    assert "Runbook: Network outage after a planned change · Incident" in \
        view.header.subtitle.text()
    assert not view.header.exercise.isVisibleTo(view)


def test_an_exercise_run_carries_the_banner_everywhere(qtbot: Any, engine: Engine) -> None:
    run_id = start(engine, mode="exercise", title="Oefening december")
    view = open_view(qtbot, engine, run_id)
    assert view.header.exercise.isVisibleTo(view)
    assert view.header.exercise.text() == "EXERCISE — this is not a real incident"
    assert view.title_text() == "EXERCISE · Oefening december"


def test_the_actor_follows_the_settings(qtbot: Any, engine: Engine, run_id: str,
                                        settings: Any, db: Path) -> None:
    settings.actor = "Bram"
    view = open_view(qtbot, engine, run_id, settings=settings)
    assert view.header.who.text() == "You: Bram"
    press(view, Qt.Key.Key_Space)
    fresh = Engine.open(db)
    assert fresh.events(run_id)[-1].actor == "Bram"
    fresh.close_store()
    settings.actor = "Chris"
    assert view.header.who.text() == "You: Chris"


def test_a_closed_run_takes_nothing_more(qtbot: Any, view: Any, db: Path, run_id: str) -> None:
    qtbot.mouseClick(view.header.close_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, view)
    QTest.keyClicks(dialog.edit, "Network restored at 06:10")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state.closed)
    assert view.header.closed.isVisibleTo(view)
    press(view, Qt.Key.Key_Space)
    assert events(db, run_id)[-1] == ("run_closed", None)
    assert view.header.message.text().startswith(f"run {run_id} is closed — ")


def test_models_pass_the_model_tester(qtbot: Any, qtmodeltester: Any, view: Any) -> None:
    press(view, Qt.Key.Key_Space)
    press(view, Qt.Key.Key_N)
    dialog = dialog_of(qtbot, view)
    QTest.keyClicks(dialog.edit, "note")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    view.select_step("rollback-restored")
    press(view, Qt.Key.Key_D)
    decision = dialog_of(qtbot, view)
    QTest.keyClick(decision.options, Qt.Key.Key_1)
    QTest.keyClick(decision.rationale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    view.flush()
    for model in (view.model, view.side.timeline.model, view.side.timeline.proxy,
                  view.side.decisions.model, view.side.notes.model):
        qtmodeltester.check(model)


def test_the_run_view_speaks_dutch(qtbot: Any, view: Any, translations: Any) -> None:
    translations.use("nl")
    qtbot.waitUntil(lambda: view.header.who.text() == "Jij: Anna")
    assert view.header.progress_text.text() == "0 van 39 stappen gedaan"
    assert view.model.step_index("appoint-lead").data(RowInfoRole).countdown == \
        "uiterlijk over 5 min"
    assert "wacht op het besluit" in view.model.section_index("rollback-succeeded").data(
        RowInfoRole).meta
    assert ("Spatie", "De stap afvinken (bij vier ogen wordt gevraagd wie controleerde)") in \
        view.shortcuts()
    translations.use("en")
    qtbot.waitUntil(lambda: view.header.who.text() == "You: Anna")


def test_every_event_kind_has_exactly_one_timeline_filter_group() -> None:
    from runbook_assistant.core.log.events import EventKind
    from runbook_assistant.ui.timeline_view import KIND_GROUPS

    grouped = [kind for kinds in KIND_GROUPS.values() for kind in kinds]
    assert sorted(grouped) == sorted(EventKind)
