"""Properties of sync, over many generated cases.

* However a run's commands are spread over three laptops, and in whatever order bundles are
  exchanged and imported (twice, too), every laptop ends with the same events and the same state.
* Every kind of tampering with a bundle is refused, and nothing of it is merged.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook_assistant.core.errors import CommandError, SyncError
from runbook_assistant.core.log.chain import EVENT_COLUMNS, chain_head_message, hash_of_fields
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.verify import verify_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sync_laptops import T0, Laptop

LATER = T0.replace(hour=14)
STEPS = ["coordinator", "bezetting", "rollback-ok", "herstel-diensten", "failover-schakel",
         "informeer"]

command = st.tuples(st.just("cmd"), st.integers(0, 2),
                    st.sampled_from(["check", "uncheck", "skip", "note", "decide"]),
                    st.sampled_from(STEPS), st.sampled_from(["herstel", "failover"]),
                    st.integers(-30, 300))  # seconds the laptop's clock moves (even back)
exchange = st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2))


def _apply(laptop: Laptop, run_id: str, op: tuple[Any, ...]) -> None:
    _, _, kind, step, option, seconds = op
    laptop.clock.advance(seconds=seconds)
    engine = laptop.engine
    actor = f"Mens {laptop.folder.name}"
    try:
        if kind == "check":
            engine.check(run_id, step, actor=actor)
        elif kind == "uncheck":
            engine.uncheck(run_id, step, actor=actor)
        elif kind == "skip":
            engine.skip(run_id, step, actor=actor, reason="niet nodig")
        elif kind == "note":
            engine.note(run_id, f"notitie bij {step}", actor=actor, step_id=step)
        else:
            engine.decide(run_id, step, option, actor=actor)
    except CommandError:
        pass  # refused on this laptop's view of the run: nothing recorded, as in real use


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.one_of(command, command, exchange), max_size=14),
       orders=st.lists(st.permutations([0, 1, 2]), min_size=4, max_size=4),
       twice=st.integers(0, 2))
def test_every_laptop_ends_with_the_same_events_and_state(
        tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[Any, ...]],
        orders: list[list[int]], twice: int) -> None:
    root = tmp_path_factory.mktemp("laptops")
    laptops = [Laptop(root / name) for name in ("a", "b", "c")]
    lead = Laptop(root / "lead")
    try:
        run_id = laptops[0].start()
        first = laptops[0].export()
        laptops[1].pull(first)
        laptops[2].pull(first)
        for op in ops:
            if op[0] == "cmd":
                _apply(laptops[op[1]], run_id, op)
            elif op[1] != op[2]:
                laptops[op[2]].pull(laptops[op[1]].export())
        finals = [laptop.export() for laptop in laptops]
        for i, laptop in enumerate(laptops):
            for j in orders[i]:
                if j != i:
                    laptop.pull(finals[j])
        for j in [*orders[3], twice]:  # one bundle imported a second time
            lead.pull(finals[j])

        everyone = [*laptops, lead]
        expected = set().union(*(laptop.event_ids() for laptop in laptops))
        state = lead.engine.state(run_id, now=LATER)
        for laptop in everyone:
            assert laptop.event_ids() == expected
            assert laptop.engine.state(run_id, now=LATER) == state
            assert verify_store(laptop.store).ok
    finally:
        for laptop in [*laptops, lead]:
            laptop.close()
        shutil.rmtree(root, ignore_errors=True)


# --- tampering ---------------------------------------------------------------------------------
class Base:
    """A bundle made by laptop b holding a's and b's chains, and a receiving laptop c that
    already holds an earlier part of the run."""

    def __init__(self, root: Path) -> None:
        a, b = Laptop(root / "a"), Laptop(root / "b")
        self.laptops = [a, b]
        run_id = a.start()
        a.engine.check(run_id, "coordinator", actor="Anna")
        early = a.export()
        b.pull(early)
        b.engine.note(run_id, "Bram is er", actor="Bram")
        b.engine.decide(run_id, "rollback-ok", "herstel", actor="Bram", rationale="ping ok")
        a.engine.note(run_id, "leverancier gebeld", actor="Anna")
        b.pull(a.export())
        b.engine.check(run_id, "bezetting", actor="Bram")
        self.bundle = b.export(name="base.sqlite")
        self.receiver = Laptop(root / "c")
        self.receiver.pull(early)
        self.attacker = DeviceIdentity.generate()

    def counts(self) -> tuple[int, int, int, int]:
        conn = self.receiver.store.conn
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("events", "devices", "runs", "chain_heads"))  # type: ignore[return-value]

    def close(self) -> None:
        for laptop in [*self.laptops, self.receiver]:
            laptop.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Base]:
    made = Base(tmp_path_factory.mktemp("tamper"))
    yield made
    made.close()


def _rows(conn: sqlite3.Connection, where: str = "", args: tuple[Any, ...] = ()) -> list[list[Any]]:
    return [list(r) for r in conn.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events {where} ORDER BY device_id, run_id, seq",
        args)]


def _rewrite(conn: sqlite3.Connection, row: list[Any], old_id: str) -> None:
    sets = ", ".join(f"{c} = ?" for c in EVENT_COLUMNS)
    conn.execute(f"UPDATE events SET {sets} WHERE id = ?", (*row, old_id))


def _resign_chain(conn: sqlite3.Connection, chain: list[list[Any]], start: int,
                  key: DeviceIdentity) -> None:
    """Recompute the hashes from ``chain[start]`` on and sign them (and the head) with ``key``."""
    for i in range(start, len(chain)):
        row = chain[i]
        if i:
            row[11] = chain[i - 1][12]
        row[12] = hash_of_fields(*row[:12])
        row[13] = key.sign(bytes.fromhex(row[12]))
        _rewrite(conn, row, row[0])
    last = chain[-1]
    conn.execute("UPDATE chain_heads SET seq = ?, hash = ?, sig = ? WHERE device_id = ? AND "
                 "run_id = ?", (last[3], last[12], key.sign(chain_head_message(
                     last[2], last[1], last[3], last[12])), last[2], last[1]))


def change_payload_byte(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    row = data.draw(st.sampled_from(_rows(conn)))
    text: str = row[9]
    at = data.draw(st.integers(0, len(text) - 1))
    new = data.draw(st.characters(codec="utf-8").filter(lambda c: c != text[at]))
    conn.execute("UPDATE events SET payload = ? WHERE id = ?",
                 (text[:at] + new + text[at + 1:], row[0]))


def remove_event(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    row = data.draw(st.sampled_from(_rows(conn)))
    conn.execute("DELETE FROM events WHERE id = ?", (row[0],))


def reorder_seq(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    rows = _rows(conn)
    first = data.draw(st.sampled_from(rows))
    same = [r for r in rows if r[2] == first[2] and r[0] != first[0]]
    second = data.draw(st.sampled_from(same))
    conn.execute("UPDATE events SET seq = -1 WHERE id = ?", (first[0],))
    conn.execute("UPDATE events SET seq = ? WHERE id = ?", (first[3], second[0]))
    conn.execute("UPDATE events SET seq = ? WHERE id = ?", (second[3], first[0]))


def wrong_chain_head(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    heads = conn.execute("SELECT device_id, run_id, seq FROM chain_heads").fetchall()
    device, run, seq = data.draw(st.sampled_from(heads))
    chain = _rows(conn, "WHERE device_id = ? AND run_id = ?", (device, run))
    how = data.draw(st.sampled_from(["earlier event", "other seq", "other hash", "other sig"]))
    if how == "earlier event" and len(chain) > 1:  # a head naming an earlier event, truncated
        earlier = data.draw(st.sampled_from(chain[:-1]))
        conn.execute("DELETE FROM events WHERE device_id = ? AND run_id = ? AND seq > ?",
                     (device, run, earlier[3]))
        conn.execute("UPDATE chain_heads SET seq = ?, hash = ? WHERE device_id = ? AND "
                     "run_id = ?", (earlier[3], earlier[12], device, run))
    elif how == "other hash":
        conn.execute("UPDATE chain_heads SET hash = ? WHERE device_id = ? AND run_id = ?",
                     ("ab" * 32, device, run))
    elif how == "other sig":
        conn.execute("UPDATE chain_heads SET sig = ? WHERE device_id = ? AND run_id = ?",
                     (base.attacker.sign(b"x"), device, run))
    else:
        conn.execute("UPDATE chain_heads SET seq = ? WHERE device_id = ? AND run_id = ?",
                     (seq + data.draw(st.sampled_from([-1, 1, 5])), device, run))


def rehash_without_key(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    row = data.draw(st.sampled_from(_rows(conn)))
    chain = _rows(conn, "WHERE device_id = ? AND run_id = ?", (row[2], row[1]))
    i = next(k for k, r in enumerate(chain) if r[0] == row[0])
    payload = json.loads(chain[i][9])
    payload["text"] = "vervalst"
    chain[i][9] = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    _resign_chain(conn, chain, i, base.attacker)


def swap_public_key(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    devices = [r[0] for r in conn.execute("SELECT id FROM devices")]
    device = data.draw(st.sampled_from(devices))
    conn.execute("UPDATE devices SET public_key = ?, fingerprint = ? WHERE id = ?",
                 (base.attacker.public_key_hex, base.attacker.fingerprint, device))
    if data.draw(st.booleans()):  # and sign everything of that device with the swapped-in key
        for (run,) in conn.execute("SELECT DISTINCT run_id FROM events WHERE device_id = ?",
                                   (device,)).fetchall():
            chain = _rows(conn, "WHERE device_id = ? AND run_id = ?", (device, run))
            _resign_chain(conn, chain, 0, base.attacker)


def change_manifest(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    column, value = data.draw(st.sampled_from([
        ("made_at", "2030-01-01T00:00:00.000Z"), ("event_count", 99), ("app_version", "9.9"),
        ("made_by", base.laptops[0].device_id), ("sig", base.attacker.sign(b"manifest"))]))
    conn.execute(f"UPDATE manifest SET {column} = ?", (value,))


def drop_a_whole_chain(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    device, run = data.draw(st.sampled_from(
        conn.execute("SELECT device_id, run_id FROM chain_heads").fetchall()))
    conn.execute("DELETE FROM events WHERE device_id = ? AND run_id = ?", (device, run))
    conn.execute("DELETE FROM chain_heads WHERE device_id = ? AND run_id = ?", (device, run))
    conn.execute("UPDATE manifest SET event_count = (SELECT count(*) FROM events)")


def change_the_run_record(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    column, value = data.draw(st.sampled_from([
        ("title", "Andere titel"), ("mode", "exercise"), ("runbook_text", "# Ander draaiboek"),
        ("runbook_id", "iets-anders")]))
    conn.execute(f"UPDATE runs SET {column} = ?", (value,))


def add_a_foreign_event(conn: sqlite3.Connection, data: st.DataObject, base: Base) -> None:
    last = _rows(conn)[-1]
    row = [str(uuid.uuid4()), last[1], last[2], last[3] + 1, last[4][:-1] + "9", last[5],
           "Indringer", "note_added", None, '{"text":"ingevoegd"}', None, last[12], "", ""]
    row[12] = hash_of_fields(*row[:12])
    row[13] = base.attacker.sign(bytes.fromhex(row[12]))
    conn.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(row))})", row)
    conn.execute("UPDATE manifest SET event_count = event_count + 1")


TAMPERING: list[Callable[[sqlite3.Connection, st.DataObject, Base], None]] = [
    change_payload_byte, remove_event, reorder_seq, wrong_chain_head, rehash_without_key,
    swap_public_key, change_manifest, drop_a_whole_chain, change_the_run_record,
    add_a_foreign_event]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(tamper=st.sampled_from(TAMPERING), data=st.data())
def test_a_tampered_bundle_is_refused_whole(base: Base, tmp_path_factory: pytest.TempPathFactory,
                                            tamper: Callable[..., None],
                                            data: st.DataObject) -> None:
    copy = tmp_path_factory.mktemp("tampered") / "bundle.sqlite"
    shutil.copyfile(base.bundle, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        tamper(conn, data, base)
    finally:
        conn.close()
    before = base.counts()

    with pytest.raises(SyncError, match="Nothing was merged"):
        base.receiver.pull(copy)
    assert base.counts() == before


def test_the_untouched_base_bundle_is_accepted(base: Base, tmp_path: Path) -> None:
    """The tampering test above refuses because of the tampering, not the bundle."""
    copy = tmp_path / "bundle.sqlite"
    shutil.copyfile(base.bundle, copy)
    fresh = Laptop(tmp_path / "fresh")
    try:
        result = fresh.pull(copy)
        assert result.merged.new_events == len(base.laptops[1].event_ids())
    finally:
        fresh.close()
