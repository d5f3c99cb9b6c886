"""Writing to the event store: one ``Writer`` per ``store.writing()`` transaction.

Appending reads as little as it can: this device's next seq and the end of each of its chains are
cached by the Store and re-read (through the indexes) only after another connection committed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log import store_errors
from runbook_assistant.core.log.chain import (
    EVENT_COLUMNS,
    ChainHead,
    chain_head_message,
    event_to_row,
    hash_of_fields,
)
from runbook_assistant.core.log.clock import format_wall_time, new_event_id, parse_hlc
from runbook_assistant.core.log.events import GENESIS_HASH, Event, EventKind, canonical_json
from runbook_assistant.core.log.witness import last_statement_seq

if TYPE_CHECKING:
    from runbook_assistant.core.log.store import DeviceRecord, RunRecord, Store

_INSERT_EVENT = (f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})")
_UPSERT_HEAD = ("INSERT INTO chain_heads (device_id, run_id, seq, hash, sig) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, run_id) DO UPDATE SET "
                "seq = excluded.seq, hash = excluded.hash, sig = excluded.sig")
RUN_COLUMNS = ("id", "runbook_id", "runbook_version", "runbook_sha256", "runbook_text", "title",
               "mode", "lang", "created_at", "device_id", "scenario_id")


class Writer:
    """Writes inside one ``store.writing()`` transaction; unusable after it ends."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._open = True
        self._new_heads: dict[str, tuple[int, str]] = {}  # run_id -> (seq, hash) appended

    def _sign_chain_heads(self) -> None:
        """Record and sign the new last event of each chain this transaction appended to (once
        per chain, however many events it appended)."""
        store = self._store
        for run_id, (seq, digest) in self._new_heads.items():
            sig = store.identity.sign(chain_head_message(store.device_id, run_id, seq, digest))
            store.conn.execute(_UPSERT_HEAD, (store.device_id, run_id, seq, digest, sig))
        self._new_heads.clear()

    def _live(self) -> Store:
        if not self._open:
            raise StoreError.of("store_write_ended", path=self._store.path)
        return self._store

    def events(self, run_id: str) -> list[Event]:
        """The run's events as this transaction sees them (the latest committed, plus its own)."""
        return self._live().events(run_id)

    def insert_run(self, run: RunRecord, *, if_missing: bool = False) -> bool:
        """Record a run (its runbook text included); True if it was new. A run id already in
        the file is an error, unless ``if_missing`` (merging another laptop's runs)."""
        verb = "INSERT OR IGNORE" if if_missing else "INSERT"
        return self._insert(f"{verb} INTO runs ({', '.join(RUN_COLUMNS)}) "
                            f"VALUES ({', '.join('?' * len(RUN_COLUMNS))})",
                            [tuple(getattr(run, name) for name in RUN_COLUMNS)],
                            ("run", run.id)) == 1

    # -- merging what other laptops recorded (sync) ------------------------------------------
    def insert_device(self, device: DeviceRecord) -> bool:
        """Record another laptop (its public key); True if it was new."""
        return self._insert(
            "INSERT OR IGNORE INTO devices (id, public_key, fingerprint, name, first_seen) "
            "VALUES (?, ?, ?, ?, ?)", [(device.id, device.public_key, device.fingerprint,
                                        device.name, device.first_seen)],
            ("device", device.id)) == 1

    def insert_events(self, events: Iterable[Event]) -> list[Event]:
        """Add events recorded elsewhere, exactly as they are (verify them first); events
        already in the file (same id) are skipped. Returns the ones that were new."""
        store = self._live()
        new = [event for event in events
               if self._insert(f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
                               f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
                               [event_to_row(event)], ("event", event.id)) == 1]
        for event in new:
            store.hlc.observe(event.hlc)
        if new:
            store._forget()  # they may include this laptop's own events, restored
        return new

    def insert_chain_head(self, head: ChainHead) -> None:
        """Keep a signed chain head from elsewhere, unless the file knows a later one."""
        self._insert("INSERT INTO chain_heads (device_id, run_id, seq, hash, sig) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, run_id) DO UPDATE SET "
                     "seq = excluded.seq, hash = excluded.hash, sig = excluded.sig "
                     "WHERE excluded.seq > chain_heads.seq", [tuple(head)],
                     ("the chain head of run", head.run_id))

    def _insert(self, sql: str, rows: list[tuple[Any, ...]], what: tuple[str, str]) -> int:
        store = self._live()
        try:
            return store.conn.executemany(sql, rows).rowcount
        except sqlite3.IntegrityError as exc:
            raise StoreError.of("store_record_failed", thing=what[0], id=what[1],
                                path=store.path, why=exc) from exc
        except sqlite3.Error as exc:
            raise store_errors.translate(store.path, exc, action="write to") from exc

    def append(self, run_id: str, kind: EventKind | str, *, actor: str,
               step_id: str | None = None, payload: dict[str, Any] | None = None,
               occurred_at: str | None = None) -> Event:
        """Append one event by this device to the run; final once the ``with`` block exits."""
        store = self._live()
        kind = EventKind(kind)
        payload_json = canonical_json(payload or {})
        payload = json.loads(payload_json)  # exactly what is stored (tuples become lists, ...)
        if type(payload) is not dict:  # what every reader of an event takes it for
            raise TypeError("an event's payload must be a JSON object")
        conn, device_id = store.conn, store.device_id
        try:
            seq = store._next_seq or _load_next_seq(store)
            prev_hash = _chain_end(store, run_id)
            if run_id not in store._hlc_synced_runs:  # order after every event already in the run
                (newest,) = conn.execute("SELECT max(hlc) FROM events WHERE run_id = ?",
                                         (run_id,)).fetchone()
                if newest:
                    store.hlc.observe(newest)
                store._hlc_synced_runs.add(run_id)
            now = store.clock.now()
            hlc = store.hlc.tick(now)
            event_id = new_event_id(parse_hlc(hlc)[0])
            wall_time = format_wall_time(now)
            digest = hash_of_fields(event_id, run_id, device_id, seq, hlc, wall_time, actor,
                                    kind.value, step_id, payload_json, occurred_at, prev_hash)
            sig = store.identity.sign(bytes.fromhex(digest))
            conn.execute(_INSERT_EVENT, (event_id, run_id, device_id, seq, hlc, wall_time, actor,
                                         kind.value, step_id, payload_json, occurred_at,
                                         prev_hash, digest, sig))
        except sqlite3.IntegrityError as exc:
            if "FOREIGN KEY" in str(exc):
                raise StoreError.of("store_run_missing", run=run_id, path=store.path) from exc
            raise StoreError.of("store_event_failed", path=store.path, why=exc) from exc
        except sqlite3.Error as exc:
            raise store_errors.translate(store.path, exc, action="write to") from exc
        store._next_seq = seq + 1
        store._chain_ends[run_id] = (seq, digest)
        self._new_heads[run_id] = (seq, digest)
        return Event(id=event_id, run_id=run_id, device_id=device_id, seq=seq, hlc=hlc,
                     wall_time=wall_time, actor=actor, kind=kind, step_id=step_id,
                     payload=payload, occurred_at=occurred_at, prev_hash=prev_hash,
                     hash=digest, sig=sig)


def _load_next_seq(store: Store) -> int:
    """This device's next seq, read through the (device_id, seq) index; also keeps the HLC
    ahead of the device's newest event, so seq order and HLC order agree."""
    row = store.conn.execute("SELECT seq, hlc FROM events WHERE device_id = ? "
                             "ORDER BY seq DESC LIMIT 1", (store.device_id,)).fetchone()
    if row is not None:
        store.hlc.observe(row[1])
    # Witness statements take numbers of the same sequence.
    return max(int(row[0]) if row else 0, last_statement_seq(store.conn, store.device_id)) + 1


def _chain_end(store: Store, run_id: str) -> str:
    """The hash of this device's last event in the run (GENESIS_HASH for its first)."""
    cached = store._chain_ends.get(run_id)
    if cached is not None:
        return cached[1]
    row = store.conn.execute("SELECT seq, hash FROM events WHERE device_id = ? AND run_id = ? "
                             "ORDER BY seq DESC LIMIT 1", (store.device_id, run_id)).fetchone()
    if row is None:
        return GENESIS_HASH
    store._chain_ends[run_id] = (row[0], row[1])
    return str(row[1])
