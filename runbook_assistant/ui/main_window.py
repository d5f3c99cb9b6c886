"""The main window: library and open runs on the left, runbooks and runs in tabs in the centre.

The window owns no data: it is handed a library (``attach_library``) and an engine
(``attach_engine``) once they are open, which happens after the first paint so the window appears
at once. Each user action is one call on one of them, with core errors shown by ``errors``.

Run tabs hold ``ui.run_view.RunView(engine, run_id, parent)`` (imported lazily). Optional parts of
its interface the window uses when present: ``select_step(step_id)``, the signals
``current_step_changed(str)``, ``run_changed()`` and ``title_changed(str)``, and ``shortcuts()``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.ui import resources
from runbook_assistant.ui.authoring_actions import AuthoringActions, approval_for_start
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.library_view import LibraryView
from runbook_assistant.ui.main_actions import MainActions
from runbook_assistant.ui.open_runs_view import OpenRunsView
from runbook_assistant.ui.settings import FONT_SCALE_STEP, GEOMETRY, SPLITTER, Settings

log = logging.getLogger("runbook_assistant.ui")

if TYPE_CHECKING:
    from runbook_assistant.ui.runbook_reader import RunbookReader
    from runbook_assistant.ui.sync_dialogs import SyncActions

RUN_LIST_REFRESH_MS = 30_000  # overdue flags in the open-runs list move with the clock


class MainWindow(QMainWindow):
    """Left: library and open runs. Centre: a welcome page, or tabs of runbooks and runs."""

    first_painted = Signal()
    run_opened = Signal(str)

    def __init__(self, settings: Settings, *, database: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.database = database
        self.library: Any = None
        self.engine: Any = None
        self.first_paint_time: float | None = None
        self._tabs_by_key: dict[tuple[str, str], QWidget] = {}
        self.setObjectName("mainWindow")

        # Each widget is made inside its final parent: moving a built widget to another parent
        # makes Qt resolve its font, palette and style sheet again, before the first frame.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.left = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.library_view = LibraryView(self.left)
        self.runs_view = OpenRunsView(self.left)
        self.left.addWidget(self.library_view)
        self.left.addWidget(self.runs_view)
        self.left.setContentsMargins(8, 4, 4, 8)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.centre = QStackedWidget(self.splitter)
        self.welcome = QLabel(self.centre)
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.tabs = QTabWidget(self.centre)
        self.tabs.setObjectName("centreTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.centre.addWidget(self.welcome)
        self.centre.addWidget(self.tabs)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.centre)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 920])  # a small laptop keeps most of its width for the run
        self.setCentralWidget(self.splitter)

        self.actions_ = MainActions(self)
        self.authoring = AuthoringActions(self)  # the Runbook menu: edit, new, approve
        self.sync_actions: SyncActions | None = None  # File → Export/Import, with the engine
        self.export_menu: Any = None  # the Export menu, added with the engine
        self.hub_sync: Any = None  # background sync with a team hub (ui/hub_sync.py)
        self.library_view.runbook_activated.connect(self.open_runbook)
        self.runs_view.run_activated.connect(self.open_run)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(RUN_LIST_REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_runs)
        self._retranslate()
        self.resize(1280, 800)

    # --- core objects -------------------------------------------------------------------------
    def attach_library(self, library: Any) -> None:
        """Show this library (``core.library.Library`` or anything with its API)."""
        self.library = library
        self.library_view.set_library(library)

    def attach_engine(self, engine: Any, *, resume: bool = True) -> None:
        """Use this engine for runs; with ``resume``, reopen every open run where it was."""
        self.engine = engine
        if self.sync_actions is None:
            # Added with the engine they work on (after the first paint): their module and the
            # dialogs' classes are not needed to show the window.
            from runbook_assistant.ui.sync_dialogs import add_sync_actions

            self.sync_actions = add_sync_actions(self.actions_.file_menu, lambda: self.engine, self)
            from runbook_assistant.ui.export_menu import ExportMenu

            self.export_menu = ExportMenu(self)
        if engine is not None and self.hub_sync is None:
            from runbook_assistant.ui.hub_sync import attach_hub_sync

            self.hub_sync = attach_hub_sync(self, self.settings, engine)
        self.runs_view.set_unavailable(engine is None)
        if engine is None:
            return
        self.refresh_runs()
        self._refresh_timer.start()
        if resume:
            self.resume_runs()

    def resume_runs(self) -> None:
        """Reopen the open runs in tabs, the one in front last time in front again."""
        last = self.settings.last_run
        run_ids = self.runs_view.model.run_ids()
        for run_id in run_ids:
            self.open_run(run_id, activate=False)
        if last in run_ids:
            self.open_run(last)

    def refresh_runs(self) -> None:
        """Bring the list of open runs up to date (every few seconds, and after a change).

        This runs unasked, from a timer: a failure is logged and shown in the status bar, never
        as a modal dialog that would stop the window behind a message nobody asked for.
        """
        if self.engine is None:
            return
        try:
            runs = self.engine.runs(open_only=True)
        except RunbookAssistantError as exc:
            log.warning("the list of open runs could not be refreshed: %s", exc.message)
            self.statusBar().showMessage(
                self.tr("The list of open runs could not be refreshed: %1").replace(
                    "%1", exc.text(ui_lang())), 10000)
            return
        self.runs_view.set_runs(runs)

    # --- opening things -----------------------------------------------------------------------
    def open_runbook(self, runbook_id: str) -> RunbookReader | None:
        """Show a runbook read-only in its own tab (or bring its tab to the front)."""
        existing = self._tabs_by_key.get(("runbook", runbook_id))
        if existing is not None:
            self._activate(existing)
            return existing  # type: ignore[return-value]
        if self.library is None:
            return None
        from runbook_assistant.ui.runbook_reader import RunbookReader

        runbook = guarded(self, lambda: self.library.get(runbook_id))
        if runbook is None:
            return None
        reader = RunbookReader(runbook, self)
        reader.start_requested.connect(self.start_run)
        reader.browser.highlighted.connect(
            lambda url: self.statusBar().showMessage(url.toDisplayString(), 5000))
        from runbook_assistant.ui.rehearsal_view import attach_rehearsal

        attach_rehearsal(reader, self.engine)  # when each step was last rehearsed, and how long
        self._add_tab(("runbook", runbook_id), reader, runbook.title)
        return reader

    def open_run(self, run_id: str, *, activate: bool = True) -> QWidget | None:
        """Show a run in its own tab: the checklist view, resumed at the step it was at."""
        existing = self._tabs_by_key.get(("run", run_id))
        if existing is not None:
            if activate:
                self._activate(existing)
            return existing
        if self.engine is None:
            return None
        view = self._make_run_view(run_id)
        if view is None:
            return None
        # A closed run (opened from the archive) is not in the open-runs list: ask its record.
        record = guarded(self, lambda: self.engine.run_record(run_id))
        title = record.title if record is not None else run_id
        if record is not None and record.mode == "exercise":
            title = self.tr("EXERCISE") + " · " + title
        self._add_tab(("run", run_id), view, title, activate=activate)
        self._connect_run_view(run_id, view)
        self.run_opened.emit(run_id)
        return view

    def _make_run_view(self, run_id: str) -> QWidget | None:
        try:
            from runbook_assistant.ui.run_view import RunView
        except ModuleNotFoundError as exc:
            if exc.name != "runbook_assistant.ui.run_view":
                raise
            from runbook_assistant.ui.runbook_reader import RunbookReader

            runbook = guarded(self, lambda: self.engine.runbook_of(run_id))
            if runbook is None:
                return None
            reader = RunbookReader(runbook, self, can_start=False)
            reader.show_notice(self.tr("The checklist of this run cannot be shown in this "
                                       "version; this is the runbook as it was run."))
            return reader
        return guarded(self, lambda: RunView(self.engine, run_id, self, library=self.library))

    def _connect_run_view(self, run_id: str, view: QWidget) -> None:
        step = self.settings.run_step(run_id)
        if step and hasattr(view, "select_step"):
            view.select_step(step)
        if hasattr(view, "current_step_changed"):
            view.current_step_changed.connect(
                lambda step_id: self.settings.set_run_step(run_id, step_id))
        if hasattr(view, "run_changed"):
            view.run_changed.connect(self.refresh_runs)
        if hasattr(view, "title_changed"):
            view.title_changed.connect(lambda text: self._set_tab_title(view, text))

    def start_run(self, runbook_id: str = "") -> str | None:
        """Ask for the run's details and start it; returns the new run id (None if cancelled)."""
        runbook_id = runbook_id or self.current_runbook_id()
        if not runbook_id or self.library is None:
            self.statusBar().showMessage(self.tr("Select a runbook first."), 5000)
            return None
        if self.engine is None:
            self.statusBar().showMessage(self.tr("Runs are unavailable: the database could "
                                                 "not be opened."), 8000)
            return None
        chosen = guarded(self, lambda: self.library.get(runbook_id))
        if chosen is None:
            return None
        scenario = chosen if chosen.kind == "exercise" else None
        runbook = guarded(self, lambda: self.library.get(chosen.runbook)) if scenario else chosen
        if runbook is None:
            return None
        from PySide6.QtWidgets import QDialog

        from runbook_assistant.ui.start_run_dialog import StartRunDialog

        dialog = StartRunDialog(runbook, actor=self.settings.actor, scenario=scenario, parent=self)
        approval, warning = approval_for_start(runbook)  # the run records it either way
        dialog.show_approval_warning(warning)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        params = dialog.parameters()
        self.settings.actor = params.actor
        source = guarded(self, lambda: self.library.source(runbook.id))
        if source is None:
            return None
        event = guarded(self, lambda: self.engine.start_run(runbook, source, approval=approval,
                                                             **params.engine_kwargs()))
        if event is None:
            return None
        self.refresh_runs()
        self.open_run(event.run_id)
        return str(event.run_id)

    def current_runbook_id(self) -> str:
        """The runbook in the front tab if it is a reader, else the library's selection."""
        current = self.tabs.currentWidget() if self.centre.currentWidget() is self.tabs else None
        key = current.property("tabKey") if current is not None else None
        if key and key[0] == "runbook":
            return str(key[1])
        return self.library_view.current_id()

    # --- tabs ---------------------------------------------------------------------------------
    def _add_tab(self, key: tuple[str, str], widget: QWidget, title: str, *,
                 activate: bool = True) -> None:
        widget.setProperty("tabKey", list(key))
        self._tabs_by_key[key] = widget
        index = self.tabs.addTab(widget, title)
        self.tabs.setTabToolTip(index, title)
        if key[0] == "run":
            self.tabs.setTabIcon(index, resources.icon("start"))
        self.centre.setCurrentWidget(self.tabs)
        if activate:
            self._activate(widget)

    def _activate(self, widget: QWidget) -> None:
        self.centre.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_title()

    def _set_tab_title(self, widget: QWidget, text: str) -> None:
        index = self.tabs.indexOf(widget)
        if index >= 0:
            self.tabs.setTabText(index, text)
            self._update_title()

    def close_tab(self, index: int) -> None:
        """Close a tab; a run stays open (and listed) until it is closed in its own view."""
        widget = self.tabs.widget(index)
        if widget is None or (hasattr(widget, "confirm_close") and not widget.confirm_close()):
            return
        key = widget.property("tabKey")
        if key:
            self._tabs_by_key.pop((key[0], key[1]), None)
        self.tabs.removeTab(index)
        suspend = getattr(widget, "suspend", None)
        if suspend is not None:
            suspend()
        widget.deleteLater()
        if self.tabs.count() == 0:
            self.centre.setCurrentWidget(self.welcome)
            self.library_view.focus_search()
        self._update_title()

    def current_run_id(self) -> str:
        """The run of the front tab: a run, its report, or the run selected in the archive."""
        widget = self.tabs.currentWidget()
        key = widget.property("tabKey") if widget is not None else None
        if key and key[0] == "archive":
            return str(widget.selected_run_id())  # type: ignore[union-attr]
        return key[1] if key and key[0] in ("run", "report") else ""

    def _on_tab_changed(self, _index: int) -> None:
        run_id = self.current_run_id()
        if run_id:
            self.settings.last_run = run_id
        self._update_title()

    def _update_title(self) -> None:
        index = self.tabs.currentIndex()
        if self.centre.currentWidget() is self.tabs and index >= 0:
            self.setWindowTitle(f"{self.tabs.tabText(index)} — {resources.APP_NAME}")
        else:
            self.setWindowTitle(resources.APP_NAME)

    # --- text size, layout, events ------------------------------------------------------------
    def show_library_pane(self, shown: bool) -> None:
        """Show or hide the left pane (library and open runs): a small screen needs the room."""
        self.left.setVisible(shown)
        self.actions_.library_pane.setChecked(shown)
        if not shown and self.left.isAncestorOf(QApplication.focusWidget()):
            current = self.tabs.currentWidget()
            if current is not None:
                current.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def zoom(self, steps: int) -> None:
        """Make text larger (+1) or smaller (-1); 0 resets. The app follows the setting."""
        if steps == 0:
            self.settings.font_scale = 1.0
        else:
            self.settings.font_scale = self.settings.font_scale + steps * FONT_SCALE_STEP

    def restore_layout(self) -> None:
        geometry = self.settings.blob(GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.blob(SPLITTER)
        if not state.isEmpty():
            self.splitter.restoreState(state)

    def closeEvent(self, event: Any) -> None:
        for index in range(self.tabs.count()):  # exercises pause while the app is closed
            suspend = getattr(self.tabs.widget(index), "suspend", None)
            if suspend is not None:
                suspend()
        self.settings.set_blob(GEOMETRY, self.saveGeometry())
        self.settings.set_blob(SPLITTER, self.splitter.saveState())
        self._refresh_timer.stop()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.first_paint_time is None:
            self.first_paint_time = time.time()
            # Queued: whoever loads the core after the first paint must not delay this paint.
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.setWindowIcon(resources.icon("app"))  # an SVG icon is not worth delaying the window
        self.first_painted.emit()

    def _retranslate(self) -> None:
        self.welcome.setText(self.tr(
            "<h2>Runbook Assistant</h2>"
            "<p>Ctrl+F: search the library · Enter: open the runbook<br/>"
            "Ctrl+N: start a run of it · F1: all keyboard shortcuts</p>"))
        self.actions_.retranslate()
        self.authoring.retranslate()
        if self.export_menu is not None:
            self.export_menu.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyboard_shortcuts(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The groups the F1 dialog shows: this window's, then the run view's if it has any."""
        from runbook_assistant.ui.runbook_editor import editor_shortcuts

        groups = [(self.tr("Everywhere"), self.actions_.shortcut_rows()),
                  (self.tr("Runbooks"), self.authoring.shortcut_rows() + editor_shortcuts())]
        try:
            from runbook_assistant.ui.run_view import RunView
        except ModuleNotFoundError:
            return groups
        rows = RunView.shortcuts() if hasattr(RunView, "shortcuts") else []
        groups.append((self.tr("In a run"), list(rows)))
        return groups

    def quit(self) -> None:
        self.close()
        QApplication.quit()

