"""Schema scripts run inside the caller's transaction: a new database is made in one piece."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from runbook_assistant.core.log.schema import MIGRATIONS
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.sqlscript import run_script, statements


def test_a_trigger_body_stays_one_statement() -> None:
    script = """
    -- the table
    CREATE TABLE t (a INTEGER);
    CREATE TRIGGER t_no_update BEFORE UPDATE ON t BEGIN
        SELECT RAISE(ABORT, 'append-only; never changed');
    END;
    CREATE INDEX t_a ON t (a)
    """
    found = list(statements(script))
    assert len(found) == 3
    assert "CREATE TABLE t" in found[0] and found[1].startswith("CREATE TRIGGER")
    assert found[1].endswith("END;")
    assert found[2].rstrip(";").strip() == "CREATE INDEX t_a ON t (a)"


def test_every_migration_splits_into_statements_sqlite_accepts() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN")
    for script in MIGRATIONS:
        run_script(conn, script)
    assert conn.in_transaction  # nothing was committed on the way
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_a_new_database_is_created_in_one_transaction(tmp_path: Path,
                                                      monkeypatch: object) -> None:
    seen: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(seen.append)
        return conn

    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(sqlite3, "connect", traced)
    Store.open(tmp_path / "runs.sqlite3").close()
    begin = seen.index("BEGIN IMMEDIATE")
    commits = [i for i, s in enumerate(seen) if s.strip().upper() == "COMMIT"]
    creates = [i for i, s in enumerate(seen) if s.lstrip().upper().startswith("CREATE")]
    assert creates and begin < min(creates) and max(creates) < commits[0]
