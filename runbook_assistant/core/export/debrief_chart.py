"""The debrief's chart of planned against actual, as an SVG document (inline in the HTML).

One row per step that had a deadline or was done: an open diamond where it was due, a dot where
it was done (green on time, red late), a red cross at the end for a step that was missed. Dashed
vertical lines mark the injects, numbered as in the inject table. Shapes differ as well as colours,
so the chart still reads when printed in grey. Built with ElementTree, so it is always well-formed
and every text is escaped.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable

from runbook_assistant.core.export.debrief_data import Debrief, StepFigure
from runbook_assistant.core.formatting import exercise_time

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 760
LABEL_RIGHT = 262  # step titles end here
PLOT_LEFT, PLOT_RIGHT = 272, 728  # room on the right for the last axis label
TOP = 30  # room for the inject numbers
ROW = 19
AXIS = 26
LEGEND = 30
FONT = "DejaVu Sans, Segoe UI, Arial, sans-serif"
INK, MUTED, GRID = "#111111", "#555555", "#d0d0d0"
GREEN, RED, GREY, INJECT = "#1b6e20", "#b00020", "#777777", "#c05a00"
TICKS_MINUTES = (5, 10, 15, 30, 60, 120, 240, 480, 720, 1440)
LABEL_CHARS = 40

ET.register_namespace("", SVG_NS)
Scale = Callable[[float], float]  # exercise seconds to x


def chart_rows(debrief: Debrief) -> list[StepFigure]:
    """The steps the chart shows, in the runbook's order."""
    return [s for s in debrief.steps if s.charted]


def chart_svg(debrief: Debrief, w: dict[str, str], *, scale: float = 1.0) -> str:
    """The chart as SVG markup; ``scale`` multiplies the pixel size (the PDF draws it larger)."""
    rows = chart_rows(debrief)
    span = _span(debrief, rows)
    tick = _tick(span)
    right_end = math.ceil(span / tick) * tick if span else tick
    height = TOP + max(len(rows), 1) * ROW + AXIS + LEGEND
    svg = ET.Element(f"{{{SVG_NS}}}svg", {
        "viewBox": f"0 0 {WIDTH} {height}", "width": _n(WIDTH * scale),
        "height": _n(height * scale), "role": "img", "class": "chart",
        "font-family": FONT, "font-size": "11"})
    _el(svg, "title").text = w["chart"]
    _el(svg, "desc").text = w["chart_intro"]
    _el(svg, "rect", x=0, y=0, width=WIDTH, height=height, fill="#ffffff")

    def x(seconds: float) -> float:
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * max(0.0, seconds) / right_end

    bottom = TOP + max(len(rows), 1) * ROW
    _axis(svg, x, right_end, tick, bottom)
    for number, row in enumerate(rows):
        _row(svg, row, number, x, debrief.end)
    if not rows:
        _text(svg, (PLOT_LEFT + PLOT_RIGHT) / 2, TOP + ROW * 0.7, w["chart_empty"],
              anchor="middle", fill=MUTED)
    _injects(svg, debrief, x, bottom)
    _legend(svg, w, bottom + AXIS + 6)
    return ET.tostring(svg, encoding="unicode")


def _span(debrief: Debrief, rows: list[StepFigure]) -> float:
    moments = [debrief.end, *(i.delivered for i in debrief.injects)]
    for row in rows:
        moments += [t for t in (row.planned, row.actual) if t is not None]
    return max(moments, default=0.0)


def _tick(span: float) -> int:
    """Seconds between axis ticks: the smallest step that keeps it to eight ticks or fewer."""
    for minutes in TICKS_MINUTES:
        if span / (minutes * 60) <= 8:
            return minutes * 60
    return math.ceil(span / 8 / 86400) * 86400


def _axis(svg: ET.Element, x: Scale, right_end: float, tick: int, bottom: float) -> None:
    for moment in range(0, int(right_end) + 1, tick):
        px = x(moment)
        _el(svg, "line", x1=px, y1=TOP - 4, x2=px, y2=bottom, stroke=GRID)
        _text(svg, px, bottom + 15, exercise_time(moment), anchor="middle", fill=MUTED, size=10)
    _el(svg, "line", x1=PLOT_LEFT, y1=bottom, x2=PLOT_RIGHT, y2=bottom, stroke=INK)


