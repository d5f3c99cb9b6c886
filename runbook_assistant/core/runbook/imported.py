"""An imported (foreign) playbook's checklist made workable: decisions that cannot work become
plain steps.

A foreign file's structural problems are warnings, so that it always imports. But by the branch
rule a section that an option points to waits for that decision: an option that points to its own
section, or back up, can leave sections waiting for ever, and a decision without two options can
never be made. Such options are left out of the run (kept as text in the step's details), and a
decision left with fewer than two options that lead further down is read as a plain step. With
only forward options no section can wait for itself, so every section of the import is reachable.
"""

from __future__ import annotations

from dataclasses import replace

from runbook_assistant.core.runbook.diagnostics import Findings
from runbook_assistant.core.runbook.model import Option, Runbook, Step


def workable(runbook: Runbook, findings: Findings) -> Runbook:
    """``runbook`` with every decision's unworkable options left out (warnings say which)."""
    order = {section.id: k for k, section in enumerate(runbook.sections)}
    sections = []
    for k, section in enumerate(runbook.sections):
        steps = tuple(_workable_step(step, order, k, findings) for step in section.steps)
        sections.append(section if steps == section.steps else replace(section, steps=steps))
    if all(new is old for new, old in zip(sections, runbook.sections, strict=True)):
        return runbook
    return replace(runbook, sections=tuple(sections))


def _workable_step(step: Step, order: dict[str, int], home: int, findings: Findings) -> Step:
    if not step.decision:
        return step
    kept = tuple(o for o in step.options if order.get(o.target, -1) > home)
    if len(kept) >= 2:
        if len(kept) == len(step.options):
            return step
        left_out = [o for o in step.options if o not in kept]
        findings.warning(step.line, f"decision '{step.id}': option(s) "
                         f"{', '.join(repr(o.label) for o in left_out)} left out of the run "
                         "(they do not lead to a section further down)")
        return replace(step, options=kept, details=_with_options(step.details, left_out))
    findings.warning(step.line, f"decision '{step.id}' is read as a plain step, to check off: "
                     "fewer than two of its options lead to a section further down")
    return replace(step, decision=False, options=(),
                   details=_with_options(step.details, step.options))


def _with_options(details: str, options: tuple[Option, ...] | list[Option]) -> str:
    """The options as the Markdown list they were written as, after the details."""
    lines = [f"- [{option.label}](#{option.target})" for option in options]
    return "\n".join(part for part in (details, "\n".join(lines)) if part)
