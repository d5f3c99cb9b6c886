"""Verify the event log: every hash, every link, the signed chain heads; name the first bad event.

One chain per (device, run), in seq order. Every event's hash is recomputed and every link to the
event before it followed, so the signature on a chain's last event vouches for the whole chain:
that signature is checked, with the chain's signed head record (which shows that nothing was cut
off its end). Only when one fails are the chain's other signatures read, to name the first bad
event. ``all_signatures=True`` checks every event's own signature as well (about 0.1 ms each),
which also catches a signature altered on an event that a later signature still vouches for.

What is wrong is one of: changed, removed, reordered, inserted, re-hashed without the key, bad
signature, unknown device (see ``verify_checks``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from runbook_assistant.core.log.chain import (
    EVENT_COLUMNS,
    ChainHead,
    Row,
    event_to_row,
    first_bad_hash,
)
from runbook_assistant.core.log.events import GENESIS_HASH, Event
from runbook_assistant.core.log.identity import fingerprint_of, key_matches_device
from runbook_assistant.core.log.verify_checks import (
    BAD_SIGNATURE,
    CHANGED,
    INSERTED,
    REHASHED,
    REMOVED,
    REORDERED,
    UNKNOWN_DEVICE,
    Anchor,
    Found,
    Problem,
    check_duplicate_ids,
    check_gaps,
    check_readable,
    check_runs,
    hash_problem,
    head_problem,
    head_signed,
    held_head_problem,
    link_problem,
    not_continued,
    signature_problem,
    signed,
)

if TYPE_CHECKING:
    from runbook_assistant.core.log.store import Store

__all__ = ["BAD_SIGNATURE", "CHANGED", "INSERTED", "REHASHED", "REMOVED", "REORDERED",
           "UNKNOWN_DEVICE", "Anchor", "Problem", "Signer", "VerifyReport", "device_keys",
           "verify_connection", "verify_events", "verify_rows", "verify_store"]

_ORDERED_EVENTS = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM {{table}} "
                   "ORDER BY device_id, run_id, seq")


class Signer(NamedTuple):
    device_id: str
    fingerprint: str
    events: int


@dataclass
class VerifyReport:
    events_checked: int = 0
    chains_checked: int = 0
    signers: list[Signer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # first bad event first
    signatures_checked: int = 0
    all_signatures: bool = False
    source_kind: str = ""  # "database", "bundle" or "export" (set by ``proof.prove``)
    held_events: int = 0  # events of the chains' held starts (``anchors``), not in the rows
    checkpoints: list[Any] = field(default_factory=list)  # ``proof.Checkpoint`` per device

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> Problem | None:
        return self.problems[0] if self.problems else None


def verify_store(store: Store, *, all_signatures: bool = False,
                 gap_free_devices: Collection[str] | None = None) -> VerifyReport:
    """Verify an open store by every rule of ``proof.prove`` (a database: every device that
    recorded in it must have its whole sequence). ``gap_free_devices`` is kept for callers."""
    from runbook_assistant.core.gc_pause import gc_paused
    from runbook_assistant.core.log.proof import prove
    from runbook_assistant.core.log.verify_sources import connection_source

    del gap_free_devices
    # One pause for reading and checking (see gc_pause.py), and the rows read are gone before
    # it ends: a collection while they live would walk every one of them.
    try:
        with gc_paused():
            # inside ``store.writing()`` that transaction is the snapshot, else one of its own
            return prove(connection_source(store.conn, str(store.path),
                                           thorough=all_signatures),
                         all_signatures=all_signatures)
    except sqlite3.Error as exc:
        from runbook_assistant.core.log import store_errors

        raise store_errors.translate(store.path, exc, action="read") from exc


def verify_connection(conn: sqlite3.Connection, table: str, gap_free: Collection[str],
                      all_signatures: bool) -> VerifyReport:
    """Verify the event log held by an open SQLite connection (``table``: its events table)."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master "
                                               "WHERE type = 'table'")}
    rows = conn.execute(_ORDERED_EVENTS.format(table=_quote(table))).fetchall()
    devices = dict(conn.execute("SELECT id, public_key FROM devices").fetchall())
    heads: list[ChainHead] = []
    if "chain_heads" in tables:
        heads = [ChainHead(*row) for row in conn.execute(
            "SELECT device_id, run_id, seq, hash, sig FROM chain_heads")]
    runs: dict[str, tuple[str, str]] = {}
    if "runs" in tables:
        runs = {rid: (sha, text) for rid, sha, text in conn.execute(
            "SELECT id, runbook_sha256, runbook_text FROM runs")}
    return verify_rows(rows, devices, chain_heads=heads, gap_free_devices=gap_free,
                       all_signatures=all_signatures, runs=runs, presorted=True)


