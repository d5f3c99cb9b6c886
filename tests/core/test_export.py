"""Exports of a run: golden files per format, exercise marking, verifiable JSON, atomic writes.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 pytest tests/core``.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from export_support import (
    EXPORTED_AT,
    FIXTURES,
    INJECTION,
    make_ids_fixed,
    open_engine,
    play_run,
    start_run,
)
from hand_clock import HandClock

from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.export import (
    ExportCancelled,
    atomic,
    export_run,
    load_run,
    render_run,
    suggested_file_name,
)
from runbook_assistant.core.log.verify_sources import verify_file
from runbook_assistant.core.run.engine import Engine

GOLDEN = FIXTURES / "golden"
TEXT_FORMATS = [("md", "md"), ("html", "html"), ("csv", "csv"), ("json", "json"),
                ("report", "html")]


@pytest.fixture
def engine(tmp_path: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    make_ids_fixed(monkeypatch)
    opened = open_engine(tmp_path / "runs.sqlite3", clock)
    yield opened
    opened.close_store()


def played(engine: Engine, clock: HandClock, **kw) -> str:
    hostile = kw.pop("hostile", False)
    run_id = start_run(engine, clock, **kw)
    play_run(engine, clock, run_id, hostile=hostile)
    return run_id


def export(engine: Engine, run_id: str, fmt: str, path: Path, **kw) -> str:
    export_run(engine, run_id, fmt, path, tz=UTC, now=EXPORTED_AT, **kw)
    return path.read_bytes().decode("utf-8")


def check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(text.encode("utf-8"))
    assert golden.exists(), f"no golden file {golden}: run with UPDATE_GOLDEN=1 once"
    assert text == golden.read_bytes().decode("utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize(("fmt", "ext"), TEXT_FORMATS)
def test_each_format_matches_its_golden_file(engine: Engine, clock: HandClock, tmp_path: Path,
                                             fmt: str, ext: str) -> None:
    run_id = played(engine, clock)
    text = export(engine, run_id, fmt, tmp_path / f"out.{ext}")
    check_golden(f"incident-{fmt}.{ext}", text)


@pytest.mark.parametrize(("fmt", "ext"), TEXT_FORMATS)
def test_a_run_read_and_written_a_few_events_at_a_time_gives_the_same_file(
        engine: Engine, clock: HandClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        fmt: str, ext: str) -> None:
    # A long run is read from the database and its timeline rows are made in chunks; here the
    # chunks are a few events each, so a run of a few dozen events crosses many boundaries.
    from runbook_assistant.core.export.run_data import RunData
    from runbook_assistant.core.log import store as store_module

    chunks = RunData.timeline_chunks
    monkeypatch.setattr(store_module, "_READ_CHUNK", 2)
    monkeypatch.setattr(RunData, "timeline_chunks",
                        lambda data, size=0, **kw: chunks(data, 3, **kw))
    run_id = played(engine, clock)
    text = export(engine, run_id, fmt, tmp_path / f"out.{ext}")
    check_golden(f"incident-{fmt}.{ext}", text)


@pytest.mark.parametrize(("fmt", "ext"), [("md", "md"), ("csv", "csv")])
def test_exercise_goldens(engine: Engine, clock: HandClock, tmp_path: Path, fmt: str,
                          ext: str) -> None:
    run_id = played(engine, clock, mode="exercise", title="Oefening kernnetwerk")
    check_golden(f"exercise-{fmt}.{ext}", export(engine, run_id, fmt, tmp_path / f"x.{ext}"))


def test_an_exercise_says_so_in_every_text_format(engine: Engine, clock: HandClock,
                                                  tmp_path: Path) -> None:
    run_id = played(engine, clock, mode="exercise", title="Oefening kernnetwerk")
    md = export(engine, run_id, "md", tmp_path / "x.md")
    assert md.splitlines()[0] == "# OEFENING — Oefening kernnetwerk"
    page = export(engine, run_id, "html", tmp_path / "x.html")
    assert '<div class="banner">OEFENING — geen echt incident</div>' in page
    # The print header sits in the header row of the page frame: printed on every page.
    assert ('<thead><tr><td><div class="print-header">OEFENING — Oefening kernnetwerk</div>'
            in page)
    assert "table.page-frame > thead { display: table-header-group; }" in page
    report = export(engine, run_id, "report", tmp_path / "r.html")
    assert '<div class="banner">OEFENING' in report
    rows = list(csv.reader(io.StringIO(export(engine, run_id, "csv", tmp_path / "x.csv")),
                           delimiter=";"))  # a Dutch run: Dutch Excel's separator
    assert all(row[0] == "OEFENING" for row in rows[1:]) and len(rows) > 10
    data = json.loads(export(engine, run_id, "json", tmp_path / "x.json"))
    assert next(iter(data)) == "mode" and data["mode"] == "exercise"


def test_an_incident_does_not_say_exercise(engine: Engine, clock: HandClock,
                                           tmp_path: Path) -> None:
    run_id = played(engine, clock)
    for fmt, ext in TEXT_FORMATS:
        text = export(engine, run_id, fmt, tmp_path / f"i.{ext}")
        assert "OEFENING" not in text and "EXERCISE" not in text


def test_the_json_export_verifies_and_a_tampered_copy_does_not(engine: Engine, clock: HandClock,
                                                               tmp_path: Path) -> None:
    run_id = played(engine, clock)
    path = tmp_path / "run.json"
    text = export(engine, run_id, "json", path)
    report = verify_file(path)
    assert report.ok and report.events_checked == 19 and report.chains_checked == 1
    data = json.loads(text)
    assert {"events", "devices", "chain_heads"} <= set(data)
    assert data["devices"][0]["public_key"] and data["chain_heads"][0]["sig"]
    assert "coördinator" in text  # UTF-8, not \u escapes

    note = next(e for e in data["events"] if e["kind"] == "note_added")
    note["payload"]["text"] = "Switch 2 was prima"
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = verify_file(tampered)
    assert not result.ok and result.first_problem is not None
    assert result.first_problem.event_id == note["id"]

    data = json.loads(text)
    del data["events"][-1]  # the last event removed: the signed chain head gives it away
    tampered.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert not verify_file(tampered).ok


def test_typed_text_stays_inert_in_every_format(engine: Engine, clock: HandClock,
                                                tmp_path: Path) -> None:
    run_id = played(engine, clock, hostile=True, title="<img src=x onerror=alert(1)> =1+1")
    page = export(engine, run_id, "html", tmp_path / "x.html")
    report = export(engine, run_id, "report", tmp_path / "r.html")
    for html in (page, report):
        assert "<script" not in html and "<img" not in html and "\x07" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    md = export(engine, run_id, "md", tmp_path / "x.md")
    assert "[link](javascript" not in md and "\\[link\\](javascript:x)" in md
    assert "<script>" not in md and "\\*\\*vet\\*\\*" in md and "\x07" not in md
    assert "\\|" in md  # a pipe in a note does not split the table row
    rows = list(csv.reader(io.StringIO(export(engine, run_id, "csv", tmp_path / "x.csv",
                                              csv_dialect="excel"))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'@Dana" in cells and not any("\x07" in c for c in cells)
    text = export(engine, run_id, "json", tmp_path / "x.json")
    assert verify_file(tmp_path / "x.json").ok  # the record itself is kept exactly as typed
    assert INJECTION.replace("\x07", "") not in text and "\\u0007" in text


def test_the_report_states_what_was_checked_and_what_not(engine: Engine, clock: HandClock,
                                                         tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    play_run(engine, clock, run_id, close=False)
    engine.draft_report(run_id, "cause", "Tweede versie van de oorzaak.", actor="Bram")
    report = export(engine, run_id, "report", tmp_path / "r.html")
    assert "Geen aanwijzingen voor een aanval" in report  # drafted
    assert report.count("nog niet gecontroleerd") == 3  # data, personal data, other checks
    assert "Tweede versie van de oorzaak." in report and "Defecte kernswitch" not in report
    assert "58 min" in report  # Publieke Dienstverlening down 09:05, restored 10:03
    assert "6HTG-Z65X-B7YF" in report  # the signing device's fingerprint anchors the record
    english = export(engine, run_id, "report", tmp_path / "en.html", lang="en")
    assert english.count("not yet checked") == 3 and "Decision register" in english


def test_the_decision_register_lists_options_rationale_owner_and_revisit(
        engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    run_id = played(engine, clock)
    md = export(engine, run_id, "md", tmp_path / "x.md")
    register = md.split("## Besluitenlijst")[1].split("##")[0]
    assert "Ja → Herstel controleren" in register
    assert "**Nee, deels of niet** → Failover" in register
    assert "Rollback hielp niet; reserve is gezond" in register
    assert "| Anna | 11:00 | Anna | van kracht |" in register


def test_a_full_disk_leaves_no_file_and_keeps_the_old_one(engine: Engine, clock: HandClock,
                                                          tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    run_id = played(engine, clock)
    out = tmp_path / "out"
    out.mkdir()
    previous = out / "report.html"
    previous.write_text("the earlier report", encoding="utf-8")

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full)
    for fmt, name in (("report", "report.html"), ("csv", "new.csv"), ("json", "new.json")):
        with pytest.raises(ExportError, match="the disk is full"):
            export_run(engine, run_id, fmt, out / name, tz=UTC)
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]
    assert previous.read_text(encoding="utf-8") == "the earlier report"


def test_bad_targets_unknown_runs_and_formats_are_refused(engine: Engine, clock: HandClock,
                                                          tmp_path: Path) -> None:
    run_id = played(engine, clock)
    with pytest.raises(ExportError, match="does not exist"):
        export_run(engine, run_id, "md", tmp_path / "missing" / "x.md")
    with pytest.raises(ExportError, match="it is a folder"):
        export_run(engine, run_id, "md", tmp_path)
    with pytest.raises(ExportError, match="unknown run 'nope'"):
        export_run(engine, "nope", "md", tmp_path / "x.md")
    with pytest.raises(ExportError, match="unknown format 'docx'"):
        export_run(engine, run_id, "docx", tmp_path / "x.docx")
    with pytest.raises(ExportError, match="the debrief format needs an exercise run"):
        export_run(engine, run_id, "debrief", tmp_path / "d.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["runs.sqlite3", "runs.sqlite3-shm",
                                                          "runs.sqlite3-wal"]


def test_progress_is_reported_and_cancel_stops_without_a_file(engine: Engine, clock: HandClock,
                                                              tmp_path: Path) -> None:
    run_id = played(engine, clock)
    seen: list[tuple[int, int]] = []
    export_run(engine, run_id, "html", tmp_path / "x.html",
               progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (19, 19) and [d for d, _ in seen] == sorted(d for d, _ in seen)

    data = load_run(engine, run_id)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    for fmt in ("html", "csv", "json", "md"):
        calls.clear()
        with pytest.raises(ExportCancelled):
            render_run(data, fmt, tmp_path / f"c.{fmt}", cancel=cancel)
        assert not (tmp_path / f"c.{fmt}").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_suggested_file_name_is_safe_and_dated(engine: Engine, clock: HandClock) -> None:
    run_id = played(engine, clock, title="Storing: kernnetwerk / 23-11")
    data = load_run(engine, run_id)
    assert suggested_file_name(data, "report-pdf") == \
        "2026-11-23 Storing_ kernnetwerk _ 23-11 - rapport.pdf"
    assert suggested_file_name(data, "csv") == "2026-11-23 Storing_ kernnetwerk _ 23-11.csv"


def test_csv_follows_the_language_and_the_dialect_asked_for(engine: Engine, clock: HandClock,
                                                           tmp_path: Path) -> None:
    run_id = played(engine, clock)  # a Dutch run
    dutch = export(engine, run_id, "csv", tmp_path / "nl.csv")
    english = export(engine, run_id, "csv", tmp_path / "en.csv", lang="en")
    forced = export(engine, run_id, "csv", tmp_path / "x.csv", lang="en", csv_dialect="excel-nl")
    for text, sep in ((dutch, ";"), (english, ","), (forced, ";")):
        rows = list(csv.reader(io.StringIO(text), delimiter=sep))
        assert len({len(row) for row in rows}) == 1 and len(rows[0]) == 14, sep
    with pytest.raises(ExportError, match="unknown CSV dialect 'excel-de'"):
        export(engine, run_id, "csv", tmp_path / "y.csv", csv_dialect="excel-de")
