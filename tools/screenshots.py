"""Render the desktop app's screenshots for the docs (offscreen, no display needed).

    python tools/screenshots.py [--out docs/screenshots]

Writes, for English and Dutch, light and dark: the library, a runbook open in the reader, and the
start dialog with a staffing shortfall (``<view>-<lang>-<theme>.png``). Uses the bundled runbooks
and a throwaway database and settings, so it never touches the user's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from screenshot_setup import offscreen, parser, report, settle, use_look

RUNBOOK = {"en": "network-outage-change", "nl": "netwerkstoring-wijziging"}
SEARCH = {"en": "network", "nl": "netwerk"}
PEOPLE = [("Bram", "netwerk"), ("Chris", "communicatie")]  # one network specialist short


def main() -> int:
    args = parser(__doc__).parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = offscreen("screenshots-")

    from runbook_assistant.core import paths
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.ui.app import create_application
    from runbook_assistant.ui.i18n import Translations
    from runbook_assistant.ui.main_window import MainWindow
    from runbook_assistant.ui.settings import Settings
    from runbook_assistant.ui.start_run_dialog import StartRunDialog

    app = create_application([sys.argv[0]])
    translations = Translations()
    library = Library([paths.bundled_runbooks_dir()], tmp / "index.sqlite3")
    engine = Engine.open(tmp / "runs.sqlite3")
    written: list[Path] = []
    for lang in ("en", "nl"):
        for scheme in ("light", "dark"):
            use_look(app, translations, lang, scheme)
            window = MainWindow(Settings(tmp / f"settings-{lang}-{scheme}.ini"))
            window.resize(1280, 800)
            window.attach_library(library)
            window.attach_engine(engine, resume=False)
            window.show()
            settle()
            window.library_view.search.setText(SEARCH[lang])
            settle()
            written.append(args.out / f"library-{lang}-{scheme}.png")
            window.grab().save(str(written[-1]))

            reader = window.open_runbook(RUNBOOK[lang])
            assert reader is not None
            settle()
            written.append(args.out / f"reader-{lang}-{scheme}.png")
            window.grab().save(str(written[-1]))

            runbook = library.get(RUNBOOK[lang])
            dialog = StartRunDialog(runbook, actor="Anna", parent=window)
            for name, role in PEOPLE:
                dialog.add_participant(name, role)
            dialog.title_edit.setText(runbook.title)
            dialog.resize(760, dialog.sizeHint().height())
            dialog.show()
            settle()
            written.append(args.out / f"start-dialog-{lang}-{scheme}.png")
            dialog.grab().save(str(written[-1]))
            dialog.close()
            window.close()
            window.deleteLater()
            settle()

    engine.close_store()
    library.close()
    return report(written)


if __name__ == "__main__":
    sys.exit(main())
