"""The database schema and its migrations.

``PRAGMA user_version`` holds how many migrations a file has had; ``MIGRATIONS`` lists them in
order and is only ever appended to (a released migration is never edited). ``application_id``
marks the file as ours, so another program's SQLite file is refused rather than "migrated".
"""

from __future__ import annotations

APPLICATION_ID = 0x52424153  # "RBAS"

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,          -- Ed25519, hex
    fingerprint TEXT NOT NULL,          -- short, for people to compare
    name        TEXT NOT NULL DEFAULT '',
    first_seen  TEXT NOT NULL
) STRICT;

CREATE TABLE runs (
    id              TEXT PRIMARY KEY,
    runbook_id      TEXT NOT NULL,
    runbook_version INTEGER NOT NULL,
    runbook_sha256  TEXT NOT NULL,
    runbook_text    TEXT NOT NULL,      -- the runbook exactly as run
    title           TEXT NOT NULL,
    mode            TEXT NOT NULL CHECK (mode IN ('incident', 'exercise')),
    lang            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    device_id       TEXT NOT NULL REFERENCES devices (id),
    scenario_id     TEXT
) STRICT;

-- pos: an INTEGER PRIMARY KEY keeps its values through VACUUM (a bare rowid may not), so
-- "events after pos N" stays true for readers that follow the log.
CREATE TABLE events (
    pos         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    run_id      TEXT NOT NULL REFERENCES runs (id),
    device_id   TEXT NOT NULL REFERENCES devices (id),
    seq         INTEGER NOT NULL,
    hlc         TEXT NOT NULL,
    wall_time   TEXT NOT NULL,
    actor       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    step_id     TEXT,
    payload     TEXT NOT NULL,          -- canonical JSON
    occurred_at TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    sig         TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX events_device_seq ON events (device_id, seq);
-- (run_id, hlc) plus the tie-breakers, so a run's events come out in log order without a sort.
CREATE INDEX events_run_hlc ON events (run_id, hlc, device_id, seq);
CREATE INDEX events_device_run_seq ON events (device_id, run_id, seq);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The signed "this is the last event of my chain in this run" per (device, run): it is what
-- shows that nothing was cut off the end of a chain.
CREATE TABLE chain_heads (
    device_id TEXT NOT NULL REFERENCES devices (id),
    run_id    TEXT NOT NULL REFERENCES runs (id),
    seq       INTEGER NOT NULL,
    hash      TEXT NOT NULL,
    sig       TEXT NOT NULL,
    PRIMARY KEY (device_id, run_id)
) STRICT, WITHOUT ROWID;
"""

# Witness statements (``witness.py``): the signed chain heads this laptop saw on each import.
# ``seq`` is a number of the laptop's own sequence, shared with its events.
_V2 = """
CREATE TABLE witness (
    device_id   TEXT NOT NULL REFERENCES devices (id),
    seq         INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    body        TEXT NOT NULL,          -- canonical JSON: the source and the heads it held
    hash        TEXT NOT NULL,
    sig         TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
) STRICT;

CREATE TRIGGER witness_no_update BEFORE UPDATE ON witness
BEGIN SELECT RAISE(ABORT, 'witness statements are append-only'); END;
CREATE TRIGGER witness_no_delete BEFORE DELETE ON witness
BEGIN SELECT RAISE(ABORT, 'witness statements are append-only'); END;
"""

# Each entry moves a file from user_version == index to index + 1.
MIGRATIONS: list[str] = [_V1, _V2]

SCHEMA_VERSION = len(MIGRATIONS)
# A file this far along can be read (for reading only) without migrating: later migrations only
# add tables, which readers treat as empty when they are missing.
READABLE_FROM = 1

# The tables this app creates; a file at user_version 0 holding any other table is not ours.
OWN_TABLES = frozenset({"meta", "devices", "runs", "events", "chain_heads", "witness"})
