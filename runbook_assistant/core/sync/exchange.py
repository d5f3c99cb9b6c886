"""Later sync between laptops: export a bundle, check it whole, merge it.

``export_bundle`` writes the chosen runs (every event of every laptop in them) with the signed
chain heads and a manifest signed by this laptop. ``import_bundle`` reads a bundle, checks every
hash, link and signature and the manifest (``check_bundle``) and only then merges it through a
``SyncTarget``; a bundle that fails any check is refused whole. A laptop seen for the first time
is accepted and named by its key fingerprint (trust on first use): the lead compares it with the
fingerprint that laptop shows.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

from runbook_assistant import __version__
from runbook_assistant.core.errors import ExportError, SyncError
from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log import store_errors
from runbook_assistant.core.log.chain import EVENT_COLUMNS, ChainHead
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.identity import fingerprint_of
from runbook_assistant.core.log.manifest import SignedManifest
from runbook_assistant.core.log.proof import LogSource, prove
from runbook_assistant.core.log.store import DeviceRecord, RunRecord, Store
from runbook_assistant.core.log.witness import statement_body
from runbook_assistant.core.sync.bundle import (
    BUNDLE_FORMAT,
    DEVICE_COLUMNS,
    RUN_COLUMNS,
    Bundle,
    Manifest,
    manifest_message,
    read_bundle,
    write_bundle,
)
from runbook_assistant.core.sync.merge import MergeResult, StoreTarget, SyncBatch, SyncTarget
from runbook_assistant.core.sync.tails import Chain, Held, held_in_sqlite

__all__ = ["ExportResult", "ImportResult", "Signer", "check_bundle", "collect_bundle",
           "export_bundle", "import_bundle", "import_into"]

@dataclass(frozen=True)
class Signer:
    """A laptop whose events a bundle holds."""

    device: DeviceRecord
    events: int
    new: bool = False  # seen here for the first time (trust on first use)

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.device.public_key)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest
    runs: list[RunRecord]
    signers: list[Signer]


@dataclass(frozen=True)
class ImportResult:
    path: Path | str  # a str: what it was received as (a hub's answer)
    manifest: Manifest
    runs: list[RunRecord]  # every run in the bundle
    signers: list[Signer]  # every laptop with events in the bundle
    merged: MergeResult
    heads: list[ChainHead] = field(default_factory=list)  # the bundle's signed chain heads

    @property
    def nothing_new(self) -> bool:
        return self.merged.nothing_new

    @property
    def maker_fingerprint(self) -> str:
        return self.manifest.fingerprint


# --- export ---------------------------------------------------------------------------------
def collect_bundle(store: Store, run_ids: Sequence[str] | None = None, *,
                   receiver: Mapping[Chain, tuple[int, str]] | None = None) -> Bundle:
    """The bundle of ``run_ids`` (default: every run), signed by this laptop, checked.

    ``receiver``: (seq, hash) of the last event the receiver holds of each chain (a hub's
    heads). A chain of which this laptop holds that very event is sent from the next one on,
    and checked from there (``tails``); the manifest still covers the whole runs."""
    try:
        return _collect(store, run_ids, receiver)
    except sqlite3.Error as exc:
        raise store_errors.translate(store.path, exc, action="read") from exc


def _collect(store: Store, run_ids: Sequence[str] | None,
             receiver: Mapping[Chain, tuple[int, str]] | None) -> Bundle:
    conn = store.conn
    conn.execute("BEGIN")  # one snapshot of every table
    try:
        runs = [RunRecord(*row) for row in conn.execute(
            f"SELECT {', '.join(RUN_COLUMNS)} FROM runs ORDER BY id")]
        if run_ids is not None:
            wanted = set(run_ids)
            missing = wanted - {r.id for r in runs}
            if missing:
                raise SyncError.of("unknown_run", run=sorted(missing)[0])
            runs = [r for r in runs if r.id in wanted]
        chosen = {r.id for r in runs}
        where = "" if run_ids is None else (
            f" WHERE run_id IN ({', '.join('?' * len(chosen))})")
        args = () if run_ids is None else tuple(sorted(chosen))
        heads = [ChainHead(*row) for row in conn.execute(
            f"SELECT device_id, run_id, seq, hash, sig FROM chain_heads{where} "
            "ORDER BY device_id, run_id", args)]
        if receiver is None:
            events = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} "
                                  "ORDER BY device_id, run_id, seq", args).fetchall()
            count = len(events)
        else:
            events = _tails(conn, heads, receiver)
            count = conn.execute(f"SELECT count(*) FROM events{where}", args).fetchone()[0]
        devices = [DeviceRecord(*row) for row in conn.execute(
            f"SELECT {', '.join(DEVICE_COLUMNS)} FROM devices ORDER BY id")]
        needed = {str(row[2]) for row in events} | {h.device_id for h in heads}
        devices = [d for d in devices if d.id in needed | {store.device_id}]
        unsigned = Manifest(made_by=store.identity.device_id,
                            fingerprint=store.identity.fingerprint,
                            made_at=format_wall_time(store.clock.now()), app_version=__version__,
                            event_count=count)
        bundle = Bundle(unsigned, runs, devices, events, heads)
        # What the receiver holds is this laptop's own committed log: checked from there.
        held = held_in_sqlite(conn, bundle) if receiver is not None else None
    finally:
        conn.execute("COMMIT")
    sig = store.identity.sign(manifest_message(unsigned, [r.id for r in runs], heads))
    bundle = replace(bundle, manifest=replace(unsigned, sig=sig))
    try:
        check_bundle(bundle, store.path, held)
    except SyncError as exc:  # never spread a log that does not verify
        # Part of another refusal, without "Nothing was merged.": nothing was being merged.
        inner = SyncError.of(exc.code, **{**exc.params, "nothing": ""}) if exc.code else exc
        raise ExportError.of("export_refused", error=inner, path=store.path) from exc
    return bundle


def _tails(conn: sqlite3.Connection, heads: Sequence[ChainHead],
           receiver: Mapping[Chain, tuple[int, str]]) -> list[tuple[Any, ...]]:
    """The events of each chain past the receiver's end of it, when this laptop holds that
    event; the whole chain otherwise. In chain order (``heads`` come ordered by chain)."""
    events: list[tuple[Any, ...]] = []
    for head in heads:
        after = 0
        end = receiver.get((head.device_id, head.run_id))
        if end is not None and conn.execute(
                "SELECT 1 FROM events WHERE device_id = ? AND run_id = ? AND seq = ? AND "
                "hash = ?", (head.device_id, head.run_id, *end)).fetchone():
            after = end[0]
        events += conn.execute(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE device_id = ? AND run_id = ? "
            "AND seq > ? ORDER BY seq", (head.device_id, head.run_id, after)).fetchall()
    return events


def export_bundle(store: Store, path: Path, run_ids: Sequence[str] | None = None
                  ) -> ExportResult:
    """Write a sync bundle of ``run_ids`` (default: every run) to ``path``, atomically."""
    path = Path(path)
    if path.exists() and path.resolve() == Path(store.path).resolve():
        raise ExportError.of("bundle_over_database", path=path)
    bundle = collect_bundle(store, run_ids)
    write_bundle(path, bundle)
    return ExportResult(path, bundle.manifest, bundle.runs, _signers(bundle, set()))


# --- import ---------------------------------------------------------------------------------
def import_bundle(store: Store, path: Path) -> ImportResult:
    """Check the bundle at ``path`` whole, then merge it into ``store``; ``SyncError`` (nothing
    merged) when it is not a bundle, fails a check, or disagrees with what is here."""
    with StoreTarget(store) as target:
        return import_into(target, path)


def import_into(target: SyncTarget, path: Path | str, *, maker: str | None = None,
                held: Callable[[Bundle], Held] | None = None,
                data: bytes | None = None) -> ImportResult:
    """``import_bundle`` for any sync target; ``maker``: the device that must have made it
    (a hub's answer is signed by the hub's own key); ``held``: what the target holds of the
    bundle (``tails``), so a bundle that leaves out what the target holds is checked from
    there; ``data``: the bundle's bytes as received (``path`` then names it in messages)."""
    with gc_paused():  # reading, checking and merging in one pause: see gc_pause.py
        return _import_into(target, Path(path) if data is None else path, maker, held, data)


