"""The runbook model: frozen dataclasses, each element carrying the 1-based line it came from.

A ``Runbook`` is what the parser makes of one Markdown file: a playbook (``kind="runbook"``) or a
tabletop scenario (``kind="exercise"``, with ``runbook`` naming the playbook and ``injects``).
Durations are whole seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a diagnostic is: an error makes a runbook unusable, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of the parser or the validator, printed as ``path:line: severity: message``."""

    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value}: {self.message}"


@dataclass(frozen=True)
class Role:
    """A role a runbook names (``incident-lead``) with the title people know it by."""

    id: str
    name: str
    line: int = 0


@dataclass(frozen=True)
class Option:
    """One choice of a decision step; ``target`` is the id of the section it leads to."""

    label: str
    target: str
    line: int = 0


@dataclass(frozen=True)
class MessageTemplate:
    """A communication template (a fenced ``message`` block) with ``{placeholders}``."""

    id: str
    channel: str
    audience: str
    text: str
    placeholders: tuple[str, ...]
    section_id: str
    line: int = 0
    title: str = ""
    checks: tuple[str, ...] = ()  # names of ``{check:NAME}`` placeholders, in order


# The outcomes a check step can record, in the order offered: a statement the municipality must
# not assume ("no attack", "no files damaged") is established only by a recorded "ruled-out".
CHECK_OUTCOMES: tuple[str, ...] = ("ruled-out", "not-ruled-out", "under-investigation")
# Where a ``due=`` timer counts from: the run's start, or the moment the incident was discovered.
DUE_FROM: tuple[str, ...] = ("start", "discovery")


@dataclass(frozen=True)
class Step:
    """One checklist item.

    ``details`` is the Markdown source below the step line (rendered by the UI and exports).
    ``due`` counts from the run's start (or, with ``due_from="discovery"``, from the moment of
    discovery), ``timebox`` from the moment the step becomes current, ``every`` repeats from the
    run's start (or the last time the step was done).

    ``verifier`` is the role that may verify a four-eyes step besides ``role`` itself.
    ``needs`` are minimum numbers present per role before the step may be checked, and
    ``needs_staffing`` asks for the runbook's whole ``staffing`` minimum (see
    ``Runbook.staffing_needs``, which adds the section's). A step with ``check`` set records the
    outcome of a check (one of ``CHECK_OUTCOMES``) under that name, done by its ``role``. A step
    with ``message`` set sends that message template: checking it logs the send.
    """

    id: str
    title: str
    section_id: str
    line: int = 0
    details: str = ""
    role: str | None = None
    four_eyes: bool = False
    decision: bool = False
    optional: bool = False
    due: int | None = None
    timebox: int | None = None
    every: int | None = None
    options: tuple[Option, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()  # unknown key=value attributes, kept for tools
    verifier: str | None = None  # a role that may verify a .four-eyes step besides ``role``
    needs: tuple[tuple[str, int], ...] = ()  # (role id, minimum present) before checking it
    needs_staffing: bool = False  # the runbook's staffing minimum must be met
    due_from: str = "start"  # "start" | "discovery": what ``due`` counts from
    check: str | None = None  # the name of the statement this step establishes
    message: str | None = None  # the id of the message template this step sends


@dataclass(frozen=True)
class Section:
    """A ``##`` section: a group of steps, with an optional READ-DO / DO-CONFIRM mode."""

    id: str
    title: str
    line: int = 0
    mode: str | None = None  # "read-do" | "do-confirm" | None
    intro: str = ""  # Markdown prose before the first step
    steps: tuple[Step, ...] = ()
    messages: tuple[MessageTemplate, ...] = ()
    needs: tuple[tuple[str, int], ...] = ()  # staffing every step of the section needs
    needs_staffing: bool = False  # every step needs the runbook's staffing minimum


@dataclass(frozen=True)
class Inject:
    """A scenario event delivered at ``offset`` seconds after the exercise starts.

    ``expect``: the reaction the exercise staff expects, as ids in the exercised runbook: a step
    (checked, skipped or decided) or ``message:ID`` (that message sent); ``within``: seconds
    after delivery by which all of it should have happened (None: by the end of the exercise).
    """

    offset: int
    text: str
    to: str | None = None  # a role id
    line: int = 0
    expect: tuple[str, ...] = ()
    within: int | None = None


@dataclass(frozen=True)
class Runbook:
    """A parsed playbook or exercise scenario."""

    id: str
    title: str
    version: int = 1
    lang: str = "en"
    kind: str = "runbook"  # "runbook" | "exercise"
    path: str = ""
    sha256: str = ""
    owner: str = ""
    severity: str = ""
    summary: str = ""
    intro: str = ""
    tags: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    staffing: tuple[tuple[str, int], ...] = ()  # (role id, minimum present)
    services: tuple[str, ...] = ()  # in restore-priority order
    sections: tuple[Section, ...] = ()
    runbook: str | None = None  # for a scenario: the id of the runbook it exercises
    injects: tuple[Inject, ...] = ()
    review_by: str = ""  # YYYY-MM-DD: the library shows "review due" after this date
    foreign: bool = False  # no front matter, or another tool's: structure findings are warnings
    extra: tuple[tuple[str, str], ...] = field(default=())  # unknown front matter keys (as text)

    # --- look-ups ------------------------------------------------------------------------------
    def iter_steps(self) -> Iterator[Step]:
        """Every step, in document order."""
        for section in self.sections:
            yield from section.steps

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(self.iter_steps())

    @property
    def messages(self) -> tuple[MessageTemplate, ...]:
        return tuple(m for s in self.sections for m in s.messages)

    def step(self, step_id: str) -> Step | None:
        """The step with this id, or None."""
        return next((s for s in self.iter_steps() if s.id == step_id), None)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return next((s for s in self.sections if s.id == section_id), None)

    def message(self, message_id: str) -> MessageTemplate | None:
        """The message template with this id, or None."""
        return next((m for m in self.messages if m.id == message_id), None)

    def check_step(self, name: str) -> Step | None:
        """The step that establishes the check ``name`` (``{check=name}``), or None."""
        return next((s for s in self.iter_steps() if s.check == name), None)

    def staffing_needs(self, step: Step) -> tuple[tuple[str, int], ...]:
        """The minimum present per role before ``step`` may be checked: its own ``needs``, its
        section's, and the runbook's ``staffing`` where either asks for it; the highest number
        per role counts, in the order first named."""
        section = self.section(step.section_id)
        wanted: dict[str, int] = {}
        parts = [step.needs, section.needs if section else ()]
        if step.needs_staffing or (section is not None and section.needs_staffing):
            parts.append(self.staffing)
        for part in parts:
            for role_id, count in part:
                wanted[role_id] = max(count, wanted.get(role_id, 0))
        return tuple(wanted.items())

    def role_name(self, role_id: str | None) -> str:
        """The display name of a role id (the id itself if undeclared)."""
        if role_id is None:
            return ""
        return next((r.name for r in self.roles if r.id == role_id), role_id)

    @property
    def file_name(self) -> str:
        return Path(self.path).name if self.path else ""


@dataclass(frozen=True)
class ParseResult:
    """What parsing one file gives: a runbook (None when unusable) and every diagnostic."""

    runbook: Runbook | None
    diagnostics: tuple[Diagnostic, ...] = ()
    # How a foreign file was read where it was a guess (line, note): bold paragraphs as headings,
    # numbered paragraphs as steps, announced texts as messages. ``import`` prints them.
    guesses: tuple[tuple[int, str], ...] = ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        return self.runbook is not None and not self.errors
