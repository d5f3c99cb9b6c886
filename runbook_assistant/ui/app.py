"""Start the desktop app: QApplication, single-instance lock, translations, theme, settings, window.

Start-up is kept short so the window appears at once: the library and the engine are opened after
the main window's first paint (``CoreLoader``); heavy modules are imported there, not here.
Environment: ``RUNBOOK_ASSISTANT_READY_FILE`` names a file that receives the window title and the
time of the first paint (used by the end-to-end test and the start-up benchmark).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from runbook_assistant import __version__, pdf
from runbook_assistant.core import paths
from runbook_assistant.core.errors import RunbookAssistantError, StoreError
from runbook_assistant.ui import resources, theme
from runbook_assistant.ui.errors import ExceptHook, guarded, show_error
from runbook_assistant.ui.i18n import Translations, resolve_language, ui_lang
from runbook_assistant.ui.instance_lock import InstanceLock
from runbook_assistant.ui.settings import EXTRA_FOLDERS, FONT_SCALE, LANGUAGE, THEME, Settings

READY_FILE_ENV = "RUNBOOK_ASSISTANT_READY_FILE"
LOAD_FALLBACK_MS = 1500  # load the core even if the window is never painted (e.g. minimised)
log = logging.getLogger("runbook_assistant.ui")
translate = QCoreApplication.translate


pdf.register()  # the export menu's PDFs draw with Qt


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt), named for QSettings and logs."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName(resources.APP_NAME)
    QApplication.setOrganizationName("runbook-assistant")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("runbook-assistant")
    args = list(argv) if argv is not None else sys.argv[:1]
    app = QApplication([*args[:1], *theme.FUSION_ARGUMENTS, *args[1:]])
    theme.fusion_from_arguments()
    return app


def follow_settings(app: QApplication, settings: Settings, translations: Translations,
                    lang_option: str | None = None) -> None:
    """Apply theme, text size and language now, and again whenever they change."""
    theme.apply_theme(app, settings.theme)
    theme.apply_font_scale(app, settings.font_scale)
    translations.use(resolve_language(lang_option, settings.language))

    def changed(key: str) -> None:
        if key == THEME.key:
            theme.apply_theme(app, settings.theme)
        elif key == FONT_SCALE.key:
            theme.apply_font_scale(app, settings.font_scale)
        elif key == LANGUAGE.key:
            translations.use(resolve_language(None, settings.language))

    def scheme_changed(_scheme: Qt.ColorScheme) -> None:
        if settings.theme == "system":
            theme.apply_theme(app, "system")

    settings.changed.connect(changed)
    QGuiApplication.styleHints().colorSchemeChanged.connect(scheme_changed)


class CoreLoader(QObject):
    """Opens the library and the engine for the window (after its first paint)."""

    def __init__(self, window: Any, database: Path, library_dirs: Sequence[Path],
                 settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.library_dirs = list(library_dirs)
        self.settings = settings
        self.engine: Any = None
        self._library_opened = False
        self._engine_opened = False
        settings.changed.connect(self._settings_changed)

    def load(self) -> None:
        """Open the library, then the engine, each once (later calls do nothing)."""
        self.open_library_once()
        self.open_engine_once()

    def load_in_turns(self) -> None:
        """The library now, the engine on the next turn of the event loop: the filled library
        list is painted before the engine's modules are imported and its database opened."""
        QTimer.singleShot(0, self.open_engine_once)  # first, so a failing library cannot stop it
        self.open_library_once()

    def open_library_once(self) -> None:
        if self._library_opened:
            return
        self._library_opened = True
        setup_logging()  # here, not before the first paint: it costs an import and a file
        self.load_library()
        _append_ready_file(f"library {time.time():.6f}")

    def open_engine_once(self) -> None:
        if self._engine_opened:
            return
        self._engine_opened = True
        try:
            self.load_engine()
        finally:
            _append_ready_file(f"loaded {time.time():.6f}")

    def folders(self) -> list[Path]:
        extra = [f for f in self.settings.extra_folders if f.is_dir()]
        return list(dict.fromkeys([*self.library_dirs, *extra]))

    def load_library(self) -> None:
        from runbook_assistant.core.library.catalog import Library

        def scanned() -> Library:
            library = Library(self.folders(), paths.cache_db_path())
            library.summaries()  # scan now, so a missing folder is reported here, once
            return library

        try:
            library = scanned()
        except RunbookAssistantError as exc:
            self.window.library_view.show_problem(exc.text(ui_lang()))
            show_error(self.window, exc)
            return
        self.window.attach_library(library)

    def load_engine(self) -> None:
        from runbook_assistant.core.run.engine import Engine

        self.engine = guarded(self.window, lambda: Engine.open(self.database))
        self.window.attach_engine(self.engine)
        if self.engine is not None:
            self.window.statusBar().showMessage(str(self.database))

    def _settings_changed(self, key: str) -> None:
        if key == EXTRA_FOLDERS.key and self._library_opened:
            self.load_library()

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close_store()
            self.engine = None


