"""SQL scripts (schemas, migrations) run one statement at a time, inside the caller's transaction.

``sqlite3``'s ``executescript`` commits whatever transaction is open before it runs, so a schema
created with it under ``BEGIN IMMEDIATE`` is no longer atomic (and the ``COMMIT`` after it fails).
These statements are split where SQLite says a statement is complete, so a trigger's body, with
its own semicolons, stays whole.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator


def statements(script: str) -> Iterator[str]:
    """Each complete statement of ``script``, in order (comments and blanks between them go)."""
    current = ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if _has_sql(current):
                yield current.strip()
            current = ""
    if _has_sql(current.rstrip(";")):
        yield current.rstrip(";").strip()  # an unfinished last statement: SQLite will say so


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute every statement of ``script`` on ``conn`` without committing anything."""
    for statement in statements(script):
        conn.execute(statement)


def _has_sql(text: str) -> bool:
    lines = (line.split("--", 1)[0] for line in text.splitlines())
    return any(line.strip(" \t;") for line in lines)
