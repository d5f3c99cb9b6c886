"""Times and durations as people read them, in English and Dutch (core/formatting.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from runbook_assistant.core.formatting import (
    clock,
    date_text,
    date_time,
    duration_text,
    exercise_time,
    format_offset,
    long_date,
    span_text,
)

CET = timezone(timedelta(hours=1))


@pytest.mark.parametrize(("seconds", "lang", "text"), [
    (None, "en", "–"),
    (0, "en", "0 s"),
    (45, "nl", "45 s"),
    (45 * 60, "nl", "45 min"),
    (125 * 60, "en", "2 h 05 min"),
    (125 * 60, "nl", "2 u 05 min"),
    ((26 * 60 + 3) * 60, "en", "1 d 2 h 03 min"),
    (-90, "en", "1 min"),  # the sentence around it says "overdue by"
])
def test_a_measured_span(seconds: float | None, lang: str, text: str) -> None:
    assert span_text(seconds, lang) == text


@pytest.mark.parametrize(("seconds", "lang", "text"), [
    (300, "en", "5 min"), (5400, "nl", "1 u 30 min"), (7200, "en", "2 h"), (30, "nl", "30 s"),
    (0, "en", "0 min"),
])
def test_a_planned_duration(seconds: int, lang: str, text: str) -> None:
    assert duration_text(seconds, lang) == text


def test_exercise_time_and_offsets() -> None:
    assert format_offset(3930) == "01:05:30"
    assert format_offset(3930, with_seconds=False) == "01:05"
    assert exercise_time(3930) == "T+01:05"
    assert exercise_time(None) == "–"
    assert format_offset(-5) == "00:00:00"


def test_moments_in_a_chosen_time_zone() -> None:
    moment = datetime(2026, 11, 23, 8, 5, 30, tzinfo=UTC)
    assert clock(moment, tz=CET) == "09:05"
    assert clock(moment, seconds=True, tz=CET) == "09:05:30"
    assert date_text(moment, tz=CET) == "2026-11-23"
    assert date_time(moment, tz=CET) == "2026-11-23 09:05"
    assert long_date(moment, "nl", tz=CET) == "maandag 23 november 2026"
    assert long_date(moment, "en", tz=CET) == "Monday 23 November 2026"
    assert long_date(moment, "fr", tz=CET) == "Monday 23 November 2026"
    assert clock(None) == "" and date_time(None) == "" and date_text(None) == "–"