def _import_into(target: SyncTarget, path: Path | str, maker: str | None,
                 held: Callable[[Bundle], Held] | None, data: bytes | None) -> ImportResult:
    bundle = read_bundle(path, data)
    check_bundle(bundle, path, held(bundle) if held is not None else None)
    if maker is not None and bundle.manifest.made_by != maker:
        raise SyncError.of("sync_wrong_maker", path=path, maker=maker,
                           made_by=bundle.manifest.made_by)
    # Events per device, counted once: the rows passed the checks, so each device id is a str.
    per_device = Counter(map(itemgetter(2), bundle.events))
    needed = set(per_device) | {h.device_id for h in bundle.heads} | {bundle.manifest.made_by}
    devices = [d for d in bundle.devices if d.id in needed]
    m = bundle.manifest
    witness = statement_body(made_by=m.made_by, fingerprint=m.fingerprint, made_at=m.made_at,
                             heads=bundle.heads)
    merged = target.merge(SyncBatch(bundle.runs, devices, bundle.events, bundle.heads, witness,
                                    bundle.image))
    new_ids = {d.id for d in merged.new_devices}
    return ImportResult(path, bundle.manifest, bundle.runs,
                        _signers(bundle, new_ids, per_device), merged, bundle.heads)


def _signers(bundle: Bundle, new_ids: Collection[str],
             counts: Counter[str] | None = None) -> list[Signer]:
    if counts is None:
        counts = Counter(str(row[2]) for row in bundle.events)
    return [Signer(d, counts[d.id], d.id in new_ids) for d in bundle.devices if counts[d.id]]