def verify_events(events: Iterable[Event], devices: Mapping[str, str] | Iterable[Any], *,
                  chain_heads: Iterable[ChainHead] = (), gap_free_devices: Collection[str] = (),
                  all_signatures: bool = False) -> VerifyReport:
    """Verify events (any order) against device keys: a mapping id -> public key (hex), or
    records with ``id`` and ``public_key`` (DeviceRecord, dicts)."""
    return verify_rows([event_to_row(e) for e in events], device_keys(devices),
                       chain_heads=chain_heads, gap_free_devices=gap_free_devices,
                       all_signatures=all_signatures)


def device_keys(devices: Mapping[str, str] | Iterable[Any]) -> dict[str, str]:
    """``{device_id: public_key_hex}`` from a mapping, records or dicts."""
    if isinstance(devices, Mapping):
        return {str(k): str(v) for k, v in devices.items()}
    keys: dict[str, str] = {}
    for device in devices:
        if isinstance(device, Mapping):
            keys[str(device["id"])] = str(device["public_key"])
        else:
            keys[str(device.id)] = str(device.public_key)
    return keys


def _chain_key(row: tuple[Any, ...]) -> tuple[str, str, int]:
    return (str(row[2]), str(row[1]), row[3] if type(row[3]) is int else -1)


def verify_rows(rows: Sequence[tuple[Any, ...]], devices: Mapping[str, str], *,
                chain_heads: Iterable[ChainHead] = (), gap_free_devices: Collection[str] = (),
                all_signatures: bool = False, runs: Mapping[str, tuple[str, str]] | None = None,
                presorted: bool = False, heads_required: bool = False,
                anchors: Mapping[tuple[str, str], Anchor] | None = None) -> VerifyReport:
    """The checks themselves, on stored rows (tuples in ``chain.EVENT_COLUMNS`` order).

    ``gap_free_devices``: devices whose every event must be present (seq 1, 2, 3 ... with no gap)
    — this laptop in its own database; a bundle or export may hold only some runs.
    ``runs``: ``{run_id: (runbook_sha256, runbook_text)}`` to check the stored runbook texts.
    ``presorted``: rows already come ordered by (device_id, run_id, seq).
    ``heads_required``: every chain must have its signed head (else only gap-free devices').
    ``anchors``: per (device, run), the held event a chain whose rows start after it continues
    from: only the rows are checked, linked to it (a chain whose rows start at or before it is
    checked from its first event, as without one).
    """
    rows = list(rows) if presorted else sorted(rows, key=_chain_key)
    report = VerifyReport(events_checked=len(rows), all_signatures=all_signatures)
    found: list[tuple[tuple[str, str, int], Problem]] = []

    def add(problem: Problem, hlc: Any) -> None:
        found.append(((hlc if isinstance(hlc, str) else "~", problem.device_id,
                       problem.seq if isinstance(problem.seq, int) else 0), problem))

    check_duplicate_ids(rows, add)
    check_readable(rows, add)
    heads = {(h[0], h[1]): ChainHead(*h) for h in chain_heads}
    anchors = anchors or {}
    for device, device_iter in groupby(rows, key=itemgetter(2)):
        device_rows = list(device_iter)
        device_id = str(device)
        key = _device_key(device_id, devices, device_rows, add)
        if key is not None:
            report.signers.append(Signer(device_id, fingerprint_of(key), len(device_rows)))
        complete = device_id in gap_free_devices
        if complete:
            check_gaps(device_id, device_rows, add)
        for run, chain_iter in groupby(device_rows, key=itemgetter(1)):
            chain = list(chain_iter)
            report.chains_checked += 1
            head = heads.pop((device_id, str(run)), None)
            anchor = anchors.get((device_id, str(run)))
            if anchor is not None and (chain[0][11] == GENESIS_HASH or not (
                    type(chain[0][3]) is int and chain[0][3] > anchor.seq)):
                anchor = None  # the rows start the chain again: they are checked whole
            report.held_events += anchor.events if anchor else 0
            problem, checked = _check_chain(chain, device_rows, key, head, all_signatures,
                                            complete or heads_required, anchor)
            report.signatures_checked += checked
            if problem is not None:
                add(*problem)
    for head in heads.values():  # a signed chain head whose events are all gone (or held)
        key = devices.get(head.device_id)
        anchor = anchors.get((head.device_id, head.run_id))
        if anchor is not None:
            report.chains_checked += 1
            report.held_events += anchor.events
            own = key if key and key_matches_device(head.device_id, key) else None
            problem = held_head_problem(head, anchor, own)
            if problem is not None:
                add(problem, None)
        elif key and key_matches_device(head.device_id, key) and head_signed(key, head):
            add(Problem(head.device_id, head.seq, None, REMOVED,
                        f"every event of this device in run {head.run_id} is missing "
                        f"(its signed chain head names seq {head.seq})", head.run_id), None)
    if runs:
        check_runs(rows, runs, add)
    seen: set[tuple[str | None, str]] = set()
    for _, problem in sorted(found, key=itemgetter(0)):
        if (problem.event_id, problem.what) not in seen or problem.event_id is None:
            seen.add((problem.event_id, problem.what))
            report.problems.append(problem)
    return report


