"""Time for the event log: wall clocks, the hybrid logical clock, event ids and wall-time text.

People see wall time; the log is ordered by the hybrid logical clock (HLC), which never goes
backwards even when a laptop's clock does, and which moves past every clock value it has seen from
other laptops, so that a merged log keeps cause before effect.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)
_MAX_COUNTER = 999_999  # six digits in the text form


class Clock(Protocol):
    """Anything that tells the time: the system clock, or a fake one in tests and exercises."""

    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class SystemClock:
    """The computer's own clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


def to_millis(moment: datetime) -> int:
    """Milliseconds since the Unix epoch, exactly (no float rounding); naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - _EPOCH) // _ONE_MS


def format_wall_time(moment: datetime) -> str:
    """``2026-11-23T05:53:23.123Z``: UTC, milliseconds, as stored and shown."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    u = moment.astimezone(UTC)
    return (f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}"
            f".{u.microsecond // 1000:03d}Z")


def parse_wall_time(text: str) -> datetime:
    """The inverse of ``format_wall_time`` (also accepts any ISO-8601 text with an offset)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def format_hlc(millis: int, counter: int) -> str:
    """The sortable text form of an HLC value."""
    return f"{millis:013d}-{counter:06d}"


def parse_hlc(text: str) -> tuple[int, int]:
    """``(millis, counter)`` of an HLC text; raises ValueError when it is not one."""
    millis, sep, counter = text.partition("-")
    if not sep or not millis.isdigit() or not counter.isdigit():
        raise ValueError(f"not a hybrid logical clock value: {text!r}")
    return int(millis), int(counter)


class HybridLogicalClock:
    """A hybrid logical clock for one device.

    ``tick()`` gives the value for a new local event: the wall clock in milliseconds when that is
    ahead, else the last value with its counter raised. ``observe()`` takes in a value seen
    elsewhere (another device's event, or the newest value already in the database) so that every
    later tick sorts after it.
    """

    def __init__(self, device_id: str, clock: Clock | None = None) -> None:
        self.device_id = device_id
        self.clock: Clock = clock or SystemClock()
        self._millis = 0
        self._counter = 0
        self._lock = threading.Lock()

    @property
    def last(self) -> str:
        """The newest value given out or observed."""
        return format_hlc(self._millis, self._counter)

    def tick(self, now: datetime | None = None) -> str:
        """The HLC value for a new local event: always greater than every earlier value.

        ``now`` is the wall time the caller already read for the event (read the clock once, so
        wall time and HLC agree); by default the clock is asked.
        """
        physical = to_millis(self.clock.now() if now is None else now)
        with self._lock:
            if physical > self._millis:
                self._millis, self._counter = physical, 0
            elif self._counter < _MAX_COUNTER:
                self._counter += 1
            else:  # a million events in one millisecond: borrow the next millisecond
                self._millis, self._counter = self._millis + 1, 0
            return format_hlc(self._millis, self._counter)

    def observe(self, hlc: str) -> None:
        """Take in a value seen elsewhere; later ticks sort after it. Bad text is ignored."""
        try:
            millis, counter = parse_hlc(hlc)
        except ValueError:
            return
        with self._lock:
            if (millis, counter) > (self._millis, self._counter):
                self._millis, self._counter = millis, min(counter, _MAX_COUNTER)


_id_lock = threading.Lock()
_id_last = (0, 0)  # (millis, 12-bit counter) of the last id made by this process


def new_event_id(millis: int | None = None) -> str:
    """A new UUIDv7 (RFC 9562): time-sortable, 36 characters with dashes, random otherwise.

    Ids made by one process sort in the order they were made (a counter in the 12 ``rand_a``
    bits, RFC 9562 method 1), even when ``millis`` repeats or goes back.
    """
    global _id_last
    now = time.time_ns() // 1_000_000 if millis is None else millis
    with _id_lock:
        last_ms, last_counter = _id_last
        if now > last_ms:
            ms, counter = now, int.from_bytes(os.urandom(2), "big") & 0x3FF  # room to count up
        elif last_counter < 0xFFF:
            ms, counter = last_ms, last_counter + 1
        else:
            ms, counter = last_ms + 1, 0
        _id_last = (ms, counter)
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = ((ms & ((1 << 48) - 1)) << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand_b
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
