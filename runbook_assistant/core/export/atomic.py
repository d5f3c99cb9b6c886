"""Write an export so that the target is either complete or untouched, with progress and cancel.

The temporary file and the rename are ``core/atomic.py``'s; this module adds the buffered text
sink every text format writes to and the progress reports a long export gives.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from runbook_assistant.core.atomic import atomic_path, check_target
from runbook_assistant.core.errors import ExportError

__all__ = ["ExportCancelled", "Progress", "TextSink", "atomic_path", "atomic_text", "check_target",
           "write_text_atomic"]

_CHUNK = 1 << 16


class ExportCancelled(ExportError):
    """The export was cancelled by the user; nothing was written."""

    def __init__(self) -> None:
        super().__init__("export cancelled: no file was written", code="export_cancelled")


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
