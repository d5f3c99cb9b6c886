"""Finding, reading and parsing the library's files.

Reading and hashing is all a warm start does per file; parsing happens only for new content, and
a large batch (a first start over a big library) is spread over a process pool.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from runbook_assistant.core.model import Diagnostic, ParseResult, Severity

RUNBOOK_SUFFIXES = (".md",)
MAX_FILE_BYTES = 10 * 1024 * 1024  # keeps a stray huge file from eating memory
# Starting worker processes costs a few hundred milliseconds: only worth it for big batches.
POOL_MIN_FILES = 200


@dataclass
class Scanned:
    """A file found by a scan: its bytes and hash, or why it could not be read."""

    path: Path
    root: Path
    data: bytes | None = None
    sha256: str = ""
    problem: str = ""


def is_runbook_file(path: Path) -> bool:
    """Whether a folder scan picks this file up (Markdown, not hidden)."""
    return path.suffix.lower() in RUNBOOK_SUFFIXES and not path.name.startswith(".")


def problem_result(path: Path, message: str) -> ParseResult:
    """An unusable file: no runbook, one error at line 1."""
    return ParseResult(None, (Diagnostic(str(path), 1, Severity.ERROR, message),))


def scan(root: Path) -> list[Scanned]:
    """Read and hash every runbook file under ``root`` (hidden folders skipped), sorted by path.

    A folder that cannot be listed is returned as a Scanned with a problem, after the files.
    """
    found: list[tuple[tuple[str, ...], Scanned]] = []
    problems: list[Scanned] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        problems.append(Scanned(where, root, problem=f"cannot read folder: {exc.strerror}"))

    top = str(root)
    for folder, dirs, files in os.walk(top, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        parts = tuple(os.path.relpath(folder, top).split(os.sep)) if folder != top else ()
        for name in files:
            if is_runbook_file(Path(name)):
                found.append(((*parts, name), read(Path(folder, name), root)))
    found.sort(key=lambda item: item[0])
    return [item for _, item in found] + problems


def read(path: Path, root: Path) -> Scanned:
    """Read and hash one file (a problem instead when unreadable or far too big)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return Scanned(path, root, problem=f"cannot read file: {exc.strerror or exc}")
    if len(data) > MAX_FILE_BYTES:
        return Scanned(path, root, problem=f"file larger than {MAX_FILE_BYTES // 2**20} MB; "
                       "a runbook is far smaller")
    return Scanned(path, root, data, hashlib.sha256(data).hexdigest())


def parse_one(data: bytes, path: Path) -> ParseResult:
    """Parse one file's bytes; never raises (a parser failure becomes an error diagnostic)."""
    # Imported here: the parser pulls in markdown-it, which a warm start never needs.
    from runbook_assistant.core.parser import parse_bytes

    try:
        return parse_bytes(data, str(path))
    except Exception as exc:  # the parser promises not to raise; a bug must not hide a file
        return problem_result(path, f"cannot parse file: {exc}")


def _parse_job(job: tuple[bytes, str]) -> ParseResult:
    return parse_one(job[0], Path(job[1]))


def _workers() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cpus = os.cpu_count() or 1
    return min(cpus, 8)


def _pool_allowed() -> bool:
    # A frozen app would need freeze_support() in its entry point, and a daemonic process
    # may not have children: parse in-process there.
    return not getattr(sys, "frozen", False) and not multiprocessing.current_process().daemon


def parse_many(items: Sequence[Scanned]) -> list[ParseResult]:
    """Parse readable scanned files, in order; big batches go to a process pool."""
    workers = _workers()
    if len(items) >= POOL_MIN_FILES and workers > 1 and _pool_allowed():
        jobs = [(s.data or b"", str(s.path)) for s in items]
        try:
            # spawn, not fork: forking a process that runs Qt threads can deadlock the child.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                chunk = max(1, len(jobs) // (4 * workers))
                return list(pool.map(_parse_job, jobs, chunksize=chunk))
        except (OSError, BrokenProcessPool, RuntimeError):
            pass  # no processes to be had: parse here
    return [parse_one(s.data or b"", s.path) for s in items]
