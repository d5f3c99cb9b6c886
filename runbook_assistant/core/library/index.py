"""The library's index: a SQLite file caching parse results by content hash, with FTS5 search.

The index is only a cache: every row can be rebuilt from the Markdown files, so a corrupt, foreign
or unwritable file is replaced (or, failing that, an in-memory index is used) silently.
Rows are keyed by (code fingerprint, path, sha256): a parse depends on the bytes and on the file
name (a foreign playbook takes its id from it), and any change to the parsing code yields a new
fingerprint, so stale results are never read back.

A file's row holds its summary (what lists and filters show) in plain columns; the pickled parse
result and the source bytes sit in a table of their own, read one runbook at a time when asked,
so that opening a big library reads a few kilobytes per file, not the whole model.

Each file's ``os.stat`` when it was last hashed is kept too (``stats``, by path, whatever the
code): a warm start hashes only the files whose stat changed (see ``scan``).
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from runbook_assistant import __version__
from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.library.summary import Prepared, RunbookSummary
from runbook_assistant.core.sqlscript import run_script

if TYPE_CHECKING:  # the model is imported where a result is unpickled: a warm list has none
    from runbook_assistant.core.runbook.model import ParseResult, Runbook

SCHEMA_VERSION = "4"
# Bump when what is stored changes without a change to the core sources (e.g. a frozen build).
CACHE_FORMAT = "1"

# Columns of the files table holding a RunbookSummary, in the order of its fields.
_SUMMARY_COLUMNS = tuple(field.name for field in fields(RunbookSummary))
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    docid INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    id TEXT,
    title TEXT,
    version INTEGER,
    lang TEXT,
    kind TEXT,
    steps INTEGER,
    tags TEXT,
    severity TEXT,
    summary TEXT,
    runbook TEXT,
    injects INTEGER,
    errors INTEGER,
    warnings INTEGER,
    review_by TEXT,
    UNIQUE (fingerprint, path, sha256)
);
CREATE TABLE blobs (docid INTEGER PRIMARY KEY, result BLOB NOT NULL, source BLOB NOT NULL);
CREATE TABLE stats (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE VIRTUAL TABLE docs_fts USING fts5(
    ident, title, summary, tags, sections, body, messages,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
# Tables of this schema and of earlier ones: all go when the schema changes.
_TABLES = ("files", "blobs", "docs_fts", "stats", "parsed", "meta")
# bm25 weights, in the column order above: a hit in the title counts most.
_WEIGHTS = (6.0, 10.0, 3.0, 4.0, 2.0, 1.0, 1.0)
_RANK = f"bm25({', '.join(str(w) for w in _WEIGHTS)})"
_MAX_QUERY_WORDS = 32
_CHECKPOINT_PAGES = 25_000  # of 4 KiB: about 100 MB
_BUSY_MS = 2000  # how long to wait for another process's write before giving up
_IDS_PER_QUERY = 500  # older SQLite builds allow 999 parameters a statement
# What unicode61 keeps as a token: letters and digits (underscore and punctuation separate words).
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchHit:
    """One search result: which runbook, and a snippet with the matching words in [brackets]."""

    id: str
    title: str
    path: str
    snippet: str
    kind: str
    lang: str


class CachedFile(NamedTuple):
    """A file's row in the index: its docid and summary (None when it held no runbook)."""

    docid: int
    summary: RunbookSummary | None


