"""The sync bundle file: a small SQLite file of runs, devices, events, chain heads and a manifest.

A bundle carries whole chains: for every (device, run) in it, every event from the first to the
device's signed chain head. The manifest says which laptop made it, when, with which version, and
lists the chain heads and the number of events; the maker signs it, so a bundle cut short (a chain
dropped, an older head put back) is refused as well as one with a changed event.

The file is written beside its target and renamed into place (``os.replace``): a bundle is complete
or absent, never half written. ``application_id`` marks it as a bundle, so neither the app nor a
sync import mistakes a database for a bundle or the other way round.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runbook_assistant.core.atomic import atomic_path
from runbook_assistant.core.errors import ExportError, SyncError
from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.chain import EVENT_COLUMNS, ChainHead
from runbook_assistant.core.log.manifest import BUNDLE_APPLICATION_ID, bundle_message
from runbook_assistant.core.log.schema import APPLICATION_ID as DATABASE_ID
from runbook_assistant.core.log.store import DeviceRecord, RunRecord
from runbook_assistant.core.log.store_errors import SQLITE_HEADER, check_regular_file

BUNDLE_ID = BUNDLE_APPLICATION_ID  # "RBSB": PRAGMA application_id of a sync bundle
BUNDLE_FORMAT = 1  # PRAGMA user_version: raised when the layout changes

RUN_COLUMNS = ("id", "runbook_id", "runbook_version", "runbook_sha256", "runbook_text", "title",
               "mode", "lang", "created_at", "device_id", "scenario_id")
DEVICE_COLUMNS = ("id", "public_key", "fingerprint", "name", "first_seen")
HEAD_COLUMNS = ("device_id", "run_id", "seq", "hash", "sig")
MANIFEST_COLUMNS = ("format", "made_by", "fingerprint", "made_at", "app_version", "event_count",
                    "sig")

# Plain tables (no foreign keys, no triggers): a bundle is read whole and checked before use.
# Events are kept in chain order (device, run, seq), the order they are read and checked in.
_SCHEMA = f"""
CREATE TABLE manifest (
    format INTEGER NOT NULL, made_by TEXT NOT NULL, fingerprint TEXT NOT NULL,
    made_at TEXT NOT NULL, app_version TEXT NOT NULL, event_count INTEGER NOT NULL,
    sig TEXT NOT NULL);
CREATE TABLE devices ({", ".join(DEVICE_COLUMNS)}, PRIMARY KEY (id));
CREATE TABLE runs ({", ".join(RUN_COLUMNS)}, PRIMARY KEY (id));
CREATE TABLE events ({", ".join(EVENT_COLUMNS)},
                     PRIMARY KEY (device_id, run_id, seq)) WITHOUT ROWID;
CREATE TABLE chain_heads ({", ".join(HEAD_COLUMNS)}, PRIMARY KEY (device_id, run_id));
"""


@dataclass(frozen=True)
class Manifest:
    """Who made a bundle, when, with which version; what it holds (signed by the maker)."""

    made_by: str  # device id
    fingerprint: str
    made_at: str
    app_version: str
    event_count: int
    sig: str = ""
    format: int = BUNDLE_FORMAT


@dataclass(frozen=True)
class Bundle:
    """A bundle's content, read whole into memory (so what was checked is what is merged).

    ``events`` are row tuples in ``chain.EVENT_COLUMNS`` order, sorted by (device, run, seq).
    """

    manifest: Manifest
    runs: list[RunRecord]
    devices: list[DeviceRecord]
    events: list[tuple[Any, ...]]
    heads: list[ChainHead]
    # The bytes of the file the rows were read from (``read_bundle``; None: made in memory).
    image: bytes | None = field(default=None, repr=False, compare=False)


def manifest_message(manifest: Manifest, run_ids: Sequence[str],
                     heads: Sequence[ChainHead]) -> bytes:
    """What the maker signs: the manifest, the runs and every chain head (seq and hash)."""
    return bundle_message(manifest.format, manifest.made_by, manifest.made_at,
                          manifest.app_version, manifest.event_count, run_ids, heads)


# --- writing ------------------------------------------------------------------------------------
def write_bundle(path: Path, bundle: Bundle) -> None:
    """Write ``bundle`` to ``path`` atomically (complete, or the target left as it was)."""
    # A bundle carries whole runs from laptop to laptop: readable by its owner only.
    with atomic_path(path, example="sync-laptop1.sqlite", mode=0o600) as temp:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            # A fresh file that only becomes visible once complete: no journal needed.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            _fill(conn, bundle)
        except sqlite3.Error as exc:
            raise ExportError.of("bundle_write_failed", path=path, why=exc) from exc
        finally:
            conn.close()


def bundle_bytes(bundle: Bundle) -> bytes:
    """The bundle as the bytes of its file, made in memory (what a push sends)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _fill(conn, bundle)
        return conn.serialize()
    finally:
        conn.close()


