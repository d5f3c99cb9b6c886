"""The run as Markdown: facts, timeline, decision register and the signed chain heads.

Every piece of text typed by people goes through ``inert.md`` so that it shows as typed and never
becomes a link, an image, HTML or a table cell border.
"""

from __future__ import annotations

from collections.abc import Iterator

from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.inert import md, md_block
from runbook_assistant.core.export.report import decision_lines
from runbook_assistant.core.export.run_data import RunData
from runbook_assistant.core.gc_pause import gc_paused


def render_markdown(data: RunData, progress: Progress) -> Iterator[str]:
    """The Markdown document, in chunks."""
    w = data.labels
    yield f"# {md(data.header_title())}\n\n"
    if data.exercise:
        yield f"**{w['exercise_banner']}**\n\n"
    yield from _facts(data)
    times_in = w["times_in_exercise"] if data.exercise else w["times_in"]
    yield f"\n{times_in.format(zone=data.zone_name())}\n\n"
    yield f"## {w['timeline']}\n\n"
    yield f"| {w['time']} | {w['who']} | {w['what']} | {w['step_id']} |\n|---|---|---|---|\n"
    day = None
    cells = _Cells()
    local = data.local
    # ``data.moment``: the time as it is for an incident, with the exercise time for an exercise
    moment = data.moment if data.exercise else None
    late_recorded = w["late_recorded"]
    for _, rows in data.timeline_chunks():  # a chunk of rows at a time: see RunData
        parts: list[str] = []
        append = parts.append
        with gc_paused():  # many short-lived objects, no cycles: see gc_pause.py
            for row in rows:
                when = local(row.time)
                if when is not None and when.date() != day:
                    day = when.date()
                    append(f"| **{data.day(row.time)}** | | | |\n")
                text = cells[row.text]
                if row.late:
                    text += (" *(" + late_recorded.format(when=data.date_time(row.wall_time))
                             + ")*")
                # the HH:MM of ``when`` (what ``data.hm`` makes of it)
                hm = "" if when is None else "%02d:%02d" % (when.hour, when.minute)  # noqa: UP031
                at = hm if moment is None or when is None else moment(row.time, hm)
                append(f"| {at} | {cells[row.actor]} | {text} | {cells[row.step_id or '']} |\n")
            chunk = "".join(parts)
        progress.advance(len(rows))
        yield chunk
    yield from _decisions(data)
    yield from anchors_markdown(data)


class _Cells(dict[str, str]):
    """``inert.md`` of each distinct text, made once: names, step ids and many sentences repeat
    throughout a run."""

    def __missing__(self, text: str) -> str:
        value = self[text] = md(text)
        return value


def _facts(data: RunData) -> Iterator[str]:
    w, record, state = data.labels, data.record, data.state
    mode = w["exercise"] if data.exercise else w["incident"]
    started = data.date_time(state.started_at)
    if state.started_by:
        started += f" ({md(state.started_by)})"
    closed = data.date_time(state.closed_at) if state.closed else w["still_open"]
    yield "| | |\n|---|---|\n"
    yield f"| {w['run_id']} | {md(record.id)} |\n"
    yield (f"| {w['runbook']} | {md(data.runbook.title)} ({md(record.runbook_id)}, "
           f"{w['version']} {record.runbook_version}) |\n")
    if data.approval():
        yield f"| {w['approval']} | {md(data.approval())} |\n"
    yield f"| {w['mode']} | {mode} |\n"
    yield f"| {w['started']} | {started} |\n"
    yield f"| {w['closed']} | {closed} |\n"
    yield f"| {w['progress']} | {w['steps_done'].format(done=state.done, total=state.total)} |\n"
    yield f"| {w['exported']} | {data.date_time(data.exported_at)} |\n"
    if state.closed and state.summary.strip():
        yield f"\n**{w['closing_summary']}:** {md_block(state.summary)}\n"


def _decisions(data: RunData) -> Iterator[str]:
    w = data.labels
    yield f"\n## {w['decisions']}\n\n"
    lines = decision_lines(data)
    if not lines:
        yield f"{w['no_decisions']}\n"
        return
    yield (f"| {w['time']} | {w['decision']} | {w['chosen']} | {w['options']} | "
           f"{w['rationale']} | {w['owner']} | {w['revisit_by']} | {w['decided_by']} | "
           f"{w['status']} |\n|---|---|---|---|---|---|---|---|---|\n")
    for line in lines:
        options = "; ".join(
            (f"**{md(o.label)}**" if o.chosen else md(o.label)) + f" → {md(o.target_title)}"
            for o in line.options)
        when = data.date_time(line.at) + (f" *({w['late']})*" if line.late else "")
        yield (f"| {when} | {md(line.step_title)} ({md(line.step_id)}) | {md(line.chosen)} | "
               f"{options} | {md(line.rationale)} | {md(line.owner)} | {md(line.revisit_by)} | "
               f"{md(line.actor)} | {line.status} |\n")


def anchors_markdown(data: RunData) -> Iterator[str]:
    """The signed chain heads that anchor the record."""
    w = data.labels
    yield f"\n## {w['anchors']}\n\n{md(w['anchors_intro'])}\n\n"
    yield (f"| {w['fingerprint']} | {w['device']} | {w['seq']} | {w['head']} | "
           f"{w['head_time']} | {w['events_count']} |\n|---|---|---|---|---|---|\n")
    for anchor in data.anchors:
        yield (f"| {anchor.fingerprint} | {md(anchor.device_name)} | {anchor.seq} | "
               f"{anchor.short_hash} | {anchor.head_time} | {anchor.events} |\n")
