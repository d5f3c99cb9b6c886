"""The JSON and CSV exports read the events as stored rows (no Event objects): each file must be
byte for byte the one written from the events, whatever the stored values hold."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from eventlog_helpers import start_run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.export import export_run, load_run, render_run
from runbook_assistant.core.log.chain import EVENT_COLUMNS
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.log.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

texts = st.text(max_size=12)  # any character: quotes, backslashes, control characters, emoji
values = st.recursive(
    st.none() | st.booleans() | st.integers() | texts
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6)
events = st.lists(st.tuples(
    st.sampled_from([EventKind.NOTE_ADDED, EventKind.STEP_CHECKED, EventKind.STEP_UNCHECKED,
                     EventKind.STEP_SKIPPED, EventKind.SERVICE_STATUS_CHANGED]),
    texts, st.none() | texts | st.sampled_from(["step-one", ""]),
    st.dictionaries(texts | st.sampled_from(["text", "service", "status", "note", "reason",
                                             "verified_by", "outcome", "override"]),
                    values, max_size=3)), max_size=8)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "log.sqlite3", identity=DeviceIdentity.generate())
    start_run(opened)
    yield opened
    opened.close()


def both_ways(store: Store, folder: Path, fmt: str = "json") -> tuple[object, object]:
    """The export written from the stored rows, and the one written from the events (or what
    each raised: a payload that is no object fails a sentence the same way in both)."""
    def written(write) -> object:  # type: ignore[no-untyped-def]
        try:
            return write().read_bytes()
        except Exception as exc:
            return repr(exc)

    data = load_run(store, "run-1", tz=UTC, now=NOW, proof=fmt == "json")
    assert data.stored_rows is None and len(data.events) == data.event_count
    return (written(lambda: export_run(store, "run-1", fmt, folder / f"rows.{fmt}", tz=UTC,
                                       now=NOW)),
            written(lambda: render_run(data, fmt, folder / f"events.{fmt}")))


def test_the_csv_export_reads_the_stored_rows(store: Store, tmp_path: Path) -> None:
    data = load_run(store, "run-1", tz=UTC, now=NOW, proof=False, as_stored=True)
    assert data.stored_rows is not None and data._events is None
    chunks = list(data.timeline_chunks())
    assert data._events is None  # no Event was made
    assert [row.text for _, rows in chunks for row in rows] == [r.text for r in data.rows]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(added=events)
def test_the_json_export_from_stored_rows_is_the_one_from_the_events(
        store: Store, tmp_path: Path, added: list) -> None:
    with store.writing() as w:
        for kind, actor, step_id, payload in added:
            w.append("run-1", kind, actor=actor, step_id=step_id, payload=payload)
    for fmt in ("json", "csv"):
        from_rows, from_events = both_ways(store, tmp_path, fmt)
        assert isinstance(from_rows, bytes) and from_rows == from_events
        if fmt == "json":  # and it reads back as the events, every character as typed
            written = json.loads(from_rows.decode("utf-8"))["events"]
            assert written == [e.to_dict() for e in store.events("run-1")]


def insert_raw(store: Store, **values: object) -> None:
    """A row as another program could have stored it (not through the writer)."""
    good = dict(zip(EVENT_COLUMNS, store.event_rows("run-1")[0], strict=True))
    row = {**good, "id": f"raw-{values.get('seq', 99)}", "seq": 99, "hlc": "9", **values}
    store.conn.execute(f"INSERT INTO events ({', '.join(row)}) VALUES "
                       f"({', '.join('?' * len(row))})", tuple(row.values()))


@pytest.mark.parametrize("payload", [
    '{"b": 1, "a": 2}', '{"b":1,"a":2}', '{"a":1E2}', '{"a":"\\u00e9"}', '{"a":1,"a":2}',
    "{}"])
def test_a_payload_stored_in_another_form_is_written_as_the_events_write_it(
        store: Store, tmp_path: Path, payload: str) -> None:
    insert_raw(store, payload=payload)
    for fmt in ("json", "csv"):
        from_rows, from_events = both_ways(store, tmp_path, fmt)
        assert from_rows == from_events


@pytest.mark.parametrize("values", [
    {"actor": 'say "hi"\n'}, {"seq": 100, "wall_time": "tab\there"}, {"step_id": "back\\slash"},
    {"actor": 'say "hi"'}, {"actor": "bell\x07"}, {"actor": "del\x7f"},
    {"seq": "7"}, {"occurred_at": "2026-11-23T05:00:00.000Z"}, {"actor": "Zoë \u2028"}])
def test_odd_stored_values_are_written_as_the_events_write_them(
        store: Store, tmp_path: Path, values: dict) -> None:
    insert_raw(store, **values)
    for fmt in ("json", "csv"):
        from_rows, from_events = both_ways(store, tmp_path, fmt)
        # (a time that is no time stops a timeline, from the events as from the rows)
        assert from_rows == from_events and (fmt == "csv" or isinstance(from_rows, bytes))
        if fmt == "json":  # and it reads back as the events, every character as stored
            written = json.loads(from_rows.decode("utf-8"))["events"]  # type: ignore[union-attr]
            assert written == [e.to_dict() for e in store.events("run-1")]


@pytest.mark.parametrize("values", [{"kind": "no_such_kind"}, {"payload": "{not json"},
                                    {"payload": "1,2"}, {"payload": '"just text"'},
                                    {"payload": "[1,2]"}, {"payload": "null"}])
def test_a_row_that_is_no_event_stops_the_json_export_as_it_stops_reading_the_events(
        store: Store, tmp_path: Path, values: dict) -> None:
    insert_raw(store, **values)
    with pytest.raises(ExportError) as from_events:
        load_run(store, "run-1", tz=UTC, now=NOW)
    for fmt in ("json", "csv"):
        with pytest.raises(ExportError, match="damaged") as from_rows:
            export_run(store, "run-1", fmt, tmp_path / f"rows.{fmt}", tz=UTC, now=NOW)
        assert str(from_rows.value) == str(from_events.value)
        assert not (tmp_path / f"rows.{fmt}").exists()


def test_each_anchor_is_its_devices_head_with_the_time_and_count_of_its_events(
        tmp_path: Path) -> None:
    from eventlog_helpers import open_store, two_laptops_two_runs

    store_a = open_store(tmp_path / "log.sqlite3", DeviceIdentity.generate())
    store_b = open_store(tmp_path / "log.sqlite3", DeviceIdentity.generate())
    two_laptops_two_runs(store_a, store_b)
    data = load_run(store_a, "run-1", tz=UTC, now=NOW)
    # What an anchor says, worked out by hand from every event.
    expected = {}
    for head in data.chain_heads:
        mine = [e for e in data.events if e.device_id == head.device_id]
        last = [e for e in mine if e.seq == head.seq][-1]
        expected[head.device_id] = (len(mine), head.seq, data.date_time(parse_time(last.wall_time)))
    assert len(expected) == 2
    assert {a.device_id: (a.events, a.seq, a.head_time) for a in data.anchors} == expected
    store_a.close()
    store_b.close()
