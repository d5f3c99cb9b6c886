"""Two laptops with real runs, and the outsider's tools: change a database, a bundle or a JSON
export the way someone with the file but without the laptops' keys can, re-signing included.

Laptop A is this laptop (its key in the user data folder, as the CLI uses it); laptop B is a
colleague's, whose contribution A imported from a bundle.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from hand_clock import HandClock
from sync_laptops import FIXTURE, Laptop

from runbook_assistant.core.export import export_run
from runbook_assistant.core.log.chain import (
    EVENT_COLUMNS,
    chain_head_message,
    hash_of_fields,
)
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.manifest import export_manifest
from runbook_assistant.core.log.witness import make_statement
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_text
from runbook_assistant.core.sync.exchange import export_bundle, import_bundle


class World:
    """A's database (run-1 incident with B's notes, run-2 exercise, B's run-3, A's run-4)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "a.sqlite3"
        self.clock = HandClock()
        self.a = Engine.open(self.db, identity=DeviceIdentity.load_or_create(),
                             clock=self.clock)
        self.b = Laptop(folder / "b")
        source = FIXTURE.read_text(encoding="utf-8")
        runbook = parse_text(source, str(FIXTURE)).runbook
        assert runbook is not None

        def start(engine: Engine, title: str, mode: str = "incident") -> str:
            self.clock.advance(minutes=1)
            self.b.clock.advance(minutes=1)
            return engine.start_run(runbook, source, title=title, actor="Anna",
                                    mode=mode).run_id

        self.run1 = start(self.a, "Storing kernnetwerk")
        self.a.note(self.run1, "switch vervangen", actor="Anna")
        self.run2 = start(self.a, "Oefening ransomware", mode="exercise")
        self.a.note(self.run2, "inject ontvangen", actor="Anna")
        self.b.pull(self._bundle(self.a, "a-to-b.sqlite"))
        self.b.clock.advance(minutes=30)
        self.b.engine.note(self.run1, "van laptop b", actor="Bram")
        self.run3 = start(self.b.engine, "Uitval telefonie")
        self.b.engine.note(self.run3, "provider gebeld", actor="Bram")
        import_bundle(self.a.store, self._bundle(self.b.engine, "b-to-a.sqlite"))
        self.run4 = start(self.a, "Storing e-mail")
        self.a.note(self.run4, "laatste notitie", actor="Anna")
        self.b.pull(self._bundle(self.a, "a-to-b-2.sqlite"))  # B now holds all of A's log
        self.a.close_store()

    def _bundle(self, engine: Engine, name: str) -> Path:
        path = self.folder / name
        export_bundle(engine.store, path)
        return path

    def close(self) -> None:
        self.b.close()

    # --- the four kinds of file -------------------------------------------------------------
    def bundle_of_a(self, name: str = "bundle.sqlite") -> Path:
        engine = Engine.open(self.db, identity=DeviceIdentity.load_or_create(), clock=self.clock)
        try:
            return self._bundle(engine, name)
        finally:
            engine.close_store()

    def json_of_a(self, run_id: str, name: str = "run.json") -> Path:
        engine = Engine.open(self.db, identity=DeviceIdentity.load_or_create(), clock=self.clock)
        try:
            return export_run(engine, run_id, "json", self.folder / name)
        finally:
            engine.close_store()


def sql(path: Path, *statements: str, args: tuple[Any, ...] = ()) -> None:
    """Run statements on the file with its append-only triggers dropped (the outsider's way)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for trigger in ("events_no_update", "events_no_delete", "witness_no_update",
                    "witness_no_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        conn.execute(statement, args if "?" in statement else ())
    conn.close()


# --- re-signing a whole history under new keys ------------------------------------------------
class Resigner:
    """New keys for every device; every hash, link and signature made anew."""

    def __init__(self) -> None:
        self.keys: dict[str, DeviceIdentity] = {}
        self.hashes: dict[tuple[str, str, int], str] = {}  # (old device, run, seq) -> new hash

    def identity(self, device: str) -> DeviceIdentity:
        return self.keys.setdefault(device, DeviceIdentity.generate())

    def device(self, device: str) -> str:
        return self.identity(device).device_id

    def rows(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Rows in EVENT_COLUMNS order, any order; returned re-signed, in chain order."""
        result = []
        prev: dict[tuple[str, str], str] = {}
        for r in sorted(rows, key=lambda r: (r[2], r[1], r[3])):
            me = self.identity(r[2])
            link = prev.get((r[2], r[1]), "0" * 64)
            digest = hash_of_fields(r[0], r[1], me.device_id, r[3], r[4], r[5], r[6], r[7], r[8],
                                    r[9], r[10], link)
            prev[(r[2], r[1])] = digest
            self.hashes[(r[2], r[1], r[3])] = digest
            result.append((*r[:2], me.device_id, *r[3:11], link, digest,
                           me.sign(bytes.fromhex(digest))))
        return result

    def head(self, device: str, run: str, seq: int) -> tuple[str, str, int, str, str]:
        me = self.identity(device)
        digest = self.hashes[(device, run, seq)]
        return (me.device_id, run, seq, digest,
                me.sign(chain_head_message(me.device_id, run, seq, digest)))


