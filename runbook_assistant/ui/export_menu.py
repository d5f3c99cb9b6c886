"""The Export menu: the current run in every export format, with progress, cancel and "open".

Each action loads the run (on the GUI thread: the database connection belongs to it), asks where
to save it, renders it with a progress dialog that can cancel (nothing is left behind then: the
export package writes to a temporary file and renames it), and offers to open the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.ui.errors import show_error
from runbook_assistant.ui.i18n import ui_lang

if TYPE_CHECKING:
    from runbook_assistant.core.export import FormatInfo

translate = QCoreApplication.translate


class ExportMenu:
    """An "Export" menu for the main window's current run."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.menu = QMenu(window.menuBar())
        self.menu.setObjectName("exportMenu")
        self.actions: dict[str, QAction] = {}
        # The export package (Jinja2 and all) loads on the next turn of the event loop, not while
        # the window opens the database: its formats become actions then.
        self.menu.aboutToShow.connect(self.update)
        QTimer.singleShot(0, self._formats)
        bar = window.menuBar()
        bar.insertMenu(window.actions_.view_menu.menuAction(), self.menu)
        self.menu.setTitle(translate("ExportMenu", "E&xport"))

    def _formats(self) -> tuple[FormatInfo, ...]:
        from runbook_assistant.core.export import FORMATS

        if not self.actions:
            for info in FORMATS:
                action = self.menu.addAction("")
                action.setObjectName(f"export-{info.name}")
                action.triggered.connect(lambda _checked=False, fmt=info.name: self.export(fmt))
                self.actions[info.name] = action
            self._label_actions()
        return FORMATS

    def retranslate(self) -> None:
        self.menu.setTitle(translate("ExportMenu", "E&xport"))
        self._label_actions()

    def _label_actions(self) -> None:
        if not self.actions:
            return
        from runbook_assistant.core.export import FORMATS

        lang = ui_lang()
        for info in FORMATS:
            self.actions[info.name].setText(info.label(lang) + "…")

    def update(self) -> None:
        """Enable what fits the current run: nothing without one, the debrief for exercises."""
        run_id = self.window.current_run_id()
        engine = self.window.engine
        exercise = False
        if run_id and engine is not None:
            try:
                exercise = engine.run_record(run_id).mode == "exercise"
            except RunbookAssistantError:
                run_id = ""
        for info in self._formats():
            usable = bool(run_id) and (exercise or not info.exercise_only)
            self.actions[info.name].setEnabled(usable)

    def export(self, fmt: str, path: str | None = None) -> Path | None:
        """Export the current run as ``fmt``; ``path`` skips the save dialog (scripts, tests)."""
        from runbook_assistant.core.export import (
            ExportCancelled,
            format_info,
            load_run,
            render_run,
            suggested_file_name,
        )

        window: QWidget = self.window
        run_id, engine = self.window.current_run_id(), self.window.engine
        if not run_id or engine is None:
            return None
        try:
            # The council letter is in the app's language, whatever the runbook's.
            data = load_run(engine, run_id,
                            lang=ui_lang() if fmt.startswith("letter") else None,
                            library=getattr(self.window, "library", None))
        except RunbookAssistantError as exc:
            show_error(window, exc)
            return None
        if path is None:
            info = format_info(fmt)
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
            pattern = f"*{info.extension}" if info else "*"
            path, _ = QFileDialog.getSaveFileName(
                window, translate("ExportMenu", "Export"),
                str(Path(folder) / suggested_file_name(data, fmt)), pattern)
            if not path:
                return None
        progress = QProgressDialog(translate("ExportMenu", "Exporting…"),
                                   translate("ExportMenu", "Cancel"), 0, 0, window)
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # short exports finish before it would show

        def on_progress(done: int, total: int) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, max(total, 1)))
            QCoreApplication.processEvents()  # paint the bar and see a click on Cancel

        try:
            written = render_run(data, fmt, Path(path), progress=on_progress,
                                 cancel=progress.wasCanceled)
        except ExportCancelled:
            return None
        except RunbookAssistantError as exc:
            show_error(window, exc)
            return None
        finally:
            progress.close()
        self._offer_to_open(written)
        return written

    def _offer_to_open(self, written: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, translate("ExportMenu", "Exported"),
                          translate("ExportMenu", "Written to %1").replace("%1", str(written)),
                          QMessageBox.StandardButton.Close, self.window)
        box.setObjectName("exportDone")
        open_button = box.addButton(translate("ExportMenu", "Open the result"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
