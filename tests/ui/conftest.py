"""Fixtures for the desktop app tests: a real library and engine in tmp_path (the engine on the
wall clock unless a module overrides ``clock``), settings in tmp_path, message boxes answered at
once (``message_boxes``, opt-in), and the app-wide look restored after each test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from hand_clock import HandClock
from PySide6.QtWidgets import QApplication, QMessageBox

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui.i18n import Translations
from runbook_assistant.ui.settings import Settings

UI_LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "ui" / "library"


@dataclass
class MessageBoxes:
    """Every QMessageBox the code under test showed, answered without waiting for anyone."""

    shown: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.No

    def texts(self) -> list[str]:
        return [text for _kind, text in self.shown]


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def exec_(box: QMessageBox) -> int:
        boxes.shown.append((box.objectName() or "box", f"{box.text()}\n{box.informativeText()}"))
        return int(QMessageBox.StandardButton.Ok)

    def static(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            boxes.shown.append((kind, text))
            return boxes.answer
        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))
    return boxes


@pytest.fixture(autouse=True)
def _restore_app_look(qapp: QApplication) -> Iterator[None]:
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


@pytest.fixture
def translations() -> Iterator[Translations]:
    found = Translations()
    yield found
    found.use("en")  # removes the translators it installed


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library([UI_LIBRARY], tmp_path / "library-index.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def clock() -> HandClock | None:
    """The app runs on the wall clock (``engine`` reads it) unless a module moves time by hand."""
    return None


@pytest.fixture
def make_window(qtbot: Any, settings: Settings, library: Library, engine: Engine,
                db: Path) -> Iterator[Any]:
    """Main windows on the test's library and engine, deleted before the engine is closed
    (a run view's timers would otherwise read a closed database)."""
    from runbook_assistant.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(*, attach: bool = True) -> MainWindow:
        main = MainWindow(settings, database=db)
        made.append(main)
        if attach:
            main.attach_library(library)
            main.attach_engine(engine)
        return main

    yield make
    for main in made:
        if shiboken6.isValid(main):
            main.close()
            shiboken6.delete(main)


@pytest.fixture
def window(make_window: Any) -> Any:
    return make_window()


@pytest.fixture
def start_run(engine: Engine, library: Library) -> Any:
    """Start a run directly through the engine (as another window or the CLI would)."""

    def start(runbook_id: str = "ui-netwerk", *, title: str = "Storing 18 februari",
              mode: str = "incident") -> str:
        runbook = library.get(runbook_id)
        people = [("Anna", "incident-lead")] if runbook_id == "ui-netwerk" else []
        event = engine.start_run(runbook, library.source(runbook_id), title=title,
                                 actor="Anna", mode=mode, participants=people)
        return event.run_id

    return start
