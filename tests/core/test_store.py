"""The event store: appending, reading, chains, schema and migrations."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from eventlog_helpers import (
    LOG_START,
    RUNBOOK_TEXT,
    add_notes,
    open_store,
    run_record,
    start_run,
)
from hand_clock import HandClock
from hypothesis import given, settings
from hypothesis import strategies as st

from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log.chain import hash_of_fields
from runbook_assistant.core.log.events import (
    GENESIS_HASH,
    Event,
    EventKind,
    canonical_json,
    compute_hash,
)
from runbook_assistant.core.log.identity import DeviceIdentity, verify_signature
from runbook_assistant.core.log.schema import SCHEMA_VERSION
from runbook_assistant.core.log.store import Store


@pytest.fixture
def identity(tmp_path: Path) -> DeviceIdentity:
    return DeviceIdentity.load_or_create(tmp_path / "laptop-a")


@pytest.fixture
def store(tmp_path: Path, identity: DeviceIdentity) -> Store:
    opened = open_store(tmp_path / "log.sqlite3", identity)
    yield opened
    opened.close()


def test_appended_events_read_back_exactly(store: Store) -> None:
    start_run(store)
    with store.writing() as w:
        checked = w.append("run-1", EventKind.STEP_CHECKED, actor="Anne", step_id="s1",
                           payload={"verified_by": "Bram"}, occurred_at="2026-11-23T05:50:00.000Z")
        assert w.events("run-1")[-1] == checked  # the transaction sees its own event
    events = store.events("run-1")
    assert events[-1] == checked
    assert events[-1].late and events[-1].payload == {"verified_by": "Bram"}
    assert [e.kind for e in events] == [EventKind.RUN_STARTED, EventKind.STEP_CHECKED]
    assert list(store.all_events()) == events
    assert store.run("run-1") == run_record(store)
    assert store.run("nope") is None
    assert [r.runbook_text for r in store.runs()] == [RUNBOOK_TEXT]


def test_every_event_is_hashed_linked_and_signed(store: Store, identity: DeviceIdentity) -> None:
    start_run(store)
    start_run(store, "run-2")
    add_notes(store, "run-1", 3)
    add_notes(store, "run-2", 2, per_transaction=2)
    for run_id in ("run-1", "run-2"):
        events = store.events(run_id)
        assert events[0].prev_hash == GENESIS_HASH
        for before, after in itertools.pairwise(events):
            assert after.prev_hash == before.hash
        for event in events:
            assert event.hash == compute_hash(event)
            assert verify_signature(identity.public_key_hex, bytes.fromhex(event.hash), event.sig)
            assert event.device_id == identity.device_id
    heads = {h.run_id: h for h in store.chain_heads()}
    assert heads["run-2"].hash == store.events("run-2")[-1].hash


def test_seq_is_gap_free_per_device_across_runs_and_rollbacks(store: Store) -> None:
    start_run(store)
    start_run(store, "run-2")
    with pytest.raises(RuntimeError), store.writing() as w:
        w.append("run-1", EventKind.NOTE_ADDED, actor="Anne", payload={"text": "lost"})
        raise RuntimeError("the command failed after appending")
    add_notes(store, "run-2", 2)
    add_notes(store, "run-1", 2)
    seqs = sorted(e.seq for e in store.all_events())
    assert seqs == list(range(1, 7))
    assert "lost" not in [e.payload.get("text") for e in store.all_events()]


def test_two_connections_appending_in_turn_keep_one_chain(
        tmp_path: Path, identity: DeviceIdentity) -> None:
    path = tmp_path / "shared.sqlite3"
    first = open_store(path, identity)
    second = open_store(path, identity)
    start_run(first)
    for i in range(6):
        writer = first if i % 2 else second
        add_notes(writer, "run-1", 1)
    events = first.events("run-1")
    assert [e.seq for e in events] == list(range(1, 8))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    first.close()
    second.close()


def test_clock_jumping_back_never_reorders(tmp_path: Path, identity: DeviceIdentity) -> None:
    clock = HandClock(LOG_START)
    store = open_store(tmp_path / "log.sqlite3", identity, clock)
    start_run(store)
    appended = []
    for step in (0, -3600, 1, -86400, 0, 2):
        clock.advance(seconds=step)
        with store.writing() as w:
            appended.append(w.append("run-1", EventKind.NOTE_ADDED, actor="A",
                                     payload={"text": str(step)}).id)
    assert [e.id for e in store.events("run-1")][1:] == appended
    hlcs = [e.hlc for e in store.events("run-1")]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    store.close()


def test_reopening_resumes_after_the_newest_event(tmp_path: Path,
                                                  identity: DeviceIdentity) -> None:
    clock = HandClock(LOG_START)
    store = open_store(tmp_path / "log.sqlite3", identity, clock)
    start_run(store)
    add_notes(store, "run-1", 2)
    last = store.events("run-1")[-1]
    store.close()
    clock.advance(days=-2)  # the laptop's clock was reset meanwhile
    store = open_store(tmp_path / "log.sqlite3", identity, clock)
    add_notes(store, "run-1", 1)
    newest = store.events("run-1")[-1]
    assert newest.hlc > last.hlc and newest.seq == last.seq + 1 and newest.prev_hash == last.hash
    store.close()


def test_events_since_returns_only_new_events(store: Store) -> None:
    start_run(store)
    first, pos = store.events_since("run-1", 0)
    assert len(first) == 1
    assert store.events_since("run-1", pos) == ([], pos)
    add_notes(store, "run-1", 2)
    new, pos2 = store.events_since("run-1", pos)
    assert [e.payload["text"] for e in new] == ["note 0 — café", "note 1 — café"]
    assert pos2 > pos


def test_events_read_to_show_them_are_the_events_without_their_proof(store: Store) -> None:
    start_run(store)
    add_notes(store, "run-1", 3)
    full = store.events("run-1")
    shown = store.events("run-1", proof=False)
    assert [(e.prev_hash, e.hash, e.sig) for e in shown] == [("", "", "")] * 4
    assert shown == [replace(e, prev_hash="", hash="", sig="") for e in full]


def test_the_database_refuses_to_change_or_remove_events(store: Store) -> None:
    start_run(store)
    for sql in ("UPDATE events SET actor = 'Mallory'", "DELETE FROM events",
                "INSERT OR REPLACE INTO events SELECT * FROM events"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.conn.execute(sql)
    assert store.events("run-1")[0].actor == "Anne"


def test_settings_and_schema_of_a_new_file(store: Store) -> None:
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    indexes = {row[0]: row[1] for row in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")}
    assert "events_device_seq" in indexes and "UNIQUE" in indexes["events_device_seq"]
    assert {"events_run_hlc", "events_device_run_seq"} <= set(indexes)
    device = store.devices()[0]
    assert (device.id, device.fingerprint) == (store.device_id, store.identity.fingerprint)


def test_reopening_is_idempotent(tmp_path: Path, identity: DeviceIdentity) -> None:
    path = tmp_path / "log.sqlite3"
    store = open_store(path, identity)
    start_run(store)
    schema = store.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    store.close()
    for _ in range(2):
        store = open_store(path, identity)
        assert store.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() \
            == schema
        assert len(store.devices()) == 1 and len(store.events("run-1")) == 1
        store.close()


def test_an_empty_file_is_set_up(tmp_path: Path, identity: DeviceIdentity) -> None:
    path = tmp_path / "nested" / "empty.sqlite3"
    path.parent.mkdir()
    path.touch()
    store = open_store(path, identity)
    start_run(store)
    assert len(store.events("run-1")) == 1
    store.close()


def test_a_newer_schema_is_refused_with_a_clear_error(tmp_path: Path,
                                                      identity: DeviceIdentity) -> None:
    path = tmp_path / "future.sqlite3"
    open_store(path, identity).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version of Runbook Assistant") as info:
        open_store(path, identity)
    assert str(path) in info.value.message and info.value.hint


def test_another_programs_database_is_left_alone(tmp_path: Path,
                                                 identity: DeviceIdentity) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not a Runbook Assistant database"):
        open_store(path, identity)
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert tables == ["photos"]


def test_appending_to_an_unknown_run_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="run ghost is not in"), store.writing() as w:
        w.append("ghost", EventKind.NOTE_ADDED, actor="A")
    assert list(store.all_events()) == []


def test_a_writer_is_unusable_after_its_block(store: Store) -> None:
    start_run(store)
    with store.writing() as w:
        pass
    with pytest.raises(StoreError, match="already ended"):
        w.append("run-1", EventKind.NOTE_ADDED, actor="A")


_text = st.text(max_size=12)
_maybe = st.none() | _text
_json = st.recursive(st.none() | st.booleans() | st.integers() | _text,
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(_text, inner, max_size=3), max_leaves=6)


@settings(max_examples=100, deadline=None)
@given(id=_text, run_id=_text, device_id=_text, seq=st.integers(0, 10**12), hlc=_text,
       wall_time=_text, actor=_text, kind=st.sampled_from(list(EventKind)), step_id=_maybe,
       payload=st.dictionaries(_text, _json, max_size=4), occurred_at=_maybe, prev_hash=_text)
def test_fast_hash_equals_the_definition(**fields: object) -> None:
    event = Event(**fields)  # type: ignore[arg-type]
    assert hash_of_fields(event.id, event.run_id, event.device_id, event.seq, event.hlc,
                          event.wall_time, event.actor, str(event.kind), event.step_id,
                          canonical_json(event.payload), event.occurred_at,
                          event.prev_hash) == compute_hash(event)


def test_migrations_run_in_order_and_only_once(tmp_path: Path, identity: DeviceIdentity,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from runbook_assistant.core.log import schema
    from runbook_assistant.core.log import store as store_module

    path = tmp_path / "log.sqlite3"
    store = open_store(path, identity)
    start_run(store)
    store.close()
    later = "ALTER TABLE runs ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;"  # fails if re-run
    monkeypatch.setattr(store_module, "MIGRATIONS", [*schema.MIGRATIONS, later])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    for _ in range(2):
        store = open_store(path, identity)
        assert store.conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION + 1,)
        assert store.conn.execute("SELECT archived FROM runs").fetchall() == [(0,)]
        assert len(store.events("run-1")) == 1
        store.close()


def test_merging_another_laptops_log_is_idempotent_and_verifiable(
        tmp_path: Path, identity: DeviceIdentity) -> None:
    from runbook_assistant.core.log.verify import verify_store

    other = open_store(tmp_path / "other.sqlite3", DeviceIdentity.load_or_create(tmp_path / "b"))
    start_run(other)
    add_notes(other, "run-1", 3)
    mine = open_store(tmp_path / "mine.sqlite3", identity)
    for _ in range(2):  # the second time, nothing is new
        with mine.writing() as w:
            for device in other.devices():
                w.insert_device(device)
            w.insert_run(other.run("run-1"), if_missing=True)  # type: ignore[arg-type]
            new = w.insert_events(other.all_events())
            for head in other.chain_heads():
                w.insert_chain_head(head)
        assert len(new) == (4 if _ == 0 else 0)
    assert mine.events("run-1") == other.events("run-1")
    add_notes(mine, "run-1", 1)  # and this laptop goes on in the merged run, after them
    assert mine.events("run-1")[-1].device_id == identity.device_id
    assert mine.events("run-1")[-1].hlc > other.events("run-1")[-1].hlc
    stale = other.chain_heads()[0]._replace(seq=1)
    with mine.writing() as w:
        w.insert_chain_head(stale)  # an older head never replaces a newer one
    report = verify_store(mine, gap_free_devices={identity.device_id, other.device_id})
    assert report.ok, report.problems
    assert len(report.signers) == 2
    other.close()
    mine.close()
