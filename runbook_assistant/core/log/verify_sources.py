"""What ``verify`` can read: an open store, a database or sync bundle file, a JSON export.

JSON export shape (what ``verify FILE.json`` accepts)::

    {
      "events":      [Event.to_dict(), ...],                      # required
      "devices":     [{"id": ..., "public_key": "<hex>"}, ...],   # required
      "chain_heads": [{"device_id", "run_id", "seq", "hash", "sig"}, ...]   # optional
    }

Other keys (run, timeline rows, summaries) may be present; they are derived from the events, are
not proof, and are ignored here. A database or sync bundle is a SQLite file with the tables
``events``, ``devices`` and, when present, ``chain_heads`` and ``runs``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from pathlib import Path
from typing import Any

from runbook_assistant.core.errors import VerifyError
from runbook_assistant.core.log.chain import ChainHead, dict_to_row
from runbook_assistant.core.log.store_errors import SQLITE_HEADER
from runbook_assistant.core.log.verify import (
    VerifyReport,
    device_keys,
    verify_connection,
    verify_rows,
)


def verify_database(path: Path, *, all_signatures: bool = False,
                    gap_free_devices: Collection[str] = ()) -> VerifyReport:
    """Verify a database or sync bundle file without changing it; VerifyError when unreadable."""
    conn = _open_read_only(path)
    try:
        table = _events_table(conn, path)
        conn.execute("BEGIN")
        return verify_connection(conn, table, gap_free_devices, all_signatures)
    except sqlite3.Error as exc:
        raise VerifyError(f"cannot read {path}: it is damaged ({exc})",
                          "Restore it from a backup or ask for a new copy.") from exc
    finally:
        conn.close()


def verify_export(data: Any, *, source: str = "the export",
                  all_signatures: bool = False) -> VerifyReport:
    """Verify a JSON export already parsed (see the module docstring for its shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise VerifyError(f"{source} is not a Runbook Assistant export: no list of events")
    try:
        devices = device_keys(data.get("devices") or [])
        heads = [ChainHead(str(h["device_id"]), str(h["run_id"]), _int(h["seq"]),
                           str(h["hash"]), str(h["sig"])) for h in data.get("chain_heads") or []]
    except (KeyError, TypeError, AttributeError) as exc:
        raise VerifyError(f"{source} has a malformed device or chain head list") from exc
    if not all(isinstance(event, dict) for event in data["events"]):
        raise VerifyError(f"{source} is not a Runbook Assistant export: an event is not an "
                          "object")
    rows = [dict_to_row(event) for event in data["events"]]
    return verify_rows(rows, devices, chain_heads=heads, all_signatures=all_signatures)


def verify_file(path: Path, *, all_signatures: bool = False,
                gap_free_devices: Collection[str] = ()) -> VerifyReport:
    """Verify whatever ``path`` holds: a database, a sync bundle or a JSON export."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError as exc:
        raise VerifyError(f"{path} not found") from exc
    except IsADirectoryError as exc:
        raise VerifyError(f"{path} is a folder, not a file") from exc
    except OSError as exc:
        raise VerifyError(f"cannot read {path}: {exc.strerror}") from exc
    if head == SQLITE_HEADER:
        return verify_database(path, all_signatures=all_signatures,
                               gap_free_devices=gap_free_devices)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VerifyError(f"{path} is not a database, a sync bundle or a JSON export",
                          "verify reads a Runbook Assistant database, a sync bundle (.sqlite) "
                          "or an export made with --format json.") from exc
    return verify_export(data, source=str(path), all_signatures=all_signatures)


def _open_read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()  # WAL file in a read-only folder: read it as it is
            conn = sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise VerifyError(f"{path} is not a Runbook Assistant database or is damaged "
                          f"({exc})") from exc
    return conn


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
        conn.close()
        raise VerifyError(f"{path} is a SQLite file but not a Runbook Assistant database or "
                          "sync bundle (no events and devices tables)")
    return candidates[0]


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("not a whole number")
    return value
