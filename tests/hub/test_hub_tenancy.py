"""Row-level security keeps each organisation to its own rows, in PostgreSQL itself."""

from __future__ import annotations

import psycopg
import pytest
from hub_support import HubProcess, Laptop

from runbook_assistant.hub.db import tenant
from runbook_assistant.hub.schema import TENANT_ROLE


@pytest.fixture
def two_orgs(hub: HubProcess, laptops: dict[str, Laptop]) -> tuple[str, str]:
    a, z = laptops["utrecht"], laptops["zeist"]
    a.enrol(hub.database, "utrecht")
    z.enrol(hub.database, "zeist")
    run_u = a.start("Storing Utrecht")
    run_z = z.start("Storing Zeist")
    a.client(hub.url).push()
    z.client(hub.url).push()
    return run_u, run_z


def test_as_the_tenant_role_only_the_own_organisations_rows_exist(
        hub: HubProcess, two_orgs: tuple[str, str]) -> None:
    run_u, run_z = two_orgs
    with psycopg.connect(hub.database, autocommit=True) as conn:
        for org, mine, theirs in (("utrecht", run_u, run_z), ("zeist", run_z, run_u)):
            with tenant(conn, org):
                runs = {r[0] for r in conn.execute("SELECT id FROM runs")}  # no WHERE at all
                events = {r[0] for r in conn.execute("SELECT DISTINCT run_id FROM events")}
                heads = {r[0] for r in conn.execute("SELECT DISTINCT run_id FROM chain_heads")}
                orgs = {r[0] for r in conn.execute("SELECT org FROM orgs")}
            assert runs == events == heads == {mine}
            assert theirs not in runs
            assert orgs == {org}


def test_the_tenant_role_cannot_write_into_another_organisation(
        hub: HubProcess, two_orgs: tuple[str, str]) -> None:
    run_u, _ = two_orgs
    with psycopg.connect(hub.database, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"), \
                tenant(conn, "zeist"):
            conn.execute("INSERT INTO runs SELECT 'utrecht', id || '-x', runbook_id, "
                         "runbook_version, runbook_sha256, runbook_text, title, mode, lang, "
                         "created_at, device_id, scenario_id FROM runs")
        with tenant(conn, "zeist"):
            changed = conn.execute("UPDATE chain_heads SET seq = seq + 1 WHERE run_id = %s",
                                   (run_u,)).rowcount
            assert changed == 0  # the other organisation's heads are not there to change
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("DELETE FROM events")  # and events are never deleted


def test_without_an_organisation_the_tenant_role_sees_nothing(
        hub: HubProcess, two_orgs: tuple[str, str]) -> None:
    with psycopg.connect(hub.database, autocommit=True) as conn, conn.transaction():
        conn.execute(f"SET LOCAL ROLE {TENANT_ROLE}")
        row = conn.execute("SELECT count(*) FROM events").fetchone()
        assert row is not None and row[0] == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM enrolments")