# --- checking -------------------------------------------------------------------------------
def bundle_source(bundle: Bundle, source: Path | str, held: Held | None = None) -> LogSource:
    """The bundle as a ``LogSource``: verify's rules are the ones an import is held to;
    ``held``: what the receiver holds, verified, that the bundle's chains continue from."""
    m = bundle.manifest
    run_ids = [r.id for r in bundle.runs]
    claim = SignedManifest("bundle", m.made_by, m.fingerprint, m.made_at, tuple(run_ids),
                           tuple((h.device_id, h.run_id, h.seq, h.hash) for h in bundle.heads),
                           m.event_count, manifest_message(m, run_ids, bundle.heads), m.sig)
    return LogSource("bundle", str(source), bundle.events,
                     {d.id: d.public_key for d in bundle.devices}, bundle.heads, bundle.runs,
                     manifest=claim, manifest_required=True, presorted=True,
                     anchors=dict(held.anchors) if held else {},
                     held_runs=dict(held.runs) if held else {})


def check_bundle(bundle: Bundle, source: Path | str, held: Held | None = None) -> None:
    """Refuse (``SyncError``) a bundle whose manifest, chains, signatures or runs do not hold."""
    if bundle.manifest.format != BUNDLE_FORMAT:
        raise SyncError.of("sync_manifest_format", source=source,
                           format=repr(bundle.manifest.format), known=BUNDLE_FORMAT)
    # ``read_bundle`` orders the rows by (device, run, seq): the order verify needs.
    report = prove(bundle_source(bundle, source, held))
    if not report.ok:
        first = report.first_problem
        assert first is not None
        raise _tampered(source, first.describe())


def _tampered(source: Path | str, what: str) -> SyncError:
    return SyncError.of("sync_tampered", source=source, what=what)
