"""The run as JSON: every event with its hashes and signature, the devices' public keys and the
signed chain heads, so that ``runbook-assistant verify FILE.json`` proves the record intact.

The shape is the one ``core/verify_sources.py`` reads (``events``, ``devices``, ``chain_heads``),
with ``mode`` first so that an exercise can never pass for an incident, and the run's record
(its runbook text included) so the file stands on its own. Text stays UTF-8 (not ``\\u`` escaped);
event fields are written exactly as stored, because the hashes cover them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from runbook_assistant.core.clock import format_wall_time
from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.run_data import RunData

FORMAT = "runbook-assistant-export"
FORMAT_VERSION = 1
_CHUNK = 2000

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def render_json(data: RunData, progress: Progress) -> Iterator[str]:
    """The JSON document, in chunks; one event per line."""
    record = data.record
    head: dict[str, Any] = {
        "mode": record.mode,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": format_wall_time(data.exported_at),
        "run": {
            "id": record.id, "title": record.title, "mode": record.mode, "lang": record.lang,
            "runbook_id": record.runbook_id, "runbook_version": record.runbook_version,
            "runbook_sha256": record.runbook_sha256, "created_at": record.created_at,
            "device_id": record.device_id, "scenario_id": record.scenario_id,
            "runbook_text": record.runbook_text,
        },
        "devices": [{"id": d.id, "public_key": d.public_key, "fingerprint": d.fingerprint,
                     "name": d.name, "first_seen": d.first_seen} for d in data.devices],
        "chain_heads": [{"device_id": h.device_id, "run_id": h.run_id, "seq": h.seq,
                         "hash": h.hash, "sig": h.sig} for h in data.chain_heads],
    }
    text = json.dumps(head, ensure_ascii=False, indent=1)
    yield text[:-2] + ',\n "events": ['  # reopen the object to stream the events after it
    events = data.events
    for start in range(0, len(events), _CHUNK):
        chunk = events[start:start + _CHUNK]
        # One encoder call per chunk (not per event): the list's brackets are dropped.
        text = _encode([_event(e) for e in chunk])[1:-1].replace("},{\"id\":", "},\n  {\"id\":")
        yield ("\n  " if start == 0 else ",\n  ") + text
        progress.advance(len(chunk))
    yield "\n ]\n}\n"


def _event(e: Any) -> dict[str, Any]:
    # Field by field rather than dataclasses.asdict: the same data, many times faster.
    return {"id": e.id, "run_id": e.run_id, "device_id": e.device_id, "seq": e.seq,
            "hlc": e.hlc, "wall_time": e.wall_time, "occurred_at": e.occurred_at,
            "actor": e.actor, "kind": str(e.kind), "step_id": e.step_id, "payload": e.payload,
            "prev_hash": e.prev_hash, "hash": e.hash, "sig": e.sig}
