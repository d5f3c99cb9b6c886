"""The engine on a real store: commands become committed events; refusals write nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from hand_clock import T0, HandClock

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "engine" / "storing-test.md"
SCENARIO = FIXTURE.with_name("oefening-test.md")


def source() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def start(engine: Engine, clock: HandClock, **kw) -> str:
    runbook = parse_text(source(), str(FIXTURE)).runbook
    assert runbook is not None
    kw.setdefault("participants", [("Anna", "incident-lead"), ("Bram", "netwerk")])
    event = engine.start_run(runbook, source(), title="Storing 18 februari", actor="Anna", **kw)
    clock.advance(1)
    return event.run_id


def test_start_run_stores_the_runbook_and_the_shortfall(engine: Engine, clock: HandClock) -> None:
    run_id = start(engine, clock)
    record = engine.run_record(run_id)
    assert record.runbook_text == source() and record.lang == "nl" and record.mode == "incident"
    started = engine.events(run_id)[0]
    assert started.kind is EventKind.RUN_STARTED
    assert started.payload["shortfall"] == [{"role": "netwerk", "needed": 2, "present": 1}]
    assert started.payload["participants"] == [{"name": "Anna", "role": "incident-lead"},
                                               {"name": "Bram", "role": "netwerk"}]
    state = engine.state(run_id)
    assert state.started_at == T0 and state.current_step_id == "coordinator"
    assert [tuple(g) for g in state.shortfall] == [("netwerk", 2, 1)]
    assert engine.runbook_of(run_id).id == "storing-test"


def test_a_run_goes_from_check_to_close(engine: Engine, clock: HandClock) -> None:
    run_id = start(engine, clock)
    engine.check(run_id, "coordinator", actor="Anna")
    engine.skip(run_id, "bezetting", actor="Anna", reason="Cem is onderweg")
    engine.join(run_id, "B. de Vries", actor="Anna", role="netwerk")
    engine.check(run_id, "rollback-uitvoeren", actor="Bram", verified_by="B. de Vries")
    engine.decide(run_id, "rollback-ok", "Nee, deels of niet", actor="Anna",
                  rationale="14020 nog uit")
    engine.service(run_id, "sociale", "down", actor="Anna", note="geen toegang")
    engine.note(run_id, "Leverancier gebeld", actor="Anna")
    event = engine.close(run_id, actor="Anna", summary="Hersteld")
    state = engine.state(run_id)
    assert event.kind is EventKind.RUN_CLOSED and state.closed and state.summary == "Hersteld"
    assert state.step("rollback-uitvoeren").verified_by == "B. de Vries"
    assert state.current_decision("rollback-ok").option == "failover"
    assert state.section("failover").active and not state.section("herstel").active
    assert state.shortfall == ()
    assert [(s.name, s.status) for s in state.services][1] == ("Sociale Zaken", "down")
    assert state.notes[0].text == "Leverancier gebeld"
    assert len(engine.events(run_id)) == 9


def test_uncheck_reopens_and_a_late_entry_keeps_its_time(engine: Engine,
                                                         clock: HandClock) -> None:
    run_id = start(engine, clock)
    clock.advance(30)
    event = engine.check(run_id, "coordinator", actor="Anna", occurred_at=T0 + timedelta(minutes=4))
    assert event.occurred_at == "2026-11-23T09:04:00.000Z"
    step = engine.state(run_id).step("coordinator")
    assert step.late and step.at == T0 + timedelta(minutes=4)
    engine.uncheck(run_id, "coordinator", actor="Anna")
    assert engine.state(run_id).step("coordinator").status == "open"


def test_a_new_decision_settles_the_earlier_ones(engine: Engine, clock: HandClock) -> None:
    run_id = start(engine, clock)
    first = engine.decide(run_id, "rollback-ok", "herstel", actor="Anna")
    second = engine.decide(run_id, "rollback-ok", "failover", actor="Anna")
    assert second.payload["supersedes"] == [first.id]
    decisions = engine.state(run_id).decisions
    assert [(d.current, d.conflict) for d in decisions] == [(False, False), (True, False)]


def test_runs_lists_open_and_closed_runs(engine: Engine, clock: HandClock) -> None:
    first = start(engine, clock)
    second = start(engine, clock, mode="exercise")
    engine.close(first, actor="Anna")
    summaries = engine.runs()
    assert [s.run_id for s in summaries] == [second, first]
    assert summaries[0].mode == "exercise" and summaries[0].current_step_title
    assert [s.run_id for s in engine.runs(open_only=True)] == [second]
    assert engine.resolve_run(second[-8:]) == second  # the random end of the id
    assert engine.resolve_run(second.upper()) == second
    with pytest.raises(CommandError, match="matches 2 runs"):
        engine.resolve_run(second[:8])  # both started in the same minute


def test_another_engine_on_the_same_file_sees_every_event(tmp_path: Path,
                                                          clock: HandClock) -> None:
    path = tmp_path / "runs.sqlite3"
    one, two = Engine.open(path, clock=clock), Engine.open(path, clock=clock)
    try:
        run_id = start(one, clock)
        assert two.state(run_id).step("coordinator").status == "open"
        one.check(run_id, "coordinator", actor="Anna")
        assert two.state(run_id).step("coordinator").status == "done"
        with pytest.raises(CommandError, match="already checked"):
            two.check(run_id, "coordinator", actor="Bram")
    finally:
        one.close_store()
        two.close_store()


# --- refusals: each leaves the log as it was ---------------------------------------------------
def _closed(engine: Engine, run_id: str) -> None:
    engine.close(run_id, actor="Anna")


REFUSALS: list[tuple[str, Callable[[Engine, str], object] | None,
                     Callable[[Engine, str], object], str]] = [
    ("unknown run", None, lambda e, r: e.check("nope", "coordinator", actor="A"), "unknown run"),
    ("unknown step", None, lambda e, r: e.check(r, "nope", actor="A"), "unknown step 'nope'"),
    ("empty actor", None, lambda e, r: e.check(r, "coordinator", actor="  "), "actor name"),
    ("check a decision", None, lambda e, r: e.check(r, "rollback-ok", actor="A"),
     "is a decision"),
    ("four-eyes alone", None, lambda e, r: e.check(r, "rollback-uitvoeren", actor="Anna"),
     "four-eyes"),
    ("verifier is the performer", None,
     lambda e, r: e.check(r, "rollback-uitvoeren", actor="Anna", verified_by=" anna "),
     "someone other than the performer"),
    ("checked twice", lambda e, r: e.check(r, "coordinator", actor="Anna"),
     lambda e, r: e.check(r, "coordinator", actor="Bram"), "already checked by Anna"),
    ("pending branch", None, lambda e, r: e.check(r, "herstel-diensten", actor="A"),
     "decide 'Is het netwerk na de rollback bereikbaar?' first"),
    ("branch not taken", lambda e, r: e.decide(r, "rollback-ok", "herstel", actor="A"),
     lambda e, r: e.check(r, "failover-schakel", actor="A", verified_by="B"),
     "step failover-schakel is in a branch not taken"),
    ("skip without reason", None, lambda e, r: e.skip(r, "bezetting", actor="A", reason=" "),
     "reason is required"),
    ("skip a decision", None, lambda e, r: e.skip(r, "rollback-ok", actor="A", reason="x"),
     "cannot be skipped"),
    ("uncheck an open step", None, lambda e, r: e.uncheck(r, "bezetting", actor="A"),
     "nothing to undo"),
    ("decide a plain step", None, lambda e, r: e.decide(r, "bezetting", "herstel", actor="A"),
     "not a decision step"),
    ("unknown option", None, lambda e, r: e.decide(r, "rollback-ok", "misschien", actor="A"),
     "unknown option 'misschien'"),
    ("unknown role", None, lambda e, r: e.join(r, "Cem", actor="A", role="brandweer"),
     "unknown role 'brandweer'"),
    ("joined twice", None, lambda e, r: e.join(r, "bram", actor="A", role="netwerk"),
     "already takes part"),
    ("unknown service", None, lambda e, r: e.service(r, "Parkeren", "down", actor="A"),
     "unknown service 'Parkeren'"),
    ("bad status", None, lambda e, r: e.service(r, "Sociale Zaken", "kapot", actor="A"),
     "unknown service status"),
    ("unknown message", None,
     lambda e, r: e.message_sent(r, "msg-nope", actor="A", text="x", channel="", audience=""),
     "unknown message"),
    ("late entry in the future", None,
     lambda e, r: e.check(r, "coordinator", actor="A", occurred_at=T0 + timedelta(hours=2)),
     "in the past"),
    ("late entry before the start", None,
     lambda e, r: e.check(r, "coordinator", actor="A", occurred_at=T0 - timedelta(minutes=1)),
     "before the run started"),
    ("closed run", _closed, lambda e, r: e.check(r, "coordinator", actor="A"), "is closed"),
    ("close twice", _closed, lambda e, r: e.close(r, actor="A"), "is closed"),
]


@pytest.mark.parametrize(("setup", "command", "message"), [r[1:] for r in REFUSALS],
                         ids=[r[0] for r in REFUSALS])
def test_a_refused_command_writes_nothing(engine: Engine, clock: HandClock, setup, command,
                                          message: str) -> None:
    run_id = start(engine, clock)
    if setup is not None:
        setup(engine, run_id)
    before = len(engine.events(run_id))
    with pytest.raises(CommandError, match=re.escape(message)):
        command(engine, run_id)
    assert len(engine.events(run_id)) == before


def test_a_scenario_cannot_be_started_as_a_runbook(engine: Engine) -> None:
    text = SCENARIO.read_text(encoding="utf-8")
    scenario = parse_text(text, str(SCENARIO)).runbook
    assert scenario is not None
    with pytest.raises(CommandError, match="exercise scenario"):
        engine.start_run(scenario, text, title="x", actor="Anna")
    assert engine.store.runs() == []


def test_start_refuses_an_unknown_role_and_a_missing_title(engine: Engine) -> None:
    runbook = parse_text(source(), str(FIXTURE)).runbook
    assert runbook is not None
    with pytest.raises(CommandError, match="unknown role"):
        engine.start_run(runbook, source(), title="x", actor="A", participants=[("B", "chef")])
    with pytest.raises(CommandError, match="title is required"):
        engine.start_run(runbook, source(), title=" ", actor="A")
    assert engine.store.runs() == []


@pytest.mark.parametrize(("typed", "target"), [("failover", "failover"), ("#HERSTEL", "herstel"),
                                               ("ja", "herstel"), ("nee", "failover"),
                                               ("Nee, deels of niet", "failover")])
def test_an_option_is_named_by_section_id_label_or_label_start(engine: Engine, clock: HandClock,
                                                               typed: str, target: str) -> None:
    run_id = start(engine, clock)
    event = engine.decide(run_id, "rollback-ok", typed, actor="Anna")
    assert event.payload["option"] == target


def test_unchecking_a_decision_puts_its_branches_on_hold_again(engine: Engine,
                                                               clock: HandClock) -> None:
    run_id = start(engine, clock)
    engine.decide(run_id, "rollback-ok", "herstel", actor="Anna")
    engine.check(run_id, "herstel-diensten", actor="Bram")
    engine.uncheck(run_id, "rollback-ok", actor="Anna")
    state = engine.state(run_id)
    assert state.section("herstel").pending and state.current_decision("rollback-ok") is None
    with pytest.raises(CommandError, match="first"):
        engine.skip(run_id, "failover-schakel", actor="Anna", reason="x")
    engine.uncheck(run_id, "herstel-diensten", actor="Bram")  # undo stays possible
    assert engine.state(run_id).step("herstel-diensten").status == "open"


def test_a_refusal_can_be_asked_before_the_details_are_typed(engine: Engine,
                                                              clock: HandClock) -> None:
    run_id = start(engine, clock)
    assert engine.refusal(run_id, EventKind.STEP_SKIPPED, "coordinator") is None
    engine.check(run_id, "coordinator", actor="Anna")
    refused = engine.refusal(run_id, EventKind.STEP_SKIPPED, "coordinator")
    assert refused is not None and refused.message.endswith("is already done")
    undo = engine.refusal(run_id, EventKind.STEP_UNCHECKED, "bezetting")
    assert undo is not None and "nothing to undo" in undo.message
    engine.close(run_id, actor="Anna")
    closed = engine.refusal(run_id, EventKind.STEP_CHECKED, "bezetting")
    assert closed is not None and closed.message == f"run {run_id} is closed"
    assert engine.refusal(run_id, EventKind.NOTE_ADDED) is None  # paperwork after close
    assert len(engine.events(run_id)) == 3  # asking wrote nothing
