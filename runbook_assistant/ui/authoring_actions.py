"""The Runbook menu: edit a runbook (or open any file), start a new one from the template, and
approve the one in front; and the approval question when a run starts.

Each action is one call into the core (``core.authoring``); the editor is ``runbook_editor``.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from runbook_assistant.core import paths
from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.ui.errors import guarded, show_error

if TYPE_CHECKING:
    from runbook_assistant.core.runbook.model import Runbook
    from runbook_assistant.ui.main_window import MainWindow
    from runbook_assistant.ui.runbook_editor import RunbookEditor

translate = QCoreApplication.translate


def is_bundled(path: Path) -> bool:
    """Whether a runbook file ships with the app (or cannot be written): edit a copy."""
    try:
        bundled = paths.bundled_runbooks_dir().resolve()
        if path.resolve().is_relative_to(bundled):
            return True
    except OSError:
        pass
    return path.exists() and not os.access(path, os.W_OK)


def approval_label(state: str) -> str:
    """The library's word for an approval state."""
    return {"approved": translate("Approval", "approved"),
            "review-due": translate("Approval", "review due")}.get(
        state, translate("Approval", "not approved"))


def reason_text(why: str) -> str:
    """Why a runbook is not approved, in the app's language."""
    return {
        "never": translate("Approval", "never approved"),
        "edited": translate("Approval", "edited since it was approved: the approval is void"),
        "signature": translate("Approval", "the approval's signature does not match"),
        "damaged": translate("Approval", "the approval file is damaged"),
    }.get(why, translate("Approval", "the approval file cannot be read"))


