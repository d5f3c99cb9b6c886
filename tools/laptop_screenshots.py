"""Render the whole window at a small laptop's size for the docs (offscreen, no display needed).

    python tools/laptop_screenshots.py [--out docs/screenshots] [--size 1366x768]
        [--text-scale 1.5] [--name laptop]
    QT_SCALE_FACTOR=1.5 python tools/laptop_screenshots.py --size 1280x720 --name laptop-150


Writes ``laptop-<lang>-<theme>.png`` (library pane and a run in progress, the Services tab in
front) and ``laptop-contacts-<lang>-<theme>.png`` (the Contacts tab, library pane hidden) for
English and Dutch, light and dark, at 1366×768 unless ``--size`` says otherwise: what fits on the
laptop a team really has at 3 a.m. Uses the bundled playbooks, a throwaway database and settings
and a fixed clock. ``--text-scale`` is the app's text size (View → Text size); with
``QT_SCALE_FACTOR=1.5`` and a 1280×720 window the images are what a 1920×1080 screen at 150 % shows;
``--name`` replaces ``laptop`` in the file names.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from run_screenshots import DONE, PEOPLE, RUNBOOK, TITLE
from screenshot_setup import HandClock, offscreen, parser, report, settle, use_look

START = datetime(2026, 11, 23, 2, 40, tzinfo=UTC)


def main() -> int:
    cli = parser(__doc__)
    cli.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    cli.add_argument("--text-scale", type=float, default=1.0, help="the app's text size")
    cli.add_argument("--name", default="laptop", help="the file names' first word")
    args = cli.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = offscreen("laptop-screenshots-")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()

    from PySide6.QtWidgets import QApplication

    from runbook_assistant.core import paths
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.ui.app import create_application
    from runbook_assistant.ui.i18n import Translations
    from runbook_assistant.ui.main_window import MainWindow
    from runbook_assistant.ui.settings import Settings

    app = create_application([sys.argv[0]])
    translations = Translations()
    library = Library([paths.bundled_runbooks_dir()], tmp / "index.sqlite3")
    written: list[Path] = []
    for lang in ("en", "nl"):
        clock = HandClock(START)
        engine = Engine.open(tmp / f"runs-{lang}.sqlite3", clock=clock)
        runbook = library.get(RUNBOOK[lang])
        run_id = engine.start_run(runbook, library.source(runbook.id), title=TITLE[lang],
                                  actor="Anna", participants=PEOPLE).run_id
        for minutes, who, step_id in DONE:
            clock.at(minutes)
            engine.check(run_id, step_id, actor=who)
        engine.service(run_id, runbook.services[0], "down", actor="Anna")
        engine.service(run_id, runbook.services[2], "degraded", actor="Anna")
        clock.at(17.5)
        for scheme in ("light", "dark"):
            use_look(app, translations, lang, scheme, args.text_scale)
            settings = Settings(tmp / f"settings-{lang}-{scheme}.ini")
            settings.actor = "Anna"
            window = MainWindow(settings, database=tmp / f"runs-{lang}.sqlite3")
            window.attach_library(library)
            window.attach_engine(engine, resume=False)
            window.resize(width, height)
            window.show()
            view = window.open_run(run_id)
            view.select_step("check-info-number")
            view.side.setCurrentWidget(view.side.comms["services"])
            settle()
            view.flush()
            settle()
            written.append(args.out / f"{args.name}-{lang}-{scheme}.png")
            window.grab().save(str(written[-1]))
            window.show_library_pane(False)
            view.side.setCurrentWidget(view.side.comms["contacts"])
            settle()
            written.append(args.out / f"{args.name}-contacts-{lang}-{scheme}.png")
            window.grab().save(str(written[-1]))
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        engine.close_store()
    library.close()
    translations.use("en")
    return report(written)


if __name__ == "__main__":
    sys.exit(main())
