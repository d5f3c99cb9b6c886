"""Faults the hub and the laptops survive, with a real PostgreSQL and the real service."""

from __future__ import annotations

import shutil
import sqlite3
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from hub_support import HubProcess, Laptop, count_rows, event_ids_in
from pg_cluster import Cluster
from waiting import wait_until

from runbook_assistant.core.errors import SyncError
from runbook_assistant.core.log.chain import EVENT_COLUMNS
from runbook_assistant.core.sync.bundle import Bundle, manifest_message, write_bundle
from runbook_assistant.core.sync.exchange import collect_bundle
from runbook_assistant.core.sync.hub_client import HubRefused, HubUnreachable, sync_database
from runbook_assistant.core.sync.hub_protocol import API, BUNDLE_TYPE, signed_headers


def test_an_unreachable_hub_leaves_the_laptop_recording_and_the_next_sync_catches_up(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    for laptop in (a, b):
        laptop.enrol(hub.database, "utrecht")
    run_id = a.start()
    a.client(hub.url).push()
    hub.stop()

    a.note(run_id, "Tijdens de storing", count=3)  # recording goes on
    with pytest.raises(HubUnreachable, match="cannot be reached"):
        a.client(hub.url).push()
    hub.start()
    assert a.client(hub.url).push().new_events == 3
    b.client(hub.url).pull()
    assert b.event_ids() == a.event_ids()


def test_a_hub_killed_mid_push_merges_nothing_and_the_retry_completes(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    a.enrol(hub.database, "utrecht")
    run_id = a.start()
    a.note(run_id, "Melding", count=50)
    # Hold the hub inside its merge transaction: a lock on events lets it write the run and
    # the device, then wait before the events; kill it there.
    with psycopg.connect(hub.database) as blocker:
        blocker.execute("LOCK TABLE events IN SHARE MODE")
        with ThreadPoolExecutor(1) as pool:
            pushing = pool.submit(sync_database, a.db, hub.url, a.identity, timeout=60)

            def hub_waits() -> bool:
                with psycopg.connect(hub.database, autocommit=True) as watcher:
                    row = watcher.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                        "'runbook-assistant-hub' AND wait_event_type = 'Lock'").fetchone()
                    return bool(row and row[0])

            wait_until(hub_waits, "the hub waits inside its merge transaction")
            hub.kill()
            with pytest.raises(HubUnreachable):
                pushing.result()
        blocker.rollback()

    def hub_gone() -> bool:
        with psycopg.connect(hub.database, autocommit=True) as watcher:
            row = watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE "
                                  "application_name = 'runbook-assistant-hub'").fetchone()
            return bool(row and row[0] == 0)

    wait_until(hub_gone, "PostgreSQL ended the killed hub's sessions")
    for table in ("events", "runs", "devices", "chain_heads"):
        assert count_rows(hub.database, table) == 0, table  # nothing half-merged

    hub.start()
    assert a.client(hub.url).push().new_events == len(a.event_ids())
    assert count_rows(hub.database, "events") == len(a.event_ids())


