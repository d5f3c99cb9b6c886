"""Merging verified events into a sync target: by event id, whole chains, nothing rewritten.

The merge is a set union of signed events (every field kept as the recording laptop wrote it),
plus the newest signed chain head per (device, run) and the runs and devices they need. A union is
commutative, associative and idempotent, so laptops may exchange bundles in any order, any number
of times, and end with the same log.

It refuses, in one piece, what a union cannot settle: a known device id with another public key, a
known run whose runbook text differs, or a device whose chain here and in the bundle part ways (two
different events under one seq: a laptop restored from an old backup that then went on recording).

``SyncTarget`` is the one interface: the local SQLite store implements it (``StoreTarget``); a
central database can implement it too. ``plan_merge`` holds the rules and reads the target only
through ``TargetReader``, so every target merges with the same semantics.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Collection, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any, Protocol

from runbook_assistant.core.errors import SyncError
from runbook_assistant.core.log import store_errors
from runbook_assistant.core.log.chain import EVENT_COLUMNS, ChainHead
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.identity import fingerprint_of
from runbook_assistant.core.log.store import DeviceRecord, RunRecord, Store
from runbook_assistant.core.log.witness import record_statement
from runbook_assistant.core.sync.bundle import DEVICE_COLUMNS, RUN_COLUMNS, Bundle
from runbook_assistant.core.sync.tails import Held, held_in_sqlite

_IN_CHUNK = 500  # ids per "IN (...)" query: well under SQLite's variable limit
# Events per write transaction of a merge into a laptop's database (whole chains): a few tens of
# milliseconds of holding the write lock, so the window's own writes hardly wait.
MERGE_PART = 2000


@dataclass(frozen=True)
class SyncBatch:
    """What is offered for merging, already verified: ``events`` are row tuples in
    ``chain.EVENT_COLUMNS`` order, whole chains sorted by (device, run, seq)."""

    runs: list[RunRecord]
    devices: list[DeviceRecord]
    events: list[tuple[Any, ...]]
    heads: list[ChainHead]
    # The witness statement to record with the merge (``witness.statement_body``): the heads
    # this import saw. A target records it, signed, whenever the merge added anything.
    witness: str | None = None
    # The bundle file ``events`` were read from (``Bundle.image``): a SQLite target copies the
    # new events from it in SQL, the very rows that were checked, without binding each value.
    image: bytes | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class MergeResult:
    """What a merge added. ``new_devices`` carry the time they were first seen here."""

    new_devices: list[DeviceRecord] = field(default_factory=list)
    new_runs: list[RunRecord] = field(default_factory=list)
    new_events: int = 0
    new_events_by_run: dict[str, int] = field(default_factory=dict)
    events_offered: int = 0
    newest_hlc: str | None = None  # the latest clock value among the new events

    @property
    def nothing_new(self) -> bool:
        return not (self.new_devices or self.new_runs or self.new_events)


class SyncTarget(Protocol):
    """A database that verified events can be merged into."""

    def device_key(self, device_id: str) -> str | None:
        """The public key (hex) on file for a device, or None when it was never seen."""
        ...

    def known_event_ids(self, ids: Collection[str]) -> set[str]:
        """Which of ``ids`` the target already holds."""
        ...

    def merge(self, batch: SyncBatch) -> MergeResult:
        """Merge the batch in one transaction (all of it or, on ``SyncError``, nothing)."""
        ...


class TargetReader(Protocol):
    """What ``plan_merge`` reads from a target, inside the target's write transaction."""

    def device_key(self, device_id: str) -> str | None: ...

    def run_record(self, run_id: str) -> RunRecord | None: ...

    def chain_end(self, device_id: str, run_id: str) -> tuple[int, str] | None:
        """(seq, hash) of the device's last event in the run, or None."""
        ...

    def event_hash(self, device_id: str, run_id: str, seq: int) -> str | None: ...


@dataclass
class MergePlan:
    """What to write: computed by ``plan_merge``, written by the target."""

    devices: list[DeviceRecord]
    runs: list[RunRecord]
    events: list[tuple[Any, ...]]
    heads: list[ChainHead]
    by_run: Counter[str] = field(default_factory=Counter)
    newest_hlc: str | None = None

    def result(self, offered: int) -> MergeResult:
        return MergeResult(self.devices, self.runs, len(self.events), dict(self.by_run), offered,
                           self.newest_hlc)

    def add(self, part: MergePlan) -> None:
        """Count in the plan of one more part of the batch."""
        self.devices += part.devices
        self.runs += part.runs
        self.events += part.events
        self.heads += part.heads
        self.by_run += part.by_run
        if part.newest_hlc:
            self.newest_hlc = max(self.newest_hlc or "", part.newest_hlc)


