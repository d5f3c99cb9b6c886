"""Times, durations and offsets as people read them, in English and Dutch: one place for the
whole app (CLI, exports, the desktop app).

Three kinds of stretch of time, each with its own function:

- ``duration_text``: a planned duration, as a runbook's timer says it: ``5 min``, ``1 h 30 min``
  (Dutch ``1 u 30 min``);
- ``span_text``: a measured stretch, a countdown or a time to restore: ``45 s``, ``12 min``,
  ``1 h 05 min``, ``2 d 3 h 05 min``;
- ``format_offset`` / ``exercise_time``: a moment in an exercise: ``01:05:30``, ``T+01:05``;
  ``exercise_moment`` with the real clock time beside it: ``T+01:05 (14:32)``, the one form
  of an exercise's moments in the app's timeline and every export.

Moments are shown in local time (or the time zone an export was asked for): ``clock`` (``09:05``),
``date_text`` (``2026-11-23``), ``date_time`` (``2026-11-23 09:05``) and ``long_date``
(``maandag 23 november 2026``). Plain code rather than Babel: two languages and a handful of
patterns do not need CLDR's data in every install and in the desktop bundle.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

_HOUR = {"en": "h", "nl": "u"}  # Dutch writes "uur" as "u"
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}
NONE = "–"  # what a missing duration or moment reads as in tables


def _hour(lang: str) -> str:
    return _HOUR.get(lang, "h")


# --- stretches of time -------------------------------------------------------------------------
def duration_text(seconds: float, lang: str) -> str:
    """A planned duration at a glance: ``45 min``, ``2 h``, ``1 h 30 min`` (Dutch ``u``);
    under a minute ``45 s``."""
    minutes = round(seconds / 60)
    hours, mins = divmod(minutes, 60)
    hour = _hour(lang)
    if hours and mins:
        return f"{hours} {hour} {mins} min"
    if hours:
        return f"{hours} {hour}"
    if minutes == 0 and seconds:
        return f"{round(seconds)} s"
    return f"{mins} min"


def span_text(seconds: float | timedelta | None, lang: str) -> str:
    """A measured stretch as a tired person reads it: ``45 s``, ``12 min``, ``1 h 05 min``,
    ``2 d 3 h 05 min`` (Dutch ``u``; ``–`` for none). The sign is left to the sentence around it.
    """
    if seconds is None:
        return NONE
    if isinstance(seconds, timedelta):
        seconds = seconds.total_seconds()
    total = int(abs(seconds))
    if total < 60:
        return f"{total} s"
    minutes = total // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours >= 24:
        days, hours = divmod(hours, 24)
        return f"{days} d {hours} {_hour(lang)} {rest:02d} min"
    return f"{hours} {_hour(lang)} {rest:02d} min"


def format_offset(seconds: float, *, with_seconds: bool = True) -> str:
    """Exercise seconds as ``HH:MM:SS`` (or ``HH:MM``), as written after ``T+``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}" if with_seconds else f"{hours:02d}:{minutes:02d}"


def exercise_time(seconds: float | None) -> str:
    """A moment of an exercise as ``T+01:05`` (``–`` for none)."""
    return NONE if seconds is None else "T+" + format_offset(seconds, with_seconds=False)


def exercise_moment(seconds: float | None, wall: str) -> str:
    """A moment of an exercise as the app and every export show it: the exercise time, then the
    clock time it really was, ``T+00:12 (14:32)`` (the exercise time alone without a clock)."""
    at = exercise_time(seconds)
    return f"{at} ({wall})" if wall and seconds is not None else at


# --- moments -----------------------------------------------------------------------------------
def local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """``moment`` in ``tz``, or in the computer's local time zone."""
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def clock(moment: datetime | None, *, seconds: bool = False, tz: tzinfo | None = None) -> str:
    """``09:05`` (or ``09:05:30``) in local time; ``""`` for none."""
    if moment is None:
        return ""
    at = local(moment, tz)
    return (f"{at.hour:02d}:{at.minute:02d}:{at.second:02d}" if seconds
            else f"{at.hour:02d}:{at.minute:02d}")


def day_clock(moment: datetime | None, now: datetime | None = None) -> str:
    """``09:05`` today, ``22-11 09:05`` on another day (local time); ``""`` for none."""
    if moment is None:
        return ""
    at = local(moment)
    if at.date() == local(now or datetime.now().astimezone()).date():
        return clock(at)
    return f"{at.day:02d}-{at.month:02d} {clock(at)}"


def date_text(moment: datetime | None, tz: tzinfo | None = None) -> str:
    """``2026-11-23`` in local time; ``–`` for none."""
    if moment is None:
        return NONE
    at = local(moment, tz)
    return f"{at.year:04d}-{at.month:02d}-{at.day:02d}"


def date_time(moment: datetime | None, *, seconds: bool = False,
              tz: tzinfo | None = None) -> str:
    """``2026-11-23 09:05`` (or with seconds) in local time; ``""`` for none."""
    if moment is None:
        return ""
    return f"{date_text(moment, tz)} {clock(moment, seconds=seconds, tz=tz)}"


def long_date(moment: datetime, lang: str, tz: tzinfo | None = None) -> str:
    """The day as a heading: ``maandag 23 november 2026``, ``Monday 23 November 2026``."""
    at = local(moment, tz)
    lang = lang if lang in _WEEKDAYS else "en"
    return f"{_WEEKDAYS[lang][at.weekday()]} {at.day} {_MONTHS[lang][at.month - 1]} {at.year}"
