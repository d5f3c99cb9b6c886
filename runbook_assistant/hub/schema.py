"""The hub's PostgreSQL schema, as numbered migrations applied once each, in order.

Every table that holds a team's records carries its organisation, and row-level security keeps
each organisation to its own rows: requests run as the role ``runbook_hub_tenant`` (``SET LOCAL
ROLE``) with ``runbook.org`` set for the transaction, so even a bug in the service cannot read or
write another municipality's runs. ``FORCE ROW LEVEL SECURITY`` holds the tables' owner to the
policies as well.
"""

from __future__ import annotations

TENANT_ROLE = "runbook_hub_tenant"

_TENANT_TABLES = ("devices", "runs", "events", "chain_heads", "orgs")

# (version, description, SQL). Never edit one that was released: add the next.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "organisations, enrolments, records, nonces, the hub key", f"""
CREATE TABLE orgs (
    org TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_pos BIGINT NOT NULL DEFAULT 0);
CREATE TABLE enrolments (
    device_id TEXT PRIMARY KEY,
    org TEXT NOT NULL REFERENCES orgs (org),
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE devices (
    org TEXT NOT NULL REFERENCES orgs (org),
    id TEXT NOT NULL, public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    name TEXT NOT NULL, first_seen TEXT NOT NULL,
    PRIMARY KEY (org, id));
CREATE TABLE runs (
    org TEXT NOT NULL REFERENCES orgs (org),
    id TEXT NOT NULL, runbook_id TEXT NOT NULL, runbook_version INTEGER NOT NULL,
    runbook_sha256 TEXT NOT NULL, runbook_text TEXT NOT NULL, title TEXT NOT NULL,
    mode TEXT NOT NULL, lang TEXT NOT NULL, created_at TEXT NOT NULL, device_id TEXT NOT NULL,
    scenario_id TEXT,
    PRIMARY KEY (org, id));
CREATE TABLE events (
    org TEXT NOT NULL,
    pos BIGINT NOT NULL,
    id TEXT NOT NULL, run_id TEXT NOT NULL, device_id TEXT NOT NULL, seq BIGINT NOT NULL,
    hlc TEXT NOT NULL, wall_time TEXT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL,
    step_id TEXT, payload TEXT NOT NULL, occurred_at TEXT, prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL, sig TEXT NOT NULL,
    PRIMARY KEY (org, id),
    UNIQUE (org, device_id, seq),
    FOREIGN KEY (org, run_id) REFERENCES runs (org, id));
CREATE INDEX events_chain ON events (org, device_id, run_id, seq);
CREATE INDEX events_pos ON events (org, pos);
CREATE TABLE chain_heads (
    org TEXT NOT NULL,
    device_id TEXT NOT NULL, run_id TEXT NOT NULL, seq BIGINT NOT NULL, hash TEXT NOT NULL,
    sig TEXT NOT NULL,
    PRIMARY KEY (org, device_id, run_id));
CREATE TABLE request_nonces (
    device_id TEXT NOT NULL, nonce TEXT NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, nonce));
CREATE INDEX request_nonces_age ON request_nonces (seen_at);
CREATE TABLE hub_identity (
    only_one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_one),
    private_key_pem TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now());
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{TENANT_ROLE}') THEN
        CREATE ROLE {TENANT_ROLE} NOLOGIN;
    END IF;
END $$;
GRANT {TENANT_ROLE} TO CURRENT_USER;
GRANT SELECT, INSERT ON devices, runs, events TO {TENANT_ROLE};
GRANT SELECT, INSERT, UPDATE ON chain_heads, orgs TO {TENANT_ROLE};
""" + "".join(f"""
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
CREATE POLICY {table}_own_org ON {table}
    USING (org = current_setting('runbook.org', true))
    WITH CHECK (org = current_setting('runbook.org', true));
""" for table in _TENANT_TABLES)),
    (2, "events by run and position: a pull counts and reads a run's tail, not the run", """
CREATE INDEX events_run_pos ON events (org, run_id, pos);
"""),
    (3, "the hub's witness statements: what it held after each push, signed", f"""
CREATE SEQUENCE witness_seq;
CREATE TABLE witness (
    org TEXT NOT NULL REFERENCES orgs (org),
    seq BIGINT NOT NULL,
    device_id TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL,
    hash TEXT NOT NULL, sig TEXT NOT NULL,
    PRIMARY KEY (org, seq));
GRANT SELECT, INSERT ON witness TO {TENANT_ROLE};
GRANT USAGE ON SEQUENCE witness_seq TO {TENANT_ROLE};
ALTER TABLE witness ENABLE ROW LEVEL SECURITY;
ALTER TABLE witness FORCE ROW LEVEL SECURITY;
CREATE POLICY witness_own_org ON witness
    USING (org = current_setting('runbook.org', true))
    WITH CHECK (org = current_setting('runbook.org', true));
"""),
]

LATEST = MIGRATIONS[-1][0]
