"""Pieces the small entry dialogs share: their buttons, and Enter that records.

Each dialog has Cancel and one primary, default button; the button calls the dialog's own check,
which accepts only when the entries are complete. In a multi-line field Enter records as well
and Shift+Enter starts a new line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def record_buttons(dialog: QDialog, text: str, name: str,
                   on_accept: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel (rejects ``dialog``) and a primary default button ``text`` that calls
    ``on_accept``; returns the button box and the primary button (object name ``name``)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    button = QPushButton(text, dialog)
    button.setObjectName(name)
    button.setProperty("primary", True)
    button.setDefault(True)
    buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, button


def is_plain_enter(event: QEvent) -> bool:
    """A press of Enter or Return without Shift (Shift+Enter is a new line)."""
    return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
