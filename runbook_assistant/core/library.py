"""The runbook library: every Markdown file in the bundled folder and the user's folders.

Files are parsed once per content: results are cached by sha256 in ``library_index``, so opening
the library again costs reading and hashing the files, nothing more. Problems that involve more
than one file (a duplicate id, a scenario for a runbook that is not there) are found here and
added to the file's diagnostics, so ``validate`` shows them with the rest.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from runbook_assistant import paths
from runbook_assistant.core.errors import LibraryError
from runbook_assistant.core.library_index import LibraryIndex, SearchHit
from runbook_assistant.core.library_scan import (
    Scanned,
    is_runbook_file,
    parse_many,
    problem_result,
    read,
    scan,
)
from runbook_assistant.core.model import Diagnostic, ParseResult, Runbook, Severity

__all__ = ["Library", "LibraryEntry", "SearchHit", "is_runbook_file", "link"]


@dataclass(frozen=True)
class LibraryEntry:
    """One file of the library (or an unreadable folder), usable or not."""

    path: Path
    sha256: str
    result: ParseResult
    source_dir: Path
    bundled: bool

    @property
    def runbook(self) -> Runbook | None:
        """The runbook when the file is usable (parsed, no errors), else None."""
        return self.result.runbook if self.result.ok else None


def _decode(data: bytes) -> str:
    # As parse_bytes() decodes: a usable runbook is valid UTF-8, with or without a BOM.
    return data.decode("utf-8-sig", errors="replace")


class Library:
    """Runbooks and exercise scenarios found in ``folders`` (the bundled one first, usually).

    Every accessor scans the folders on first use; call ``refresh()`` to pick up changed files.
    With ``cache_path`` None the index lives in memory (nothing is written).
    """

    def __init__(self, folders: Sequence[Path], cache_path: Path | None = None) -> None:
        self.folders = [Path(folder) for folder in folders]
        self._cache_path = cache_path
        self._index: LibraryIndex | None = None
        self._lock = threading.RLock()
        self._entries: list[LibraryEntry] | None = None
        self._by_id: dict[str, LibraryEntry] = {}  # usable runbooks and scenarios
        self._claimed: dict[str, LibraryEntry] = {}  # every parsed id, usable or not
        self._docids: dict[Path, int] = {}

    # --- scanning ------------------------------------------------------------------------------
    @property
    def index(self) -> LibraryIndex:
        """The parse cache and search index, opened on first use."""
        if self._index is None:
            self._index = LibraryIndex(self._cache_path)
        return self._index

    def close(self) -> None:
        """Close the index; the library reopens it if used again."""
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None
            self._entries = None

    def refresh(self) -> None:
        """Scan the folders, parse the files whose content changed, update the search index."""
        with self._lock:
            roots = self._roots()
            try:
                entries, docids = self._load(roots, self.index)
            except sqlite3.Error:
                # The cache went bad under us (locked for long, disk full...): work in memory.
                with contextlib.suppress(sqlite3.Error):
                    self.index.close()
                self._index = LibraryIndex(None)
                entries, docids = self._load(roots, self._index)
            entries = link(entries)
            usable = [e for e in entries if e.result.ok]
            self._entries = entries
            self._docids = docids
            self._claimed = {}
            for entry in entries:
                if entry.result.runbook is not None:
                    self._claimed.setdefault(entry.result.runbook.id, entry)
            # Ids of usable entries are unique: link() made every later namesake unusable.
            self._by_id = {e.result.runbook.id: e for e in usable if e.result.runbook}
            self._safe(lambda index: index.set_searchable(
                docids[e.path] for e in usable if e.path in docids))

    def _safe(self, action: Callable[[LibraryIndex], object]) -> None:
        # Search then finds nothing rather than failing the command.
        with contextlib.suppress(sqlite3.Error):
            action(self.index)

    def _roots(self) -> list[tuple[Path, bool]]:
        bundled = _resolved(paths.bundled_runbooks_dir())
        roots: list[tuple[Path, bool]] = []
        for folder in self.folders:
            root = _resolved(folder)
            is_bundled = root == bundled
            if not root.exists():
                if is_bundled:
                    continue  # an install without playbooks still serves the user's folders
                raise LibraryError(f"library folder not found: {folder}",
                                   hint="check the --library option")
            if not root.is_dir():
                raise LibraryError(f"library folder is not a folder: {folder}",
                                   hint="give --library a folder of Markdown runbooks")
            if all(root != seen for seen, _ in roots):
                roots.append((root, is_bundled))
        return roots

    def _load(self, roots: Sequence[tuple[Path, bool]],
              index: LibraryIndex) -> tuple[list[LibraryEntry], dict[Path, int]]:
        scanned = [item for root, _ in roots for item in scan(root)]
        bundled_roots = {root for root, is_bundled in roots if is_bundled}
        entries, docids = _parse_scanned(scanned, index, cache=True, bundled_roots=bundled_roots)
        keep = {(str(s.path), s.sha256) for s in scanned if s.data is not None}
        index.prune([str(root) for root, _ in roots], keep)
        return entries, docids

    def _ensure(self) -> list[LibraryEntry]:
        with self._lock:
            if self._entries is None:
                self.refresh()
            assert self._entries is not None
            return self._entries

    # --- accessors -----------------------------------------------------------------------------
    def entries(self) -> list[LibraryEntry]:
        """Every file found, usable or not, in folder order (then by path)."""
        return list(self._ensure())

    def runbooks(self, kind: str | None = None) -> list[Runbook]:
        """The usable runbooks and scenarios, sorted by id; ``kind`` "runbook" or "exercise"."""
        self._ensure()
        found = [e.result.runbook for e in self._by_id.values() if e.result.runbook is not None]
        return sorted((rb for rb in found if kind is None or rb.kind == kind),
                      key=lambda rb: rb.id)

    def entry(self, runbook_id: str) -> LibraryEntry:
        """The library entry of a usable runbook or scenario (LibraryError if there is none)."""
        self._ensure()
        found = self._by_id.get(runbook_id)
        if found is not None:
            return found
        broken = self._claimed.get(runbook_id)
        if broken is not None:
            raise LibraryError(f"runbook '{runbook_id}' has errors and cannot be used",
                               hint=f"run `runbook-assistant validate {broken.path}`")
        close = difflib.get_close_matches(runbook_id, sorted(self._by_id), n=3, cutoff=0.6)
        hint = ("did you mean " + " or ".join(f"'{c}'" for c in close) + "?") if close else \
            "run `runbook-assistant list` to see the runbooks"
        raise LibraryError(f"unknown runbook '{runbook_id}'", hint=hint)

    def get(self, runbook_id: str) -> Runbook:
        """A usable runbook or scenario by id (LibraryError with a hint if unknown or broken)."""
        runbook = self.entry(runbook_id).result.runbook
        assert runbook is not None
        return runbook

    def source(self, runbook_id: str) -> str:
        """The exact Markdown text that was parsed for this runbook."""
        with self._lock:
            entry = self.entry(runbook_id)
            docid = self._docids.get(entry.path)
            data = self.index.source(docid) if docid is not None else b""
            if not data:  # not cached (an in-memory fallback lost it): read the file again
                try:
                    data = entry.path.read_bytes()
                except OSError as exc:
                    raise LibraryError(f"cannot read {entry.path}: {exc.strerror}") from exc
            return _decode(data)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over the usable runbooks, best match first; never raises on input."""
        with self._lock:
            self._ensure()
            try:
                return self.index.search(query, limit)
            except sqlite3.Error:
                return []

    def tags(self) -> list[str]:
        """Every tag used, sorted."""
        return sorted({tag for rb in self.runbooks() for tag in rb.tags})

    def languages(self) -> list[str]:
        """Every language used, sorted."""
        return sorted({rb.lang for rb in self.runbooks() if rb.lang})

    def severities(self) -> list[str]:
        """Every severity used, from low to critical."""
        order = {"low": 0, "medium": 1, "high": 2, "critical": 3}
        return sorted({rb.severity for rb in self.runbooks() if rb.severity},
                      key=lambda s: (order.get(s, 9), s))

    def filter(self, *, tag: str | None = None, lang: str | None = None,
               severity: str | None = None, kind: str | None = None) -> list[Runbook]:
        """The usable runbooks matching every criterion given, sorted by id."""
        return [rb for rb in self.runbooks(kind)
                if (tag is None or tag in rb.tags) and (lang is None or rb.lang == lang)
                and (severity is None or rb.severity == severity)]

    # --- validating files outside the library too ----------------------------------------------
    def check(self, targets: Sequence[Path]) -> list[LibraryEntry]:
        """Parse and lint these files and folders as one set (for ``validate PATH...``).

        Duplicate ids are looked for within the set; a scenario may name a runbook of the set or
        of the library. Results are cached only for files inside the library's folders.
        """
        with self._lock:
            known = {rb.id for rb in self.runbooks("runbook")}
            roots = {root for root, _ in self._roots()}
            bundled = _resolved(paths.bundled_runbooks_dir())
            scanned: list[Scanned] = []
            for target in targets:
                path = _resolved(target)
                if path.is_dir():
                    scanned.extend(scan(path))
                else:
                    scanned.append(read(path, path.parent))
            seen: set[Path] = set()
            unique = [s for s in scanned if not (s.path in seen or seen.add(s.path))]
            inside = [s for s in unique if any(r in s.path.parents for r in roots)]
            outside = [s for s in unique if not any(r in s.path.parents for r in roots)]
            entries, _ = _parse_scanned(inside, self.index, cache=True)
            entries = [replace(e, bundled=bundled in e.path.parents) for e in entries]
            more, _ = _parse_scanned(outside, self.index, cache=False)
            order = {s.path: n for n, s in enumerate(unique)}
            merged = sorted([*entries, *more], key=lambda e: order[e.path])
            return link(merged, known_runbooks=known)


