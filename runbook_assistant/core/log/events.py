"""Events: the closed list of kinds, the event record, canonical JSON and the chain hash.

Every state change of a run is one event. Events are never changed or removed: an undo is a new
event. The hash of an event covers every field but ``hash`` and ``sig`` (``prev_hash`` included),
so one chain per (device, run) links each event to the one before it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64


class EventKind(StrEnum):
    """Every kind of event the log stores and verifies.

    Each kind is declared once in ``core/run/kinds/``: its payload fields, how it folds into the
    run's state and its timeline sentence in English and Dutch (``docs/architecture.md``).
    """

    RUN_STARTED = "run_started"
    RUN_CLOSED = "run_closed"
    PARTICIPANT_JOINED = "participant_joined"
    ROLE_ASSIGNED = "role_assigned"
    STEP_CHECKED = "step_checked"
    STEP_UNCHECKED = "step_unchecked"
    STEP_SKIPPED = "step_skipped"
    NOTE_ADDED = "note_added"
    DECISION_RECORDED = "decision_recorded"
    SERVICE_STATUS_CHANGED = "service_status_changed"
    MESSAGE_SENT = "message_sent"
    TIMER_FIRED = "timer_fired"
    INJECT_DELIVERED = "inject_delivered"
    REPORT_DRAFTED = "report_drafted"
    REPORT_FINALISED = "report_finalised"
    ACTION_ADDED = "action_added"
    ACTION_DONE = "action_done"
    EXERCISE_CLOCK = "exercise_clock"
    DISCOVERED = "discovered"  # the moment the incident was discovered (may precede the run)


@dataclass(frozen=True)
class Event:
    """One recorded event, exactly as stored."""

    id: str
    run_id: str
    device_id: str
    seq: int
    hlc: str
    wall_time: str  # UTC, ISO-8601 with milliseconds and "Z"
    actor: str
    kind: EventKind
    step_id: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    occurred_at: str | None = None  # earlier than wall_time: typed in afterwards from paper
    prev_hash: str = GENESIS_HASH
    hash: str = ""
    sig: str = ""  # hex Ed25519 signature of ``hash`` by the device's key

    @property
    def late(self) -> bool:
        """True for an entry typed in afterwards (it carries an earlier *occurred at*)."""
        return self.occurred_at is not None

    @property
    def effective_time(self) -> str:
        """When it happened: ``occurred_at`` for a late entry, else ``wall_time``."""
        return self.occurred_at or self.wall_time

    def hashed_fields(self) -> dict[str, Any]:
        """The fields the chain hash covers."""
        data = asdict(self)
        data.pop("hash")
        data.pop("sig")
        data["kind"] = str(self.kind)
        return data

    def to_dict(self) -> dict[str, Any]:
        """Every field as plain JSON-able data."""
        data = asdict(self)
        data["kind"] = str(self.kind)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """The inverse of ``to_dict``; raises KeyError/ValueError on malformed input."""
        return cls(
            id=str(data["id"]),
            run_id=str(data["run_id"]),
            device_id=str(data["device_id"]),
            seq=int(data["seq"]),
            hlc=str(data["hlc"]),
            wall_time=str(data["wall_time"]),
            actor=str(data["actor"]),
            kind=EventKind(data["kind"]),
            step_id=data.get("step_id"),
            payload=dict(data.get("payload") or {}),
            occurred_at=data.get("occurred_at"),
            prev_hash=str(data.get("prev_hash", GENESIS_HASH)),
            hash=str(data.get("hash", "")),
            sig=str(data.get("sig", "")),
        )


def canonical_json(value: Any) -> str:
    """Sorted keys, no extra spaces, UTF-8 characters kept: the same value gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def compute_hash(event: Event) -> str:
    """The sha256 (hex) over the canonical JSON of the event's hashed fields."""
    return hashlib.sha256(canonical_json(event.hashed_fields()).encode("utf-8")).hexdigest()
