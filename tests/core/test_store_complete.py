"""No read path shows less than is there: a damaged index stops the open with a clear error (and
``verify`` names it), and a read-only folder holding a database and its ``-wal`` shows every
acknowledged event."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from eventlog_helpers import add_notes, open_store, run_with_permissions_enforced, start_run

from runbook_assistant.cli import cli
from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.log.verify_sources import verify_database

PROBE = Path(__file__).with_name("store_readonly_probe.py")


def _damage_index(path: Path, keep: int) -> None:
    """Make the (run_id, hlc) index hold only the first ``keep`` events while SQLite still takes
    it for a whole index: what a damaged index page does to every read in log order."""
    conn = sqlite3.connect(path, isolation_level=None)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_run_hlc'"
                          ).fetchone()
    conn.execute("DROP INDEX events_run_hlc")
    conn.execute(f"{sql} WHERE seq <= {keep}")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'events_run_hlc'", (sql,))
    conn.close()


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "runs.sqlite3"
    store = Store.open(path)  # this laptop's key (the user data folder)
    start_run(store)
    add_notes(store, "run-1", 300, per_transaction=50)
    store.close()
    return path


def test_the_damage_is_real_reads_through_the_index_show_less(big: Path) -> None:
    _damage_index(big, 80)
    conn = sqlite3.connect(big)
    shown = conn.execute("SELECT count(*) FROM (SELECT id FROM events WHERE run_id = 'run-1' "
                         "ORDER BY hlc, device_id, seq)").fetchone()[0]
    conn.close()
    assert shown == 80  # of 301: what `run show` and the CSV listed before


def test_a_damaged_index_stops_the_open_with_a_clear_error(big: Path) -> None:
    _damage_index(big, 80)
    for readonly in (False, True):
        with pytest.raises(StoreError, match="the index events_run_hlc lists 80 of the 301 "
                                             "rows of events") as info:
            Store.open(big, readonly=readonly)
        assert "nothing is shown rather than part of the record" in info.value.message


def test_a_damaged_index_is_never_intact_to_verify(big: Path) -> None:
    _damage_index(big, 80)
    report = verify_database(big)
    assert not report.ok and report.first_problem is not None
    assert "events_run_hlc lists 80 of the 301" in report.first_problem.describe()
    result = CliRunner().invoke(cli, ["--db", str(big), "verify"])
    assert result.exit_code == 1 and "damaged" in result.stderr, result.output
    shown = CliRunner().invoke(cli, ["--db", str(big), "run", "list"])
    assert shown.exit_code == 1 and shown.stderr.startswith("error: "), shown.output
    assert "lists 80 of the 301" in shown.stderr


def test_a_read_only_folder_with_a_wal_but_no_shm_shows_every_event(tmp_path: Path) -> None:
    identity = DeviceIdentity.load_or_create(tmp_path / "laptop")
    live = tmp_path / "live" / "runs.sqlite3"
    store = open_store(live, identity)
    start_run(store)
    add_notes(store, "run-1", 20)
    # Copied while the writer still holds it open: the 21 events are in the -wal only.
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copyfile(live, folder / live.name)
    shutil.copyfile(f"{live}-wal", folder / f"{live.name}-wal")
    store.close()
    main = sqlite3.connect(f"{(folder / live.name).as_uri()}?immutable=1", uri=True)
    assert main.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0  # file alone
    main.close()
    folder.chmod(0o555)
    try:
        done = run_with_permissions_enforced([sys.executable, str(PROBE),
                                              str(folder / live.name), str(tmp_path / "laptop")])
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "events: 21" and lines[-1] == "events: 21", lines
    assert "its folder is read-only" in lines[1]
    assert sorted(p.name for p in folder.iterdir()) == [live.name, f"{live.name}-wal"]


class _CommitsMeanwhile:
    """A connection through which, right after the table's own count, another process's
    commit lands: what the app opening the file while a command writes to it meets."""

    def __init__(self, conn: sqlite3.Connection, writer: Store, run_id: str) -> None:
        self.conn, self.writer, self.run_id = conn, writer, run_id

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        cursor = self.conn.execute(sql, *args)
        if "NOT INDEXED" in sql:
            add_notes(self.writer, self.run_id, 3)
        return cursor


def test_a_commit_during_the_open_check_is_not_taken_for_damage(tmp_path: Path) -> None:
    from runbook_assistant.core.log.integrity import index_problems

    writer = open_store(tmp_path / "runs.sqlite3", DeviceIdentity.load_or_create(tmp_path / "key"))
    run_id = "run-1"
    start_run(writer, run_id)
    add_notes(writer, run_id, 5)
    reader = sqlite3.connect(writer.path, isolation_level=None)
    try:
        assert index_problems(_CommitsMeanwhile(reader, writer, run_id)) == []  # type: ignore[arg-type]
        assert not reader.in_transaction
        assert index_problems(reader) == []  # and the new rows are all indexed
    finally:
        reader.close()
        writer.close()


def test_the_checks_beside_the_reading_find_what_the_checks_in_line_find(big: Path) -> None:
    from runbook_assistant.core.log.integrity import sqlite_problems, start_sqlite_problems

    for damaged in (False, True):
        if damaged:
            _damage_index(big, 80)
        conn = sqlite3.connect(big, isolation_level=None)
        beside = start_sqlite_problems(conn)  # a second connection, in a thread
        assert beside() == sqlite_problems(conn) == (
            ["the index events_run_hlc lists 80 of the 301 rows of events: reads through it "
             "would show less than is there"] if damaged else [])
        conn.close()
