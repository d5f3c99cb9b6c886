"""One organisation's records in the hub database as a sync target.

``PgTarget`` answers what ``plan_merge`` asks (device keys, runs, chain ends) from PostgreSQL and
writes the plan in one transaction: the same rules as a laptop's ``StoreTarget``, so a push is
merged exactly as ``sync import`` merges a bundle. The organisation's row is locked for the
transaction: pushes of one organisation are merged one after the other (their checking, the
expensive part, runs before and in parallel), which keeps chain ends and the pull cursor exact.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

import psycopg

from runbook_assistant.core.errors import SyncError
from runbook_assistant.core.log.chain import EVENT_COLUMNS
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import RunRecord
from runbook_assistant.core.log.verify_checks import Anchor
from runbook_assistant.core.log.witness import Statement
from runbook_assistant.core.sync.bundle import DEVICE_COLUMNS, RUN_COLUMNS, Bundle
from runbook_assistant.core.sync.merge import MergePlan, MergeResult, SyncBatch, plan_merge
from runbook_assistant.core.sync.tails import Held, anchor_points, held_runs
from runbook_assistant.hub.db import tenant
from runbook_assistant.hub.records import record_hub_statement

_NOTHING = "Nothing was merged."
# Postgres array types of the event columns, for one INSERT ... SELECT FROM unnest(...).
_EVENT_TYPES = {"seq": "bigint"}


class PgTarget:
    """The records of ``org`` on an open connection (``merge`` opens its own transaction)."""

    def __init__(self, conn: psycopg.Connection, org: str,
                 hub: DeviceIdentity | None = None) -> None:
        self.conn = conn
        self.org = org
        self.hub = hub  # signs the witness statement of each merge that adds anything
        self.statement: Statement | None = None  # the one recorded by the last merge

    # --- reading (SyncTarget and TargetReader; inside ``merge``'s transaction) --------------
    def _one(self, sql: str, *args: Any) -> Any:
        return self.conn.execute(sql, args).fetchone()

    def device_key(self, device_id: str) -> str | None:
        row = self._one("SELECT public_key FROM devices WHERE org = %s AND id = %s",
                        self.org, device_id)
        return str(row[0]) if row else None

    def known_event_ids(self, ids: Collection[str]) -> set[str]:
        with tenant(self.conn, self.org):
            rows = self.conn.execute("SELECT id FROM events WHERE org = %s AND id = ANY(%s)",
                                     (self.org, list(ids))).fetchall()
        return {str(r[0]) for r in rows}

    def run_record(self, run_id: str) -> RunRecord | None:
        row = self._one(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE org = %s AND id = %s",
                        self.org, run_id)
        return RunRecord(*row) if row else None

    def chain_end(self, device_id: str, run_id: str) -> tuple[int, str] | None:
        row = self._one("SELECT seq, hash FROM events WHERE org = %s AND device_id = %s AND "
                        "run_id = %s ORDER BY seq DESC LIMIT 1", self.org, device_id, run_id)
        return (int(row[0]), str(row[1])) if row else None

    def event_hash(self, device_id: str, run_id: str, seq: int) -> str | None:
        row = self._one("SELECT hash FROM events WHERE org = %s AND device_id = %s AND "
                        "run_id = %s AND seq = %s", self.org, device_id, run_id, seq)
        return str(row[0]) if row else None

    def held(self, bundle: Bundle) -> Held:
        """What the hub holds of the pushed runs (the laptop left it out): per chain, the last
        event below the first one sent, and the run records. The push is checked from there."""
        points = anchor_points(bundle)
        chains = sorted(points)
        with tenant(self.conn, self.org):
            rows = self.conn.execute(
                "SELECT w.device_id, w.run_id, e.seq, e.hash, e.hlc, (SELECT count(*) FROM "
                "events c WHERE c.org = %s AND c.device_id = w.device_id AND "
                "c.run_id = w.run_id AND c.seq <= e.seq) "
                "FROM unnest(%s::text[], %s::text[], %s::bigint[]) AS w(device_id, run_id, below) "
                "JOIN LATERAL (SELECT seq, hash, hlc FROM events e WHERE e.org = %s AND "
                "e.device_id = w.device_id AND e.run_id = w.run_id AND e.seq < w.below "
                "ORDER BY e.seq DESC LIMIT 1) e ON true",
                (self.org, [d for d, _ in chains], [r for _, r in chains],
                 [points[c] for c in chains], self.org)).fetchall()
            runs = self.conn.execute(
                f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE org = %s AND id = ANY(%s)",
                (self.org, [r.id for r in bundle.runs])).fetchall()
        return Held({(str(d), str(r)): Anchor(int(s), str(h), str(c), int(n))
                     for d, r, s, h, c, n in rows}, held_runs(runs))

    # --- writing ----------------------------------------------------------------------------
    def merge(self, batch: SyncBatch) -> MergeResult:
        with tenant(self.conn, self.org):
            row = self._one("SELECT last_pos FROM orgs WHERE org = %s FOR UPDATE", self.org)
            if row is None:
                raise SyncError(f"organisation {self.org} does not exist on this hub")
            now = format_wall_time(datetime.now(UTC))
            plan = plan_merge(batch, self, now=now)
            self._write(plan, int(row[0]))
            if self.hub is not None and batch.witness and not plan.result(0).nothing_new:
                self.statement = record_hub_statement(self.conn, self.org, self.hub, now,
                                                      batch.witness)
        return plan.result(len(batch.events))

    def _write(self, plan: MergePlan, last_pos: int) -> None:
        conn, org = self.conn, self.org
        with conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO devices (org, {', '.join(DEVICE_COLUMNS)}) "
                f"VALUES (%s, {', '.join(['%s'] * len(DEVICE_COLUMNS))})",
                [(org, *(getattr(d, c) for c in DEVICE_COLUMNS)) for d in plan.devices])
            cur.executemany(
                f"INSERT INTO runs (org, {', '.join(RUN_COLUMNS)}) "
                f"VALUES (%s, {', '.join(['%s'] * len(RUN_COLUMNS))})",
                [(org, *(getattr(r, c) for c in RUN_COLUMNS)) for r in plan.runs])
        if plan.events:
            columns = list(zip(*plan.events, strict=True))
            arrays = ", ".join(f"%s::{_EVENT_TYPES.get(c, 'text')}[]" for c in EVENT_COLUMNS)
            cur = conn.execute(
                f"INSERT INTO events (org, pos, {', '.join(EVENT_COLUMNS)}) "
                f"SELECT %s, %s + ordinality, {', '.join('e.' + c for c in EVENT_COLUMNS)} "
                f"FROM unnest({arrays}) WITH ORDINALITY "
                f"AS e({', '.join(EVENT_COLUMNS)}, ordinality) ON CONFLICT DO NOTHING",
                (org, last_pos, *(list(c) for c in columns)))
            if cur.rowcount != len(plan.events):
                raise self._clash(plan.events)
            conn.execute("UPDATE orgs SET last_pos = %s WHERE org = %s",
                         (last_pos + len(plan.events), org))
        with conn.cursor() as cur:
            # Keep the newest signed head of each chain: the maximum is the same in any order.
            cur.executemany(
                "INSERT INTO chain_heads (org, device_id, run_id, seq, hash, sig) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (org, device_id, run_id) DO UPDATE "
                "SET seq = excluded.seq, hash = excluded.hash, sig = excluded.sig "
                "WHERE excluded.seq > chain_heads.seq",
                [(org, *h) for h in plan.heads])

    def _clash(self, rows: list[tuple[Any, ...]]) -> SyncError:
        """Why some new events could not be added: their id or their (device, seq) is taken."""
        for row in rows:
            other = self._one(
                "SELECT id, run_id FROM events WHERE org = %s AND (id = %s OR "
                "(device_id = %s AND seq = %s)) AND hash <> %s",
                self.org, row[0], row[2], row[3], row[12])
            if other is not None:
                return SyncError(
                    f"event {row[0]} (device {row[2]}, seq {row[3]}) clashes with event "
                    f"{other[0]} of run {other[1]} already on the hub: the device's history was "
                    f"forked. Refused. {_NOTHING}",
                    "Check both laptops with `runbook-assistant verify`.")
        return SyncError(f"some events could not be added: refused. {_NOTHING}")
