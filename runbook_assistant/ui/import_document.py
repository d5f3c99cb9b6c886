"""Runbook → Import a document…: a Word draaiboek or another tool's Markdown into a runbook of a
user folder, as ``runbook-assistant import`` does it (one call into ``core.authoring.convert``).

The new runbook opens in the editor; a summary says what was written, and its details list every
guess of the import in the app's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from runbook_assistant.ui.errors import guarded

if TYPE_CHECKING:
    from runbook_assistant.core.authoring.convert import Imported
    from runbook_assistant.ui.authoring_actions import AuthoringActions
    from runbook_assistant.ui.runbook_editor import RunbookEditor

translate = QCoreApplication.translate


def import_document(actions: AuthoringActions) -> RunbookEditor | None:
    """Ask for a document and where to save the runbook; import, open it, say what was done."""
    from PySide6.QtWidgets import QFileDialog

    from runbook_assistant.core.authoring.convert import import_file, write_import
    from runbook_assistant.core.slug import slugify

    window = actions.window
    name, _ = QFileDialog.getOpenFileName(
        window, translate("ImportDocument", "Import a document as a runbook"),
        str(Path.home()),
        translate("ImportDocument", "Word documents and Markdown (*.docx *.md *.markdown *.txt);;"
                                    "All files (*)"))
    if not name:
        return None
    source = Path(name)
    proposed = actions.user_folder() / f"{slugify(source.stem) or 'draaiboek'}.md"
    target_name, _ = QFileDialog.getSaveFileName(
        window, translate("ImportDocument", "Save the imported runbook as"), str(proposed),
        translate("ImportDocument", "Runbooks (*.md)"))
    if not target_name:
        return None
    target = Path(target_name)  # the dialog asked before replacing a file
    imported = guarded(window, lambda: import_file(source, out_name=str(target)))
    if imported is None:
        return None
    written = guarded(window, lambda: (write_import(imported, target, source.name), True))
    if written is None:
        return None
    actions.refresh_library()
    editor = actions.open_editor(target)
    _summary(window, source, target, imported, written[0])
    return editor


def _summary(parent: object, source: Path, target: Path, imported: Imported,
             contacts: Path | None) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from runbook_assistant.ui.i18n import ui_lang

    runbook = imported.runbook
    text = translate("ImportDocument", "{source} is imported as {target}.").format(
        source=source.name, target=target.name)
    info = [translate("ImportDocument", "Sections: {sections} · steps: {steps} · message "
                      "templates: {messages}. Check it, then approve it.").format(
        sections=len(runbook.sections), steps=len(runbook.steps),
        messages=len(runbook.messages))]
    if contacts is not None:
        info.append(translate("ImportDocument", "{count} contacts from its tables are in "
                              "{file}: check them and add them to your contacts.").format(
            count=imported.contact_count, file=contacts.name))
    lang = ui_lang()
    notes = [note.line_in(lang).removeprefix(f"{note.path}:") for note in imported.notes]
    box = QMessageBox(QMessageBox.Icon.Information,
                      translate("ImportDocument", "Document imported"), text,
                      QMessageBox.StandardButton.Ok,
                      parent if isinstance(parent, QWidget) else None)
    box.setObjectName("importSummary")
    box.setInformativeText("\n\n".join(info))
    if notes:
        box.setDetailedText(translate("ImportDocument", "What the import guessed (line: note):")
                            + "\n" + "\n".join(notes))
    box.exec()
