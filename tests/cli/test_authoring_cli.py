"""``import`` and ``approve`` as a user runs them: a Word draaiboek in, a runbook out, approved,
edited (the approval void), approved again, and a run that records the approval it ran under."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import ok, refused
from click.testing import CliRunner, Result
from docx_support import word_draaiboek

from runbook_assistant.cli import cli


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "draaiboeken"
    folder.mkdir()
    return folder


@pytest.fixture
def rb(db: Path, library: Path):
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(cli, ["--db", str(db), "--library", str(library), *args])
    return invoke


def _approval_of_run(rb, run_id: str) -> dict:
    shown = rb("run", "show", run_id, "--json")
    ok(shown)
    return json.loads(shown.stdout)["events"][0]["payload"]["approval"]


def test_import_approve_edit_reapprove_and_run_end_to_end(rb, tmp_path: Path,
                                                          library: Path) -> None:
    source = word_draaiboek(tmp_path / "Draaiboek netwerk.docx")
    out = library / "netwerk.md"
    result = rb("import", str(source), "-o", str(out), "--id", "netwerk-stadhuis")
    assert ok(result) == [
        f"wrote {out}: 4 sections, 7 steps, 1 message (id netwerk-stadhuis, lang nl)",
        f"wrote {library / 'netwerk.contacts.yaml'}: 2 contacts from the document's contact "
        "tables; check them and merge them into your contacts.yaml"]
    assert f"{source}:8: note: bold paragraph '**Herstel**' read as a heading" in (
        result.stderr.splitlines())
    assert ok(rb("validate", str(out))) == []

    # Not approved: the run starts, warns, and records it.
    started = rb("run", "start", "netwerk-stadhuis", "--title", "Storing", "--actor", "Sanne")
    run_id = ok(started)[-1]
    assert ("warning: runbook 'netwerk-stadhuis' version 1: this version is not approved "
            "(never approved); the run records it") in started.stderr
    assert _approval_of_run(rb, run_id) == {"state": "not-approved", "reason": "never approved",
                                            "why": "never"}

    approved = ok(rb("approve", str(out), "--as", "Sanne de Vries"))
    assert approved[0].startswith(f"approved {out} (runbook netwerk-stadhuis version 1, sha256 ")
    assert approved[1] == f"wrote {out}.approval.json"
    started = rb("run", "start", "netwerk-stadhuis", "--title", "Storing 2", "--actor", "Sanne")
    assert "warning" not in started.stderr
    record = _approval_of_run(rb, ok(started)[-1])
    assert (record["state"], record["approved_by"]) == ("approved", "Sanne de Vries")

    out.write_text(out.read_text(encoding="utf-8").replace("Bevries", "Stop"), encoding="utf-8")
    started = rb("run", "start", "netwerk-stadhuis", "--title", "Storing 3", "--actor", "Sanne")
    assert "the approval is void" in started.stderr
    assert _approval_of_run(rb, ok(started)[-1])["state"] == "not-approved"

    ok(rb("approve", str(out), "--as", "Joost Bakker"))
    started = rb("run", "start", "netwerk-stadhuis", "--title", "Storing 4", "--actor", "Sanne")
    record = _approval_of_run(rb, ok(started)[-1])
    assert (record["state"], record["approved_by"]) == ("approved", "Joost Bakker")


def test_import_refusals_are_one_error_line(rb, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    refused(rb("import", str(tmp_path / "missing.docx"), "-o", str(out)),
            f"{tmp_path / 'missing.docx'} does not exist")
    bad = tmp_path / "oud.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 an old .doc file")
    refused(rb("import", str(bad), "-o", str(out)), "oud.docx is not a Word document (.docx)")
    playbook = tmp_path / "p.md"
    playbook.write_text("# P\n\n- stap\n", encoding="utf-8")
    ok(rb("import", str(playbook), "-o", str(out)))
    refused(rb("import", str(playbook), "-o", str(out)), f"{out} exists already")
    ok(rb("import", str(playbook), "-o", str(out), "--force"))
    refused(rb("import", str(playbook), "-o", str(out), "--force", "--id", "Niet Goed"),
            "the id 'Niet Goed' is not a slug")


def test_approve_refuses_a_broken_runbook(rb, tmp_path: Path, fixtures_dir: Path) -> None:
    broken = tmp_path / "bad.md"
    broken.write_text((fixtures_dir / "broken" / "bad-id.md").read_text(encoding="utf-8"),
                      encoding="utf-8")
    refused(rb("approve", str(broken), "--as", "Sanne"), "cannot approve bad.md")
    folder = rb("approve", str(tmp_path), "--as", "Sanne")
    assert folder.exit_code == 2 and "is a directory" in folder.stderr


def test_import_and_approve_speak_dutch_with_lang_nl(rb, tmp_path: Path, library: Path) -> None:
    source = word_draaiboek(tmp_path / "Draaiboek netwerk.docx")
    out = library / "netwerk.md"
    result = rb("--lang", "nl", "import", str(source), "-o", str(out), "--id", "netwerk-stadhuis")
    assert ok(result) == [
        f"geschreven: {out}: 4 onderdelen, 7 stappen, 1 bericht (id netwerk-stadhuis, taal nl)",
        f"geschreven: {library / 'netwerk.contacts.yaml'}: 2 contacten uit de "
        "contactentabellen van het document; controleer ze en voeg ze aan je contacts.yaml toe"]
    notes = result.stderr.splitlines()
    assert f"{source}:8: opmerking: vetgedrukte alinea '**Herstel**' gelezen als kop" in notes
    assert f"{source}:1: opmerking: versie 1" in notes
    assert not [line for line in notes if ": note: " in line]

    approved = ok(rb("--lang", "nl", "approve", str(out), "--as", "Sanne de Vries"))
    assert approved[0].startswith(f"goedgekeurd: {out} (draaiboek netwerk-stadhuis versie 1, "
                                  "sha256 ")
    assert " door Sanne de Vries, apparaat " in approved[0]
    assert approved[1] == f"geschreven: {out}.approval.json"
