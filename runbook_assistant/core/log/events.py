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
    """Every kind of event there is. Payload keys are listed per kind (``?`` = optional)."""

    RUN_STARTED = "run_started"  # runbook_id, runbook_version, runbook_sha256, title, mode,
    #                              lang, participants [{name, role}], shortfall [{role, needed,
    #                              present}], scenario_id?
    RUN_CLOSED = "run_closed"  # summary
    PARTICIPANT_JOINED = "participant_joined"  # name, role?
    ROLE_ASSIGNED = "role_assigned"  # name, role
    STEP_CHECKED = "step_checked"  # verified_by? (four-eyes: actor performed, verified_by checked)
    STEP_UNCHECKED = "step_unchecked"  # {} — undoes the step's last check, skip or decision
    STEP_SKIPPED = "step_skipped"  # reason
    NOTE_ADDED = "note_added"  # text, observer? (true: an exercise observer's note)
    #                            (step_id optional)
    DECISION_RECORDED = "decision_recorded"  # option (target section id), label, rationale,
    #                                          owner, revisit_by?
    SERVICE_STATUS_CHANGED = "service_status_changed"  # service, status, note?
    MESSAGE_SENT = "message_sent"  # message_id, channel, audience, text
    TIMER_FIRED = "timer_fired"  # timer ("due" | "timebox" | "every"), step_id column set
    INJECT_DELIVERED = "inject_delivered"  # offset, text, to?, index? (in the scenario)
    REPORT_DRAFTED = "report_drafted"  # field (cause | impact | measures | ...), text
    EXERCISE_CLOCK = "exercise_clock"  # speed (0 = paused), exercise_offset (seconds at that
    #                                    moment), action ("speed" | "pause" | "resume" | "jump")


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
