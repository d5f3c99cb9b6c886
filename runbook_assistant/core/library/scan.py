"""Finding, reading and parsing the library's files.

A warm start reads and hashes only the files whose size, times or inode changed since they were
last hashed (``known``: what the index remembers of each file's ``os.stat``); the others cost one
``stat``. Parsing happens only for new content (a large batch of it is shared with worker
processes: see ``pool``).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from runbook_assistant.core.library.summary import Prepared, RunbookSummary
from runbook_assistant.core.textfile import read_limited, reason

if TYPE_CHECKING:  # imported where a result is made: a warm list makes none
    from runbook_assistant.core.runbook.model import ParseResult

RUNBOOK_SUFFIXES = (".md",)
MAX_FILE_BYTES = 10 * 1024 * 1024  # keeps a stray huge file from eating memory
# A file whose modification or change time is this close to the moment it was hashed is hashed
# again at the next scan: a second write within the file system's time resolution (or a clock
# a little off on a network share) would otherwise leave the same size and times on new bytes.
SETTLED_NS = 10_000_000_000


class FileStat(NamedTuple):
    """What ``os.stat`` says of a file that changes whenever its bytes change."""

    size: int
    mtime_ns: int
    ctime_ns: int  # on POSIX set by every write, and not settable by a program (unlike mtime)
    ino: int  # an editor that saves by writing a new file and renaming it makes a new inode

    @classmethod
    def of(cls, info: os.stat_result) -> FileStat:
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)

    def settled(self, now_ns: int) -> bool:
        """Whether these times are old enough to vouch for the bytes hashed now."""
        return max(self.mtime_ns, self.ctime_ns) < now_ns - SETTLED_NS


Known = Mapping[str, tuple[FileStat, str]]  # path: its stat when hashed, and the sha256


@dataclass
class Scanned:
    """A file found by a scan: its bytes and hash, or why it could not be read.

    A file unchanged since it was last hashed (same ``FileStat``) has its ``sha256`` but no
    ``data``: nothing was read. ``stat`` is the file's stat taken before it was read (None when
    unknown): what the next scan compares.
    """

    path: Path
    root: Path
    data: bytes | None = None
    sha256: str = ""
    problem: str = ""
    gone: bool = False  # removed between listing the folder and reading it
    stat: FileStat | None = None

    @property
    def readable(self) -> bool:
        """Whether the file was read (or is known unchanged): it has a content hash."""
        return bool(self.sha256)


def is_runbook_file(path: Path) -> bool:
    """Whether a folder scan picks this file up (Markdown, not hidden)."""
    return _is_runbook_name(path.name)


def _is_runbook_name(name: str) -> bool:
    return name.lower().endswith(RUNBOOK_SUFFIXES) and not name.startswith(".")


def problem_result(path: Path, message: str) -> ParseResult:
    """An unusable file: no runbook, one error at line 1."""
    from runbook_assistant.core.runbook.model import Diagnostic, ParseResult, Severity

    return ParseResult(None, (Diagnostic(str(path), 1, Severity.ERROR, message),))


def resolved_path(path: Path) -> Path:
    """The absolute, link-free path; the plain absolute one where that cannot be worked out."""
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python before 3.13)
        return Path(os.path.abspath(path))


def scan(root: Path, known: Known | None = None) -> list[Scanned]:
    """Read and hash every runbook file under ``root`` (hidden folders skipped), sorted by path.

    A file found in ``known`` with the same ``FileStat`` is not read: it keeps its hash. A folder
    that cannot be listed is returned as a Scanned with a problem, after the files. Links to
    folders are not followed (a loop of links would never end).
    """
    found: list[tuple[tuple[str, ...], str, FileStat | None]] = []
    problems: list[Scanned] = []
    _walk(str(root), (), found, problems, root, known is not None)
    found.sort(key=lambda item: item[0])
    scanned = []
    for _, path, info in found:
        hit = known.get(path) if known and info is not None else None
        if hit is not None and hit[0] == info:
            scanned.append(Scanned(Path(path), root, None, hit[1], stat=info))
            continue
        item = read(Path(path), root)
        if not item.gone:  # removed since the folder was listed (an editor's temporary file)
            item.stat = info if item.readable else None
            scanned.append(item)
    return scanned + problems


def _walk(folder: str, parts: tuple[str, ...],
          found: list[tuple[tuple[str, ...], str, FileStat | None]], problems: list[Scanned],
          root: Path, with_stat: bool) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else root
        problems.append(Scanned(where, root, problem=f"cannot read folder: {exc.strerror}"))
        return
    for entry in entries:
        name = entry.name
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            if name.startswith("."):
                continue
            if not entry.is_symlink():
                _walk(entry.path, (*parts, name), found, problems, root, with_stat)
            elif _outside(entry.path, root):  # not followed; said, not silently skipped
                problems.append(Scanned(Path(entry.path), root, problem="a link to the folder "
                                        f"'{_target(entry.path)}' outside the library folder: "
                                        "not followed"))
        elif _is_runbook_name(name):
            found.append(((*parts, name), entry.path, _regular_stat(entry) if with_stat else None))


def _regular_stat(entry: os.DirEntry[str]) -> FileStat | None:
    """The stat of a plain file (not a link, pipe or device), taken before it is read."""
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return None
    return FileStat.of(info) if stat.S_ISREG(info.st_mode) else None


def settled_stats(scanned: Sequence[Scanned]) -> list[tuple[str, FileStat, str]]:
    """(path, stat, sha256) of the files read by this scan whose stat can vouch for them later."""
    now = time.time_ns()
    return [(str(s.path), s.stat, s.sha256) for s in scanned
            if s.data is not None and s.stat is not None and s.stat.settled(now)]


def read(path: Path, root: Path) -> Scanned:
    """Read and hash one file (a problem instead when unreadable or far too big)."""
    name = os.fspath(path)
    if not _is_utf8(name):
        # Such a name cannot be shown, stored in the index or given back on the command line.
        return Scanned(path, root, problem="the file's name or folder is not valid UTF-8 (a "
                       "name made on another system): rename it")
    if os.path.islink(name) and os.path.isfile(name) and _outside(name, root):
        return Scanned(path, root, problem=f"a link to '{_target(name)}', outside the library "
                       "folder: not followed (copy the runbook into the folder instead)")
    try:
        data = read_limited(name, MAX_FILE_BYTES)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            if os.path.islink(name):
                return Scanned(path, root, problem="cannot read file: it is a link to "
                               f"'{_target(name)}', which does not exist")
            if not os.path.lexists(name):
                return Scanned(path, root, problem="cannot read file: it was removed",
                               gone=True)
        return Scanned(path, root, problem=f"cannot read file: {reason(exc)}")
    if len(data) > MAX_FILE_BYTES:
        return Scanned(path, root, problem=f"file larger than {MAX_FILE_BYTES // 2**20} MB; "
                       "a runbook is far smaller")
    import hashlib  # here: a warm start that reads no file does without (it loads OpenSSL)

    return Scanned(path, root, data, hashlib.sha256(data).hexdigest())


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of the name, kept as lone surrogates
        return False
    return True


def _outside(link: str, root: Path) -> bool:
    """True when the link, followed to its end, leads out of the library folder ``root``."""
    try:
        target = Path(os.path.realpath(link))
        return not target.is_relative_to(Path(os.path.realpath(root)))
    except (OSError, ValueError):
        return True


def _target(link: str) -> str:
    try:
        return os.readlink(link)
    except OSError:
        return "?"


def parse_one(data: bytes, path: Path) -> ParseResult:
    """Parse one file's bytes; never raises (a parser failure becomes an error diagnostic)."""
    # Imported here: the parser pulls in markdown-it, which a warm start never needs.
    from runbook_assistant.core.runbook.parser import parse_bytes

    try:
        return parse_bytes(data, str(path))
    except Exception as exc:  # the parser promises not to raise; a bug must not hide a file
        return problem_result(path, f"cannot parse file: {exc}")


def prepare(result: ParseResult) -> Prepared:
    """A parse result made ready for the index (pickled, summarised, its search text)."""
    import pickle

    from runbook_assistant.core.library.index import fts_columns

    runbook = result.runbook
    return Prepared(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL),
                    RunbookSummary.of(result),
                    fts_columns(runbook) if runbook is not None else None, result)


def prepare_here(jobs: Sequence[tuple[bytes, str]]) -> list[Prepared]:
    """Parse and prepare (bytes, path) jobs in this process."""
    return [prepare(parse_one(data, Path(path))) for data, path in jobs]
