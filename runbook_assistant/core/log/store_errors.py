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

NOTHING_LOST = "everything recorded before is kept"


def read_only_error(path: Path, reason: str = "it is read-only") -> StoreError:
    return StoreError(
        f"cannot write to {path}: {reason}; nothing was recorded",
        "Copy the file to a folder you can write to (or allow writing to it) and use it "
        f"with --db; {NOTHING_LOST}.")


def damaged_error(path: Path) -> StoreError:
    return StoreError(
        f"{path} is not a Runbook Assistant database or is damaged",
        "Choose another file with --db, or restore this one from a backup or a sync bundle; "
        "`runbook-assistant verify FILE` checks a file.")


def create_error(path: Path, exc: OSError) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return full_error(path)
    return StoreError(f"cannot create {path}: {exc.strerror}",
                      "Choose a folder you can write to with --db.")


def full_error(path: Path) -> StoreError:
    return StoreError(
        f"cannot write to {path}: the disk is full; nothing was recorded by this command",
        f"Free some disk space and try again; {NOTHING_LOST}.")


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
    return StoreError(
        f"{path} is damaged: {what}; nothing is shown rather than part of the record",
        "Run `runbook-assistant verify` on it; restore it from a backup or a sync bundle, or "
        "repair a copy with SQLite's REINDEX (the events themselves are kept in the table).")


def busy_error(path: Path) -> StoreError:
    return StoreError(
        f"{path} is busy: another program is writing to it; nothing was recorded",
        "Wait a moment and try again; if it stays busy, close the other Runbook Assistant "
        "window or command that uses this file.")


def newer_schema_error(path: Path, found: int, known: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer version of Runbook Assistant "
        f"(database version {found}; this version knows up to {known})",
        "Update Runbook Assistant on this laptop, or open a copy with the newer version.")


def check_regular_file(path: Path, error: type[RunbookAssistantError] = StoreError, *,
                       missing_ok: bool = False) -> None:
    """Refuse at once what is not a regular file (a folder, a FIFO, ``/dev/zero``): reading one
    would block or never end. ``missing_ok``: a path that does not exist passes (a new file)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        if missing_ok:
            return
        raise error(f"{path} not found") from exc
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror}") from exc
    if stat.S_ISDIR(mode):
        raise error(f"{path} is a folder, not a file", "Give the path of a file.")
    if not stat.S_ISREG(mode):
        raise error(f"{path} is not a regular file (a device, pipe or socket)",
                    "Give the path of a file.")


def check_header(path: Path) -> None:
    """Refuse a file that is plainly not SQLite before SQLite gets to it (empty is fine: new);
    a pipe or device at once, without reading it."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file",
                         "Give the path of a file with --db.")
    check_regular_file(path, missing_ok=True)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}",
                         "Check that the file exists and that you may read it.") from exc
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
        return StoreError(f"cannot open {path}",
                          "Check that its folder exists and that you may read and write there.")
    if code == _IOERR:
        return StoreError(f"cannot {action} {path}: the disk reported an error ({text})",
                          "The disk or USB stick may be failing or gone; copy the file somewhere "
                          f"safe and try again; {NOTHING_LOST}.")
    return StoreError(f"cannot {action} {path}: {text}")
