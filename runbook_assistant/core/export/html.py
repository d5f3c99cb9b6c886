"""HTML exports through Jinja2: the timeline, the incident report and the paper checklist.

Autoescape is on for every template and every value is cleaned of control characters before it is
escaped, so text typed by people can never become markup. The documents are self-contained: CSS
inline (print CSS included), no scripts, no remote resources, and a Content-Security-Policy that
would block them anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup

from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.inert import clean
from runbook_assistant.core.export.inert import html as escape_html
from runbook_assistant.core.export.report import build_report, decision_lines
from runbook_assistant.core.export.run_data import RunData
from runbook_assistant.core.gc_pause import gc_paused

TEMPLATES = Path(__file__).resolve().parent / "templates"


class DisplayRow(NamedTuple):
    """One timeline row as shown: ``day`` is a date heading before it (or "")."""

    day: str
    time: str
    late: str
    actor: str
    text: str
    step_id: str
    event_id: str = ""


def _finalize(value: Any) -> Any:
    # Runs on every {{ value }} before autoescaping: control characters never reach the page.
    # Markup (a macro's output) is left alone: its text was cleaned when the macro rendered it.
    if isinstance(value, Markup):
        return value
    return clean(value) if isinstance(value, str) else ("" if value is None else value)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment (autoescape on, undefined values are errors)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
        undefined=jinja2.StrictUndefined, finalize=_finalize, trim_blocks=False,
        keep_trailing_newline=True)


def display_rows(data: RunData, progress: Progress | None = None) -> Iterator[DisplayRow]:
    """The timeline rows as people read them, with a date heading where the day changes."""
    late_text = data.labels["late_recorded"]
    local, day = data.local, None
    advance = progress.advance if progress is not None else None
    for _, rows in data.timeline_chunks():  # a chunk of rows at a time: see RunData
        for row in rows:
            when = local(row.time)
            heading = ""
            if when is not None and when.date() != day:
                day = when.date()
                heading = data.day(row.time)
            yield DisplayRow(
                heading, data.moment(row.time, _hm(when)) if when else "",
                late_text.format(when=_recorded(data, row.time, row.wall_time))
                if row.late else "",
                row.actor, row.text, row.step_id or "", row.event_id)
            if advance is not None:
                advance()


def _hm(when: datetime) -> str:
    """``HH:MM`` (what ``formatting.clock`` writes; %-formatting is the quickest way)."""
    return "%02d:%02d" % (when.hour, when.minute)  # noqa: UP031


_OVERRIDE = ' class="override"'
_DAY = '<tr class="day"><td colspan="4">{}</td></tr>\n'
_LATE = '<span class="late">{}</span>'
_CHUNK = 2000


class _Escaped(dict[str, str]):
    """``inert.html`` of each distinct text, made once: names, step ids and many sentences
    repeat throughout a run."""

    def __missing__(self, text: str) -> str:
        value = self[text] = escape_html(text)
        return value


def timeline_body(data: RunData, progress: Progress | None = None) -> Iterator[Markup]:
    """The rows of the timeline table as HTML, in chunks (the rows of ``display_rows``).

    Built without a template because it is the one part that grows with the run (100,000 rows
    through Jinja2 take seconds); every field goes through ``inert.html``, the same escaping
    autoescape does, so typed text stays text here too.
    """
    late_text = data.labels["late_recorded"]
    local, day = data.local, None
    # ``data.moment``: the time as it is for an incident, with the exercise time for an exercise
    moment = data.moment if data.exercise else None
    escaped = _Escaped()
    overridden = {o.event_id for o in data.state.overrides}  # shown in red
    empty = True
    for _, rows in data.timeline_chunks(_CHUNK):  # a chunk of rows at a time: see RunData
        empty = False
        parts: list[str] = []
        append = parts.append
        with gc_paused():  # many short-lived objects, no cycles: see gc_pause.py
            for row in rows:
                when = local(row.time)
                if when is None:
                    at = ""
                else:
                    if when.date() != day:
                        day = when.date()
                        append(_DAY.format(escape_html(data.day(row.time))))
                    at = _hm(when) if moment is None else moment(row.time, _hm(when))
                late = (_LATE.format(escape_html(late_text.format(
                    when=_recorded(data, row.time, row.wall_time)))) if row.late else "")
                # one row of the table (an f-string: the quickest way to fill it)
                append(f'<tr{_OVERRIDE if row.event_id in overridden else ""}>'
                       f'<td class="time">{at}</td><td class="who">{escaped[row.actor]}</td>'
                       f'<td class="text">{escaped[row.text]}{late}</td>'
                       f'<td class="id">{escaped[row.step_id or ""]}</td></tr>\n')
            chunk = Markup("".join(parts))  # every field above is escaped
        if progress is not None:
            progress.advance(len(rows))
        yield chunk
    if empty:
        yield Markup("")


def _recorded(data: RunData, happened: datetime, recorded: datetime) -> str:
    """When a late entry was typed in: the time alone when it was the same day."""
    same_day = (data.local(happened) or happened).date() == \
        (data.local(recorded) or recorded).date()
    return data.hm(recorded) if same_day else data.date_time(recorded)


def _context(data: RunData, **extra: Any) -> dict[str, Any]:
    return {"d": data, "w": data.labels, "lang": data.lang, "exercise": data.exercise,
            "print_header": data.header_title(), **extra}


def render_timeline_html(data: RunData, progress: Progress) -> Iterator[str]:
    """``--format html``: facts, timeline, decision register, chain heads."""
    template = environment().get_template("timeline.html.j2")
    return template.generate(**_context(
        data, page_title=f"{data.labels['timeline']}: {data.header_title()}",
        body=timeline_body(data, progress), decisions=decision_lines(data)))


def render_report_html(data: RunData, progress: Progress) -> Iterator[str]:
    """``--format report`` as HTML: the incident report."""
    template = environment().get_template("report.html.j2")
    return template.generate(**_context(
        data, page_title=f"{data.labels['report']}: {data.header_title()}",
        r=build_report(data), body=timeline_body(data, progress)))


def render_template(name: str, context: dict[str, Any]) -> Iterable[str]:
    """Any template of this package, streamed."""
    return environment().get_template(name).generate(**context)
