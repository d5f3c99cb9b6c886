"""The event store: one SQLite file, append-only, crash-safe.

Every write is one ``BEGIN IMMEDIATE`` ... ``COMMIT`` in WAL mode with ``synchronous=FULL``: when
``with store.writing()`` has exited, the events are on disk. Triggers refuse any UPDATE or DELETE
of an event. Each device numbers its events 1, 2, 3 ... without gaps; each event carries the hash
of the device's previous event in the same run and an Ed25519 signature of its own hash; a signed
chain head per (device, run) marks the last event.
"""

from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log import store_errors
from runbook_assistant.core.log.chain import (
    EVENT_COLUMNS,
    KIND_NAMES,
    ChainHead,
    rows_to_events,
)
from runbook_assistant.core.log.clock import (
    Clock,
    HybridLogicalClock,
    SystemClock,
    format_wall_time,
)
from runbook_assistant.core.log.events import Event
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.integrity import index_problems
from runbook_assistant.core.log.readonly import discard_copy
from runbook_assistant.core.log.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    OWN_TABLES,
    READABLE_FROM,
    SCHEMA_VERSION,
)
from runbook_assistant.core.log.store_files import (
    connect,
    create_private,
    set_wal,
    unwritable_reason,
)
from runbook_assistant.core.log.store_writer import RUN_COLUMNS, Writer
from runbook_assistant.core.sqlscript import run_script

__all__ = ["DeviceRecord", "RunRecord", "Store", "Writer"]

_READ_CHUNK = 1000
_SELECT_EVENTS = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
# The same, with the proof (prev_hash, hash, sig) left empty: see ``Store.events``.
_SELECT_SHOWN = (f"SELECT {', '.join(EVENT_COLUMNS[:11])}, '', '', '' FROM events"
                 if EVENT_COLUMNS[11:] == ("prev_hash", "hash", "sig") else _SELECT_EVENTS)



@dataclass(frozen=True)
class RunRecord:
    """A run as stored: which runbook (its full text as run), title, mode, where it began."""

    id: str
    runbook_id: str
    runbook_version: int
    runbook_sha256: str
    runbook_text: str
    title: str
    mode: str  # "incident" | "exercise"
    lang: str
    created_at: str
    device_id: str
    scenario_id: str | None = None


@dataclass(frozen=True)
class DeviceRecord:
    """A device whose events are in the file, with its public key (hex)."""

    id: str
    public_key: str
    fingerprint: str
    name: str
    first_seen: str


