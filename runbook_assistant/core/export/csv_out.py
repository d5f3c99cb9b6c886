"""The timeline as CSV: RFC 4180 (CRLF line ends; a field with a comma, quote or line break in
double quotes, quotes doubled), UTF-8 with a byte order mark.

The mark makes Excel read the file as UTF-8 (so "coördinator" is not garbled); the first column
says INCIDENT or EXERCISE/OEFENING on every row, so a row copied elsewhere keeps saying what it is.
Every cell goes through ``inert.csv_cell``: a name or note starting with ``=`` stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from runbook_assistant.core.clock import format_wall_time
from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.inert import csv_cell
from runbook_assistant.core.export.run_data import RunData

BOM = "\ufeff"
_CHUNK = 1000
_NEEDS_QUOTES = re.compile('[",\r\n]').search


def render_csv(data: RunData, progress: Progress) -> Iterator[str]:
    """The CSV file, in chunks (the first one starts with the byte order mark)."""
    w = data.labels
    header = [w["mode"], w["time"], w["time_utc"], w["recorded"], w["late_col"], w["who"],
              w["kind"], w["step_id"], w["step"], w["what"], w["device"], w["seq"],
              w["event_id"]]
    yield BOM + ",".join(_cell(label) for label in header) + "\r\n"
    mode = _cell(w["exercise"] if data.exercise else w["incident"])
    yes, no = _cell(w["yes"]), _cell(w["no"])
    local = data.local
    rows, events = data.rows, data.events
    # The rows are the events in the same (fold) order: take the times exactly as stored.
    same = len(rows) == len(events)
    seen: dict[str, str] = {}  # names, step ids and titles repeat: make each cell once

    def repeated(value: str) -> str:
        cell = seen.get(value)
        if cell is None:
            cell = seen[value] = _cell(value)
        return cell

    for start in range(0, len(rows), _CHUNK):
        lines = []
        for n in range(start, min(start + _CHUNK, len(rows))):
            row = rows[n]
            event = events[n] if same and events[n].id == row.event_id else None
            when = local(row.time)
            lines.append(",".join((
                mode,
                (f"{when.year:04d}-{when.month:02d}-{when.day:02d} "
                 f"{when.hour:02d}:{when.minute:02d}:{when.second:02d}") if when else "",
                event.effective_time if event else format_wall_time(row.time),
                event.wall_time if event else format_wall_time(row.wall_time),
                yes if row.late else no, repeated(row.actor), row.kind,
                repeated(row.step_id or ""), repeated(row.step_title), _cell(row.text),
                row.device_id, str(row.seq), row.event_id)))
        lines.append("")
        progress.advance(_CHUNK if start + _CHUNK <= len(rows) else len(rows) - start)
        yield "\r\n".join(lines)


def _cell(value: str) -> str:
    """One field: made inert (``inert.csv_cell``), then quoted as RFC 4180 asks when needed."""
    text = csv_cell(value)
    if _NEEDS_QUOTES(text):
        return '"' + text.replace('"', '""') + '"'
    return text
