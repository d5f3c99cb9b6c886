"""Background sync with a team hub: a worker thread, a status bar text, refreshed run views.

When the settings name a hub, the app pushes and pulls every few seconds in a worker thread (never
on the GUI thread: a sync may wait on the network for a minute), over a database connection of
its own, while the window records on. The status bar says how it went: "synced 5 s ago",
"offline since 10:42 — working locally", or "refused: …". Events that came in are shown at once:
the list of runs and every open run view refresh, as after a bundle import, so conflicting
decisions from two laptops show as a conflict.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from runbook_assistant.ui.settings import HUB_URL, Settings

translate = QCoreApplication.translate
SYNC_INTERVAL_MS = 3000  # how often the app asks the hub; an answer is tiny when nothing changed
TICK_MS = 1000  # how often "synced N s ago" is brought up to date


class SyncWorker(QObject):
    """Lives in the worker thread: one push and pull per ``run`` call."""

    synced = Signal(object)  # SyncOutcome
    failed = Signal(str, bool)  # message, True when the hub could not be reached

    def __init__(self, db_path: Path, identity: Any) -> None:
        super().__init__()
        self.db_path = db_path
        self.identity = identity

    @Slot(str)
    def run(self, url: str) -> None:
        # Imported here, in the worker thread: the sync code stays out of the app's start-up.
        from runbook_assistant.core.errors import RunbookAssistantError
        from runbook_assistant.core.sync.hub_client import HubUnreachable, sync_database

        try:
            outcome = sync_database(self.db_path, url, self.identity)
        except HubUnreachable as exc:
            self.failed.emit(exc.message, True)
        except RunbookAssistantError as exc:
            self.failed.emit(exc.message, False)
        else:
            self.synced.emit(outcome)


class HubSync(QObject):
    """Drives the worker from a timer on the GUI thread and keeps the status bar text."""

    request = Signal(str)  # queued to the worker thread
    merged = Signal(int)  # new events merged from the hub

    def __init__(self, window: QMainWindow, settings: Settings, db_path: Path,
                 identity: Any) -> None:
        super().__init__(window)
        self.setObjectName("hubSync")
        self.window = window
        self.settings = settings
        self.worker_thread = QThread(self)
        self.worker_thread.setObjectName("hubSyncThread")
        self.worker = SyncWorker(db_path, identity)
        self.worker.moveToThread(self.worker_thread)
        self.request.connect(self.worker.run)
        self.worker.synced.connect(self._synced)
        self.worker.failed.connect(self._failed)
        # The thread starts with the first sync: a laptop without a hub never runs it, and a
        # window that is deleted without being closed leaves no thread running behind it.
        self.label = QLabel(window)
        self.label.setObjectName("hubStatus")
        window.statusBar().addPermanentWidget(self.label)
        self.sync_action = QAction(window)
        self.sync_action.setObjectName("hubSyncNow")
        self.sync_action.triggered.connect(lambda _checked=False: self.sync_now())
        _add_after_sync_actions(window, self.sync_action)
        self.busy = False
        self.last_sync: float | None = None  # time.monotonic() of the last good sync
        self.offline_since: datetime | None = None
        self.refusal: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.show_state)
        settings.changed.connect(self._setting_changed)
        window.installEventFilter(self)
        self.retranslate()
        self._follow_settings()

    # --- driving ----------------------------------------------------------------------------
    def _setting_changed(self, key: str) -> None:
        if key == HUB_URL.key:
            self.last_sync, self.offline_since, self.refusal = None, None, None
            self._follow_settings()

    def _follow_settings(self) -> None:
        on = bool(self.settings.hub_url)
        self.label.setVisible(on)
        self.sync_action.setVisible(on)
        if on:
            if not self.worker_thread.isRunning():
                self.worker_thread.start()
            self.timer.start()
            self.ticker.start()
            self.sync_now()
        else:
            self.timer.stop()
            self.ticker.stop()

    def sync_now(self) -> None:
        """Ask the worker for one sync, unless one is under way."""
        url = self.settings.hub_url
        if not url or self.busy:
            return
        self.busy = True
        self.request.emit(url)
        self.show_state()

    def stop(self) -> None:
        """Stop the timers and let the worker thread finish its sync (on closing the window)."""
        self.timer.stop()
        self.ticker.stop()
        if self.worker_thread.isRunning():
            self.worker_thread.quit()
            self.worker_thread.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self.stop()
            elif event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
        return False

    # --- results ----------------------------------------------------------------------------
    def _synced(self, outcome: Any) -> None:
        self.busy = False
        self.last_sync, self.offline_since, self.refusal = time.monotonic(), None, None
        new = outcome.pulled.new_events
        if new:
            from runbook_assistant.ui.sync_dialogs import refresh_after_merge

            refresh_after_merge(self.window)
            self.merged.emit(new)
        self.show_state()

    def _failed(self, message: str, unreachable: bool) -> None:
        self.busy = False
        if unreachable:
            self.refusal = None
            if self.offline_since is None:
                self.offline_since = datetime.now().astimezone()
        else:
            self.refusal = message.removeprefix("the hub refused: ")
        self.show_state()

    def retranslate(self) -> None:
        self.sync_action.setText(translate("HubSync", "S&ync with the team hub now"))
        self.sync_action.setToolTip(translate(
            "HubSync", "Send what this laptop recorded and fetch what the others recorded, "
                       "without waiting for the next automatic sync"))
        self.show_state()

    def show_state(self) -> None:
        self.label.setText(self.state_text())

    def state_text(self) -> str:
        if self.refusal is not None:
            return translate("HubSync", "refused: {message}").format(message=self.refusal)
        if self.offline_since is not None:
            return translate("HubSync", "offline since {time} — working locally").format(
                time=self.offline_since.strftime("%H:%M"))
        if self.last_sync is None:
            return translate("HubSync", "syncing with the team hub…")
        seconds = int(time.monotonic() - self.last_sync)
        if seconds < 60:
            return translate("HubSync", "synced {n} s ago").format(n=seconds)
        return translate("HubSync", "synced {n} min ago").format(n=seconds // 60)


def _add_after_sync_actions(window: QMainWindow, action: QAction) -> None:
    """Put ``action`` in the File menu right after the bundle sync actions (or at its end)."""
    menu = getattr(getattr(window, "actions_", None), "file_menu", None)
    if menu is None:
        return
    actions = menu.actions()
    after = next((i for i, a in enumerate(actions) if a.objectName() == "syncImport"), None)
    if after is not None and after + 1 < len(actions):
        menu.insertAction(actions[after + 1], action)
    else:
        menu.addAction(action)


def attach_hub_sync(window: QMainWindow, settings: Settings, engine: Any) -> HubSync:
    """Background hub sync for the window's database (idle while no hub is set)."""
    store = engine.store
    return HubSync(window, settings, Path(store.path), store.identity)
