"""A time source the test moves by hand, so that no test ever sleeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class HandClock:
    """A clock that moves only when told to (the engine and the views both read it)."""

    def __init__(self, start: datetime = T0) -> None:
        self.start = start
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, minutes: float = 0, **units: float) -> None:
        """Move the clock ``minutes`` on (back, when negative), plus any other ``timedelta``
        units given by name: ``advance(seconds=30)``, ``advance(hours=-3, milliseconds=1)``."""
        self.moment += timedelta(minutes=minutes, **units)

    def at(self, minutes: float) -> None:
        """Set the clock ``minutes`` after where it started."""
        self.moment = self.start + timedelta(minutes=minutes)
