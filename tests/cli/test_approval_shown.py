"""The approval a run ran under, where a council or an auditor looks for it: the run's start
sentence (English and Dutch), ``run show`` (text and JSON), the incident report and its annex;
and the approval of a file as it is now in ``list`` and ``show``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import ok, ok_json, start_run

from runbook_assistant.core.authoring.template import new_runbook_text

RUNBOOK = "storing-stadhuis"


@pytest.fixture
def cli_library(tmp_path: Path) -> Path:
    folder = tmp_path / "draaiboeken"
    folder.mkdir()
    (folder / "storing.md").write_text(new_runbook_text("Storing stadhuis", "nl", RUNBOOK),
                                       encoding="utf-8")
    return folder


def _start(ra, title: str) -> str:
    return start_run(ra, RUNBOOK, title=title, actor="Sanne", participants=())


def _approval_line(ra, run_id: str) -> str:
    return next(line for line in ok(ra("run", "show", run_id)) if line.startswith("approval: "))


def _start_sentence(ra, run_id: str, lang: str, tmp_path: Path) -> str:
    out = tmp_path / f"timeline-{lang}.md"
    ok(ra("export", run_id, "--format", "md", "-o", out, "--lang", lang))
    return next(line for line in out.read_text(encoding="utf-8").splitlines()
                if "| Started '" in line or "| Gestart: '" in line)


def test_an_approved_run_says_who_approved_it_everywhere(ra, cli_library: Path,
                                                         tmp_path: Path) -> None:
    ok(ra("approve", cli_library / "storing.md", "--as", "Sanne de Vries"))
    run_id = _start(ra, "Storing 1")

    line = _approval_line(ra, run_id)
    assert re.fullmatch(r"approval: approved by Sanne de Vries on \d{4}-\d\d-\d\d \d\d:\d\d "
                        r"\(device [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\)", line), line
    state = ok_json(ra("run", "show", run_id, "--json"))["state"]
    assert (state["approval"]["state"], state["approval"]["approved_by"]) == (
        "approved", "Sanne de Vries")
    fingerprint = state["approval"]["fingerprint"]

    english = _start_sentence(ra, run_id, "en", tmp_path)
    assert "Started 'Storing 1' with runbook 'Storing stadhuis'; approved by" in english
    assert "; approved by Sanne de Vries on " in english and fingerprint in english
    dutch = _start_sentence(ra, run_id, "nl", tmp_path)
    assert "; goedgekeurd door Sanne de Vries op " in dutch and f"(apparaat {fingerprint})" in dutch

    report = tmp_path / "rapport.html"
    ok(ra("export", run_id, "--format", "report", "-o", report, "--lang", "nl"))
    html = report.read_text(encoding="utf-8")
    facts, annex = html.split('<section class="annex">')
    assert re.search(r"<th>Goedkeuring</th><td>goedgekeurd door Sanne de Vries op [^<]*"
                     rf"\(apparaat {fingerprint}\)</td>", facts)
    assert state["approval"]["sha256"] in annex and state["approval"]["signature"] in annex
    assert "Handtekening van de goedkeuring (Ed25519)" in annex


def test_an_edited_runbook_runs_with_its_void_approval_named(ra, cli_library: Path,
                                                             tmp_path: Path) -> None:
    path = cli_library / "storing.md"
    ok(ra("approve", path, "--as", "Sanne de Vries"))
    path.write_text(path.read_text(encoding="utf-8").replace("Plan de evaluatie", "Evalueer"),
                    encoding="utf-8")
    run_id = _start(ra, "Storing 2")

    assert _approval_line(ra, run_id).startswith(
        "approval: NOT approved: edited since it was approved, the approval is void "
        "(approved by Sanne de Vries on ")
    record = ok_json(ra("run", "show", run_id, "--json"))["state"]["approval"]
    assert (record["why"], record["void_approved_by"]) == ("edited", "Sanne de Vries")
    assert "approved_by" not in record and "signature" not in record
    dutch = _start_sentence(ra, run_id, "nl", tmp_path)
    assert "; NIET goedgekeurd: gewijzigd na de goedkeuring, de goedkeuring is vervallen " \
           "(goedgekeurd door Sanne de Vries op " in dutch
    report = tmp_path / "report.html"
    ok(ra("export", run_id, "--format", "report", "-o", report, "--lang", "en"))
    facts = report.read_text(encoding="utf-8").split('<section class="annex">')[0]
    assert '<th>Approval</th><td><strong class="missing">NOT approved: edited since' in facts


def test_a_never_approved_and_an_overdue_run(ra, cli_library: Path) -> None:
    run_id = _start(ra, "Storing 3")
    assert _approval_line(ra, run_id) == "approval: NOT approved: never approved"

    path = cli_library / "storing.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "version: 1\n", "version: 1\nreview-by: 2020-01-31\n"), encoding="utf-8")
    ok(ra("approve", path, "--as", "Joost"))
    overdue = _start(ra, "Storing 4")
    assert re.fullmatch(r"approval: approved by Joost on .* \(device [-0-9A-Z]+\); "
                        r"review overdue \(review by 2020-01-31\)", _approval_line(ra, overdue))


def test_list_and_show_give_the_files_approval_now(ra, cli_library: Path) -> None:
    def row() -> str:
        return next(line for line in ok(ra("list")) if line.startswith(RUNBOOK))

    assert re.fullmatch(rf"{RUNBOOK} +nl +v1 +not-approved +Storing stadhuis", row())
    assert ok_json(ra("list", "--json"))[0]["approval"] == "not-approved"
    assert "approval: NOT approved: never approved" in ok(ra("show", RUNBOOK))

    ok(ra("approve", cli_library / "storing.md", "--as", "Sanne de Vries"))
    assert re.fullmatch(rf"{RUNBOOK} +nl +v1 +approved +Storing stadhuis", row())
    dutch = [line for line in ok(ra("--lang", "nl", "list")) if line.startswith(RUNBOOK)]
    assert re.fullmatch(rf"{RUNBOOK} +nl +v1 +goedgekeurd +Storing stadhuis", dutch[0])
    shown = ok_json(ra("show", RUNBOOK, "--json"))["approval"]
    assert (shown["state"], shown["approved_by"]) == ("approved", "Sanne de Vries")
    assert any(line.startswith("goedkeuring: goedgekeurd door Sanne de Vries op ")
               for line in ok(ra("--lang", "nl", "show", RUNBOOK)))