def plan_merge(batch: SyncBatch, target: TargetReader, *, now: str) -> MergePlan:
    """The devices, runs and events of ``batch`` the target lacks; ``SyncError`` when the two
    disagree on something a union cannot settle. ``now``: "first seen" for new devices."""
    devices: list[DeviceRecord] = []
    for device in batch.devices:
        known = target.device_key(device.id)
        if known is None:
            devices.append(DeviceRecord(device.id, device.public_key,
                                        fingerprint_of(device.public_key), device.name, now))
        elif known != device.public_key:
            raise SyncError.of("sync_other_key", device=device.id,
                               theirs=fingerprint_of(device.public_key),
                               ours=fingerprint_of(known))
    runs: list[RunRecord] = []
    for run in batch.runs:
        known_run = target.run_record(run.id)
        if known_run is None:
            runs.append(run)
        elif (known_run.runbook_sha256, known_run.runbook_text) != (run.runbook_sha256,
                                                                     run.runbook_text):
            raise SyncError.of("sync_other_runbook", run=run.id, title=run.title)
    plan = MergePlan(devices, runs, [], list(batch.heads))
    for (device_id, run_id), chain_iter in groupby(batch.events, key=itemgetter(2, 1)):
        new = _new_in_chain(target, str(device_id), str(run_id), list(chain_iter))
        if new:
            plan.events.extend(new)
            plan.by_run[str(run_id)] += len(new)
            # A chain's clock values only go up: its last event is its newest.
            plan.newest_hlc = max(plan.newest_hlc or "", str(new[-1][4]))
    return plan


def split_batch(batch: SyncBatch, size: int) -> list[SyncBatch]:
    """The batch as parts of whole chains with about ``size`` events each (a longer chain is a
    part of its own); the first part carries the runs, the devices and the heads of chains
    without events, the last the witness statement."""
    heads = {(h.device_id, h.run_id): h for h in batch.heads}
    parts: list[SyncBatch] = []
    events: list[tuple[Any, ...]] = []
    chains: list[ChainHead] = []
    for key, chain in groupby(batch.events, key=itemgetter(2, 1)):
        if events and len(events) >= size:
            parts.append(SyncBatch([], [], events, chains, image=batch.image))
            events, chains = [], []
        events.extend(chain)
        head = heads.pop((str(key[0]), str(key[1])), None)
        if head is not None:
            chains.append(head)
    parts.append(SyncBatch([], [], events, chains, image=batch.image))
    parts[0] = SyncBatch(batch.runs, batch.devices, parts[0].events,
                         [*heads.values(), *parts[0].heads], image=batch.image)
    parts[-1] = SyncBatch(parts[-1].runs, parts[-1].devices, parts[-1].events, parts[-1].heads,
                          batch.witness, batch.image)
    return parts


