"""Afterwards, on the command line: the report of a closed run, finalising, versions, actions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import ok, refused

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "export"


@pytest.fixture
def cli_library() -> Path:
    return LIBRARY


def closed_run(ra) -> str:
    run_id = ok(ra("run", "start", "storing-export", "--title", "Storing 23 november",
                   "--actor", "Anna", "--participant", "Anna=incident-lead"))[-1]
    ok(ra("run", "check", run_id, "coordinator", "--actor", "Anna"))
    ok(ra("run", "close", run_id, "--actor", "Anna", "--summary", "Netwerk hersteld"))
    return run_id


def report(ra, run_id: str, path: Path) -> str:
    ok(ra("export", run_id, "--format", "report", "-o", str(path), "--lang", "en"))
    return path.read_text(encoding="utf-8")


def test_a_closed_run_takes_its_report_and_a_change_after_finalising_is_version_2(
        ra, tmp_path: Path) -> None:
    run_id = closed_run(ra)
    ok(ra("run", "draft", run_id, "cause", "Vier kernswitches defect", "--actor", "Anna"))
    text = report(ra, run_id, tmp_path / "r1.html")
    assert "Vier kernswitches defect" in text
    assert "version 1, DRAFT (not finalised)" in text

    assert ok(ra("run", "finalise", run_id, "--actor", "Wethouder"))[0] == \
        "Rapport versie 1 definitief gemaakt"
    assert "version 1, final: finalised by Wethouder" in report(ra, run_id, tmp_path / "r2.html")
    refused(ra("run", "finalise", run_id, "--actor", "Wethouder"),
            "report version 1 is already final")

    ok(ra("run", "draft", run_id, "measures", "Tweede persoon bij elke wijziging",
          "--actor", "Anna"))
    text = report(ra, run_id, tmp_path / "r3.html")
    assert "version 2, DRAFT (not finalised)" in text and "Tweede persoon" in text
    ok(ra("run", "finalise", run_id, "--actor", "Wethouder"))
    assert "version 2, final" in report(ra, run_id, tmp_path / "r4.html")
    shown = json.loads(ra("run", "show", run_id, "--json").stdout)
    kinds = [e["kind"] for e in shown["events"]]
    assert kinds.count("report_finalised") == 2  # both versions stay in the log


def test_an_open_run_cannot_be_finalised_and_a_closed_one_refuses_checklist_work(ra) -> None:
    run_id = ok(ra("run", "start", "storing-export", "--title", "x", "--actor", "Anna"))[-1]
    refused(ra("run", "finalise", run_id, "--actor", "Anna"),
            "close the run before finalising its report")
    ok(ra("run", "close", run_id, "--actor", "Anna"))
    refused(ra("run", "check", run_id, "coordinator", "--actor", "Anna"),
            f"run {run_id} is closed")
    ok(ra("run", "note", run_id, "Leverancier belt terug", "--actor", "Anna"))


def test_action_items_are_listed_across_runs_and_marked_done(ra, tmp_path: Path) -> None:
    run_id = closed_run(ra)
    ok(ra("run", "action", "add", run_id, "Draaiboek aanvullen met vier-ogen-check",
          "--owner", "Bram", "--due", "2020-01-31", "--runbook", "storing-export",
          "--actor", "Anna"))
    ok(ra("run", "action", "add", run_id, "Reserveswitch testen", "--owner", "Cor",
          "--actor", "Anna"))
    lines = ok(ra("actions"))
    assert len(lines) == 2
    assert " A1   overdue  2020-01-31 Bram: Draaiboek aanvullen" in lines[0]
    assert "[runbook storing-export]" in lines[0] and "(Storing 23 november)" in lines[0]
    ok(ra("run", "action", "done", run_id, "A1", "--actor", "Bram", "--note", "gedaan"))
    listed = json.loads(ra("actions", "--open", "--json").stdout)
    assert [(a["label"], a["owner"], a["status"], a["due"]) for a in listed] == \
        [("A2", "Cor", "open", None)]
    assert "Draaiboek aanvullen" in report(ra, run_id, tmp_path / "r.html")
    refused(ra("run", "action", "done", run_id, "A1", "--actor", "Bram"),
            "action A1 is already done")
    refused(ra("run", "action", "done", run_id, "A9", "--actor", "Bram"),
            "unknown action item 'A9'")
    refused(ra("run", "action", "add", run_id, "x", "--owner", "B", "--due", "morgen",
               "--actor", "A"), "cannot read the date 'morgen'")
    refused(ra("run", "action", "add", run_id, "x", "--owner", "B", "--runbook", "nope",
               "--actor", "A"), "unknown runbook 'nope'")


def test_a_late_entry_from_before_the_close_is_still_recorded(ra) -> None:
    run_id = ok(ra("run", "start", "storing-export", "--title", "x", "--actor", "Anna"))[-1]
    shown = json.loads(ra("run", "show", run_id, "--json").stdout)
    started = shown["events"][0]["wall_time"]
    ok(ra("run", "close", run_id, "--actor", "Anna"))
    ok(ra("run", "check", run_id, "coordinator", "--actor", "Anna", "--at", started))


def test_a_service_status_that_does_not_change_is_not_recorded_again(ra, tmp_path: Path) -> None:
    run_id = ok(ra("run", "start", "storing-export", "--title", "x", "--actor", "Anna"))[-1]
    ok(ra("run", "service", run_id, "Publieke Dienstverlening", "down", "--actor", "Anna"))
    for _ in range(3):  # pressed again and again: one report
        refused(ra("run", "service", run_id, "Publieke Dienstverlening", "down",
                   "--actor", "Anna"), "Publieke Dienstverlening is already down")
    ok(ra("run", "service", run_id, "Publieke Dienstverlening", "down", "--actor", "Anna",
          "--note", "loketten dicht tot 12:00"))  # news about it is recorded
    ok(ra("run", "service", run_id, "Publieke Dienstverlening", "restored", "--actor", "Anna"))
    text = report(ra, run_id, tmp_path / "r.html")
    impact = text.split('class="impact"', 1)[1].split("</table>", 1)[0]
    assert impact.count("Publieke Dienstverlening") == 1
    assert "Informatienummer 14020" in impact and "no disruption reported" in impact


def test_checking_a_step_that_sends_a_message_logs_the_send_once(ra, tmp_path: Path) -> None:
    run_id = ok(ra("run", "start", "storing-export", "--title", "Storing 23 november",
                   "--actor", "Anna"))[-1]
    checked = ra("run", "check", run_id, "informeer", "--actor", "Dana", "--channel", "sms")
    ok(checked)
    assert "message msg-stad via sms to inwoners" in checked.stderr
    events = json.loads(ra("run", "show", run_id, "--json").stdout)["events"]
    kinds = [e["kind"] for e in events]
    assert kinds[-2:] == ["step_checked", "message_sent"]
    assert checked.stdout.splitlines()[-1] == events[-2]["id"]  # the check's id comes last
    sent = events[-1]["payload"]
    assert sent["message_id"] == "msg-stad" and sent["step"] == "informeer"
    assert sent["text"].startswith("Door een storing zijn de loketten gesloten sinds ")
    assert "{starttijd}" not in sent["text"]

    # Sent from the Messages tab (or `run message --sent`) since: checking again logs no copy.
    ok(ra("run", "message", run_id, "msg-stad", "--actor", "Dana", "--sent"))
    ok(ra("run", "uncheck", run_id, "informeer", "--actor", "Dana"))
    again = ra("run", "check", run_id, "informeer", "--actor", "Dana")
    ok(again)
    assert "message msg-stad was already logged as sent" in again.stderr
    ok(ra("run", "close", run_id, "--actor", "Anna"))
    text = report(ra, run_id, tmp_path / "r.html")
    assert "No messages were logged as sent" not in text
    assert text.count("Door een storing zijn de loketten gesloten") == 2


def test_no_send_checks_a_message_step_without_logging_a_send(ra) -> None:
    run_id = ok(ra("run", "start", "storing-export", "--title", "x", "--actor", "Anna"))[-1]
    ok(ra("run", "check", run_id, "informeer", "--actor", "Dana", "--no-send"))
    kinds = [e["kind"] for e in json.loads(ra("run", "show", run_id, "--json").stdout)["events"]]
    assert "message_sent" not in kinds
    unused = ra("run", "check", run_id, "coordinator", "--actor", "Anna", "--set", "a=b")
    ok(unused)
    assert "apply only to a step that sends a message" in unused.stderr


def test_a_message_step_checked_without_its_text_is_named_in_the_report(
        ra, tmp_path: Path) -> None:
    run_id = ok(ra("run", "start", "storing-export", "--title", "x", "--actor", "Anna"))[-1]
    ok(ra("run", "check", run_id, "informeer", "--actor", "Dana", "--no-send"))
    ok(ra("run", "close", run_id, "--actor", "Anna"))
    for name in ("r.html", "r.pdf"):
        ok(ra("export", run_id, "--format", "report", "-o", str(tmp_path / name),
              "--lang", "en"))
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No messages were logged as sent" not in text
    assert "Checked without the text that went out logged:" in text
    assert "Informeer de stad (message “msg-stad”): checked by Dana" in text
