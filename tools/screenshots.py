"""Render the desktop app's screenshots for the docs (offscreen, no display needed).

    python tools/screenshots.py [--out docs/screenshots]

Writes, for English and Dutch, light and dark: the library, a runbook open in the reader, and the
start dialog with a staffing shortfall (``<view>-<lang>-<theme>.png``). Uses the bundled runbooks
and a throwaway database and settings, so it never touches the user's own.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNBOOK = {"en": "network-outage-change", "nl": "netwerkstoring-wijziging"}
SEARCH = {"en": "network", "nl": "netwerk"}
PEOPLE = [("Bram", "netwerk"), ("Chris", "communicatie")]  # one network specialist short


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    tmp = Path(tempfile.mkdtemp(prefix="screenshots-"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(tmp / var.lower())
    sys.path.insert(0, str(REPO))

    from PySide6.QtWidgets import QApplication

    from runbook_assistant import paths
    from runbook_assistant.core.engine import Engine
    from runbook_assistant.core.library import Library
    from runbook_assistant.ui import theme
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

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()

    for lang in ("en", "nl"):
        for scheme in ("light", "dark"):
            translations.use(lang)
            theme.apply_theme(app, scheme)
            theme.apply_font_scale(app, 1.0)
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
    for path in written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
