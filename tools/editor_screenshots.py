"""Render screenshots of the runbook editor and the library's approval badges (offscreen).

    python tools/editor_screenshots.py [--out docs/screenshots]

A Word draaiboek is made with python-docx and imported (as ``runbook-assistant import`` does)
into a throwaway library folder; one runbook there is approved. Writes, in English and Dutch,
light and dark, ``editor-<lang>-<theme>.png``: the imported runbook in the editor with one
finding typed in, the preview beside it and the library with its approval states on the left.
"""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from screenshot_setup import REPO, offscreen, parser, report, settle, use_look


def main() -> int:
    args = parser(__doc__).parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = offscreen("editor-screenshots-")
    sys.path.insert(0, str(REPO / "tests"))
    from docx_support import word_draaiboek
    from PySide6.QtGui import QTextCursor

    from runbook_assistant.core.authoring.approval import approve
    from runbook_assistant.core.authoring.convert import import_file
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.log.identity import DeviceIdentity
    from runbook_assistant.ui.app import create_application
    from runbook_assistant.ui.i18n import Translations
    from runbook_assistant.ui.main_window import MainWindow
    from runbook_assistant.ui.settings import Settings

    folder = tmp / "draaiboeken"
    folder.mkdir()
    imported = import_file(word_draaiboek(tmp / "Draaiboek netwerk.docx"),
                           runbook_id="netwerk-stadhuis")
    target = folder / "netwerk-stadhuis.md"
    target.write_text(imported.text, encoding="utf-8")
    approved = folder / "storing-test.md"
    shutil.copy(REPO / "tests" / "fixtures" / "engine" / "storing-test.md", approved)
    approve(approved, "Sanne de Vries", DeviceIdentity.generate(), datetime.now(UTC))

    app = create_application([sys.argv[0]])
    translations = Translations()
    library = Library([folder], tmp / "index.sqlite3")
    written: list[Path] = []
    for lang in ("en", "nl"):
        for scheme in ("light", "dark"):
            use_look(app, translations, lang, scheme)
            window = MainWindow(Settings(tmp / f"settings-{lang}-{scheme}.ini"))
            window.resize(1440, 860)
            window.attach_library(library)
            window.show()
            settle()
            editor = window.authoring.open_editor(target)
            assert editor is not None
            block = editor.text.document().findBlockByNumber(13)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            editor.text.setTextCursor(cursor)
            editor.text.insertPlainText(" {role=netwerk due=5 min}")
            editor.check_now()
            editor.wait_for_check()  # the check runs in a worker; its result comes as an event
            settle()
            written.append(args.out / f"editor-{lang}-{scheme}.png")
            window.grab().save(str(written[-1]))
            editor.text.document().setModified(False)
            window.close()
            window.deleteLater()
            settle()
    library.close()
    return report(written)


if __name__ == "__main__":
    sys.exit(main())
