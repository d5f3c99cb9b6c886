"""Every bundled playbook can be walked to its end under the engine's rules, on every branch,
by the team its staffing names (one person for a role it does not name): no four-eyes step
without a second qualified person, no staffing gate the named team cannot meet, no check step
left without an outcome. A step only an override could record is a defect of the playbook."""

from __future__ import annotations

import pytest
from hand_clock import HandClock
from playbook_walk import walk

from runbook_assistant.core import paths
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.model import Runbook

LIBRARY = Library([paths.bundled_runbooks_dir()], None)
PLAYBOOKS = [rb.id for rb in LIBRARY.runbooks("runbook")]


def routes(runbook: Runbook) -> list[dict[str, str]]:
    """Decision choices (step id -> section) that together take every option once: the first
    option everywhere, and per other option the choices that lead to its decision."""
    decisions = [s for s in runbook.steps if s.decision]
    first = {d.id: d.options[0].target for d in decisions}

    def route(section_id: str, seen: frozenset[str] = frozenset()) -> dict[str, str]:
        leading = next((d for d in decisions if d.section_id not in seen
                        and any(o.target == section_id for o in d.options)), None)
        if leading is None:
            return {}  # in the checklist from the start
        return {**route(leading.section_id, seen | {section_id}), leading.id: section_id}

    found = [first]
    for decision in decisions:
        for option in decision.options[1:]:
            found.append({**first, **route(decision.section_id), decision.id: option.target})
    return found


def test_every_bundled_playbook_is_walked() -> None:
    assert len(PLAYBOOKS) >= 34 and not LIBRARY.unusable_count()


@pytest.mark.parametrize("runbook_id", PLAYBOOKS)
def test_every_branch_can_be_walked_by_the_staffed_team(engine: Engine, clock: HandClock,
                                                       runbook_id: str) -> None:
    runbook = LIBRARY.get(runbook_id)
    source = LIBRARY.entry(runbook_id).path.read_text(encoding="utf-8")
    team = dict(runbook.staffing)
    reached: set[str] = set()
    for choices in routes(runbook):
        walked = walk(engine, clock, runbook, source, choices, team=team)
        state = walked.state
        active = [s for s in state.steps.values() if s.active]
        assert active and all(s.status == "done" for s in active), choices
        assert not state.overrides  # the rules held, nothing was set aside
        reached |= {s.section_id for s in state.sections if s.active and not s.pending}
    assert reached == {s.id for s in runbook.sections}, "a section no walk reached"
