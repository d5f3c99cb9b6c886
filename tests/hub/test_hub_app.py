"""The desktop app with a team hub: background sync, status bar, other laptops' events live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from hub_support import HubProcess, Laptop
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.ui.settings import Settings

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "engine"


@pytest.fixture
def window_of(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """The main window of a laptop, with the team hub set in its settings."""
    from runbook_assistant.ui.main_window import MainWindow

    made: list[tuple[Any, Library]] = []

    def make(laptop: Laptop, hub_url: str) -> Any:
        settings = Settings(laptop.folder / "settings.ini")
        settings.hub_url = hub_url
        window = MainWindow(settings, database=laptop.db)
        library = Library([LIBRARY], tmp_path / f"index-{laptop.folder.name}.sqlite3")
        made.append((window, library))
        window.attach_library(library)
        window.attach_engine(laptop.engine)
        qtbot.addWidget(window)
        return window

    yield make
    for window, library in made:
        if shiboken6.isValid(window):
            window.close()  # stops the sync thread
            shiboken6.delete(window)
        library.close()


def _status(window: Any) -> str:
    return str(window.hub_sync.label.text())


def _cells(model: Any) -> list[str]:
    return [str(model.index(r, c).data()) for r in range(model.rowCount())
            for c in range(model.columnCount())]


def test_the_app_syncs_in_the_background_and_shows_other_laptops_runs_within_seconds(
        qtbot: Any, hub: HubProcess, laptops: dict[str, Laptop], window_of: Any) -> None:
    a, b = laptops["a"], laptops["b"]
    for laptop in (a, b):
        laptop.enrol(hub.database, "utrecht")
    window = window_of(b, hub.url)
    sync = window.hub_sync
    assert sync.worker.thread() is sync.worker_thread
    assert sync.worker_thread is not QApplication.instance().thread()
    assert isinstance(sync.worker_thread, QThread) and sync.worker_thread.isRunning()
    qtbot.waitUntil(lambda: _status(window).startswith("synced "), timeout=20_000)

    run_id = a.start("Storing vanaf laptop A")
    a.client(hub.url).push()
    qtbot.waitUntil(lambda: run_id in window.runs_view.model.run_ids(), timeout=20_000)

    # Both decide without seeing the other's decision: after the sync it shows as a conflict.
    window.open_run(run_id)
    view = window.tabs.currentWidget()
    a.engine.decide(run_id, "rollback-ok", "herstel", actor="Anna", rationale="ping ok")
    b.engine.decide(run_id, "rollback-ok", "failover", actor="Bram", rationale="deels")
    a.client(hub.url).push()
    qtbot.waitUntil(lambda: any("CONFLICT" in cell for cell in _cells(
        view.side.decisions.model)), timeout=20_000)
    a.client(hub.url).pull()  # and laptop A sees it as well: B's decision reached the hub
    assert any(d.conflict for d in a.engine.state(run_id).decisions)


def test_the_status_bar_says_offline_while_the_hub_is_down_and_recording_goes_on(
        qtbot: Any, hub: HubProcess, laptops: dict[str, Laptop], window_of: Any) -> None:
    b = laptops["b"]
    b.enrol(hub.database, "utrecht")
    run_id = b.start()
    window = window_of(b, hub.url)
    qtbot.waitUntil(lambda: _status(window).startswith("synced "), timeout=20_000)
    hub.stop()
    qtbot.waitUntil(lambda: "working locally" in _status(window), timeout=20_000)
    assert _status(window).startswith("offline since ")
    b.note(run_id, "Tijdens de storing")  # the laptop records on
    hub.start()
    qtbot.waitUntil(lambda: _status(window).startswith("synced "), timeout=20_000)
    assert b.client(hub.url).runs_to_push() == []  # the note reached the hub by itself


def test_a_refusal_is_shown_in_the_status_bar(qtbot: Any, hub: HubProcess,
                                              laptops: dict[str, Laptop], window_of: Any) -> None:
    stranger = laptops["c"]
    stranger.start()
    window = window_of(stranger, hub.url)
    qtbot.waitUntil(lambda: _status(window).startswith("refused: "), timeout=20_000)
    assert "is not enrolled on this hub" in _status(window)
    window.settings.hub_url = ""
    assert not window.hub_sync.label.isVisibleTo(window)


def test_sync_now_fetches_what_another_laptop_pushed_without_waiting_for_the_timer(
        qtbot: Any, hub: HubProcess, laptops: dict[str, Laptop], window_of: Any) -> None:
    a, b = laptops["a"], laptops["b"]
    for laptop in (a, b):
        laptop.enrol(hub.database, "utrecht")
    window = window_of(b, hub.url)
    sync = window.hub_sync
    qtbot.waitUntil(lambda: _status(window).startswith("synced ") and not sync.busy,
                    timeout=20_000)
    sync.timer.stop()  # no automatic sync from here on: only the action
    action = sync.sync_action
    assert action.isVisible() and action in window.actions_.file_menu.actions()
    assert action.text() == "S&ync with the team hub now"
    run_id = a.start("Storing vanaf laptop A")
    a.client(hub.url).push()
    action.trigger()
    qtbot.waitUntil(lambda: run_id in window.runs_view.model.run_ids(), timeout=20_000)
    window.settings.hub_url = ""
    assert not action.isVisible()
