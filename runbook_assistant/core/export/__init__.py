"""Exports of a run: Markdown, HTML, CSV, JSON, PDF, the incident report; and the paper checklist.

Every format renders the same timeline rows (``core/run/timeline.py``). Files are written
atomically: complete, or not at all. The desktop app calls ``export_run`` from a worker with
``progress`` and ``cancel`` callbacks (or ``load_run`` on the main thread and ``render_run`` on
the worker, since the database connection belongs to the thread that opened it).

PDF pages are described here (``pdf_pages``) and drawn by whatever writer was registered with
``core.rendering.register_pdf_writer``: the CLI and the app register the Qt one
(``runbook_assistant.pdf.register``), so the core never imports Qt.

May import: every other package of the core (it is the top of the core's layers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.export.atomic import (
    ExportCancelled,
    Progress,
    atomic_path,
    atomic_text,
    check_target,
    write_text_atomic,
)
from runbook_assistant.core.export.csv_out import render_csv
from runbook_assistant.core.export.html import render_report_html, render_timeline_html
from runbook_assistant.core.export.json_out import render_json
from runbook_assistant.core.export.letter import render_letter_html
from runbook_assistant.core.export.markdown import render_markdown
from runbook_assistant.core.export.run_data import RunData, load_run
from runbook_assistant.core.gc_pause import gc_paused

if TYPE_CHECKING:
    from runbook_assistant.core.comms.contacts import ContactBook
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.log.store import Store
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.runbook.model import Runbook

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "FormatInfo",
    "RunData",
    "atomic_path",
    "atomic_text",
    "export_checklist",
    "export_run",
    "format_info",
    "load_run",
    "render_run",
    "suggested_file_name",
    "write_text_atomic",
]

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
# A renderer writes one format of a run to a path (atomically) and reports progress.
Renderer = Callable[[RunData, Path, Progress], None]


def _text(render: Callable[[RunData, Progress], Iterable[str]]) -> Renderer:
    """A format whose renderer yields the file's text in pieces."""
    def renderer(data: RunData, target: Path, progress: Progress) -> None:
        write_text_atomic(target, render(data, progress), progress)
    return renderer


def _pdf(kind: str) -> Renderer:
    """A PDF whose pages ``pdf_pages`` describes, drawn by the registered PDF writer."""
    def renderer(data: RunData, target: Path, progress: Progress) -> None:
        from runbook_assistant.core.export.pdf_pages import report_pages, timeline_pages
        from runbook_assistant.core.rendering import write_pdf

        if kind == "letter":
            from runbook_assistant.core.export.letter import letter_pages

            pages = letter_pages(data, progress)
        else:
            pages = (report_pages(data, progress) if kind == "report"
                     else timeline_pages(data, progress))
        with atomic_path(target) as temp:
            write_pdf(pages, temp, progress)
            progress.check()
    return renderer


def _debrief(data: RunData, target: Path, progress: Progress) -> None:
    from runbook_assistant.core.export.debrief import render_debrief  # HTML or PDF by extension

    render_debrief(data, target, progress)


@dataclass(frozen=True)
class FormatInfo:
    """One export format: its name for ``--format``, its menu label, its file extension and the
    function that writes it."""

    name: str
    label_en: str
    label_nl: str
    extension: str  # the default file extension, with the dot
    render: Renderer
    exercise_only: bool = False
    listed: bool = True  # named by --format (report-pdf is `report` with a .pdf file)
    # False: the format shows the events but not their hashes and signatures, which are then
    # not read (a long run's export takes less memory and time).
    proof: bool = True
    # True: the format writes the events exactly as stored (JSON) or only their timeline rows
    # (CSV); they are read as rows and not made into Event objects (``load_run(as_stored=True)``).
    as_stored: bool = False

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" else self.label_en


# Every format, in menu order: the one table the CLI, the app's Export menu and render_run use.
FORMATS: tuple[FormatInfo, ...] = (
    FormatInfo("report", "Incident report (HTML)", "Incidentrapport (HTML)", ".html",
               _text(render_report_html)),
    FormatInfo("report-pdf", "Incident report (PDF)", "Incidentrapport (PDF)", ".pdf",
               _pdf("report"), listed=False),
    FormatInfo("letter", "Council information letter (HTML)", "Raadsinformatiebrief (HTML)",
               ".html", _text(render_letter_html)),
    FormatInfo("letter-pdf", "Council information letter (PDF)", "Raadsinformatiebrief (PDF)",
               ".pdf", _pdf("letter"), listed=False),
    FormatInfo("pdf", "Timeline (PDF)", "Tijdlijn (PDF)", ".pdf", _pdf("timeline"),
               proof=False),
    FormatInfo("html", "Timeline (HTML)", "Tijdlijn (HTML)", ".html",
               _text(render_timeline_html), proof=False),
    FormatInfo("md", "Timeline (Markdown)", "Tijdlijn (Markdown)", ".md", _text(render_markdown),
               proof=False),
    FormatInfo("csv", "Timeline (CSV, for Excel)", "Tijdlijn (CSV, voor Excel)", ".csv",
               _text(render_csv), proof=False, as_stored=True),
    FormatInfo("json", "Verifiable record (JSON)", "Controleerbaar logboek (JSON)", ".json",
               _text(render_json), as_stored=True),
    FormatInfo("debrief", "Exercise debrief", "Evaluatie van de oefening", ".html", _debrief,
               exercise_only=True),
)


