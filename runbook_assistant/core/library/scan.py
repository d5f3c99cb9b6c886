"""Finding, reading and parsing the library's files.

Reading and hashing is all a warm start does per file; parsing happens only for new content (a
large batch of it is shared with worker processes: see ``library_pool``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from runbook_assistant.core.library.summary import Prepared, RunbookSummary
from runbook_assistant.core.runbook.model import Diagnostic, ParseResult, Severity
from runbook_assistant.core.textfile import read_limited, reason

RUNBOOK_SUFFIXES = (".md",)
MAX_FILE_BYTES = 10 * 1024 * 1024  # keeps a stray huge file from eating memory


@dataclass
class Scanned:
    """A file found by a scan: its bytes and hash, or why it could not be read."""

    path: Path
    root: Path
    data: bytes | None = None
    sha256: str = ""
    problem: str = ""
    gone: bool = False  # removed between listing the folder and reading it


def is_runbook_file(path: Path) -> bool:
    """Whether a folder scan picks this file up (Markdown, not hidden)."""
    return _is_runbook_name(path.name)


def _is_runbook_name(name: str) -> bool:
    return name.lower().endswith(RUNBOOK_SUFFIXES) and not name.startswith(".")


def problem_result(path: Path, message: str) -> ParseResult:
    """An unusable file: no runbook, one error at line 1."""
    return ParseResult(None, (Diagnostic(str(path), 1, Severity.ERROR, message),))


def resolved_path(path: Path) -> Path:
    """The absolute, link-free path; the plain absolute one where that cannot be worked out."""
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python before 3.13)
        return Path(os.path.abspath(path))


def scan(root: Path) -> list[Scanned]:
    """Read and hash every runbook file under ``root`` (hidden folders skipped), sorted by path.

    A folder that cannot be listed is returned as a Scanned with a problem, after the files.
    Links to folders are not followed (a loop of links would never end).
    """
    found: list[tuple[tuple[str, ...], str]] = []
    problems: list[Scanned] = []
    _walk(str(root), (), found, problems, root)
    found.sort(key=lambda item: item[0])
    # A file removed since the folder was listed (an editor's temporary file) was never there.
    return [s for s in (read(Path(path), root) for _, path in found) if not s.gone] + problems


def _walk(folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str]],
          problems: list[Scanned], root: Path) -> None:
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
                _walk(entry.path, (*parts, name), found, problems, root)
            elif _outside(entry.path, root):  # not followed; said, not silently skipped
                problems.append(Scanned(Path(entry.path), root, problem="a link to the folder "
                                        f"'{_target(entry.path)}' outside the library folder: "
                                        "not followed"))
        elif _is_runbook_name(name):
            found.append(((*parts, name), entry.path))


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
    from runbook_assistant.core.library.index import fts_columns

    runbook = result.runbook
    return Prepared(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL),
                    RunbookSummary.of(result),
                    fts_columns(runbook) if runbook is not None else None, result)


def prepare_here(jobs: Sequence[tuple[bytes, str]]) -> list[Prepared]:
    """Parse and prepare (bytes, path) jobs in this process."""
    return [prepare(parse_one(data, Path(path))) for data, path in jobs]
