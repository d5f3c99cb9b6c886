"""The paper checklist: a blank, printable sheet of a runbook for when the laptops are dead too.

Every step has a box, a time column and an initials column; four-eyes steps a second initials
column (hatched elsewhere); decision steps list their options with the section each leads to, and
a branch section says which choice it belongs to. Every line carries the step id (and its number)
so that a filled-in sheet can be typed in afterwards as late entries
(``run check RUN STEP --actor INITIALS --at HH:MM``). The message templates of a section follow its
steps, word for word, so the texts the steps refer to are on paper too. Contacts per role close the
sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.inert import one_line
from runbook_assistant.core.export.pdf_pages import (
    BOLD,
    MONO,
    SMALL,
    STYLESHEET,
    Block,
    Column,
    HtmlBlock,
    Line,
    Pages,
    TableBlock,
    TableRow,
)
from runbook_assistant.core.formatting import duration_text
from runbook_assistant.core.i18n import LANGS, labels
from runbook_assistant.core.runbook.branches import deciders_by_target
from runbook_assistant.core.runbook.model import Runbook, Step

if TYPE_CHECKING:
    from collections.abc import Iterable

    from runbook_assistant.core.comms.contacts import ContactBook

_MARKUP = re.compile(r"(\*\*|__|`)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class OptionLine:
    label: str
    target: str
    target_title: str


@dataclass(frozen=True)
class SheetStep:
    number: int
    id: str
    title: str
    role: str
    four_eyes: bool
    decision: bool
    optional: bool
    timing: str
    details: tuple[str, ...]
    options: tuple[OptionLine, ...]

    @property
    def meta(self) -> str:
        """``#id · role · timing`` as printed under the title."""
        return " · ".join(p for p in (f"#{self.id}", self.role, self.timing) if p)


@dataclass(frozen=True)
class SheetMessage:
    """A message template as printed: its title, where it goes, and its text with placeholders."""

    id: str
    title: str
    route: str  # channel → audience
    text: str


@dataclass(frozen=True)
class SheetSection:
    id: str
    title: str
    note: str  # the section's mode and, for a branch, which choice it belongs to
    steps: tuple[SheetStep, ...]
    messages: tuple[SheetMessage, ...] = ()


@dataclass(frozen=True)
class ContactLine:
    role: str
    name: str
    phone: str
    alternate: str
    email: str
    on_call: bool


@dataclass(frozen=True)
class ChecklistSheet:
    runbook: Runbook
    lang: str
    labels: dict[str, str]
    sections: tuple[SheetSection, ...]
    contacts: tuple[ContactLine, ...]

    @property
    def steps(self) -> tuple[SheetStep, ...]:
        return tuple(step for section in self.sections for step in section.steps)

    @property
    def header(self) -> str:
        return f"{self.runbook.title} — {self.labels['checklist']}"

    @property
    def footer(self) -> str:
        rb = self.runbook
        sha = f" · sha256 {rb.sha256[:12]}" if rb.sha256 else ""
        return f"{self.labels['runbook']} {rb.id}, {self.labels['version']} {rb.version}{sha}"


def build_checklist(runbook: Runbook, *, contacts: ContactBook | None = None,
                    lang: str | None = None) -> ChecklistSheet:
    """The sheet of ``runbook`` in ``lang`` (default: the runbook's language)."""
    lang = lang if lang in LANGS else (runbook.lang if runbook.lang in LANGS else "en")
    words = labels(lang)
    deciders = deciders_by_target(runbook)
    numbers = {step.id: n for n, step in enumerate(runbook.iter_steps(), 1)}
    sections = []
    for section in runbook.sections:
        notes = []
        if section.mode:
            notes.append(words.get(f"section_mode_{section.mode}", section.mode))
        for decider in deciders.get(section.id, ()):
            chosen = [o.label for o in decider.options if o.target == section.id]
            notes.append(words["branch_note"].format(id=decider.id, title=decider.title,
                                                     options=" / ".join(chosen)))
        steps = tuple(_step(runbook, step, numbers[step.id], lang, words)
                      for step in section.steps)
        messages = tuple(SheetMessage(m.id, m.title or m.id,
                                      " → ".join(p for p in (m.channel, m.audience) if p),
                                      paper_text(m.text))
                         for m in section.messages)
        sections.append(SheetSection(section.id, section.title, " · ".join(notes), steps,
                                     messages))
    return ChecklistSheet(runbook, lang, words, tuple(sections), _contacts(runbook, contacts))


def _step(runbook: Runbook, step: Step, number: int, lang: str,
          words: dict[str, str]) -> SheetStep:
    timing = [words["due"].format(when=duration_text(step.due, lang)) if step.due else "",
              words["timebox"].format(when=duration_text(step.timebox, lang))
              if step.timebox else "",
              words["every"].format(when=duration_text(step.every, lang)) if step.every else "",
              words["optional"] if step.optional else ""]
    options = tuple(
        OptionLine(o.label, o.target, (runbook.section(o.target).title
                                       if runbook.section(o.target) else o.target))
        for o in step.options)
    return SheetStep(number=number, id=step.id, title=one_line(step.title),
                     role=runbook.role_name(step.role) if step.role else "",
                     four_eyes=step.four_eyes, decision=step.decision, optional=step.optional,
                     timing=", ".join(t for t in timing if t), details=_details(step.details),
                     options=options)


