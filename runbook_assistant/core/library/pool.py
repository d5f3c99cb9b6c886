"""Parsing a big batch of new files: this process and worker processes share the work.

A worker is a plain ``python -c`` child. It is told over its stdin which files to parse (path and
expected sha256, a few at a time), reads and parses them, writes the results straight into the
index file and answers with one flag per file: parse results never cross a pipe. (multiprocessing
is not used: its spawn start imports the parent's main module in every worker first, which for the
command line is the whole program.)

This process works through the batch from the end while the workers take it from the start, so
that no core waits while a worker starts up; whatever a worker did not do is done here. Meanwhile
a thread here folds the index's write-ahead log into the file as it grows (``_Checkpoints``), so
that closing the index does not have to write the whole batch again and wait for the disk.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from runbook_assistant.core import child
from runbook_assistant.core.library.index import LibraryIndex
from runbook_assistant.core.library.scan import Scanned, parse_one, prepare, prepare_here, read
from runbook_assistant.core.library.summary import Prepared

# Starting a worker costs a few hundred milliseconds of CPU: only worth it for big batches.
POOL_MIN_FILES = 200
# Files per chunk: few, so that this process and the workers finish at about the same time.
CHUNK_FILES = 8
# Files this process parses before it saves them (while the workers run, when the index is free).
SAVE_FILES = 64
_AHEAD = 2  # chunks a worker holds, so that it has the next one while its answer is read here
CHECKPOINT_S = 0.1  # how often the log is folded into the index file while a big batch is parsed
_WORKER_CODE = "from runbook_assistant.core.library.pool import serve; serve()"

Key = tuple[str, str]  # (path, sha256)


def _workers() -> int:
    """How many processes may parse at once (this one included)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cpus = os.cpu_count() or 1
    return min(cpus, 8)


def _pool_allowed() -> bool:
    return child.allowed()


def parse_into(index: LibraryIndex | None, items: Sequence[Scanned]) -> dict[Key, Prepared]:
    """Parse readable scanned files and cache them in ``index`` (when there is one).

    Returns what was parsed in this process, with its parse results, by (path, sha256); what a
    worker parsed is in the index only. An index error here is raised.
    """
    here: dict[Key, Prepared] = {}
    unsaved: list[tuple[str, str, Prepared, bytes]] = []

    def parse_here(scanned: Sequence[Scanned], *, last: bool = True) -> None:
        prepared = prepare_here([(s.data or b"", str(s.path)) for s in scanned])
        for s, item in zip(scanned, prepared, strict=True):
            here[(str(s.path), s.sha256)] = item
            unsaved.append((str(s.path), s.sha256, item, s.data or b""))
        if index is None:
            return
        if last:
            index.update(unsaved)
            unsaved.clear()
        # While the workers parse, saved in batches when no worker is writing: waiting on one
        # costs more than saving later.
        elif len(unsaved) >= SAVE_FILES and index.update_if_free(unsaved):
            unsaved.clear()

    chunks = [items[n:n + CHUNK_FILES] for n in range(0, len(items), CHUNK_FILES)]
    workers = min(_workers() - 1, len(chunks))
    if (index is not None and index.file is not None and len(items) >= POOL_MIN_FILES
            and workers >= 1 and _pool_allowed()):
        queue = _Chunks(len(chunks), reserved=workers)
        pool = [_Worker(index.file, index.fingerprint, chunks, queue, first=n)
                for n in range(workers)]
        checkpoints = _Checkpoints(index.file)
        try:
            while (k := queue.from_back()) is not None:
                parse_here(chunks[k], last=False)
        finally:
            queue.close()  # after an error here, the workers stop at their current chunk
            for worker in pool:
                worker.join()
            checkpoints.stop()
        stored = set().union(*(worker.stored for worker in pool))
        items = [s for s in items if (str(s.path), s.sha256) not in here
                 and (str(s.path), s.sha256) not in stored]
    parse_here(items)
    return here


