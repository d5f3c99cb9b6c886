"""What verify can find wrong, and the checks that name it (``verify.py`` runs them).

The fast path (every hash, every link, one signature per chain) works on plain row tuples; once
something is wrong, the functions here look closer, on ``Row``s, to say what happened.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, NamedTuple

from runbook_assistant.core.log.chain import (
    KIND_NAMES,
    ChainHead,
    Row,
    chain_head_message,
    event_message,
    hash_of_fields,
)
from runbook_assistant.core.log.events import GENESIS_HASH
from runbook_assistant.core.log.identity import verify_signature

CHANGED = "changed"
REMOVED = "removed"
REORDERED = "reordered"
INSERTED = "inserted"
REHASHED = "re-hashed without the key"
BAD_SIGNATURE = "bad signature"
UNKNOWN_DEVICE = "unknown device"
DAMAGED = "damaged"
CUT = "cut"
UNWITNESSED = "never seen by a trusted path"
UNREADABLE = "not an event"

_EXPLAINED = {
    CHANGED: "its content no longer matches its hash: it was changed after it was recorded",
    REMOVED: "an event recorded before it is missing",
    REORDERED: "it is out of order in its chain",
    INSERTED: "it was added afterwards: it does not belong in the chain it claims",
    REHASHED: "its hashes add up but the signature is not its device's: it was changed and "
              "re-hashed by someone without the device's key",
    BAD_SIGNATURE: "its signature is not its device's (its content is vouched for by a later "
                   "signature: only the signature was altered)",
    UNKNOWN_DEVICE: "it is signed by a device whose key is not in the file",
    DAMAGED: "SQLite's own check of the file failed",
    CUT: "a witness holds more of this log than the file",
    UNWITNESSED: "no trusted path vouches for this device's key",
    UNREADABLE: "it is not an event this app can read",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong, at the first bad event it concerns (``event_id`` None: it is missing)."""

    device_id: str
    seq: int | None
    event_id: str | None
    what: str
    detail: str = ""
    run_id: str | None = None

    def describe(self) -> str:
        """One line for people."""
        detail = self.detail or _EXPLAINED.get(self.what, "")
        if not self.device_id:  # about the file as a whole
            return f"{self.what}: {detail}"
        if self.event_id is None and self.seq is None:  # about a device as a whole
            return f"device {self.device_id}: {self.what}: {detail}"
        where = f"event {self.event_id}" if self.event_id else "a missing event"
        seq = f", seq {self.seq}" if self.seq is not None else ""
        return f"{where} (device {self.device_id}{seq}): {self.what}: " + (
            self.detail or _EXPLAINED.get(self.what, ""))


class Anchor(NamedTuple):
    """An event of a chain that whoever checks already holds, verified: its ``seq``, ``hash``
    and ``hlc``, and how many of the chain's events are held up to it. The check of the events
    that follow it starts there, as if the chain before it had just been checked."""

    seq: int
    hash: str
    hlc: str
    events: int


Found = tuple[Problem, Any]  # a problem and the clock value to sort it by
Add = Callable[[Problem, Any], None]


def signed(key: str, row: tuple[Any, ...]) -> bool:
    """True when the row's own signature is its device's, over its hash."""
    try:
        return verify_signature(key, event_message(row[12]), row[13])
    except (ValueError, TypeError):
        return False


def head_signed(key: str, head: ChainHead) -> bool:
    return verify_signature(key, chain_head_message(*head[:4]), head.sig)


def _problem(row: Row, what: str, detail: str = "") -> Found:
    return Problem(str(row.device_id), row.seq, row.id, what, detail, str(row.run_id)), row.hlc


def hash_problem(row: Row, device_rows: list[Row]) -> Found:
    """An event whose content does not give its hash: changed, or moved to another's place."""
    if _swapped(row, device_rows):
        return _problem(row, REORDERED, "it carries the place (seq) of another event of its "
                                        "device")
    return _problem(row, CHANGED)


