"""The library's index: a SQLite file caching parse results by content hash, with FTS5 search.

The index is only a cache: every row can be rebuilt from the Markdown files, so a corrupt, foreign
or unwritable file is replaced (or, failing that, an in-memory index is used) silently.
Rows are keyed by (code fingerprint, path, sha256): a parse depends on the bytes and on the file
name (a foreign playbook takes its id from it), and any change to the parsing code yields a new
fingerprint, so stale results are never read back.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import pickle
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from runbook_assistant import __version__
from runbook_assistant.core.model import ParseResult, Runbook

SCHEMA_VERSION = "1"
# Bump when what is stored changes without a change to the core sources (e.g. a frozen build).
CACHE_FORMAT = "1"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE parsed (
    docid INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    lang TEXT NOT NULL,
    result BLOB NOT NULL,
    source BLOB NOT NULL,
    UNIQUE (fingerprint, path, sha256)
);
CREATE VIRTUAL TABLE docs_fts USING fts5(
    ident, title, summary, tags, sections, body, messages,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
# bm25 weights, in the column order above: a hit in the title counts most.
_WEIGHTS = (6.0, 10.0, 3.0, 4.0, 2.0, 1.0, 1.0)
_MAX_QUERY_WORDS = 32
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


def code_fingerprint() -> str:
    """A hash of the core sources (parser, model, validator...): a code change empties the cache."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}".encode())
    core = Path(__file__).resolve().parent
    # A frozen build may ship no .py files; then the version and CACHE_FORMAT decide alone.
    with contextlib.suppress(OSError):
        for source in sorted(core.glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word a prefix term, all required.

    Returns "" when the text holds no word at all (no query to run).
    """
    words = _WORD.findall(unicodedata.normalize("NFC", text))[:_MAX_QUERY_WORDS]
    # A word is only letters and digits here, so quoting cannot be escaped from.
    return " ".join(f'"{word}"*' for word in words)


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


class LibraryIndex:
    """Parse cache and full-text index in one SQLite database (a file, or in memory)."""

    def __init__(self, cache_path: Path | None = None) -> None:
        self.cache_path = cache_path
        self.fingerprint = code_fingerprint()
        self.conn = self._open(cache_path)

    # --- opening -------------------------------------------------------------------------------
    def _open(self, cache_path: Path | None) -> sqlite3.Connection:
        if cache_path is None:
            return self._prepare(self._connect(":memory:"))
        try:
            return self._prepare(self._connect(str(cache_path)))
        except (sqlite3.Error, OSError):
            pass
        # Unreadable or not a database at all: start over in a fresh file, else in memory.
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{cache_path}{suffix}").unlink(missing_ok=True)
            return self._prepare(self._connect(str(cache_path)))
        except (sqlite3.Error, OSError):
            return self._prepare(self._connect(":memory:"))

    @staticmethod
    def _connect(target: str) -> sqlite3.Connection:
        # The GUI may touch the library from a worker thread; Library serialises access.
        conn = sqlite3.connect(target, timeout=2.0, check_same_thread=False,
                               isolation_level=None)
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # the app and the CLI may share the file
            conn.execute("PRAGMA synchronous=NORMAL")  # a lost cache write only costs a re-parse
            version = None
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                version = row[0] if row else None
            if version != SCHEMA_VERSION:
                self._create(conn)
            # A warm start writes nothing: rows of another build are removed only when present.
            stale = "SELECT docid FROM parsed WHERE fingerprint != ?"
            if conn.execute(f"{stale} LIMIT 1", (self.fingerprint,)).fetchone():
                with _transaction(conn):
                    conn.execute(f"DELETE FROM docs_fts WHERE rowid IN ({stale})",
                                 (self.fingerprint,))
                    conn.execute("DELETE FROM parsed WHERE fingerprint != ?", (self.fingerprint,))
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS current (docid INTEGER PRIMARY KEY)")
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        with _transaction(conn):
            for table in ("parsed", "docs_fts", "meta"):
                conn.execute(f"DROP TABLE IF EXISTS {table}")
            # One statement at a time: executescript() would commit this transaction.
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    # --- the parse cache -----------------------------------------------------------------------
    def lookup(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str],
                                                              tuple[int, ParseResult]]:
        """The cached results for these (path, sha256) pairs; a pair not cached is left out."""
        wanted = set(keys)
        found: dict[tuple[str, str], tuple[int, ParseResult]] = {}
        rows = self.conn.execute("SELECT docid, path, sha256, result FROM parsed").fetchall()
        # Unpickling builds many small objects at once; the collector would scan them over and
        # over (a third of a warm start) while none of them can be garbage yet.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for docid, path, sha, blob in rows:
                key = (path, sha)
                if key not in wanted:
                    continue
                try:
                    result = pickle.loads(blob)
                except Exception:  # an unreadable row is just a cache miss
                    continue
                if isinstance(result, ParseResult):
                    found[key] = (docid, result)
        finally:
            if collecting:
                gc.enable()
        return found

    def store(self, items: Sequence[tuple[str, str, ParseResult, bytes]]) -> list[int]:
        """Cache (path, sha256, result, source bytes) items and index them; returns their docids."""
        docids: list[int] = []
        with _transaction(self.conn):
            for path, sha, result, source in items:
                self._forget(path, sha)
                runbook = result.runbook
                cursor = self.conn.execute(
                    "INSERT INTO parsed (fingerprint, path, sha256, id, title, kind, lang, result,"
                    " source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.fingerprint, path, sha, runbook.id if runbook else "",
                     runbook.title if runbook else "", runbook.kind if runbook else "",
                     runbook.lang if runbook else "",
                     pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), source))
                docid = int(cursor.lastrowid or 0)
                if runbook is not None:
                    self.conn.execute(
                        "INSERT INTO docs_fts (rowid, ident, title, summary, tags, sections, body,"
                        " messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (docid, *fts_columns(runbook)))
                docids.append(docid)
        return docids

    def _forget(self, path: str, sha: str) -> None:
        where = "fingerprint = ? AND path = ? AND sha256 = ?"
        args = (self.fingerprint, path, sha)
        self.conn.execute(f"DELETE FROM docs_fts WHERE rowid IN "
                          f"(SELECT docid FROM parsed WHERE {where})", args)
        self.conn.execute(f"DELETE FROM parsed WHERE {where}", args)

    def prune(self, roots: Sequence[str], keep: set[tuple[str, str]]) -> None:
        """Drop cached rows for files under ``roots`` that are gone or changed."""
        prefixes = tuple(root.rstrip("/\\") + sep for root in roots for sep in ("/", "\\"))
        rows = self.conn.execute("SELECT docid, path, sha256 FROM parsed").fetchall()
        stale = [docid for docid, path, sha in rows
                 if path.startswith(prefixes) and (path, sha) not in keep]
        if not stale:
            return
        with _transaction(self.conn):
            for docid in stale:
                self.conn.execute("DELETE FROM docs_fts WHERE rowid = ?", (docid,))
                self.conn.execute("DELETE FROM parsed WHERE docid = ?", (docid,))

    def source(self, docid: int) -> bytes:
        """The bytes that were parsed for this row."""
        row = self.conn.execute("SELECT source FROM parsed WHERE docid = ?", (docid,)).fetchone()
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
        weights = ", ".join(str(w) for w in _WEIGHTS)
        # Two steps: SQLite would compute snippet() for every match before sorting, which costs
        # far more than ranking; so rank first, then make snippets for the rows shown only.
        ranked = (
            "SELECT docs_fts.rowid, p.id, p.title, p.path, p.kind, p.lang FROM docs_fts"
            " JOIN temp.current AS c ON c.docid = docs_fts.rowid"
            " JOIN parsed AS p ON p.docid = docs_fts.rowid"
            f" WHERE docs_fts MATCH ? ORDER BY bm25(docs_fts, {weights}), p.id LIMIT ?"
        )
        try:
            rows = self.conn.execute(ranked, (match, limit)).fetchall()
            marks = ", ".join("?" for _ in rows)
            snippets = dict(self.conn.execute(
                "SELECT rowid, snippet(docs_fts, -1, '[', ']', '…', 12) FROM docs_fts"
                f" WHERE docs_fts MATCH ? AND rowid IN ({marks})",
                (match, *(row[0] for row in rows))).fetchall()) if rows else {}
        except sqlite3.OperationalError:  # defensive: a query FTS5 still dislikes finds nothing
            return []
        return [SearchHit(id=r[1], title=r[2], path=r[3], snippet=_one_line(snippets.get(r[0], "")),
                          kind=r[4], lang=r[5]) for r in rows]


def _one_line(text: str) -> str:
    return " ".join(text.split())


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
