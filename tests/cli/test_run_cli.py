"""`run ...` through click's CliRunner: output contract, errors, late entries, prefixes."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cli_support import ok, refused, run_events, start_run

from runbook_assistant.cli.common import parse_at

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "engine"
EVENT_ID = re.compile(r"^[A-Za-z0-9-]{16,}$")


@pytest.fixture
def cli_library() -> Path:
    return LIBRARY


def start(ra, *extra: str) -> str:
    return start_run(ra, "storing-test", *extra,
                     participants=("Anna=incident-lead", "Bram=netwerk"))


def test_start_prints_the_run_id_last_and_warns_about_staff(ra) -> None:
    result = ra("run", "start", "storing-test", "--title", "Storing", "--actor", "Anna",
                "--participant", "Bram=netwerk")
    run_id = ok(result)[-1]
    assert EVENT_ID.match(run_id)
    assert "warning: short of staff: Netwerkspecialist 1 of 2" in result.stderr
    data = json.loads(ra("run", "show", run_id, "--json").stdout)
    assert data["run"]["id"] == run_id and data["run"]["mode"] == "incident"
    assert data["events"][0]["kind"] == "run_started"
    assert data["state"]["shortfall"] == [{"role": "netwerk", "needed": 2, "present": 1}]


def test_each_recording_command_prints_the_committed_event_id_last(ra) -> None:
    run_id = start(ra)
    commands = [
        ("check", run_id, "coordinator", "--actor", "Anna"),
        ("skip", run_id, "bezetting", "--actor", "Anna", "--reason", "iedereen is er"),
        ("join", run_id, "Cem", "--role", "netwerk", "--actor", "Anna"),
        ("check", run_id, "rollback-uitvoeren", "--actor", "Bram", "--verified-by", "Cem"),
        ("decide", run_id, "rollback-ok", "ja", "--actor", "Anna", "--rationale", "alles ok"),
        ("uncheck", run_id, "bezetting", "--actor", "Anna"),
        ("note", run_id, "Leverancier gebeld", "--actor", "Anna"),
        ("service", run_id, "publieke", "down", "--actor", "Anna", "--note", "loketten dicht"),
        ("close", run_id, "--actor", "Anna", "--summary", "Hersteld"),
    ]
    ids = []
    for command in commands:
        lines = ok(ra("run", *command))
        assert EVENT_ID.match(lines[-1]), lines
        ids.append(lines[-1])
    logged = run_events(ra, run_id)
    assert [e["id"] for e in logged[1:]] == ids
    assert [e["kind"] for e in logged[1:]] == [
        "step_checked", "step_skipped", "participant_joined", "step_checked",
        "decision_recorded", "step_unchecked", "note_added", "service_status_changed",
        "run_closed"]
    assert logged[5]["payload"]["option"] == "herstel"
    assert logged[8]["payload"]["service"] == "Publieke Dienstverlening"


def test_the_confirmation_is_in_the_runs_language(ra) -> None:
    run_id = start(ra)
    ok(ra("run", "join", run_id, "B. de Vries", "--role", "netwerk", "--actor", "Anna"))
    lines = ok(ra("run", "check", run_id, "rollback-uitvoeren", "--actor", "Bram",
                  "--verified-by", "B. de Vries"))
    assert lines[0] == "Afgevinkt: 'Voer de rollback uit' (gecontroleerd door B. de Vries)"


def test_refusals_are_one_error_line_and_write_nothing(ra) -> None:
    run_id = start(ra)
    refused(ra("run", "check", run_id, "rollback-uitvoeren", "--actor", "Anna"),
            "'Voer de rollback uit' is a four-eyes step")
    refused(ra("run", "check", run_id, "rollback-uitvoeren", "--actor", "Anna",
               "--verified-by", "ANNA"), "the verifier must be someone other")
    refused(ra("run", "check", run_id, "herstel-diensten", "--actor", "Anna"),
            "decide 'Is het netwerk na de rollback bereikbaar?' first")
    refused(ra("run", "check", run_id, "nope", "--actor", "Anna"), "unknown step 'nope'")
    refused(ra("run", "check", "ffffffff", "coordinator", "--actor", "Anna"),
            "unknown run 'ffffffff'")
    refused(ra("run", "decide", run_id, "rollback-ok", "misschien", "--actor", "Anna"),
            "unknown option 'misschien'")
    refused(ra("run", "service", run_id, "Parkeren", "down", "--actor", "Anna"),
            "unknown service 'Parkeren'")
    refused(ra("run", "start", "no-such-runbook", "--title", "x", "--actor", "A"),
            "unknown runbook 'no-such-runbook'")
    assert len(run_events(ra, run_id)) == 1
    ok(ra("run", "close", run_id, "--actor", "Anna"))
    refused(ra("run", "check", run_id, "coordinator", "--actor", "Anna"),
            f"run {run_id} is closed")


def test_a_run_can_be_named_by_a_unique_prefix(ra) -> None:
    run_id = start(ra)
    lines = ok(ra("run", "check", run_id[:13], "coordinator", "--actor", "Anna"))
    assert EVENT_ID.match(lines[-1])
    refused(ra("run", "show", run_id[:3]), f"unknown run '{run_id[:3]}'")


def test_a_step_can_be_named_by_its_number(ra) -> None:
    run_id = start(ra)
    ok(ra("run", "skip", run_id, "2", "--actor", "Anna", "--reason", "n.v.t."))
    assert run_events(ra, run_id)[-1]["step_id"] == "bezetting"


def test_a_late_entry_keeps_when_it_happened(ra) -> None:
    run_id = start(ra)
    started = run_events(ra, run_id)[0]["wall_time"]
    lines = ok(ra("run", "check", run_id, "coordinator", "--actor", "Anna", "--at", started))
    logged = run_events(ra, run_id)[-1]
    assert logged["id"] == lines[-1] and logged["occurred_at"] == started
    text = ra("run", "show", run_id).stdout
    assert "(entered " in text and "(late entry)" in text
    refused(ra("run", "note", run_id, "x", "--actor", "Anna", "--at", "2999-01-01T00:00"),
            "a late entry must lie in the past")
    refused(ra("run", "note", run_id, "x", "--actor", "Anna", "--at", "gisteren"),
            "cannot read the time 'gisteren'")


def test_parse_at_reads_hh_mm_as_today_local_time() -> None:
    now = datetime(2026, 11, 23, 14, 30).astimezone()
    parsed = parse_at("10:47", now)
    assert parsed is not None
    assert parsed.astimezone(now.tzinfo).replace(tzinfo=None) == datetime(2026, 11, 23, 10, 47)
    assert parse_at("2026-11-23T10:47:00+00:00", now) == datetime.fromisoformat(
        "2026-11-23T10:47:00+00:00")
    assert parse_at(None) is None


def test_show_prints_steps_decisions_services_and_timeline(ra) -> None:
    run_id = start(ra)
    ok(ra("run", "check", run_id, "coordinator", "--actor", "Anna"))
    ok(ra("run", "decide", run_id, "rollback-ok", "failover", "--actor", "Anna",
          "--rationale", "14020 nog uit"))
    ok(ra("run", "service", run_id, "Sociale Zaken", "down", "--actor", "Anna"))
    text = ok(ra("run", "show", run_id))
    joined = "\n".join(text)
    assert "[x]  1. Stel de coördinator ICT-storing aan" in joined
    assert "(branch not taken)" in joined
    assert "Is het netwerk na de rollback bereikbaar? → Nee, deels of niet (#failover)" in joined
    assert "Sociale Zaken: uitgevallen" in joined
    assert "Timeline:" in joined and "Anna: Afgevinkt: 'Stel de coördinator ICT-storing aan'" \
        in joined


def test_list_shows_runs_and_filters_open_ones(ra) -> None:
    first = start(ra)
    second = start(ra)
    ok(ra("run", "close", first, "--actor", "Anna"))
    listed = json.loads(ra("run", "list", "--json").stdout)
    assert {r["run_id"] for r in listed} == {first, second}
    assert {r["run_id"]: r["closed"] for r in listed} == {first: True, second: False}
    open_runs = ok(ra("run", "list", "--open"))
    assert open_runs[0] == "Incidents (1)" and open_runs[1].startswith(f"  {second}  ")
    assert open_runs[2:] == ["Exercises (0)"]


def test_list_shows_exercises_apart_from_incidents(ra) -> None:
    incident = start(ra)
    exercise = ok(ra("run", "start", "oefening-test", "--title", "Oefening", "--actor", "Anna"))[-1]
    plain = ok(ra("run", "start", "storing-test", "--title", "Droog", "--actor", "Anna",
                  "--exercise"))[-1]
    ok(ra("run", "close", plain, "--actor", "Anna"))
    lines = ok(ra("run", "list"))
    assert [line for line in lines if not line.startswith("  ")] == ["Incidents (1)",
                                                                     "Exercises (2)"]
    assert lines[1].startswith(f"  {incident}  ")
    assert {line.split()[0] for line in lines[3:]} == {exercise, plain}
    assert any(line.endswith("Oefening  [oefening-test]") for line in lines[3:])
    open_lines = ok(ra("run", "list", "--open"))
    assert "Exercises (1)" in open_lines and plain not in "\n".join(open_lines)
    listed = json.loads(ra("run", "list", "--json").stdout)
    assert {r["run_id"]: r["mode"] for r in listed} == {
        incident: "incident", exercise: "exercise", plain: "exercise"}


def test_list_without_runs_says_so(ra) -> None:
    result = ra("run", "list")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == "no runs\n"


def test_a_scenario_starts_its_runbook_as_an_exercise(ra) -> None:
    run_id = ok(ra("run", "start", "oefening-test", "--title", "Oefening", "--actor", "Anna"))[-1]
    data = json.loads(ra("run", "show", run_id, "--json").stdout)
    assert data["run"]["runbook_id"] == "storing-test"
    assert data["run"]["mode"] == "exercise" and data["run"]["scenario_id"] == "oefening-test"
    other = ok(ra("run", "start", "storing-test", "--title", "Oefening", "--actor", "Anna",
                  "--exercise", "--scenario", "oefening-test"))[-1]
    assert json.loads(ra("run", "show", other, "--json").stdout)["run"]["scenario_id"] \
        == "oefening-test"
    plain = ok(ra("run", "start", "storing-test", "--title", "Oefening", "--actor", "Anna",
                  "--exercise"))[-1]
    assert json.loads(ra("run", "show", plain, "--json").stdout)["run"]["mode"] == "exercise"


def test_timers_show_as_overdue(ra) -> None:
    run_id = start(ra)
    started = datetime.fromisoformat(run_events(ra, run_id)[0]["wall_time"])
    data = json.loads(ra("run", "show", run_id, "--json").stdout)
    due = datetime.fromisoformat(data["state"]["steps"][0]["due_at"])
    assert due - started == timedelta(minutes=5)