# --- helpers shared by refresh() and check() ---------------------------------------------------
def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except OSError:
        return Path(os.path.abspath(path))


def _parse_scanned(scanned: Sequence[Scanned], index: LibraryIndex, cache: bool,
                   bundled_roots: Collection[Path] = ()) -> tuple[list[LibraryEntry],
                                                                  dict[Path, int]]:
    """Parse result per scanned file: from the cache when its content is known, else parsed."""
    readable = [s for s in scanned if s.data is not None]
    cached = index.lookup([(str(s.path), s.sha256) for s in readable]) if cache else {}
    todo = [s for s in readable if (str(s.path), s.sha256) not in cached]
    fresh = dict(zip([s.path for s in todo], parse_many(todo), strict=True))
    docids = {Path(path): docid for (path, _), (docid, _) in cached.items()}
    if cache and todo:
        stored = index.store([(str(s.path), s.sha256, fresh[s.path], s.data or b"")
                              for s in todo])
        docids.update(zip([s.path for s in todo], stored, strict=True))
    entries = []
    for s in scanned:
        if s.data is None:
            result = problem_result(s.path, s.problem)
        elif s.path in fresh:
            result = fresh[s.path]
        else:
            result = cached[(str(s.path), s.sha256)][1]
        entries.append(LibraryEntry(s.path, s.sha256, result, s.root, s.root in bundled_roots))
    return entries, docids


