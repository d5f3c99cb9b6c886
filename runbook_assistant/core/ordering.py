"""The one order of a run's events, and reading their times.

Events are ordered by (hlc, device_id, seq) everywhere: the fold, the timeline and every export,
so that two laptops holding the same events show the same run whatever order they arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from runbook_assistant.core.events import Event


def fold_key(event: Event) -> tuple[str, str, int]:
    """The sort key of an event: hybrid logical clock, then device, then the device's sequence."""
    return (event.hlc, event.device_id, event.seq)


def ordered(events: Iterable[Event]) -> list[Event]:
    """The events without duplicates (same id), in fold order."""
    unique = {e.id: e for e in events}
    return sorted(unique.values(), key=fold_key)


def parse_time(text: str) -> datetime:
    """An ISO-8601 time as an aware datetime in UTC (a time without offset is taken as UTC)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
