"""Witness statements: the signed chain heads a laptop saw when it imported a bundle.

A statement is this laptop's signed word that, at ``recorded_at``, it held the events of other
laptops up to the heads it lists. It takes the next number in the laptop's own sequence (shared
with its events), so removing a statement leaves a gap in that sequence, and removing what a
statement names (another laptop's whole contribution) leaves the statement pointing at nothing:
``verify`` sees both. Statements live in the database's ``witness`` table, append-only.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from runbook_assistant.core.log.chain import ChainHead
from runbook_assistant.core.log.events import canonical_json
from runbook_assistant.core.log.identity import DeviceIdentity, verify_signature
from runbook_assistant.core.log.manifest import HeadClaim, head_claims

_DOMAIN = "runbook-assistant witness"
COLUMNS = ("device_id", "seq", "recorded_at", "body", "hash", "sig")


@dataclass(frozen=True)
class Statement:
    """One witness statement as stored; ``body`` is canonical JSON (see ``statement_body``)."""

    device_id: str  # the laptop that saw the heads and signed
    seq: Any  # its place in that laptop's sequence
    recorded_at: str
    body: str
    hash: str
    sig: str

    def heads(self) -> list[HeadClaim]:
        """The heads the statement names (empty when the body cannot be read)."""
        try:
            heads = json.loads(self.body).get("heads") or []
            return [(str(d), str(r), s, str(h)) for d, r, s, h in heads]
        except (TypeError, ValueError, AttributeError):
            return []

    def source(self) -> str:
        """Who made what was imported, for people: ``bundle by K7F2-... made at ...``."""
        try:
            body = json.loads(self.body)
            if body.get("source") == "hub":
                return f"the team hub {body.get('fingerprint', '?')}"
            return (f"the {body.get('source', 'bundle')} made by {body.get('fingerprint', '?')} "
                    f"at {body.get('made_at', '?')}")
        except (TypeError, ValueError, AttributeError):
            return "an import"


def statement_hash(device_id: str, seq: Any, recorded_at: str, body: str) -> str:
    text = f"{_DOMAIN}\n{canonical_json([device_id, seq, recorded_at, body])}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def statement_body(*, made_by: str, fingerprint: str, made_at: str,
                   heads: Iterable[ChainHead]) -> str:
    """What a statement about an imported bundle says: its maker and every head it held."""
    return canonical_json({"source": "bundle", "made_by": made_by, "fingerprint": fingerprint,
                           "made_at": made_at, "heads": head_claims(heads)})


def hub_statement_body(*, org: str, fingerprint: str, heads: Iterable[Any]) -> str:
    """What a team hub states when asked: every chain head it holds of an organisation."""
    return canonical_json({"source": "hub", "org": org, "fingerprint": fingerprint,
                           "heads": head_claims(heads)})


# A hub's signed statement as a file (``sync push --receipt``, ``verify --witness``).
HUB_WITNESS_KIND = "runbook-assistant hub witness"


def hub_witness_json(statement: Statement, *, hub_key: str, url: str = "") -> dict[str, Any]:
    return {"kind": HUB_WITNESS_KIND, "hub": url, "hub_key": hub_key,
            "statement": dict(zip(COLUMNS, (statement.device_id, statement.seq,
                                            statement.recorded_at, statement.body,
                                            statement.hash, statement.sig), strict=True))}


def statement_from_json(data: Any) -> Statement:
    """A statement as ``hub_witness_json`` writes it; ValueError when it is not one."""
    try:
        return Statement(*(data[c] for c in COLUMNS))
    except (KeyError, TypeError) as exc:
        raise ValueError("not a witness statement") from exc


def make_statement(identity: DeviceIdentity, seq: int, recorded_at: str, body: str) -> Statement:
    digest = statement_hash(identity.device_id, seq, recorded_at, body)
    return Statement(identity.device_id, seq, recorded_at, body, digest,
                     identity.sign(bytes.fromhex(digest)))


def statement_signed(key: str, statement: Statement) -> bool:
    """True when the statement's hash fits its content and its device's key signed it."""
    try:
        digest = statement_hash(statement.device_id, statement.seq, statement.recorded_at,
                                statement.body)
        return digest == statement.hash and verify_signature(key, bytes.fromhex(digest),
                                                             statement.sig)
    except (TypeError, ValueError):
        return False


def record_statement(conn: sqlite3.Connection, identity: DeviceIdentity, recorded_at: str,
                     body: str) -> Statement:
    """Append a statement by ``identity`` inside the caller's write transaction, taking the
    device's next seq (after its events and earlier statements)."""
    seq = next_seq(conn, identity.device_id)
    statement = make_statement(identity, seq, recorded_at, body)
    conn.execute(f"INSERT INTO witness ({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)",
                 (statement.device_id, statement.seq, statement.recorded_at, statement.body,
                  statement.hash, statement.sig))
    return statement


def next_seq(conn: sqlite3.Connection, device_id: str) -> int:
    """The device's next number: after its last event and its last statement."""
    (events,) = conn.execute("SELECT max(seq) FROM events WHERE device_id = ?",
                             (device_id,)).fetchone()
    return max(int(events or 0), last_statement_seq(conn, device_id)) + 1


def last_statement_seq(conn: sqlite3.Connection, device_id: str) -> int:
    if not has_table(conn):
        return 0
    (seq,) = conn.execute("SELECT max(seq) FROM witness WHERE device_id = ?",
                          (device_id,)).fetchone()
    return int(seq or 0)


def read_statements(conn: sqlite3.Connection) -> list[Statement]:
    """Every statement in the file (none in a file made before statements existed)."""
    if not has_table(conn):
        return []
    return [Statement(*row) for row in conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM witness ORDER BY device_id, seq")]


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'witness'"
                        ).fetchone() is not None
