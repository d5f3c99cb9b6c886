"""A big merge into a laptop's database writes whole chains a part at a time, so a command typed
in the window meanwhile is written between two parts instead of waiting for the whole merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_laptops import Laptop

from runbook_assistant.core.log.verify import verify_store
from runbook_assistant.core.sync import merge
from runbook_assistant.core.sync.exchange import import_into
from runbook_assistant.core.sync.merge import StoreTarget


@pytest.fixture
def a_with_three_runs(tmp_path: Path) -> Laptop:
    a = Laptop(tmp_path / "a")
    for n in range(3):
        run_id = a.start(f"Storing {n}")
        for i in range(4):
            a.engine.note(run_id, f"{n}.{i}", actor="Anna")
    return a


def test_a_note_typed_during_a_big_merge_is_written_between_two_parts(
        a_with_three_runs: Laptop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = a_with_three_runs
    bundle = a.export()
    b = Laptop(tmp_path / "b")
    own = b.start("Eigen run")
    monkeypatch.setattr(merge, "MERGE_PART", 3)  # each of a's chains is a part of its own
    begun, typed = [], []

    def statement(sql: str) -> None:
        if sql.startswith("BEGIN IMMEDIATE"):
            begun.append(sql)
            if len(begun) == 2:  # between the first part and the second: the window writes
                b.engine.note(own, "Tijdens het samenvoegen", actor="Bram")
                typed.append(True)

    with StoreTarget(b.store) as target:
        target.conn.set_trace_callback(statement)
        result = import_into(target, bundle)
    assert typed and len(begun) == 3
    assert result.merged.new_events == len(a.event_ids())
    assert a.event_ids() <= b.event_ids()
    notes = [e.payload.get("text") for e in b.store.all_events() if e.run_id == own]
    assert "Tijdens het samenvoegen" in notes
    report = verify_store(b.store)
    assert report.ok, report.first_problem
    a.close()
    b.close()


def test_a_refused_bundle_writes_no_part(a_with_three_runs: Laptop, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    a = a_with_three_runs
    b = Laptop(tmp_path / "b")
    b.pull(a.export())
    before = b.event_ids()
    # a goes on in every run, but b's copy of a's chain in the last run (the last part) ends in
    # another event: refused before the parts with a's new events in the other runs are written.
    runs = sorted({e.run_id for e in a.store.all_events()})
    for run_id in runs:
        a.engine.note(run_id, "Later", actor="Anna")
    monkeypatch.setattr(merge, "MERGE_PART", 3)
    forked = replace_last_event(b, runs[-1])
    with pytest.raises(merge.SyncError, match="two different histories"), \
            StoreTarget(forked.store) as target:
        import_into(target, a.export())
    assert forked.event_ids() == before
    a.close()
    b.close()


def replace_last_event(laptop: Laptop, run_id: str) -> Laptop:
    """The laptop's copy of the chain in ``run_id`` ends in another event than a's (as if a had
    been restored from a backup and recorded on)."""
    import sqlite3

    conn = sqlite3.connect(laptop.db, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS events_no_update")
    conn.execute("UPDATE events SET hash = ? WHERE id = (SELECT id FROM events WHERE run_id = ? "
                 "ORDER BY seq DESC LIMIT 1)", ("f" * 64, run_id))
    conn.execute("UPDATE chain_heads SET hash = ? WHERE run_id = ?", ("f" * 64, run_id))
    conn.close()
    return laptop


def test_copying_the_events_from_the_bundle_file_writes_what_binding_the_rows_writes(
        a_with_three_runs: Laptop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An import copies the new events from the bundle file in SQL (``SyncBatch.image``); any
    other target binds the rows. Both write the same rows, in the same order, a part at a time
    and continuing a chain the laptop already holds the start of."""
    import sqlite3

    from runbook_assistant.core.sync.bundle import read_bundle
    from runbook_assistant.core.sync.merge import SyncBatch

    a = a_with_three_runs
    monkeypatch.setattr(merge, "MERGE_PART", 3)
    copied, bound = Laptop(tmp_path / "copied"), Laptop(tmp_path / "bound")

    def merged(laptop: Laptop, bundle_path: Path, image: bool) -> list[tuple[object, ...]]:
        bundle = read_bundle(bundle_path)
        assert bundle.image is not None
        with StoreTarget(laptop.store) as target:
            result = target.merge(SyncBatch(bundle.runs, bundle.devices, bundle.events,
                                            bundle.heads, image=bundle.image if image else None))
        assert result.new_events > 0
        conn = sqlite3.connect(laptop.db)
        rows = conn.execute("SELECT * FROM events ORDER BY pos").fetchall()
        conn.close()
        return rows

    first = a.export()
    assert merged(copied, first, True) == merged(bound, first, False)
    for run in sorted({e.run_id for e in a.store.all_events()}):
        a.engine.note(run, "Daarna", actor="Anna")  # each chain goes on
    second = a.export()
    assert merged(copied, second, True) == merged(bound, second, False)
    assert verify_store(copied.store).ok
    for laptop in (a, copied, bound):
        laptop.close()