def _fill(conn: sqlite3.Connection, bundle: Bundle) -> None:
    conn.executescript(_SCHEMA)
    conn.execute("BEGIN")
    m = bundle.manifest
    conn.execute(f"INSERT INTO manifest VALUES ({_marks(MANIFEST_COLUMNS)})",
                 (m.format, m.made_by, m.fingerprint, m.made_at, m.app_version, m.event_count,
                  m.sig))
    conn.executemany(f"INSERT INTO devices VALUES ({_marks(DEVICE_COLUMNS)})",
                     [tuple(getattr(d, c) for c in DEVICE_COLUMNS) for d in bundle.devices])
    conn.executemany(f"INSERT INTO runs VALUES ({_marks(RUN_COLUMNS)})",
                     [tuple(getattr(r, c) for c in RUN_COLUMNS) for r in bundle.runs])
    conn.executemany(f"INSERT INTO events VALUES ({_marks(EVENT_COLUMNS)})", bundle.events)
    conn.executemany(f"INSERT INTO chain_heads VALUES ({_marks(HEAD_COLUMNS)})",
                     [tuple(h) for h in bundle.heads])
    conn.execute(f"PRAGMA application_id = {BUNDLE_ID}")
    conn.execute(f"PRAGMA user_version = {BUNDLE_FORMAT}")
    conn.execute("COMMIT")


def _marks(columns: Sequence[str]) -> str:
    return ", ".join("?" * len(columns))


# --- reading ------------------------------------------------------------------------------------
def read_bundle(path: Path | str, data: bytes | None = None) -> Bundle:
    """Read a bundle whole; ``SyncError`` when the file is not one (nothing is checked yet).

    The file is read once into memory and the rows come from that copy, so a file changed while
    it is being imported cannot slip other rows past the checks. ``data``: the file's bytes,
    already received (``path`` then only names it in messages).
    """
    if data is None:
        _check_kind(_read_bytes(Path(path), 100), path, Path(path))  # refuse a big file first
        image = _read_bytes(Path(path))
    else:
        if not data.startswith(SQLITE_HEADER):
            raise SyncError.of("bundle_not_bundle", path=path)
        _check_kind(data[:100], path)
        image = data
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.deserialize(image)
        manifests = conn.execute(
            f"SELECT {', '.join(MANIFEST_COLUMNS)} FROM manifest").fetchall()
        if len(manifests) != 1:
            raise SyncError.of("bundle_manifests", path=path, count=len(manifests))
        fmt, made_by, fingerprint, made_at, version, count, sig = manifests[0]
        manifest = Manifest(str(made_by), str(fingerprint), str(made_at), str(version),
                            count, str(sig), fmt)
        devices = [DeviceRecord(*row) for row in conn.execute(
            f"SELECT {', '.join(DEVICE_COLUMNS)} FROM devices ORDER BY id")]
        runs = [RunRecord(*row) for row in conn.execute(
            f"SELECT {', '.join(RUN_COLUMNS)} FROM runs ORDER BY id")]
        with gc_paused():  # a tuple per event, no cycles: see gc_pause.py
            events = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                                  "ORDER BY device_id, run_id, seq").fetchall()
        heads = [ChainHead(*row) for row in conn.execute(
            f"SELECT {', '.join(HEAD_COLUMNS)} FROM chain_heads ORDER BY device_id, run_id")]
    except sqlite3.Error as exc:
        raise SyncError.of("bundle_damaged", path=path, why=exc) from exc
    finally:
        conn.close()
    return Bundle(manifest, runs, devices, events, heads, image)


def _read_bytes(path: Path, size: int = -1) -> bytes:
    """The file's first ``size`` bytes (all by default); ``SyncError`` if it is no SQLite file."""
    check_regular_file(Path(path), SyncError)  # a FIFO or /dev/zero would never end
    try:
        with Path(path).open("rb") as handle:
            image = handle.read(size)
    except FileNotFoundError as exc:
        raise SyncError.of("bundle_not_found", path=path) from exc
    except IsADirectoryError as exc:
        raise SyncError.of("bundle_is_folder", path=path) from exc
    except OSError as exc:
        raise SyncError.of("file_unreadable", path=path, why=exc.strerror) from exc
    if not image.startswith(SQLITE_HEADER):
        raise SyncError.of("bundle_not_bundle", path=path)
    return image


def _check_kind(image: bytes, name: Path | str, path: Path | None = None) -> None:
    """Refuse a database, another program's SQLite file, or a bundle of a newer format.

    A bundle is never in WAL mode, so its header tells (https://sqlite.org/fileformat.html):
    ``user_version`` at offset 60, ``application_id`` at offset 68, 4-byte big-endian.
    ``path``: the file, when there is one (a database in WAL mode is told by reading it).
    """
    if int.from_bytes(image[68:72], "big") != BUNDLE_ID:
        if path is not None and _application_id(path) == DATABASE_ID:
            raise SyncError.of("bundle_is_database", path=name)
        raise SyncError.of("bundle_other_sqlite", path=name)
    version = int.from_bytes(image[60:64], "big")
    if version > BUNDLE_FORMAT:
        raise SyncError.of("bundle_newer", path=name, version=version, known=BUNDLE_FORMAT)


def _application_id(path: Path) -> int | None:
    """The application id of a SQLite file read through SQLite (it may sit in a WAL file)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()
