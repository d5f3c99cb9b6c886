"""In Dutch, the window shows no English: every widget's text is scanned for the English sources
of the translation file and for core words shown as stored (severities, statuses)."""

from __future__ import annotations

from typing import Any

import pytest
from dutch_scan import english_in, untranslated
from hand_clock import T0, HandClock
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from runbook_assistant.ui.main_window import MainWindow
from runbook_assistant.ui.settings_dialog import SettingsDialog
from runbook_assistant.ui.start_run_dialog import StartRunDialog

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


def test_the_scanner_finds_english(translations: Any) -> None:
    assert "EXERCISE" in english_in("EXERCISE · Storing · 2 te laat")
    assert "critical" in english_in("ui-netwerk · critical · nl")
    assert "2 overdue" in english_in("Storing · 2 overdue")
    assert english_in("OEFENING · Storing · 2 te laat") == []


def _scan_all(qtbot: Any, window: MainWindow) -> list[Any]:
    found = untranslated(window)
    run_view = window.tabs.currentWidget()
    side = run_view.side
    for index in range(side.count()):
        side.setCurrentIndex(index)
        found += untranslated(side.widget(index))
    return found


def test_a_dutch_window_with_an_exercise_run_shows_no_english(
        qtbot: Any, window: MainWindow, translations: Any, start_run: Any, clock: HandClock,
        library: Any, settings: Any) -> None:
    translations.use("nl")
    run_id = start_run("ui-netwerk", mode="exercise")
    clock.advance(minutes=20)  # the coordinator step (due 5 min) is overdue
    window.show()
    window.open_run(run_id)
    qtbot.waitUntil(lambda: "Storing 18 februari" in window.windowTitle())
    # The language change reaches the widgets through the event loop: wait until it did (the
    # run's tab title no longer waits for the run list, so it no longer gives that time).
    qtbot.waitUntil(lambda: window.runs_view.heading.text() == "Open &uitvoeringen")
    found = _scan_all(qtbot, window)
    found += untranslated(SettingsDialog(settings, window))
    found += untranslated(StartRunDialog(library.get("ui-netwerk"), actor="Anna", parent=window))
    assert found == [], "\n".join(map(repr, found))


def test_qt_file_dialogs_are_dutch(qapp: QApplication, translations: Any) -> None:
    translations.use("nl")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert untranslated(dialog) == []
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Zoeken in:", "Bestands&type:"} <= labels


def test_the_step_details_follow_a_language_switch(qtbot: Any, engine: Any,
                                                   translations: Any) -> None:
    from run_view_support import open_view, start

    view = open_view(qtbot, engine, start(engine))
    qtbot.waitUntil(lambda: "Space: done" in view.detail.toPlainText()
                    or "D or Space" in view.detail.toPlainText()
                    or "Enter or →" in view.detail.toPlainText())
    translations.use("nl")
    qtbot.waitUntil(lambda: "Spatie" in view.detail.toPlainText())
    assert untranslated(view.detail) == []
