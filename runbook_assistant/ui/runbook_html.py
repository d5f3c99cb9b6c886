"""A runbook (the parsed model) as one HTML page for the read-only reader.

Structure comes from the model, never from parsing Markdown here; only the prose parts (intro,
section intros, step details) are Markdown, rendered by ``markdown_html``. Titles and other plain
fields are escaped. Section anchors are ``<a name="section-id">`` so decision options jump there.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from runbook_assistant.core.formatting import duration_text, exercise_time
from runbook_assistant.core.runbook.model import Runbook, Section, Step
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.markdown_html import render_markdown

translate = QCoreApplication.translate


def _meta(runbook: Runbook) -> str:
    parts = [translate("RunbookHtml", "version {v}").format(v=runbook.version)]
    if runbook.severity:
        parts.append(translate("RunbookHtml", "severity: {s}").format(s=runbook.severity))
    parts.append(translate("RunbookHtml", "language: {l}").format(l=runbook.lang))
    if runbook.owner:
        parts.append(translate("RunbookHtml", "owner: {o}").format(o=runbook.owner))
    if runbook.tags:
        parts.append(translate("RunbookHtml", "tags: {t}").format(t=", ".join(runbook.tags)))
    return " · ".join(escape(p) for p in parts)


def _roles_table(runbook: Runbook) -> str:
    if not runbook.roles and not runbook.staffing:
        return ""
    minimum = dict(runbook.staffing)
    role_ids = [r.id for r in runbook.roles] + [r for r in minimum if r not in
                                                {x.id for x in runbook.roles}]
    rows = "".join(
        f"<tr><td>{escape(runbook.role_name(rid))}</td><td>{escape(rid)}</td>"
        f"<td align='center'>{minimum.get(rid, '')}</td></tr>" for rid in role_ids)
    role = escape(translate("RunbookHtml", "Role"))
    ident = escape(translate("RunbookHtml", "Id"))
    least = escape(translate("RunbookHtml", "Minimum present"))
    title = escape(translate("RunbookHtml", "Roles"))
    head = f"<tr><th align='left'>{role}</th><th align='left'>{ident}</th><th>{least}</th></tr>"
    return (f"<h3>{title}</h3>"
            f"<table cellpadding='4' cellspacing='0' border='1'>{head}{rows}</table>")


def _services(runbook: Runbook) -> str:
    if not runbook.services:
        return ""
    items = "".join(f"<li>{escape(s)}</li>" for s in runbook.services)
    title = translate("RunbookHtml", "Services, in order of restoring")
    return f"<h3>{escape(title)}</h3><ol>{items}</ol>"


def _step_attributes(runbook: Runbook, step: Step) -> str:
    attrs: list[str] = []
    if step.role:
        attrs.append(translate("RunbookHtml", "role: {r}").format(r=runbook.role_name(step.role)))
    if step.due is not None:
        attrs.append(translate("RunbookHtml", "due {d} after the start")
                     .format(d=duration_text(step.due, ui_lang())))
    if step.timebox is not None:
        attrs.append(translate("RunbookHtml", "timebox {d}")
                     .format(d=duration_text(step.timebox, ui_lang())))
    if step.every is not None:
        attrs.append(translate("RunbookHtml", "every {d}").format(
            d=duration_text(step.every, ui_lang())))
    if step.four_eyes:
        attrs.append(translate("RunbookHtml", "four eyes: a second person verifies"))
    if step.decision:
        attrs.append(translate("RunbookHtml", "decision"))
    if step.optional:
        attrs.append(translate("RunbookHtml", "optional"))
    return " · ".join(escape(a) for a in attrs)


def _step(runbook: Runbook, step: Step, number: int) -> str:
    marker = "◆" if step.decision else "☐"
    out = [f"<p class='step'><a name='step-{escape(step.id, quote=True)}'></a>"
           f"<b>{marker} {number}. {escape(step.title)}</b>"]
    attrs = _step_attributes(runbook, step)
    if attrs:
        out.append(f"<br/><span class='attrs'>{attrs}</span>")
    out.append("</p>")
    if step.details.strip():
        out.append(f"<blockquote>{render_markdown(step.details)}</blockquote>")
    if step.options:
        items = "".join(
            f"<li><a href='#{escape(o.target, quote=True)}'>{escape(o.label)}</a> → "
            f"{escape(_section_title(runbook, o.target))}</li>" for o in step.options)
        out.append(f"<ul class='options'>{items}</ul>")
    return "".join(out)


def _section_title(runbook: Runbook, section_id: str) -> str:
    section = runbook.section(section_id)
    return section.title if section else section_id


def _section(runbook: Runbook, section: Section) -> list[str]:
    mode = {"read-do": translate("RunbookHtml", "READ-DO: read each step, then do it"),
            "do-confirm": translate("RunbookHtml", "DO-CONFIRM: do from memory, then confirm")}
    head = f"<h2><a name='{escape(section.id, quote=True)}'></a>{escape(section.title)}</h2>"
    if section.mode in mode:
        head += f"<p class='mode'><b>{escape(mode[section.mode])}</b></p>"
    if section.intro.strip():
        head += render_markdown(section.intro)
    out = [head]
    out.extend(_step(runbook, step, n) for n, step in enumerate(section.steps, 1))
    for message in section.messages:
        # Only what the template names: an import may give no channel or audience.
        parts = [translate("RunbookHtml", "Message template {id}").format(id=message.id)]
        if message.channel:
            parts.append(translate("RunbookHtml", "channel: {c}").format(c=message.channel))
        if message.audience:
            parts.append(translate("RunbookHtml", "audience: {a}").format(a=message.audience))
        out.append(f"<p class='message'><b>{escape(message.title or message.id)}</b><br/>"
                   f"{escape(' · '.join(parts))}</p><pre>{escape(message.text)}</pre>")
    return out


def runbook_html(runbook: Runbook) -> str:
    """The whole runbook as an HTML page (body content only; the browser supplies colours)."""
    return "".join(runbook_html_parts(runbook))


def runbook_html_parts(runbook: Runbook) -> list[str]:
    """``runbook_html`` in pieces that each begin with a heading or a plain paragraph (the head,
    each section's start, each step, each message template, the injects): a text document can
    be built from them a piece at a time (``preview_builder``)."""
    parts = [f"<h1>{escape(runbook.title)}</h1>", f"<p class='meta'>{_meta(runbook)}</p>"]
    if runbook.kind == "exercise":
        note = translate("RunbookHtml", "Exercise scenario for the runbook {id}")
        parts.append(f"<p><b>{escape(note.format(id=runbook.runbook or '?'))}</b></p>")
    if runbook.summary:
        parts.append(f"<p><i>{escape(runbook.summary)}</i></p>")
    parts.append(_roles_table(runbook))
    parts.append(_services(runbook))
    if runbook.intro.strip():
        parts.append(render_markdown(runbook.intro))
    pieces = ["".join(parts)]
    for section in runbook.sections:
        pieces.extend(_section(runbook, section))
    if runbook.injects:
        items = "".join(f"<li>{exercise_time(i.offset)} — {escape(i.text)}</li>"
                        for i in runbook.injects)
        heading = escape(translate("RunbookHtml", "Injects"))
        pieces.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    return pieces


STYLE = """
h1 { margin-bottom: 4px; }
h2 { margin-top: 18px; }
p.meta, span.attrs { color: $muted; }
p.step { margin-top: 10px; margin-bottom: 2px; }
blockquote { margin-left: 28px; margin-top: 0px; }
ul.options { margin-left: 28px; }
pre { background-color: $alt_base; white-space: pre-wrap; }
span.image { color: $muted; }
td, th { padding: 4px; }
"""
