"""One app instance per database: a QLockFile beside it (``<db>.lock``).

Two windows writing one run would each show a checklist the other does not see, so a second start
on the same file is refused. A lock left by a crashed instance never blocks: a lock whose owning
process is gone (same host) is stale and removed. The time-based staleness is off (0): an app
open for days is not stale.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return True  # no safe probe here (os.kill would terminate); QLockFile checks it itself
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


class InstanceLock:
    """The lock on one database file; ``acquire()`` once at start, ``release()`` at exit."""

    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        self.path = self.database.with_name(self.database.name + ".lock")
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self, timeout_ms: int = 100) -> bool:
        """Take the lock; False when another live instance holds it (or it cannot be written)."""
        if self._lock.tryLock(timeout_ms):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError and self.owner_is_gone():
            self._lock.removeStaleLockFile()
            return self._lock.tryLock(timeout_ms)
        return False

    def start_acquiring(self, timeout_ms: int = 100) -> Callable[[], bool]:
        """Run ``acquire`` on a thread; the function returned waits for it and gives its result.

        Taking the lock syncs the lock file to disk (QLockFile does, so that a lock survives a
        crash): milliseconds, more on a slow disk, that the start-up spends importing the window's
        modules meanwhile. Nothing may be read, written or set up (settings, theme, window,
        database) before the wait."""
        result: list[bool] = []
        thread = threading.Thread(target=lambda: result.append(self.acquire(timeout_ms)),
                                  name="instance-lock", daemon=True)
        thread.start()

        def wait() -> bool:
            thread.join()
            return bool(result) and result[0]
        return wait

    def owner(self) -> tuple[int, str, str] | None:
        """(pid, host name, app name) written in the lock file, if it can be read."""
        info = self._lock.getLockInfo()
        if not info or not isinstance(info, tuple) or len(info) != 3 or not info[0]:
            return None
        pid, host, app = info
        return int(pid), str(host), str(app)

    def owner_is_gone(self) -> bool:
        """True when the lock was written on this machine by a process that no longer runs."""
        owner = self.owner()
        if owner is None:
            return False
        pid, host, _app = owner
        from PySide6.QtCore import QSysInfo  # only when a lock is found: not on a normal start

        if host and host != QSysInfo.machineHostName():
            return False  # another laptop's lock on a shared folder: never ours to break
        return not _process_alive(pid)

    @property
    def held_elsewhere(self) -> bool:
        """Whether the last ``acquire`` failed because another instance has the database open."""
        return self._lock.error() == QLockFile.LockError.LockFailedError

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
