"""Administration of a hub database: ``hub init`` and ``hub enrol``."""

from __future__ import annotations

import re
from dataclasses import dataclass

import psycopg

from runbook_assistant.core.log.identity import device_id_of, fingerprint_of
from runbook_assistant.hub.db import HubError, check_schema, connect, migrate
from runbook_assistant.hub.records import ensure_hub_identity, load_hub_identity

_ORG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,62}$")


@dataclass(frozen=True)
class InitResult:
    applied: list[int]
    hub_device: str
    hub_fingerprint: str
    hub_key: str


def init(url: str) -> InitResult:
    """Create or migrate the hub schema and make the hub's key (both only once)."""
    with connect(url) as conn:
        try:
            applied = migrate(conn)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise HubError(f"cannot prepare the hub database: {exc.diag.message_primary}",
                           "Run `hub init` once as a user that owns the database and may "
                           "create roles.") from exc
        identity = ensure_hub_identity(conn)
    return InitResult(applied, identity.device_id, identity.fingerprint,
                      identity.public_key_hex)


@dataclass(frozen=True)
class Enrolment:
    org: str
    device_id: str
    fingerprint: str
    name: str
    new: bool


def enrol(url: str, org: str, public_key_hex: str, name: str = "") -> Enrolment:
    """Enrol the laptop with this public key (``runbook-assistant device`` shows it) into
    ``org``; creates the organisation on first use. A device belongs to one organisation."""
    if not _ORG.match(org):
        raise HubError(f"'{org}' is not an organisation name",
                       "Use lower-case letters, digits, '.', '_' or '-', e.g. 'utrecht'.")
    try:
        raw = bytes.fromhex(public_key_hex.strip())
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise HubError("the public key must be 64 hexadecimal characters",
                       "Copy it from `runbook-assistant device` on that laptop.")
    device_id, fingerprint = device_id_of(raw), fingerprint_of(raw.hex())
    with connect(url) as conn:
        check_schema(conn)
        with conn.transaction():
            conn.execute("SELECT set_config('runbook.org', %s, true)", (org,))
            conn.execute("INSERT INTO orgs (org) VALUES (%s) ON CONFLICT DO NOTHING", (org,))
            row = conn.execute("SELECT org FROM enrolments WHERE device_id = %s",
                               (device_id,)).fetchone()
            if row is not None and row[0] != org:
                raise HubError(f"device {device_id} ({fingerprint}) is enrolled in "
                               f"organisation {row[0]}, not {org}",
                               "A laptop belongs to one organisation.")
            conn.execute("INSERT INTO enrolments (device_id, org, public_key, fingerprint, name) "
                         "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (device_id) DO UPDATE "
                         "SET name = excluded.name", (device_id, org, raw.hex(), fingerprint, name))
    return Enrolment(org, device_id, fingerprint, name, row is None)


def check_ready(url: str) -> None:
    """``HubError`` unless the database is reachable, migrated and has a hub key."""
    with connect(url) as conn:
        check_schema(conn)
        load_hub_identity(conn)