class AuthoringActions:
    """The Runbook menu of the main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.edit = self._action("editRunbook", "Ctrl+E", self.edit_current)
        self.open_file = self._action("openRunbookFile", "Ctrl+O", self.open_any_file)
        self.new = self._action("newRunbook", "Ctrl+Shift+N", self.new_runbook)
        self.import_doc = self._action("importDocument", "", self.import_document)
        self.approve = self._action("approveRunbook", "", self.approve_current)
        self.menu = QMenu(window.menuBar())
        self.menu.addActions([self.edit, self.open_file, self.new, self.import_doc])
        self.menu.addSeparator()
        self.menu.addAction(self.approve)
        window.menuBar().insertMenu(window.actions_.help_menu.menuAction(), self.menu)
        self.retranslate()

    def _action(self, name: str, keys: str, slot: Any) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(translate("AuthoringActions", "&Runbook"))
        for action, text in (
                (self.edit, translate("AuthoringActions", "&Edit runbook")),
                (self.open_file, translate("AuthoringActions", "&Open runbook file…")),
                (self.new, translate("AuthoringActions", "&New runbook…")),
                (self.import_doc, translate("AuthoringActions", "&Import a document…")),
                (self.approve, translate("AuthoringActions", "&Approve…"))):
            action.setText(text)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for action in (self.edit, self.open_file, self.new):
            text = action.text().replace("&", "").rstrip("…")
            rows.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), text))
        return rows

    # --- opening ------------------------------------------------------------------------------
    def edit_current(self) -> RunbookEditor | None:
        """Open the runbook in front (or selected in the library) in the editor."""
        window = self.window
        runbook_id = window.current_runbook_id()
        if not runbook_id or window.library is None:
            window.statusBar().showMessage(translate("AuthoringActions",
                                                     "Select a runbook first."), 5000)
            return None
        entry = guarded(window, lambda: window.library.entry(runbook_id))
        return self.open_editor(Path(entry.path)) if entry is not None else None

    def open_any_file(self) -> RunbookEditor | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window, translate("AuthoringActions", "Open a runbook file"),
            str(self._user_folder()), translate("AuthoringActions", "Runbooks (*.md)"))
        return self.open_editor(Path(name)) if name else None

    def open_editor(self, path: Path, text: str | None = None) -> RunbookEditor | None:
        """The editor tab of ``path`` (made, or brought to the front)."""
        window = self.window
        key = ("editor", str(path))
        existing = window._tabs_by_key.get(key)
        if existing is not None:
            window._activate(existing)
            return existing  # type: ignore[return-value]
        if text is None:
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                show_error(window, RunbookAssistantError(
                    translate("AuthoringActions", "{path} cannot be opened as text: {why}")
                    .format(path=path, why=getattr(exc, "strerror", None) or exc),
                    translate("AuthoringActions", "Open a Markdown file saved as UTF-8.")))
                return None
        from runbook_assistant.ui.runbook_editor import RunbookEditor

        editor = RunbookEditor(path, text, read_only=is_bundled(path), parent=window)
        editor.saved.connect(lambda saved: self._after_save(editor, Path(saved)))
        editor.approve_requested.connect(lambda _path: self.approve_file(editor.path, editor))
        editor.checked.connect(lambda: self._show_approval(editor))  # the check runs apart
        window._add_tab(key, editor, "✎ " + path.name)
        return editor

    def new_runbook(self) -> RunbookEditor | None:
        """Ask for a file in a user folder and open a new runbook from the template there."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from runbook_assistant.core.authoring.template import new_runbook_text
        from runbook_assistant.core.slug import slugify

        window = self.window
        title, ok = QInputDialog.getText(window, translate("AuthoringActions", "New runbook"),
                                         translate("AuthoringActions", "Title of the runbook:"))
        if not ok or not title.strip():
            return None
        name, _ = QFileDialog.getSaveFileName(
            window, translate("AuthoringActions", "Where to save the new runbook"),
            str(self._user_folder() / f"{slugify(title) or 'draaiboek'}.md"),
            translate("AuthoringActions", "Runbooks (*.md)"))
        if not name:
            return None
        lang = "nl" if window.settings.language.startswith("nl") else "en"
        editor = self.open_editor(Path(name), new_runbook_text(title, lang))
        if editor is not None and editor.save():
            return editor
        return editor

    def import_document(self) -> RunbookEditor | None:
        """A Word draaiboek or foreign Markdown into a runbook of a user folder."""
        from runbook_assistant.ui.import_document import import_document

        return import_document(self)

    def user_folder(self) -> Path:
        """Where new and imported runbooks are proposed: the first user folder, else home."""
        return self._user_folder()

    def _user_folder(self) -> Path:
        folders = self.window.settings.extra_folders
        return folders[0] if folders else Path.home()

    # --- after saving, approving --------------------------------------------------------------
    def _after_save(self, editor: RunbookEditor, path: Path) -> None:
        window = self.window
        old_key = next((k for k, w in window._tabs_by_key.items() if w is editor), None)
        if old_key is not None and old_key[1] != str(path):  # saved under a new name
            window._tabs_by_key.pop(old_key)
            window._tabs_by_key[("editor", str(path))] = editor
            editor.setProperty("tabKey", ["editor", str(path)])
            window._set_tab_title(editor, "✎ " + path.name)
        self._show_approval(editor)
        self.refresh_library()
        window.statusBar().showMessage(translate("AuthoringActions", "Saved {path}").format(
            path=path), 5000)

    def refresh_library(self) -> None:
        window = self.window
        if window.library is not None:
            guarded(window, window.library.refresh)
            window.library_view.set_library(window.library)

    def approve_current(self) -> None:
        window = self.window
        widget = window.tabs.currentWidget() if window.centre.currentWidget() is window.tabs \
            else None
        if widget is not None and widget.objectName() == "runbookEditor":
            self.approve_file(widget.path, widget)
            return
        runbook_id = window.current_runbook_id()
        entry = guarded(window, lambda: window.library.entry(runbook_id)) if (
            runbook_id and window.library is not None) else None
        if entry is not None:
            self.approve_file(Path(entry.path), None)

    def approve_file(self, path: Path, editor: RunbookEditor | None) -> bool:
        """Ask for the approver's name and sign the file as it is on disk."""
        from PySide6.QtWidgets import QInputDialog

        from runbook_assistant.core.authoring.approval import approve
        from runbook_assistant.core.log.identity import DeviceIdentity

        window = self.window
        if editor is not None and editor.modified:
            window.statusBar().showMessage(translate(
                "AuthoringActions", "Save the runbook before approving it."), 5000)
            return False
        name, ok = QInputDialog.getText(
            window, translate("AuthoringActions", "Approve {name}").format(name=path.name),
            translate("AuthoringActions", "Approved by (your name):"),
            text=window.settings.actor)
        if not ok:
            return False
        approval = guarded(window, lambda: approve(
            path, name, DeviceIdentity.load_or_create(), datetime.datetime.now(datetime.UTC)))
        if approval is None:
            return False
        if editor is not None:
            self._show_approval(editor)
        self.refresh_library()
        window.statusBar().showMessage(translate(
            "AuthoringActions", "Approved version {version} of {name} as {who}").format(
                version=approval.version, name=path.name, who=approval.approved_by), 8000)
        return True

    def _show_approval(self, editor: RunbookEditor) -> None:
        from runbook_assistant.core.authoring.approval import approval_status

        result = editor.result
        if result is None or result.runbook is None or editor.checking:
            editor.set_approval_text("")  # the text's own check will tell (``checked``)
            return
        status = approval_status(editor.path, result.runbook.sha256, result.runbook.review_by)
        text = approval_label(status.state.value).capitalize()
        if status.approval is None:
            text += f" ({reason_text(status.why)})"
        else:
            text += translate("AuthoringActions", " by {who} on {when}").format(
                who=status.approval.approved_by, when=status.approval.approved_at[:10])
        editor.set_approval_text(text + ".")


def approval_for_start(runbook: Runbook) -> tuple[dict[str, Any], str]:
    """The approval a run of ``runbook`` starts under, and a warning when it is not approved or
    its review is due ('' when all is well)."""
    from runbook_assistant.core.authoring.approval import approval_status

    status = approval_status(runbook.path, runbook.sha256, runbook.review_by)
    if not status.warnings():
        return status.record(), ""
    if status.approval is None:
        text = translate("AuthoringActions", "Version {version} of this runbook is not approved "
                         "({why}).").format(version=runbook.version, why=reason_text(status.why))
    else:
        text = translate("AuthoringActions", "The review of this runbook was due on {date}.")\
            .format(date=status.review_by)
    return status.record(), text + " " + translate(
        "AuthoringActions", "You can start the run; it records that it ran this version.")