def format_info(name: str) -> FormatInfo | None:
    return next((f for f in FORMATS if f.name == name), None)


def suggested_file_name(data: RunData, fmt: str) -> str:
    """A file name for a save dialog: ``2026-11-23 Storing kernnetwerk - rapport.pdf``."""
    from runbook_assistant.core.export.inert import one_line

    title = one_line(data.record.title)
    safe = "".join(c if c.isalnum() or c in " -_.," else "_" for c in title).strip() or "run"
    started = data.local(data.state.started_at)
    stem = f"{started:%Y-%m-%d} {safe[:70]}" if started else safe[:70]
    kind = {"report": "report", "report-pdf": "report", "debrief": "debrief",
            "letter": "letter", "letter-pdf": "letter"}.get(fmt)
    words = {"report": {"nl": "rapport"}, "debrief": {"nl": "evaluatie"},
             "letter": {"nl": "raadsinformatiebrief"}}
    suffix = f" - {words[kind].get(data.lang, kind)}" if kind else ""
    info = format_info(fmt)
    return f"{stem.strip()}{suffix}{info.extension if info else '.' + fmt}"


def export_run(source: Engine | Store, run_id: str, fmt: str, out_path: Path | str, *,
               lang: str | None = None, progress: ProgressCallback | None = None,
               cancel: CancelCheck | None = None, tz: tzinfo | None = None,
               now: datetime | None = None, library: Library | None = None,
               csv_dialect: str | None = None) -> Path:
    """Write run ``run_id`` in format ``fmt`` to ``out_path``; returns the path written.

    ``fmt``: md, html, csv, json, pdf, report (HTML, or PDF when the path ends in .pdf) or
    debrief (exercise runs only). ``lang`` overrides the run's language, ``tz`` the local time
    zone, ``now`` the export time (tests); ``library`` finds an exercise's scenario;
    ``csv_dialect`` (``excel`` or ``excel-nl``) the CSV's separators (default: by language). Raises
    ``ExportError`` (``ExportCancelled`` when ``cancel()`` said stop); no partial file is ever
    left behind.
    """
    target = Path(out_path)
    fmt = _known_format(fmt, target).name
    check_target(target)
    # One pause for reading and writing (see render_run); the run read is gone before it
    # ends (only ``render_run`` holds it), so the collector never walks its events.
    with gc_paused():
        return render_run(_loaded(source, run_id, fmt, target, lang, tz, now, library,
                                  csv_dialect), fmt, target, progress=progress, cancel=cancel)


def _loaded(source: Engine | Store, run_id: str, fmt: str, target: Path, lang: str | None,
            tz: tzinfo | None, now: datetime | None, library: Library | None,
            csv_dialect: str | None) -> RunData:
    info = _known_format(fmt, target)
    data = load_run(source, run_id, lang=lang, tz=tz, now=now, library=library,
                    proof=info.proof, as_stored=info.as_stored)
    if csv_dialect is not None:
        from runbook_assistant.core.export.csv_out import check_dialect

        data.csv_dialect = check_dialect(csv_dialect)
    return data


def render_run(data: RunData, fmt: str, out_path: Path | str, *,
               progress: ProgressCallback | None = None,
               cancel: CancelCheck | None = None) -> Path:
    """Write an already loaded run (no database access: safe on a worker thread)."""
    target = Path(out_path)
    info = _known_format(fmt, target)
    if info.exercise_only and not data.exercise:
        raise ExportError.of("format_needs_exercise", format=info.name)
    tracker = Progress(data.event_count, progress, cancel)
    tracker.check()
    # Reading and writing a long run makes hundreds of thousands of objects that outlive many
    # collections (events, rows); the cycle collector would walk them again and again, up to a
    # fifth of an export's time, for the few thousand objects in cycles it might free meanwhile.
    with gc_paused():
        info.render(data, target, tracker)
    tracker.finish()
    return target


def export_checklist(runbook: Runbook, out_path: Path | str, *, contacts: ContactBook | None = None,
                     lang: str | None = None, progress: ProgressCallback | None = None,
                     cancel: CancelCheck | None = None) -> Path:
    """Write the blank paper checklist of ``runbook``: PDF or HTML by the file's extension."""
    from runbook_assistant.core.export import checklist

    target = Path(out_path)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise ExportError.of("checklist_format_unknown", name=target.name)
    sheet = checklist.build_checklist(runbook, contacts=contacts, lang=lang)
    tracker = Progress(len(sheet.steps), progress, cancel)
    tracker.check()
    if suffix == ".pdf":
        from runbook_assistant.core.rendering import write_pdf

        with atomic_path(target) as temp:
            write_pdf(checklist.checklist_pages(sheet), temp, tracker)
            tracker.check()
    else:
        write_text_atomic(target, checklist.render_checklist_html(sheet, tracker), tracker)
    tracker.finish()
    return target


def _known_format(fmt: str, target: Path) -> FormatInfo:
    name = (fmt or "").strip().lower()
    if name in ("report", "letter") and target.suffix.lower() == ".pdf":
        name = f"{name}-pdf"
    info = format_info(name)
    if info is None:
        raise ExportError.of("unknown_format", format=fmt,
                             formats=", ".join(f.name for f in FORMATS if f.listed))
    return info
