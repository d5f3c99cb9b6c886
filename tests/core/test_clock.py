"""The hybrid logical clock, event ids and wall-time text."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta, timezone

from hand_clock import HandClock

from runbook_assistant.core.log.clock import (
    HybridLogicalClock,
    SystemClock,
    format_hlc,
    format_wall_time,
    new_event_id,
    parse_hlc,
    parse_wall_time,
)


def test_ticks_follow_the_wall_clock_when_it_moves_forward() -> None:
    clock = HandClock(datetime(2026, 1, 1, tzinfo=UTC))
    hlc = HybridLogicalClock("dev", clock)
    first = hlc.tick()
    clock.advance(seconds=1)
    second = hlc.tick()
    assert parse_hlc(second)[0] - parse_hlc(first)[0] == 1000
    assert parse_hlc(second)[1] == 0


def test_never_goes_backwards_when_the_wall_clock_jumps_back() -> None:
    clock = HandClock()
    hlc = HybridLogicalClock("dev", clock)
    values = [hlc.tick()]
    clock.advance(hours=-3)
    values += [hlc.tick() for _ in range(3)]
    clock.advance(hours=3, milliseconds=1)
    values.append(hlc.tick())
    assert values == sorted(values)
    assert len(set(values)) == len(values)


def test_observed_values_from_elsewhere_are_passed() -> None:
    clock = HandClock()
    hlc = HybridLogicalClock("dev", clock)
    ahead = format_hlc(parse_hlc(hlc.tick())[0] + 60_000, 7)
    hlc.observe(ahead)
    assert hlc.tick() > ahead
    hlc.observe("not a clock value")  # ignored, not fatal
    assert hlc.tick() > ahead


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    hlc = HybridLogicalClock("dev", HandClock())
    millis = parse_hlc(hlc.tick())[0]
    hlc.observe(format_hlc(millis, 999_999))
    assert hlc.tick() == format_hlc(millis + 1, 0)


def test_text_form_sorts_like_the_numbers() -> None:
    assert format_hlc(999, 5) < format_hlc(1000, 0) < format_hlc(1000, 1)
    assert re.fullmatch(r"\d{13}-\d{6}", format_hlc(1_790_000_000_000, 42))


def test_event_ids_are_uuid7_and_sort_in_the_order_made() -> None:
    ids = [new_event_id() for _ in range(2000)] + [new_event_id(millis=0)]
    assert ids[:-1] == sorted(ids[:-1])  # also within one millisecond
    assert len(set(ids)) == len(ids)
    assert ids[-1] > ids[-2]  # a clock set back does not reorder ids made by this process
    for value in ids[:5]:
        parsed = uuid.UUID(value)
        assert parsed.version == 7 and len(value) == 36


def test_event_id_carries_the_time_given() -> None:
    millis = 1_795_000_000_123
    assert uuid.UUID(new_event_id(millis + 10**6)).int >> 80 >= millis


def test_wall_time_text() -> None:
    moment = datetime(2026, 11, 23, 6, 53, 23, 123999, tzinfo=timezone(timedelta(hours=1)))
    assert format_wall_time(moment) == "2026-11-23T05:53:23.123Z"
    assert parse_wall_time("2026-11-23T05:53:23.123Z") == moment.replace(microsecond=123000)
    assert SystemClock().now().tzinfo is not None
