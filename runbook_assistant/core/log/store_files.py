"""Opening the store's file: created private, switched to WAL, writable or why not, and the
connection (a private copy for a read-only folder that holds a ``-wal``: ``readonly.py``)."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import suppress
from pathlib import Path

from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log import store_errors
from runbook_assistant.core.log.readonly import connect_read_only


def create_private(path: Path) -> None:
    """Create the empty database file readable by its owner only (0600); SQLite gives its
    ``-wal`` and ``-shm`` the same mode. Another process creating it first is fine."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def set_wal(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """``PRAGMA journal_mode = WAL``, retried while another process holds the file: this pragma
    does not wait for the busy timeout (two first opens of a new file at once)."""
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
            if code not in (5, 6) or time.monotonic() >= deadline:  # SQLITE_BUSY, _LOCKED
                raise
            time.sleep(0.01)


def unwritable_reason(path: Path) -> str | None:
    """Why the file cannot be written (None: it can). WAL needs its folder writable too."""
    if path.exists() and not os.access(path, os.W_OK):
        return "it is read-only"
    folder = path.parent if path.parent != Path("") else Path(".")
    if folder.exists() and not os.access(folder, os.W_OK):
        return "its folder is read-only"
    return None


def connect(path: Path, readonly: bool,
             busy_timeout_ms: int) -> tuple[sqlite3.Connection, Path | None]:
    """The connection, and the private folder of the copy it reads (``readonly.py``), if any."""
    timeout = busy_timeout_ms / 1000
    try:
        if not readonly:
            return sqlite3.connect(str(path), isolation_level=None, timeout=timeout), None
        return connect_read_only(path, timeout)
    except sqlite3.Error as exc:
        raise store_errors.translate(path, exc, action="open") from exc
    except OSError as exc:  # copying a database that cannot be opened in place
        raise StoreError.of("store_copy_unreadable", path=path, why=exc.strerror) from exc
