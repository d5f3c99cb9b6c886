"""A bundled scenario played through the engine: the debrief judges each inject by the reaction
the scenario expects, met, late or missed, and never by whatever happened next; a rule set aside
during the exercise stands in the debrief in red, with who and why."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hand_clock import HandClock

from runbook_assistant.core import paths
from runbook_assistant.core.comms.messages import fill_message
from runbook_assistant.core.exercise.session import ExerciseSession
from runbook_assistant.core.export import load_run
from runbook_assistant.core.export.debrief import export_debrief
from runbook_assistant.core.export.debrief_data import build_debrief
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.discipline import RuleRefusal
from runbook_assistant.core.run.engine import Engine

SCENARIO = "oefening-ddos-verkiezingsavond"
OVERRIDE_REASON = "tweede netwerkspecialist nog onderweg, de uitslag moet online"


def play_election_night(engine: Engine, clock: HandClock, library: Library) -> str:
    scenario = library.get(SCENARIO)
    runbook = library.get(scenario.runbook or "")
    source = library.entry(runbook.id).path.read_text(encoding="utf-8")
    people = [(f"{r.id} {n}", r.id) for r in runbook.roles for n in "AB"]
    run_id = engine.start_run(runbook, source, title="Verkiezingsavond", actor="Olaf",
                              participants=people, scenario_id=SCENARIO).run_id
    sim = ExerciseSession(engine, run_id, scenario, source=clock)
    start = clock.now()

    def at(minutes: float) -> None:
        clock.moment = start
        clock.advance(minutes)
        sim.tick("Olaf")

    at(0)  # T+00:00 the website is down: discovery and protection expected within 30 min
    at(5)
    engine.check(run_id, "start-ontdekking", actor="incident-lead A")
    at(10)  # T+00:10 the information number: start-koppelingen expected, never done
    at(20)  # T+00:20 the IBD calls: start-ibd expected within 15 min
    at(25)  # the next event after the T+10 inject, and not the reaction it asked for
    with pytest.raises(RuleRefusal):  # four eyes: nobody verified the redirection
        engine.check(run_id, "start-bescherming", actor="netwerk A")
    engine.check(run_id, "start-bescherming", actor="netwerk A", override=OVERRIDE_REASON)
    at(35)  # T+00:35 the mayor: the decision and informing the mayor, within 30 min
    at(40)
    engine.decide(run_id, "vaststellen-orde", "opschalen", actor="gemeentesecretaris A",
                  rationale="verkiezingsavond, demonstranten")
    at(45)
    engine.check(run_id, "opschalen-burgemeester", actor="gemeentesecretaris A")
    at(50)  # T+00:50 the broadcaster: the message and the emergency page within 45 min
    engine.check(run_id, "start-ibd", actor="incident-lead A")  # 30 min after the IBD called
    at(60)
    state = engine.state(run_id)
    template = runbook.message("msg-inwoners")
    assert template is not None
    filled = fill_message(template, state, now=clock.now())
    assert filled.text.startswith("OEFENING OEFENING OEFENING")  # an exercise says so
    engine.message_sent(run_id, "msg-inwoners", actor="communicatie A", text=filled.text,
                        channel="sociale-media", audience="inwoners")
    at(120)  # every inject out; the end of the exercise
    engine.close(run_id, actor="Olaf", summary="Einde oefening")
    return run_id


def test_the_debrief_of_a_bundled_scenario_judges_the_related_events(
        engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    library = Library([paths.bundled_runbooks_dir()], None)
    run_id = play_election_night(engine, clock, library)
    debrief = build_debrief(load_run(engine, run_id, library=library))
    verdicts = [(int(i.offset // 60), i.verdict) for i in debrief.injects]
    assert verdicts[:5] == [(0, "met"), (10, "missed"), (20, "late"), (35, "met"),
                            (50, "missed")]
    website, number, ibd, mayor, press = debrief.injects[:5]
    assert website.reaction == 25 * 60  # the protection, the last of the two expected
    assert number.reaction is None and number.missing  # not 'start-bescherming' at T+25
    assert ibd.reaction == 30 * 60 and ibd.reaction_actor == "incident-lead A"
    assert mayor.reaction == 10 * 60
    assert press.missing == ("Zet de noodpagina aan of vraag de webleverancier dat te doen",)
    assert [m.title for m in debrief.messages] == ["Website onbereikbaar"]
    assert debrief.goals[0].startswith("De DDoS-bescherming staat binnen een half uur aan")
    assert len(debrief.questions) == 4
    html = export_debrief(engine, run_id, tmp_path / "evaluatie.html",
                          library=library).read_text("utf-8")
    assert "Doelen van de oefening" in html and "Vragen voor de nabespreking" in html
    assert "gehaald" in html and "gemist" in html and "te laat" in html
    assert "Lessen en acties" in html and "Verstuurde berichten" in html


def test_an_override_in_the_exercise_stands_in_the_debrief_in_red_with_who_and_why(
        engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    library = Library([paths.bundled_runbooks_dir()], None)
    run_id = play_election_night(engine, clock, library)
    debrief = build_debrief(load_run(engine, run_id, library=library))
    [override] = debrief.overrides
    assert (override.at, override.step_id, override.by, override.reason) == (
        25 * 60, "start-bescherming", "netwerk A", OVERRIDE_REASON)
    assert "is a four-eyes step" in override.refused  # as the engine recorded it
    assert debrief.overridden == {"start-bescherming"}
    html = export_debrief(engine, run_id, tmp_path / "evaluatie.html",
                          library=library).read_text("utf-8")
    red = re.findall(r'<li class="override">(.*?)</li>', html, re.S)
    assert len(red) == 2  # the outcome's count and the override itself
    assert "1 keer een regel doorbroken" in red[0]
    # Exercise time and the clock time, as every view shows an exercise's moments.
    assert re.search(re.escape("Vraag de hostingpartij of internetaanbieder de DDoS-bescherming "
                               "aan te zetten: doorbroken door netwerk A, T+00:25 (")
                     + r"\d\d:\d\d\) — reden: " + re.escape(OVERRIDE_REASON), red[1])
    assert '<h2 class="override">Regels doorbroken</h2>' in html
    assert '<span class="override">(regel doorbroken)</span>' in html  # its row in the steps
    assert re.search(r"\.override[^{]*\{ color: var\(--alarm\)", html)  # red, as in the report


def test_a_debrief_without_overrides_has_no_override_part(
        engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    library = Library([paths.bundled_runbooks_dir()], None)
    scenario = library.get(SCENARIO)
    runbook = library.get(scenario.runbook or "")
    source = library.entry(runbook.id).path.read_text(encoding="utf-8")
    run_id = engine.start_run(runbook, source, title="Kort", actor="Olaf",
                              participants=[("netwerk A", "netwerk")],
                              scenario_id=SCENARIO).run_id
    engine.close(run_id, actor="Olaf")
    html = export_debrief(engine, run_id, tmp_path / "kort.html",
                          library=library).read_text("utf-8")
    assert "Regels doorbroken" not in html and 'class="override"' not in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler)")
def test_the_pdf_debrief_names_the_override_too(engine: Engine, clock: HandClock,
                                                tmp_path: Path, qapp: object) -> None:
    library = Library([paths.bundled_runbooks_dir()], None)
    first = play_election_night(engine, clock, library)
    second = play_election_night(engine, clock, library)
    target = export_debrief(engine, first, tmp_path / "evaluatie.pdf", library=library,
                            compare_with=second)
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "Regels doorbroken — Uitvoering A" in text and "Regels doorbroken — Uitvoering B" in text
    single = export_debrief(engine, first, tmp_path / "een.pdf", library=library)
    text = " ".join(subprocess.run(["pdftotext", str(single), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert re.search(r"doorbroken door netwerk A, T\+00:25 \(\d\d:\d\d\) — reden: "
                     + re.escape(OVERRIDE_REASON), text)
    assert "1 keer een regel doorbroken" in text
