"""Waiting for another process (a hub, PostgreSQL, a watchdog) to reach a state.

No Qt signal announces these, so the condition is polled; the bound is generous for a loaded
machine and is not a figure of anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 60,
               every: float = 0.05) -> None:
    """Return once ``condition()`` holds; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never: {what}")
        time.sleep(every)