class Store:
    """An open event store. Open with ``Store.open``; write with ``with store.writing() as w``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, identity: DeviceIdentity,
                 clock: Clock, readonly_reason: str | None) -> None:
        self.path = path
        self.conn = conn
        self.identity = identity
        self.device_id = identity.device_id
        self.clock = clock
        self.hlc = HybridLogicalClock(identity.device_id, clock)
        self.readonly_reason = readonly_reason  # None when writable
        self._writer: Writer | None = None
        # What this process knows of the log, re-read whenever another connection committed
        # (PRAGMA data_version changes then): the device's next seq and each run's chain end.
        self._data_version: int | None = None
        self._next_seq: int | None = None
        self._chain_ends: dict[str, tuple[int, str]] = {}
        self._hlc_synced_runs: set[str] = set()
        self._private_copy: Path | None = None  # read-only: the private copy read instead

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, identity: DeviceIdentity | None = None,
             clock: Clock | None = None, readonly: bool = False,
             busy_timeout_ms: int = 5000) -> Store:
        """Open (creating or migrating) the store at ``path`` and register this device in it.

        A file or folder that cannot be written is opened for reading; writing then raises a
        StoreError that says so. ``readonly=True`` opens for reading only, changing nothing.
        """
        path = Path(path)
        identity = identity or DeviceIdentity.load_or_create()
        store_errors.check_header(path)
        reason = "it was opened for reading only" if readonly else unwritable_reason(path)
        if reason is None and not path.exists():
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                create_private(path)
            except OSError as exc:
                raise store_errors.create_error(path, exc) from exc
        conn, copy = connect(path, reason is not None, busy_timeout_ms)
        store = cls(path, conn, identity, clock or SystemClock(), reason)
        store._private_copy = copy
        try:
            store._prepare(busy_timeout_ms)
        except BaseException:
            store.close()
            raise
        return store

    def _prepare(self, busy_timeout_ms: int) -> None:
        conn = self.conn
        with self._translated("open"):
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # INSERT OR REPLACE deletes the row it replaces; only with recursive triggers does
            # that delete meet the append-only trigger (tests/core/test_store.py tries it).
            conn.execute("PRAGMA recursive_triggers = ON")
            if self.readonly_reason is None:
                set_wal(conn, busy_timeout_ms)
            conn.execute("PRAGMA synchronous = FULL")
            version = self._check_schema()
            if version < SCHEMA_VERSION and self.readonly_reason is None:
                self._migrate()
            elif version < READABLE_FROM:
                raise StoreError.of("store_needs_update", path=self.path,
                                    reason=self.readonly_reason)
            self._check_complete()
            if self.readonly_reason is None and not conn.execute(
                    "SELECT 1 FROM devices WHERE id = ?", (self.device_id,)).fetchone():
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT OR IGNORE INTO devices (id, public_key, fingerprint, name, first_seen)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (self.device_id, self.identity.public_key_hex, self.identity.fingerprint,
                     socket.gethostname(), format_wall_time(self.clock.now())))
                conn.execute("COMMIT")

    def _check_complete(self) -> None:
        """Stop at open rather than show less than is there: every index of the events must
        list every event (see ``integrity.py``; about 25 ms for 100,000 events)."""
        problems = index_problems(self.conn)
        if problems:
            raise store_errors.incomplete_error(self.path, problems[0])

    def _check_schema(self) -> int:
        conn = self.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id not in (0, APPLICATION_ID):
            raise store_errors.damaged_error(self.path)
        if version > SCHEMA_VERSION:
            raise store_errors.newer_schema_error(self.path, version, SCHEMA_VERSION)
        if version == 0:
            tables = {name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables - OWN_TABLES:  # somebody else's database: leave it alone
                raise store_errors.damaged_error(self.path)
        return version

    def _migrate(self) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = self._check_schema()  # another process may have migrated meanwhile
            for script in MIGRATIONS[version:]:
                run_script(conn, script)  # inside this transaction, not committing it
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', ?)",
                         (format_wall_time(self.clock.now()),))
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    # -- writing -----------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """One transaction: BEGIN IMMEDIATE, then COMMIT (on disk) on exit, ROLLBACK on error."""
        if self._writer is not None:
            raise StoreError.of("store_write_busy", path=self.path)
        if self.readonly_reason is not None:
            raise store_errors.read_only_error(self.path, self.readonly_reason)
        conn = self.conn
        with self._translated("write to"):
            conn.execute("BEGIN IMMEDIATE")
        writer = Writer(self)
        self._writer = writer
        try:
            with self._translated("write to"):
                version = conn.execute("PRAGMA data_version").fetchone()[0]
                if version != self._data_version:
                    self._forget()
                    self._data_version = version
            yield writer
            with self._translated("write to"):
                writer._sign_chain_heads()
                conn.execute("COMMIT")
        except BaseException:
            self._forget()  # what this transaction cached is gone with it
            if conn.in_transaction:
                # (it may have rolled back on its own already: full disk, I/O error)
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
        finally:
            writer._open = False
            self._writer = None

    def _forget(self) -> None:
        self._next_seq = None
        self._chain_ends.clear()
        self._hlc_synced_runs.clear()

    # -- reading -----------------------------------------------------------------------------
    def events(self, run_id: str, *, proof: bool = True) -> list[Event]:
        """The run's events in log order: by (hlc, device_id, seq).

        ``proof=False``: with ``prev_hash``, ``hash`` and ``sig`` empty, for what only shows the
        events (a timeline): a long run then takes a third less memory and time to read.
        """
        select = _SELECT_EVENTS if proof else _SELECT_SHOWN
        with self._translated("read"), gc_paused():
            cursor = self.conn.execute(
                f"{select} WHERE run_id = ? ORDER BY hlc, device_id, seq", (run_id,))
            # A chunk of rows at a time: the raw rows of a long run never all exist beside its
            # events (they would double what reading it takes at its peak).
            events: list[Event] = []
            while rows := cursor.fetchmany(_READ_CHUNK):
                events += self._to_events(rows)
            return events

    def event_rows(self, run_id: str, *, proof: bool = True) -> list[tuple[Any, ...]]:
        """The run's events as stored rows (``chain.EVENT_COLUMNS``, the payload as its JSON
        text), in the order of ``events``: for what writes the events exactly as stored (the
        JSON export) or reads only some of their fields (the CSV timeline), without making an
        ``Event`` and a payload of each. ``proof=False``: as for ``events``.

        Checked as ``events`` checks them: a row that is not a valid event (an unknown kind, a
        payload that is not JSON) is a damaged store, here as there.
        """
        select = _SELECT_EVENTS if proof else _SELECT_SHOWN
        with self._translated("read"), gc_paused():
            cursor = self.conn.execute(
                f"{select} WHERE run_id = ? ORDER BY hlc, device_id, seq", (run_id,))
            rows: list[tuple[Any, ...]] = []
            while chunk := cursor.fetchmany(_READ_CHUNK):
                if not _valid_rows(chunk):
                    self._to_events(chunk)  # raises the same error reading the events would
                rows += _shared(chunk)
            return rows

    def events_since(self, run_id: str, after_rowid: int) -> tuple[list[Event], int]:
        """The run's events appended after position ``after_rowid`` (0: all), in append order,
        and the position to pass next time (``events.pos``, which VACUUM keeps)."""
        with self._translated("read"), gc_paused():
            rows = self.conn.execute(
                f"SELECT pos, {', '.join(EVENT_COLUMNS)} FROM events "
                "WHERE run_id = ? AND pos > ? ORDER BY pos", (run_id, after_rowid)).fetchall()
            if not rows:
                return [], after_rowid
            return self._to_events([row[1:] for row in rows]), rows[-1][0]

    def all_events(self) -> Iterator[Event]:
        """Every event in the file, in append order."""
        with self._translated("read"), gc_paused():
            rows = self.conn.execute(f"{_SELECT_EVENTS} ORDER BY pos").fetchall()
            events = self._to_events(rows)
        yield from events

    def event_count(self) -> int:
        with self._translated("read"):
            return int(self.conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def run(self, run_id: str) -> RunRecord | None:
        with self._translated("read"):
            row = self.conn.execute(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE id = ?",
                                    (run_id,)).fetchone()
        return RunRecord(*row) if row else None

    def runs(self) -> list[RunRecord]:
        """Every run, oldest first."""
        with self._translated("read"):
            rows = self.conn.execute(
                f"SELECT {', '.join(RUN_COLUMNS)} FROM runs ORDER BY created_at, id").fetchall()
        return [RunRecord(*row) for row in rows]

    def devices(self) -> list[DeviceRecord]:
        with self._translated("read"):
            rows = self.conn.execute("SELECT id, public_key, fingerprint, name, first_seen "
                                     "FROM devices ORDER BY first_seen, id").fetchall()
        return [DeviceRecord(*row) for row in rows]

    def chain_heads(self) -> list[ChainHead]:
        """The signed last event of every (device, run) chain."""
        with self._translated("read"):
            rows = self.conn.execute("SELECT device_id, run_id, seq, hash, sig FROM chain_heads "
                                     "ORDER BY device_id, run_id").fetchall()
        return [ChainHead(*row) for row in rows]

    def integrity_problems(self) -> list[str]:
        """What SQLite's own check finds wrong with the file (empty: fine)."""
        with self._translated("read"):
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        return [] if rows == [("ok",)] else [str(row[0]) for row in rows]

    def close(self) -> None:
        self.conn.close()
        discard_copy(self._private_copy)
        self._private_copy = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _to_events(self, rows: list[Any]) -> list[Event]:
        try:
            return rows_to_events(rows)
        except ValueError as exc:  # an unknown kind or a payload that is not JSON
            raise store_errors.damaged_error(self.path) from exc

    @contextmanager
    def _translated(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise store_errors.translate(self.path, exc, action=action) from exc


def _valid_rows(rows: list[Any]) -> bool:
    """True when every row has a known kind and a payload that is a JSON object each (what
    ``rows_to_events`` would accept; it is not asked, since making the events is the cost)."""
    if not all(row[7] in KIND_NAMES for row in rows):
        return False
    try:
        payloads = json.loads("[" + ",".join([row[9] for row in rows]) + "]")
    except (TypeError, ValueError):
        return False
    return len(payloads) == len(rows) and all(type(p) is dict for p in payloads)


def _shared(rows: list[Any]) -> list[tuple[Any, ...]]:
    """The rows with one string object for each repeated value, as ``rows_to_events`` shares
    them (run, device, actor, kind, step, an empty payload, and each prev_hash is an earlier
    event's hash): a third less memory for a long run."""
    shared: dict[str, str] = {}
    one = shared.setdefault
    return [(id_, one(run_id, run_id), one(device_id, device_id), seq, hlc, wall_time,
             one(actor, actor), one(kind, kind), step_id if step_id is None else
             one(step_id, step_id), payload if len(payload) > 2 else one(payload, payload),
             occurred_at, one(prev_hash, prev_hash), one(hash_, hash_), sig)
            for (id_, run_id, device_id, seq, hlc, wall_time, actor, kind, step_id, payload,
                 occurred_at, prev_hash, hash_, sig) in rows]
