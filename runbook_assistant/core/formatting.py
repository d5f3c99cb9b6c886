"""Times, durations and offsets as people read them, in one place for every part of the app."""

from __future__ import annotations


def format_offset(seconds: float, *, with_seconds: bool = True) -> str:
    """Exercise seconds as ``HH:MM:SS`` (or ``HH:MM``), as written after ``T+``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}" if with_seconds else f"{hours:02d}:{minutes:02d}"
