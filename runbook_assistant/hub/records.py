"""What the hub hands out: its own key, its heads per chain, and pull bundles of changed runs.

A pull answer is an ordinary sync bundle, signed by the hub's key as its maker: the laptop merges
it through the same check-then-merge path as a bundle from a USB stick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from runbook_assistant import __version__
from runbook_assistant.core.log.chain import EVENT_COLUMNS, ChainHead
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import DeviceRecord, RunRecord
from runbook_assistant.core.log.witness import Statement, hub_statement_body, make_statement
from runbook_assistant.core.sync.bundle import (
    DEVICE_COLUMNS,
    RUN_COLUMNS,
    Bundle,
    Manifest,
    manifest_message,
    write_bundle,
)
from runbook_assistant.hub.db import HubError, tenant

HUB_NAME = "team hub"


def ensure_hub_identity(conn: psycopg.Connection) -> DeviceIdentity:
    """The hub's key, made on first use (``hub init``) and kept in the database, so every hub
    process serving it signs with the same key."""
    with conn.transaction():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode()
        conn.execute("INSERT INTO hub_identity (private_key_pem) VALUES (%s) "
                     "ON CONFLICT DO NOTHING", (pem,))
    return load_hub_identity(conn)


def load_hub_identity(conn: psycopg.Connection) -> DeviceIdentity:
    row = conn.execute("SELECT private_key_pem FROM hub_identity").fetchone()
    if row is None:
        raise HubError("the hub database has no hub key",
                       "Run `runbook-assistant hub init --database URL` first.")
    key = serialization.load_pem_private_key(str(row[0]).encode(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return DeviceIdentity(key)


def hub_device(identity: DeviceIdentity) -> DeviceRecord:
    """The hub as the maker of the bundles it hands out."""
    return DeviceRecord(identity.device_id, identity.public_key_hex, identity.fingerprint,
                        HUB_NAME, "")


def heads(conn: psycopg.Connection, org: str) -> list[list[object]]:
    """[device, run, seq, hash] of every chain the organisation's records hold."""
    with tenant(conn, org):
        rows = conn.execute("SELECT device_id, run_id, seq, hash FROM chain_heads "
                            "WHERE org = %s ORDER BY device_id, run_id", (org,)).fetchall()
    return [list(r) for r in rows]


def record_hub_statement(conn: psycopg.Connection, org: str, hub: DeviceIdentity,
                         recorded_at: str, body: str) -> Statement:
    """Sign ``body`` with the hub's key and keep it (inside the caller's tenant transaction):
    the hub's word of what it held at ``recorded_at``, numbered in one sequence of its own."""
    row = conn.execute("SELECT nextval('witness_seq')").fetchone()
    assert row is not None
    statement = make_statement(hub, int(row[0]), recorded_at, body)
    conn.execute("INSERT INTO witness (org, seq, device_id, recorded_at, body, hash, sig) "
                 "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                 (org, statement.seq, statement.device_id, statement.recorded_at,
                  statement.body, statement.hash, statement.sig))
    return statement


def witness_now(conn: psycopg.Connection, org: str, hub: DeviceIdentity) -> Statement:
    """The hub's signed, recorded statement of every chain head it holds of ``org`` now."""
    with tenant(conn, org):
        rows = conn.execute("SELECT device_id, run_id, seq, hash FROM chain_heads "
                            "WHERE org = %s", (org,)).fetchall()
        body = hub_statement_body(org=org, fingerprint=hub.fingerprint, heads=rows)
        return record_hub_statement(conn, org, hub, format_wall_time(datetime.now(UTC)), body)


@dataclass(frozen=True)
class PullAnswer:
    cursor: int
    events: int
    path: Path | None  # None: nothing new since the cursor


def pull_bundle(conn: psycopg.Connection, org: str, cursor: int, hub: DeviceIdentity,
                path: Path, *, whole: bool = False) -> PullAnswer:
    """Write to ``path`` a bundle of every run with events newer than ``cursor``, signed by the
    hub over whole runs (every event, every head), or say there is nothing new. Unless
    ``whole``, it carries only the events past the cursor: the laptop holds the others
    and checks the tail from there (``tails``)."""
    with tenant(conn, org, snapshot=True):
        row = conn.execute("SELECT last_pos FROM orgs WHERE org = %s", (org,)).fetchone()
        last = int(row[0]) if row else 0
        if last <= cursor:
            return PullAnswer(last, 0, None)
        run_ids = [r[0] for r in conn.execute(
            "SELECT DISTINCT run_id FROM events WHERE org = %s AND pos > %s", (org, cursor))]
        runs = [RunRecord(*r) for r in conn.execute(
            f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE org = %s AND id = ANY(%s) "
            "ORDER BY id", (org, run_ids))]
        count = conn.execute("SELECT count(*) FROM events WHERE org = %s AND run_id = ANY(%s)",
                             (org, run_ids)).fetchone()[0]
        # A chain's positions grow with its seq: what is past the cursor is a tail.
        events = conn.execute(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE org = %s AND "
            "run_id = ANY(%s) AND pos > %s ORDER BY device_id, run_id, seq",
            (org, run_ids, -1 if whole else cursor)).fetchall()
        chain_heads = [ChainHead(*r) for r in conn.execute(
            "SELECT device_id, run_id, seq, hash, sig FROM chain_heads WHERE org = %s AND "
            "run_id = ANY(%s) ORDER BY device_id, run_id", (org, run_ids))]
        signers = {str(e[2]) for e in events} | {h.device_id for h in chain_heads}
        devices = [DeviceRecord(*r) for r in conn.execute(
            f"SELECT {', '.join(DEVICE_COLUMNS)} FROM devices WHERE org = %s AND id = ANY(%s) "
            "ORDER BY id", (org, sorted(signers)))]
    unsigned = Manifest(made_by=hub.device_id, fingerprint=hub.fingerprint,
                        made_at=format_wall_time(datetime.now(UTC)), app_version=__version__,
                        event_count=int(count))
    sig = hub.sign(manifest_message(unsigned, [r.id for r in runs], chain_heads))
    manifest = Manifest(unsigned.made_by, unsigned.fingerprint, unsigned.made_at,
                        unsigned.app_version, unsigned.event_count, sig)
    write_bundle(path, Bundle(manifest, runs, [*devices, hub_device(hub)], events, chain_heads))
    return PullAnswer(last, len(events), path)
