"""Write a file for the user so that the target is either complete or untouched.

The content goes to a temporary file in the target's own folder (so the final rename stays on one
file system), is flushed to disk, and only then replaces the target with ``os.replace``. On any
error (full disk, no permission, cancelled) the temporary file is removed and the target is left
as it was: nobody ever opens half a report or imports half a sync bundle.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from runbook_assistant.core.errors import ExportError


def check_target(path: Path, example: str = "report.html") -> Path:
    """The target as a path, or ``ExportError`` when it cannot be written at all.

    ``example`` is the file name the hint suggests when the target is a folder.
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError.of("write_is_folder", path=target, example=example)
    if not folder.is_dir():
        raise ExportError.of("write_no_folder", path=target, folder=folder)
    return target


@contextmanager
def atomic_path(path: Path, *, example: str = "report.html",
                mode: int = 0o600) -> Iterator[Path]:
    """A temporary path beside ``path`` to write; it replaces ``path`` when the block succeeds.

    ``mode`` is the new file's permission before the umask; ``OSError`` in the block (or in the
    rename) becomes an ``ExportError`` that says why, and no temporary file is left behind.
    """
    target = check_target(path, example)
    # Exports and bundles carry a council's incident record: private (0600) unless asked.
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
    except OSError as exc:
        raise _os_error(target, exc) from exc
    try:
        yield temp
        _sync_file(temp)
        os.replace(temp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        _remove(temp)
        raise _os_error(target, exc) from exc
    except BaseException:
        _remove(temp)
        raise


def _os_error(target: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return ExportError.of("write_disk_full", path=target)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError.of("write_denied", path=target)
    return ExportError.of("write_failed", path=target, why=exc.strerror or str(exc))


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no directory handles for this)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
