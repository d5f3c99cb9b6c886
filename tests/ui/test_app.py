"""Start-up wiring: the core is opened after the first paint, and a bad folder is reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from runbook_assistant.ui.app import CoreLoader
from runbook_assistant.ui.main_window import MainWindow

UI_LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "ui" / "library"

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def bare_window(qtbot: Any, settings: Any) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    return window


def test_the_core_opens_after_the_first_paint(qtbot: Any, bare_window: MainWindow,
                                              tmp_path: Path, settings: Any) -> None:
    loader = CoreLoader(bare_window, tmp_path / "runs.sqlite3", [UI_LIBRARY], settings)
    bare_window.first_painted.connect(loader.load)
    assert bare_window.library is None and bare_window.engine is None
    assert bare_window.library_view.status.text() == "Loading the library…"
    bare_window.show()
    qtbot.waitUntil(lambda: bare_window.engine is not None)
    assert bare_window.first_paint_time is not None
    assert len(bare_window.library_view.model.rows()) == 4
    assert (tmp_path / "runs.sqlite3").exists()
    loader.close()


def test_a_missing_library_folder_is_said_not_loaded_for_ever(bare_window: MainWindow,
                                                              tmp_path: Path, settings: Any,
                                                              message_boxes: Any) -> None:
    loader = CoreLoader(bare_window, tmp_path / "runs.sqlite3", [tmp_path / "weg"], settings)
    loader.load()
    assert "library folder not found" in bare_window.library_view.status.text()
    assert message_boxes.shown[0][0] == "errorDialog"
    assert bare_window.engine is not None  # runs still work without the library
    loader.close()


def test_a_new_extra_folder_reloads_the_library(bare_window: MainWindow, tmp_path: Path,
                                                settings: Any) -> None:
    loader = CoreLoader(bare_window, tmp_path / "runs.sqlite3", [], settings)
    loader.load()
    assert bare_window.library_view.model.rows() == []
    settings.extra_folders = [UI_LIBRARY]
    assert len(bare_window.library_view.model.rows()) == 4
    loader.close()