def _details(markdown: str) -> tuple[str, ...]:
    """The step's explanation as plain lines: one per paragraph or list item, as Markdown reads
    it (a sentence wrapped over two source lines stays one line); list markers and emphasis
    marks dropped."""
    entries: list[str] = []
    joining = False  # the previous source line continues into this one
    for raw in markdown.splitlines():
        if not raw.strip():
            joining = False
            continue
        item = _ITEM.match(raw)
        text = one_line(_MARKUP.sub("", raw[item.end():] if item else raw))
        if joining and not item:
            entries[-1] = f"{entries[-1]} {text}"
        else:
            entries.append(text)
        joining = True
    return tuple(e for e in entries if e)


_WRAP_END = re.compile(r"[\w)]$")
_WRAP_NEXT = re.compile(r"^\s*[a-zà-ÿ{]")


def paper_text(text: str) -> str:
    """A template's text for paper: a sentence wrapped over source lines is one line again
    (the printer wraps it to the page); blank lines, list items, signatures and lines that
    end a sentence keep their breaks."""
    lines: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.rstrip()
        if (lines and _WRAP_END.search(lines[-1]) and _WRAP_NEXT.match(line)
                and not _ITEM.match(line)):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
    return "\n".join(lines)


def _contacts(runbook: Runbook, book: ContactBook | None) -> tuple[ContactLine, ...]:
    lines = []
    for role in runbook.roles:
        people = book.for_role(role.id) if book is not None else []
        if not people:  # an empty line to fill in by hand
            lines.append(ContactLine(role.name, "", "", "", "", False))
        for person in people:
            lines.append(ContactLine(role.name, person.name, person.phone,
                                     person.alternate_phone, person.email, person.on_call))
    return tuple(lines)


# --- HTML -----------------------------------------------------------------------------------
def render_checklist_html(sheet: ChecklistSheet, progress: Progress) -> Iterator[str]:
    """The sheet as a self-contained HTML page (print it from the browser)."""
    from runbook_assistant.core.export.html import render_template

    return render_template("checklist.html.j2", {
        "s": sheet, "w": sheet.labels, "lang": sheet.lang, "exercise": False,
        "page_title": sheet.header, "print_header": sheet.header,
        "steps": _counted(sheet, progress)})


def _counted(sheet: ChecklistSheet, progress: Progress) -> Iterator[SheetSection]:
    for section in sheet.sections:
        yield section
        progress.advance(len(section.steps))


# --- PDF ------------------------------------------------------------------------------------
def checklist_pages(sheet: ChecklistSheet) -> Pages:
    """The sheet as PDF pages: one table per section, the header row on every page."""
    return Pages(title=sheet.header, header=sheet.header, footer=sheet.footer,
                 page_label=sheet.labels["page"], lang=sheet.lang, blocks=_blocks(sheet),
                 stylesheet=STYLESHEET)


def _blocks(sheet: ChecklistSheet) -> Iterator[Block]:
    from runbook_assistant.core.export.html import environment

    module = environment().get_template("checklist_pdf.html.j2").module
    yield HtmlBlock(str(module.title_block(sheet, sheet.labels)))
    w = sheet.labels
    columns = (Column(w["box"], 0.07, "box"), Column(w["step"], 0.55),
               Column(w["time"], 0.11), Column(w["initials"], 0.11),
               Column(w["initials_2"], 0.16))
    for section in sheet.sections:
        yield TableBlock(columns, _rows(section, w), heading=section.title,
                         subheading=section.note, grid=True, zebra=False)
        for message in section.messages:
            yield HtmlBlock(str(module.message_block(message, w)))
    yield TableBlock(
        (Column(w["role"], 0.2), Column(w["name"], 0.2), Column(w["phone"], 0.14),
         Column(w["alt_phone"], 0.14), Column(w["email"], 0.32)),
        _contact_rows(sheet), heading=w["contacts"], subheading=w["on_call_note"], grid=True,
        zebra=False)


def _rows(section: SheetSection, w: dict[str, str]) -> Iterable[TableRow]:
    for step in section.steps:
        lines = [Line(f"{step.number}. {step.title}", BOLD), Line(step.meta, MONO)]
        if step.four_eyes:
            lines.append(Line(w["four_eyes"], SMALL))
        lines.extend(Line(f"– {d}", SMALL) for d in step.details)
        if step.decision:
            lines.append(Line(w["decision_step"], SMALL))
            lines.extend(Line(f"☐  {o.label}  →  {w['goes_to']} {o.target_title} (#{o.target})")
                         for o in step.options)
        yield TableRow(("☐", tuple(lines), "", "", ""),
                       blocked=() if step.four_eyes else (4,))


def _contact_rows(sheet: ChecklistSheet) -> Iterable[TableRow]:
    for c in sheet.contacts:
        name = f"{c.name} ●" if c.on_call else c.name
        yield TableRow((c.role, name, c.phone, c.alternate, c.email))
