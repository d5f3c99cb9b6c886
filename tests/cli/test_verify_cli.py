"""`verify [FILE]`: exit 0 intact, 1 tampered (first bad event named), 2 unreadable."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from runbook_assistant.cli import cli
from runbook_assistant.core import paths
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.manifest import export_manifest
from runbook_assistant.core.log.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from eventlog_helpers import add_notes, start_run


def verify(*args: str) -> Result:
    return CliRunner().invoke(cli, ["verify", *args])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """This laptop's database (its identity in the user data folder) with two runs."""
    path = tmp_path / "runs.sqlite3"
    store = Store.open(path)
    start_run(store)
    add_notes(store, "run-1", 3)
    start_run(store, "run-2")
    store.close()
    return path


def _tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute(sql)
    conn.close()


def test_intact_database_exits_0_and_names_the_signer(db: Path) -> None:
    result = verify(str(db))
    assert result.exit_code == 0, result.output
    identity = DeviceIdentity.load(paths.user_data_dir())
    assert identity is not None
    assert result.stdout.startswith(f"intact: {db}: 5 events in 2 chains checked")
    assert f"{identity.device_id}  {identity.fingerprint}  5 events" in result.stdout
    assert result.stderr == ""


def test_default_is_the_database_of_the_db_option(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "verify"])
    assert result.exit_code == 0, result.output
    assert "intact" in result.stdout


def test_default_database_of_the_user_data_folder() -> None:
    store = Store.open(paths.default_db_path())
    start_run(store)
    store.close()
    result = verify()
    assert result.exit_code == 0, result.output
    assert str(paths.default_db_path()) in result.stdout


def test_tampered_database_exits_1_naming_the_first_bad_event(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        event_id, seq, device = conn.execute(
            "SELECT id, seq, device_id FROM events WHERE run_id = 'run-1' AND seq = 3").fetchone()
    _tamper(db, f"UPDATE events SET actor = 'Mallory' WHERE id = '{event_id}'")
    result = verify(str(db))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: {db} has been tampered with: event {event_id} "
                                    f"(device {device}, seq {seq}): changed")
    assert "TAMPERED" in result.stdout and event_id in result.stdout
    assert "Traceback" not in result.output


def test_a_removed_event_of_this_laptop_is_named(db: Path) -> None:
    _tamper(db, "DELETE FROM events WHERE run_id = 'run-1' AND seq = 2")
    result = CliRunner().invoke(cli, ["--db", str(db), "verify"])
    assert result.exit_code == 1
    assert ": removed:" in result.stderr


def test_json_output(db: Path) -> None:
    result = verify(str(db), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["ok"] is True and data["events_checked"] == 5 and data["problems"] == []
    _tamper(db, "DELETE FROM events WHERE run_id = 'run-2'")
    data = json.loads(verify(str(db), "--json", "--all-signatures").stdout)
    assert data["ok"] is False and data["problems"][0]["what"] == "removed"


def _export(db: Path) -> dict:
    """Run-1 in the JSON export's shape, its manifest signed by this laptop."""
    store = Store.open(db, readonly=True)
    events, heads = store.events("run-1"), [h for h in store.chain_heads() if h.run_id == "run-1"]
    data = {"events": [e.to_dict() for e in events],
            "devices": [{"id": d.id, "public_key": d.public_key} for d in store.devices()],
            "chain_heads": [h._asdict() for h in heads],
            "manifest": export_manifest(store.identity, made_at="2026-11-23T06:00:00.000Z",
                                        app_version="test", run_ids=["run-1"], heads=heads,
                                        event_count=len(events))}
    store.close()
    return data


def test_json_export_intact_and_tampered(db: Path, tmp_path: Path) -> None:
    data = _export(db)
    export = tmp_path / "run-1.json"
    export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = verify(str(export))
    assert result.exit_code == 0, result.output
    assert "4 events in 1 chain checked" in result.stdout
    data["events"][1]["payload"]["text"] = "rewritten"
    export.write_text(json.dumps(data), encoding="utf-8")
    result = verify(str(export))
    assert result.exit_code == 1
    assert data["events"][1]["id"] in result.stderr


def test_sync_bundle_is_a_sqlite_file_with_the_same_tables(db: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "bundle.sqlite3"
    source = sqlite3.connect(db)
    target = sqlite3.connect(bundle)
    source.backup(target)
    target.execute("CREATE TABLE manifest (key TEXT, value TEXT)")
    target.commit()
    source.close()
    target.close()
    result = verify(str(bundle))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("content", "message"), [
    (None, "not found"),
    (b"", "not a database, a sync bundle or a JSON export"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not a database"),
    (b'{"runs": []}', "not a Runbook Assistant export"),
    (b"SQLite format 3\x00" + b"\xff" * 5000, "not a Runbook Assistant database or is damaged"),
])
def test_unreadable_input_exits_2_without_a_traceback(tmp_path: Path, content: bytes | None,
                                                      message: str) -> None:
    path = tmp_path / "input"
    if content is not None:
        path.write_bytes(content)
    result = verify(str(path))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


def test_no_default_database_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.sqlite3"), "verify"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no database at")


def test_a_database_written_by_two_laptops(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    other = Store.open(path, identity=DeviceIdentity.load_or_create(tmp_path / "other"))
    mine = Store.open(path)
    start_run(other, "r")
    add_notes(mine, "r", 2)
    fingerprint = other.identity.fingerprint
    other.close()
    mine.close()
    unvouched = verify(str(path))  # nothing this laptop knows vouches for the other key
    assert unvouched.exit_code == 1, unvouched.output
    assert f"{fingerprint}  seq 1" in unvouched.stdout and "NEVER SEEN" in unvouched.stdout
    assert "--trust FINGERPRINT" in unvouched.stderr
    result = verify(str(path), "--trust", fingerprint.lower())  # compared on paper
    assert result.exit_code == 0, result.output
    assert result.stdout.count(" events") + result.stdout.count(" event\n") >= 2
    assert "signed by:" in result.stdout


def test_exit_codes_through_the_console_entry_point(db: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from runbook_assistant.cli.errors import run_cli

    assert run_cli(cli, ["verify", str(db)]) == 0
    assert run_cli(cli, ["verify", str(tmp_path / "missing.json")]) == 2
    _tamper(db, "UPDATE events SET actor = 'Mallory' WHERE seq = 2")
    assert run_cli(cli, ["verify", str(db)]) == 1
    assert "error: " in capsys.readouterr().err