def _row(svg: ET.Element, row: StepFigure, number: int, x: Scale, end: float) -> None:
    top = TOP + number * ROW
    mid = top + ROW / 2
    group = _el(svg, "g")
    _el(group, "title").text = row.title
    if number % 2:
        _el(group, "rect", x=0, y=top, width=WIDTH, height=ROW, fill="#f3f3f3")
    _text(group, LABEL_RIGHT, mid + 4, _short(row.title), anchor="end", fill=INK)
    planned = x(row.planned) if row.planned is not None else None
    actual = x(row.actual) if row.actual is not None else None
    if row.verdict == "missed" and planned is not None:
        stop = x(end)
        _el(group, "line", x1=planned, y1=mid, x2=stop, y2=mid, stroke=RED,
            **{"stroke-width": 2, "stroke-dasharray": "4 3"})
        _cross(group, stop, mid)
    if planned is not None and actual is not None:
        _el(group, "line", x1=planned, y1=mid, x2=actual, y2=mid,
            stroke=RED if row.verdict == "late" else GREEN, **{"stroke-width": 2})
    if planned is not None:
        _diamond(group, planned, mid)
    if actual is not None:
        if row.verdict == "skipped":
            _el(group, "rect", x=actual - 4, y=mid - 4, width=8, height=8, fill=GREY)
        else:
            _el(group, "circle", cx=actual, cy=mid, r=4.5,
                fill=RED if row.verdict == "late" else GREEN)


def _injects(svg: ET.Element, debrief: Debrief, x: Scale, bottom: float) -> None:
    groups: list[tuple[float, int, int]] = []  # (x, first number, last number)
    for inject in debrief.injects:
        px = x(inject.delivered)
        _el(svg, "line", x1=px, y1=TOP - 12, x2=px, y2=bottom, stroke=INJECT,
            **{"stroke-width": 1.2, "stroke-dasharray": "3 3"})
        if groups and px - groups[-1][0] < 16:  # numbers this close would overlap: "4–6"
            groups[-1] = (groups[-1][0], groups[-1][1], inject.number)
        else:
            groups.append((px, inject.number, inject.number))
    for px, first, last in groups:
        label = str(first) if first == last else f"{first}–{last}"
        _text(svg, px, TOP - 16, label, anchor="middle", fill=INJECT, size=10, bold=True)


def _legend(svg: ET.Element, w: dict[str, str], y: float) -> None:
    items = (("planned", w["legend_planned"]), ("on_time", w["legend_on_time"]),
             ("late", w["legend_late"]), ("missed", w["legend_missed"]),
             ("skipped", w["legend_skipped"]), ("inject", w["legend_inject"]))
    px = 12.0
    for kind, label in items:
        mid = y + 6
        if kind == "planned":
            _diamond(svg, px + 5, mid)
        elif kind == "missed":
            _cross(svg, px + 5, mid)
        elif kind == "skipped":
            _el(svg, "rect", x=px + 1, y=mid - 4, width=8, height=8, fill=GREY)
        elif kind == "inject":
            _el(svg, "line", x1=px + 5, y1=mid - 7, x2=px + 5, y2=mid + 7, stroke=INJECT,
                **{"stroke-width": 1.2, "stroke-dasharray": "3 3"})
        else:
            _el(svg, "circle", cx=px + 5, cy=mid, r=4.5, fill=RED if kind == "late" else GREEN)
        _text(svg, px + 15, mid + 4, label, fill=INK, size=10)
        px += 26 + len(label) * 5.8


def _diamond(parent: ET.Element, cx: float, cy: float, r: float = 5.5) -> None:
    corners = ((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy))
    points = " ".join(f"{_n(px)},{_n(py)}" for px, py in corners)
    _el(parent, "polygon", points=points, fill="#ffffff", stroke=INK, **{"stroke-width": 1.5})


def _cross(parent: ET.Element, cx: float, cy: float, r: float = 4.5) -> None:
    for dx in (-r, r):
        _el(parent, "line", x1=cx - r, y1=cy - dx, x2=cx + r, y2=cy + dx, stroke=RED,
            **{"stroke-width": 2.2})


def _text(parent: ET.Element, x: float, y: float, text: str, *, anchor: str = "start",
          fill: str = INK, size: int = 11, bold: bool = False) -> None:
    attrs = {"x": x, "y": y, "fill": fill, "font-size": size}
    if anchor != "start":
        attrs["text-anchor"] = anchor
    if bold:
        attrs["font-weight"] = "bold"
    _el(parent, "text", **attrs).text = text


def _el(parent: ET.Element, tag: str, **attrs: object) -> ET.Element:
    return ET.SubElement(parent, f"{{{SVG_NS}}}{tag}",
                         {k: _n(v) if isinstance(v, int | float) else str(v)
                          for k, v in attrs.items()})


def _n(value: float) -> str:
    """A number as short SVG text (no trailing .0)."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def _short(title: str) -> str:
    flat = " ".join(title.replace("**", "").replace("`", "").split())
    return flat if len(flat) <= LABEL_CHARS else flat[:LABEL_CHARS - 1].rstrip() + "…"
