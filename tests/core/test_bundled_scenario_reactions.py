"""Every bundled scenario under the engine's rules: a team that does what each inject expects, as
soon as it arrives, meets every expected reaction in the debrief; a team that does nothing misses
every one. Doing it means what the rules ask: four-eyes steps by two qualified participants, check
steps with their outcome, the decision that opens a branch before the steps in it, messages sent.
An expectation that no qualified team could meet is a defect of the scenario or its runbook."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hand_clock import HandClock
from playbook_walk import team_of

from runbook_assistant.core import paths
from runbook_assistant.core.comms.messages import fill_message
from runbook_assistant.core.exercise.session import ExerciseSession
from runbook_assistant.core.export import load_run
from runbook_assistant.core.export.debrief_data import Debrief, build_debrief
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.discipline import candidates
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.core.runbook.scenario_links import MESSAGE_PREFIX

LIBRARY = Library([paths.bundled_runbooks_dir()], None)
SCENARIOS = [rb.id for rb in LIBRARY.runbooks("exercise")]
LEADER = "Oefenleider"


def start(engine: Engine, scenario_id: str) -> tuple[str, Runbook, Runbook]:
    scenario = LIBRARY.get(scenario_id)
    runbook = LIBRARY.get(scenario.runbook or "")
    source = LIBRARY.entry(runbook.id).path.read_text(encoding="utf-8")
    run_id = engine.start_run(runbook, source, title=scenario.title, actor=LEADER,
                              mode="exercise", participants=team_of(runbook),
                              scenario_id=scenario_id).run_id
    return run_id, scenario, runbook


def react(engine: Engine, clock: HandClock, run_id: str, runbook: Runbook, item: str) -> None:
    """Do one expected item as a qualified team would, opening its branch first if needed."""
    clock.advance(1)
    state = engine.state(run_id)
    if item.startswith(MESSAGE_PREFIX):
        template = runbook.message(item[len(MESSAGE_PREFIX):])
        assert template is not None
        filled = fill_message(template, state, now=clock.now())
        engine.message_sent(run_id, template.id, actor="communicatie A", text=filled.text,
                            channel=template.channel or "website",
                            audience=template.audience or "inwoners")
        return
    step = runbook.step(item)
    assert step is not None
    current = state.step(step.id)
    assert current is not None
    if current.status != "open":
        return  # done for an earlier inject
    if current.pending:  # take the option that leads to this step's section
        section = state.section(step.section_id)
        assert section is not None and section.waiting_for, item
        react_decision(engine, clock, run_id, runbook, section.waiting_for, step.section_id)
        state = engine.state(run_id)
    assert state.steps[step.id].active, f"{item} is in a branch the team did not take"
    who = candidates(state, step)
    performer = who.performers[0]
    if step.decision:
        option = step.options[0].target
        engine.decide(run_id, step.id, option, actor=performer, rationale="zoals verwacht")
        return
    outcome = "under-investigation" if step.check else None
    verifier = None
    if step.four_eyes:
        others = [v for v in who.verifiers if v != performer]
        preferred = [v for v in others if step.verifier and v.startswith(step.verifier + " ")]
        verifier = (preferred or others)[0]
    engine.check(run_id, step.id, actor=performer, verified_by=verifier, outcome=outcome)


def react_decision(engine: Engine, clock: HandClock, run_id: str, runbook: Runbook,
                   decision_id: str, target: str) -> None:
    state = engine.state(run_id)
    decision = runbook.step(decision_id)
    assert decision is not None
    if state.steps[decision_id].pending:
        section = state.section(decision.section_id)
        assert section is not None and section.waiting_for
        react_decision(engine, clock, run_id, runbook, section.waiting_for, decision.section_id)
    who = candidates(engine.state(run_id), decision)
    engine.decide(run_id, decision_id, target, actor=who.performers[0], rationale="de weg erheen")


def play(engine: Engine, clock: HandClock, scenario_id: str, *, reacting: bool) -> Debrief:
    """Deliver every inject at its time (doing what it expects when ``reacting``), close, and
    return the debrief."""
    run_id, scenario, runbook = start(engine, scenario_id)
    session = ExerciseSession(engine, run_id, scenario, source=clock)
    begin = clock.now()
    for inject in scenario.injects:
        clock.moment = max(clock.moment, begin + timedelta(seconds=inject.offset))
        session.tick(LEADER)
        for item in inject.expect if reacting else ():
            react(engine, clock, run_id, runbook, item)
    clock.advance(1)
    engine.close(run_id, actor=LEADER, summary="Einde oefening")
    debrief = build_debrief(load_run(engine, run_id, library=LIBRARY))
    assert len(debrief.injects) == len(scenario.injects) and not debrief.overrides
    return debrief


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_team_that_does_what_is_expected_meets_every_reaction(
        engine: Engine, clock: HandClock, scenario_id: str) -> None:
    debrief = play(engine, clock, scenario_id, reacting=True)
    judged = [(i.number, i.verdict, i.missing) for i in debrief.injects if i.expected]
    assert judged and all(verdict == "met" for _, verdict, _ in judged), judged


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_team_that_does_nothing_misses_every_reaction(
        engine: Engine, clock: HandClock, scenario_id: str) -> None:
    debrief = play(engine, clock, scenario_id, reacting=False)
    assert {i.verdict for i in debrief.injects if i.expected} == {"missed"}


def test_every_bundled_scenario_is_played() -> None:
    assert len(SCENARIOS) >= 14
