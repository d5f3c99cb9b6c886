"""Power loss, not only kills: the Store's writes (WAL, synchronous=FULL, one transaction per
append with its signed chain head) replayed through a recording VFS, then every point of that
history cut as a power failure could cut it (unsynced writes dropped, reordered, torn). After
each cut, every acknowledged event is there, nothing else but whole events of the same history,
and the file verifies. The same harness run with synchronous=OFF does lose acknowledged events,
so it can tell."""

from __future__ import annotations

import hashlib
import random
import uuid
from pathlib import Path

import pytest

apsw = pytest.importorskip("apsw")

from power_loss import History, Recorder, after_cut  # noqa: E402

from runbook_assistant.core.errors import StoreError  # noqa: E402
from runbook_assistant.core.log.chain import (  # noqa: E402
    EVENT_COLUMNS,
    chain_head_message,
    hash_of_fields,
)
from runbook_assistant.core.log.clock import format_hlc, new_event_id  # noqa: E402
from runbook_assistant.core.log.events import GENESIS_HASH, canonical_json  # noqa: E402
from runbook_assistant.core.log.identity import DeviceIdentity  # noqa: E402
from runbook_assistant.core.log.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION  # noqa: E402
from runbook_assistant.core.log.store import Store  # noqa: E402
from runbook_assistant.core.log.store_writer import RUN_COLUMNS  # noqa: E402
from runbook_assistant.core.log.verify import verify_store  # noqa: E402

pytestmark = pytest.mark.slow
TEXT = "# Stroomstoring\n"
T0 = 1_795_420_800_000  # 2026-11-23, ms


def _record(db: Path, identity: DeviceIdentity, count: int, synchronous: str) -> tuple[
        History, list[str]]:
    """Write a new database as the Store does, through the recording VFS; the event ids in
    order. The history has one "ack" for the set-up and one per appended event."""
    history = History()
    name = f"record-{uuid.uuid4().hex}"
    vfs = Recorder(name, history)
    conn = apsw.Connection(str(db), vfs=name)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA wal_autocheckpoint = 16")  # checkpoints during the run, too
    device = identity.device_id
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    conn.execute("BEGIN IMMEDIATE")
    for script in MIGRATIONS:
        conn.execute(script)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO devices VALUES (?, ?, ?, ?, ?)",
                 (device, identity.public_key_hex, identity.fingerprint, "laptop",
                  "2026-11-23T09:00:00.000Z"))
    conn.execute("COMMIT")
    run = ("run-1", "stroom", 1, sha, TEXT, "Stroomstoring", "incident", "nl",
           "2026-11-23T09:00:00.000Z", device, None)
    history.ops.append(("ack",))
    rng, prev, ids = random.Random(5), GENESIS_HASH, []
    for seq in range(1, count + 1):
        millis = T0 + seq * 1000
        kind, payload = (("run_started", {"runbook_id": "stroom", "runbook_sha256": sha,
                                          "title": "Stroomstoring", "mode": "incident"})
                         if seq == 1 else
                         ("note_added", {"text": f"notitie {seq}", "pad": "x" * rng.randint(
                             0, 3000)}))  # some events span pages
        row = [new_event_id(millis), "run-1", device, seq, format_hlc(millis, 0),
               f"2026-11-23T09:00:{seq % 60:02d}.000Z", "Anna", kind, None,
               canonical_json(payload), None, prev]
        digest = hash_of_fields(*row)
        row += [digest, identity.sign(bytes.fromhex(digest))]
        conn.execute("BEGIN IMMEDIATE")
        if seq == 1:  # as Engine.start_run: the run and its run_started event together
            conn.execute(f"INSERT INTO runs ({', '.join(RUN_COLUMNS)}) VALUES "
                         f"({', '.join('?' * len(RUN_COLUMNS))})", run)
        conn.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(EVENT_COLUMNS))})", row)
        conn.execute("INSERT INTO chain_heads VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, "
                     "run_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
                     "sig = excluded.sig",
                     (device, "run-1", seq, digest,
                      identity.sign(chain_head_message(device, "run-1", seq, digest))))
        conn.execute("COMMIT")
        history.ops.append(("ack",))  # only now is the append acknowledged
        ids.append(row[0])
        prev = digest
    conn.close()
    vfs.unregister()
    return history, ids


def _after(history: History, cut: int, rng: random.Random, folder: Path) -> Path | None:
    """The database folder as the cut left it (None: the file was never made)."""
    files = after_cut(history, cut, rng)
    if "runs.sqlite3" not in files:
        return None
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder / "runs.sqlite3"


def _lost(tmp_path: Path, synchronous: str, count: int,
          variants: int) -> tuple[list[str], int]:
    """Cut the history everywhere; what went wrong at each cut, and how many cuts were tried."""
    identity = DeviceIdentity.load_or_create(tmp_path / "laptop")
    history, ids = _record(tmp_path / "runs.sqlite3", identity, count, synchronous)
    rng, wrong, tried = random.Random(14), [], 0
    # Just before and after every sync and acknowledgement (where it matters), and some others.
    edges = {i + d for i, op in enumerate(history.ops) if op[0] in ("s", "ack", "d")
             for d in (0, 1)}
    cuts = sorted(edges | set(rng.sample(range(len(history.ops) + 1), 20)))
    for cut in cuts:
        acknowledged = max(history.acknowledged(cut) - 1, 0)  # the set-up is not an event
        for variant in range(variants):
            tried += 1
            db = _after(history, cut, rng, tmp_path / f"cut-{cut}-{variant}")
            if db is None:
                assert acknowledged == 0
                continue
            try:
                store = Store.open(db, identity=identity)
            except StoreError as exc:
                if history.acknowledged(cut) or db.stat().st_size:
                    wrong.append(f"cut {cut}: {exc.message}")
                continue
            try:
                stored = [e.id for e in store.all_events()]
                if stored != ids[:len(stored)]:
                    wrong.append(f"cut {cut}: events that are not a prefix of the history")
                elif len(stored) < acknowledged:
                    wrong.append(f"cut {cut}: {acknowledged - len(stored)} acknowledged "
                                 "events lost")
                elif not (report := verify_store(store)).ok:
                    wrong.append(f"cut {cut}: {report.problems[0].describe()}")
            finally:
                store.close()
    return wrong, tried


def test_a_power_cut_anywhere_loses_no_acknowledged_event(tmp_path: Path) -> None:
    wrong, tried = _lost(tmp_path, "FULL", count=24, variants=2)
    assert tried > 150
    assert wrong == []


def test_the_harness_sees_loss_when_writes_are_not_synced(tmp_path: Path) -> None:
    wrong, _ = _lost(tmp_path, "OFF", count=12, variants=2)
    assert any("acknowledged events lost" in w for w in wrong), wrong[:3]
