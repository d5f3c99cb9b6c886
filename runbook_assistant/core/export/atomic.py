"""Write an export so that the target is either complete or untouched.

The content goes to a temporary file in the target's own folder (so the final rename stays on one
file system), is flushed to disk, and only then replaces the target with ``os.replace``. On any
error (full disk, no permission, cancelled) the temporary file is removed and the target is left
as it was: nobody ever opens half a report.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from runbook_assistant.core.errors import ExportError

_CHUNK = 1 << 16


class ExportCancelled(ExportError):
    """The export was cancelled by the user; nothing was written."""

    def __init__(self) -> None:
        super().__init__("export cancelled: no file was written")


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class TextSink:
    """A buffered UTF-8 text writer on a file descriptor (what every text format writes to)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= _CHUNK:
            self.flush()

    def writelines(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.write(text)

    def flush(self) -> None:
        if self._parts:
            data = "".join(self._parts).encode("utf-8")
            self._parts.clear()
            self._size = 0
            _write_all(self._fd, data)


def check_target(path: Path) -> Path:
    """The target as an absolute path, or ``ExportError`` when it cannot be written at all."""
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder",
                          hint="give a file name, e.g. report.html")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist",
                          hint="create the folder first or choose another place")
    return target


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write; it replaces ``path`` when the block succeeds."""
    target = check_target(path)
    # Not mkstemp: its files are private (0600); an export gets the usual mode (umask applies).
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
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


@contextmanager
def atomic_text(path: Path) -> Iterator[TextSink]:
    """A text sink whose content replaces ``path`` (UTF-8) when the block succeeds."""
    with atomic_path(path) as temp:
        fd = os.open(temp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        try:
            sink = TextSink(fd)
            yield sink
            sink.flush()
        finally:
            os.close(fd)


def write_text_atomic(path: Path, chunks: Iterable[str], progress: Progress | None = None) -> Path:
    """Write ``chunks`` to ``path`` atomically; returns the path written. A cancel seen up to the
    last moment still leaves no file."""
    with atomic_text(path) as sink:
        sink.writelines(chunks)
        if progress is not None:
            progress.check()
    return check_target(path)


def _os_error(target: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return ExportError(f"cannot write {target}: the disk is full",
                           hint="free some space or write to another disk; nothing was written")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(f"cannot write {target}: permission denied",
                           hint="choose a folder you can write to")
    reason = exc.strerror or str(exc)
    return ExportError(f"cannot write {target}: {reason}", hint="nothing was written")


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


class Progress:
    """Reports ``progress(done, total)`` now and then and checks ``cancel()`` as work goes on."""

    def __init__(self, total: int, callback: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> None:
        self.total = max(int(total), 0)
        self.done = 0
        self._callback = callback
        self._cancel = cancel
        self._every = max(1, self.total // 200)  # at most ~200 reports: cheap for 100,000 rows
        self._next = 0

    def check(self) -> None:
        """Raise ``ExportCancelled`` when the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise ExportCancelled()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.done >= self._next:
            self._next = self.done + self._every
            self.check()
            if self._callback is not None:
                self._callback(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self._callback is not None:
            self._callback(self.total, self.total)
