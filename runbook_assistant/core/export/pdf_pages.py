"""What a PDF holds, described without Qt: page furniture, HTML blocks and long tables.

``runbook_assistant.pdf`` draws these page by page. Prose (the report's sections) goes as small
HTML blocks that Qt's text engine lays out; the timeline goes as a ``TableBlock`` whose rows are
streamed and drawn one by one, so a run of 10,000 events never becomes one huge document in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.html import display_rows, environment
from runbook_assistant.core.export.report import build_report, decision_lines
from runbook_assistant.core.export.run_data import RunData

NORMAL, BOLD, SMALL, MONO = "", "bold", "small", "mono"
ALARM = "alarm"  # bold and red: a rule that was set aside (an override)


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of a table cell in one style (normal, bold, small, mono)."""

    text: str
    style: str = NORMAL


Cell = str | tuple[Line, ...]


@dataclass(frozen=True)
class Column:
    """A table column: its header, its share of the page width, and what it holds."""

    label: str
    width: float
    kind: str = "text"  # "text" | "mono" | "box" (an empty square to tick by hand)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row; ``style`` "day" makes the first cell a heading across the whole row.
    ``blocked`` names the columns that do not apply (hatched on paper)."""

    cells: tuple[Cell, ...]
    style: str = ""
    blocked: tuple[int, ...] = ()


@dataclass(frozen=True)
class HtmlBlock:
    """Prose in Qt's HTML subset, kept on one page when it fits."""

    html: str
    new_page: bool = False  # start it on a page of its own (an annex)


@dataclass(frozen=True)
class TableBlock:
    """A long table: the header row repeats on every page; ``heading`` is drawn before it."""

    columns: tuple[Column, ...]
    rows: Iterable[TableRow]
    heading: str = ""
    subheading: str = ""
    grid: bool = False  # lines between all cells (forms filled in by hand)
    zebra: bool = True


Block = HtmlBlock | TableBlock


@dataclass(frozen=True)
class Pages:
    """A whole PDF: metadata, what every page carries, and the blocks in order."""

    title: str
    header: str
    footer: str
    page_label: str  # "Page {n}"
    lang: str
    blocks: Iterable[Block]
    banner: str = ""  # set for an exercise: a red band on every page
    stylesheet: str = field(default="")


# Qt's rich text understands a subset of CSS; this is the part the blocks rely on.
STYLESHEET = """
h1 { font-size: 17pt; font-weight: bold; margin-bottom: 6px; }
h2 { font-size: 13pt; font-weight: bold; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: 11pt; font-weight: bold; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 2px; margin-bottom: 4px; }
.kicker { color: #555555; font-size: 9pt; }
.meta, .drafted { color: #555555; font-size: 8pt; }
.missing { color: #b00020; font-weight: bold; }
.id { color: #555555; font-size: 8pt; }
.fp { font-weight: bold; }
th { background-color: #e4e4e4; text-align: left; font-weight: bold; }
td, th { padding: 3px; }
"""


def _block(macro: str, *args: Any, new_page: bool = False) -> HtmlBlock:
    """An HTML block made by one macro of ``pdf_blocks.html.j2``."""
    module = environment().get_template("pdf_blocks.html.j2").module
    return HtmlBlock(str(getattr(module, macro)(*args)), new_page)


def _footer(data: RunData) -> str:
    w = data.labels
    anchors = "  ".join(f"{a.fingerprint} #{a.seq} {a.short_hash}" for a in data.anchors[:2])
    more = " …" if len(data.anchors) > 2 else ""
    return (f"{w['run_id']} {data.record.id} · {w['exported']} "
            f"{data.date_time(data.exported_at)} · {anchors}{more}")


def _pages(data: RunData, title: str, blocks: Iterable[Block], footer: str = "") -> Pages:
    w = data.labels
    return Pages(title=f"{title}: {data.header_title()}", header=data.header_title(),
                 footer=footer or _footer(data), page_label=w["page"], lang=data.lang,
                 blocks=blocks,
                 banner=w["exercise_banner"] if data.exercise else "", stylesheet=STYLESHEET)


def timeline_table(data: RunData, progress: Progress | None = None) -> TableBlock:
    """The timeline as a streamed table (date headings where the day changes)."""
    w = data.labels
    wide = 0.09 if data.exercise else 0.0  # "T+00:12 (14:32)" on one line
    columns = (Column(w["time"], 0.10 + wide), Column(w["who"], 0.15), Column(w["what"], 0.54),
               Column(w["step_id"], 0.21 - wide, "mono"))

    overridden = {o.event_id for o in data.state.overrides}  # drawn in red

    def rows() -> Iterator[TableRow]:
        for r in display_rows(data, progress):
            if r.day:
                yield TableRow((r.day,), style="day")
            first = Line(r.text, ALARM) if r.event_id in overridden else Line(r.text)
            text: Cell = (first, Line(r.late, SMALL)) if r.late else (first,)
            yield TableRow((r.time, r.actor, text, r.step_id))

    return TableBlock(columns, rows(), heading=w["timeline"])


def timeline_pages(data: RunData, progress: Progress | None = None) -> Pages:
    """``--format pdf``: facts, the timeline, the decision register, the chain heads."""
    w = data.labels
    blocks: list[Block] = [
        _block("title_block", data, w, w["timeline"]),
        timeline_table(data, progress),
        _block("decisions_block", decision_lines(data), data, w),
        _block("anchors_block", data, w),
    ]
    return _pages(data, w["timeline"], blocks)


def report_pages(data: RunData, progress: Progress | None = None) -> Pages:
    """``--format report`` as PDF: the incident report, section by section."""
    w = data.labels
    report = build_report(data)
    blocks: list[Block] = [_block("title_block", data, w, w["report"], report.status_line())]
    for name in ("summary", "cause", "established", "checks", "impact", "decisions"):
        blocks.append(_block("report_section", name, report, data, w))
    if not report.messages:
        blocks.append(_block("report_section", "messages", report, data, w))
    for n, message in enumerate(report.messages):
        # The heading travels with the first message, so it never ends a page on its own.
        blocks.append(_block("message_block", message, data, w, n == 0))
    if report.messages and report.unlogged:
        blocks.append(_block("report_section", "unlogged", report, data, w))
    for name in ("staffing", "measures", "actions"):
        blocks.append(_block("report_section", name, report, data, w))
    blocks.append(timeline_table(data, progress))
    # The technical record (run id, fingerprints, hashes) on a page of its own at the end.
    blocks.append(_block("annex_block", data, w, new_page=True))
    footer = f"{w['exported']} {data.date_time(data.exported_at)} · {w['report_status']} " \
             f"{report.status_line()}"
    return _pages(data, w["report"], blocks, footer)

