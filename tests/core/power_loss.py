"""A power cut in SQLite's own manner: a recording VFS (apsw) and the files a cut could leave.

``Recorder`` is an apsw VFS that inherits the default one and notes every write, truncate and sync
of each file, in order, with a marker each time a transaction was acknowledged (its COMMIT
returned). ``after_cut`` builds the files as a disk could hold them after a power cut at any
point of that history: everything synced before survives; of the writes not yet synced, any
subset survives, in any order, and the last one may be torn at a sector boundary. The ``-shm``
file is memory, not disk: it is never there after a cut.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import apsw

SECTOR = 512


@dataclass
class History:
    ops: list[tuple[Any, ...]] = field(default_factory=list)  # ("w"|"t"|"s"|"d"|"ack", ...)

    def acknowledged(self, cut: int) -> int:
        """How many transactions were acknowledged before op number ``cut``."""
        return sum(1 for op in self.ops[:cut] if op[0] == "ack")


class _File(apsw.VFSFile):
    def __init__(self, history: History, vfs: str, name: Any, flags: list[int]) -> None:
        self._history = history
        self._name = Path(name.filename() if hasattr(name, "filename") else str(name)).name
        super().__init__(vfs, name, flags)

    def xWrite(self, data: bytes, offset: int) -> None:
        self._history.ops.append(("w", self._name, offset, bytes(data)))
        super().xWrite(data, offset)

    def xTruncate(self, size: int) -> None:
        self._history.ops.append(("t", self._name, size))
        super().xTruncate(size)

    def xSync(self, flags: int) -> None:
        self._history.ops.append(("s", self._name))
        super().xSync(flags)


class Recorder(apsw.VFS):
    def __init__(self, name: str, history: History) -> None:
        self.history = history
        super().__init__(name, "")

    def xOpen(self, name: Any, flags: list[int]) -> apsw.VFSFile:
        return _File(self.history, "", name, flags)

    def xDelete(self, filename: str, syncdir: bool) -> None:
        # Taken as lasting at once (SQLite asks for the folder to be synced where it matters):
        # deleting a rollback journal is how such a transaction commits.
        self.history.ops.append(("d", Path(filename).name))
        super().xDelete(filename, syncdir)


def after_cut(history: History, cut: int, rng: random.Random) -> dict[str, bytes]:
    """Each file's content after a power cut just before op number ``cut``."""
    durable: dict[str, bytearray] = {}
    pending: dict[str, list[tuple[Any, ...]]] = {}
    for op in history.ops[:cut]:
        if op[0] == "ack":
            continue
        name = op[1]
        if op[0] == "d":
            durable.pop(name, None)
            pending.pop(name, None)
            continue
        durable.setdefault(name, bytearray())
        if op[0] == "s":
            for write in pending.pop(name, []):
                _apply(durable[name], write)
        else:
            pending.setdefault(name, []).append(op)
    for name, writes in pending.items():
        kept = [w for w in writes if rng.random() < 0.5]  # any subset ...
        rng.shuffle(kept)  # ... in any order
        if kept and kept[-1][0] == "w" and rng.random() < 0.5:  # the last one torn
            _, _, offset, data = kept[-1]
            kept[-1] = ("w", name, offset, data[:SECTOR * rng.randint(0, len(data) // SECTOR)])
        for write in kept:
            _apply(durable[name], write)
    return {name: bytes(data) for name, data in durable.items() if not name.endswith("-shm")}


def _apply(image: bytearray, op: tuple[Any, ...]) -> None:
    if op[0] == "t":
        del image[op[2]:]
        return
    _, _, offset, data = op
    if len(image) < offset:
        image.extend(bytes(offset - len(image)))
    image[offset:offset + len(data)] = data