def _device_key(device_id: str, devices: Mapping[str, str], device_rows: list[tuple[Any, ...]],
                add: Any) -> str | None:
    """The device's public key, or None (and a problem) when it is unknown or not its own."""
    key = devices.get(device_id)
    if key is not None and key_matches_device(device_id, key):
        return key
    first = Row._make(min(device_rows, key=_chain_key))
    detail = "" if key is None else ("the key on file for its device is not the key the device "
                                     "id was made from: the key was swapped")
    add(Problem(device_id, first.seq, first.id, UNKNOWN_DEVICE, detail, str(first.run_id)),
        first.hlc)
    return None


def _check_chain(chain: list[tuple[Any, ...]], device_rows: list[tuple[Any, ...]],
                 key: str | None, head: ChainHead | None, all_signatures: bool,
                 head_required: bool, anchor: Anchor | None = None) -> tuple[Found | None, int]:
    """The first problem in one (device, run) chain (with the hlc to sort it by), and how many
    signatures were checked. With ``anchor``, the chain's rows continue from that held event."""
    # Hashes first: an event whose content no longer matches its hash is the clearest evidence,
    # and the broken links around it are only its consequences.
    bad = first_bad_hash(chain)
    if bad is not None:
        return hash_problem(Row._make(chain[bad]), [Row._make(r) for r in device_rows]), 0
    expected, prev_hlc, prev_seq = GENESIS_HASH, "", None
    if anchor is not None:
        if chain[0][11] != anchor.hash:
            return not_continued(Row._make(chain[0]), anchor), 0
        expected, prev_hlc, prev_seq = anchor.hash, anchor.hlc, anchor.seq
    for i, r in enumerate(chain):
        hlc = r[4]
        if r[3] == prev_seq or r[11] != expected or type(hlc) is not str or hlc <= prev_hlc:
            if i == 0 and anchor is not None:
                return not_continued(Row._make(r), anchor), 1
            return link_problem([Row._make(x) for x in chain], i, key), 1
        expected, prev_hlc, prev_seq = r[12], hlc, r[3]
    if key is None:
        return None, 0
    head_ok = head is not None and head_signed(key, head)
    checked = 1 + (head is not None)
    first_unsigned: int | None = None
    if all_signatures or not signed(key, chain[-1]):
        checked += len(chain) - (not all_signatures)
        first_unsigned = next((i for i, r in enumerate(chain) if not signed(key, r)), None)
    if first_unsigned is not None:
        return signature_problem(chain, key, head, head_ok, first_unsigned), checked
    return head_problem(chain, head, head_ok, head_required), checked


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
