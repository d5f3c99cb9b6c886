"""Later sync between laptops: export a bundle, check it whole, merge it.

``export_bundle`` writes the chosen runs (every event of every laptop in them) with the signed
chain heads and a manifest signed by this laptop. ``import_bundle`` reads a bundle, checks every
hash, link and signature and the manifest (``check_bundle``) and only then merges it through a
``SyncTarget``; a bundle that fails any check is refused whole. A laptop seen for the first time
is accepted and named by its key fingerprint (trust on first use): the lead compares it with the
fingerprint that laptop shows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from runbook_assistant import __version__
from runbook_assistant.core.errors import ExportError, SyncError
from runbook_assistant.core.log import store_errors
from runbook_assistant.core.log.chain import EVENT_COLUMNS, ChainHead
from runbook_assistant.core.log.clock import format_wall_time
from runbook_assistant.core.log.identity import fingerprint_of, key_matches_device, verify_signature
from runbook_assistant.core.log.store import DeviceRecord, RunRecord, Store
from runbook_assistant.core.log.verify import verify_rows
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

__all__ = ["ExportResult", "ImportResult", "Signer", "check_bundle", "collect_bundle",
           "export_bundle", "import_bundle", "import_into"]

_NOTHING = "Nothing was merged."
# run_started payload keys that repeat the run's own record: the signed copy must agree.
_RUN_FIELDS = ("runbook_id", "runbook_version", "runbook_sha256", "title", "mode", "lang",
               "scenario_id")


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
    path: Path
    manifest: Manifest
    runs: list[RunRecord]  # every run in the bundle
    signers: list[Signer]  # every laptop with events in the bundle
    merged: MergeResult

    @property
    def nothing_new(self) -> bool:
        return self.merged.nothing_new

    @property
    def maker_fingerprint(self) -> str:
        return self.manifest.fingerprint


# --- export ---------------------------------------------------------------------------------
def collect_bundle(store: Store, run_ids: Sequence[str] | None = None) -> Bundle:
    """The bundle of ``run_ids`` (default: every run), signed by this laptop, checked."""
    try:
        return _collect(store, run_ids)
    except sqlite3.Error as exc:
        raise store_errors.translate(store.path, exc, action="read") from exc


def _collect(store: Store, run_ids: Sequence[str] | None) -> Bundle:
    conn = store.conn
    conn.execute("BEGIN")  # one snapshot of every table
    try:
        runs = [RunRecord(*row) for row in conn.execute(
            f"SELECT {', '.join(RUN_COLUMNS)} FROM runs ORDER BY id")]
        if run_ids is not None:
            wanted = set(run_ids)
            missing = wanted - {r.id for r in runs}
            if missing:
                raise SyncError(f"unknown run '{sorted(missing)[0]}'",
                                "`runbook-assistant run list` shows the runs")
            runs = [r for r in runs if r.id in wanted]
        chosen = {r.id for r in runs}
        where = "" if run_ids is None else (
            f" WHERE run_id IN ({', '.join('?' * len(chosen))})")
        args = () if run_ids is None else tuple(sorted(chosen))
        events = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} "
                              "ORDER BY device_id, run_id, seq", args).fetchall()
        heads = [ChainHead(*row) for row in conn.execute(
            f"SELECT device_id, run_id, seq, hash, sig FROM chain_heads{where} "
            "ORDER BY device_id, run_id", args)]
        devices = [DeviceRecord(*row) for row in conn.execute(
            f"SELECT {', '.join(DEVICE_COLUMNS)} FROM devices ORDER BY id")]
    finally:
        conn.execute("COMMIT")
    needed = {str(row[2]) for row in events} | {store.device_id}
    devices = [d for d in devices if d.id in needed]
    identity = store.identity
    unsigned = Manifest(made_by=identity.device_id, fingerprint=identity.fingerprint,
                        made_at=format_wall_time(store.clock.now()), app_version=__version__,
                        event_count=len(events))
    sig = identity.sign(manifest_message(unsigned, [r.id for r in runs], heads))
    bundle = Bundle(replace(unsigned, sig=sig), runs, devices, events, heads)
    try:
        check_bundle(bundle, store.path)
    except SyncError as exc:  # never spread a log that does not verify
        raise ExportError(f"cannot export: {exc.message.removesuffix(' ' + _NOTHING)}",
                          f"Run `runbook-assistant verify` on {store.path}.") from exc
    return bundle


def export_bundle(store: Store, path: Path, run_ids: Sequence[str] | None = None
                  ) -> ExportResult:
    """Write a sync bundle of ``run_ids`` (default: every run) to ``path``, atomically."""
    path = Path(path)
    if path.exists() and path.resolve() == Path(store.path).resolve():
        raise ExportError(f"cannot write the bundle over the database {path}",
                          "Give another file name with -o.")
    bundle = collect_bundle(store, run_ids)
    write_bundle(path, bundle)
    return ExportResult(path, bundle.manifest, bundle.runs, _signers(bundle, set()))


# --- import ---------------------------------------------------------------------------------
def import_bundle(store: Store, path: Path) -> ImportResult:
    """Check the bundle at ``path`` whole, then merge it into ``store``; ``SyncError`` (nothing
    merged) when it is not a bundle, fails a check, or disagrees with what is here."""
    with StoreTarget(store) as target:
        return import_into(target, path)


def import_into(target: SyncTarget, path: Path, *, maker: str | None = None) -> ImportResult:
    """``import_bundle`` for any sync target; ``maker``: the device that must have made it
    (a hub's answer is signed by the hub's own key)."""
    path = Path(path)
    bundle = read_bundle(path)
    check_bundle(bundle, path)
    if maker is not None and bundle.manifest.made_by != maker:
        raise SyncError(f"{path} was not made by {maker} but by {bundle.manifest.made_by}. "
                        f"{_NOTHING}")
    needed = {str(row[2]) for row in bundle.events} | {bundle.manifest.made_by}
    devices = [d for d in bundle.devices if d.id in needed]
    merged = target.merge(SyncBatch(bundle.runs, devices, bundle.events, bundle.heads))
    new_ids = {d.id for d in merged.new_devices}
    return ImportResult(path, bundle.manifest, bundle.runs, _signers(bundle, new_ids), merged)


def _signers(bundle: Bundle, new_ids: Collection[str]) -> list[Signer]:
    counts = Counter(str(row[2]) for row in bundle.events)
    return [Signer(d, counts[d.id], d.id in new_ids) for d in bundle.devices if counts[d.id]]


# --- checking -------------------------------------------------------------------------------
def check_bundle(bundle: Bundle, source: Path | str) -> None:
    """Refuse (``SyncError``) a bundle whose manifest, chains, signatures or runs do not hold."""
    if bundle.manifest.format != BUNDLE_FORMAT:
        raise SyncError(f"{source} has a manifest of format {bundle.manifest.format!r}, not "
                        f"{BUNDLE_FORMAT}. {_NOTHING}")
    keys = {d.id: d.public_key for d in bundle.devices}
    # The events first: a bad event is named precisely; the manifest then vouches that no
    # chain, run or event was added or left out.
    # ``read_bundle`` orders the rows by (device, run, seq): the order verify needs.
    report = verify_rows(bundle.events, keys, chain_heads=bundle.heads,
                         runs={r.id: (r.runbook_sha256, r.runbook_text) for r in bundle.runs},
                         presorted=True)
    if not report.ok:
        first = report.first_problem
        assert first is not None
        raise _tampered(source, first.describe())
    _check_manifest(bundle, keys, source)
    _check_chains_whole(bundle, source)
    _check_runs(bundle, source)


def _tampered(source: Path | str, what: str) -> SyncError:
    return SyncError(f"{source} has been tampered with: {what}. {_NOTHING}",
                     "Ask for a new bundle from the laptop that made it, and compare its "
                     "fingerprint.")


def _check_manifest(bundle: Bundle, keys: dict[str, str], source: Path | str) -> None:
    m = bundle.manifest
    key = keys.get(m.made_by)
    if key is None or not key_matches_device(m.made_by, key):
        raise _tampered(source, f"the key of the laptop that made it ({m.made_by}) is missing "
                                "or is not that laptop's key")
    message = manifest_message(m, [r.id for r in bundle.runs], bundle.heads)
    if not verify_signature(key, message, m.sig):
        raise _tampered(source, "its manifest (the list of runs and chain heads) is not signed "
                                "by the laptop that made it: runs or chains were changed, "
                                "added or left out")
    if m.event_count != len(bundle.events):
        raise _tampered(source, f"its manifest lists {m.event_count} events but it holds "
                                f"{len(bundle.events)}")


def _check_chains_whole(bundle: Bundle, source: Path | str) -> None:
    """Every chain runs up to its signed head, and every head has its chain."""
    last = {(str(device), str(run)): list(rows)[-1][3]
            for (device, run), rows in groupby(bundle.events, key=itemgetter(2, 1))}
    heads = {(str(h.device_id), str(h.run_id)): h.seq for h in bundle.heads}
    for key, seq in last.items():
        head = heads.get(key)
        if head is None:
            raise _tampered(source, f"the chain of device {key[0]} in run {key[1]} has no "
                                    "signed chain head")
        if head != seq:
            raise _tampered(source, f"the chain of device {key[0]} in run {key[1]} ends at seq "
                                    f"{seq}, but its signed chain head names seq {head}")
    for key in heads.keys() - last.keys():
        raise _tampered(source, f"every event of device {key[0]} in run {key[1]} is missing")


def _check_runs(bundle: Bundle, source: Path | str) -> None:
    """Each run's record must agree with its signed run_started event and its runbook text."""
    started: dict[str, tuple[Any, ...]] = {}
    for row in bundle.events:
        if row[7] == "run_started":
            started[str(row[1])] = row
    runs = {r.id for r in bundle.runs}
    for row in bundle.events:
        if row[1] not in runs:
            raise _tampered(source, f"event {row[0]} belongs to run {row[1]}, which it does not "
                                    "hold")
    for run in bundle.runs:
        text_sha = hashlib.sha256(str(run.runbook_text).encode("utf-8")).hexdigest()
        first = started.get(run.id)
        if first is None:
            raise _tampered(source, f"run {run.id} has no signed run_started event")
        payload = json.loads(first[9])
        disagree = [name for name in _RUN_FIELDS
                    if name in payload and payload[name] != getattr(run, name)]
        if text_sha != run.runbook_sha256:
            disagree.append("runbook_text")
        if first[2] != run.device_id:
            disagree.append("device_id")
        if disagree:
            raise _tampered(source, f"the record of run {run.id} differs from its signed "
                                    f"run_started event ({', '.join(disagree)})")