def code_fingerprint() -> str:
    """A checksum of the core sources (parser, model, validator...): a code change empties the
    cache."""
    # CRC-32 and Adler-32 side by side: a change detector, not a defence against anyone, and
    # zlib is loaded already where hashlib would load OpenSSL at every start.
    data = f"{CACHE_FORMAT}:{__version__}".encode()
    crc, adler = zlib.crc32(data), zlib.adler32(data)
    core = Path(__file__).resolve().parent.parent
    # A frozen build may ship no .py files; then the version and CACHE_FORMAT decide alone.
    with contextlib.suppress(OSError):
        # What a cached parse depends on: the runbook format and the library's summaries.
        for source in sorted([*core.glob("runbook/*.py"), *core.glob("library/*.py")]):
            for part in (source.name.encode(), source.read_bytes()):
                crc, adler = zlib.crc32(part, crc), zlib.adler32(part, adler)
    return f"{crc:08x}{adler:08x}"


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word required, as a word prefix.

    A one-letter word is a whole word: as a prefix it would match nearly every runbook, and that
    is both useless and the slowest query there is. Returns "" when the text holds no word.
    """
    words = _WORD.findall(unicodedata.normalize("NFC", text))[:_MAX_QUERY_WORDS]
    # A word is only letters and digits here, so quoting cannot be escaped from.
    return " ".join(f'"{word}"' if len(word) < 2 else f'"{word}"*' for word in words)


def _nfc(parts: Iterable[str]) -> str:
    return unicodedata.normalize("NFC", "\n".join(p for p in parts if p))


def fts_columns(runbook: Runbook) -> tuple[str, ...]:
    """The searchable text of a runbook, one string per FTS column."""
    body: list[str] = [runbook.intro]
    for section in runbook.sections:
        body.append(section.intro)
        for step in section.steps:
            body.extend((step.title, step.details))
            body.extend(option.label for option in step.options)
    body.extend(inject.text for inject in runbook.injects)
    return (
        runbook.id.replace("-", " "),
        _nfc([runbook.title]),
        _nfc([runbook.summary]),
        _nfc(runbook.tags),
        _nfc(section.title for section in runbook.sections),
        _nfc(body),
        _nfc(part for m in runbook.messages for part in (m.title, m.text)),
    )


def summary_of_row(values: Sequence[object]) -> RunbookSummary:
    """``RunbookSummary(*values)``, the same object, made without the frozen dataclass's
    ``__init__`` (a field at a time through ``object.__setattr__``): a warm start makes one per
    file. The values are those its constructor stored, read back from the index."""
    summary = _new_summary(RunbookSummary)
    summary.__dict__.update(zip(_SUMMARY_COLUMNS, values, strict=True))
    return summary


_new_summary = object.__new__


def _summary_row(summary: RunbookSummary | None, path: str, sha: str) -> tuple[object, ...]:
    """The values of _SUMMARY_COLUMNS for a file (all but path and hash None without a runbook)."""
    if summary is None:
        return tuple(path if name == "path" else sha if name == "sha256" else None
                     for name in _SUMMARY_COLUMNS)
    return tuple(json.dumps(summary.tags, ensure_ascii=False) if name == "tags"
                 else getattr(summary, name) for name in _SUMMARY_COLUMNS)


class LibraryIndex:
    """Parse cache and full-text index in one SQLite database (a file, or in memory)."""

    def __init__(self, cache_path: Path | None = None) -> None:
        self.cache_path = cache_path
        self.fingerprint = code_fingerprint()
        self.file: Path | None = None  # the database file in use (None: in memory)
        self.conn = self._open(cache_path)

    @classmethod
    def attach(cls, file: Path, fingerprint: str) -> LibraryIndex:
        """Open an index file another process has made ready (for a parse worker).

        Nothing is created or repaired here: a problem is the other process's to handle.
        """
        index = cls.__new__(cls)
        index.cache_path = index.file = file
        index.fingerprint = fingerprint
        index.conn = cls._connect(str(file))
        _tune(index.conn)
        return index

    # --- opening -------------------------------------------------------------------------------
    def _open(self, cache_path: Path | None) -> sqlite3.Connection:
        if cache_path is None:
            return self._prepare(self._connect(":memory:"))
        try:
            self.file = cache_path
            return self._prepare(self._connect(str(cache_path)))
        except (sqlite3.Error, OSError):
            pass
        # Unreadable or not a database at all: start over in a fresh file, else in memory.
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{cache_path}{suffix}").unlink(missing_ok=True)
            return self._prepare(self._connect(str(cache_path)))
        except (sqlite3.Error, OSError):
            self.file = None
            return self._prepare(self._connect(":memory:"))

    @staticmethod
    def _connect(target: str) -> sqlite3.Connection:
        # The GUI may touch the library from a worker thread; Library serialises access.
        return sqlite3.connect(target, timeout=_BUSY_MS / 1000, check_same_thread=False,
                               isolation_level=None)

    def _prepare(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # the app and the CLI may share the file
            _tune(conn)
            version = None
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                version = row[0] if row else None
            if version != SCHEMA_VERSION:
                self._create(conn)
            # A warm start writes nothing: rows of another build are removed only when present.
            stale = "SELECT docid FROM files WHERE fingerprint != ?"
            if conn.execute(f"{stale} LIMIT 1", (self.fingerprint,)).fetchone():
                with _transaction(conn):
                    for table, key in (("docs_fts", "rowid"), ("blobs", "docid")):
                        conn.execute(f"DELETE FROM {table} WHERE {key} IN ({stale})",
                                     (self.fingerprint,))
                    conn.execute("DELETE FROM files WHERE fingerprint != ?", (self.fingerprint,))
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS current (docid INTEGER PRIMARY KEY)")
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        with _transaction(conn):
            for table in _TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {table}")
            run_script(conn, _SCHEMA)  # executescript() would commit this transaction
            conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    # --- the parse cache -----------------------------------------------------------------------
    def files(self) -> dict[tuple[str, str], CachedFile]:
        """Every file this build has cached, by (path, sha256): docid and summary, no results."""
        columns = ", ".join(_SUMMARY_COLUMNS)
        rows = self.conn.execute(f"SELECT docid, {columns} FROM files WHERE fingerprint = ?",
                                 (self.fingerprint,)).fetchall()
        tags = 1 + _SUMMARY_COLUMNS.index("tags")
        path, sha = 1 + _SUMMARY_COLUMNS.index("path"), 1 + _SUMMARY_COLUMNS.index("sha256")
        found: dict[tuple[str, str], CachedFile] = {}
        # Every row's tags (JSON arrays) read in one call rather than one call a row.
        held = [row for row in rows if row[1] is not None]  # a row with an id held a runbook
        all_tags = json.loads(f"[{','.join(row[tags] for row in held)}]")
        summaries = {}
        for row, row_tags in zip(held, all_tags, strict=True):
            values = list(row[1:])
            values[tags - 1] = tuple(row_tags)
            summaries[row[0]] = summary_of_row(values)
        for row in rows:
            found[(row[path], row[sha])] = CachedFile(row[0], summaries.get(row[0]))
        return found

    def file_stats(self) -> dict[str, tuple[tuple[int, int, int, int], str]]:
        """Every remembered file: path -> ((size, mtime_ns, ctime_ns, inode), sha256)."""
        rows = self.conn.execute(
            "SELECT path, size, mtime_ns, ctime_ns, ino, sha256 FROM stats").fetchall()
        return {row[0]: (row[1:5], row[5]) for row in rows}

    def update_stats(self, put: Sequence[tuple[str, Sequence[int], str]],
                     drop: Sequence[str] = ()) -> None:
        """Remember (path, (size, mtime_ns, ctime_ns, inode), sha256) rows; forget ``drop``."""
        if not put and not drop:
            return  # a warm start writes nothing
        with _transaction(self.conn):
            self.conn.executemany("DELETE FROM stats WHERE path = ?", ((p,) for p in drop))
            self.conn.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?, ?, ?)",
                                  ((path, *info, sha) for path, info, sha in put))

    def load(self, docids: Sequence[int]) -> dict[int, ParseResult]:
        """The cached parse results of these rows; a missing or unreadable one is left out."""
        rows = []
        for start in range(0, len(docids), _IDS_PER_QUERY):
            some = docids[start:start + _IDS_PER_QUERY]
            rows += self.conn.execute(
                f"SELECT docid, result FROM blobs WHERE docid IN ({', '.join('?' for _ in some)})",
                some).fetchall()
        import pickle  # here: a warm start that only lists unpickles nothing

        from runbook_assistant.core.runbook.model import ParseResult

        found: dict[int, ParseResult] = {}
        with gc_paused():  # unpickling builds many small objects at once: see gc_pause.py
            for docid, blob in rows:
                try:
                    result = pickle.loads(blob)
                except Exception:  # an unreadable row is just a cache miss
                    continue
                if isinstance(result, ParseResult):
                    found[docid] = result
        return found

    def update(self, add: Sequence[tuple[str, str, Prepared, bytes]],
               remove: Iterable[int] = ()) -> list[int]:
        """Cache (path, sha256, prepared, source bytes) items, drop rows; returns the new docids."""
        remove = set(remove)
        if not add and not remove:
            return []  # a warm start writes nothing
        # IMMEDIATE: take the write lock now, so that the docids read below stay ours.
        with _transaction(self.conn, "BEGIN IMMEDIATE"):
            if add:  # a row for the same key may have been written by another process since
                for path, sha, _, _ in add:
                    remove.update(docid for (docid,) in self.conn.execute(
                        "SELECT docid FROM files WHERE fingerprint = ? AND path = ?"
                        " AND sha256 = ?", (self.fingerprint, path, sha)))
            if remove:
                gone = [(docid,) for docid in remove]
                self.conn.executemany("DELETE FROM docs_fts WHERE rowid = ?", gone)
                self.conn.executemany("DELETE FROM blobs WHERE docid = ?", gone)
                self.conn.executemany("DELETE FROM files WHERE docid = ?", gone)
            if not add:
                return []
            # Docids are never reused (AUTOINCREMENT): another process's list of searchable rows
            # must not come to point at a different file.
            (last,) = self.conn.execute(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'files'), 0),"
                " coalesce((SELECT max(docid) FROM files), 0))").fetchone()
            docids = list(range(last + 1, last + 1 + len(add)))
            names = ("docid", "fingerprint", *_SUMMARY_COLUMNS)
            self.conn.executemany(
                f"INSERT INTO files ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                ((docid, self.fingerprint, *_summary_row(item.summary, path, sha))
                 for docid, (path, sha, item, _) in zip(docids, add, strict=True)))
            self.conn.executemany(
                "INSERT INTO blobs (docid, result, source) VALUES (?, ?, ?)",
                ((docid, item.blob, source)
                 for docid, (_, _, item, source) in zip(docids, add, strict=True)))
            self.conn.executemany(
                "INSERT INTO docs_fts (rowid, ident, title, summary, tags, sections, body,"
                " messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((docid, *item.fts) for docid, (_, _, item, _) in zip(docids, add, strict=True)
                 if item.fts is not None))
        return docids

    def update_if_free(self, add: Sequence[tuple[str, str, Prepared, bytes]]) -> bool:
        """``update(add)`` if no other connection is writing right now; whether it was done."""
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            self.update(add)
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY:
                raise
            return False
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        return True

    def source(self, docid: int) -> bytes:
        """The bytes that were parsed for this row."""
        row = self.conn.execute("SELECT source FROM blobs WHERE docid = ?", (docid,)).fetchone()
        return bytes(row[0]) if row else b""

    # --- search --------------------------------------------------------------------------------
    def set_searchable(self, docids: Iterable[int]) -> None:
        """Limit search to these rows (the library's usable runbooks)."""
        with _transaction(self.conn):
            self.conn.execute("DELETE FROM temp.current")
            self.conn.executemany("INSERT OR IGNORE INTO temp.current VALUES (?)",
                                  ((d,) for d in docids))

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Best matches first (bm25, title weighted highest); never raises on what people type."""
        match = fts_query(query)
        if not match or limit <= 0:
            return []
        # ORDER BY rank lets FTS5 sort inside the module and hand over the best rows only, so
        # snippet() (which reads and tokenizes each row) runs for the rows returned, no others.
        ranked = (
            "SELECT p.id, p.title, p.path, p.kind, p.lang,"
            " snippet(docs_fts, -1, '[', ']', '…', 12) FROM docs_fts"
            " JOIN temp.current AS c ON c.docid = docs_fts.rowid"
            " JOIN files AS p ON p.docid = docs_fts.rowid"
            " WHERE docs_fts MATCH ? AND rank MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.conn.execute(ranked, (match, _RANK, limit)).fetchall()
        except sqlite3.OperationalError:  # defensive: a query FTS5 still dislikes finds nothing
            return []
        return [SearchHit(id=r[0], title=r[1], path=r[2], snippet=_one_line(r[5]), kind=r[3],
                          lang=r[4]) for r in rows]


def _tune(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA synchronous=NORMAL")  # a lost cache write only costs a re-parse
    # Indexing a thousand runbooks writes some 30 MB: checkpointing every 4 MB on the way (each
    # time waiting for the disk) took longer than the writing. The log is folded into the file
    # when the last connection closes, or when it passes this size.
    conn.execute(f"PRAGMA wal_autocheckpoint={_CHECKPOINT_PAGES}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection, begin: str = "BEGIN") -> Iterator[None]:
    conn.execute(begin)
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
