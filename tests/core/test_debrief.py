"""The exercise debrief: figures of a fixed run, the SVG chart, HTML and PDF, two runs compared."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from exercise_support import FIXTURES, play, session, start_drill
from hand_clock import HandClock

from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.export import export_run, load_run
from runbook_assistant.core.export.debrief import export_debrief
from runbook_assistant.core.export.debrief_chart import RED, SVG_NS, chart_svg
from runbook_assistant.core.export.debrief_data import build_debrief, compare
from runbook_assistant.core.export.debrief_labels import debrief_labels
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.sync.exchange import export_bundle, import_bundle

SVG = f"{{{SVG_NS}}}"


def test_planned_against_actual_per_step(engine: Engine, clock: HandClock) -> None:
    debrief = build_debrief(load_run(engine, play(engine, clock)))
    steps = {s.step_id: s for s in debrief.steps}
    assert "record" not in steps  # the branch not taken is not part of the exercise
    assert (steps["appoint"].planned, steps["appoint"].actual) == (300, 120)
    assert steps["appoint"].verdict == "on_time"
    assert steps["freeze"].verdict == "late" and steps["freeze"].late_by == 120
    assert steps["staff"].verdict == "missed" and steps["staff"].actual is None
    assert steps["tell"].verdict == "missed"
    assert steps["escalate"].verdict == "on_time" and steps["escalate"].actual == 1800
    rollback = steps["rollback"]
    assert rollback.verdict == "done" and rollback.took == 14 * 60 and rollback.over_timebox
    assert (debrief.count("on_time"), debrief.count("late"), debrief.count("missed")) == (2, 1, 2)
    assert [s.step_id for s in debrief.missed_or_late] == ["freeze", "staff", "rollback", "tell"]
    assert debrief.end == 45 * 60


@pytest.fixture
def library() -> Library:
    return Library([FIXTURES], None)


def test_each_inject_is_judged_by_its_related_event_not_the_next(engine: Engine,
                                                                 clock: HandClock,
                                                                 library: Library) -> None:
    debrief = build_debrief(load_run(engine, play(engine, clock), library=library))
    judged = [(i.offset, i.verdict, i.reaction, i.reaction_actor) for i in debrief.injects]
    assert judged == [
        (0, "met", 120, "Anna"),  # appoint, two minutes after the monitoring turned red
        # The information number: the next event was 'freeze' at T+12, but the reaction
        # expected is telling the residents, and nobody did.
        (600, "missed", None, ""),
        (1200, "late", 600, "Anna"),  # escalated at T+30: after the five minutes asked
        (2700, "", None, "")]  # the end expects nothing
    assert debrief.injects[1].missing == ("Tell the residents",)
    assert debrief.injects[2].expected == ("Escalate to the supplier", "Is the network back?")
    assert debrief.injects[0].to == "Network specialist"
    assert debrief.injects[3].to == ""  # the end goes to everyone
    assert (debrief.reactions("met"), debrief.reactions("late"),
            debrief.reactions("missed")) == (1, 1, 1)
    assert debrief.goals == ["The lead is appointed within five minutes."]
    assert debrief.questions[0] == "Was the lead appointed before the first call came in?"


def test_without_its_scenario_the_debrief_judges_no_reaction(engine: Engine,
                                                             clock: HandClock) -> None:
    debrief = build_debrief(load_run(engine, play(engine, clock)))  # no library: no scenario
    assert [i.verdict for i in debrief.injects] == ["", "", "", ""]
    assert debrief.goals == [] and debrief.median_reaction is None


def test_lessons_are_the_runs_action_items_with_owner_and_date(engine: Engine,
                                                               clock: HandClock,
                                                               library: Library,
                                                               tmp_path: Path) -> None:
    run_id = play(engine, clock)
    engine.add_action(run_id, "Put the spare number in the crisis folder", actor="Olaf",
                      owner="Dewi", due="2026-12-31")
    debrief = build_debrief(load_run(engine, run_id, library=library))
    [lesson] = debrief.lessons
    assert (lesson.text, lesson.owner, str(lesson.due)) == (
        "Put the spare number in the crisis folder", "Dewi", "2026-12-31")
    html = export_debrief(engine, run_id, tmp_path / "d.html",
                          library=library).read_text("utf-8")
    assert "Lessons and actions" in html and "Put the spare number in the crisis folder" in html
    assert "Exercise goals" in html and "The lead is appointed within five minutes." in html
    assert "Debrief questions" in html and "Who told the residents, and when?" in html
    assert "not done: Tell the residents" in html


def test_decisions_observations_and_team_notes(engine: Engine, clock: HandClock) -> None:
    debrief = build_debrief(load_run(engine, play(engine, clock)))
    [decision] = debrief.decisions
    assert (decision.label, decision.rationale, decision.at) == (
        "No", "Outlying sites still down", 16 * 60)
    assert [(n.at, n.actor, n.text) for n in debrief.observations] == [
        (17 * 60, "Olaf", "The lead did not read the plan aloud")]
    assert [n.text for n in debrief.team_notes] == ["Supplier called back"]


def test_exercise_time_counts_when_the_clock_was_sped_up(engine: Engine,
                                                        clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.tick("Olaf")
    sim.set_speed(10, "Olaf")
    clock.advance(1.2)  # twelve exercise minutes
    engine.check(run_id, "freeze", actor="Anna")
    debrief = build_debrief(load_run(engine, run_id))
    freeze = next(s for s in debrief.steps if s.step_id == "freeze")
    assert freeze.actual == 12 * 60 and freeze.verdict == "late"
    assert [c.text for c in debrief.clock] == ["Exercise clock ×10 from T+00:00:00"]
    assert debrief.team_notes == []  # the clock is not a note


def test_only_notes_marked_by_an_observer_are_observations(engine: Engine,
                                                           clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.tick("Olaf")
    clock.advance(3)
    engine.note(run_id, "Observation: we start with the rollback", actor="Anna")
    engine.note(run_id, "Exercise clock: paused at T+00:00:00", actor="Anna")
    sim.observe("The lead hesitated", "Olaf", step_id="appoint")
    debrief = build_debrief(load_run(engine, run_id))
    assert [(n.text, n.step_title) for n in debrief.observations] == [
        ("The lead hesitated", "Appoint the lead")]
    assert [n.text for n in debrief.team_notes] == ["Observation: we start with the rollback",
                                                    "Exercise clock: paused at T+00:00:00"]
    assert debrief.clock == [] and debrief.end == 180
    assert debrief.injects[0].reaction is None  # a team note is not the reaction expected


def test_an_inject_both_laptops_delivered_counts_once_after_a_sync(tmp_path: Path,
                                                                   clock: HandClock) -> None:
    laptops = [Engine.open(tmp_path / name / "runs.sqlite3", clock=clock,
                           identity=DeviceIdentity.load_or_create(tmp_path / name))
               for name in ("a", "b")]
    a, b = laptops
    run_id = start_drill(a)
    export_bundle(a.store, tmp_path / "start.sqlite")
    import_bundle(b.store, tmp_path / "start.sqlite")
    clock.advance(1)
    for engine in laptops:  # each laptop runs the exercise clock: both deliver T+00:00
        assert len(session(engine, run_id, clock).tick("Olaf")) == 1
    export_bundle(b.store, tmp_path / "b.sqlite")
    import_bundle(a.store, tmp_path / "b.sqlite")
    assert len([e for e in a.events(run_id) if e.kind is EventKind.INJECT_DELIVERED]) == 2
    debrief = build_debrief(load_run(a, run_id))
    assert [(i.number, i.offset) for i in debrief.injects] == [(1, 0)]
    merged = session(a, run_id, clock)
    assert [i.delivered for i in merged.injects()] == [True, False, False, False]
    clock.advance(10)
    assert [e.payload["offset"] for e in merged.tick("Olaf")] == [600]
    for engine in laptops:
        engine.close_store()


def test_the_chart_is_well_formed_svg_with_a_row_per_charted_step(engine: Engine,
                                                                  clock: HandClock) -> None:
    debrief = build_debrief(load_run(engine, play(engine, clock)))
    root = ET.fromstring(chart_svg(debrief, debrief_labels("en")))
    assert root.tag == f"{SVG}svg" and root.get("viewBox", "").startswith("0 0 760 ")
    assert root.findtext(f"{SVG}title") == "Planned against actual"
    rows = [g.findtext(f"{SVG}title") for g in root.iter(f"{SVG}g")]
    assert rows == ["Appoint the lead", "Freeze all changes", "Count the network specialists",
                    "Roll back the change", "Is the network back?", "Escalate to the supplier",
                    "Tell the residents"]
    late = [c for c in root.iter(f"{SVG}circle") if c.get("fill") == RED]
    assert len(late) == 2  # the late step, and the legend
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"1", "2", "3", "4"} <= set(labels) and "T+00:40" in labels  # ticks of ten minutes


def test_the_chart_escapes_what_people_typed(engine: Engine, clock: HandClock) -> None:
    run_id = start_drill(engine)
    session(engine, run_id, clock).tick("Olaf")
    engine.check(run_id, "appoint", actor="Anna")
    debrief = build_debrief(load_run(engine, run_id))
    debrief.steps[0] = type(debrief.steps[0])(**{**debrief.steps[0].__dict__,
                                                 "title": "<script>&\"x\"</script>"})
    svg = chart_svg(debrief, debrief_labels("nl"))
    ET.fromstring(svg)
    assert "<script>" not in svg


def test_html_debrief_has_the_banner_the_chart_and_the_figures(engine: Engine,
                                                               clock: HandClock,
                                                               tmp_path: Path) -> None:
    run_id = play(engine, clock)
    target = export_run(engine, run_id, "debrief", tmp_path / "debrief.html")
    html = target.read_text(encoding="utf-8")
    assert 'class="banner">EXERCISE — not a real incident' in html
    assert "late by 2 min" in html and "no reaction stated in the scenario" in html
    assert "Outlying sites still down" in html and "The lead did not read the plan aloud" in html
    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL)
    assert svg is not None
    ET.fromstring(svg.group(0))


def test_dutch_debrief(engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    run_id = play(engine, clock)
    html = export_debrief(engine, run_id, tmp_path / "d.html", lang="nl").read_text("utf-8")
    assert "OEFENING — geen echt incident" in html and "2 min te laat" in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler)")
def test_pdf_debrief_says_exercise_on_every_page(engine: Engine, clock: HandClock,
                                                 tmp_path: Path, qapp: object) -> None:
    # qapp: a QApplication for the whole session, so the PDF code never makes a lesser one.
    run_id = play(engine, clock)
    target = export_run(engine, run_id, "debrief", tmp_path / "debrief.pdf")
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert pages and all("EXERCISE — not a real incident" in p for p in pages)
    assert "Planned against actual" in text and "late by 2 min" in text


def test_two_runs_of_one_scenario_side_by_side(engine: Engine, clock: HandClock,
                                               tmp_path: Path) -> None:
    first = play(engine, clock, title="Team A")
    clock.advance(24 * 60)
    second = play(engine, clock, slow=1.5, title="Team B")
    a = build_debrief(load_run(engine, first))
    b = build_debrief(load_run(engine, second))
    pairs = {p.step_id: p for p in compare(a, b).steps}
    assert pairs["appoint"].difference == 60  # B took three minutes instead of two
    assert pairs["freeze"].b is not None and pairs["freeze"].b.late_by == 8 * 60
    html = export_debrief(engine, first, tmp_path / "both.html",
                          compare_with=second).read_text("utf-8")
    assert "Team A" in html and "Team B" in html and "1 min slower" in html
    assert html.count("<svg") == 2


def test_only_runs_of_the_same_scenario_compare(engine: Engine, clock: HandClock) -> None:
    first = play(engine, clock)
    bare = start_drill(engine, scenario=False)
    with pytest.raises(ExportError):
        export_debrief(engine, first, "x.html", compare_with=bare)
    a = build_debrief(load_run(engine, first))
    with pytest.raises(ExportError, match="two different runs"):
        compare(a, a)


def test_an_incident_has_no_debrief(engine: Engine, tmp_path: Path) -> None:
    run_id = start_drill(engine, scenario=False)
    with pytest.raises(ExportError, match="exercise run"):
        export_run(engine, run_id, "debrief", tmp_path / "d.html")
    assert not (tmp_path / "d.html").exists()
