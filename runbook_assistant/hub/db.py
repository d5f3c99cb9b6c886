"""The hub's database: a connection pool, migrations, and transactions held to one organisation.

The hub keeps nothing in memory between requests: everything it knows is in PostgreSQL, so any
number of hub processes may serve one database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg_pool import ConnectionPool

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.hub.schema import LATEST, MIGRATIONS, TENANT_ROLE

APPLICATION_NAME = "runbook-assistant-hub"


class HubError(RunbookAssistantError):
    """The hub's database cannot be reached, prepared or used."""


def connect(url: str) -> psycopg.Connection:
    """One connection (administration commands); ``HubError`` when the database is not there."""
    try:
        return psycopg.connect(url, application_name=APPLICATION_NAME, autocommit=True)
    except psycopg.Error as exc:
        raise HubError(f"cannot connect to the hub database: {_first_line(exc)}",
                       "Check --database (postgresql://user@host:port/name) and that "
                       "PostgreSQL runs.") from exc


def open_pool(url: str, *, max_size: int = 10) -> ConnectionPool:
    """The pool a hub process serves from. Each connection is checked before use, so a restarted
    PostgreSQL costs at most a reconnect, not a failed request."""
    pool = ConnectionPool(url, min_size=1, max_size=max_size, open=False,
                          kwargs={"application_name": APPLICATION_NAME, "autocommit": True},
                          check=ConnectionPool.check_connection, reconnect_timeout=30)
    pool.open(wait=True, timeout=10)
    return pool


def migrate(conn: psycopg.Connection) -> list[int]:
    """Apply every migration this database has not had yet; return the versions applied.

    A transaction-level advisory lock keeps two hubs started at once from migrating together.
    """
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('runbook-assistant hub schema'))")
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     "version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                     "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        for version, description, sql in MIGRATIONS:
            if version in done:
                continue
            conn.execute(sql.encode())  # several statements: sent as one simple query
            conn.execute("INSERT INTO schema_migrations (version, description) VALUES (%s, %s)",
                         (version, description))
            applied.append(version)
    return applied


def schema_version(conn: psycopg.Connection) -> int:
    """The newest migration applied, 0 for a database never initialised."""
    row = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(found[0] or 0) if found else 0


def check_schema(conn: psycopg.Connection) -> None:
    version = schema_version(conn)
    if version != LATEST:
        raise HubError(f"the hub database has schema version {version}, this hub needs {LATEST}",
                       "Run `runbook-assistant hub init --database URL` first.")


@contextmanager
def tenant(conn: psycopg.Connection, org: str, *,
           snapshot: bool = False) -> Iterator[psycopg.Connection]:
    """A transaction in which only ``org``'s rows exist (row-level security); ``snapshot``: every
    read in it sees the same committed state (REPEATABLE READ)."""
    with conn.transaction():
        if snapshot:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        # One round trip for both (as SET LOCAL ROLE): each costs a wait under load.
        conn.execute("SELECT set_config('role', %s, true), set_config('runbook.org', %s, true)",
                      (TENANT_ROLE, org))
        yield conn


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
