"""Sync bundles between laptops: what comes in, what is refused, and that nothing is lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from runbook_assistant.core.errors import ExportError, SyncError
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.verify import verify_store
from runbook_assistant.core.log.witness import read_statements
from runbook_assistant.core.sync.bundle import BUNDLE_FORMAT, read_bundle
from runbook_assistant.core.sync.exchange import import_bundle

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sync_laptops import T0, Laptop


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    made: dict[str, Laptop] = {}

    def get(name: str) -> Laptop:
        if name not in made:
            made[name] = Laptop(tmp_path / name)
        return made[name]

    class Laptops(dict):  # laptops["a"] makes laptop a on first use
        def __missing__(self, name: str) -> Laptop:
            return get(name)

    yield Laptops()
    for laptop in made.values():
        laptop.close()


def _heads(laptop: Laptop) -> list[tuple]:
    return [tuple(h) for h in laptop.store.chain_heads()]


def test_a_bundle_brings_a_run_to_another_laptop(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    run_id = a.start()
    a.engine.check(run_id, "coordinator", actor="Anna")
    a.engine.note(run_id, "Leverancier gebeld", actor="Anna")

    result = b.pull(a.export())

    assert [r.id for r in result.merged.new_runs] == [run_id]
    assert [(d.id, d.fingerprint) for d in result.merged.new_devices] == [
        (a.device_id, a.identity.fingerprint)]
    assert result.merged.new_events == 3 and result.merged.new_events_by_run == {run_id: 3}
    assert [s.new for s in result.signers] == [True]
    assert result.manifest.made_by == a.device_id
    assert b.event_ids() == a.event_ids()
    assert b.engine.state(run_id, now=T0) == a.engine.state(run_id, now=T0)
    assert b.store.run(run_id) == a.store.run(run_id)
    known = {d.id: d for d in b.store.devices()}
    assert known[a.device_id].fingerprint == a.identity.fingerprint
    assert known[a.device_id].first_seen == "2026-11-23T09:00:00.000Z"  # b's clock: first use
    assert verify_store(b.store).ok  # the foreign events verify on the receiving laptop


def test_every_field_of_a_merged_event_is_kept(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    run_id = a.start()
    a.engine.note(run_id, "café — ✓", actor="Anna", occurred_at="2026-11-23T09:00:10Z")
    b.pull(a.export())
    assert list(b.store.all_events()) == list(a.store.all_events())
    assert _heads(b) == _heads(a)


def test_importing_twice_adds_nothing_and_says_so(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    a.start()
    bundle = a.export()
    b.pull(bundle)
    count = b.store.event_count()

    again = b.pull(bundle)

    assert again.nothing_new
    assert again.merged.new_events == 0 and not again.merged.new_devices
    assert [s.new for s in again.signers] == [False]
    assert b.store.event_count() == count


def test_the_order_of_imports_does_not_matter(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    run_id = a.start()
    b.pull(a.export())
    a.engine.check(run_id, "coordinator", actor="Anna")
    b.engine.note(run_id, "Bram is er", actor="Bram")
    from_a, from_b = a.export(), b.export()

    c, d, e = laptops["c"], laptops["d"], laptops["e"]
    c.pull(from_a)
    c.pull(from_b)
    d.pull(from_b)
    d.pull(from_a)
    e.pull(from_a)
    e.pull(from_a)
    e.pull(from_b)

    assert c.event_ids() == d.event_ids() == e.event_ids() == a.event_ids() | b.event_ids()
    assert _heads(c) == _heads(d) == _heads(e)
    assert c.engine.state(run_id, now=T0) == d.engine.state(run_id, now=T0)
    assert d.engine.state(run_id, now=T0) == e.engine.state(run_id, now=T0)


def test_only_the_chosen_runs_go_into_a_bundle_with_every_laptops_events(
        laptops: dict[str, Laptop]) -> None:
    a, b, c = laptops["a"], laptops["b"], laptops["c"]
    first, second = a.start("Eerste"), a.start("Tweede")
    b.pull(a.export())
    b.engine.note(first, "in de eerste", actor="Bram")
    b.engine.note(second, "in de tweede", actor="Bram")

    result = c.pull(b.export([first]))

    assert [r.id for r in c.store.runs()] == [first]
    assert {s.device.id for s in result.signers} == {a.device_id, b.device_id}
    assert {e.run_id for e in c.store.all_events()} == {first}
    assert {e.id for e in c.store.all_events()} == {e.id for e in b.store.events(first)}
    # b's events in this run skip the seq of its note in the other run: still intact
    assert verify_store(c.store).ok


def test_own_numbering_stays_gap_free_and_later_events_sort_after_the_merged_ones(
        tmp_path: Path) -> None:
    a = Laptop(tmp_path / "a", start=T0.replace(hour=10))
    b = Laptop(tmp_path / "b")  # its clock is an hour behind a's
    try:
        run_id = a.start()
        a.engine.note(run_id, "om tien uur", actor="Anna")
        b.pull(a.export())
        note = b.engine.note(run_id, "van b, met een achterlopende klok", actor="Bram")

        newest_of_a = max(e.hlc for e in a.store.all_events())
        assert note.hlc > newest_of_a
        assert b.engine.events(run_id)[-1].id == note.id
        assert b.engine.state(run_id).timeline[-1].event_id == note.id
        # b's events and its witness statement of the import share its one sequence
        own = sorted([e.seq for e in b.store.all_events() if e.device_id == b.device_id]
                     + [st.seq for st in read_statements(b.store.conn)])
        assert own == list(range(1, len(own) + 1))
        assert verify_store(b.store).ok
    finally:
        a.close()
        b.close()


def test_a_laptop_gets_its_own_lost_events_back_and_numbers_on(tmp_path: Path) -> None:
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    run_id = a.start()
    a.engine.note(run_id, "voor de crash", actor="Anna")
    b.pull(a.export())
    a.close()
    (tmp_path / "a" / "runs.sqlite3").unlink()  # the database is lost; the key is not
    a = Laptop(tmp_path / "a")
    try:
        a.pull(b.export())
        note = a.engine.note(run_id, "na het herstel", actor="Anna")
        assert note.seq == 4  # 1-2 came back; 3 is the witness statement of that import
        assert verify_store(a.store).ok
    finally:
        a.close()
        b.close()


def test_a_known_device_arriving_with_another_key_is_refused(
        laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    run_id = a.start()
    b.pull(a.export())
    other = DeviceIdentity.generate().public_key_hex
    b.store.conn.execute("UPDATE devices SET public_key = ? WHERE id = ?", (other, a.device_id))
    a.engine.note(run_id, "nieuw", actor="Anna")
    count = b.store.event_count()

    with pytest.raises(SyncError, match="another key than the one on file"):
        b.pull(a.export())
    assert b.store.event_count() == count


def test_a_run_with_another_runbook_text_here_is_refused(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    run_id = a.start()
    b.pull(a.export())
    b.store.conn.execute("UPDATE runs SET runbook_text = 'anders', runbook_sha256 = 'x' "
                         "WHERE id = ?", (run_id,))
    a.engine.note(run_id, "nieuw", actor="Anna")
    count = b.store.event_count()

    with pytest.raises(SyncError, match="another runbook text"):
        b.pull(a.export())
    assert b.store.event_count() == count


def test_a_laptop_restored_from_a_backup_that_went_on_recording_is_refused(
        tmp_path: Path) -> None:
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    run_id = a.start()
    a.close()
    shutil.copytree(tmp_path / "a", tmp_path / "a-backup")
    a, restored = Laptop(tmp_path / "a"), Laptop(tmp_path / "a-backup")
    try:
        assert restored.device_id == a.device_id
        a.engine.note(run_id, "op de laptop", actor="Anna")
        restored.engine.note(run_id, "op de teruggezette kopie", actor="Anna")
        b.pull(a.export())
        count = b.store.event_count()

        with pytest.raises(SyncError, match="two different histories"):
            b.pull(restored.export())
        assert b.store.event_count() == count
    finally:
        for laptop in (a, b, restored):
            laptop.close()


def test_files_that_are_not_bundles_are_refused(laptops: dict[str, Laptop],
                                                tmp_path: Path) -> None:
    b = laptops["b"]
    text = tmp_path / "notes.txt"
    text.write_text("geen bundel", encoding="utf-8")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE events (id TEXT)")
    conn.close()
    cases = [(text, "is not a sync bundle"), (tmp_path / "missing.sqlite", "not found"),
             (other, "not a sync bundle"), (b.db, "is a Runbook Assistant database"),
             (tmp_path, "is a folder")]
    for path, message in cases:
        with pytest.raises(SyncError, match=message):
            import_bundle(b.store, path)
    assert b.store.event_count() == 0


def test_a_bundle_of_a_newer_format_is_refused(laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    a.start()
    bundle = a.export()
    with sqlite3.connect(bundle) as conn:
        conn.execute(f"PRAGMA user_version = {BUNDLE_FORMAT + 1}")
    conn.close()
    with pytest.raises(SyncError, match="newer version"):
        b.pull(bundle)


def test_the_bundle_holds_a_signed_manifest_and_verifies(laptops: dict[str, Laptop]) -> None:
    from runbook_assistant.core.log.verify_sources import verify_file

    a = laptops["a"]
    run_id = a.start()
    bundle = read_bundle(a.export())
    m = bundle.manifest
    assert (m.made_by, m.fingerprint, m.made_at) == (a.device_id, a.identity.fingerprint,
                                                     "2026-11-23T09:00:30.000Z")
    assert m.event_count == 1 and m.app_version
    assert [(h.device_id, h.run_id, h.seq) for h in bundle.heads] == [(a.device_id, run_id, 1)]
    assert verify_file(a.folder / "bundle-1.sqlite").ok


def test_a_failed_write_leaves_the_old_bundle_and_no_partial_file(
        laptops: dict[str, Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    a = laptops["a"]
    a.start()
    target = a.export(name="sync.sqlite")
    before = target.read_bytes()
    a.engine.note(a.store.runs()[0].id, "nieuw", actor="Anna")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError, match="the disk is full"):
        a.export(name="sync.sqlite")
    assert target.read_bytes() == before
    assert sorted(p.name for p in a.folder.iterdir() if p.name.startswith(".")) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_bundle_is_readable_by_its_owner_only(laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    a.start()
    assert a.export().stat().st_mode & 0o777 == 0o600


def test_export_refuses_to_spread_a_database_that_does_not_verify(
        laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    run_id = a.start()
    a.engine.note(run_id, "origineel", actor="Anna")
    conn = a.store.conn
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET payload = '{\"text\":\"vervalst\"}' WHERE kind = 'note_added'")
    with pytest.raises(ExportError, match="changed"):
        a.export(name="sync.sqlite")
    assert not (a.folder / "sync.sqlite").exists()


def test_a_bundle_cannot_replace_the_database_itself(laptops: dict[str, Laptop]) -> None:
    from runbook_assistant.core.sync.exchange import export_bundle

    a = laptops["a"]
    a.start()
    with pytest.raises(ExportError, match="over the database"):
        export_bundle(a.store, a.db)
    assert a.store.event_count() == 1


def test_the_store_as_a_sync_target_answers_what_it_holds(laptops: dict[str, Laptop]) -> None:
    from runbook_assistant.core.sync.merge import StoreTarget

    a, b = laptops["a"], laptops["b"]
    a.start()
    b.pull(a.export())
    with StoreTarget(b.store) as target:
        assert target.known_event_ids([*a.event_ids(), "not-an-event"]) == a.event_ids()
        assert target.device_key(a.device_id) == a.identity.public_key_hex
        assert target.device_key("unknown-device") is None
