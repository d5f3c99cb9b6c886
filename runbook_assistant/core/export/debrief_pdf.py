"""The exercise debrief as PDF pages (drawn by ``runbook_assistant.pdf``, with the red EXERCISE band
on every page). Prose and the chart go as HTML blocks; steps, injects and notes as tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape

from runbook_assistant.core.export.debrief_data import (
    Comparison,
    Debrief,
    InjectFigure,
    StepFigure,
)
from runbook_assistant.core.export.debrief_labels import debrief_labels
from runbook_assistant.core.export.html import environment
from runbook_assistant.core.export.pdf_pages import (
    ALARM,
    SMALL,
    STYLESHEET,
    Block,
    Cell,
    Column,
    HtmlBlock,
    Line,
    Pages,
    TableBlock,
    TableRow,
)
from runbook_assistant.core.formatting import exercise_time, span_text

ChartImage = Callable[[Debrief, dict[str, str]], str]
_CSS = STYLESHEET + """
.late { color: #b00020; font-weight: bold; }
.hint { color: #444444; }
"""


def debrief_pages(debrief: Debrief, comparison: Comparison | None,
                  chart_image: ChartImage) -> Pages:
    """The PDF of one debrief, or of two runs side by side."""
    data = debrief.data
    w = debrief_labels(data.lang)
    macros = environment().get_template("pdf_blocks.html.j2").module
    title = w["compare"] if comparison is not None else w["debrief"]
    blocks: list[Block] = [HtmlBlock(str(macros.title_block(data, w, title)))]  # type: ignore[attr-defined]
    if comparison is None:
        blocks += _single(debrief, w, chart_image)
    else:
        blocks += _compared(comparison, w, chart_image)
    blocks.append(HtmlBlock(str(macros.anchors_block(data, w))))  # type: ignore[attr-defined]
    footer = f"{w['run_id']} {data.record.id} · {w['exported']} {data.date_time(data.exported_at)}"
    return Pages(title=f"{title}: {data.header_title()}", header=data.header_title(),
                 footer=footer, page_label=w["page"], lang=data.lang, blocks=blocks,
                 banner=w["exercise_banner"], stylesheet=_CSS)


def _single(b: Debrief, w: dict[str, str], chart_image: ChartImage) -> list[Block]:
    scenario = escape(b.data.record.scenario_id or w["no_scenario"])
    blocks: list[Block] = [
        HtmlBlock(f"<p><b>{escape(w['scenario'])}:</b> {scenario}</p>"
                  f"<h2>{escape(w['outcome'])}</h2>{_outcome(b, w)}"
                  f"<h2>{escape(w['goals'])}</h2>{_items(b.goals, w['no_goals'])}"
                  f"<p class='hint'>{escape(w['goals_hint'])}</p>"),
        HtmlBlock(f"<h2>{escape(w['chart'])}</h2><p class='meta'>{escape(w['chart_intro'])}</p>"
                  f"{chart_image(b, w)}"),
        HtmlBlock(_overrides(b, w) + f"<h2>{escape(w['missed_late'])}</h2>{_missed_late(b, w)}"),
        TableBlock(
            (Column(w["step"], 0.33), Column(w["role"], 0.17), Column(w["planned"], 0.11),
             Column(w["actual"], 0.12), Column(w["took"], 0.1), Column(w["verdict"], 0.17)),
            _step_rows(b, w), heading=w["steps"]),
        _inject_table(b, w),
        _messages_table(b, w),
        HtmlBlock(f"<h2>{escape(w['decisions'])}</h2>{_decisions(b, w)}"),
        _notes_table(b, w),
        HtmlBlock(f"<h2>{escape(w['questions'])}</h2>{_items(b.questions, w['no_questions'])}"),
        _lessons_table(b, w),
        HtmlBlock(f"<h2>{escape(w['clock_changes'])}</h2>" + (
            "<ul>" + "".join(f"<li>{escape(c.text)}</li>" for c in b.clock) + "</ul>"
            if b.clock else f"<p>{escape(w['no_clock_changes'])}</p>")),
    ]
    return blocks


def _compared(c: Comparison, w: dict[str, str], chart_image: ChartImage) -> list[Block]:
    a_title, b_title = w["run_a"], w["run_b"]
    heads = (f"<tr><th></th><th>{escape(a_title)}</th><th>{escape(b_title)}</th></tr>"
             f"<tr><td class='meta'>{escape(w['run_id'])}</td><td>{escape(c.a.data.record.id)}"
             f"</td><td>{escape(c.b.data.record.id)}</td></tr>"
             f"<tr><td class='meta'>{escape(w['run'])}</td><td>{escape(c.a.data.record.title)}"
             f"</td><td>{escape(c.b.data.record.title)}</td></tr>")
    outcome = (f"<tr><td></td><td>{_outcome(c.a, w)}</td><td>{_outcome(c.b, w)}</td></tr>")
    steps = TableBlock(
        (Column(w["step"], 0.4), Column(w["planned"], 0.1), Column(a_title, 0.17),
         Column(b_title, 0.17), Column(w["difference"], 0.16)),
        _pair_rows(c, w), heading=w["steps"])
    reactions = TableBlock(
        (Column(w["inject"], 0.56), Column(w["to"], 0.16), Column(a_title, 0.14),
         Column(b_title, 0.14)),
        (TableRow((f"{exercise_time(p.offset)} {p.text}", p.to or w["everyone"],
                   _reaction(p.a, w), _reaction(p.b, w))) for p in c.injects),
        heading=w["reactions"])
    return [
        HtmlBlock(f"<table cellspacing='0' cellpadding='3' width='100%'>{heads}{outcome}"
                  f"</table><p class='hint'>{escape(w['goals_hint'])}</p>"),
        steps, reactions,
        HtmlBlock(f"<h2>{escape(w['chart'])} — {escape(a_title)}</h2>{chart_image(c.a, w)}"),
        HtmlBlock(f"<h2>{escape(w['chart'])} — {escape(b_title)}</h2>{chart_image(c.b, w)}"),
        *(HtmlBlock(_overrides(run, w, f"{w['overrides']} — {title}"))
          for run, title in ((c.a, a_title), (c.b, b_title)) if run.overrides),
        HtmlBlock(f"<h2>{escape(w['decisions'])} — {escape(a_title)}</h2>{_decisions(c.a, w)}"),
        HtmlBlock(f"<h2>{escape(w['decisions'])} — {escape(b_title)}</h2>{_decisions(c.b, w)}"),
    ]


def verdict_text(s: StepFigure, w: dict[str, str]) -> str:
    if s.verdict == "late":
        return w["v_late"].format(t=span_text(s.late_by, w["lang"]))
    return w[f"v_{s.verdict}"]


def _outcome(b: Debrief, w: dict[str, str]) -> str:
    lines = (
        w["steps_line"].format(done=b.done, total=b.total, on_time=b.count("on_time"),
                               late=b.count("late"), missed=b.count("missed"),
                               skipped=b.count("skipped")),
        w["injects_line"].format(n=len(b.injects), met=b.reactions("met"),
                                 late=b.reactions("late"), missed=b.reactions("missed"),
                                 median=span_text(b.median_reaction, w["lang"])),
        w["decisions_line"].format(n=len(b.decisions)),
        *([w["overrides_line"].format(n=len(b.overrides))] if b.overrides else []),
        w["length"].format(exercise=span_text(b.end, w["lang"]),
                           real=span_text(b.real_seconds, w["lang"])))
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def _overrides(b: Debrief, w: dict[str, str], heading: str = "") -> str:
    """Every rule set aside, in red, in exercise time (nothing when none was)."""
    if not b.overrides:
        return ""
    items = "".join(
        "<p class='missing'>" + escape(w["override_line"].format(
            step=o.step_title, who=o.by, when=b.moment(o.at, o.wall), reason=o.reason))
        + f"<br><span class='meta'>{escape(w['override_refused'].format(refused=o.refused))}"
          "</span></p>" for o in b.overrides)
    return f"<h2 class='missing'>{escape(heading or w['overrides'])}</h2>{items}"


def _missed_late(b: Debrief, w: dict[str, str]) -> str:
    if not b.missed_or_late:
        return f"<p>{escape(w['none_missed_late'])}</p>"
    items = []
    for s in b.missed_or_late:
        text = f"<b>{escape(s.title)}</b> ({escape(s.role)}): " \
               f"<span class='late'>{escape(verdict_text(s, w))}</span>"
        if s.planned is not None:
            text += f" — {escape(w['planned'].lower())} {exercise_time(s.planned)}"
        if s.actual is not None:
            text += f", {escape(w['actual'].lower())} {exercise_time(s.actual)}"
        if s.over_timebox:
            text += ", " + escape(w["over_timebox"].format(t=span_text(s.timebox, w["lang"])))
        items.append(f"<li>{text}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _step_rows(b: Debrief, w: dict[str, str]) -> Iterator[TableRow]:
    overridden = b.overridden
    for s in b.steps:
        took = span_text(s.took, w["lang"]) if s.took is not None else ""
        over = w["over_timebox"].format(t=span_text(s.timebox, w["lang"]))
        took_cell = (Line(took), Line(over, SMALL)) \
            if s.over_timebox else took
        title: Cell = (Line(s.title), Line(s.by, SMALL)) if s.by else s.title
        if s.step_id in overridden:
            title = (Line(s.title, ALARM), Line(f"{w['overridden']} — {s.by}", SMALL))
        yield TableRow((title, s.role, exercise_time(s.planned) if s.planned is not None else "",
                        exercise_time(s.actual) if s.actual is not None else "", took_cell,
                        verdict_text(s, w)))


def _pair_rows(c: Comparison, w: dict[str, str]) -> Iterator[TableRow]:
    for p in c.steps:
        cells = []
        for figure in (p.a, p.b):
            if figure is None:
                cells.append("")
            elif figure.actual is None:
                cells.append(verdict_text(figure, w))
            else:
                cells.append((Line(exercise_time(figure.actual)),
                              Line(verdict_text(figure, w), SMALL)))
        difference = ""
        if p.difference is not None and p.difference:
            key = "faster" if p.difference < 0 else "slower"
            difference = w[key].format(t=span_text(p.difference, w["lang"]))
        yield TableRow((p.title, exercise_time(p.planned) if p.planned is not None else "",
                        cells[0], cells[1], difference))


def _reaction(figure: object, w: dict[str, str]) -> str:
    if figure is None:
        return "–"
    reaction = getattr(figure, "reaction", None)
    return span_text(reaction, w["lang"]) if reaction is not None else w["no_reaction"]


def _inject_table(b: Debrief, w: dict[str, str]) -> Block:
    if not b.injects:
        return HtmlBlock(f"<h2>{escape(w['injects'])}</h2><p>{escape(w['no_injects'])}</p>")
    # The moments read "T+00:12 (14:32)": columns wide enough to keep that on one line.
    return TableBlock((Column("#", 0.05), Column(w["inject"], 0.27), Column(w["delivered"], 0.18),
                       Column(w["reaction"], 0.29), Column(w["verdict"], 0.12),
                       Column(w["after"], 0.09)),
                      (_inject_row(b, i, w) for i in b.injects), heading=w["injects"])


def _inject_row(b: Debrief, i: InjectFigure, w: dict[str, str]) -> TableRow:
    if i.expected:
        lines = [Line("; ".join(i.expected))]
        if i.within is not None:
            lines.append(Line(w["within"].format(t=span_text(i.within, w["lang"])), SMALL))
        if i.reaction_text:
            lines.append(Line(w["done_by"].format(event=i.reaction_text), SMALL))
        if i.missing:
            lines.append(Line(w["still_missing"].format(items="; ".join(i.missing)), SMALL))
        expected: str | tuple[Line, ...] = tuple(lines)
    else:
        expected = w["no_expectation"]
    return TableRow((str(i.number), (Line(i.text), Line(i.to or w["everyone"], SMALL)),
                     b.moment(i.delivered, i.delivered_wall), expected,
                     w[f"r_{i.verdict}"] if i.verdict else "",
                     span_text(i.reaction, w["lang"]) if i.reaction is not None else "–"))


def _messages_table(b: Debrief, w: dict[str, str]) -> Block:
    if not b.messages:
        return HtmlBlock(f"<h2>{escape(w['messages'])}</h2><p>{escape(w['no_messages'])}</p>")
    return TableBlock((Column(w["exercise_time"], 0.19), Column(w["what"], 0.34),
                       Column(w["channel"], 0.15), Column(w["audience"], 0.15),
                       Column(w["who"], 0.17)),
                      (TableRow((b.moment(m.at, m.wall), m.title, m.channel, m.audience, m.actor))
                       for m in b.messages), heading=w["messages"])


def _lessons_table(b: Debrief, w: dict[str, str]) -> Block:
    rows = [TableRow((x.label, x.text, x.owner, x.due.isoformat() if x.due else "",
                      w.get(f"lesson_{x.status}", x.status)))
            for x in b.lessons] or [TableRow(("", w["no_lessons"], "", "", ""))]
    return TableBlock((Column("#", 0.06), Column(w["lesson"], 0.52), Column(w["owner"], 0.18),
                       Column(w["due"], 0.13), Column(w["status"], 0.11)),
                      rows, heading=w["lessons"])


def _items(values: list[str], empty: str) -> str:
    if not values:
        return f"<p class='hint'>{escape(empty)}</p>"
    return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


def _notes_table(b: Debrief, w: dict[str, str]) -> Block:
    if not b.observations:
        return HtmlBlock(f"<h2>{escape(w['observations'])}</h2>"
                         f"<p>{escape(w['no_observations'])}</p>")
    return TableBlock((Column(w["exercise_time"], 0.19), Column(w["who"], 0.17),
                       Column(w["what"], 0.64)),
                      (TableRow((b.moment(n.at, n.wall), n.actor,
                                 f"{n.step_title}: {n.text}" if n.step_title else n.text))
                       for n in b.observations), heading=w["observations"])


def _decisions(b: Debrief, w: dict[str, str]) -> str:
    if not b.decisions:
        return f"<p>{escape(w['no_decisions'])}</p>"
    head = "".join(f"<th>{escape(w[k])}</th>"
                   for k in ("exercise_time", "decision", "chosen", "rationale", "owner"))
    rows = "".join(
        f"<tr><td>{b.moment(x.at, x.wall)}</td><td>{escape(x.step_title)}</td>"
        f"<td><b>{escape(x.label)}</b>"
        f"</td><td>{escape(x.rationale)}</td><td>{escape(x.owner)}</td></tr>"
        for x in b.decisions)
    return (f"<table width='100%' cellspacing='0' cellpadding='3' border='1' "
            f"style='border-collapse: collapse; border-color: #999999;'><thead><tr>{head}</tr>"
            f"</thead>{rows}</table>")
