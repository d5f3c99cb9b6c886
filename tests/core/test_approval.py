"""Approval: a signature over the file's sha256 beside the file; any edit voids it; a run keeps
the approval it ran under."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from runbook_assistant.core.authoring.approval import (
    ApprovalError,
    State,
    Status,
    approval_path,
    approval_status,
    approval_statuses,
    approve,
)
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def runbook_file(tmp_path: Path) -> Path:
    target = tmp_path / "netwerk.md"
    shutil.copy(FIXTURES / "good" / "complete-example.md", target)
    return target


def _status(path: Path, today: datetime.date | None = None) -> Status:
    today = today or NOW.date()
    runbook = parse_file(path).runbook
    return approval_status(path, runbook.sha256, runbook.review_by, today)


def test_approve_edit_void_reapprove(runbook_file: Path) -> None:
    identity = DeviceIdentity.generate()
    assert _status(runbook_file).state is State.NOT_APPROVED
    assert _status(runbook_file).reason == "never approved"
    approve(runbook_file, "  Sanne  de Vries ", identity, NOW)
    assert approval_path(runbook_file) == runbook_file.with_name("netwerk.md.approval.json")
    stored = json.loads(approval_path(runbook_file).read_text(encoding="utf-8"))
    assert (stored["approved_by"], stored["runbook_id"], stored["version"]) == (
        "Sanne de Vries", "netwerkstoring-wijziging", 5)
    status = _status(runbook_file)
    assert (status.state, status.approval.fingerprint) == (State.APPROVED, identity.fingerprint)
    assert status.warnings() == []

    runbook_file.write_text(runbook_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    void = _status(runbook_file)
    assert void.state is State.NOT_APPROVED and void.approval is None
    assert void.reason == ("edited since Sanne de Vries approved it on 2026-12-07: "
                           "the approval is void")
    assert void.record() == {"state": "not-approved", "reason": void.reason, "why": "edited",
                             "void_approved_by": "Sanne de Vries",
                             "void_approved_at": "2026-12-07T09:30:00Z",
                             "void_sha256": status.approval.sha256}

    approve(runbook_file, "Joost Bakker", identity, NOW)
    again = _status(runbook_file)
    assert (again.state, again.approval.approved_by) == (State.APPROVED, "Joost Bakker")


def test_a_changed_approval_file_is_not_an_approval(runbook_file: Path) -> None:
    approve(runbook_file, "Sanne", DeviceIdentity.generate(), NOW)
    path = approval_path(runbook_file)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data | {"approved_by": "De burgemeester"}), encoding="utf-8")
    assert _status(runbook_file).reason == "the approval's signature does not match"
    path.write_text("{not json", encoding="utf-8")
    assert _status(runbook_file).reason == "the approval file netwerk.md.approval.json is damaged"
    path.write_text(json.dumps([1, 2]), encoding="utf-8")
    assert "damaged" in _status(runbook_file).reason


def test_review_by_date_makes_an_approval_due(runbook_file: Path) -> None:
    text = runbook_file.read_text(encoding="utf-8").replace("version: 5\n",
                                                            "version: 5\nreview-by: 2026-12-01\n")
    runbook_file.write_text(text, encoding="utf-8")
    assert parse_file(runbook_file).diagnostics == ()
    approve(runbook_file, "Sanne", DeviceIdentity.generate(), NOW)
    assert _status(runbook_file, datetime.date(2026, 12, 1)).state is State.APPROVED
    due = _status(runbook_file, datetime.date(2026, 12, 2))
    assert due.state is State.REVIEW_DUE
    assert due.warnings() == ["its review was due on 2026-12-01"]
    assert due.record()["review_by"] == "2026-12-01"


def test_a_wrong_review_by_date_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\nid: x\ntitle: X\nversion: 1\nreview-by: volgend jaar\n---\n\n# X\n\n"
                    "## A\n\n- [ ] Stap\n", encoding="utf-8")
    (error,) = parse_file(path).errors
    assert (error.line, error.message) == (
        5, "'review-by' must be a date such as 2027-03-31, not 'volgend jaar'")


def test_only_a_runbook_without_errors_can_be_approved(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    shutil.copy(FIXTURES / "broken" / "bad-id.md", broken)
    with pytest.raises(ApprovalError, match=r"cannot approve broken\.md"):
        approve(broken, "Sanne", DeviceIdentity.generate(), NOW)
    foreign = tmp_path / "foreign.md"
    foreign.write_text("# Iets\n\n- stap\n", encoding="utf-8")
    with pytest.raises(ApprovalError, match="imported playbook"):
        approve(foreign, "Sanne", DeviceIdentity.generate(), NOW)
    with pytest.raises(ApprovalError, match="approver's name"):
        approve(foreign, "  ", DeviceIdentity.generate(), NOW)
    assert not approval_path(broken).exists()


def test_a_run_keeps_the_approval_it_ran_under(runbook_file: Path, engine: Engine) -> None:
    approve(runbook_file, "Sanne", DeviceIdentity.generate(), NOW)
    runbook = parse_file(runbook_file).runbook
    status = approval_status(runbook_file, runbook.sha256, runbook.review_by, NOW.date())
    event = engine.start_run(runbook, runbook_file.read_text(encoding="utf-8"), title="Storing",
                             actor="Sanne", approval=status.record())
    state = engine.state(event.run_id)
    assert state.approval["state"] == "approved"
    assert state.approval["approved_by"] == "Sanne"
    assert state.approval["sha256"] == runbook.sha256 == event.payload["approval"]["sha256"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_new_runbook_from_the_template_is_valid_and_approvable(tmp_path: Path,
                                                                 lang: str) -> None:
    from runbook_assistant.core.authoring.template import new_runbook_text

    path = tmp_path / "nieuw.md"
    path.write_text(new_runbook_text("Uitval: telefonie {x}", lang), encoding="utf-8")
    result = parse_file(path)
    assert result.diagnostics == () and result.runbook.lang == lang
    assert (result.runbook.id, result.runbook.title) == ("uitval-telefonie-x",
                                                         "Uitval: telefonie {x}")
    approve(path, "Sanne", DeviceIdentity.generate(), NOW)
    assert _status(path).state is State.APPROVED


def test_the_approval_a_run_ran_under_in_words_also_as_older_versions_recorded_it() -> None:
    from runbook_assistant.core.run.kinds import approval_text

    approved = {"state": "review-due", "approved_by": "Sanne", "approved_at":
                "2026-12-07T09:30:00Z", "fingerprint": "K7F2-9XQA-3M1D", "review_by": "2026-12-01"}
    assert approval_text(approved, "en", when=lambda at: at[:10]) == (
        "approved by Sanne on 2026-12-07 (device K7F2-9XQA-3M1D); review overdue "
        "(review by 2026-12-01)")
    assert approval_text(approved, "nl", when=lambda at: at[:10]) == (
        "goedgekeurd door Sanne op 2026-12-07 (apparaat K7F2-9XQA-3M1D); herziening te laat "
        "(herzien vóór 2026-12-01)")
    # Runs started earlier today kept only the English reason, no ``why``: still in Dutch.
    old = {"state": "not-approved", "reason": "edited since Sanne approved it on 2026-12-07: "
                                              "the approval is void"}
    assert approval_text(old, "nl") == ("NIET goedgekeurd: gewijzigd na de goedkeuring, de "
                                        "goedkeuring is vervallen")
    assert approval_text({"state": "not-approved", "reason": "never approved"}, "en") == (
        "NOT approved: never approved")
    assert approval_text({}, "en") == approval_text(None, "nl") == ""


def test_many_statuses_at_once_are_each_file_s_own_status(tmp_path: Path) -> None:
    """approval_statuses lists each folder once; its answers are approval_status's, for an
    approved, an edited, a forged, a damaged, a never approved file, one whose approval file
    differs only in letter case, and one in a folder that is gone."""
    identity = DeviceIdentity.generate()
    names = ["approved.md", "edited.md", "forged.md", "damaged.md", "never.md", "Case.md"]
    files = []
    for name in names:
        target = tmp_path / ("sub" if name == "never.md" else "") / name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURES / "good" / "complete-example.md", target)
        files.append(target)
    for target in files[:4] + files[5:]:
        approve(target, "Sanne", identity, NOW)
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    forged = approval_path(files[2])
    forged.write_text(forged.read_text(encoding="utf-8").replace("Sanne", "Bas"),
                      encoding="utf-8")
    approval_path(files[3]).write_text("{not json", encoding="utf-8")
    # Found by a case-blind file system, not by a case-sensitive one: either way the same answer.
    approval_path(files[5]).rename(tmp_path / "case.md.approval.json")
    files.append(tmp_path / "gone" / "x.md")
    wanted = [(path, parse_file(path).runbook.sha256 if path.exists() else "0" * 64,
               "2026-01-01") for path in files]
    one_by_one = [approval_status(*item, NOW.date()) for item in wanted]
    assert approval_statuses(wanted, NOW.date()) == one_by_one
    assert [s.why or s.state.value for s in one_by_one] == [
        "review-due", "edited", "signature", "damaged", "never",
        "never" if approval_path(files[5]).exists() is False else "review-due", "never"]
