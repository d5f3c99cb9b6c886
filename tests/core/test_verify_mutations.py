"""Verify catches every single mutation of a stored event, and passes untouched stores.

A small two-laptop database is built once; each example copies it, changes it the way someone
with the file but without the laptops' keys could (the append-only triggers dropped), and
verifies the copy.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from eventlog_helpers import open_store, two_laptops_two_runs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook_assistant.core.log.chain import EVENT_COLUMNS, row_to_event
from runbook_assistant.core.log.events import EventKind, compute_hash
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.verify import (
    BAD_SIGNATURE,
    REHASHED,
    REMOVED,
    REORDERED,
    VerifyReport,
)
from runbook_assistant.core.log.verify_sources import verify_database

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
FIELDS = list(EVENT_COLUMNS)


class Base:
    def __init__(self, path: Path, devices: set[str], events: list[tuple]) -> None:
        self.path, self.devices, self.events = path, devices, events


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    folder = tmp_path_factory.mktemp("mutations")
    a = DeviceIdentity.load_or_create(folder / "a")
    b = DeviceIdentity.load_or_create(folder / "b")
    path = folder / "base.sqlite3"
    store_a, store_b = open_store(path, a), open_store(path, b)
    two_laptops_two_runs(store_a, store_b)
    with store_a.writing() as w:
        w.append("run-1", EventKind.STEP_CHECKED, actor="Anne", step_id="s1",
                 payload={"verified_by": "Bram"}, occurred_at="2026-11-23T05:00:00.000Z")
    store_a.close()
    store_b.close()
    with sqlite3.connect(path) as conn:
        events = conn.execute(f"SELECT pos, {', '.join(EVENT_COLUMNS)} FROM events "
                              "ORDER BY pos").fetchall()
    return Base(path, {a.device_id, b.device_id}, events)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("copies")


class Copy:
    """A copy of the base database with the append-only triggers dropped."""

    def __init__(self, base: Base, workdir: Path) -> None:
        self.path = workdir / f"{uuid.uuid4().hex}.sqlite3"
        shutil.copyfile(base.path, self.path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("PRAGMA synchronous = OFF")  # a throwaway copy: no need to fsync
        self.conn.execute("DROP TRIGGER events_no_update")
        self.conn.execute("DROP TRIGGER events_no_delete")
        self.conn.execute("DROP INDEX events_device_seq")  # it would refuse some edits

    def verify(self, base: Base, *, all_signatures: bool = False) -> VerifyReport:
        self.conn.close()
        return verify_database(self.path, gap_free_devices=base.devices,
                               all_signatures=all_signatures)


@pytest.fixture
def copies(base: Base, workdir: Path) -> Iterator[list[Copy]]:
    made: list[Copy] = []
    yield made
    for copy in made:
        copy.conn.close()
        copy.path.unlink(missing_ok=True)


def _copy(base: Base, workdir: Path, copies: list[Copy]) -> Copy:
    copies.append(Copy(base, workdir))
    return copies[-1]


def _other_value(column: str, value: object, choice: int, base: Base) -> object:
    """A different value of the right kind for ``column``."""
    if column == "seq":
        return value + 1000 + choice  # type: ignore[operator]
    if column in ("hash", "prev_hash", "sig"):
        flipped = "0" if value[choice % len(value)] != "0" else "1"  # type: ignore[index]
        return value[:choice % len(value)] + flipped + value[choice % len(value) + 1:]  # type: ignore[index]
    if column == "payload":
        return '{"text":"edited"}' if value != '{"text":"edited"}' else "{}"
    if column == "device_id":
        others = [*sorted(base.devices - {value}), "stranger-device"]
        return others[choice % len(others)]
    if column == "run_id":
        return "run-2" if value == "run-1" else "run-1"
    if column == "kind":
        return "note_added" if value != "note_added" else "step_skipped"
    if value is None:
        return "2026-11-23T04:00:00.000Z"
    if column in ("step_id", "occurred_at") and choice % 2:
        return None
    return f"{value}x"


def _change_field_and_verify(base: Base, copy: Copy, index: int, column: str,
                             choice: int) -> None:
    row = base.events[index % len(base.events)]
    pos, values = row[0], dict(zip(EVENT_COLUMNS, row[1:], strict=True))
    new = _other_value(column, values[column], choice, base)
    copy.conn.execute(f"UPDATE events SET {column} = ? WHERE pos = ?", (new, pos))
    full = copy.verify(base, all_signatures=True)
    assert not full.ok
    named = {values["id"], new if column == "id" else values["id"]}
    assert named & {p.event_id for p in full.problems}, full.problems
    fast = verify_database(copy.path, gap_free_devices=base.devices)
    if column == "sig":  # the chain head still vouches for the content
        assert fast.ok or fast.first_problem.what == BAD_SIGNATURE  # type: ignore[union-attr]
        assert full.first_problem.what == BAD_SIGNATURE  # type: ignore[union-attr]
    else:  # content: caught without reading every signature
        assert not fast.ok


@SETTINGS
@given(index=st.integers(0, 10**6), column=st.sampled_from(FIELDS),
       choice=st.integers(0, 10**6))
def test_any_changed_field_of_any_event_is_caught(base: Base, workdir: Path,
                                                  copies: list[Copy], index: int, column: str,
                                                  choice: int) -> None:
    _change_field_and_verify(base, _copy(base, workdir, copies), index, column, choice)


def test_every_field_of_every_event_changed_in_turn_is_caught(
        base: Base, workdir: Path, copies: list[Copy]) -> None:
    for index in range(len(base.events)):
        for column in FIELDS:
            _change_field_and_verify(base, _copy(base, workdir, copies), index, column, index)


@SETTINGS
@given(index=st.integers(0, 10**6))
def test_any_removed_event_is_caught(base: Base, workdir: Path, copies: list[Copy],
                                     index: int) -> None:
    pos = base.events[index % len(base.events)][0]
    copy = _copy(base, workdir, copies)
    copy.conn.execute("DELETE FROM events WHERE pos = ?", (pos,))
    report = copy.verify(base)
    assert REMOVED in {p.what for p in report.problems}, report.problems


@SETTINGS
@given(first=st.integers(0, 10**6), second=st.integers(0, 10**6), with_clock=st.booleans())
def test_any_two_swapped_events_are_caught(base: Base, workdir: Path, copies: list[Copy],
                                           first: int, second: int, with_clock: bool) -> None:
    device = base.events[first % len(base.events)][3]
    mine = [r for r in base.events if r[3] == device]
    one, two = mine[first % len(mine)], mine[second % len(mine)]
    if one is two:
        two = mine[(mine.index(one) + 1) % len(mine)]
    copy = _copy(base, workdir, copies)
    columns = "seq = ?, hlc = ?" if with_clock else "seq = ?"
    swap = [(two[4], two[5]), (one[4], one[5])]
    copy.conn.execute("UPDATE events SET seq = -1 WHERE pos = ?", (one[0],))
    copy.conn.execute(f"UPDATE events SET {columns} WHERE pos = ?",
                      (*swap[1][:1 + with_clock], two[0]))
    copy.conn.execute(f"UPDATE events SET {columns} WHERE pos = ?",
                      (*swap[0][:1 + with_clock], one[0]))
    report = copy.verify(base)
    assert {p.event_id for p in report.problems} & {one[1], two[1]}, report.problems
    assert report.first_problem.what == REORDERED  # type: ignore[union-attr]


@SETTINGS
@given(index=st.integers(0, 10**6), actor=st.text(min_size=1, max_size=10))
def test_a_forged_event_is_caught(base: Base, workdir: Path, copies: list[Copy], index: int,
                                  actor: str) -> None:
    """Someone appends an event for a laptop, with its hash right but without its key."""
    template = row_to_event(base.events[index % len(base.events)][1:])
    device_rows = [r for r in base.events if r[3] == template.device_id]
    chain = [r for r in device_rows if r[2] == template.run_id]
    forged = replace(template, id=str(uuid.uuid4()), actor=actor,
                     seq=max(r[4] for r in device_rows) + 1, prev_hash=chain[-1][12],
                     hlc=max(r[5] for r in device_rows) + "0")
    forged = replace(forged, hash=compute_hash(forged))
    forged = replace(forged, sig=DeviceIdentity.generate().sign(bytes.fromhex(forged.hash)))
    copy = _copy(base, workdir, copies)
    values = forged.to_dict()
    values["payload"] = base.events[index % len(base.events)][10]
    copy.conn.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                      f"({', '.join('?' * len(EVENT_COLUMNS))})",
                      [values[c] for c in EVENT_COLUMNS])
    report = copy.verify(base)
    assert report.first_problem is not None
    assert report.first_problem.event_id == forged.id


@SETTINGS
@given(index=st.integers(0, 10**6), actor=st.text(min_size=1, max_size=10),
       move_head=st.booleans())
def test_a_chain_rehashed_without_the_key_is_caught(base: Base, workdir: Path,
                                                    copies: list[Copy], index: int, actor: str,
                                                    move_head: bool) -> None:
    """Change one event and recompute every hash after it in its chain."""
    target = base.events[index % len(base.events)]
    chain = [row_to_event(r[1:]) for r in base.events if r[3] == target[3] and r[2] == target[2]]
    chain.sort(key=lambda e: e.seq)
    start = next(i for i, e in enumerate(chain) if e.id == target[1])
    if chain[start].actor == actor:
        actor += "x"
    copy = _copy(base, workdir, copies)
    prev = chain[start - 1].hash if start else chain[0].prev_hash
    for i, event in enumerate(chain[start:]):
        changed = replace(event, prev_hash=prev, actor=actor if i == 0 else event.actor)
        prev = compute_hash(changed)
        copy.conn.execute("UPDATE events SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                          (changed.actor, changed.prev_hash, prev, event.id))
    if move_head:  # also point the chain head record at the new hash (it cannot be re-signed)
        copy.conn.execute("UPDATE chain_heads SET hash = ? WHERE device_id = ? AND run_id = ?",
                          (prev, target[3], target[2]))
    report = copy.verify(base)
    assert report.first_problem is not None
    assert (report.first_problem.event_id, report.first_problem.what) == (target[1], REHASHED)


def test_untouched_copies_pass(base: Base, workdir: Path, copies: list[Copy]) -> None:
    copy = _copy(base, workdir, copies)
    assert copy.verify(base).ok
    assert verify_database(copy.path, gap_free_devices=base.devices, all_signatures=True).ok
