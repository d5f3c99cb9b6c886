"""``--format debrief``: the exercise debrief as HTML, or PDF when the file ends in ``.pdf``.

The figures come from ``debrief_data`` (planned against actual per step, missed and late steps,
decisions, time from each inject to the first reaction, observer notes); the chart is inline SVG
(``debrief_chart``). ``export_debrief`` can put a second run of the same scenario beside the first.
Every page says EXERCISE, like every other export of an exercise run.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from runbook_assistant.core.export.atomic import (
    Progress,
    atomic_path,
    check_target,
    write_text_atomic,
)
from runbook_assistant.core.export.debrief_chart import chart_svg
from runbook_assistant.core.export.debrief_data import Comparison, Debrief, build_debrief, compare
from runbook_assistant.core.export.debrief_labels import debrief_labels
from runbook_assistant.core.export.html import render_template
from runbook_assistant.core.export.run_data import RunData, load_run
from runbook_assistant.core.formatting import span_text

if TYPE_CHECKING:
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.log.store import Store
    from runbook_assistant.core.run.engine import Engine

__all__ = ["build_debrief", "compare", "export_debrief", "render_debrief", "render_debrief_html"]

PDF_CHART_WIDTH = 680  # layout width of the chart in the PDF (Qt scales it to the page's dpi)
PDF_CHART_RASTER = 3.0  # drawn this many times larger, so it stays sharp on paper


def render_debrief(data: RunData, target: Path, progress: Progress) -> None:
    """The renderer the export package dispatches ``debrief`` to (HTML, or PDF by extension)."""
    write_debrief(build_debrief(data), None, target, progress)


def export_debrief(source: Engine | Store, run_id: str, out_path: Path | str, *,
                   compare_with: str | None = None, lang: str | None = None,
                   tz: tzinfo | None = None, now: datetime | None = None,
                   library: Library | None = None) -> Path:
    """Write the debrief of ``run_id`` (with ``compare_with`` beside it, when given); the
    scenario's goals, questions and expected reactions come from ``library``."""
    target = Path(out_path)
    check_target(target)
    first = build_debrief(load_run(source, run_id, lang=lang, tz=tz, now=now, library=library))
    second = None
    if compare_with:
        second = build_debrief(load_run(source, compare_with, lang=first.data.lang, tz=tz,
                                        now=now, library=library))
    events = len(first.data.events) + (len(second.data.events) if second else 0)
    progress = Progress(events, None, None)
    write_debrief(first, second, target, progress)
    progress.finish()
    return target


def write_debrief(first: Debrief, second: Debrief | None, target: Path,
                  progress: Progress) -> None:
    comparison = compare(first, second) if second is not None else None
    if target.suffix.lower() == ".pdf":
        from runbook_assistant.core.export.debrief_pdf import debrief_pages
        from runbook_assistant.core.rendering import write_pdf

        pages = debrief_pages(first, comparison, chart_image)
        with atomic_path(target) as temp:
            write_pdf(pages, temp, progress)
    else:
        write_text_atomic(target, render_debrief_html(first, comparison))


def render_debrief_html(debrief: Debrief, comparison: Comparison | None = None,
                        ) -> Iterator[str]:
    """The debrief as one self-contained HTML page (streamed)."""
    data = debrief.data
    w = debrief_labels(data.lang)
    context: dict[str, Any] = {
        "d": data, "w": w, "lang": data.lang, "exercise": True,
        "print_header": data.header_title(), "b": debrief, "offset": debrief.moment,
        "span": lambda seconds: span_text(seconds, data.lang),
    }
    if comparison is None:
        context["page_title"] = f"{w['debrief']}: {data.header_title()}"
        context["chart"] = Markup(chart_svg(debrief, w))
        return iter(render_template("debrief.html.j2", context))
    context.update(
        page_title=f"{w['compare']}: {data.header_title()}", c=comparison,
        chart_a=Markup(chart_svg(comparison.a, w)),
        chart_b=Markup(chart_svg(comparison.b, w)))
    return iter(render_template("debrief_compare.html.j2", context))


def chart_image(debrief: Debrief, w: dict[str, str]) -> str:
    """The chart as an ``<img>`` with a data URL, for Qt's rich text (it draws SVG images)."""
    svg = chart_svg(debrief, w, scale=PDF_CHART_RASTER)
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<img src="data:image/svg+xml;base64,{encoded}" width="{PDF_CHART_WIDTH}" '
            f'alt="{Markup.escape(w["chart"])}">')
