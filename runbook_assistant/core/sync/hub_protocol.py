"""What a laptop and a team hub sign for each other: requests and receipts.

Every request to a hub is signed with the laptop's device key over its method, path (with query),
the sha256 of its body, a timestamp and a random nonce: the hub refuses a signature that does not
hold, a timestamp too far from its own clock (stale) and a nonce it has seen (replayed). Every
answer to a push carries a receipt signed with the hub's own key, which the laptop pinned the
first time it met that hub.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from runbook_assistant.core.log.events import canonical_json
from runbook_assistant.core.log.identity import DeviceIdentity, verify_signature

API = "/v1"
BUNDLE_TYPE = "application/vnd.runbook-assistant.bundle"
MAX_SKEW_SECONDS = 300  # a request older or newer than this (by the hub's clock) is stale
HEADER_DEVICE = "X-Runbook-Device"
HEADER_KEY = "X-Runbook-Key"
HEADER_TIME = "X-Runbook-Time"
HEADER_NONCE = "X-Runbook-Nonce"
HEADER_SIG = "X-Runbook-Signature"
HEADER_CURSOR = "X-Runbook-Cursor"
_REQUEST_DOMAIN = "runbook-assistant hub request"
_RECEIPT_DOMAIN = "runbook-assistant hub receipt"


def request_message(method: str, path: str, body: bytes, timestamp: int, nonce: str) -> bytes:
    """What a laptop signs for one request (``path`` with its query string)."""
    digest = hashlib.sha256(body).hexdigest()
    return f"{_REQUEST_DOMAIN}\n{method.upper()}\n{path}\n{digest}\n{timestamp}\n{nonce}".encode()


def signed_headers(identity: DeviceIdentity, method: str, path: str, body: bytes,
                   timestamp: int) -> dict[str, str]:
    """The headers that sign one request with this laptop's key."""
    nonce = secrets.token_hex(16)
    return {HEADER_DEVICE: identity.device_id, HEADER_KEY: identity.public_key_hex,
            HEADER_TIME: str(timestamp), HEADER_NONCE: nonce,
            HEADER_SIG: identity.sign(request_message(method, path, body, timestamp, nonce))}


@dataclass(frozen=True)
class Receipt:
    """The hub's signed statement of what it took from one push."""

    body: dict[str, Any]
    sig: str

    def message(self) -> bytes:
        return receipt_message(self.body)

    def holds(self, hub_key_hex: str) -> bool:
        return verify_signature(hub_key_hex, self.message(), self.sig)

    def to_json(self) -> dict[str, Any]:
        return {"receipt": self.body, "sig": self.sig}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Receipt:
        return cls(dict(data["receipt"]), str(data["sig"]))


def receipt_message(body: Mapping[str, Any]) -> bytes:
    return f"{_RECEIPT_DOMAIN}\n{canonical_json(dict(body))}".encode()


def sign_receipt(identity: DeviceIdentity, body: Mapping[str, Any]) -> Receipt:
    return Receipt(dict(body), identity.sign(receipt_message(body)))
