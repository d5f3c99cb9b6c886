"""Lint rules over a parsed runbook: decisions, roles, empty or long sections, network, injects.

The parser reports what it cannot read (YAML, attributes, durations, duplicate ids); the rules
here look at the runbook as a whole. Structural problems are errors in the project's own format
and warnings in foreign (imported) playbooks, which must always load.
"""

from __future__ import annotations

import difflib
import re

from runbook_assistant.core.runbook.diagnostics import Findings
from runbook_assistant.core.runbook.gates import check_gates
from runbook_assistant.core.runbook.model import Diagnostic, Runbook

MAX_STEPS_PER_SECTION = 9

# What makes a step depend on the network, which may be the very thing that is down: each word
# with a plain substring that every match holds (a fast test that spares most steps the regex).
_NETWORK_WORDS = tuple((hint, re.compile(pattern, re.IGNORECASE)) for hint, pattern in (
    ("http", r"https?://"),
    ("www.", r"\bwww\."),
    ("console", r"web[ -]?console"),
    ("porta", r"porta{1,2}l"),
    ("sign", r"single[ -]sign[ -]on"),
    ("sso", r"\bSSO\b"),
    ("intranet", r"intranet"),
    ("online", r"online"),
))
_OFFLINE_WORDS = ("offline", "zonder netwerk", "without network", "without the network")


def validate(runbook: Runbook) -> list[Diagnostic]:
    """Every rule finding for ``runbook`` (see docs/runbook-format.md, "Validation")."""
    findings = Findings(runbook.path, foreign=runbook.foreign)
    _check_decisions(runbook, findings)
    if not runbook.foreign:  # an import's unworkable options are left out (see imported.py)
        _check_reachable(runbook, findings)
    _check_roles(runbook, findings)
    check_gates(runbook, findings)
    _check_sections(runbook, findings)
    _check_network(runbook, findings)
    if runbook.kind == "exercise":
        _check_scenario(runbook, findings)
    elif not any(section.steps for section in runbook.sections):
        findings.problem(1, "the runbook has no steps: add a ## section with task items "
                         "('- [ ] what to do')")
    return findings.items


def _check_decisions(runbook: Runbook, findings: Findings) -> None:
    order = {section.id: k for k, section in enumerate(runbook.sections)}
    for k, section in enumerate(runbook.sections):
        for step in section.steps:
            if not step.decision:
                continue
            if len(step.options) < 2:
                count = "only one option" if step.options else "no options"
                findings.problem(step.line, f"decision '{step.id}' has {count}; a decision needs "
                                 "at least two, each a nested list item '- [Label](#section-id)'")
            for option in step.options:
                target = order.get(option.target)
                if target is None:
                    close = difflib.get_close_matches(option.target, list(order), n=1)
                    hint = f" (did you mean '#{close[0]}'?)" if close else ""
                    findings.problem(option.line, f"option '{option.label}' points to "
                                     f"'#{option.target}', but there is no section with that "
                                     f"id{hint}")
                elif target == k:
                    findings.problem(option.line, f"option '{option.label}' points to the "
                                     "section its decision is in: point it at a section of its "
                                     "own further down")
                elif target < k:
                    findings.warning(option.line, f"option '{option.label}' points back to "
                                     f"section '{option.target}' above its decision; branches "
                                     "lead forward, to sections further down")


def _check_reachable(runbook: Runbook, findings: Findings) -> None:
    """A section options point to waits until one of those decisions is made, and a decision
    can only be made once its own section is in the checklist: options pointing back can make
    sections wait for each other for ever."""
    homes: dict[str, set[str]] = {}
    for step in runbook.iter_steps():
        if step.decision:
            for option in step.options:  # an option to its own section has an error of its own
                if option.target != step.section_id:
                    homes.setdefault(option.target, set()).add(step.section_id)
    reachable = {section.id for section in runbook.sections if section.id not in homes}
    grown = True
    while grown:
        grown = False
        for section in runbook.sections:
            if section.id not in reachable and homes.get(section.id, set()) & reachable:
                reachable.add(section.id)
                grown = True
    for section in runbook.sections:
        if section.id not in reachable:
            findings.problem(section.line, f"section '{section.id}' can never be reached: every "
                             "option leading to it is in a section that waits for a decision "
                             "itself; point options forward, to sections further down")


def _check_roles(runbook: Runbook, findings: Findings) -> None:
    declared = {role.id for role in runbook.roles}
    hint = "which is not declared under 'roles:' in the front matter"
    for step in runbook.iter_steps():
        if step.role is not None and step.role not in declared:
            findings.problem(step.line, f"step '{step.id}' has role '{step.role}', {hint}")
    for inject in runbook.injects:
        if inject.to is not None and inject.to not in declared:
            findings.problem(inject.line, f"inject for role '{inject.to}', {hint}")
    # Staffing keys are checked where the front matter is read: their lines are known there.


def _check_sections(runbook: Runbook, findings: Findings) -> None:
    inject_lines = sorted(inject.line for inject in runbook.injects)
    ends = [s.line for s in runbook.sections[1:]] + [2**62]  # a section runs to the next one
    for section, end in zip(runbook.sections, ends, strict=False):
        has_injects = any(section.line < line < end for line in inject_lines)
        if not (section.steps or section.messages or has_injects):
            if not section.intro.strip():
                findings.problem(section.line, f"section '{section.id}' is empty: add steps "
                                 "('- [ ] ...'), a message or text, or remove the heading")
            elif runbook.foreign and runbook.kind != "exercise":
                findings.warning(section.line, f"heading with only prose: section "
                                 f"'{section.id}' has no steps")
        if len(section.steps) > MAX_STEPS_PER_SECTION:
            findings.warning(section.line, f"section '{section.id}' has {len(section.steps)} "
                             f"steps; split it: long lists get skipped under stress (at most "
                             f"{MAX_STEPS_PER_SECTION} per section)")


def _check_network(runbook: Runbook, findings: Findings) -> None:
    for step in runbook.iter_steps():
        text = f"{step.title}\n{step.details}"
        lowered = text.lower()
        match = next((found for hint, pattern in _NETWORK_WORDS
                      if hint in lowered and (found := pattern.search(text))), None)
        if match and not any(word in lowered for word in _OFFLINE_WORDS):
            findings.warning(step.line, f"step '{step.id}' needs the network (it mentions "
                             f"'{match.group(0)}'): add a details line with the offline "
                             "alternative (a line saying 'offline' or 'zonder netwerk')")


def _check_scenario(runbook: Runbook, findings: Findings) -> None:
    if not runbook.runbook:
        findings.problem(1, "a scenario names the runbook it exercises: add 'runbook: <id>' to "
                         "the front matter")
    if not runbook.injects:
        findings.problem(1, "the scenario has no injects: add list items such as "
                         "'- T+00:10 — Het informatienummer 14020 valt uit {to=communicatie}'")
    previous = -1
    for inject in runbook.injects:
        if inject.offset < previous:
            findings.warning(inject.line, "injects are out of time order: list them from first "
                             "to last")
        previous = inject.offset

