"""One way to show errors: a core error as a plain dialog, a bug as a dialog with details.

Views never build their own error boxes: they call ``show_error`` or wrap a core call in
``guarded``.
Unexpected exceptions (bugs) are logged with their traceback and shown, never swallowed and never
allowed to close the app.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.ui.resources import APP_NAME

log = logging.getLogger("runbook_assistant.ui")
T = TypeVar("T")
translate = QCoreApplication.translate


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent or QApplication.activeWindow()


def show_error(parent: QWidget | None, exc: RunbookAssistantError) -> None:
    """Show a core error (its message, and its hint below) in the one error dialog."""
    from PySide6.QtWidgets import QMessageBox  # on first use: it is not needed to start

    from runbook_assistant.ui.i18n import ui_lang

    lang = ui_lang()  # the core's catalogue says a coded error in the app's language
    log.info("shown to the user: %s", exc.message)
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, exc.text(lang),
                      QMessageBox.StandardButton.Ok, _parent(parent))
    box.setObjectName("errorDialog")
    hint = exc.hint_text(lang)
    if hint:
        box.setInformativeText(hint)
    box.exec()


def show_unexpected(parent: QWidget | None, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
    """Log a bug with its traceback and tell the user, who can go on working."""
    from PySide6.QtWidgets import QMessageBox

    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error\n%s", details)
    text = translate("Errors", "Something went wrong inside Runbook Assistant. What you recorded "
                               "so far is safe; you can go on working.")
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, QMessageBox.StandardButton.Ok,
                      _parent(parent))
    box.setObjectName("unexpectedErrorDialog")
    box.setInformativeText(f"{exc_type.__name__}: {exc}")
    box.setDetailedText(details)
    box.exec()


def guarded(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run one core call; a core error is shown and gives None (the view stays as it was)."""
    try:
        return action()
    except RunbookAssistantError as exc:
        show_error(parent, exc)
        return None


class ExceptHook:
    """``sys.excepthook`` for the GUI: an exception escaping a slot shows a dialog and is logged."""

    def __init__(self) -> None:
        self._showing = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, RunbookAssistantError):
            log.warning("core error reached the event loop: %s", exc.message)
            if not self._showing:
                self._show(lambda: show_error(None, exc))
            return
        if self._showing:  # an error while showing an error: log only, never loop
            log.error("unexpected error while reporting one",
                      exc_info=(exc_type, exc, tb))
            return
        self._show(lambda: show_unexpected(None, exc_type, exc, tb))

    def _show(self, show: Callable[[], None]) -> None:
        self._showing = True
        try:
            show()
        except Exception:  # the dialog itself failed; the log still has it
            log.exception("could not show the error dialog")
        finally:
            self._showing = False
