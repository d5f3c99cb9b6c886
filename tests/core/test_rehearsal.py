"""Rehearsal records (exercise runs only) and scenario drafts made from past runs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from exercise_support import load, play, session, start_drill
from hand_clock import HandClock

from runbook_assistant.core import paths
from runbook_assistant.core.exercise.rehearsal import rehearsal, scenario_from_run
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_text


def test_last_rehearsed_and_typical_duration_from_exercise_runs_only(engine: Engine,
                                                                    clock: HandClock) -> None:
    runbook, _text = load("drill.md")
    first_start = clock.now()
    play(engine, clock)
    clock.advance(7 * 24 * 60)
    second_start = clock.now()
    play(engine, clock, slow=2.0)
    clock.advance(24 * 60)
    incident = start_drill(engine, scenario=False)  # a real outage is no rehearsal
    engine.check(incident, "staff", actor="Anna")

    record = rehearsal(engine, runbook)
    assert record.exercise_runs == 2 and record.last_exercise == second_start
    appoint = record.step("appoint")
    assert appoint is not None and appoint.times == 2
    assert appoint.durations == (120.0, 240.0) and appoint.typical == 180.0
    assert appoint.last_rehearsed == second_start and first_start < second_start
    never = [s.step_id for s in record.never_rehearsed]
    assert never == ["staff", "record", "tell"]
    data = record.to_dict()
    assert data["never_rehearsed"] == never and data["steps"][0]["typical_seconds"] == 180.0


def test_a_runbook_never_exercised(engine: Engine) -> None:
    runbook, _text = load("drill.md")
    record = rehearsal(engine, runbook)
    assert record.exercise_runs == 0 and record.last_exercise is None
    assert len(record.never_rehearsed) == len(runbook.steps)


def test_a_past_incident_becomes_a_scenario_draft(engine: Engine, clock: HandClock) -> None:
    run_id = start_drill(engine, title="Storing {18 februari}", scenario=False)
    clock.advance(3)
    engine.check(run_id, "appoint", actor="Anna")
    clock.advance(4)
    engine.note(run_id, "# Bel {noodnummer} — *nu*\nen de leverancier", actor="Anna",
                step_id="freeze")
    clock.advance(8)
    engine.skip(run_id, "staff", actor="Anna", reason="only one specialist in")
    clock.advance(65)
    engine.decide(run_id, "back", "bad", actor="Anna", rationale="still down")
    engine.close(run_id, actor="Anna")

    draft = scenario_from_run(engine, run_id)
    result = parse_text(draft, "draft.md")
    assert result.runbook is not None and result.diagnostics == ()
    scenario = result.runbook
    assert scenario.kind == "exercise" and scenario.runbook == "drill"
    assert [(i.offset, i.to) for i in scenario.injects] == [
        (180, "lead"), (420, "lead"), (900, "lead"), (4800, "lead"), (5700, None)]
    assert "Anna" not in "".join(i.text for i in scenario.injects)  # no names in a scenario
    assert "(noodnummer)" in scenario.injects[1].text


def test_an_exercise_run_drafts_with_its_planned_inject_times(engine: Engine,
                                                              clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.set_speed(10, "Olaf")
    clock.advance(2.5)  # T+25: three injects went out late, all at once
    sim.tick("Olaf")
    sim.observe("slow start", "Olaf")
    draft = scenario_from_run(engine, run_id)
    result = parse_text(draft, "draft.md")
    assert result.runbook is not None and not result.errors
    texts = [(i.offset, i.text) for i in result.runbook.injects]
    assert texts[:3] == [(0, "The monitoring turns red."), (600, "The information number is down."),
                         (1200, "The alderman calls.")]
    assert not any("Exercise clock" in text for _offset, text in texts)
    assert any(text.endswith("slow start") for _offset, text in texts)


@pytest.mark.parametrize("runbook_id", ["netwerkstoring-wijziging", "network-outage-change"])
def test_drafts_of_bundled_runbooks_validate_in_the_library(engine: Engine, clock: HandClock,
                                                            tmp_path: Path,
                                                            runbook_id: str) -> None:
    library = Library([paths.bundled_runbooks_dir()], None)
    runbook = library.get(runbook_id)
    run_id = engine.start_run(runbook, library.source(runbook_id), title="Storing",
                              actor="Anna").run_id
    clock.advance(12)
    engine.service(run_id, runbook.services[0], "down", actor="Anna", note="loketten dicht")
    engine.check(run_id, "appoint-lead", actor="Anna")
    clock.moment += timedelta(hours=11, minutes=40)
    engine.service(run_id, runbook.services[0], "restored", actor="Anna")
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "draft.md").write_text(scenario_from_run(engine, run_id), encoding="utf-8")
    checked = Library([paths.bundled_runbooks_dir(), folder], None).check([folder / "draft.md"])
    assert [str(d) for entry in checked for d in entry.result.diagnostics] == []