class _Checkpoints:
    """A thread that folds the index's write-ahead log into the index file every CHECKPOINT_S.

    The batch writes some tens of megabytes; left in the log, all of it is copied into the file
    (and the file synced) when the last connection closes: a wait for the disk after the work,
    where the user waits too. Done on the way instead, that waiting overlaps the parsing (SQLite
    lets other threads run meanwhile). PASSIVE never waits for, or blocks, the writers; what it
    cannot fold now is folded later, and the rest at the close, as before.
    """

    def __init__(self, file: Path) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(file,),
                                        name="library-checkpoints", daemon=True)
        self._thread.start()

    def _run(self, file: Path) -> None:
        try:
            conn = sqlite3.connect(str(file), check_same_thread=False, isolation_level=None)
        except sqlite3.Error:
            return  # only a head start: the close folds the log in any case
        try:
            while True:  # at once, then every CHECKPOINT_S until stopped
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                if self._stop.wait(CHECKPOINT_S):
                    break
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class _Chunks:
    """Chunk numbers handed out from both ends: to workers from the front, here from the back."""

    def __init__(self, count: int, reserved: int) -> None:
        self._lock = threading.Lock()
        self._front = reserved  # chunks 0..reserved-1 are each worker's first
        self._back = count

    def from_front(self) -> int | None:
        with self._lock:
            if self._front >= self._back:
                return None
            self._front += 1
            return self._front - 1

    def from_back(self) -> int | None:
        with self._lock:
            if self._front >= self._back:
                return None
            self._back -= 1
            return self._back

    def close(self) -> None:
        with self._lock:
            self._front = self._back


class _Worker:
    """A worker process, and the thread here that keeps it supplied with chunks."""

    def __init__(self, file: Path, fingerprint: str, chunks: Sequence[Sequence[Scanned]],
                 queue: _Chunks, first: int) -> None:
        self.stored: set[Key] = set()  # files the worker parsed and cached
        self._chunks = chunks
        self._queue = queue
        self._thread = threading.Thread(target=self._run, args=(file, fingerprint, first),
                                        name="library-parse-worker", daemon=True)
        self._thread.start()

    def join(self) -> None:
        self._thread.join()

    def _run(self, file: Path, fingerprint: str, first: int) -> None:
        try:
            process = child.start(_WORKER_CODE)
        except OSError:
            return  # no worker to be had: its chunks are parsed here
        assert process.stdin is not None and process.stdout is not None
        try:
            child.send(process.stdin, (str(file), fingerprint))
            sent: deque[int] = deque()
            k: int | None = first
            while True:
                while k is not None and len(sent) < _AHEAD:
                    child.send(process.stdin, [(str(s.path), s.sha256) for s in self._chunks[k]])
                    sent.append(k)
                    k = self._queue.from_front()
                if not sent:
                    break
                flags = child.receive(process.stdout)
                if flags is None:
                    raise EOFError("the worker stopped")
                chunk = self._chunks[sent.popleft()]
                self.stored.update((str(s.path), s.sha256)
                                   for s, ok in zip(chunk, flags, strict=True) if ok)
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):
            pass  # the worker failed: what it did not answer for is parsed here
        finally:
            with contextlib.suppress(OSError):
                process.stdin.close()  # the worker ends at the end of its input
            process.stdout.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def serve() -> None:
    """A worker's loop: (index file, fingerprint) on stdin, then chunks of (path, sha256)."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not end up in the answers
    hello = child.receive(stdin)
    if hello is None:
        return
    file, fingerprint = hello
    index = LibraryIndex.attach(Path(file), fingerprint)
    try:
        while (jobs := child.receive(stdin)) is not None:
            child.send(stdout, _parse_chunk(index, jobs))
    finally:
        index.close()


def _parse_chunk(index: LibraryIndex, jobs: Sequence[Key]) -> list[bool]:
    """Parse and cache files; a flag per file says whether it was (not when changed since)."""
    batch: list[tuple[str, str, Prepared, bytes]] = []
    flags = []
    for path, sha in jobs:
        scanned = read(Path(path), Path(path).parent)
        # A file changed since the parent hashed it is the parent's to parse: it has those bytes.
        ok = scanned.data is not None and scanned.sha256 == sha
        flags.append(ok)
        if ok and scanned.data is not None:
            batch.append((path, sha, prepare(parse_one(scanned.data, Path(path))), scanned.data))
    try:
        index.update(batch)
    except sqlite3.Error:
        return [False] * len(jobs)
    return flags
