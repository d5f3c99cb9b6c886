"""The runbook library: every Markdown file in the bundled folder and the user's folders.

Files are parsed once per content: results are cached by sha256 in ``library_index``, so opening
the library again costs reading and hashing the files and reading one summary row per file. Lists,
filters and search work from those summaries (``summaries()``); a full runbook is read from the
cache when first asked for (``get``, ``runbooks``, ``entries``) and kept. Problems that involve
more than one file (a duplicate id, a scenario for a runbook that is not there) are found here and
added to the file's diagnostics, so ``validate`` shows them with the rest.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from runbook_assistant.core import paths
from runbook_assistant.core.errors import LibraryError
from runbook_assistant.core.library.index import LibraryIndex, SearchHit
from runbook_assistant.core.library.scan import (
    FileStat,
    Known,
    Scanned,
    is_runbook_file,
    parse_one,
    problem_result,
    read,
    resolved_path,
    scan,
    settled_stats,
)
from runbook_assistant.core.library.summary import Prepared, RunbookSummary, cross_file_findings
from runbook_assistant.core.slug import slugify

if TYPE_CHECKING:  # a warm list or search builds no model object: see summaries()
    from runbook_assistant.core.runbook.model import ParseResult, Runbook

__all__ = ["Library", "LibraryEntry", "RunbookSummary", "SearchHit", "is_runbook_file"]

_SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2, "critical": 3}


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


@dataclass(eq=False)
class _File:
    """A scanned file as the library keeps it: its summary now, its parse result when needed."""

    path: Path
    sha256: str
    root: Path
    bundled: bool
    docid: int | None = None  # its row in the index (None: not cached)
    summary: RunbookSummary | None = None  # None: no runbook came out of the file
    result: ParseResult | None = None  # as parsed; None until loaded
    linked: tuple[str, ...] = ()  # errors found across files
    entry: LibraryEntry | None = None  # the complete entry, once made

    @property
    def usable(self) -> bool:
        return self.summary is not None and self.summary.errors == 0


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
        self._files: list[_File] | None = None
        self._by_id: dict[str, _File] = {}  # usable runbooks and scenarios
        self._claimed: dict[str, _File] = {}  # every parsed id, usable or not
        self._searchable = False  # whether the index knows which rows search may return

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
            self._files = None

    def refresh(self) -> None:
        """Scan the folders, parse the files whose content changed, update the search index."""
        with self._lock:
            roots = self._roots()
            known = self._known_stats()
            scanned = [item for root, _ in roots for item in scan(root, known)]
            bundled = {root for root, is_bundled in roots if is_bundled}
            under = [root for root, _ in roots]
            try:
                files = _resolve(scanned, self.index, bundled, prune_under=under)
                self._remember_stats(scanned, known, under)
            except sqlite3.Error:
                # The cache went bad under us (locked for long, disk full...): work in memory.
                with contextlib.suppress(sqlite3.Error):
                    self.index.close()
                self._index = LibraryIndex(None)
                files = _resolve(scanned, self._index, bundled)
            findings = cross_file_findings([(f.path, f.summary, f.usable) for f in files])
            for file, messages in zip(files, findings, strict=True):
                if messages and file.summary is not None:
                    file.linked = tuple(messages)
                    file.summary = replace(file.summary,
                                           errors=file.summary.errors + len(messages))
            self._files = files
            self._claimed = {}
            for file in files:
                if file.summary is not None:
                    self._claimed.setdefault(file.summary.id, file)
            # Ids of usable files are unique: a later namesake got a duplicate error above.
            self._by_id = {f.summary.id: f for f in files if f.usable and f.summary is not None}
            self._searchable = False  # told to the index at the first search: see search()

    def _known_stats(self) -> Known:
        """The stat and hash of every file hashed before (empty when the index cannot say)."""
        try:
            return {path: (FileStat(*info), sha) for path, (info, sha)
                    in self.index.file_stats().items()}
        except sqlite3.Error:
            return {}

    def _remember_stats(self, scanned: Sequence[Scanned], known: Known,
                        roots: Sequence[Path]) -> None:
        """Keep the stats of the files hashed now; forget files under ``roots`` not found."""
        present = {str(s.path) for s in scanned if s.readable}
        prefixes = _prefixes(roots)
        drop = [path for path in known if path not in present and path.startswith(prefixes)]
        with contextlib.suppress(sqlite3.Error):  # only a cache: the next start hashes again
            self.index.update_stats(settled_stats(scanned), drop)

    def _roots(self) -> list[tuple[Path, bool]]:
        bundled = resolved_path(paths.bundled_runbooks_dir())
        roots: list[tuple[Path, bool]] = []
        for folder in self.folders:
            root = resolved_path(folder)
            is_bundled = root == bundled
            if not root.exists():
                if is_bundled:
                    continue  # an install without playbooks still serves the user's folders
                link = os.path.islink(folder)
                raise LibraryError.of("library_folder_dead_link" if link
                                      else "library_folder_missing", folder=folder)
            if not root.is_dir():
                raise LibraryError.of("library_not_folder", folder=folder)
            if all(root != seen for seen, _ in roots):
                roots.append((root, is_bundled))
        return roots

    def _ensure(self) -> list[_File]:
        with self._lock:
            if self._files is None:
                self.refresh()
            assert self._files is not None
            return self._files

    # --- full parse results, loaded when asked for ---------------------------------------------
    def _load(self, files: Iterable[_File]) -> None:
        """Read the cached results of these files at once (one query rather than one each)."""
        missing = [f for f in files if f.result is None and f.docid is not None]
        if not missing:
            return
        try:
            loaded = self.index.load([f.docid for f in missing if f.docid is not None])
        except sqlite3.Error:
            loaded = {}
        for file in missing:
            file.result = loaded.get(file.docid or 0)

    def _entry(self, file: _File) -> LibraryEntry:
        if file.entry is None:
            self._load([file])
            if file.result is None:
                # The cached row went (another build of the app shares the cache): parse again.
                again = read(file.path, file.root)
                file.result = (parse_one(again.data, file.path) if again.data is not None
                               else problem_result(file.path, again.problem))
            result = file.result
            if file.linked:
                from runbook_assistant.core.library.links import with_error

                for message in file.linked:
                    result = with_error(result, file.path, message)
            file.entry = LibraryEntry(file.path, file.sha256, result, file.root, file.bundled)
        return file.entry

    # --- accessors -----------------------------------------------------------------------------
    def summaries(self, kind: str | None = None) -> list[RunbookSummary]:
        """The usable runbooks and scenarios as summaries, sorted by id (nothing is unpickled)."""
        with self._lock:
            self._ensure()
            found = [f.summary for f in self._by_id.values() if f.summary is not None]
        return sorted((s for s in found if kind is None or s.kind == kind), key=lambda s: s.id)

    def unusable_count(self) -> int:
        """How many files have errors (left out of summaries() and runbooks())."""
        return sum(1 for file in self._ensure() if not file.usable)

    def entries(self) -> list[LibraryEntry]:
        """Every file found, usable or not, in folder order (then by path); a scenario's
        ``expect=`` ids that its runbook lacks are warnings of the scenario here."""
        with self._lock:
            files = self._ensure()
            self._load(files)
            from runbook_assistant.core.library.links import link_expectations

            return link_expectations([self._entry(file) for file in files])

    def _runbook_or_none(self, runbook_id: str) -> Runbook | None:
        found = self._by_id.get(runbook_id)
        return self._entry(found).runbook if found is not None else None

    def runbooks(self, kind: str | None = None) -> list[Runbook]:
        """The usable runbooks and scenarios, sorted by id; ``kind`` "runbook" or "exercise"."""
        with self._lock:
            self._ensure()
            chosen = [f for f in self._by_id.values()
                      if f.summary is not None and (kind is None or f.summary.kind == kind)]
            self._load(chosen)
            found = [self._entry(f).runbook for f in chosen]
        return sorted((rb for rb in found if rb is not None), key=lambda rb: rb.id)

    def _usable(self, runbook_id: str) -> _File:
        self._ensure()
        found = self._by_id.get(runbook_id)
        if found is not None:
            return found
        broken = self._claimed.get(runbook_id) or self._unreadable(runbook_id)
        if broken is not None:
            raise LibraryError.of("runbook_broken", runbook=runbook_id, path=broken.path)
        import difflib

        close = difflib.get_close_matches(runbook_id, sorted(self._by_id), n=3, cutoff=0.6)
        if close:
            raise LibraryError.of("unknown_runbook_close", runbook=runbook_id,
                                  close=" or ".join(f"'{c}'" for c in close),
                                  close_nl=" of ".join(f"'{c}'" for c in close))
        raise LibraryError.of("unknown_runbook", runbook=runbook_id)

    def _unreadable(self, runbook_id: str) -> _File | None:
        """A file named after ``runbook_id`` that gave no runbook at all (not UTF-8, say)."""
        return next((f for f in self._files or () if f.summary is None and runbook_id
                     and slugify(f.path.stem) == runbook_id), None)

    def entry(self, runbook_id: str) -> LibraryEntry:
        """The library entry of a usable runbook or scenario (LibraryError if there is none)."""
        with self._lock:
            entry = self._entry(self._usable(runbook_id))
        if entry.runbook is None:  # changed on disk since the scan, and broken now
            raise LibraryError.of("runbook_broken", runbook=runbook_id, path=entry.path)
        return entry

    def get(self, runbook_id: str) -> Runbook:
        """A usable runbook or scenario by id (LibraryError with a hint if unknown or broken)."""
        runbook = self.entry(runbook_id).runbook
        assert runbook is not None  # entry() checked
        return runbook

    def summary(self, runbook_id: str) -> RunbookSummary:
        """The summary of a usable runbook or scenario (LibraryError as ``get``)."""
        with self._lock:
            summary = self._usable(runbook_id).summary
        assert summary is not None  # a usable file has one
        return summary

    def source(self, runbook_id: str) -> str:
        """The exact Markdown text that was parsed for this runbook."""
        with self._lock:
            file = self._usable(runbook_id)
            data = b""
            if file.docid is not None:
                with contextlib.suppress(sqlite3.Error):
                    data = self.index.source(file.docid)
            if not data:  # not cached (an in-memory fallback lost it): read the file again
                try:
                    data = file.path.read_bytes()
                except OSError as exc:
                    raise LibraryError.of("file_unreadable", path=file.path,
                                          why=exc.strerror) from exc
            # As parse_bytes() decodes: a usable runbook is valid UTF-8, with or without a BOM.
            return data.decode("utf-8-sig", errors="replace")

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over the usable runbooks, best match first; never raises on input."""
        with self._lock:
            files = self._ensure()
            try:
                if not self._searchable:
                    self.index.set_searchable(f.docid for f in files if f.usable and f.docid)
                    self._searchable = True
                return self.index.search(query, limit)
            except sqlite3.Error:
                return []

    def tags(self) -> list[str]:
        """Every tag used, sorted."""
        return sorted({tag for s in self.summaries() for tag in s.tags})

    def languages(self) -> list[str]:
        """Every language used, sorted."""
        return sorted({s.lang for s in self.summaries() if s.lang})

    def severities(self) -> list[str]:
        """Every severity used, from low to critical."""
        return sorted({s.severity for s in self.summaries() if s.severity},
                      key=lambda s: (_SEVERITY_ORDER.get(s, 9), s))

    def filter(self, *, tag: str | None = None, lang: str | None = None,
               severity: str | None = None, kind: str | None = None) -> list[RunbookSummary]:
        """The usable runbooks matching every criterion given, as summaries sorted by id."""
        return [s for s in self.summaries(kind)
                if (tag is None or tag in s.tags) and (lang is None or s.lang == lang)
                and (severity is None or s.severity == severity)]

    # --- validating files outside the library too ----------------------------------------------
    def check(self, targets: Sequence[Path]) -> list[LibraryEntry]:
        """Parse and lint these files and folders as one set (for ``validate PATH...``).

        Duplicate ids are looked for within the set; a scenario may name a runbook of the set or
        of the library. Results are cached only for files inside the library's folders.
        """
        with self._lock:
            known = {s.id for s in self.summaries("runbook")}
            roots = {root for root, _ in self._roots()}
            bundled = resolved_path(paths.bundled_runbooks_dir())
            scanned: list[Scanned] = []
            for target in targets:
                path = resolved_path(target)
                if path.is_dir():
                    scanned.extend(scan(path))
                else:
                    scanned.append(read(path, path.parent))
            seen: set[Path] = set()
            unique = [s for s in scanned if not (s.path in seen or seen.add(s.path))]
            inside = [s for s in unique if any(r in s.path.parents for r in roots)]
            outside = [s for s in unique if not any(r in s.path.parents for r in roots)]
            try:
                files = _resolve(inside, self.index, ())
            except sqlite3.Error:
                files = _resolve(inside, None, ())
            for file in files:
                file.bundled = bundled in file.path.parents
            files += _resolve(outside, None, ())
            self._load(files)
            order = {s.path: n for n, s in enumerate(unique)}
            merged = sorted((self._entry(f) for f in files), key=lambda e: order[e.path])
            from runbook_assistant.core.library.links import link

            return link(merged, known_runbooks=known, lookup=self._runbook_or_none)


