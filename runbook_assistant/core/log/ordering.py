"""The one order of a run's events, and reading their times.

Events are ordered by (hlc, device_id, seq) everywhere: the fold, the timeline and every export,
so that two laptops holding the same events show the same run whatever order they arrived in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from itertools import islice
from operator import attrgetter, itemgetter, le, lt
from typing import Any

from runbook_assistant.core.log.events import Event


def fold_key(event: Event) -> tuple[str, str, int]:
    """The sort key of an event: hybrid logical clock, then device, then the device's sequence."""
    return (event.hlc, event.device_id, event.seq)


def ordered(events: Iterable[Event]) -> list[Event]:
    """The events without duplicates (same id), in fold order."""
    given = events if isinstance(events, list) else list(events)
    if _in_fold_order(given):
        return list(given)
    # By clock alone first: comparing strings is much quicker than comparing key tuples, and it
    # is the whole order unless two events share a clock value (then sort by the full key).
    result = sorted(given, key=_HLC)
    if len({e.id for e in result}) != len(result):
        # A duplicate id: the last one given of each, in the place of the first (as a dict
        # keeps them). Without duplicates that is the sort above, made without the dict.
        result = sorted({e.id: e for e in given}.values(), key=_HLC)
    clocks = [e.hlc for e in result]
    if not all(map(lt, clocks, islice(clocks, 1, None))):
        result.sort(key=_FOLD_KEY)
    return result


_HLC = attrgetter("hlc")
_FOLD_KEY = attrgetter("hlc", "device_id", "seq")  # fold_key, in C
_ID = attrgetter("id")


def _in_fold_order(events: list[Any], hlc: Callable[[Any], Any] = _HLC,
                   key: Callable[[Any], Any] = _FOLD_KEY,
                   ident: Callable[[Any], Any] = _ID) -> bool:
    """True when the events are already unique and in strictly increasing fold order (as the store
    reads them): then there is nothing to sort, which is most of the time ``ordered`` took.
    (``hlc``, ``key``, ``ident``: how to get an event's clock, fold key and id.)"""
    if len(events) < 2:
        return True
    try:
        # A clock going backwards near the start settles it before every clock is gathered
        # (events that arrived in any order: most of the time, one of the first few).
        keys: list[object] = list(map(hlc, events[:32]))
        if not all(map(le, keys, islice(keys, 1, None))):
            return False
        keys = list(map(hlc, events))
        # The clocks alone settle it when no two events share a clock value (the usual case).
        if not all(map(lt, keys, islice(keys, 1, None))):
            if not all(map(le, keys, islice(keys, 1, None))):
                return False  # a clock goes backwards: out of order
            keys = list(map(key, events))
            if not all(map(lt, keys, islice(keys, 1, None))):
                return False
    except TypeError:  # a malformed event: let the sort have its say
        return False
    return len(set(map(ident, events))) == len(events)


def stored_in_fold_order(rows: list[tuple[Any, ...]]) -> bool:
    """True when ``ordered`` would keep the events of these stored rows (``chain.EVENT_COLUMNS``:
    id 0, device_id 2, seq 3, hlc 4) just as they are: unique and in fold order."""
    return _in_fold_order(rows, itemgetter(4), itemgetter(4, 2, 3), itemgetter(0))


def parse_time(text: str) -> datetime:
    """An ISO-8601 time as an aware datetime in UTC (a time without offset is taken as UTC)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is UTC:  # the stored form ("...Z"): nothing to convert
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