def resign_sqlite(path: Path) -> Resigner:
    """Re-sign every event, head, device, run owner, witness statement and manifest in place."""
    r = Resigner()
    conn = sqlite3.connect(path, isolation_level=None)
    for trigger in ("events_no_update", "events_no_delete", "witness_no_update",
                    "witness_no_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute("PRAGMA foreign_keys = OFF")
    rows = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events").fetchall()
    new_rows = r.rows(rows)
    heads = conn.execute("SELECT device_id, run_id, seq FROM chain_heads").fetchall()
    devices = conn.execute("SELECT id, name, first_seen FROM devices").fetchall()
    conn.execute("DELETE FROM events")
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(EVENT_COLUMNS))})", new_rows)
    conn.execute("DELETE FROM chain_heads")
    conn.executemany("INSERT INTO chain_heads VALUES (?, ?, ?, ?, ?)",
                     [r.head(*h) for h in heads])
    conn.execute("DELETE FROM devices")
    conn.executemany("INSERT INTO devices (id, public_key, fingerprint, name, first_seen) "
                     "VALUES (?, ?, ?, ?, ?)",
                     [(r.device(d), r.identity(d).public_key_hex, r.identity(d).fingerprint,
                       name, seen) for d, name, seen in devices])
    for device in r.keys:
        conn.execute("UPDATE runs SET device_id = ? WHERE device_id = ?",
                     (r.device(device), device))
    tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "witness" in tables:
        statements = conn.execute("SELECT device_id, seq, recorded_at, body FROM witness"
                                  ).fetchall()
        conn.execute("DELETE FROM witness")
        for device, seq, at, body in statements:
            data = json.loads(body)
            data["heads"] = sorted([r.device(d), run, s, r.hashes[(d, run, s)]]
                                   for d, run, s, _ in data["heads"])
            st = make_statement(r.identity(device), seq, at,
                                json.dumps(data, sort_keys=True, separators=(",", ":")))
            conn.execute("INSERT INTO witness VALUES (?, ?, ?, ?, ?, ?)",
                         (st.device_id, st.seq, st.recorded_at, st.body, st.hash, st.sig))
    if "manifest" in tables:
        from runbook_assistant.core.log.chain import ChainHead
        from runbook_assistant.core.log.manifest import bundle_message

        fmt, made_by, made_at, version, count = conn.execute(
            "SELECT format, made_by, made_at, app_version, event_count FROM manifest").fetchone()
        maker = r.identity(made_by)
        run_ids = [x for (x,) in conn.execute("SELECT id FROM runs")]
        new_heads = [ChainHead(*h) for h in conn.execute("SELECT * FROM chain_heads")]
        sig = maker.sign(bundle_message(fmt, maker.device_id, made_at, version, count, run_ids,
                                        new_heads))
        conn.execute("UPDATE manifest SET made_by = ?, fingerprint = ?, sig = ?",
                     (maker.device_id, maker.fingerprint, sig))
    conn.close()
    return r


def resign_json(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    r = Resigner()
    rows = r.rows([tuple(e.get(c) if c != "payload" else json.dumps(
        e["payload"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        for c in EVENT_COLUMNS) for e in data["events"]])
    data["events"] = [dict(zip(EVENT_COLUMNS, row, strict=True)) | {"payload": json.loads(row[9])}
                      for row in rows]
    data["chain_heads"] = [dict(zip(("device_id", "run_id", "seq", "hash", "sig"),
                                    r.head(h["device_id"], h["run_id"], h["seq"]), strict=True))
                           for h in data["chain_heads"]]
    data["devices"] = [{"id": r.device(d["id"]), "public_key": r.identity(d["id"]).public_key_hex}
                       for d in data["devices"]]
    data["run"]["device_id"] = r.device(data["run"]["device_id"])
    from runbook_assistant.core.log.chain import ChainHead

    maker = r.identity(data["manifest"]["made_by"])
    data["manifest"] = export_manifest(
        maker, made_at=data["manifest"]["made_at"], app_version="forged",
        run_ids=[data["run"]["id"]], heads=[ChainHead(**h) for h in data["chain_heads"]],
        event_count=len(data["events"]))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
