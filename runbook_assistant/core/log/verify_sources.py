"""What ``verify`` can read, as ``proof.LogSource``s: a database (or a copy), a sync bundle, a
JSON export; each is then held to the same rules (``proof.prove``).

JSON export shape (what ``verify FILE.json`` accepts)::

    {
      "mode": "incident" | "exercise",                             # must agree with the run
      "run": {"id", "title", "mode", "runbook_text", ...},         # checked against run_started
      "events":      [Event.to_dict(), ...],                       # required
      "devices":     [{"id": ..., "public_key": "<hex>"}, ...],    # required
      "chain_heads": [{"device_id", "run_id", "seq", "hash", "sig"}, ...],  # one per chain
      "manifest":    {"made_by", "fingerprint", "made_at", "app_version", "runs",
                      "heads": [[device_id, run_id, seq, hash], ...], "event_count", "sig"}
    }

Other keys (timeline rows, summaries) are derived from the events, are not proof, and are
ignored. A database or sync bundle is a SQLite file with the tables ``events``, ``devices`` and,
when present, ``chain_heads``, ``runs``, ``witness`` (a database) and ``manifest`` (a bundle).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from runbook_assistant.core.errors import VerifyError
from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.chain import EVENT_COLUMNS, ChainHead, dict_to_row
from runbook_assistant.core.log.identity import device_id_of, fingerprint_of
from runbook_assistant.core.log.integrity import start_sqlite_problems
from runbook_assistant.core.log.manifest import (
    BUNDLE_APPLICATION_ID,
    SignedManifest,
    bundle_message,
    read_export_manifest,
)
from runbook_assistant.core.log.proof import LogSource, prove
from runbook_assistant.core.log.readonly import open_read_only
from runbook_assistant.core.log.store import RunRecord
from runbook_assistant.core.log.store_errors import SQLITE_HEADER, check_regular_file
from runbook_assistant.core.log.verify import VerifyReport, device_keys
from runbook_assistant.core.log.witness import (
    HUB_WITNESS_KIND,
    read_statements,
    statement_from_json,
    statement_signed,
)

_RUN_COLUMNS = ("id", "runbook_id", "runbook_version", "runbook_sha256", "runbook_text", "title",
                "mode", "lang", "created_at", "device_id", "scenario_id")
_MANIFEST_COLUMNS = ("format", "made_by", "fingerprint", "made_at", "app_version",
                     "event_count", "sig")


# --- reading sources ----------------------------------------------------------------------------
def connection_source(conn: sqlite3.Connection, name: str, *, table: str = "events",
                      integrity: bool = True, thorough: bool = False) -> LogSource:
    """Everything a database or bundle connection holds, read in one snapshot (the caller's
    transaction, or one of its own). ``integrity``: SQLite's own checks too (``thorough``: the
    full ``integrity_check``; else ``quick_check`` and the index counts)."""
    own = not conn.in_transaction
    # SQLite's own checks run beside the reading (see ``start_sqlite_problems``).
    checks = start_sqlite_problems(conn, thorough=thorough, table=table) if integrity else None
    if own:
        conn.execute("BEGIN")
    try:
        with gc_paused():  # a tuple per event, no cycles: see gc_pause.py
            source = _read_connection(conn, name, table)
        if checks is not None:
            source.integrity = checks()
        return source
    finally:
        if own:
            conn.execute("COMMIT")
        if checks is not None:
            with suppress(Exception):  # (already given, or the reading itself failed)
                checks()


def _read_connection(conn: sqlite3.Connection, name: str, table: str) -> LogSource:
    tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    rows = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM {_quote(table)} "
                        "ORDER BY device_id, run_id, seq").fetchall()
    devices = dict(conn.execute("SELECT id, public_key FROM devices").fetchall())
    heads = [ChainHead(*row) for row in conn.execute(
        "SELECT device_id, run_id, seq, hash, sig FROM chain_heads")] \
        if "chain_heads" in tables else []
    runs = [RunRecord(*row) for row in conn.execute(
        f"SELECT {', '.join(_RUN_COLUMNS)} FROM runs")] if "runs" in tables else None
    if conn.execute("PRAGMA application_id").fetchone()[0] == BUNDLE_APPLICATION_ID:
        return LogSource("bundle", name, rows, devices, heads, runs,
                         manifest=_bundle_manifest(conn, runs or [], heads) if "manifest" in
                         tables else None, manifest_required=True, presorted=True)
    return LogSource("database", name, rows, devices, heads, runs,
                     statements=read_statements(conn), whole_log=True, presorted=True)


def _bundle_manifest(conn: sqlite3.Connection, runs: list[RunRecord],
                     heads: list[ChainHead]) -> SignedManifest | None:
    found = conn.execute(f"SELECT {', '.join(_MANIFEST_COLUMNS)} FROM manifest").fetchall()
    if len(found) != 1:
        return None
    fmt, made_by, fingerprint, made_at, version, count, sig = found[0]
    message = bundle_message(fmt, str(made_by), str(made_at), str(version), count,
                             [r.id for r in runs], heads)
    return SignedManifest("bundle", str(made_by), str(fingerprint), str(made_at),
                          tuple(r.id for r in runs),
                          tuple((h.device_id, h.run_id, h.seq, h.hash) for h in heads),
                          count, message, str(sig))


def export_source(data: Any, name: str = "the export") -> LogSource:
    """A JSON export already parsed (see the module docstring for its shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise VerifyError.of("verify_no_events", name=name)
    try:
        devices = device_keys(data.get("devices") or [])
        heads = [ChainHead(str(h["device_id"]), str(h["run_id"]), _int(h["seq"]),
                           str(h["hash"]), str(h["sig"])) for h in data.get("chain_heads") or []]
    except (KeyError, TypeError, AttributeError) as exc:
        raise VerifyError.of("verify_bad_heads", name=name) from exc
    if not all(isinstance(event, dict) for event in data["events"]):
        raise VerifyError.of("verify_event_not_object", name=name)
    rows = [dict_to_row(event) for event in data["events"]]
    return LogSource("export", name, rows, devices, heads, _export_runs(data),
                     manifest=read_export_manifest(data.get("manifest")),
                     manifest_required=True)


def _export_runs(data: dict[str, Any]) -> list[RunRecord] | None:
    """The run record an export claims; the top-level ``mode`` is a claim about it too."""
    run = data.get("run")
    if not isinstance(run, dict):
        return None
    record = RunRecord(*(run.get(name) for name in _RUN_COLUMNS))
    claims = [record]
    if "mode" in data and data["mode"] != record.mode:
        claims.append(replace(record, mode=data["mode"]))
    return claims


def load_source(path: Path, *, thorough: bool = False) -> LogSource:
    """The source a file holds: a database, a sync bundle or a JSON export; VerifyError when
    it is none of these or cannot be read."""
    check_regular_file(path, VerifyError)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise VerifyError.of("file_unreadable", path=path, why=exc.strerror) from exc
    if head == SQLITE_HEADER:
        return _database_source(path, thorough)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VerifyError.of("verify_unknown_file", path=path) from exc
    if isinstance(data, dict) and data.get("kind") == HUB_WITNESS_KIND:
        return hub_witness_source(data, str(path))
    return export_source(data, str(path))


def hub_witness_source(data: Any, name: str) -> LogSource:
    """A team hub's signed statement of the chain heads it holds (``hub_witness_json``: a
    receipt saved with ``sync push --receipt`` or the answer of ``verify --witness-hub``)."""
    try:
        key = str(data["hub_key"])
        statement = statement_from_json(data["statement"])
        device = device_id_of(bytes.fromhex(key))
    except (KeyError, TypeError, ValueError) as exc:
        raise VerifyError.of("witness_unreadable", name=name) from exc
    return LogSource("hub", name, [], {device: key}, [], statements=[statement])


def _database_source(path: Path, thorough: bool = False) -> LogSource:
    try:
        with open_read_only(path) as conn:
            return connection_source(conn, str(path), table=_events_table(conn, path),
                                     thorough=thorough)
    except sqlite3.Error as exc:
        raise VerifyError.of("verify_damaged_db", path=path, why=exc) from exc
    except OSError as exc:  # copying it to read it privately
        raise VerifyError.of("file_unreadable", path=path, why=exc.strerror) from exc


# --- verifying ----------------------------------------------------------------------------------
def verify_path(path: Path, *, all_signatures: bool = False,
                trusted: Collection[str] | None = None, trusted_fingerprints: Collection[str] = (),
                witnesses: Sequence[Path | LogSource] = (),
                hub_keys: Collection[str] = ()) -> VerifyReport:
    """Verify the file at ``path`` (held against each witness file or source); see
    ``proof.prove``.

    ``trusted_fingerprints``: key fingerprints a person compared on paper; they count as
    trusted. ``hub_keys``: the team hub keys this laptop pinned; a hub's statement counts as a
    witness only when signed with one of them or a trusted fingerprint. A witness that does
    not verify itself is refused (VerifyError).
    """
    with gc_paused():  # reading and checking in one pause: see verify.verify_store
        return _verify_path(path, all_signatures, trusted, trusted_fingerprints, witnesses,
                            hub_keys)


def _verify_path(path: Path, all_signatures: bool, trusted: Collection[str] | None,
                 trusted_fingerprints: Collection[str], witnesses: Sequence[Path | LogSource],
                 hub_keys: Collection[str]) -> VerifyReport:
    source = load_source(path, thorough=all_signatures)
    wanted = {f.strip().upper() for f in trusted_fingerprints}
    held = [_checked_witness(w if isinstance(w, LogSource) else load_source(w), hub_keys, wanted)
            for w in witnesses]
    if trusted is not None or trusted_fingerprints:
        trusted = set(trusted or ()) | {d for d, key in source.devices.items()
                                        if _fingerprint(key) in wanted}
    return prove(source, all_signatures=all_signatures, trusted=trusted, witnesses=held)


def _checked_witness(witness: LogSource, hub_keys: Collection[str],
                     fingerprints: Collection[str]) -> LogSource:
    """The witness, once it verifies itself (a hub's statement: signed with a trusted key)."""
    if witness.kind == "hub":
        ((device, key),) = witness.devices.items()
        if key not in hub_keys and _fingerprint(key) not in fingerprints:
            raise VerifyError.of("witness_unpinned", path=witness.name,
                                 fingerprint=_fingerprint(key))
        if not all(st.device_id == device and statement_signed(key, st)
                   for st in witness.statements):
            raise VerifyError.of("witness_unsigned", path=witness.name)
        return witness
    check = prove(witness)
    if not check.ok:
        first = check.first_problem
        assert first is not None
        raise VerifyError.of("witness_broken", path=witness.name, what=first.describe())
    return witness


def vouched_by_database(path: Path, device_id: str) -> set[str]:
    """The devices this laptop's own database vouches for: this laptop, and every device that
    its signed witness statements name (those it imported). Empty when there is no database."""
    if not path.is_file():
        return {device_id}
    try:
        source = _database_source(path)
    except VerifyError:
        return {device_id}
    report = prove(source, trusted={device_id})
    return {c.device_id for c in report.checkpoints if c.trusted} | {device_id}


def verify_database(path: Path, *, all_signatures: bool = False,
                    gap_free_devices: Collection[str] = ()) -> VerifyReport:
    """Verify a database or sync bundle file without changing it; VerifyError when unreadable.

    (``gap_free_devices`` is kept for callers; every device that recorded in a database must
    now be gap-free.)"""
    del gap_free_devices
    with gc_paused():  # reading and checking in one pause: see verify.verify_store
        return prove(_database_source(path, all_signatures), all_signatures=all_signatures)


def verify_export(data: Any, *, source: str = "the export",
                  all_signatures: bool = False) -> VerifyReport:
    """Verify a JSON export already parsed (see the module docstring for its shape)."""
    return prove(export_source(data, source), all_signatures=all_signatures)


def verify_file(path: Path, *, all_signatures: bool = False,
                gap_free_devices: Collection[str] = ()) -> VerifyReport:
    """Verify whatever ``path`` holds: a database, a sync bundle or a JSON export."""
    del gap_free_devices
    with gc_paused():  # reading and checking in one pause: see verify.verify_store
        return prove(load_source(path, thorough=all_signatures), all_signatures=all_signatures)


def _fingerprint(key: str) -> str | None:
    try:
        return fingerprint_of(key)
    except (ValueError, TypeError):
        return None


def _events_table(conn: sqlite3.Connection, path: Path) -> str:
    """``events``, or the one table whose name contains "event" (a bundle may name it so)."""
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    if "devices" not in tables:
        candidates: list[str] = []
    elif "events" in tables:
        candidates = ["events"]
    else:
        candidates = [name for name in tables if "event" in name.lower()]
    if len(candidates) != 1:
        raise VerifyError.of("verify_other_sqlite", path=path)
    return candidates[0]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("not a whole number")
    return value
