"""Light and dark colours, the text size, and the settings that remember them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from runbook_assistant.ui import theme
from runbook_assistant.ui.app import follow_settings
from runbook_assistant.ui.settings import FONT_SCALE_MAX, Settings
from runbook_assistant.ui.settings_dialog import SettingsDialog

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = []
        for value in QColor(hex_colour).getRgbF()[:3]:
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        r, g, b_ = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_every_text_colour_is_readable_on_its_background(colours: dict[str, str]) -> None:
    pairs = [("text", "window"), ("text", "base"), ("muted", "window"), ("danger", "base"),
             ("danger", "window"), ("ok", "window"), ("link", "base"),
             ("highlight_fg", "highlight"), ("accent_fg", "accent"),
             ("danger_fg", "danger_bg"), ("exercise_fg", "exercise_bg")]
    for fg, bg in pairs:
        assert contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)


def test_dark_and_light_can_be_forced(qapp: QApplication) -> None:
    theme.apply_theme(qapp, "dark")
    assert theme.is_dark()
    assert qapp.palette().color(QPalette.ColorRole.Base).name() == theme.DARK["base"]
    theme.apply_theme(qapp, "light")
    assert not theme.is_dark()
    assert theme.LIGHT["danger"] in qapp.styleSheet()
    qapp.setStyleSheet("")  # the style sheet wraps the style; under it is Fusion
    assert qapp.style().name().lower() == "fusion"


def test_system_follows_the_desktop_colour_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(type(hints), "colorScheme", lambda self: Qt.ColorScheme.Dark)
    assert theme.wants_dark("system") and not theme.wants_dark("light")
    monkeypatch.setattr(type(hints), "colorScheme", lambda self: Qt.ColorScheme.Unknown)
    assert not theme.wants_dark("system") and theme.wants_dark("dark")


def test_changing_the_theme_setting_recolours_the_app(qapp: QApplication, settings: Settings,
                                                      translations: Any) -> None:
    follow_settings(qapp, settings, translations, "en")
    settings.theme = "dark"
    assert theme.is_dark()
    settings.theme = "light"
    assert not theme.is_dark()


def test_settings_are_typed_clamped_and_remembered(tmp_path: Path, qtbot: Any) -> None:
    path = tmp_path / "settings.ini"
    first = Settings(path)
    assert (first.language, first.theme, first.font_scale, first.actor) == ("", "system", 1.0, "")
    with qtbot.waitSignal(first.changed) as changed:
        first.font_scale = 9.0
    assert changed.args == ["ui/font_scale"]
    first.actor = "  Anna  "
    first.theme = "purple"
    first.extra_folders = [tmp_path / "a", tmp_path / "b", tmp_path / "a"]
    first.set_run_step("run-1", "stap-3")

    again = Settings(path)
    assert again.font_scale == FONT_SCALE_MAX
    assert again.actor == "Anna"
    assert again.theme == "system"
    assert again.extra_folders == [tmp_path / "a", tmp_path / "b"]
    assert again.run_step("run-1") == "stap-3" and again.run_step("run-2") == ""


def test_the_settings_file_lives_in_the_config_folder(_isolated_user_dirs: Path) -> None:
    # The autouse fixture points XDG_CONFIG_HOME at this test's own folder: the file is written
    # there, never in the real home.
    expected = _isolated_user_dirs / "config" / "runbook-assistant" / "settings.ini"
    settings = Settings()
    assert settings.path == expected
    settings.actor = "Anna"
    assert "Anna" in expected.read_text(encoding="utf-8")


def test_a_portable_install_keeps_its_settings_beside_its_data(
        _isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from runbook_assistant.core import paths

    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "stick" / "data")
    assert Settings().path == tmp_path / "stick" / "data" / "settings.ini"


def test_the_settings_dialog_writes_what_was_chosen(qtbot: Any, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.scale.setValue(150)
    dialog.actor.setText("Bram")
    dialog.folders.addItem("/media/usb/draaiboeken")
    dialog.accept()
    assert (settings.language, settings.theme, settings.font_scale, settings.actor) == \
        ("nl", "dark", 1.5, "Bram")
    assert settings.extra_folders == [Path("/media/usb/draaiboeken")]
