"""Verify: intact logs pass; each kind of tampering is named at its first bad event."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from eventlog_helpers import add_notes, open_store, start_run, two_laptops_two_runs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook_assistant.core.errors import VerifyError
from runbook_assistant.core.log.chain import EVENT_COLUMNS, ChainHead
from runbook_assistant.core.log.events import EventKind, compute_hash
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.manifest import export_manifest
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.log.verify import (
    BAD_SIGNATURE,
    CHANGED,
    INSERTED,
    REHASHED,
    REMOVED,
    UNKNOWN_DEVICE,
    verify_events,
    verify_store,
)
from runbook_assistant.core.log.verify_sources import verify_database, verify_export, verify_file


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[DeviceIdentity, DeviceIdentity]:
    return (DeviceIdentity.load_or_create(tmp_path / "a"),
            DeviceIdentity.load_or_create(tmp_path / "b"))


@pytest.fixture
def db(tmp_path: Path, laptops: tuple[DeviceIdentity, DeviceIdentity]) -> Path:
    """Two laptops writing into two runs of one file."""
    a, b = laptops
    path = tmp_path / "log.sqlite3"
    store_a = open_store(path, a)
    store_b = open_store(path, b)
    two_laptops_two_runs(store_a, store_b)
    store_a.close()
    store_b.close()
    return path


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    for sql in statements:
        conn.execute(sql)
    conn.close()


def _event(path: Path, where: str) -> tuple[str, int, str]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT id, seq, device_id FROM events WHERE {where}").fetchone()


def test_an_untouched_store_is_intact(db: Path, laptops: tuple[DeviceIdentity, ...]) -> None:
    a, b = laptops
    store = Store.open(db, identity=a, readonly=True)
    for every in (False, True):
        report = verify_store(store, all_signatures=every,
                              gap_free_devices={a.device_id, b.device_id})
        assert report.ok, report.problems
        assert (report.events_checked, report.chains_checked) == (9, 4)
        assert sorted(report.signers) == sorted([(a.device_id, a.fingerprint, 6),
                                                 (b.device_id, b.fingerprint, 3)])
    assert verify_store(store).signatures_checked <= 2 * 4  # chain heads, not every event
    store.close()
    assert verify_database(db).ok and verify_file(db).ok


def test_a_changed_event_is_named(db: Path) -> None:
    event_id, seq, device = _event(db, "kind = 'note_added' AND seq = 2")
    _tamper(db, f"UPDATE events SET payload = '{{\"text\":\"nothing happened\"}}' "
                f"WHERE id = '{event_id}'")
    problem = verify_database(db).first_problem
    assert problem is not None
    assert (problem.event_id, problem.seq, problem.device_id, problem.what) == \
        (event_id, seq, device, CHANGED)
    assert event_id in problem.describe()


def test_a_removed_event_is_named(db: Path, laptops: tuple[DeviceIdentity, ...]) -> None:
    gone_id, _seq, device = _event(db, "seq = 2 AND kind = 'note_added' AND run_id = 'run-1' "
                                      "ORDER BY pos LIMIT 1")
    after_id, _, _ = _event(db, f"device_id = '{device}' AND seq = 3")
    _tamper(db, f"DELETE FROM events WHERE id = '{gone_id}'")
    report = verify_database(db, gap_free_devices={device})
    assert report.first_problem is not None
    assert report.first_problem.what == REMOVED
    assert (report.first_problem.seq, report.first_problem.event_id) in {(2, after_id),
                                                                         (3, after_id)}


def test_removing_the_last_event_shows_through_the_signed_head(db: Path) -> None:
    last_id, seq, _device = _event(db, "run_id = 'run-1' ORDER BY pos DESC LIMIT 1")
    _tamper(db, f"DELETE FROM events WHERE id = '{last_id}'")
    problem = verify_database(db).first_problem
    assert problem is not None and problem.what == REMOVED and problem.seq == seq


def test_rehashing_without_the_key_is_named(db: Path) -> None:
    """Change an event, then recompute every hash after it: only the signatures tell."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER events_no_update")
    rows = conn.execute("SELECT pos, id, seq FROM events WHERE run_id = 'run-1' AND "
                        "device_id = (SELECT device_id FROM runs WHERE id = 'run-1') "
                        "ORDER BY seq").fetchall()
    target = rows[1]
    conn.execute(f"UPDATE events SET actor = 'Mallory' WHERE pos = {target[0]}")
    store_events = {e.id: e for e in _events_of(conn)}
    prev = store_events[rows[0][1]].hash
    for pos, event_id, _ in rows[1:]:
        event = store_events[event_id]
        fixed = compute_hash(type(event)(**{**event.__dict__, "prev_hash": prev}))
        conn.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE pos = ?", (prev, fixed, pos))
        prev = fixed
    conn.close()
    problem = verify_database(db).first_problem
    assert problem is not None
    assert (problem.event_id, problem.what) == (target[1], REHASHED)


