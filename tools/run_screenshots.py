"""Render screenshots of a run in progress for the docs (offscreen, no display needed).

    python tools/run_screenshots.py [--out docs/screenshots]

Writes ``run-<lang>-<theme>.png`` for English and Dutch, light and dark: the bundled network
outage playbook seventeen minutes in, with steps done, one skipped, a note, a staffing shortfall
and an overdue step. Uses a throwaway database, settings and a fixed clock.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
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


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 23, 2, 40, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def at(self, start: datetime, minutes: float) -> None:
        self.moment = start + timedelta(minutes=minutes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="run-screenshots-"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()  # the times shown are local: what the team reads off the wall clock
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(tmp / var.lower())
    sys.path.insert(0, str(REPO))

    from PySide6.QtWidgets import QApplication

    from runbook_assistant import paths
    from runbook_assistant.core.engine import Engine
    from runbook_assistant.core.parser import parse_text
    from runbook_assistant.ui import theme
    from runbook_assistant.ui.app import create_application
    from runbook_assistant.ui.i18n import Translations
    from runbook_assistant.ui.run_view import RunView
    from runbook_assistant.ui.settings import Settings

    app = create_application([sys.argv[0]])
    translations = Translations()
    written: list[Path] = []
    for lang in ("en", "nl"):
        clock = Clock()
        engine = Engine.open(tmp / f"runs-{lang}.sqlite3", clock=clock)
        text = (paths.bundled_runbooks_dir() / f"{RUNBOOK[lang]}.md").read_text(encoding="utf-8")
        runbook = parse_text(text, f"{RUNBOOK[lang]}.md").runbook
        assert runbook is not None
        run_id = engine.start_run(runbook, text, title=TITLE[lang], actor="Anna",
                                  participants=PEOPLE).run_id
        start = clock.now()
        for minutes, who, step_id in DONE:
            clock.at(start, minutes)
            engine.check(run_id, step_id, actor=who)
            if step_id == "record-change":
                engine.note(run_id, NOTE[lang], actor="Bram", step_id=step_id)
            if step_id == "get-backup-config":
                engine.skip(run_id, "phones", actor="Anna", reason=SKIP[lang])
        clock.at(start, 17.5)
        for scheme in ("light", "dark"):
            translations.use(lang)
            theme.apply_theme(app, scheme)
            theme.apply_font_scale(app, 1.0)
            settings = Settings(tmp / f"settings-{lang}-{scheme}.ini")
            settings.actor = "Anna"
            view = RunView(engine, run_id, settings=settings)
            view.resize(1440, 900)
            view.show()
            view.select_step("check-info-number")
            for _ in range(5):
                QApplication.processEvents()
            view.flush()
            view.timers.tick()
            for _ in range(5):
                QApplication.processEvents()
            written.append(args.out / f"run-{lang}-{scheme}.png")
            view.grab().save(str(written[-1]))
            view.close()
            view.deleteLater()
            QApplication.processEvents()
        engine.close_store()
    translations.use("en")
    for path in written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