def link_problem(chain: list[Row], i: int, key: str | None) -> Found:
    """Why ``chain[i]`` does not follow the event before it (its seq, link or clock)."""
    row = chain[i]
    if i and row.seq == chain[i - 1].seq:
        return _problem(row, INSERTED, "a second event with the same seq")
    if row.prev_hash == (chain[i - 1].hash if i else GENESIS_HASH):
        return _problem(row, REORDERED, "its clock value is not after the event before it")
    index = {r.hash: j for j, r in enumerate(chain)}
    j = index.get(row.prev_hash)
    is_signed = key is not None and signed(key, row)
    if j is not None and j > i:
        return _problem(row, REORDERED, f"it links to an event that comes after it "
                                        f"({chain[j].id})")
    if j is not None and j < i - 1:
        if key is not None and not is_signed:
            return _problem(row, REHASHED)
        return _problem(chain[j + 1], INSERTED, "the event after it links past it")
    if j is None and (is_signed or key is None):
        before = (f"between seq {chain[i - 1].seq} and seq {row.seq}" if i
                  else f"before seq {row.seq} (the start of the chain)")
        return _problem(row, REMOVED, f"the event {before} in run {row.run_id} is missing")
    if j is None:
        return _problem(row, INSERTED, "it links to no event of its chain")
    return _problem(row, CHANGED)


def signature_problem(chain: list[tuple[Any, ...]], key: str, head: ChainHead | None,
                      head_ok: bool, bad: int) -> Found:
    """Name ``chain[bad]``, the first event whose signature is not its device's."""
    row = Row._make(chain[bad])
    if head is not None and head_ok and row.seq > head.seq:
        return _problem(row, INSERTED, "it comes after the device's signed chain head")
    vouched = any(signed(key, later) for later in chain[bad + 1:]) or (
        head is not None and head_ok and head.seq >= row.seq
        and any(r[3] == head.seq and r[12] == head.hash for r in chain[bad:]))
    return _problem(row, BAD_SIGNATURE if vouched else REHASHED)


def not_continued(row: Row, anchor: Anchor) -> Found:
    """Why the first row sent of a chain does not follow the event held of it (``anchor``)."""
    if row.prev_hash == anchor.hash:
        return _problem(row, REORDERED, "its clock value is not after the event before it")
    return _problem(row, REMOVED, f"it does not follow seq {anchor.seq}, the last event of its "
                                  f"chain in run {row.run_id} held here: the events between "
                                  "are missing, or the device's history was forked")


def held_head_problem(head: ChainHead, anchor: Anchor, key: str | None) -> Problem | None:
    """What is wrong with the signed head of a chain of which nothing was sent, because the
    receiver holds it up to ``anchor``."""
    if head.seq > anchor.seq:
        return Problem(head.device_id, head.seq, None, REMOVED,
                       f"the events after seq {anchor.seq} in run {head.run_id} are missing: "
                       f"the device's signed chain head names seq {head.seq}", head.run_id)
    if head.seq != anchor.seq or head.hash != anchor.hash:
        return Problem(head.device_id, head.seq, None, CHANGED,
                       f"the device's signed chain head in run {head.run_id} names another "
                       "event than the one held here: the device's history was forked",
                       head.run_id)
    if key is None or not head_signed(key, head):
        return Problem(head.device_id, head.seq, None, BAD_SIGNATURE,
                       "the record of its chain's last event is not signed by its device",
                       head.run_id)
    return None


def head_problem(chain: list[tuple[Any, ...]], head: ChainHead | None, head_ok: bool,
                 head_required: bool) -> Found | None:
    """What the chain's signed head record says is wrong with an otherwise intact chain."""
    last = Row._make(chain[-1])
    if head is None:
        if head_required:
            return _problem(last, REMOVED, "the signed record of its chain's last event is "
                                           "missing")
        return None
    if not head_ok:
        return _problem(last, BAD_SIGNATURE, "the record of its chain's last event is not "
                                             "signed by its device")
    if head.seq > last.seq:
        return (Problem(str(last.device_id), head.seq, None, REMOVED,
                        f"the events after seq {last.seq} ({last.id}) in run {last.run_id} are "
                        f"missing: the device's signed chain head names seq {head.seq}",
                        str(last.run_id)), last.hlc)
    for r in chain if head.seq != last.seq else chain[-1:]:
        if r[3] == head.seq and r[12] != head.hash:
            return _problem(Row._make(r), CHANGED, "it differs from the event the device "
                                                   "signed as its chain head")
    return None


