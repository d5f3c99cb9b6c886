"""A device can sign anything. A signed row that is no event the app can read (a payload that is
not a JSON object, a kind it does not know) is named by verify, refused by an import and stops
reading with the damaged-file message, never with a traceback from deep in the timeline."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from sync_laptops import Laptop

from runbook_assistant.core.errors import ExportError, StoreError, SyncError
from runbook_assistant.core.export import export_run
from runbook_assistant.core.log.chain import chain_head_message, hash_of_fields
from runbook_assistant.core.log.clock import format_wall_time, new_event_id, parse_hlc
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.log.verify_sources import verify_path
from runbook_assistant.core.sync import exchange

ODD = [('"just text"', "its payload is not a JSON object"),
       ("[1,2]", "its payload is not a JSON object"),
       ("null", "its payload is not a JSON object"),
       ('{"text": "ok"}', "its kind 'no_such_kind' is not one this app knows")]


def append_signed(store: Store, run_id: str, payload_json: str, kind: str) -> None:
    """An event appended and signed with the laptop's own key the way the writer does, but with
    a payload or kind the writer would never write (another program, or a hostile device)."""
    conn, device = store.conn, store.device_id
    (seq,) = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM events WHERE device_id = ?",
                          (device,)).fetchone()
    (prev,) = conn.execute("SELECT hash FROM events WHERE device_id = ? AND run_id = ? "
                           "ORDER BY seq DESC LIMIT 1", (device, run_id)).fetchone()
    (newest,) = conn.execute("SELECT max(hlc) FROM events").fetchone()
    store.hlc.observe(newest)
    now = store.clock.now()
    hlc = store.hlc.tick(now)
    event_id, wall = new_event_id(parse_hlc(hlc)[0]), format_wall_time(now)
    digest = hash_of_fields(event_id, run_id, device, seq, hlc, wall, "Mallory", kind, None,
                            payload_json, None, prev)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO events (id, run_id, device_id, seq, hlc, wall_time, actor, kind, "
                 "step_id, payload, occurred_at, prev_hash, hash, sig) VALUES "
                 "(?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?)",
                 (event_id, run_id, device, seq, hlc, wall, "Mallory", kind, payload_json, prev,
                  digest, store.identity.sign(bytes.fromhex(digest))))
    conn.execute("UPDATE chain_heads SET seq = ?, hash = ?, sig = ? WHERE device_id = ? AND "
                 "run_id = ?", (seq, digest, store.identity.sign(
                     chain_head_message(device, run_id, seq, digest)), device, run_id))
    conn.execute("COMMIT")


@pytest.fixture
def odd_laptop(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Laptop, str]:
    payload, _ = request.param
    laptop = Laptop(tmp_path / "m")
    run_id = laptop.start()
    kind = "no_such_kind" if payload.startswith("{") else "note_added"
    append_signed(laptop.store, run_id, payload, kind)
    return laptop, run_id


@pytest.mark.parametrize(("odd_laptop", "why"), [(o, o[1]) for o in ODD], indirect=["odd_laptop"])
def test_verify_names_a_signed_row_that_is_no_event(odd_laptop: tuple[Laptop, str],
                                                     why: str) -> None:
    laptop, _ = odd_laptop
    laptop.close()
    report = verify_path(laptop.db)
    assert not report.ok
    first = report.first_problem
    assert first is not None and first.what == "not an event"
    assert why in first.describe()


@pytest.mark.parametrize(("odd_laptop", "why"), [(o, o[1]) for o in ODD], indirect=["odd_laptop"])
def test_an_import_refuses_a_bundle_holding_a_row_that_is_no_event(
        odd_laptop: tuple[Laptop, str], why: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    mallory, _ = odd_laptop
    with pytest.raises(ExportError, match="not an event"):  # the app will not even send it
        mallory.export()
    with monkeypatch.context() as patched:  # a program that writes bundles unchecked does
        patched.setattr(exchange, "check_bundle", lambda *args, **kwargs: None)
        bundle = mallory.export()
    other = Laptop(tmp_path / "other")
    before = other.event_ids()
    with pytest.raises(SyncError) as refused:
        other.pull(bundle)
    assert why in str(refused.value)
    assert other.event_ids() == before  # refused whole


@pytest.mark.parametrize(("odd_laptop", "why"), [(o, o[1]) for o in ODD], indirect=["odd_laptop"])
def test_reading_the_run_stops_with_the_damaged_file_message(
        odd_laptop: tuple[Laptop, str], why: str, tmp_path: Path) -> None:
    laptop, run_id = odd_laptop
    with pytest.raises(StoreError, match="damaged"):
        laptop.store.events(run_id)
    for fmt in ("csv", "html", "md", "json"):
        with pytest.raises(ExportError, match="damaged"):
            export_run(laptop.store, run_id, fmt, tmp_path / f"out.{fmt}", tz=UTC)
