"""The details of the selected step (or section), rendered inert below the checklist.

Structure comes from the runbook model and the run state; only the step's details and the
section's intro are Markdown, rendered by ``markdown_html`` (raw HTML off) into a browser that
loads nothing and confirms before a link leaves the app.
"""

from __future__ import annotations

from html import escape
from string import Template

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from runbook_assistant.core.formatting import clock, duration_text
from runbook_assistant.core.run.state_types import RunState, StepState
from runbook_assistant.core.runbook.model import Runbook, Section, Step
from runbook_assistant.ui import theme
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.markdown_html import render_markdown
from runbook_assistant.ui.runbook_reader import SafeTextBrowser

STYLE = """
h2 { margin-bottom: 2px; }
p.status { font-weight: bold; }
p.done { color: $ok; }
p.warn { color: $danger; }
p.attrs, p.keys, li.note span.when { color: $muted; }
p.keys { margin-top: 14px; }
pre { background-color: $alt_base; }
span.image { color: $muted; }
"""


class StepDetail(SafeTextBrowser):
    """Shows one step or section; Escape hands the focus back (``escape_pressed``)."""

    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepDetail")
        self._key: tuple[object, ...] | None = None
        self._apply_style()

    def _apply_style(self) -> None:
        self.document().setDefaultStyleSheet(Template(STYLE).safe_substitute(theme.colors()))

    def show_step(self, runbook: Runbook, state: RunState, step: Step) -> None:
        """Render ``step`` as it stands in ``state`` (skipped when nothing it shows changed)."""
        current = state.step(step.id)
        notes = tuple(n for n in state.notes if n.step_id == step.id)
        decisions = tuple(d for d in state.decisions if d.step_id == step.id)
        waiting = self._waiting_for(runbook, state, step)
        key = ("step", step.id, current, notes, decisions, waiting, ui_lang())
        if key == self._key:
            return
        self._key = key
        self.setHtml(self._step_html(runbook, state, step, current, waiting))

    def show_section(self, runbook: Runbook, state: RunState, section: Section) -> None:
        progress = state.section(section.id)
        key = ("section", section.id, progress, ui_lang())
        if key == self._key:
            return
        self._key = key
        parts = [f"<h2>{escape(section.title)}</h2>"]
        if progress is not None:
            done = self.tr("{done} of {total} done").format(done=progress.done,
                                                            total=progress.total)
            parts.append(f"<p class='status'>{escape(done)}</p>")
            waiting = ""
            if not progress.active:
                waiting = self.tr("Not taken: another option was chosen.")
            elif progress.pending and progress.waiting_for:
                decision = runbook.step(progress.waiting_for)
                waiting = self.tr("Waits for the decision “{d}”.").format(
                    d=decision.title if decision else progress.waiting_for)
            if waiting:
                parts.append(f"<p class='warn'>{escape(waiting)}</p>")
        mode = {"read-do": self.tr("READ-DO: read each step, then do it."),
                "do-confirm": self.tr("DO-CONFIRM: do it from memory, then confirm each step.")}
        if section.mode in mode:
            parts.append(f"<p><b>{escape(mode[section.mode])}</b></p>")
        parts.append(render_markdown(section.intro))
        keys = self.tr("Enter or → opens the section, ← closes it.")
        parts.append(f"<p class='keys'>{escape(keys)}</p>")
        self.setHtml("".join(parts))

    def clear_detail(self) -> None:
        self._key = None
        self.clear()

    # --- building --------------------------------------------------------------------------------
    @staticmethod
    def _waiting_for(runbook: Runbook, state: RunState, step: Step) -> str:
        progress = state.section(step.section_id)
        if progress is None or not progress.pending or not progress.waiting_for:
            return ""
        decision = runbook.step(progress.waiting_for)
        return decision.title if decision else progress.waiting_for

    def _step_html(self, runbook: Runbook, state: RunState, step: Step,
                   current: StepState | None, waiting: str) -> str:
        parts = [f"<h2>{escape(step.title)}</h2>"]
        status, tone = self._status(current, waiting)
        parts.append(f"<p class='status {tone}'>{escape(status)}</p>")
        override = state.override_of(step.id)
        if override is not None:  # a rule set aside: in red, with who and why
            parts.append("<p class='status warn'>" + escape(
                self.tr("OVERRIDE by {who}: {reason}").format(who=override.by,
                                                             reason=override.reason))
                + "</p>")
        attrs = self._attributes(runbook, step)
        if attrs:
            parts.append(f"<p class='attrs'>{escape(attrs)}</p>")
        if step.options:
            chosen = state.current_decision(step.id)
            items = []
            for n, option in enumerate(step.options, 1):
                target = runbook.section(option.target)
                text = f"{n}. {option.label} → {target.title if target else option.target}"
                mark = f" <b>({escape(self.tr('chosen'))})</b>" if chosen and \
                    chosen.option == option.target else ""
                items.append(f"<li>{escape(text)}{mark}</li>")
            parts.append(f"<ul>{''.join(items)}</ul>")
        parts.append(render_markdown(step.details))
        notes = [n for n in state.notes if n.step_id == step.id]
        if notes:
            parts.append(f"<h3>{escape(self.tr('Notes'))}</h3><ul>")
            parts.extend(f"<li class='note'><span class='when'>{escape(clock(n.at))} "
                         f"{escape(n.actor)}:</span> {escape(n.text)}</li>" for n in notes)
            parts.append("</ul>")
        parts.append(f"<p class='keys'>{escape(self._keys(step))}</p>")
        return "".join(parts)

    def _status(self, current: StepState | None, waiting: str) -> tuple[str, str]:
        if current is None:
            return "", ""
        if not current.active:
            return self.tr("Not taken: this branch was not chosen."), "warn"
        if waiting:
            return self.tr("Waits for the decision “{d}”.").format(d=waiting), "warn"
        if current.status == "done":
            text = self.tr("Done by {who} at {time}.").format(who=current.by or "?",
                                                              time=clock(current.at))
            if current.verified_by:
                text += " " + self.tr("Verified by {who}.").format(who=current.verified_by)
            return text, "done"
        if current.status == "skipped":
            return self.tr("Skipped by {who} at {time}: {reason}").format(
                who=current.by or "?", time=clock(current.at), reason=current.reason), ""
        if current.overdue:
            return self.tr("Open — overdue."), "warn"
        return self.tr("Open."), ""

    def _attributes(self, runbook: Runbook, step: Step) -> str:
        attrs: list[str] = []
        if step.role:
            attrs.append(self.tr("Role: {r}").format(r=runbook.role_name(step.role)))
        if step.four_eyes:
            attrs.append(self.tr("four eyes: one person does it, another verifies"))
        lang = ui_lang()
        if step.due is not None:
            attrs.append(self.tr("due {d} after the start").format(d=duration_text(step.due, lang)))
        if step.timebox is not None:
            attrs.append(self.tr("timebox {d}").format(d=duration_text(step.timebox, lang)))
        if step.every is not None:
            attrs.append(self.tr("every {d}").format(d=duration_text(step.every, lang)))
        if step.optional:
            attrs.append(self.tr("optional"))
        return " · ".join(attrs)

    def _keys(self, step: Step) -> str:
        if step.decision:
            return self.tr("D or Space: record the decision · U: reopen it · N: note")
        return self.tr("Space: done · S: skip · U: undo · N: note")

    # --- events ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._apply_style()
            self._key = None  # rebuilt by the view's next refresh
        super().changeEvent(event)