def _swapped(row: Row, device_rows: list[Row]) -> bool:
    """True when the row's hash fits once it is given another event's seq (and clock value)."""
    if not isinstance(row.hash, str):
        return False
    for other in device_rows:
        if other is row or type(other.seq) is not int:
            continue
        for hlc in (row.hlc, other.hlc):
            try:
                if hash_of_fields(*row[:3], other.seq, hlc, *row[5:12]) == row.hash:
                    return True
            except (TypeError, ValueError):
                return False
    return False


def check_gaps(device_id: str, device_rows: list[tuple[Any, ...]], add: Add) -> None:
    """Seq 1, 2, 3 ... with no gap, across the device's runs."""
    seqs = sorted(r[3] for r in device_rows if type(r[3]) is int)
    if seqs == list(range(1, len(seqs) + 1)):
        return
    by_seq = sorted((Row._make(r) for r in device_rows if type(r[3]) is int),
                    key=lambda r: r.seq)
    expected = 1
    for row in by_seq:
        if row.seq > expected:
            add(Problem(device_id, expected, row.id, REMOVED,
                        f"seq {expected} of this device is missing (the next one present is "
                        f"seq {row.seq}, event {row.id})", str(row.run_id)), row.hlc)
            return
        expected = row.seq + 1


def check_duplicate_ids(rows: list[tuple[Any, ...]], add: Add) -> None:
    ids = [r[0] for r in rows]
    if len(set(ids)) == len(ids):
        return
    seen: set[Any] = set()
    for r in rows:
        if r[0] in seen:
            add(*_problem(Row._make(r), INSERTED, "a second event with the same id"))
            return
        seen.add(r[0])


def check_readable(rows: Sequence[tuple[Any, ...]], add: Add) -> None:
    """Every row must be an event the app can read: a known kind and a payload that is a JSON
    object. A device can sign anything; a signed row the timeline cannot show must be named
    here, not found later as an unreadable run."""
    payloads: Any = None
    with suppress(TypeError, ValueError):  # one parse for all: the usual case, all fine
        payloads = json.loads("[" + ",".join([r[9] for r in rows]) + "]")
    if (payloads is not None and len(payloads) == len(rows)
            and all(type(p) is dict for p in payloads)
            and all(r[7] in KIND_NAMES for r in rows)):
        return
    for r in rows:
        why = _unreadable(r)
        if why:
            add(*_problem(Row._make(r), UNREADABLE, why))
            return


def _unreadable(r: tuple[Any, ...]) -> str:
    if r[7] not in KIND_NAMES:
        return f"its kind {str(r[7])[:40]!r} is not one this app knows"
    try:
        payload = json.loads(r[9])
    except (TypeError, ValueError):
        return "its payload is not JSON"
    return "" if type(payload) is dict else "its payload is not a JSON object"


def check_runs(rows: list[tuple[Any, ...]], runs: Mapping[str, tuple[str, str]],
               add: Add) -> None:
    """The runbook text stored with each run must still be the one the run was started with."""
    for r in rows:
        if r[7] != "run_started" or r[1] not in runs:
            continue
        sha, text = runs[r[1]]
        try:
            started_sha = json.loads(r[9]).get("runbook_sha256", sha)
        except (TypeError, ValueError, AttributeError):
            continue
        if hashlib.sha256(str(text).encode("utf-8")).hexdigest() != sha or started_sha != sha:
            add(*_problem(Row._make(r), CHANGED, f"the runbook text stored with run {r[1]} is "
                                                  "not the one the run was started with"))