def test_a_restarted_postgresql_costs_no_failed_sync(hub: HubProcess, pg: Cluster,
                                                      laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    a.enrol(hub.database, "utrecht")
    run_id = a.start()
    a.client(hub.url).push()
    pg.restart()
    a.note(run_id, "Na de herstart")
    assert a.client(hub.url).push().new_events == 1
    assert a.client(hub.url).pull().cursor == len(a.event_ids())


def test_a_laptop_restored_from_an_old_backup_is_refused_and_the_others_go_on(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    for laptop in (a, b):
        laptop.enrol(hub.database, "utrecht")
    run_id = a.start()
    a.close()
    shutil.copytree(a.folder, a.folder.with_name("a-backup"))
    a = laptops["a"] = Laptop(a.folder)
    restored = laptops["a-backup"]
    assert restored.device_id == a.device_id
    a.note(run_id, "Op de laptop")
    a.client(hub.url).push()
    restored.note(run_id, "Op de teruggezette kopie")

    with pytest.raises(HubRefused, match="two different histories"):
        restored.client(hub.url).push()
    b_run = b.start("Storing B")
    assert b.client(hub.url).push().new_events > 0  # the others are not blocked
    b.client(hub.url).pull()
    a.client(hub.url).pull()
    assert a.event_ids() == b.event_ids()
    assert b_run in {r.run_id for r in a.engine.runs()}


def _signed_request(laptop: Laptop, url: str, body: bytes, *, at: int | None = None
                    ) -> urllib.request.Request:
    headers = signed_headers(laptop.identity, "POST", f"{API}/push", body,
                             int(time.time()) if at is None else at)
    headers["Content-Type"] = BUNDLE_TYPE
    return urllib.request.Request(f"{url}{API}/push", data=body, headers=headers, method="POST")


def _status(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _bundle_bytes(laptop: Laptop, bundle: Bundle) -> bytes:
    path = laptop.folder / "raw-push.sqlite"
    write_bundle(path, bundle)
    return path.read_bytes()


def test_a_replayed_or_stale_request_is_refused(hub: HubProcess,
                                                laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    a.enrol(hub.database, "utrecht")
    a.start()
    body = _bundle_bytes(a, collect_bundle(a.store))
    request = _signed_request(a, hub.url, body)
    assert _status(request)[0] == 200
    status, answer = _status(request)  # the very same request again
    assert status == 401 and b"replayed" in answer
    status, answer = _status(_signed_request(a, hub.url, body, at=int(time.time()) - 3600))
    assert status == 401 and b"stale" in answer
    forged = _signed_request(a, hub.url, body)
    forged.data = body + b"\0"  # the body changed after signing
    assert _status(forged)[0] == 401


def test_a_tampered_database_pushed_by_its_own_enrolled_laptop_is_refused(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    a.enrol(hub.database, "utrecht")
    run_id = a.start()
    a.note(run_id, "origineel")
    honest = collect_bundle(a.store)
    conn = sqlite3.connect(a.db, isolation_level=None)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET payload = '{\"text\":\"vervalst\"}' WHERE kind = 'note_added'")
    conn.close()

    with pytest.raises(SyncError, match=r"cannot push: .*changed"):
        a.client(hub.url).push()  # the laptop itself will not spread it
    # A modified program would send it anyway: the hub checks as `sync import` does.
    rows = [row if row[7] != "note_added" else
            (*row[:9], '{"text":"vervalst"}', *row[10:]) for row in honest.events]
    assert len(rows[0]) == len(EVENT_COLUMNS)
    message = manifest_message(honest.manifest, [r.id for r in honest.runs], honest.heads)
    tampered = replace(honest, events=rows,
                       manifest=replace(honest.manifest, sig=a.identity.sign(message)))
    status, answer = _status(_signed_request(a, hub.url, _bundle_bytes(a, tampered)))
    assert status == 422 and b"tampered with" in answer and b"changed" in answer
    assert count_rows(hub.database, "events") == 0


def test_fifty_laptops_pushing_at_once_all_land(hub: HubProcess, tmp_path: Path) -> None:
    laptops = []
    for i in range(50):
        laptop = Laptop(tmp_path / f"laptop{i}")
        laptop.enrol(hub.database, "utrecht" if i % 2 else "zeist")
        laptop.note(laptop.start(f"Storing {i}"), "Melding", count=3)
        laptop.close()  # each push below opens the database in its own thread
        laptops.append(laptop)
    per_laptop = len(event_ids_in(laptops[0].folder))
    with ThreadPoolExecutor(50) as pool:
        outcomes = list(pool.map(lambda lp: sync_database(lp.db, hub.url, lp.identity),
                                 laptops))
    assert all(o.pushed.new_events == per_laptop for o in outcomes)
    assert count_rows(hub.database, "events") == 50 * per_laptop
    sync_database(laptops[0].db, hub.url, laptops[0].identity)
    assert len(event_ids_in(laptops[0].folder)) == 25 * per_laptop


def test_a_laptop_database_that_lost_what_its_cursor_says_gets_the_runs_whole(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    for laptop in (a, b):
        laptop.enrol(hub.database, "utrecht")
    run_id = a.start()
    a.client(hub.url).push()
    b.client(hub.url).pull()
    b.close()
    b.db.unlink()  # the database starts over; the cursor beside it remains
    for extra in b.db.parent.glob(b.db.name + "-*"):
        extra.unlink()
    b = laptops["b"] = Laptop(b.folder)
    a.note(run_id, "Later")
    a.client(hub.url).push()  # the hub sends b only this tail, which b cannot complete ...
    pulled = b.client(hub.url).pull()  # ... so it asks again for the run whole
    assert pulled.imported is not None
    assert b.event_ids() == a.event_ids()
