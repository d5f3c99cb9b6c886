"""Shared pieces of the exercise tests: a small drill on a real store, on a hand-moved clock."""

from __future__ import annotations

from pathlib import Path

from hand_clock import HandClock

from runbook_assistant.core.exercise.session import ExerciseSession
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.core.runbook.parser import parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "exercise"


def load(name: str) -> tuple[Runbook, str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    result = parse_text(text, name)
    assert result.runbook is not None and not result.diagnostics, result.diagnostics
    return result.runbook, text


def start_drill(engine: Engine, *, title: str = "Drill", scenario: bool = True) -> str:
    """Start the drill runbook as an exercise (of the drill scenario) or as an incident."""
    runbook, text = load("drill.md")
    people = [("Anna", "lead"), ("Bram", "net"), ("Cees", "net"), ("Dewi", "comms")]
    event = engine.start_run(runbook, text, title=title, actor="Olaf", participants=people,
                             mode="exercise" if scenario else "incident",
                             scenario_id="drill-exercise" if scenario else None)
    return event.run_id


def session(engine: Engine, run_id: str, clock: HandClock) -> ExerciseSession:
    scenario, _text = load("drill-exercise.md")
    return ExerciseSession(engine, run_id, scenario, source=clock)


def play(engine: Engine, clock: HandClock, *, slow: float = 1.0, title: str = "Drill") -> str:
    """A 45-minute exercise of the drill; ``slow`` stretches how long the team takes."""
    run_id = start_drill(engine, title=title)
    sim = session(engine, run_id, clock)
    start = clock.now()

    def at(minutes: float) -> None:
        clock.moment = start
        clock.advance(minutes)
        sim.tick("Olaf")

    at(0)
    at(2 * slow)
    engine.check(run_id, "appoint", actor="Anna")
    at(10)
    at(12 * slow)
    engine.check(run_id, "freeze", actor="Anna")
    at(14 * slow)
    engine.check(run_id, "rollback", actor="Bram", verified_by="Cees")
    at(16 * slow)
    engine.decide(run_id, "back", "bad", actor="Anna", rationale="Outlying sites still down")
    at(17 * slow)
    sim.observe("The lead did not read the plan aloud", "Olaf")
    at(20)
    at(25)
    engine.note(run_id, "Supplier called back", actor="Anna")
    at(30)
    engine.check(run_id, "escalate", actor="Anna")
    at(45)
    engine.close(run_id, actor="Olaf", summary="End of the drill")
    return run_id
