"""The branch rule: which sections are in the checklist, given the decisions made so far.

A section that some decision option targets is a *branch section*. Until a decision that targets it
is made it is *pending*; once made, the branch sections of unchosen options leave the checklist
(*inactive*). Sections no option names are always *active*. Decisions that sit in a section which
itself left the checklist no longer count, so nested branches settle too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from runbook_assistant.core.runbook.model import Runbook, Step

ACTIVE = "active"
PENDING = "pending"
INACTIVE = "inactive"


@dataclass(frozen=True)
class BranchStatus:
    """Per section id: ``active`` | ``pending`` | ``inactive``; ``waiting_for``: the decision step
    a pending section waits for; ``chosen_by``: the decision step whose choice made it active."""

    status: Mapping[str, str]
    waiting_for: Mapping[str, str]
    chosen_by: Mapping[str, str]


def deciders_by_target(runbook: Runbook) -> dict[str, list[Step]]:
    """For each branch section id, the decision steps with an option that targets it."""
    found: dict[str, list[Step]] = {}
    for step in runbook.iter_steps():
        if step.decision:
            for option in step.options:
                deciders = found.setdefault(option.target, [])
                if step not in deciders:
                    deciders.append(step)
    return found


def branch_status(runbook: Runbook, choices: Mapping[str, str | None]) -> BranchStatus:
    """Apply the branch rule; ``choices`` maps a decision step id to its chosen target (or None)."""
    targeted = deciders_by_target(runbook)
    status = {s.id: PENDING if s.id in targeted else ACTIVE for s in runbook.sections}
    waiting: dict[str, str] = {}
    chosen: dict[str, str] = {}
    # A fixpoint: a decision inside a branch counts only once its own section is settled. The bound
    # keeps odd cyclic runbooks (an option pointing back to its own section) from looping.
    for _ in range(len(runbook.sections) + 1):
        changed = False
        waiting.clear()
        chosen.clear()
        for section_id, deciders in targeted.items():
            if section_id not in status:
                continue  # an option to a missing section: the validator reports it
            new = _settle(section_id, deciders, status, choices, waiting, chosen)
            if new != status[section_id]:
                status[section_id] = new
                changed = True
        if not changed:
            break
    return BranchStatus(status, dict(waiting), dict(chosen))


def _settle(section_id: str, deciders: list[Step], status: Mapping[str, str],
            choices: Mapping[str, str | None], waiting: dict[str, str],
            chosen: dict[str, str]) -> str:
    pending_on: str | None = None
    for decider in deciders:
        home = status.get(decider.section_id, ACTIVE)
        if home == INACTIVE:
            continue
        choice = choices.get(decider.id)
        if choice == section_id and home == ACTIVE:
            chosen[section_id] = decider.id
            return ACTIVE
        if (choice is None or choice == section_id) and pending_on is None:
            pending_on = decider.id
    if pending_on is not None:
        waiting[section_id] = pending_on
        return PENDING
    return INACTIVE