def _events_of(conn: sqlite3.Connection) -> list:
    from runbook_assistant.core.log.chain import EVENT_COLUMNS, row_to_event

    return [row_to_event(r) for r in conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events")]


def test_an_altered_signature_is_a_bad_signature(db: Path) -> None:
    event_id, _, _ = _event(db, "run_id = 'run-1' ORDER BY pos LIMIT 1")
    _tamper(db, f"UPDATE events SET sig = '{'ab' * 64}' WHERE id = '{event_id}'")
    assert verify_database(db).ok  # the chain head still vouches for the content ...
    problem = verify_database(db, all_signatures=True).first_problem  # ... but not the sig
    assert problem is not None and (problem.event_id, problem.what) == (event_id, BAD_SIGNATURE)


def test_a_swapped_device_key_is_an_unknown_device(db: Path) -> None:
    stranger = DeviceIdentity.generate()
    _, _, device = _event(db, "seq = 1 LIMIT 1")
    _tamper(db, f"UPDATE devices SET public_key = '{stranger.public_key_hex}' "
                f"WHERE id = '{device}'")
    report = verify_database(db)
    assert UNKNOWN_DEVICE in {p.what for p in report.problems}


def test_a_changed_runbook_text_is_named(db: Path) -> None:
    _tamper(db, "UPDATE runs SET runbook_text = runbook_text || 'extra step' WHERE id = 'run-2'")
    problem = verify_database(db).first_problem
    started = _event(db, "run_id = 'run-2' AND kind = 'run_started'")[0]
    assert problem is not None and (problem.event_id, problem.what) == (started, CHANGED)
    assert "runbook text" in problem.describe()


def _export(path: Path) -> dict:
    """Run-1 in the JSON export's shape, its manifest signed by laptop a (``laptops``)."""
    maker = DeviceIdentity.load(path.parent / "a")
    assert maker is not None
    store = Store.open(path, identity=maker, readonly=True)
    events = store.events("run-1")
    heads = [h for h in store.chain_heads() if h.run_id == "run-1"]
    data = {"events": [e.to_dict() for e in events],
            "devices": [{"id": d.id, "public_key": d.public_key} for d in store.devices()],
            "chain_heads": [h._asdict() for h in heads],
            "manifest": export_manifest(maker, made_at="2026-11-23T06:00:00.000Z",
                                        app_version="test", run_ids=["run-1"], heads=heads,
                                        event_count=len(events)),
            "timeline": ["derived, ignored"]}
    store.close()
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_a_json_export_verifies_and_its_tampering_is_named(db: Path, tmp_path: Path) -> None:
    data = _export(db)
    report = verify_export(data)
    assert report.ok and report.events_checked == 7
    file = tmp_path / "run.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert verify_file(file).ok
    data["events"][3]["actor"] = "Mallory"
    problem = verify_export(data).first_problem
    assert problem is not None and problem.event_id == data["events"][3]["id"]
    data["events"][3]["actor"] = _export(db)["events"][3]["actor"]
    del data["events"][-1]  # the last event, cut off
    assert verify_export(data).first_problem.what == REMOVED  # type: ignore[union-attr]


def test_a_forged_event_in_an_export_is_inserted(db: Path) -> None:
    data = _export(db)
    last = max((e for e in data["events"] if e["device_id"] == data["events"][0]["device_id"]),
               key=lambda e: e["seq"])
    forged = dict(last, id="forged-0000-0000-0000", seq=last["seq"] + 1, prev_hash=last["hash"],
                  hlc=last["hlc"][:-1] + "9", actor="Mallory")
    from runbook_assistant.core.log.events import Event

    forged["hash"] = compute_hash(Event.from_dict(forged))
    forged["sig"] = DeviceIdentity.generate().sign(bytes.fromhex(forged["hash"]))
    data["events"].append(forged)
    problem = verify_export(data).first_problem
    assert problem is not None and (problem.event_id, problem.what) == (forged["id"], INSERTED)


def test_events_of_a_device_not_in_the_list_are_named(db: Path) -> None:
    data = _export(db)
    data["devices"] = data["devices"][:1]
    assert UNKNOWN_DEVICE in {p.what for p in verify_export(data).problems}


def test_verify_events_takes_event_objects(db: Path) -> None:
    store = Store.open(db, identity=DeviceIdentity.generate(), readonly=True)
    events = store.events("run-1")
    heads = [h for h in store.chain_heads() if h.run_id == "run-1"]
    assert verify_events(reversed(events), store.devices(), chain_heads=heads).ok
    assert not verify_events(events[:-1], store.devices(), chain_heads=heads).ok
    assert not verify_events(events, {}, chain_heads=heads).ok
    store.close()


def test_an_orphaned_chain_head_means_every_event_was_removed(laptops: tuple) -> None:
    a = laptops[0]
    head_hash = hashlib.sha256(b"x").hexdigest()
    from runbook_assistant.core.log.chain import chain_head_message

    sig = a.sign(chain_head_message(a.device_id, "run-9", 4, head_hash))
    report = verify_events([], {a.device_id: a.public_key_hex},
                           chain_heads=[ChainHead(a.device_id, "run-9", 4, head_hash, sig)])
    assert report.first_problem is not None and report.first_problem.what == REMOVED


@pytest.mark.parametrize("content", [b"", b"hello", b"\x00\x01garbage", b'{"no": "events"}',
                                     b"[1, 2]"])
def test_unreadable_files_are_a_verify_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "file"
    path.write_bytes(content)
    with pytest.raises(VerifyError):
        verify_file(path)


def test_a_missing_file_is_a_verify_error(tmp_path: Path) -> None:
    with pytest.raises(VerifyError, match="not found"):
        verify_file(tmp_path / "nope.sqlite3")


def test_another_sqlite_file_is_a_verify_error(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    with pytest.raises(VerifyError, match="not a Runbook Assistant database"):
        verify_file(path)


def test_intact_after_many_events_in_one_transaction(tmp_path: Path) -> None:
    identity = DeviceIdentity.load_or_create(tmp_path / "a")
    store = open_store(tmp_path / "log.sqlite3", identity)
    start_run(store)
    add_notes(store, "run-1", 300, per_transaction=150)
    with store.writing() as w:
        w.append("run-1", EventKind.RUN_CLOSED, actor="Anne", payload={"summary": "done"})
    report = verify_store(store)
    assert report.ok and report.events_checked == 302
    store.close()


_any_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                         | st.text(max_size=8),
                         lambda inner: st.lists(inner, max_size=3)
                         | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                         max_leaves=5)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, 100), field=st.sampled_from(EVENT_COLUMNS), value=_any_json)
def test_any_value_in_an_export_gives_a_verdict_not_a_crash(db: Path, index: int, field: str,
                                                           value: object) -> None:
    data = _export(db)
    event = data["events"][index % len(data["events"])]
    changed = event.get(field) != value or type(event.get(field)) is not type(value)
    event[field] = value
    report = verify_export(data)  # a report, whatever the value: never another exception
    assert report.ok is not changed or field == "sig"
