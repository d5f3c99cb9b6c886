"""Walk a bundled playbook's path through the engine, as a team would on the day.

Two people per role take part, so every four-eyes step has a qualified performer and a qualified,
different verifier, and every staffing gate is met. Decisions take the option the test names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hand_clock import HandClock

from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook, Step


def person(role: str, n: int) -> str:
    return f"{role} {'AB'[n]}"


@dataclass
class Walk:
    run_id: str
    state: RunState
    chosen: list[tuple[str, str]]


def walk(engine: Engine, clock: HandClock, runbook: Runbook, source: str,
         choices: Mapping[str, str]) -> Walk:
    """Check every open step in order; decide each decision by ``choices`` (step id -> section)."""
    people = [(person(r.id, n), r.id) for r in runbook.roles for n in (0, 1)]
    run_id = engine.start_run(runbook, source, title="Oefenpad", actor=people[0][0],
                              participants=people).run_id
    chosen: list[tuple[str, str]] = []
    for _ in range(500):
        clock.advance(60)
        state = engine.state(run_id)
        step = _next_open(state, runbook)
        if step is None:
            return Walk(run_id, engine.state(run_id), chosen)
        role = step.role or runbook.roles[0].id
        outcome = "ruled-out" if step.check else None
        if step.decision:
            option = choices[step.id]  # a decision the test did not plan is a failure
            engine.decide(run_id, step.id, option, actor=person(role, 0), rationale="pad")
            chosen.append((step.id, option))
        elif step.four_eyes:
            verifier = person(step.verifier, 0) if step.verifier else person(role, 1)
            engine.check(run_id, step.id, actor=person(role, 0), verified_by=verifier,
                         outcome=outcome)
        else:  # a check step records its outcome: the walk rules each one out
            engine.check(run_id, step.id, actor=person(role, 0), outcome=outcome)
    raise AssertionError("the walk did not end")


def _next_open(state: RunState, runbook: Runbook) -> Step | None:
    for step_id, step_state in state.steps.items():
        if step_state.status == "open" and step_state.active and not step_state.pending:
            return runbook.step(step_id)
    return None
