"""Who is asking: a signed request from an enrolled laptop, fresh, and never seen before.

The hub keeps the nonces of the last minutes in PostgreSQL (not in memory), so a request replayed
to another hub process serving the same database is refused as well.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

import psycopg

from runbook_assistant.core.log.identity import fingerprint_of, key_matches_device, verify_signature
from runbook_assistant.core.sync.hub_protocol import (
    HEADER_DEVICE,
    HEADER_KEY,
    HEADER_NONCE,
    HEADER_SIG,
    HEADER_TIME,
    MAX_SKEW_SECONDS,
    request_message,
)


class Refused(Exception):
    """A request the hub will not serve: ``status`` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Caller:
    device_id: str
    org: str
    fingerprint: str


def authenticate(conn: psycopg.Connection, method: str, path: str, body: bytes,
                 headers: Mapping[str, str], *, now: float | None = None) -> Caller:
    """The enrolled device that signed this request; ``Refused`` otherwise."""
    try:
        device_id = headers[HEADER_DEVICE]
        timestamp = int(headers[HEADER_TIME])
        nonce = headers[HEADER_NONCE]
        sig = headers[HEADER_SIG]
    except (KeyError, ValueError) as exc:
        raise Refused(401, "the request is not signed with a device key",
                      "Use `runbook-assistant sync push|pull --hub URL`.") from exc
    if not 8 <= len(nonce) <= 64:
        raise Refused(401, "the request's nonce is missing or too long")
    current = time.time() if now is None else now
    if abs(current - timestamp) > MAX_SKEW_SECONDS:
        raise Refused(401, f"the request is stale: its time is {int(current - timestamp)} s off "
                           "the hub's clock", "Check this laptop's clock.")
    message = request_message(method, path, body, timestamp, nonce)
    row = conn.execute("SELECT org, public_key FROM enrolments WHERE device_id = %s",
                       (device_id,)).fetchone()
    if row is None:
        key = headers.get(HEADER_KEY, "")
        shown = (f" (fingerprint {fingerprint_of(key)})"
                 if key_matches_device(device_id, key) and verify_signature(key, message, sig)
                 else "")
        raise Refused(403, f"device {device_id}{shown} is not enrolled on this hub",
                      "An administrator enrols it with `runbook-assistant hub enrol` after "
                      "comparing its fingerprint.")
    org, key = str(row[0]), str(row[1])
    if not verify_signature(key, message, sig):
        raise Refused(401, "the request's signature does not hold for the enrolled device key")
    # Sent in one go (pipeline mode): BEGIN, SET, INSERT and COMMIT cost one round trip.
    with conn.pipeline(), conn.transaction():
        # A nonce lost to a crash in the next moment could at worst let a captured request be
        # replayed once, and every request is harmless to repeat (a push or pull is idempotent):
        # not worth waiting for the disk on every request.
        conn.execute("SET LOCAL synchronous_commit = off")
        inserted = conn.execute("INSERT INTO request_nonces (device_id, nonce) VALUES (%s, %s) "
                                "ON CONFLICT DO NOTHING", (device_id, nonce))
        if nonce[-2:] == "00":  # now and then: forget nonces older than any fresh request
            conn.execute("DELETE FROM request_nonces WHERE seen_at < now() - make_interval("
                         "secs => %s)", (2 * MAX_SKEW_SECONDS,))
    if not inserted.rowcount:
        raise Refused(401, "the request was replayed: the hub has seen it before")
    return Caller(device_id, org, fingerprint_of(key))


def is_enrolled(conn: psycopg.Connection, device_id: str) -> bool:
    """Whether a device id is enrolled (a cheap look before a large body is read)."""
    return conn.execute("SELECT 1 FROM enrolments WHERE device_id = %s",
                        (device_id,)).fetchone() is not None
