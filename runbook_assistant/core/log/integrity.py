"""Is every stored event reachable? SQLite's own checks, cheap enough to run on every open.

A damaged index page can leave an index listing fewer rows than its table; every read through
that index (a run's events, in log order) then shows less than is there, without any error. The
check counts the events once through the table itself and once through each of its indexes:
they must agree. Measured on 100,000 events: about 20 ms for the table, 3 to 8 ms per index, against
125 ms for ``PRAGMA quick_check`` and 450 ms for ``PRAGMA integrity_check`` (which ``verify
--all-signatures`` runs; plain ``verify`` runs ``quick_check`` plus these counts).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path


def index_problems(conn: sqlite3.Connection, table: str = "events") -> list[str]:
    """One line per index of ``table`` that does not hold exactly the table's rows (empty: all
    agree). Raises ``sqlite3.DatabaseError`` when a page cannot be read at all."""
    # All counts from one snapshot: in autocommit each SELECT would be its own read transaction,
    # and another process committing between two counts would look like a damaged index.
    if conn.in_transaction:
        return _index_problems(conn, table)
    conn.execute("BEGIN")
    try:
        return _index_problems(conn, table)
    finally:
        conn.execute("COMMIT")


def _index_problems(conn: sqlite3.Connection, table: str) -> list[str]:
    quoted = _quote(table)
    (rows,) = conn.execute(f"SELECT count(*) FROM {quoted} NOT INDEXED").fetchone()
    problems = []
    for _, name, *_ in conn.execute(f"PRAGMA index_list({quoted})").fetchall():
        columns = [c[2] for c in conn.execute(f"PRAGMA index_info({_quote(name)})") if c[2]]
        if not columns:
            continue  # an index on an expression: not ours
        # count(column), not count(*): SQLite counts (*) through whichever index is smallest,
        # whatever INDEXED BY says. NULLs would not be counted: every column here is NOT NULL.
        (listed,) = conn.execute(f"SELECT count({_quote(columns[0])}) FROM {quoted} "
                                 f"INDEXED BY {_quote(name)}").fetchone()
        if listed != rows:
            problems.append(f"the index {name} lists {listed} of the {rows} rows of {table}: "
                            "reads through it would show less than is there")
    return problems


def sqlite_problems(conn: sqlite3.Connection, *, thorough: bool = False,
                    table: str = "events") -> list[str]:
    """What SQLite finds wrong with the file: ``quick_check`` and the index counts, or with
    ``thorough`` the full ``integrity_check`` (every index entry against its row)."""
    check = "integrity_check(20)" if thorough else "quick_check(20)"
    found = [str(row[0]) for row in conn.execute(f"PRAGMA {check}")]
    problems = [] if found == ["ok"] else found
    return problems + index_problems(conn, table)


def start_sqlite_problems(conn: sqlite3.Connection, *, thorough: bool = False,
                          table: str = "events") -> Callable[[], list[str]]:
    """``sqlite_problems`` of the file ``conn`` reads, begun on a connection of its own in a
    thread; call the result for the answer (it waits, and raises what the checks raised).

    SQLite lets go of the GIL while it steps, so the checks run beside the caller's own reading
    on a second core. They see the file as committed when they begin. When ``conn`` is inside
    a transaction (it may hold writes not committed yet) or reads no file of its own (memory),
    or the file cannot be opened a second time, the checks run on ``conn`` when called.
    """
    def in_line() -> list[str]:
        return sqlite_problems(conn, thorough=thorough, table=table)

    files = [row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"]
    if conn.in_transaction or not files or not files[0]:
        return in_line
    other = None
    try:
        other = sqlite3.connect(f"{Path(files[0]).as_uri()}?mode=ro", uri=True,
                                isolation_level=None, timeout=5.0, check_same_thread=False)
        other.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        if other is not None:
            other.close()
        return in_line
    found: list[list[str]] = []
    failed: list[Exception] = []

    def check() -> None:
        try:
            found.append(sqlite_problems(other, thorough=thorough, table=table))
        except Exception as exc:  # handed to the caller
            failed.append(exc)
        finally:
            other.close()

    worker = threading.Thread(target=check, name="sqlite-checks", daemon=True)
    worker.start()

    def result() -> list[str]:
        worker.join()
        if failed:
            raise failed[0]
        return found[0]
    return result


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