def _with(result: ParseResult, path: Path, message: str) -> ParseResult:
    extra = Diagnostic(str(path), 1, Severity.ERROR, message)
    return ParseResult(result.runbook, (*result.diagnostics, extra))


def link(entries: Iterable[LibraryEntry],
         known_runbooks: Iterable[str] = ()) -> list[LibraryEntry]:
    """Add the findings that span files: duplicate ids, scenarios for runbooks not there."""
    first: dict[str, LibraryEntry] = {}
    linked: list[LibraryEntry] = []
    for entry in entries:
        runbook = entry.result.runbook
        if runbook is not None:
            other = first.setdefault(runbook.id, entry)
            if other is not entry:
                entry = replace(entry, result=_with(
                    entry.result, entry.path,
                    f"duplicate runbook id '{runbook.id}' (also in {other.path})"))
        linked.append(entry)
    runbook_ids = set(known_runbooks) | {
        e.runbook.id for e in linked if e.runbook is not None and e.runbook.kind == "runbook"}
    for n, entry in enumerate(linked):
        scenario = entry.result.runbook
        if (scenario is not None and scenario.kind == "exercise" and scenario.runbook
                and scenario.runbook not in runbook_ids):
            linked[n] = replace(entry, result=_with(
                entry.result, entry.path,
                f"scenario exercises unknown runbook '{scenario.runbook}'"))
    return linked
