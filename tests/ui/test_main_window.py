"""The main window: opening runbooks, starting runs, resuming them, and the keyboard."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget

from runbook_assistant.ui.app import follow_settings
from runbook_assistant.ui.main_window import MainWindow
from runbook_assistant.ui.runbook_reader import RunbookReader
from runbook_assistant.ui.shortcuts_dialog import ShortcutsDialog
from runbook_assistant.ui.start_run_dialog import StartRunDialog

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")


def activate(qtbot: Any, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def tab_keys(window: MainWindow) -> list[tuple[str, str]]:
    keys = []
    for i in range(window.tabs.count()):
        key = window.tabs.widget(i).property("tabKey")
        keys.append((key[0], key[1]))
    return keys


@pytest.fixture
def accept_start(monkeypatch: pytest.MonkeyPatch) -> list[StartRunDialog]:
    """Make the start dialog answer at once: Bram joins as network specialist, then Start."""
    seen: list[StartRunDialog] = []

    def exec_(dialog: StartRunDialog) -> int:
        seen.append(dialog)
        if not dialog.actor_edit.text():
            dialog.actor_edit.setText("Anna")
        dialog.add_participant("Bram", "netwerk")
        dialog.title_edit.setText("Storing vannacht")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(StartRunDialog, "exec", exec_)
    return seen


def test_the_title_names_the_app_and_the_front_tab(window: MainWindow) -> None:
    assert window.windowTitle() == "Runbook Assistant"
    window.open_runbook("ui-email")
    assert window.windowTitle() == "E-mail outage — Runbook Assistant"


def test_enter_in_the_library_opens_the_runbook_read_only(qtbot: Any, window: MainWindow) -> None:
    activate(qtbot, window)
    qtbot.keyClicks(window.library_view.search, "printing")
    qtbot.waitUntil(lambda: window.library_view.current_id() == "ui-printing")
    qtbot.keyClick(window.library_view.search, Qt.Key.Key_Return)
    assert tab_keys(window) == [("runbook", "ui-printing")]
    reader = window.tabs.currentWidget()
    assert isinstance(reader, RunbookReader)
    assert "Restart the print server spooler" in reader.browser.toPlainText()
    # Opening it again brings the same tab to the front.
    window.open_runbook("ui-printing")
    assert window.tabs.count() == 1


def test_ctrl_f_goes_to_the_search_field(qtbot: Any, window: MainWindow) -> None:
    activate(qtbot, window)
    window.open_runbook("ui-email")
    window.tabs.currentWidget().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.library_view.search)


def test_ctrl_n_starts_a_run_and_opens_it(qtbot: Any, window: MainWindow, engine: Any,
                                          settings: Any, accept_start: list[Any]) -> None:
    activate(qtbot, window)
    window.library_view.list.setCurrentIndex(window.library_view.model.index(1, 0))
    settings.actor = "Anna"
    with qtbot.waitSignal(window.run_opened) as opened:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    run_id = opened.args[0]
    assert accept_start[0].runbook.id == "ui-netwerk"
    runs = engine.runs(open_only=True)
    assert [r.run_id for r in runs] == [run_id]
    assert runs[0].title == "Storing vannacht"
    started = engine.events(run_id)[0]
    assert started.payload["shortfall"] == [{"role": "netwerk", "needed": 2, "present": 1}]
    assert tab_keys(window) == [("run", run_id)]
    assert window.runs_view.model.run_ids() == [run_id]
    assert settings.actor == "Anna"


def test_start_from_a_scenario_starts_an_exercise_of_its_runbook(window: MainWindow, engine: Any,
                                                                accept_start: list[Any]) -> None:
    run_id = window.start_run("ui-oefening")
    assert run_id is not None
    assert accept_start[0].runbook.id == "ui-netwerk"
    summary = engine.runs()[0]
    assert (summary.mode, summary.scenario_id) == ("exercise", "ui-oefening")
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("EXERCISE")


def test_a_refused_start_shows_the_error_once_and_opens_nothing(
        window: MainWindow, engine: Any, message_boxes: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def exec_(dialog: StartRunDialog) -> int:
        dialog.add_participant("Bram", "no-such-role")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(StartRunDialog, "exec", exec_)
    monkeypatch.setattr(StartRunDialog, "participants",
                        lambda self: (("Bram", "no-such-role"),))
    assert window.start_run("ui-netwerk") is None
    assert len(message_boxes.shown) == 1 and message_boxes.shown[0][0] == "errorDialog"
    assert engine.runs() == [] and window.tabs.count() == 0


def test_open_runs_are_resumed_with_the_last_one_in_front(settings: Any, engine: Any,
                                                          start_run: Any, make_window: Any) -> None:
    first = start_run(title="Eerste")
    second = start_run("ui-email", title="Tweede")
    closed = start_run("ui-printing", title="Gesloten")
    engine.close(closed, actor="Anna")
    settings.last_run = first

    window = make_window()
    assert sorted(tab_keys(window)) == sorted([("run", first), ("run", second)])
    assert window.current_run_id() == first
    assert sorted(window.runs_view.model.run_ids()) == sorted([first, second])


class FakeRunView(QWidget):
    """Stands in for ui/run_view.py: the parts of its interface the window relies on."""

    current_step_changed = Signal(str)
    run_changed = Signal()
    title_changed = Signal(str)
    made: list[FakeRunView] = []  # noqa: RUF012

    def __init__(self, engine: Any, run_id: str, parent: QObject | None = None, *,
                 library: Any = None) -> None:
        super().__init__(parent)
        self.engine, self.run_id, self.selected, self.library = engine, run_id, "", library
        QVBoxLayout(self).addWidget(QLabel(run_id, self))
        FakeRunView.made.append(self)

    def select_step(self, step_id: str) -> None:
        self.selected = step_id

    @staticmethod
    def shortcuts() -> list[tuple[str, str]]:
        return [("Space", "Check the step")]


@pytest.fixture
def fake_run_view(monkeypatch: pytest.MonkeyPatch) -> type[FakeRunView]:
    module = types.ModuleType("runbook_assistant.ui.run_view")
    module.RunView = FakeRunView  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "runbook_assistant.ui.run_view", module)
    FakeRunView.made = []
    return FakeRunView


def test_a_run_view_gets_the_shared_engine_and_resumes_at_its_step(
        settings: Any, engine: Any, start_run: Any, make_window: Any,
        fake_run_view: type[FakeRunView]) -> None:
    run_id = start_run()
    settings.set_run_step(run_id, "rollback-uitvoeren")
    window = make_window()
    view = fake_run_view.made[0]
    assert view.engine is engine and view.run_id == run_id
    assert view.library is window.library  # handed over, not looked for among the parents
    assert view.selected == "rollback-uitvoeren"

    view.current_step_changed.emit("rollback-ok")
    assert settings.run_step(run_id) == "rollback-ok"
    view.title_changed.emit("2 overdue · Storing")
    assert window.windowTitle() == "2 overdue · Storing — Runbook Assistant"
    engine.close(run_id, actor="Anna")
    view.run_changed.emit()
    assert window.runs_view.model.run_ids() == []
    # The run view's keys are listed under F1.
    groups = dict(window.keyboard_shortcuts())
    assert groups["In a run"] == [("Space", "Check the step")]


def test_without_a_run_view_a_run_shows_its_runbook(window: MainWindow, start_run: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "runbook_assistant.ui.run_view", None)  # import fails
    run_id = start_run()
    window.refresh_runs()
    view = window.open_run(run_id)
    assert isinstance(view, RunbookReader) and not view.start_button.isVisibleTo(view)
    assert "Netwerkstoring na wijziging" in view.browser.toPlainText()


def test_closing_a_run_tab_keeps_the_run_open(window: MainWindow, start_run: Any) -> None:
    run_id = start_run()
    window.refresh_runs()
    window.open_run(run_id)
    window.close_tab(window.tabs.currentIndex())
    assert window.tabs.count() == 0 and window.centre.currentWidget() is window.welcome
    assert window.runs_view.model.run_ids() == [run_id]


def test_ctrl_plus_and_ctrl_minus_scale_the_text(qtbot: Any, qapp: QApplication, window: MainWindow,
                                                 settings: Any, translations: Any) -> None:
    follow_settings(qapp, settings, translations, "en")
    activate(qtbot, window)
    before = qapp.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_scale == pytest.approx(1.1)
    assert qapp.font().pointSizeF() == pytest.approx(before * 1.1, abs=0.1)
    assert window.library_view.search.font().pointSizeF() == qapp.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_scale == pytest.approx(0.9)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_scale == 1.0 and qapp.font().pointSizeF() == pytest.approx(before)


def test_f1_lists_the_shortcuts(qtbot: Any, window: MainWindow,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    texts = shown[0].texts()
    assert texts[0] == ("Everywhere", "")
    end = texts.index(("In a run", "")) if ("In a run", "") in texts else len(texts)
    rows = dict(texts[1:end])
    assert rows["Ctrl+N"] == "Start run"
    assert rows["Ctrl+F"] == "Search the library"
    assert rows["Ctrl+Q"] == "Quit"


def test_ctrl_q_closes_the_window(qtbot: Any, window: MainWindow,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible() and quits == [True]
