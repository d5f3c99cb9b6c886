"""The main window's menus and keyboard shortcuts, each one line over a window method."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from runbook_assistant.ui import paperwork_tabs

if TYPE_CHECKING:
    from runbook_assistant.ui.main_window import MainWindow

translate = QCoreApplication.translate


class MainActions:
    """The window's actions; ``retranslate()`` sets every text in the current language."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        self.start_run = self._action("startRun", [QKeySequence("Ctrl+N")],
                                      lambda: w.start_run())
        self.close_tab = self._action("closeTab", [QKeySequence("Ctrl+W")],
                                      lambda: w.close_tab(w.tabs.currentIndex()))
        self.settings = self._action("settings", [QKeySequence("Ctrl+,")], self._open_settings)
        self.quit = self._action("quit", [QKeySequence("Ctrl+Q")], w.quit)
        self.search = self._action("search", [QKeySequence("Ctrl+F")],
                                   lambda: self._in_pane(w.library_view.focus_search))
        self.runs = self._action("focusRuns", [QKeySequence("Ctrl+R")],
                                 lambda: self._in_pane(w.runs_view.focus_list))
        self.archive = self._action("runsArchive", [QKeySequence("Ctrl+Shift+A")],
                                    lambda: paperwork_tabs.open_archive(w))
        self.report = self._action("runReport", [QKeySequence("Ctrl+Shift+R")],
                                   lambda: paperwork_tabs.open_report(w))
        self.larger = self._action("zoomIn", [QKeySequence("Ctrl++"), QKeySequence("Ctrl+="),
                                              QKeySequence(QKeySequence.StandardKey.ZoomIn)],
                                   lambda: w.zoom(+1))
        self.smaller = self._action("zoomOut", [QKeySequence("Ctrl+-"),
                                                QKeySequence(QKeySequence.StandardKey.ZoomOut)],
                                    lambda: w.zoom(-1))
        self.normal = self._action("zoomReset", [QKeySequence("Ctrl+0")], lambda: w.zoom(0))
        self.next_tab = self._action("nextTab", [QKeySequence("Ctrl+PgDown")],
                                     lambda: self._step_tab(+1))
        self.prev_tab = self._action("previousTab", [QKeySequence("Ctrl+PgUp")],
                                     lambda: self._step_tab(-1))
        self.library_pane = self._action("toggleLibrary", [QKeySequence("Ctrl+L")],
                                         lambda: w.show_library_pane(not w.left.isVisible()))
        self.library_pane.setCheckable(True)
        self.library_pane.setChecked(True)
        self.help = self._action("shortcuts", [QKeySequence("F1")], self._show_shortcuts)
        self.about = self._action("about", [], self._show_about)

        bar = window.menuBar()
        self.file_menu = QMenu(bar)
        self.file_menu.addActions([self.start_run, self.close_tab])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.settings, self.quit])
        self.view_menu = QMenu(bar)
        self.view_menu.addActions([self.library_pane, self.search, self.runs, self.archive,
                                   self.report])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.larger, self.smaller, self.normal])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.next_tab, self.prev_tab])
        self.help_menu = QMenu(bar)
        self.help_menu.addActions([self.help, self.about])
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)

    def _action(self, name: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        unique = {k.toString(): k for k in keys if not k.isEmpty()}  # ZoomIn may equal Ctrl++
        action.setShortcuts(list(unique.values()))
        # Window-wide, so a shortcut works wherever the focus is (search field, list, run view).
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.file_menu.setTitle(translate("MainActions", "&File"))
        self.view_menu.setTitle(translate("MainActions", "&View"))
        self.help_menu.setTitle(translate("MainActions", "&Help"))
        for action, text in (
                (self.start_run, translate("MainActions", "&Start run…")),
                (self.close_tab, translate("MainActions", "&Close tab")),
                (self.settings, translate("MainActions", "S&ettings…")),
                (self.quit, translate("MainActions", "&Quit")),
                (self.library_pane, translate("MainActions", "Library &pane")),
                (self.search, translate("MainActions", "&Search the library")),
                (self.runs, translate("MainActions", "Go to open &runs")),
                (self.archive, translate("MainActions", "Runs &archive")),
                (self.report, translate("MainActions", "Re&port of this run")),
                (self.larger, translate("MainActions", "&Larger text")),
                (self.smaller, translate("MainActions", "S&maller text")),
                (self.normal, translate("MainActions", "&Normal text size")),
                (self.next_tab, translate("MainActions", "Ne&xt tab")),
                (self.prev_tab, translate("MainActions", "&Previous tab")),
                (self.help, translate("MainActions", "&Keyboard shortcuts")),
                (self.about, translate("MainActions", "&About Runbook Assistant"))):
            action.setText(text)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what) for every action with a shortcut, plus the list keys."""
        rows = [(translate("MainActions", "Enter"),
                 translate("MainActions", "Open the selected runbook or run"))]
        for action in (self.search, self.library_pane, self.start_run, self.runs, self.archive,
                       self.report, self.close_tab, self.next_tab,
                       self.prev_tab, self.larger, self.smaller, self.normal, self.settings,
                       self.help, self.quit):
            keys = action.shortcuts()
            if keys:
                text = action.text().replace("&", "").rstrip("…")
                rows.append((keys[0].toString(QKeySequence.SequenceFormat.NativeText), text))
        return rows

    def _in_pane(self, focus: Callable[[], object]) -> None:
        self.window.show_library_pane(True)  # a hidden pane comes back for its keys
        focus()

    def _step_tab(self, delta: int) -> None:
        tabs = self.window.tabs
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() + delta) % tabs.count())
            # The focus goes with the tab (a run's steps), not left behind in a side table.
            tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_shortcuts(self) -> None:
        from runbook_assistant.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.window.keyboard_shortcuts(), self.window).exec()

    def _open_settings(self) -> None:
        from runbook_assistant.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.window.settings, self.window).exec()

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from runbook_assistant import __version__

        QMessageBox.about(self.window, translate("MainActions", "About Runbook Assistant"),
                          translate("MainActions", "<p><b>Runbook Assistant {version}</b></p>"
                                    "<p>Offline crisis runbooks with a verifiable timeline.</p>"
                                    "<p>Database: {db}</p>").format(
                              version=__version__, db=self.window.database or "—"))