def setup_logging() -> None:
    """Log to a file beside the data: what a support person asks for after the crisis."""
    import logging.handlers

    logger = logging.getLogger("runbook_assistant")
    if logger.handlers:
        return
    logger.setLevel(logging.INFO)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.user_data_dir() / "runbook-assistant.log", maxBytes=1_000_000, backupCount=3,
            encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)


def _headless() -> bool:
    return QGuiApplication.platformName() in ("offscreen", "minimal")


def refusal(lock: InstanceLock) -> StoreError:
    """The error for a database this app cannot lock; shown as a dialog on a real screen too."""
    if lock.held_elsewhere:
        error = StoreError(f"Runbook Assistant is already open on {lock.database}",
                           hint="switch to that window: one window at a time uses a database")
        text = translate("App", "Runbook Assistant is already open on {file}.\n\nSwitch to that "
                                "window: one window at a time uses a database.")
    else:
        error = StoreError(f"cannot create the lock file {lock.path}",
                           hint="check that the folder exists and that you may write in it")
        text = translate("App", "Runbook Assistant cannot use {file}: the lock file beside it "
                                "cannot be created. Check that the folder exists and is writable.")
    if not _headless():
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, resources.APP_NAME, text.format(file=lock.database))
    return error


def _write_ready_file(window: Any) -> None:
    target = os.environ.get(READY_FILE_ENV)
    if not target:
        return
    try:
        Path(target).write_text(f"{window.windowTitle()}\n{window.first_paint_time:.6f}\n",
                                encoding="utf-8")
    except OSError as exc:
        log.warning("cannot write %s: %s", target, exc)


def _append_ready_file(line: str) -> None:
    target = os.environ.get(READY_FILE_ENV)
    if target:
        with contextlib.suppress(OSError), open(target, "a", encoding="utf-8") as out:
            out.write(line + "\n")


def run_app(database: Path, library_dirs: Sequence[Path], lang: str | None = None,
            argv: Sequence[str] | None = None) -> int:
    """Run the desktop app until it is closed; returns the exit code.

    Raises StoreError, before anything is read, written or set up, when another instance
    has the database open.
    """
    app = create_application(argv)
    lock = InstanceLock(database)
    locked = lock.start_acquiring()  # its file's sync overlaps importing the window
    old_hook = sys.excepthook
    loader: CoreLoader | None = None
    try:
        from runbook_assistant.ui.main_window import MainWindow

        if not locked():
            # Before anything is read, written or set up: the other window is untouched.
            raise refusal(lock)
        sys.excepthook = ExceptHook()
        settings = Settings()
        translations = Translations()
        follow_settings(app, settings, translations, lang)
        window = MainWindow(settings, database=database)
        loader = CoreLoader(window, database, library_dirs, settings)
        window.first_painted.connect(lambda: _write_ready_file(window))
        window.first_painted.connect(loader.load_in_turns, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(LOAD_FALLBACK_MS, loader.load)
        window.restore_layout()
        window.show()
        window.library_view.focus_search()
        return app.exec()
    finally:
        if loader is not None:
            loader.close()
        sys.excepthook = old_hook
        locked()  # (a failure before the wait above must not release a lock still being taken)
        lock.release()