# --- helpers shared by refresh() and check() ---------------------------------------------------
def _resolve(scanned: Sequence[Scanned], index: LibraryIndex | None,
             bundled_roots: Collection[Path], prune_under: Sequence[Path] = ()) -> list[_File]:
    """A _File per scanned file: from the index when its content is known there, else parsed
    (and then cached, when there is an index). Rows of files under ``prune_under`` that are gone
    or changed are dropped."""
    cached = index.files() if index is not None else {}
    # A file known by its stat alone whose content is not cached (parsed by another build of
    # the app, or a cache that was just replaced): its bytes are needed after all.
    scanned = [read(s.path, s.root) if s.readable and s.data is None
               and (str(s.path), s.sha256) not in cached else s for s in scanned]
    readable = [s for s in scanned if s.readable]
    todo = list({(str(s.path), s.sha256): s for s in readable
                 if (str(s.path), s.sha256) not in cached}.values())  # a file in two roots once
    if index is not None and prune_under:
        keep = {(str(s.path), s.sha256) for s in readable}
        prefixes = _prefixes(prune_under)
        index.update([], [c.docid for key, c in cached.items()
                          if key[0].startswith(prefixes) and key not in keep])
    here: dict[tuple[str, str], Prepared] = {}
    if todo:  # the worker pool's module (subprocess and all) only when there is work for it
        from runbook_assistant.core.library.pool import parse_into

        here = parse_into(index, todo)
    if index is not None and todo:
        cached = index.files()  # with the rows just written, here and by workers
    files = []
    for s in scanned:
        file = _File(s.path, s.sha256, s.root, s.root in bundled_roots)
        key = (str(s.path), s.sha256)
        if not s.readable:
            file.result = problem_result(s.path, s.problem)
        elif key in cached:
            file.docid, file.summary = cached[key]
            if key in here:
                file.result = here[key].result
        else:  # no index: parsed here
            file.summary, file.result = here[key].summary, here[key].result
        files.append(file)
    return files


def _prefixes(roots: Sequence[Path]) -> tuple[str, ...]:
    """Path prefixes of whatever lies under these folders, with either separator."""
    return tuple(str(root).rstrip("/\\") + sep for root in roots for sep in ("/", "\\"))
