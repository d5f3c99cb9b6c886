"""Render screenshots of the report screen and the runs archive for the docs (offscreen).

    python tools/report_screenshots.py [--out docs/screenshots]

Writes ``report-<lang>.png`` and ``archive-<lang>.png`` for English and Dutch: a core network
failure closed after the switch-over, its report half written (cause, impact, the attack ruled
out by the CISO's check step, the other checks still open, a note on a check drafted by hand),
the website message sent with its step, two action items (one overdue), and beside it an open run
and an exercise. Uses a throwaway database, settings and a fixed clock.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import shiboken6
from screenshot_setup import HandClock, offscreen, parser, report, settle, use_look

START = datetime(2021, 2, 3, 13, 20, tzinfo=UTC)
RUNBOOK = {"en": "core-network-failover", "nl": "kernnetwerk-failover"}
EXERCISE = {"en": "exercise-failover-fails", "nl": "exercise-failover-fails"}
TEXT = {
    "en": {"title": "Four core switches failed", "open": "E-mail slow at the town hall",
           "exercise": "Tabletop February", "summary": "Four core switches failed on Wednesday "
           "afternoon; the municipality was hard to reach and services stopped.",
           "cause": "A defect in four critical core switches; the switch-over to the spare did "
           "not happen. Replaced with the supplier and the manufacturer.",
           "security_incident": "No hack or DDoS attack: firewall and switch logs checked.",
           "measures": "Test the switch-over to the spare every quarter.",
           "a1": "Add a four-eyes check to the switch-over runbook",
           "a2": "Test the spare switches with the supplier",
           "website": "Because of a network failure the municipality is hard to reach. The "
           "counters are open for emergencies only. Next update at 16:00."},
    "nl": {"title": "Vier kernswitches defect", "open": "E-mail traag op het stadhuis",
           "exercise": "Oefening februari", "summary": "Woensdagmiddag vielen vier kritieke "
           "kernswitches uit; de gemeente was beperkt bereikbaar en de dienstverlening lag stil.",
           "cause": "Een defect in vier kritieke netwerkcomponenten (switches); de overschakeling "
           "naar de reserve gebeurde niet. Vervangen met de leverancier en de fabrikant.",
           "security_incident": "Geen hack of DDoS-aanval: logboeken van firewall en switches "
           "bekeken.",
           "measures": "Elk kwartaal de overschakeling naar de reserve testen.",
           "a1": "Vier-ogencontrole toevoegen aan het draaiboek voor overschakelen",
           "a2": "Reserveswitches testen met de leverancier",
           "website": "Door een storing in het computernetwerk is de gemeente beperkt "
           "bereikbaar. De loketten zijn alleen open voor spoedgevallen. Volgende update om "
           "16.00 uur."},
}


def main() -> int:
    args = parser(__doc__).parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = offscreen("report-screenshots-")

    from PySide6.QtWidgets import QApplication

    from runbook_assistant.core import paths
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.runbook.parser import parse_text
    from runbook_assistant.ui.app import create_application
    from runbook_assistant.ui.i18n import Translations
    from runbook_assistant.ui.report_view import ReportView
    from runbook_assistant.ui.runs_archive import RunsArchive

    def runbook(name: str) -> tuple[object, str]:
        text = (paths.bundled_runbooks_dir() / f"{name}.md").read_text(encoding="utf-8")
        parsed = parse_text(text, f"{name}.md").runbook
        assert parsed is not None
        return parsed, text

    app = create_application([sys.argv[0]])
    translations = Translations()
    written: list[Path] = []
    for lang in ("en", "nl"):
        t = TEXT[lang]
        clock = HandClock(START)
        engine = Engine.open(tmp / f"runs-{lang}.sqlite3", clock=clock)
        book, text = runbook(RUNBOOK[lang])
        run_id = engine.start_run(book, text, title=t["title"], actor="Anna",  # type: ignore[arg-type]
                                  participants=[("Anna", "incident-lead")]).run_id
        services = list(book.services)  # type: ignore[attr-defined]
        clock.at(5)
        for name in services[:3]:
            engine.service(run_id, name, "down", actor="Anna")
        clock.at(40)
        engine.join(run_id, "Peter", actor="Anna", role="ciso")
        engine.check(run_id, "check-attack", actor="Peter", outcome="ruled-out")
        clock.at(50)
        engine.check(run_id, "post-website", actor="Anna", sent_text=t["website"])
        clock.at(18 * 60 + 40)
        for name in services[:3]:
            engine.service(run_id, name, "restored", actor="Anna")
            clock.advance(25)
        engine.close(run_id, actor="Anna", summary=t["summary"])
        clock.advance(60)
        for field in ("cause", "security_incident", "measures"):
            engine.draft_report(run_id, field, t[field], actor="Anna")
        engine.add_action(run_id, t["a1"], actor="Anna", owner="Bram", due="2021-02-10",
                          runbook_id=RUNBOOK[lang])
        engine.add_action(run_id, t["a2"], actor="Anna", owner="Dewi", due="2021-03-31")
        other, other_text = runbook("email-outage" if lang == "en" else "email-storing")
        engine.start_run(other, other_text, title=t["open"], actor="Bram")  # type: ignore[arg-type]
        drill, drill_text = runbook(RUNBOOK[lang])
        engine.start_run(drill, drill_text, title=t["exercise"], actor="Anna",  # type: ignore[arg-type]
                         mode="exercise")
        clock.at(9 * 24 * 60)  # a week later: the first action item is overdue
        use_look(app, translations, lang, "light")
        view = ReportView(engine, run_id, actor="Anna")
        view.resize(1440, 1280)
        view.show()
        settle()
        written.append(args.out / f"report-{lang}.png")
        view.grab().save(str(written[-1]))
        view.close()
        shiboken6.delete(view)
        archive = RunsArchive(engine)
        archive.resize(1200, 640)
        archive.show()
        settle()
        archive.tables["incidents"].resizeColumnsToContents()
        archive.tables["exercises"].resizeColumnsToContents()
        settle()
        written.append(args.out / f"archive-{lang}.png")
        archive.grab().save(str(written[-1]))
        archive.close()
        shiboken6.delete(archive)  # gone before its engine closes and the language changes
        QApplication.processEvents()
        engine.close_store()
    translations.use("en")
    return report(written)


if __name__ == "__main__":
    sys.exit(main())
