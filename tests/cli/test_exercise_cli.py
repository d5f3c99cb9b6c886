"""Exercises from the command line: start from a scenario, deliver injects from a script, debrief,
scenario drafts and rehearsal records (click's CliRunner, bundled runbooks)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cli_support import ok, refused, start_run

from runbook_assistant.core.runbook.parser import parse_text

SCENARIO = "oefening-wijziging-zonder-tweede-persoon"
RUNBOOK = "netwerkstoring-wijziging"
EVENT_ID = re.compile(r"^[A-Za-z0-9-]{16,}$")


def start(ra, *ids: str) -> str:
    return start_run(ra, *ids, title="Oefening ploeg B", actor="Olaf",
                     participants=("Anna=incident-lead", "Bram=netwerk"))


def delivered(ra, run_id: str) -> list[int]:
    data = json.loads(ra("run", "show", run_id, "--json").stdout)
    return [e["payload"]["offset"] for e in data["events"] if e["kind"] == "inject_delivered"]


def test_a_scenario_id_starts_its_runbook_as_an_exercise(ra) -> None:
    run_id = start(ra, SCENARIO)
    data = json.loads(ra("run", "show", run_id, "--json").stdout)
    assert data["run"]["mode"] == "exercise" and data["run"]["scenario_id"] == SCENARIO
    assert data["run"]["runbook_id"] == RUNBOOK
    listed = ok(ra("run", "list"))
    assert listed[0] == "Incidents (0)" and listed[1] == "Exercises (1)"
    assert listed[2].startswith(f"  {run_id}  ") and listed[2].endswith(f"[{SCENARIO}]")


def test_run_start_with_exercise_and_scenario(ra) -> None:
    run_id = start(ra, RUNBOOK, "--exercise", "--scenario", SCENARIO)
    runs = json.loads(ra("run", "list", "--json").stdout)
    assert [(r["run_id"], r["mode"], r["scenario_id"]) for r in runs] == [
        (run_id, "exercise", SCENARIO)]
    refused(ra("run", "start", "kernnetwerk-failover", "--title", "x", "--actor", "Olaf",
               "--scenario", SCENARIO),
            f"scenario '{SCENARIO}' exercises '{RUNBOOK}', not 'kernnetwerk-failover'")


def test_run_inject_delivers_the_next_one_and_then_the_due_ones(ra) -> None:
    run_id = start(ra, SCENARIO)
    lines = ok(ra("run", "inject", run_id, "--actor", "Olaf"))
    assert lines[0].startswith("Inject T+00:00: Maandag 10:47.") and EVENT_ID.match(lines[-1])
    lines = ok(ra("run", "inject", run_id, "--actor", "Olaf", "--all-due", "--at", "T+00:15"))
    assert len(lines) == 5 and "(aan Klantcontactcentrum)" in lines[3]
    again = ra("run", "inject", run_id, "--actor", "Olaf", "--all-due")
    assert again.exit_code == 0 and again.stdout == ""
    assert "the next inject is at T+00:20:00" in again.stderr
    ok(ra("run", "inject", run_id, "--actor", "Olaf"))
    assert delivered(ra, run_id) == [0, 180, 480, 720, 900, 1200]


def test_exercise_status_shows_the_clock_and_the_injects(ra) -> None:
    run_id = start(ra, SCENARIO)
    ok(ra("run", "inject", run_id, "--actor", "Olaf", "--at", "T+00:10"))
    data = json.loads(ra("exercise", "status", run_id, "--json").stdout)
    assert data["scenario_id"] == SCENARIO and data["speed"] == 1 and not data["finished"]
    assert 600 <= data["position_seconds"] < 660
    assert [i["delivered"] for i in data["injects"]][:4] == [True, True, True, False]
    text = ok(ra("exercise", "status", run_id))
    assert text[0].startswith("exercise clock T+00:10") and text[1].startswith("  [x] T+00:00")


def test_a_whole_exercise_from_a_script_then_the_debrief(ra, tmp_path: Path,
                                                         qapp: object) -> None:
    run_id = start(ra, SCENARIO)
    ok(ra("run", "inject", run_id, "--actor", "Olaf", "--at", "T+00:04"))
    ok(ra("run", "check", run_id, "appoint-lead", "--actor", "Anna"))
    observed = ok(ra("exercise", "observe", run_id, "niemand vroeg naar de tweede persoon",
                     "--actor", "Olaf", "--step", "appoint-lead"))
    assert observed[0] == ("Waarneming bij 'Stel één coördinator ICT-storing aan': "
                           "niemand vroeg naar de tweede persoon") and EVENT_ID.match(observed[-1])
    ok(ra("run", "inject", run_id, "--actor", "Olaf", "--at", "T+02:00"))
    ok(ra("run", "close", run_id, "--actor", "Olaf"))
    html = tmp_path / "debrief.html"
    assert ok(ra("export", run_id, "--format", "debrief", "-o", str(html)))[-1] == str(html)
    text = html.read_text(encoding="utf-8")
    assert "OEFENING — geen echt incident" in text and "<svg" in text
    assert "niemand vroeg naar de tweede persoon" in text
    pdf = tmp_path / "debrief.pdf"
    ok(ra("export", run_id, "--format", "debrief", "-o", str(pdf)))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_two_exercises_compared(ra, tmp_path: Path) -> None:
    first, second = start(ra, SCENARIO), start(ra, SCENARIO)
    for run_id in (first, second):
        ok(ra("run", "inject", run_id, "--actor", "Olaf", "--at", "T+00:30"))
    out = tmp_path / "both.html"
    ok(ra("exercise", "debrief", first, "--compare", second, "-o", str(out)))
    assert out.read_text(encoding="utf-8").count("<svg") == 2


def test_clock_changes_from_a_script_are_clock_events(ra) -> None:
    run_id = start(ra, SCENARIO)
    ok(ra("run", "inject", run_id, "--actor", "Olaf", "--at", "T+00:10"))
    data = json.loads(ra("run", "show", run_id, "--json").stdout)
    clock = [e["payload"] for e in data["events"] if e["kind"] == "exercise_clock"]
    assert clock == [{"speed": 1.0, "exercise_offset": 600.0, "action": "jump"}]
    assert "Oefenklok vooruitgezet naar T+00:10:00" in [r["text"] for r in data["timeline"]]
    assert not [e for e in data["events"] if e["kind"] == "note_added"]


def test_the_debrief_of_an_incident_is_refused(ra, tmp_path: Path) -> None:
    run_id = start(ra, RUNBOOK)
    refused(ra("export", run_id, "--format", "debrief", "-o", str(tmp_path / "d.html")),
            "the debrief format needs an exercise run")
    refused(ra("run", "inject", run_id, "--actor", "Olaf"), f"run {run_id} is not an exercise")
    refused(ra("exercise", "observe", run_id, "gezien", "--actor", "Olaf"),
            f"run {run_id} is not an exercise")


def test_a_bad_exercise_time_is_one_error_line(ra) -> None:
    run_id = start(ra, SCENARIO)
    refused(ra("run", "inject", run_id, "--actor", "Olaf", "--at", "half elf"),
            "cannot read the exercise time 'half elf'")


def test_exercise_draft_writes_a_scenario_that_validates(ra, tmp_path: Path) -> None:
    run_id = start(ra, RUNBOOK)
    ok(ra("run", "check", run_id, "appoint-lead", "--actor", "Anna"))
    ok(ra("run", "note", run_id, "Beheeromgeving onbereikbaar {console}", "--actor", "Bram"))
    out = tmp_path / "oefening-concept.md"
    assert ok(ra("exercise", "draft", run_id, "-o", str(out)))[-1] == str(out)
    result = parse_text(out.read_text(encoding="utf-8"), str(out))
    assert result.runbook is not None and result.runbook.runbook == RUNBOOK
    assert result.diagnostics == ()
    validated = ra("--library", str(tmp_path), "validate", str(out))
    assert validated.exit_code == 0 and validated.stdout == ""


def test_exercise_rehearsal_counts_exercises_only(ra) -> None:
    exercise = start(ra, SCENARIO)
    ok(ra("run", "check", exercise, "appoint-lead", "--actor", "Anna"))
    incident = start(ra, RUNBOOK)
    ok(ra("run", "check", incident, "stop-freeze", "--actor", "Anna"))
    data = json.loads(ra("exercise", "rehearsal", RUNBOOK, "--json").stdout)
    assert data["exercise_runs"] == 1
    steps = {s["step_id"]: s for s in data["steps"]}
    assert steps["appoint-lead"]["times_rehearsed"] == 1
    assert steps["stop-freeze"]["never_rehearsed"]
    result = ra("exercise", "rehearsal", RUNBOOK)
    lines = ok(result)
    assert lines[0].endswith("1 exercise runs, last " + lines[0].rsplit(" ", 1)[-1])
    assert any(line.startswith("  NEVER  Stop de wijziging") for line in lines)
    assert "steps never rehearsed" in result.stderr
    refused(ra("exercise", "rehearsal", SCENARIO), f"'{SCENARIO}' is a scenario")
