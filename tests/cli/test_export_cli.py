"""`export`, `checklist` and `run draft` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import ok, refused, start_run

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "export"


@pytest.fixture
def cli_library() -> Path:
    return LIBRARY


def start(ra, *extra: str) -> str:
    run_id = start_run(ra, "storing-export", *extra, title="Storing 23 november")
    ok(ra("run", "check", run_id, "coordinator", "--actor", "Anna"))
    ok(ra("run", "note", run_id, "Switch 2 geeft =SUM(A1) <b>foutcode</b>", "--actor", "Bram"))
    return run_id


def test_every_format_is_written_and_named_on_stdout(ra, tmp_path: Path, qapp: object) -> None:
    run_id = start(ra)
    for fmt, name in (("md", "t.md"), ("html", "t.html"), ("csv", "t.csv"), ("json", "t.json"),
                      ("pdf", "t.pdf"), ("report", "r.html"), ("report", "r.pdf")):
        out = tmp_path / name
        assert ok(ra("export", run_id[:8], "--format", fmt, "-o", str(out))) == [str(out)]
        assert out.stat().st_size > 200
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "<!DOCTYPE html>" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;foutcode&lt;/b&gt;" in (tmp_path / "t.html").read_text(encoding="utf-8")


def test_a_json_export_verifies_until_it_is_edited(ra, tmp_path: Path) -> None:
    run_id = start(ra)
    out = tmp_path / "run.json"
    ok(ra("export", run_id, "--format", "json", "-o", str(out)))
    verified = ra("verify", str(out))
    assert verified.exit_code == 0, verified.output
    data = json.loads(out.read_text(encoding="utf-8"))
    data["events"][1]["actor"] = "Mallory"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tampered = ra("verify", str(out))
    assert tampered.exit_code == 1 and data["events"][1]["id"] in tampered.output


def test_drafts_fill_the_report_and_checks_not_drafted_say_so(ra, tmp_path: Path) -> None:
    run_id = start(ra)
    lines = ok(ra("run", "draft", run_id, "data_damaged", "Geen bestanden beschadigd: "
                  "checksums van de shares vergeleken.", "--actor", "Eef"))
    assert len(lines[-1]) >= 16
    ok(ra("run", "draft", run_id, "cause", "Defecte kernswitch.", "--actor", "Anna"))
    out = tmp_path / "report.html"
    ok(ra("export", run_id, "--format", "report", "-o", str(out)))
    page = out.read_text(encoding="utf-8")
    assert "Geen bestanden beschadigd" in page and "Defecte kernswitch." in page
    assert page.count("nog niet gecontroleerd") == 3
    result = ra("run", "draft", run_id, "weather", "zonnig", "--actor", "Anna")
    assert result.exit_code == 2 and "weather" in result.output


def test_bad_exports_are_refused_with_one_line(ra, tmp_path: Path) -> None:
    run_id = start(ra)
    refused(ra("export", run_id, "--format", "debrief", "-o", str(tmp_path / "d.html")),
            "the debrief format needs an exercise run")
    refused(ra("export", run_id, "--format", "docx", "-o", str(tmp_path / "x.docx")),
            "unknown format 'docx'")
    refused(ra("export", "0000000000", "--format", "md", "-o", str(tmp_path / "x.md")),
            "unknown run '0000000000'")
    refused(ra("export", run_id, "--format", "md", "-o", str(tmp_path / "no" / "x.md")),
            f"cannot write {tmp_path / 'no' / 'x.md'}: the folder")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("runs.")) == []


def test_an_exercise_export_says_oefening(ra, tmp_path: Path) -> None:
    run_id = start(ra, "--exercise")
    out = tmp_path / "x.md"
    ok(ra("export", run_id, "--format", "md", "-o", str(out)))
    assert out.read_text(encoding="utf-8").startswith("# OEFENING — Storing 23 november")


def test_checklist_writes_html_or_pdf_by_extension(ra, tmp_path: Path, qapp: object) -> None:
    for name in ("sheet.html", "sheet.pdf"):
        out = tmp_path / name
        assert ok(ra("checklist", "storing-export", "-o", str(out))) == [str(out)]
    assert "#rollback-uitvoeren" in (tmp_path / "sheet.html").read_text(encoding="utf-8")
    refused(ra("checklist", "storing-export", "-o", str(tmp_path / "sheet.txt")),
            "cannot tell the checklist format")
    refused(ra("checklist", "no-such-runbook", "-o", str(tmp_path / "x.pdf")), "unknown runbook")
