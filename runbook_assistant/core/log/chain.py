"""The hash chain, fast: stored rows, their hashes, and what is signed.

``compute_hash`` in ``events.py`` is the definition; ``hash_of_row`` gives the same result straight
from a stored row (payload kept as its canonical JSON text) without building an ``Event``, which is
what lets appending and verifying stay fast. A test holds the two to the same answers.

What is signed:

* each event: the 32 raw bytes of its ``hash`` (``event_message``);
* each chain head record: ``chain_head_message`` — "as of writing, event ``seq`` with ``hash`` is
  the last of this device's chain in this run". Without it, removing the last events of a chain
  would leave an intact, validly signed, shorter chain.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from hashlib import sha256
from typing import Any, NamedTuple

from runbook_assistant.core.log.events import Event, EventKind, canonical_json

# The columns of ``events`` that hold an Event, in the order every row tuple here uses.
EVENT_COLUMNS = ("id", "run_id", "device_id", "seq", "hlc", "wall_time", "actor", "kind",
                 "step_id", "payload", "occurred_at", "prev_hash", "hash", "sig")

_enc = json.encoder.encode_basestring  # the very function json.dumps(ensure_ascii=False) uses
# canonical_json of Event.hashed_fields(): keys sorted, no spaces.
_TEMPLATE = ('{"actor":%s,"device_id":%s,"hlc":%s,"id":%s,"kind":%s,"occurred_at":%s,'
             '"payload":%s,"prev_hash":%s,"run_id":%s,"seq":%d,"step_id":%s,"wall_time":%s}')


class Row(NamedTuple):
    """One stored event as plain values; ``payload`` is JSON text."""

    id: Any
    run_id: Any
    device_id: Any
    seq: Any
    hlc: Any
    wall_time: Any
    actor: Any
    kind: Any
    step_id: Any
    payload: Any
    occurred_at: Any
    prev_hash: Any
    hash: Any
    sig: Any


def hash_of_fields(id: str, run_id: str, device_id: str, seq: int, hlc: str, wall_time: str,
                   actor: str, kind: str, step_id: str | None, payload_json: str,
                   occurred_at: str | None, prev_hash: str) -> str:
    """The chain hash of an event given as fields; ``payload_json`` must be canonical JSON."""
    if type(seq) is not int:  # bool is an int to Python but not to JSON
        raise TypeError("seq must be an int")
    text = _TEMPLATE % (
        _enc(actor), _enc(device_id), _enc(hlc), _enc(id), _enc(kind),
        "null" if occurred_at is None else _enc(occurred_at), payload_json, _enc(prev_hash),
        _enc(run_id), seq, "null" if step_id is None else _enc(step_id), _enc(wall_time))
    return sha256(text.encode("utf-8")).hexdigest()


def hash_of_row(row: tuple[Any, ...]) -> str | None:
    """The hash a stored row should carry, or None when the row cannot be an event at all.

    The stored payload text is used as it is; when that gives another hash, the payload is parsed
    and written canonically once more, so a payload merely re-spelled (same value) still counts.
    """
    try:
        computed = hash_of_fields(*row[:12])
        if computed == row[12]:
            return computed
        payload = row[9]
        if not isinstance(payload, str):
            return computed
        return hash_of_fields(*row[:9], canonical_json(json.loads(payload)), row[10], row[11])
    except (TypeError, ValueError):
        return None


def first_bad_hash(rows: list[tuple[Any, ...]]) -> int | None:
    """The index of the first row whose content does not give its stored hash, or None.

    ``hash_of_fields`` inlined over plain tuples: this loop is most of the time verify takes.
    """
    enc, template, digest = _enc, _TEMPLATE, sha256
    for i, r in enumerate(rows):
        try:
            if type(r[3]) is not int or type(r[9]) is not str:
                raise TypeError
            text = template % (
                enc(r[6]), enc(r[2]), enc(r[4]), enc(r[0]), enc(r[7]),
                "null" if r[10] is None else enc(r[10]), r[9], enc(r[11]), enc(r[1]), r[3],
                "null" if r[8] is None else enc(r[8]), enc(r[5]))
        except TypeError:
            return i
        if digest(text.encode("utf-8")).hexdigest() != r[12] and hash_of_row(r) != r[12]:
            return i
    return None


def event_message(hash_hex: str) -> bytes:
    """What the device signs for one event: the raw bytes of its hash."""
    return bytes.fromhex(hash_hex)


def chain_head_message(device_id: str, run_id: str, seq: int, hash_hex: str) -> bytes:
    """What the device signs to say which event is the last of its chain in a run."""
    return f"runbook-assistant chain head\n{device_id}\n{run_id}\n{seq}\n{hash_hex}".encode()


def event_to_row(event: Event) -> Row:
    """The stored form of an event (payload as canonical JSON)."""
    return Row(event.id, event.run_id, event.device_id, event.seq, event.hlc, event.wall_time,
               event.actor, str(event.kind), event.step_id, canonical_json(event.payload),
               event.occurred_at, event.prev_hash, event.hash, event.sig)


_KINDS = {kind.value: kind for kind in EventKind}
KIND_NAMES = frozenset(_KINDS)  # the kinds a stored row may name


def row_to_event(row: tuple[Any, ...]) -> Event:
    """The Event held by a stored row; raises ValueError when the row is not a valid event."""
    return _event(row, json.loads(row[9]))


def rows_to_events(rows: list[tuple[Any, ...]]) -> list[Event]:
    """``row_to_event`` for many rows; the payloads are parsed in one go, which is much faster
    than one ``json.loads`` each. Raises ValueError when a row is not a valid event."""
    try:
        payloads = json.loads("[" + ",".join([row[9] for row in rows]) + "]")
    except (TypeError, ValueError):
        payloads = None
    if (payloads is None or len(payloads) != len(rows)  # a payload that is not one JSON value
            or not all(type(p) is dict for p in payloads)):  # ... or not an object
        return [row_to_event(row) for row in rows]
    if not _FAST_EVENTS:
        return [_event(row, payload) for row, payload in zip(rows, payloads, strict=True)]
    # ``_event`` inlined: this loop is most of reading a long run.
    new, kinds, event_type = _new, _KINDS, Event
    # Run, device, actor and step repeat from event to event, and each event's prev_hash is an
    # earlier event's hash: one string object for each value instead of one per row (a third
    # less memory for a long run, and less for the allocator to do).
    shared: dict[str, str] = {}
    one = shared.setdefault
    events: list[Event] = []
    append = events.append
    for (id_, run_id, device_id, seq, hlc, wall_time, actor, kind_name, step_id, _,
         occurred_at, prev_hash, hash_, sig), payload in zip(rows, payloads, strict=True):
        kind = kinds.get(kind_name)
        if kind is None:
            raise ValueError(f"unknown event kind {kind_name!r}")
        event = new(event_type)
        d = event.__dict__  # the keys in field order, as __init__ would set them
        d["id"] = id_
        d["run_id"] = one(run_id, run_id)
        d["device_id"] = one(device_id, device_id)
        d["seq"] = seq
        d["hlc"] = hlc
        d["wall_time"] = wall_time
        d["actor"] = one(actor, actor)
        d["kind"] = kind
        d["step_id"] = step_id if step_id is None else one(step_id, step_id)
        d["payload"] = payload
        d["occurred_at"] = occurred_at
        d["prev_hash"] = one(prev_hash, prev_hash)
        d["hash"] = one(hash_, hash_)
        d["sig"] = sig
        append(event)
    return events


# Building an Event through its frozen ``__init__`` sets each of 14 fields with
# ``object.__setattr__``; filling the new instance's ``__dict__`` directly gives the same object
# in about half the time. Only while the fields are the stored columns, in order, and the
# instances have a ``__dict__`` and nothing to run after ``__init__`` (else: the constructor).
_FAST_EVENTS = (tuple(Event.__dataclass_fields__) == EVENT_COLUMNS
                and "__slots__" not in Event.__dict__ and not hasattr(Event, "__post_init__"))
_new = object.__new__


def _event(row: tuple[Any, ...], payload: Any) -> Event:
    kind = _KINDS.get(row[7])
    if kind is None:
        raise ValueError(f"unknown event kind {row[7]!r}")
    if type(payload) is not dict:  # every reader of an event takes its payload for an object
        raise ValueError("an event's payload is not a JSON object")
    return Event(row[0], row[1], row[2], row[3], row[4], row[5], row[6], kind, row[8], payload,
                 row[10], row[11], row[12], row[13])


def dict_to_row(data: Mapping[str, Any]) -> Row:
    """A row from ``Event.to_dict()`` output (a JSON export), kept as close to the input as
    possible so that verifying it checks what the file says, not a cleaned-up copy."""
    payload = data.get("payload", {})
    try:
        payload_json = canonical_json(payload)
    except (TypeError, ValueError):
        payload_json = None
    return Row(*(_scalar(data.get(name)) for name in EVENT_COLUMNS[:9]), payload_json,
               *(_scalar(data.get(name)) for name in EVENT_COLUMNS[10:]))


def _scalar(value: Any) -> Any:
    """A list or object where a plain value belongs, made hashable (the hash will not match)."""
    if isinstance(value, (list, dict)):
        return ("not a plain value", canonical_json(value))
    return value


class ChainHead(NamedTuple):
    """A device's signed statement of the last event of its chain in one run."""

    device_id: str
    run_id: str
    seq: int
    hash: str
    sig: str