def _new_in_chain(target: TargetReader, device_id: str, run_id: str,
                  chain: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The events of one chain the target lacks: the chain whole, or its continuation of what
    the target holds (``tails``). Both hold a prefix of the device's chain in the run; hash
    links make a prefix unique, so matching at one seq settles all before it."""
    end = target.chain_end(device_id, run_id)
    if end is None:
        return chain
    seq, digest = end
    if chain[0][3] > seq:  # it starts after the target's end: it must continue from there
        if chain[0][11] != digest:
            raise _forked(device_id, run_id, seq)
        return chain
    last = chain[-1]
    if seq > last[3]:
        here = target.event_hash(device_id, run_id, last[3])
        if here != last[12]:
            raise _forked(device_id, run_id, last[3])
        return []
    at = next((row for row in chain if row[3] == seq), None)
    if at is None or at[12] != digest:
        raise _forked(device_id, run_id, seq)
    return [row for row in chain if row[3] > seq]


def _forked(device_id: str, run_id: str, seq: int) -> SyncError:
    return SyncError.of("sync_forked", device=device_id, run=run_id, seq=seq)


class StoreTarget:
    """The local SQLite store as a sync target.

    It merges over a connection of its own: the store's connection then sees another writer's
    commit (``PRAGMA data_version``) and re-reads what it caches (its next seq, chain ends) before
    its next append.
    """

    def __init__(self, store: Store) -> None:
        if store.readonly_reason is not None:
            raise store_errors.read_only_error(store.path, store.readonly_reason)
        self.store = store
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                conn = sqlite3.connect(str(self.store.path), isolation_level=None, timeout=5)
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA synchronous = FULL")
                # Room for a whole bundle's pages, so a big merge is not spilled to the WAL
                # page by page before it commits.
                conn.execute("PRAGMA cache_size = -32768")
            except sqlite3.Error as exc:
                raise store_errors.translate(self.store.path, exc, action="open") from exc
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> StoreTarget:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading (SyncTarget and TargetReader) -----------------------------------------------
    def device_key(self, device_id: str) -> str | None:
        row = self.conn.execute("SELECT public_key FROM devices WHERE id = ?",
                                (device_id,)).fetchone()
        return str(row[0]) if row else None

    def known_event_ids(self, ids: Collection[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids), _IN_CHUNK):
            found.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return found

    def run_record(self, run_id: str) -> RunRecord | None:
        row = self.conn.execute(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE id = ?",
                                (run_id,)).fetchone()
        return RunRecord(*row) if row else None

    def chain_end(self, device_id: str, run_id: str) -> tuple[int, str] | None:
        row = self.conn.execute("SELECT seq, hash FROM events WHERE device_id = ? AND run_id = ? "
                                "ORDER BY seq DESC LIMIT 1", (device_id, run_id)).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def event_hash(self, device_id: str, run_id: str, seq: int) -> str | None:
        row = self.conn.execute("SELECT hash FROM events WHERE device_id = ? AND run_id = ? "
                                "AND seq = ?", (device_id, run_id, seq)).fetchone()
        return str(row[0]) if row else None

    def held(self, bundle: Bundle) -> Held:
        """What this database holds of ``bundle``: its chains are checked from there."""
        return held_in_sqlite(self.conn, bundle)

    # --- writing ----------------------------------------------------------------------------
    def merge(self, batch: SyncBatch) -> MergeResult:
        """Merge in write transactions of whole chains, at most about ``MERGE_PART`` events
        each, so that the window's own writes never wait long for a big pull. Every refusal is
        found before anything is written; each part is planned again inside its transaction.
        Between parts the database holds whole chains, each with its signed head: it verifies."""
        conn, path = self.conn, self.store.path
        now = format_wall_time(self.store.clock.now())
        plan = MergePlan([], [], [], [])
        try:
            whole = plan_merge(batch, self, now=now)  # refuse before writing anything
            parts = split_batch(batch, MERGE_PART)
            self._detach()
            image = batch.image if whole.events else None  # (else: nothing to copy)
            if image is not None:  # (outside a transaction: SQLite's rule for ATTACH)
                conn.execute(f"ATTACH ':memory:' AS {_IMAGE}")
                conn.deserialize(image, name=_IMAGE)
            for i, part in enumerate(parts):
                conn.execute("BEGIN IMMEDIATE")
                try:
                    written = plan_merge(part, self, now=now)
                    self._write(written, image is not None)
                    plan.add(written)
                    if i == len(parts) - 1 and batch.witness is not None and not (
                            plan.result(0).nothing_new):
                        record_statement(conn, self.store.identity, now, batch.witness)
                    conn.execute("COMMIT")
                finally:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise store_errors.translate(path, exc, action="write to") from exc
        finally:
            self._detach()
        result = plan.result(len(batch.events))
        if result.newest_hlc:
            # Later events of this laptop must sort after everything it has now seen.
            self.store.hlc.observe(result.newest_hlc)
        return result

    def _detach(self) -> None:
        conn = self._conn
        with suppress(sqlite3.Error):  # (a failed merge has already said why)
            if conn is not None and _IMAGE in {r[1] for r in conn.execute("PRAGMA database_list")}:
                conn.execute(f"DETACH {_IMAGE}")

    def _write(self, plan: MergePlan, from_image: bool = False) -> None:
        """Write the plan; ``from_image``: the new events are copied from the attached bundle
        file, chain by chain (each chain's new events are the run of seqs from its first to its
        last: what it holds is a prefix), else bound from the rows."""
        conn = self.conn
        conn.executemany(f"INSERT INTO devices ({', '.join(DEVICE_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(DEVICE_COLUMNS))})",
                         [tuple(getattr(d, c) for c in DEVICE_COLUMNS) for d in plan.devices])
        conn.executemany(f"INSERT INTO runs ({', '.join(RUN_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(RUN_COLUMNS))})",
                         [tuple(getattr(r, c) for c in RUN_COLUMNS) for r in plan.runs])
        before = conn.total_changes
        if from_image:
            for _, chain_iter in groupby(plan.events, key=itemgetter(2, 1)):
                chain = list(chain_iter)
                conn.execute(_COPY_CHAIN, (chain[0][2], chain[0][1], chain[0][3], chain[-1][3]))
        else:
            conn.executemany(f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
                             f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", plan.events)
        if conn.total_changes - before != len(plan.events):
            raise self._clash(plan.events)
        # Keep the newest signed head of each chain: the maximum is the same in any order.
        conn.executemany(
            "INSERT INTO chain_heads (device_id, run_id, seq, hash, sig) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (device_id, run_id) DO UPDATE SET seq = excluded.seq, "
            "hash = excluded.hash, sig = excluded.sig WHERE excluded.seq > chain_heads.seq",
            [tuple(h) for h in plan.heads])

    def _clash(self, rows: list[tuple[Any, ...]]) -> SyncError:
        """Why some new events could not be added: their id or their (device, seq) is taken."""
        for row in rows:
            other = self.conn.execute(
                "SELECT id, run_id FROM events WHERE (id = ? OR (device_id = ? AND seq = ?)) "
                "AND hash != ?", (row[0], row[2], row[3], row[12])).fetchone()
            if other is not None:
                return SyncError.of("sync_clash", event=row[0], device=row[2], seq=row[3],
                                    other=other[0], other_run=other[1])
        return SyncError.of("sync_not_added")


_IMAGE = "sync_bundle"  # the schema name the bundle file is attached under
# One chain's events from seq to seq, in seq order (the order ``executemany`` would add them).
_COPY_CHAIN = (f"INSERT OR IGNORE INTO main.events ({', '.join(EVENT_COLUMNS)}) "
               f"SELECT {', '.join(EVENT_COLUMNS)} FROM {_IMAGE}.events WHERE device_id = ? "
               "AND run_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
