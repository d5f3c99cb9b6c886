"""One small dialog for a line of text: the reason for a skip, a note, who you are.

Enter saves, Shift+Enter starts a new line; the save button stays off while the text is empty.
The dialog is shown with ``open()`` (it never blocks the event loop) and reports through
``accepted``; ``text()`` holds what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from runbook_assistant.ui.dialog_parts import is_plain_enter, record_buttons

translate = QCoreApplication.translate


class TextEntryDialog(QDialog):
    """Asks for one piece of text; ``text()`` after ``accepted``."""

    def __init__(self, title: str, prompt: str, save_text: str, *, initial: str = "",
                 placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textEntryDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("textEntry")
        self.edit.setPlainText(initial)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(self.fontMetrics().height() * 6)
        self.edit.installEventFilter(self)
        self.prompt.setBuddy(self.edit)
        self.hint = QLabel(self.tr("Enter saves · Shift+Enter: new line · Esc cancels"), self)
        self.hint.setProperty("tone", "muted")
        self.buttons, self.save_button = record_buttons(self, save_text, "saveButton", self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._update)
        self._update()
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.text()))

    def _save(self) -> None:
        if self.text():
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and is_plain_enter(event):
            self._save()
            return True
        return super().eventFilter(watched, event)


def skip_dialog(step_title: str, parent: QWidget | None = None) -> TextEntryDialog:
    """Asks why a step is skipped (a skip without a reason is not recorded)."""
    dialog = TextEntryDialog(
        translate("TextEntryDialog", "Skip step"),
        translate("TextEntryDialog", "Why is “{step}” skipped? The reason goes into the log.")
        .format(step=step_title),
        translate("TextEntryDialog", "Skip step"),
        placeholder=translate("TextEntryDialog", "e.g. not needed: the supplier already did this"),
        parent=parent)
    dialog.setObjectName("skipDialog")
    return dialog


def note_dialog(step_title: str | None, parent: QWidget | None = None) -> TextEntryDialog:
    """Asks for a note (on a step, or on the run as a whole)."""
    if step_title:
        prompt = translate("TextEntryDialog", "Note on “{step}”:").format(step=step_title)
    else:
        prompt = translate("TextEntryDialog", "Note on the run:")
    dialog = TextEntryDialog(translate("TextEntryDialog", "Add note"), prompt,
                             translate("TextEntryDialog", "Save note"), parent=parent)
    dialog.setObjectName("noteDialog")
    return dialog


def actor_dialog(current: str, parent: QWidget | None = None) -> TextEntryDialog:
    """Asks who is at the keyboard (recorded as who did what)."""
    dialog = TextEntryDialog(
        translate("TextEntryDialog", "Who are you?"),
        translate("TextEntryDialog", "Your name or initials. Everything you record from now on is "
                           "recorded under this name."),
        translate("TextEntryDialog", "Use this name"), initial=current, parent=parent)
    dialog.setObjectName("actorDialog")
    return dialog


def override_dialog(refused: str, parent: QWidget | None = None) -> TextEntryDialog:
    """Asks why a rule that refuses the step (``refused``) is set aside; the reason cannot be
    empty and is recorded, in red, with who overrode."""
    dialog = TextEntryDialog(
        translate("TextEntryDialog", "Override"),
        translate("TextEntryDialog", "{refused}.\n\nRecord it anyway? Say why the rule is set "
                  "aside: the reason and your name are recorded and shown in red.")
        .format(refused=refused),
        translate("TextEntryDialog", "Record with override"),
        placeholder=translate("TextEntryDialog", "e.g. the second specialist is on the phone "
                              "and follows every command"),
        parent=parent)
    dialog.setObjectName("overrideDialog")
    return dialog
