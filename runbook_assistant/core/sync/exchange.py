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
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from runbook_assistant import __version__
from runbook_assistant.core.errors import ExportError, SyncError
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

__all__ = ["ExportResult", "ImportResult", "Signer", "check_bundle", "collect_bundle",
           "export_bundle", "import_bundle", "import_into"]

_NOTHING = "Nothing was merged."


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


def import_into(target: SyncTarget, path: Path, *, maker: str | None = None,
                complete: Callable[[Bundle], Bundle] | None = None) -> ImportResult:
    """``import_bundle`` for any sync target; ``maker``: the device that must have made it
    (a hub's answer is signed by the hub's own key); ``complete``: puts back what the sender
    left out because the target holds it (``tails.complete_bundle``), before the checks."""
    path = Path(path)
    bundle = read_bundle(path)
    if complete is not None:
        bundle = complete(bundle)
    check_bundle(bundle, path)
    if maker is not None and bundle.manifest.made_by != maker:
        raise SyncError(f"{path} was not made by {maker} but by {bundle.manifest.made_by}. "
                        f"{_NOTHING}")
    needed = {str(row[2]) for row in bundle.events} | {bundle.manifest.made_by}
    devices = [d for d in bundle.devices if d.id in needed]
    m = bundle.manifest
    witness = statement_body(made_by=m.made_by, fingerprint=m.fingerprint, made_at=m.made_at,
                             heads=bundle.heads)
    merged = target.merge(SyncBatch(bundle.runs, devices, bundle.events, bundle.heads, witness))
    new_ids = {d.id for d in merged.new_devices}
    return ImportResult(path, bundle.manifest, bundle.runs, _signers(bundle, new_ids), merged)


def _signers(bundle: Bundle, new_ids: Collection[str]) -> list[Signer]:
    counts = Counter(str(row[2]) for row in bundle.events)
    return [Signer(d, counts[d.id], d.id in new_ids) for d in bundle.devices if counts[d.id]]


# --- checking -------------------------------------------------------------------------------
def bundle_source(bundle: Bundle, source: Path | str) -> LogSource:
    """The bundle as a ``LogSource``: verify's rules are the ones an import is held to."""
    m = bundle.manifest
    run_ids = [r.id for r in bundle.runs]
    claim = SignedManifest("bundle", m.made_by, m.fingerprint, m.made_at, tuple(run_ids),
                           tuple((h.device_id, h.run_id, h.seq, h.hash) for h in bundle.heads),
                           m.event_count, manifest_message(m, run_ids, bundle.heads), m.sig)
    return LogSource("bundle", str(source), bundle.events,
                     {d.id: d.public_key for d in bundle.devices}, bundle.heads, bundle.runs,
                     manifest=claim, manifest_required=True, presorted=True)


def check_bundle(bundle: Bundle, source: Path | str) -> None:
    """Refuse (``SyncError``) a bundle whose manifest, chains, signatures or runs do not hold."""
    if bundle.manifest.format != BUNDLE_FORMAT:
        raise SyncError(f"{source} has a manifest of format {bundle.manifest.format!r}, not "
                        f"{BUNDLE_FORMAT}. {_NOTHING}")
    # ``read_bundle`` orders the rows by (device, run, seq): the order verify needs.
    report = prove(bundle_source(bundle, source))
    if not report.ok:
        first = report.first_problem
        assert first is not None
        raise _tampered(source, first.describe())


def _tampered(source: Path | str, what: str) -> SyncError:
    return SyncError(f"{source} has been tampered with: {what}. {_NOTHING}",
                     "Ask for a new bundle from the laptop that made it, and compare its "
                     "fingerprint.")
