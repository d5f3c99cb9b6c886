"""Walk a bundled playbook's path through the engine, as a team would on the day.

By default two people per role take part, so every four-eyes step has a qualified performer and a
qualified, different verifier, and every staffing gate is met; ``team`` sets how many people of
each role take part instead (a role left out: one person). The performer and the verifier of a
four-eyes step are chosen among the qualified participants, as the app's dialog offers them; no
rule is ever overridden, so a step nobody present may do ends the walk with the engine's refusal.
Decisions take the option the test names; a check step records "ruled out".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from hand_clock import HandClock

from runbook_assistant.core.run.discipline import candidates
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook, Step


def person(role: str, n: int) -> str:
    return f"{role} {'ABCDEFGH'[n]}"


@dataclass
class Walk:
    run_id: str
    state: RunState
    chosen: list[tuple[str, str]]


def team_of(runbook: Runbook, team: Mapping[str, int] | None = None) -> list[tuple[str, str]]:
    """The participants: ``team[role]`` people per role (default two; a role not named: one)."""
    counts = {r.id: (team.get(r.id, 1) if team is not None else 2) for r in runbook.roles}
    return [(person(role, n), role) for role, count in counts.items() for n in range(count)]


def walk(engine: Engine, clock: HandClock, runbook: Runbook, source: str,
         choices: Mapping[str, str], *, team: Mapping[str, int] | None = None,
         discovered_at: datetime | None = None) -> Walk:
    """Check every open step in order; decide each decision by ``choices`` (step id -> section)."""
    people = team_of(runbook, team)
    run_id = engine.start_run(runbook, source, title="Oefenpad", actor=people[0][0],
                              participants=people, discovered_at=discovered_at).run_id
    chosen: list[tuple[str, str]] = []
    for _ in range(500):
        clock.advance(60)
        state = engine.state(run_id)
        step = _next_open(state, runbook)
        if step is None:
            return Walk(run_id, engine.state(run_id), chosen)
        who = candidates(state, step)
        performer = who.performers[0] if who.performers else people[0][0]
        outcome = "ruled-out" if step.check else None  # a check step records its outcome
        if step.decision:
            option = choices[step.id]  # a decision the test did not plan is a failure
            engine.decide(run_id, step.id, option, actor=performer, rationale="pad")
            chosen.append((step.id, option))
        elif step.four_eyes:
            # The verifier's own role first (the step asks for that expertise), else a colleague.
            others = [v for v in who.verifiers if v != performer]
            preferred = [v for v in others if step.verifier and v.startswith(step.verifier + " ")]
            verifier = (preferred or others or [""])[0]
            engine.check(run_id, step.id, actor=performer, verified_by=verifier or None,
                         outcome=outcome)
        else:
            engine.check(run_id, step.id, actor=performer, outcome=outcome)
    raise AssertionError("the walk did not end")


def _next_open(state: RunState, runbook: Runbook) -> Step | None:
    for step_id, step_state in state.steps.items():
        if step_state.status == "open" and step_state.active and not step_state.pending:
            return runbook.step(step_id)
    return None
