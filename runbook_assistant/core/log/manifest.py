"""Signed manifests: what a sync bundle or a JSON export says it holds, signed by its maker.

Without a manifest, a file with a whole chain left out (events and signed head together) is an
intact file of fewer chains. The maker signs the list of runs and of every chain head (device,
run, seq, hash) and the number of events, so leaving anything out, or putting an older head back,
breaks the signature or disagrees with the list.

* A sync bundle stores the manifest's fields in its ``manifest`` table; the lists are the bundle's
  own runs and heads (``bundle_message``).
* A JSON export stores the lists in its ``manifest`` object (``export_manifest``), so ``verify``
  can say which chain is missing, not only that the signature fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from runbook_assistant.core.log.chain import ChainHead
from runbook_assistant.core.log.events import canonical_json
from runbook_assistant.core.log.identity import DeviceIdentity

BUNDLE_APPLICATION_ID = 0x52425342  # "RBSB": PRAGMA application_id of a sync bundle
BUNDLE_DOMAIN = "runbook-assistant sync bundle"
EXPORT_DOMAIN = "runbook-assistant export"

HeadClaim = tuple[str, str, int, str]  # device_id, run_id, seq, hash


@dataclass(frozen=True)
class SignedManifest:
    """A manifest as found in a file: its claims, the signed message and the signature."""

    kind: str  # "bundle" | "export"
    made_by: str  # device id of the maker
    fingerprint: str
    made_at: str
    runs: tuple[str, ...]
    heads: tuple[HeadClaim, ...]
    event_count: Any  # as found (a malformed file may hold anything here)
    message: bytes  # what the maker's signature must cover
    sig: str


def head_claims(heads: Iterable[ChainHead | Sequence[Any]]) -> list[list[Any]]:
    """The heads as sorted ``[device_id, run_id, seq, hash]`` lists (the signed form)."""
    return sorted([str(h[0]), str(h[1]), h[2], str(h[3])] for h in heads)


def bundle_message(fmt: int, made_by: str, made_at: str, app_version: str, event_count: int,
                   run_ids: Iterable[str], heads: Iterable[ChainHead]) -> bytes:
    """What the maker of a sync bundle signs: the manifest, the runs and every chain head."""
    body = {"format": fmt, "made_by": made_by, "made_at": made_at, "app_version": app_version,
            "event_count": event_count, "runs": sorted(run_ids), "heads": head_claims(heads)}
    return f"{BUNDLE_DOMAIN}\n{canonical_json(body)}".encode()


_EXPORT_FIELDS = ("made_by", "fingerprint", "made_at", "app_version", "runs", "heads",
                  "event_count")


def _export_message(body: Mapping[str, Any]) -> bytes:
    return f"{EXPORT_DOMAIN}\n{canonical_json({k: body.get(k) for k in _EXPORT_FIELDS})}".encode()


def export_manifest(identity: DeviceIdentity, *, made_at: str, app_version: str,
                    run_ids: Iterable[str], heads: Iterable[ChainHead],
                    event_count: int) -> dict[str, Any]:
    """The signed ``manifest`` object of a JSON export: every run, chain head and the count."""
    body: dict[str, Any] = {
        "made_by": identity.device_id, "fingerprint": identity.fingerprint, "made_at": made_at,
        "app_version": app_version, "runs": sorted(run_ids), "heads": head_claims(heads),
        "event_count": event_count,
    }
    body["sig"] = identity.sign(_export_message(body))
    return body


def read_export_manifest(data: Any) -> SignedManifest | None:
    """The manifest of a JSON export as found, or None when there is none (or it is no object).

    Malformed claims are kept as found where possible, so the signature check fails on them.
    """
    if not isinstance(data, Mapping):
        return None
    heads: list[HeadClaim] = []
    for head in data.get("heads") or []:
        if isinstance(head, list) and len(head) == 4:
            heads.append((str(head[0]), str(head[1]), head[2], str(head[3])))
    runs = data.get("runs")
    return SignedManifest(
        kind="export", made_by=str(data.get("made_by", "")),
        fingerprint=str(data.get("fingerprint", "")), made_at=str(data.get("made_at", "")),
        runs=tuple(str(r) for r in runs) if isinstance(runs, list) else (),
        heads=tuple(heads), event_count=data.get("event_count"),
        message=_export_message(data), sig=str(data.get("sig", "")))
