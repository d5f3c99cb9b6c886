"""Dutch and English: the app's own translation, Qt's standard texts, and switching live."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from runbook_assistant.cli import cli
from runbook_assistant.cli.errors import run_cli
from runbook_assistant.ui import i18n
from runbook_assistant.ui.app import follow_settings
from runbook_assistant.ui.main_window import MainWindow
from runbook_assistant.ui.start_run_dialog import StartRunDialog

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")

REPO = Path(__file__).resolve().parents[2]


def test_dutch_reaches_every_part_of_the_window(qtbot: Any, window: MainWindow, translations: Any,
                                                library: Any) -> None:
    translations.use("nl")  # Qt posts the language change to every widget
    qtbot.waitUntil(lambda: window.library_view.heading.text() == "&Bibliotheek")
    assert window.actions_.file_menu.title() == "&Bestand"
    assert window.runs_view.heading.text() == "Open &uitvoeringen"
    reader = window.open_runbook("ui-netwerk")
    assert reader is not None and reader.start_button.text() == "Uitvoering starten…"
    assert "uiterlijk 5 min na de start" in reader.browser.toPlainText()
    dialog = StartRunDialog(library.get("ui-netwerk"), actor="Anna", parent=window)
    assert dialog.start_button.text() == "Toch starten"
    line = [lab.text() for lab in dialog.staffing_labels]
    assert line == ["✗ Netwerkspecialist: 0 van 2 aanwezig"]
    assert dialog.exercise_banner.text() == "OEFENING"
    # Qt's own texts come from qtbase_nl.qm.
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Annuleren"


def test_back_to_english_live(qtbot: Any, window: MainWindow, translations: Any) -> None:
    translations.use("nl")
    qtbot.waitUntil(lambda: window.library_view.heading.text() == "&Bibliotheek")
    translations.use("en")
    qtbot.waitUntil(lambda: window.library_view.heading.text() == "&Library")
    assert window.actions_.file_menu.title() == "&File"


def test_the_language_setting_switches_the_open_window(qtbot: Any, qapp: QApplication,
                                                      window: MainWindow, settings: Any,
                                                      translations: Any) -> None:
    follow_settings(qapp, settings, translations, "en")
    assert window.library_view.search.placeholderText() == "Search runbooks (Ctrl+F)"
    settings.language = "nl"
    qtbot.waitUntil(lambda: window.library_view.search.placeholderText()
                    == "Draaiboeken zoeken (Ctrl+F)")


@pytest.mark.parametrize(("option", "setting", "system", "expected"), [
    ("nl", "en", "en_GB", "nl"),
    (None, "nl", "en_GB", "nl"),
    (None, "", "nl_NL", "nl"),
    (None, "", "fr_FR", "en"),
])
def test_the_language_is_option_then_setting_then_system(
        monkeypatch: pytest.MonkeyPatch, option: str | None, setting: str, system: str,
        expected: str) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(system)))
    assert i18n.resolve_language(option, setting) == expected


def test_lang_nl_on_the_command_line_opens_a_dutch_window(tmp_path: Path, qapp: QApplication,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    seen: dict[str, str] = {}

    def inspect_then_quit() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        # Closed only once the engine (and with it the hub sync's thread) is attached: closed
        # before, the thread would start on a closed window and outlive it.
        if window.first_paint_time is None or window.hub_sync is None:
            QTimer.singleShot(10, inspect_then_quit)
            return
        seen["title"] = window.windowTitle()
        seen["heading"] = window.library_view.heading.text()
        seen["menu"] = window.actions_.file_menu.title()
        # Closing the last window ends the app's loop, as for a user. (QApplication.quit() here
        # as well would leave a second quit pending that stops every later event loop at once.)
        window.close()

    QTimer.singleShot(0, inspect_then_quit)
    code = run_cli(cli, ["--db", str(tmp_path / "runs.sqlite3"), "--lang", "nl"])
    for translator in qapp.findChildren(QTranslator):  # run_app's, on the shared QApplication
        QApplication.removeTranslator(translator)
    assert code == 0
    assert seen == {"title": "Runbook Assistant", "heading": "&Bibliotheek", "menu": "&Bestand"}


def test_every_string_in_the_ui_has_a_dutch_translation() -> None:
    result = subprocess.run([sys.executable, str(REPO / "tools" / "translations.py"), "check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (REPO / "resources" / "translations" / "runbook_assistant_nl.qm").stat().st_size > 0
