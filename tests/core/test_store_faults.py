"""What the store does when the file cannot be used: read-only, full, damaged, busy.

Every case must end in a StoreError that names the file and says what to do, with everything
recorded before still there.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest
from eventlog_helpers import add_notes, open_store, run_with_permissions_enforced, start_run

from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.log.verify import verify_store

PROBE = Path(__file__).with_name("store_readonly_probe.py")


@pytest.fixture
def identity(tmp_path: Path) -> DeviceIdentity:
    return DeviceIdentity.load_or_create(tmp_path / "laptop")


@pytest.fixture
def filled(tmp_path: Path, identity: DeviceIdentity) -> Path:
    """A database holding one run with three events, closed again."""
    path = tmp_path / "log.sqlite3"
    store = open_store(path, identity)
    start_run(store)
    add_notes(store, "run-1", 2)
    store.close()
    return path


def _assert_names_file(error: StoreError, path: Path) -> None:
    assert str(path) in error.message
    assert error.hint


def test_read_only_open_reads_but_refuses_to_write(filled: Path,
                                                   identity: DeviceIdentity) -> None:
    store = open_store(filled, identity, readonly=True)
    assert len(store.events("run-1")) == 3
    assert verify_store(store).ok
    with pytest.raises(StoreError, match=r"cannot write to .*: it .* read") as info:
        store.writing().__enter__()
    _assert_names_file(info.value, filled)
    store.close()


def test_a_write_refused_by_sqlite_is_reported_as_read_only(filled: Path,
                                                           identity: DeviceIdentity) -> None:
    # query_only makes SQLite refuse writes the way a read-only file does, also for root.
    store = open_store(filled, identity)
    store.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(StoreError, match=r"cannot write to .*: it is read-only") as info, \
            store.writing() as w:
        w.append("run-1", EventKind.NOTE_ADDED, actor="A", payload={"text": "x"})
    _assert_names_file(info.value, filled)
    store.conn.execute("PRAGMA query_only = 0")
    assert len(store.events("run-1")) == 3
    add_notes(store, "run-1", 1)  # the store stays usable afterwards
    assert verify_store(store).ok
    store.close()


def _as_plain_user(db: Path, identity_folder: Path) -> list[str]:
    """Run the probe with ordinary file permissions in force; its output lines."""
    done = run_with_permissions_enforced([sys.executable, str(PROBE), str(db),
                                          str(identity_folder)])
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_read_only_file_opens_for_reading(filled: Path, tmp_path: Path) -> None:
    filled.chmod(0o444)
    lines = _as_plain_user(filled, tmp_path / "laptop")
    assert lines == ["events: 3",
                     f"error: cannot write to {filled}: it is read-only; nothing was recorded",
                     "events: 3"]


def test_a_read_only_folder_opens_for_reading(filled: Path, tmp_path: Path) -> None:
    folder = filled.parent / "shared"
    folder.mkdir()
    moved = folder / filled.name
    filled.rename(moved)  # closed cleanly: no -wal or -shm file beside it
    folder.chmod(0o555)  # WAL could not create them now
    try:
        lines = _as_plain_user(moved, tmp_path / "laptop")
    finally:
        folder.chmod(0o755)
    assert lines == ["events: 3",
                     f"error: cannot write to {moved}: its folder is read-only; nothing was "
                     "recorded",
                     "events: 3"]


def test_full_disk_loses_nothing_recorded(filled: Path, identity: DeviceIdentity) -> None:
    store = open_store(filled, identity)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now full
    with pytest.raises(StoreError, match="the disk is full") as info, store.writing() as w:
        for _ in range(50):
            w.append("run-1", EventKind.NOTE_ADDED, actor="A", payload={"text": "x" * 2000})
    _assert_names_file(info.value, filled)
    assert len(store.events("run-1")) == 3
    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    add_notes(store, "run-1", 1)
    assert [e.seq for e in store.events("run-1")] == [1, 2, 3, 4]
    assert verify_store(store).ok
    store.close()


def test_random_bytes_are_not_a_database(tmp_path: Path, identity: DeviceIdentity) -> None:
    path = tmp_path / "noise.sqlite3"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(StoreError, match="is not a Runbook Assistant database or is damaged") \
            as info:
        open_store(path, identity)
    _assert_names_file(info.value, path)


def test_a_text_file_with_a_sqlite_name_is_not_a_database(tmp_path: Path,
                                                          identity: DeviceIdentity) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text('{"events": []}')
    with pytest.raises(StoreError, match="not a Runbook Assistant database"):
        open_store(path, identity)


def test_garbage_in_the_middle_is_reported_as_damaged(tmp_path: Path,
                                                      identity: DeviceIdentity) -> None:
    path = tmp_path / "log.sqlite3"
    store = open_store(path, identity)
    start_run(store)
    add_notes(store, "run-1", 400, per_transaction=100)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:  # overwrite every page but the first with noise
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * ((size - 4096) // 4))
    with pytest.raises(StoreError, match="is not a Runbook Assistant database or is damaged"):
        damaged = open_store(path, identity)
        try:
            damaged.events("run-1")
            verify_store(damaged)
        finally:
            damaged.close()


def test_a_folder_is_not_a_database(tmp_path: Path, identity: DeviceIdentity) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path, identity)


def test_busy_file_says_another_program_is_writing(filled: Path,
                                                   identity: DeviceIdentity) -> None:
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        store = open_store(filled, identity, busy_timeout_ms=50)
        assert len(store.events("run-1")) == 3  # reading still works (WAL)
        with pytest.raises(StoreError, match="is busy: another program is writing") as info:
            add_notes(store, "run-1", 1)
        _assert_names_file(info.value, filled)
    finally:
        other.execute("ROLLBACK")
        other.close()
    add_notes(store, "run-1", 1)  # and works again once the other program is done
    assert len(store.events("run-1")) == 4
    store.close()


def test_missing_folder_is_created(tmp_path: Path, identity: DeviceIdentity) -> None:
    store = Store.open(tmp_path / "a" / "b" / "log.sqlite3", identity=identity)
    start_run(store)
    store.close()
    assert (tmp_path / "a" / "b" / "log.sqlite3").exists()


def test_an_event_that_cannot_be_read_is_reported_as_damage(filled: Path,
                                                            identity: DeviceIdentity) -> None:
    store = open_store(filled, identity)
    good = store.events("run-1")[0]
    store.conn.execute(
        "INSERT INTO events (id, run_id, device_id, seq, hlc, wall_time, actor, kind, payload, "
        "prev_hash, hash, sig) VALUES ('x', 'run-1', ?, 99, '9', '', '', 'note_added', "
        "'{not json', '', '', '')", (good.device_id,))
    with pytest.raises(StoreError, match="is not a Runbook Assistant database or is damaged"):
        store.events("run-1")
    store.close()
