"""SQLite failures turned into ``StoreError``s that name the file and say what to do."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import stat
from pathlib import Path

from runbook_assistant.core.errors import RunbookAssistantError, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"

# Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _CONSTRAINT, _NOTADB = 13, 14, 19, 26

def read_only_error(path: Path, reason: str = "it is read-only") -> StoreError:
    return StoreError.of("store_read_only", path=path, reason=reason)


def damaged_error(path: Path) -> StoreError:
    return StoreError.of("store_damaged", path=path)


def create_error(path: Path, exc: OSError) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return full_error(path)
    return StoreError.of("store_cannot_create", path=path, why=exc.strerror)


def full_error(path: Path) -> StoreError:
    return StoreError.of("store_full", path=path)


def disk_full(path: Path) -> bool:
    """True when the disk holding ``path`` has (almost) no room left: SQLite reports a full
    disk while opening as an I/O error (its -wal or -shm could not be made)."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        return shutil.disk_usage(folder).free < _ROOM
    except OSError:
        return False


_ROOM = 1 << 20  # less than a megabyte free: nothing SQLite needs to open a file fits


def incomplete_error(path: Path, what: str) -> StoreError:
    return StoreError.of("store_incomplete", path=path, what=what)


def busy_error(path: Path) -> StoreError:
    return StoreError.of("store_busy", path=path)


def newer_schema_error(path: Path, found: int, known: int) -> StoreError:
    return StoreError.of("store_newer", path=path, found=found, known=known)


def check_regular_file(path: Path, error: type[RunbookAssistantError] = StoreError, *,
                       missing_ok: bool = False) -> None:
    """Refuse at once what is not a regular file (a folder, a FIFO, ``/dev/zero``): reading one
    would block or never end. ``missing_ok``: a path that does not exist passes (a new file)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        if missing_ok:
            return
        raise error.of("file_not_found", path=path) from exc
    except OSError as exc:
        raise error.of("file_unreadable", path=path, why=exc.strerror) from exc
    if stat.S_ISDIR(mode):
        raise error.of("file_is_folder", path=path)
    if not stat.S_ISREG(mode):
        raise error.of("file_not_regular", path=path)


def check_header(path: Path) -> None:
    """Refuse a file that is plainly not SQLite before SQLite gets to it (empty is fine: new);
    a pipe or device at once, without reading it."""
    if path.is_dir():
        raise StoreError.of("store_is_folder", path=path)
    check_regular_file(path, missing_ok=True)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError.of("store_unreadable", path=path, why=exc.strerror) from exc
    if head and head != SQLITE_HEADER:
        raise damaged_error(path)


def translate(path: Path, exc: sqlite3.Error, *, action: str = "use") -> StoreError:
    """The StoreError for a SQLite failure on ``path`` while trying to ``action`` it."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(exc)
    if code == _READONLY or "readonly database" in text:
        return read_only_error(path)
    if code == _FULL or "disk is full" in text or (code == _IOERR and disk_full(path)):
        return full_error(path)
    if code in (_NOTADB, _CORRUPT) or "malformed" in text or "not a database" in text:
        return damaged_error(path)
    if code in (_BUSY, _LOCKED) or "database is locked" in text:
        return busy_error(path)
    if code in (_CANTOPEN, _PERM):
        return StoreError.of("store_cannot_open", path=path)
    if code == _IOERR:
        return StoreError.of("store_disk_error", action=action, path=path, why=text)
    return StoreError.of("store_failed", action=action, path=path, why=text)
