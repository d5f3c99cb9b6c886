"""Make the example exports in this folder from a run of the bundled core-network playbook.

    python docs/examples/make_examples.py

The run is invented (the people come from the fictional bundled contact list) and follows the
shape of the Maastricht outage of February 2021: core switches failed, the spare did not take
over, new hardware was installed overnight, services came back residents first.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from runbook_assistant.core.comms.contacts import load_contacts  # noqa: E402
from runbook_assistant.core.export import export_checklist, export_run  # noqa: E402
from runbook_assistant.core.log.identity import DeviceIdentity  # noqa: E402
from runbook_assistant.core.run.engine import Engine  # noqa: E402
from runbook_assistant.core.runbook.parser import parse_text  # noqa: E402
from runbook_assistant.pdf import register as register_pdf  # noqa: E402

register_pdf()

RUNBOOK = ROOT / "runbooks" / "kernnetwerk-failover.md"
HERE = Path(__file__).resolve().parent
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 2, 4, 12, 40, tzinfo=UTC)  # Wednesday, 13:40 in Maastricht


class Clock:
    def __init__(self) -> None:
        self.moment = START

    def now(self) -> datetime:
        return self.moment

    def at(self, hhmm: str, day: int = 0) -> None:
        hours, minutes = (int(x) for x in hhmm.split(":"))
        local = datetime(2026, 2, 4 + day, hours, minutes, tzinfo=AMSTERDAM)
        self.moment = local.astimezone(UTC)


def play(engine: Engine, clock: Clock) -> str:
    source = RUNBOOK.read_text(encoding="utf-8")
    runbook = parse_text(source, str(RUNBOOK)).runbook
    assert runbook is not None
    run_id = engine.start_run(runbook, source, title="Storing kernnetwerk stadhuis",
                              actor="Sanne de Vries",
                              participants=[("Sanne de Vries", "incident-lead"),
                                            ("Mehmet Yilmaz", "netwerk")]).run_id
    e = engine

    def check(at: str, step: str, actor: str, verifier: str | None = None, day: int = 0,
              outcome: str | None = None) -> None:
        clock.at(at, day)
        e.check(run_id, step, actor=actor, verified_by=verifier, outcome=outcome)

    def service(at: str, name: str, status: str, note: str = "", day: int = 0) -> None:
        clock.at(at, day)
        e.service(run_id, name, status, actor="Sanne de Vries", note=note)

    check("13:42", "appoint-lead", "Sanne de Vries")
    service("13:44", "Balies voor paspoort, rijbewijs en verhuizing", "down",
            "geen verbinding met BRP")
    service("13:44", "Uitkeringen en hulp van Sociale Zaken", "down")
    service("13:45", "Bellen met de gemeente (informatienummer)", "degraded",
            "telefonie werkt, systemen niet")
    clock.at("13:50")
    e.join(run_id, "Eva Mulder", actor="Sanne de Vries", role="netwerk")
    for name, role in (("Jeroen Huisman", "applicatie"), ("Lisa de Graaf", "applicatie"),
                       ("Peter de Boer", "ciso"), ("Fatima el Amrani", "communicatie")):
        e.join(run_id, name, actor="Sanne de Vries", role=role)
    check("13:51", "check-staffing", "Sanne de Vries")
    check("13:52", "stop-freeze", "Sanne de Vries")
    check("13:55", "get-kit", "Mehmet Yilmaz")
    check("13:58", "alert-supplier", "Mehmet Yilmaz")
    check("14:05", "inform-board", "Sanne de Vries")
    clock.at("14:20")
    e.note(run_id, "Kernswitch 1 en 2: voeding in orde, poorten flappen; logregels op papier "
                   "overgenomen.", actor="Mehmet Yilmaz")
    check("14:10", "confirm-safety-systems", "Jeroen Huisman", outcome="ruled-out")
    check("14:31", "locate-failure", "Mehmet Yilmaz")
    check("14:40", "why-no-failover", "Eva Mulder")
    check("14:45", "record-timeline", "Sanne de Vries")
    clock.at("14:50")  # a step that sends a message: its text is logged with the check
    e.check(run_id, "post-website", actor="Fatima el Amrani",
            sent_text="Door een storing in het computernetwerk is de gemeente beperkt "
                      "bereikbaar. De loketten zijn alleen open voor spoedgevallen. "
                      "Volgende update om 16.00 uur.")
    check("15:02", "switchover-read-plan", "Mehmet Yilmaz", "Eva Mulder")
    check("15:10", "isolate-failed", "Mehmet Yilmaz", "Eva Mulder")
    check("15:31", "switchover-execute", "Mehmet Yilmaz", "Eva Mulder")
    check("15:45", "switchover-verify", "Eva Mulder", "Mehmet Yilmaz")
    clock.at("15:50")
    e.decide(run_id, "switchover-works", "spare-failed", actor="Sanne de Vries",
             rationale="Twee van de vier kernswitches geven dezelfde fout; de reserve neemt het "
                       "verkeer niet over. Zonder leverancier geen verdere ingreep.",
             revisit_by="18:00")
    check("15:55", "escalate-supplier", "Sanne de Vries")
    check("16:20", "escalate-manufacturer", "Sanne de Vries")
    check("16:40", "report-long-outage", "Sanne de Vries")
    clock.at("17:30")
    e.decide(run_id, "replace-or-repair-choice", "replace-hardware", actor="Sanne de Vries",
             rationale="Fabrikant: reparatie onzeker, vier nieuwe switches vannacht leverbaar. "
                       "Vervangen is de snelste zekere weg.", owner="Wouter Schouten")
    check("23:10", "load-config", "Mehmet Yilmaz", "Eva Mulder")
    check("04:35", "install-hardware", "Eva Mulder", "Mehmet Yilmaz", day=1)
    service("06:50", "Balies voor paspoort, rijbewijs en verhuizing", "restored", day=1)
    service("07:20", "Uitkeringen en hulp van Sociale Zaken", "restored", day=1)
    service("07:40", "Bellen met de gemeente (informatienummer)", "restored",
            day=1)
    check("08:05", "check-attack", "Peter de Boer", day=1, outcome="ruled-out")
    check("08:10", "confirm-no-attack", "Peter de Boer", day=1)
    check("09:10", "confirm-files-intact", "Jeroen Huisman", "Lisa de Graaf", day=1,
          outcome="ruled-out")
    clock.at("09:30", day=1)
    for field, text, actor in (
        ("summary", "Woensdagmiddag vielen vier kernswitches van het netwerk in het stadhuis "
                    "uit en nam de reserve het niet over. Na installatie van nieuwe hardware "
                    "in de nacht werkten donderdagochtend eerst de loketten en Sociale Zaken "
                    "en daarna de overige diensten weer.", "Sanne de Vries"),
        ("cause", "Een defect in vier kritieke netwerkcomponenten (kernswitches). De "
                  "automatische overschakeling naar de reserve werkte niet; de "
                  "oorzaakanalyse van de fabrikant volgt.", "Sanne de Vries"),
        ("security_incident", "Geen beveiligingsincident: geen hack of DDoS. Vastgesteld door "
                              "de CISO op basis van de firewall-logs en de analyse van de "
                              "leverancier.", "Peter de Boer"),
        ("data_damaged", "Geen bestanden beschadigd: controlegetallen van de bestandsopslag "
                         "vergeleken met de back-up van dinsdagnacht.", "Jeroen Huisman"),
        ("measures", "1. Oorzaakanalyse van leverancier en fabrikant (binnen vier weken).\n"
                     "2. Automatische overschakeling testen in een onderhoudsvenster.\n"
                     "3. Evaluatie zonder schuldvraag binnen twee weken.", "Sanne de Vries"),
    ):
        e.draft_report(run_id, field, text, actor=actor)
    clock.at("09:40", day=1)
    e.close(run_id, actor="Sanne de Vries", summary="Alle diensten werken weer.")
    # After the close: the paperwork (action items, the report made final).
    clock.at("11:00", day=1)
    e.add_action(run_id, "Automatische overschakeling testen in een onderhoudsvenster",
                 actor="Sanne de Vries", owner="Mehmet Yilmaz", due="2026-03-06",
                 runbook_id="kernnetwerk-failover")
    e.add_action(run_id, "Evaluatie zonder schuldvraag houden", actor="Sanne de Vries",
                 owner="Sanne de Vries", due="2026-02-19")
    clock.at("11:30", day=1)
    e.finalise_report(run_id, actor="Sanne de Vries")
    return run_id


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        clock = Clock()
        engine = Engine.open(Path(folder) / "example.sqlite3",
                             identity=DeviceIdentity.generate(), clock=clock)
        run_id = play(engine, clock)
        now = clock.now() + timedelta(minutes=5)
        for fmt, name in (("report", "incident-report.pdf"), ("report", "incident-report.html"),
                          ("csv", "timeline.csv"), ("md", "timeline.md"),
                          ("letter", "council-letter.pdf")):
            print(export_run(engine, run_id, fmt, HERE / name, tz=AMSTERDAM, now=now))
        print(export_run(engine, run_id, "letter", HERE / "council-letter-en.pdf", lang="en",
                         tz=AMSTERDAM, now=now))
        engine.close_store()
    runbook = parse_text(RUNBOOK.read_text(encoding="utf-8"), str(RUNBOOK)).runbook
    assert runbook is not None
    print(export_checklist(runbook, HERE / "paper-checklist.pdf", contacts=load_contacts()))


if __name__ == "__main__":
    main()
