"""The run as JSON: every event with its hashes and signature, the devices' public keys, the
signed chain heads and a manifest signed by the exporting laptop (every chain, head and the number
of events), so that ``runbook-assistant verify FILE.json`` proves the record whole and intact.

The shape is the one ``core/log/verify_sources.py`` reads, with ``mode`` first so that an exercise
can never pass for an incident, and the run's record (its runbook text included) so the file
stands on its own. Text stays UTF-8 (not ``\\u`` escaped); event fields are written exactly as
stored, because the hashes cover them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from typing import Any

from runbook_assistant import __version__
from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.run_data import RunData
from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.manifest import export_manifest

FORMAT = "runbook-assistant-export"
FORMAT_VERSION = 2  # 2: a signed manifest
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
    if data.signer is not None:
        # Signed by this laptop: every chain and head and the number of events, so a chain
        # left out whole (events and head) or a cut tail does not pass for a complete file.
        head["manifest"] = export_manifest(
            data.signer, made_at=head["exported_at"], app_version=__version__,
            run_ids=[record.id], heads=data.chain_heads, event_count=data.event_count)
    text = json.dumps(head, ensure_ascii=False, indent=1)
    yield text[:-2] + ',\n "events": ['  # reopen the object to stream the events after it
    rows = data.stored_rows
    events: list[Any] = data.events if rows is None else rows
    write = _events_text if rows is None else _rows_text
    for start in range(0, len(events), _CHUNK):
        chunk = events[start:start + _CHUNK]
        with gc_paused():  # many short-lived objects, no cycles: see gc_pause.py
            text = write(chunk)
        yield ("\n  " if start == 0 else ",\n  ") + text
        progress.advance(len(chunk))
    yield "\n ]\n}\n"


def _events_text(events: list[Any]) -> str:
    """The events, one per line, exactly as the encoder above writes ``Event.to_dict()`` (same
    field order, same escapes), from a template: encoding a dict per event was most of the time.
    """
    try:
        # The stored text fields (ids, clocks, hashes, names) almost never hold a character that
        # JSON escapes; then they go between quotes as they are. One check for the whole chunk
        # (``join`` also refuses anything but text).
        probe = "".join(chain.from_iterable(
            (e.id, e.run_id, e.device_id, e.hlc, e.wall_time, e.actor, e.kind, e.prev_hash,
             e.hash, e.sig, e.occurred_at or "", e.step_id or "") for e in events))
        # (``isprintable`` is False for every control character, and for some characters JSON
        # would leave alone: those take the slow way too.)
        plain = _plain_text(probe) and all(type(e.seq) is int for e in events)
    except TypeError:
        plain = False
    if not plain:
        return ",\n  ".join(map(_event, events))
    return ",\n  ".join([
        f'{{"id":"{e.id}","run_id":"{e.run_id}","device_id":"{e.device_id}","seq":{e.seq},'
        f'"hlc":"{e.hlc}","wall_time":"{e.wall_time}","occurred_at":'
        f'{"null" if e.occurred_at is None else _quoted(e.occurred_at)},"actor":"{e.actor}",'
        f'"kind":"{e.kind}","step_id":{"null" if e.step_id is None else _quoted(e.step_id)},'
        f'"payload":{"{}" if e.payload == {} else _encode(e.payload)},'
        f'"prev_hash":"{e.prev_hash}","hash":"{e.hash}","sig":"{e.sig}"}}' for e in events])


def _rows_text(rows: list[tuple[Any, ...]]) -> str:
    """What ``_events_text`` writes for the events these stored rows hold, from the rows
    themselves: no Event and no payload object per event, and each payload's stored text as it
    is when it is exactly what the encoder would write of it (checked for the whole chunk at
    once). Anything else goes the way of the events."""
    try:
        # The same check as ``_events_text``'s, on the same fields (``kind`` as stored is the
        # kind's value, which is what an Event's kind writes).
        probe = "".join(chain.from_iterable(
            (r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[11], r[12], r[13], r[10] or "",
             r[8] or "") for r in rows))
        payloads = "[" + ",".join([r[9] for r in rows]) + "]"
        plain = (_plain_text(probe) and all(type(r[3]) is int for r in rows)
                 # One value per row (the store checked that) and each written as stored.
                 and _encode(json.loads(payloads)) == payloads)
    except (TypeError, ValueError):
        plain = False
    if not plain:
        from runbook_assistant.core.log.chain import rows_to_events

        return _events_text(rows_to_events(rows))
    return ",\n  ".join([
        _PLAIN % (i, run, device, seq, hlc, wall, "null" if late is None else f'"{late}"',
                  actor, kind, "null" if step is None else f'"{step}"', payload, prev, hash_,
                  sig)
        for (i, run, device, seq, hlc, wall, actor, kind, step, payload, late, prev, hash_, sig)
        in rows])


def _plain_text(text: str) -> bool:
    """``_events_text``'s check (printable, no quote, no backslash), for ASCII text (nearly
    always: ids, clocks, hashes) by deleting every allowed byte, which is quicker."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _PLAIN_ASCII)
    return text.isprintable() and '"' not in text and "\\" not in text


# The printable ASCII characters (what ``isprintable`` allows of ASCII) but quote and backslash.
_PLAIN_ASCII = bytes(c for c in range(0x20, 0x7F) if c not in b'"\\')

# ``_events_text``'s line, for values that need no escaping.
_PLAIN = ('{"id":"%s","run_id":"%s","device_id":"%s","seq":%d,"hlc":"%s","wall_time":"%s",'
          '"occurred_at":%s,"actor":"%s","kind":"%s","step_id":%s,"payload":%s,'
          '"prev_hash":"%s","hash":"%s","sig":"%s"}')


def _quoted(text: str) -> str:
    return f'"{text}"'


_text = json.encoder.encode_basestring  # what the encoder above uses for a str


def _event(e: Any) -> str:
    """One event, the slow way: any value, any character."""
    values = (e.id, e.run_id, e.device_id, e.seq, e.hlc, e.wall_time, e.occurred_at, e.actor,
              str(e.kind), e.step_id, e.payload, e.prev_hash, e.hash, e.sig)
    return _EVENT % tuple(_text(v) if type(v) is str else _encode(v) for v in values)


_EVENT = ('{"id":%s,"run_id":%s,"device_id":%s,"seq":%s,"hlc":%s,"wall_time":%s,'
          '"occurred_at":%s,"actor":%s,"kind":%s,"step_id":%s,"payload":%s,"prev_hash":%s,'
          '"hash":%s,"sig":%s}')
