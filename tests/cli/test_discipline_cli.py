"""The rules of the real cases on the command line, on the bundled playbooks (the issue's
"done when"): qualified four eyes, overrides in `run show --json` and the report, legal clocks
from the moment of discovery."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from cli_support import ok, refused


def events(ra, run_id: str) -> list[dict]:
    return json.loads(ra("run", "show", run_id, "--json").stdout)["events"]


def start_network_change(ra, *extra: str) -> str:
    return ok(ra("run", "start", "network-outage-change", "--title", "18 February",
                 "--actor", "Anna", "--participant", "Anna=incident-lead",
                 "--participant", "Bram=netwerk", "--participant", "Chris=netwerk",
                 "--participant", "Dana=communicatie", *extra))[-1]


def test_four_eyes_on_the_network_change_playbook(ra) -> None:
    run_id = start_network_change(ra)
    before = len(events(ra, run_id))
    # A name that is not a participant: refused, nothing recorded.
    result = ra("run", "check", run_id, "rollback-execute", "--actor", "Bram",
                "--verified-by", "Nobody Known")
    refused(result, "'Carry out the rollback' is a four-eyes step: Nobody Known is not a "
            "participant of this run")
    assert "verify it (Network specialist): Bram, Chris" in result.stderr
    # A participant without the role: refused.
    refused(ra("run", "check", run_id, "rollback-execute", "--actor", "Bram",
               "--verified-by", "Dana"),
            "'Carry out the rollback' is a four-eyes step: Dana does not have the role "
            "Network specialist")
    assert len(events(ra, run_id)) == before
    # A present participant with the role: recorded.
    ok(ra("run", "check", run_id, "rollback-execute", "--actor", "Bram", "--verified-by", "Chris"))
    assert events(ra, run_id)[-1]["payload"] == {"verified_by": "Chris"}


def test_the_rules_refuse_in_dutch_with_lang_nl(ra) -> None:
    # The Dutch playbook, a Dutch command line: the refusal names the people and the shortfall
    # in Dutch, not in the English words the override records.
    run_id = ok(ra("run", "start", "netwerkstoring-wijziging", "--title", "18 februari",
                   "--actor", "Anna", "--participant", "Anna=incident-lead",
                   "--participant", "Bram=netwerk"))[-1]
    result = ra("--lang", "nl", "run", "check", run_id, "rollback-execute", "--actor", "Bram",
                "--verified-by", "Nobody Known")
    assert result.exit_code == 1 and result.stderr.startswith("fout: "), result.stderr
    assert ("'Draai de wijziging terug' is een vier-ogenstap: Nobody Known neemt niet deel aan "
            "deze uitvoering") in result.stderr
    assert "controleren (Netwerkspecialist): Bram" in result.stderr
    assert "vraagt meer mensen: Netwerkspecialist 2 nodig, 1 aanwezig" in result.stderr
    for english in ("four-eyes step", "Present who", "verify it", "present)", "participant"):
        assert english not in result.stderr, english


def test_an_override_after_a_refusal_shows_in_json_and_the_report(ra, tmp_path: Path) -> None:
    # The real case: one network specialist in, and nobody to verify.
    run_id = ok(ra("run", "start", "network-outage-change", "--title", "18 February",
                   "--actor", "Anna", "--participant", "Anna=incident-lead",
                   "--participant", "Bram=netwerk"))[-1]
    result = ra("run", "check", run_id, "rollback-execute", "--actor", "Bram",
                "--verified-by", "Anna")
    refused(result, "'Carry out the rollback' is a four-eyes step: Anna does not have the role")
    assert "needs 2 Network specialist (1 present)" in result.stderr
    assert "--override REASON" in result.stderr
    refused(ra("run", "check", run_id, "rollback-execute", "--actor", "Bram",
               "--verified-by", "Anna", "--override", "  "), "an override needs a reason")
    reason = "Council offices dark; supplier engineer verified by phone"
    lines = ok(ra("run", "check", run_id, "rollback-execute", "--actor", "Bram",
                  "--verified-by", "Anna", "--override", reason))
    assert f"OVERRIDE by Bram: {reason}" in lines[0]
    state = json.loads(ra("run", "show", run_id, "--json").stdout)["state"]
    (override,) = state["overrides"]
    assert (override["step_id"], override["reason"], override["by"]) == (
        "rollback-execute", reason, "Bram")
    assert "needs 2 Network specialist (1 present)" in override["refused"]
    assert f"OVERRIDE by Bram: {reason}" in ra("run", "show", run_id).stdout
    report = tmp_path / "report.html"
    ok(ra("export", run_id, "--format", "report", "-o", str(report)))
    html = report.read_text(encoding="utf-8")
    assert reason in html and 'class="override"' in html
    # the overriding check's own row of the timeline, in red
    (row,) = [r for r in html.split("\n") if r.startswith('<tr class="override">')]
    assert '<td class="who">Bram</td>' in row and reason in row
    assert "set aside by Bram" in html


def test_check_steps_need_their_outcome_and_fill_the_established_part(ra, tmp_path: Path
                                                                      ) -> None:
    run_id = start_network_change(ra, "--participant", "Eva=ciso")
    refused(ra("run", "check", run_id, "check-attack", "--actor", "Eva"),
            "'Establish whether an attack (hack, DDoS) played a part' establishes 'security': "
            "record the outcome of the check")
    ok(ra("run", "check", run_id, "check-attack", "--actor", "Eva", "--outcome", "ruled out"))
    state = json.loads(ra("run", "show", run_id, "--json").stdout)["state"]
    assert state["checks"]["security"]["outcome"] == "ruled-out"
    assert state["checks"]["security"]["by"] == "Eva"
    assert state["checks"]["personal-data"]["outcome"] is None
    letter = ok(ra("run", "message", run_id, "msg-council-letter", "--actor", "Dana"))
    text = "\n".join(letter)
    assert "- An attack (hack, DDoS): ruled out" in text
    assert "- Risk to personal data: still under investigation" in text
    report = tmp_path / "report.html"
    ok(ra("export", run_id, "--format", "report", "-o", str(report)))
    html = report.read_text(encoding="utf-8")
    established = html[html.index("<h2>Established</h2>"):html.index("What was checked")]
    assert "Establish whether an attack (hack, DDoS) played a part" in established
    assert "established by Eva" in established
    assert "personal data" not in established.casefold()
    assert "DRAFT, not established by a check" in html


def test_discovered_at_sets_the_legal_clocks(ra) -> None:
    discovered = "2026-11-20T08:30:00+00:00"
    run_id = ok(ra("run", "start", "ransomware-first-hours", "--title", "Ransom note",
                   "--actor", "Anna", "--discovered-at", discovered))[-1]
    state = json.loads(ra("run", "show", run_id, "--json").stdout)["state"]
    steps = {s["step_id"]: s for s in state["steps"]}
    assert state["discovered_at"] == "2026-11-20T08:30:00.000Z"
    assert steps["datalek-ap"]["due_at"] == "2026-11-23T08:30:00.000Z"
    assert steps["meldingen-cbw-waarschuwing"]["due_at"] == "2026-11-21T08:30:00.000Z"
    # The text form shows a deadline more than a day away with its date.
    local = datetime.fromisoformat("2026-11-23T08:30:00+00:00").astimezone()
    assert f"due {local:%Y-%m-%d %H:%M}" in ra("run", "show", run_id).stdout


def test_the_moment_of_discovery_can_be_recorded_later_and_before_the_start(ra) -> None:
    run_id = ok(ra("run", "start", "ransomware-first-hours", "--title", "Ransom note",
                   "--actor", "Anna"))[-1]
    earlier = (datetime.now().astimezone() - timedelta(days=2)).replace(microsecond=0)
    lines = ok(ra("run", "discovered", run_id, earlier.isoformat(), "--actor", "Eva"))
    assert lines[0] == f"Moment of discovery recorded: {earlier:%Y-%m-%d %H:%M}"
    state = json.loads(ra("run", "show", run_id, "--json").stdout)["state"]
    due = datetime.fromisoformat(
        {s["step_id"]: s for s in state["steps"]}["datalek-ap"]["due_at"])
    assert due == earlier + timedelta(hours=72)
    refused(ra("run", "discovered", run_id, "tomorrow", "--actor", "Eva"),
            "cannot read the time 'tomorrow'")
    future = (datetime.now().astimezone() + timedelta(hours=2)).isoformat()
    refused(ra("run", "discovered", run_id, future, "--actor", "Eva"),
            "the moment of discovery cannot lie in the future")
    refused(ra("run", "start", "ransomware-first-hours", "--title", "T", "--actor", "A",
               "--discovered-at", "25:99"), "cannot read the time '25:99'")
