"""Reading a database without writing to it, and without ever leaving out its ``-wal``.

SQLite reads a database in WAL mode through its ``-shm`` index; in a folder nobody may write to,
with no ``-shm`` beside the file, it cannot open it at all. Opening it ``immutable=1`` would then
read the main file alone and silently leave out every commit still in the ``-wal``. Instead the
database and its ``-wal`` are copied to a private temporary folder and the copy is read: every
acknowledged event, and the original untouched.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


def connect_read_only(path: Path, timeout: float = 5.0) -> tuple[sqlite3.Connection, Path | None]:
    """A connection that reads ``path`` (WAL included), and the private folder holding the copy
    it reads instead when the original cannot be opened in place (None: read in place). The
    caller removes that folder (``discard_copy``) after closing the connection."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, None
    except sqlite3.OperationalError:
        conn.close()
    folder = Path(tempfile.mkdtemp(prefix="runbook-assistant-read-"))  # 0700: private
    try:
        copy = folder / "copy.sqlite3"
        shutil.copyfile(path, copy)
        wal = Path(f"{path}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        conn = sqlite3.connect(str(copy), isolation_level=None, timeout=timeout)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, folder
    except BaseException:
        discard_copy(folder)
        raise


def discard_copy(folder: Path | None) -> None:
    if folder is not None:
        with suppress(OSError):
            shutil.rmtree(folder)


@contextmanager
def open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """``connect_read_only`` for one block: the connection is closed and any copy removed."""
    conn, folder = connect_read_only(path)
    try:
        yield conn
    finally:
        conn.close()
        discard_copy(folder)
