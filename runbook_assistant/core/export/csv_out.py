"""The timeline as CSV: RFC 4180 (CRLF line ends; a field with the separator, a quote or a line
break in double quotes, quotes doubled), UTF-8 with a byte order mark.

Two dialects: ``excel`` (comma between fields) and ``excel-nl`` (semicolon between fields, which
Excel with Dutch regional settings opens into columns; there a decimal comma is expected too, but
the timeline holds no fractional numbers: times are ISO text, sequence numbers whole). The default
follows the export's language.

The mark makes Excel read the file as UTF-8 (so "coördinator" is not garbled); the first column
says INCIDENT or EXERCISE/OEFENING on every row, so a row copied elsewhere keeps saying what it is.
Every cell goes through ``inert.csv_cell``: a name or note starting with ``=`` stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.inert import csv_cell
from runbook_assistant.core.export.run_data import RunData
from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.clock import format_wall_time

BOM = "\ufeff"
_SECONDS = "%04d-%02d-%02d %02d:%02d:%02d"
_CHUNK = 1000
DIALECTS = {"excel": ",", "excel-nl": ";"}  # dialect -> field separator


def check_dialect(name: str) -> str:
    """A known dialect name, or ``ExportError``."""
    from runbook_assistant.core.errors import ExportError

    if name not in DIALECTS:
        raise ExportError.of("unknown_csv_dialect", dialect=name)
    return name


def dialect_of(data: RunData) -> str:
    """The dialect asked for, else the language's: Dutch Excel expects semicolons."""
    return data.csv_dialect or ("excel-nl" if data.lang == "nl" else "excel")



def render_csv(data: RunData, progress: Progress) -> Iterator[str]:
    """The CSV file, in chunks (the first one starts with the byte order mark)."""
    w = data.labels
    sep = DIALECTS[dialect_of(data)]
    cells = _Cells(sep)
    header = [w["mode"], w["time"], w["time_utc"], w["recorded"], w["late_col"], w["who"],
              w["kind"], w["step_id"], w["step"], w["what"], w["device"], w["seq"],
              w["event_id"], w["exercise_time_col"]]
    yield BOM + sep.join(cells[label] for label in header) + "\r\n"
    mode = cells[w["exercise"] if data.exercise else w["incident"]]
    yes, no = cells[w["yes"]], cells[w["no"]]
    tz = data.tz  # ``data.local``, inlined below
    # ``data.exercise_at``: always "" for an incident
    exercise_at = data.exercise_at if data.exercise else None
    # Names, step ids, titles and many sentences repeat: make each cell once (``cells``).
    # The rows come a chunk at a time with their events (the same fold order): the times are
    # taken exactly as stored, and a long run never holds all its rows at once.
    for stored, rows in data.timeline_chunks(_CHUNK, times=True):
        paired = zip(stored if len(rows) == len(stored) else [None] * len(rows), rows,
                     strict=True)
        with gc_paused():  # many short-lived objects, no cycles: see gc_pause.py
            lines = []
            append = lines.append
            for times, row in paired:
                # the event's times as stored: (occurred_at, wall_time, id)
                if times is not None and times[2] != row.event_id:
                    times = None
                time = row.time
                when = (None if time is None else
                        time.astimezone(tz) if tz is not None else time.astimezone())
                append(sep.join((
                    mode,
                    # YYYY-MM-DD HH:MM:SS (isoformat's first 19 characters, which take longer
                    # to make: isoformat writes the offset too)
                    _SECONDS % (when.year, when.month, when.day, when.hour, when.minute,
                                when.second) if when else "",
                    # the event's effective_time and wall_time, as stored
                    (times[0] or times[1]) if times else format_wall_time(time),
                    times[1] if times else format_wall_time(row.wall_time),
                    yes if row.late else no,
                    cells[row.actor], row.kind, cells[row.step_id or ""],
                    cells[row.step_title], cells[row.text],
                    row.device_id, str(row.seq), row.event_id,
                    exercise_at(time) if exercise_at is not None else "")))
            lines.append("")
            chunk = "\r\n".join(lines)
        progress.advance(len(rows))
        yield chunk


class _Cells(dict[str, str]):
    """Cells made once per distinct value, for one separator."""

    def __init__(self, sep: str) -> None:
        super().__init__()
        self.needs_quotes = re.compile(f'["{re.escape(sep)}\r\n]').search

    def __missing__(self, value: str) -> str:
        cell = self[value] = _cell(value, self.needs_quotes)
        return cell


def _cell(value: str, needs_quotes: Callable[[str], object]) -> str:
    """One field: made inert (``inert.csv_cell``), then quoted as RFC 4180 asks when needed."""
    text = csv_cell(value)
    if needs_quotes(text):
        return '"' + text.replace('"', '""') + '"'
    return text
