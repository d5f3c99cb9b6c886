"""Render screenshots of a run in progress for the docs (offscreen, no display needed).

    python tools/run_screenshots.py [--out docs/screenshots]

Writes ``run-<lang>-<theme>.png`` for English and Dutch, light and dark: the bundled network
outage playbook seventeen minutes in, with steps done, one skipped, a note, a staffing shortfall
and an overdue step. Uses a throwaway database, settings and a fixed clock.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from screenshot_setup import HandClock, offscreen, parser, report, settle, use_look

START = datetime(2026, 11, 23, 2, 40, tzinfo=UTC)
RUNBOOK = {"en": "network-outage-change", "nl": "netwerkstoring-wijziging"}
TITLE = {"en": "Network down after change CHG-2231", "nl": "Netwerk plat na wijziging CHG-2231"}
NOTE = {"en": "Change made by one person at 02:10; console logs saved",
        "nl": "Wijziging door één persoon om 02:10; consolelogs bewaard"}
SKIP = {"en": "Everyone is in the crisis room", "nl": "Iedereen zit in de crisisruimte"}
PEOPLE = [("Anna", "incident-lead"), ("Bram", "netwerk"), ("Dewi", "communicatie")]
# (minutes after the start, who, step): what the team did before the screenshot.
DONE = [(2, "Anna", "appoint-lead"), (4, "Anna", "stop-freeze"), (5, "Bram", "record-change"),
        (7, "Anna", "check-staffing"), (9, "Anna", "inform-board"), (10, "Bram", "get-kit"),
        (12, "Bram", "console-access"), (13, "Bram", "get-backup-config"),
        (15, "Anna", "keep-log"), (16, "Anna", "inform-council")]


def main() -> int:
    args = parser(__doc__).parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = offscreen("run-screenshots-")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()  # the times shown are local: what the team reads off the wall clock

    from PySide6.QtWidgets import QApplication

    from runbook_assistant.core import paths
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.runbook.parser import parse_text
    from runbook_assistant.ui.app import create_application
    from runbook_assistant.ui.i18n import Translations
    from runbook_assistant.ui.run_view import RunView
    from runbook_assistant.ui.settings import Settings

    app = create_application([sys.argv[0]])
    translations = Translations()
    written: list[Path] = []
    for lang in ("en", "nl"):
        clock = HandClock(START)
        engine = Engine.open(tmp / f"runs-{lang}.sqlite3", clock=clock)
        text = (paths.bundled_runbooks_dir() / f"{RUNBOOK[lang]}.md").read_text(encoding="utf-8")
        runbook = parse_text(text, f"{RUNBOOK[lang]}.md").runbook
        assert runbook is not None
        run_id = engine.start_run(runbook, text, title=TITLE[lang], actor="Anna",
                                  participants=PEOPLE).run_id
        for minutes, who, step_id in DONE:
            clock.at(minutes)
            engine.check(run_id, step_id, actor=who)
            if step_id == "record-change":
                engine.note(run_id, NOTE[lang], actor="Bram", step_id=step_id)
            if step_id == "get-backup-config":
                engine.skip(run_id, "phones", actor="Anna", reason=SKIP[lang])
        clock.at(17.5)
        for scheme in ("light", "dark"):
            use_look(app, translations, lang, scheme)
            settings = Settings(tmp / f"settings-{lang}-{scheme}.ini")
            settings.actor = "Anna"
            view = RunView(engine, run_id, settings=settings)
            view.resize(1440, 900)
            view.show()
            view.select_step("check-info-number")
            settle()
            view.flush()
            view.timers.tick()
            settle()
            written.append(args.out / f"run-{lang}-{scheme}.png")
            view.grab().save(str(written[-1]))
            view.close()
            view.deleteLater()
            QApplication.processEvents()
        engine.close_store()
    translations.use("en")
    return report(written)


if __name__ == "__main__":
    sys.exit(main())
