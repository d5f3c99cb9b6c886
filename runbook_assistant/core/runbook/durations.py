"""Durations as runbooks write them (``90s``, ``5m``, ``1h30m``, ``2d``), kept as whole seconds."""

from __future__ import annotations

import re

_DURATION_RE = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
_UNIT_SECONDS = (86_400, 3_600, 60, 1)

# Timers further away than a year are typing mistakes, and would overflow date arithmetic later.
MAX_DURATION = 366 * 86_400


def parse_duration(text: str) -> int:
    """``"1h30m"`` → ``5400``. Units d, h, m, s in that order, each at most once.

    Raises ``ValueError`` (with a message for people) on anything else, or on more than a year.
    """
    cleaned = text.strip()
    match = _DURATION_RE.fullmatch(cleaned)
    if not cleaned or match is None:
        raise ValueError(f"malformed duration '{text}' (use e.g. 5m, 1h30m)")
    seconds = sum(int(part) * unit for part, unit in zip(match.groups(), _UNIT_SECONDS, strict=True)
                  if part is not None)
    if seconds > MAX_DURATION:
        raise ValueError(f"duration '{text}' is longer than a year (use e.g. 5m, 1h30m, 3d)")
    return seconds


def format_duration(seconds: int) -> str:
    """``5400`` → ``"1h30m"``: the shortest spelling that ``parse_duration`` reads back."""
    if seconds <= 0:
        return "0m" if seconds == 0 else f"-{format_duration(-seconds)}"
    parts = []
    for unit, suffix in zip(_UNIT_SECONDS, "dhms", strict=True):
        count, seconds = divmod(seconds, unit)
        if count:
            parts.append(f"{count}{suffix}")
    return "".join(parts)
