"""One run recorded on several laptops, brought together through real bundles.

Each laptop has its own folder, key and database. After the exchange every laptop shows the same
state and timeline; nothing recorded on any laptop is dropped, and two different decisions taken
without seeing each other's are shown as a conflict until the lead settles it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from runbook_assistant.core.run.state_types import RunState

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sync_laptops import T0, Laptop

LATER = T0.replace(hour=12)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, str]]:
    """Laptops a and b holding the same run (started on a, bundled over to b)."""
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    run_id = a.start()
    b.pull(a.export())
    b.clock.advance(seconds=30)
    yield a, b, run_id
    a.close()
    b.close()


def exchange(a: Laptop, b: Laptop) -> None:
    from_a, from_b = a.export(), b.export()
    a.pull(from_b)
    b.pull(from_a)


def same_state(a: Laptop, b: Laptop, run_id: str) -> RunState:
    state = a.engine.state(run_id, now=LATER)
    assert b.engine.state(run_id, now=LATER) == state
    assert [r.event_id for r in state.timeline] == [
        r.event_id for r in b.engine.state(run_id, now=LATER).timeline]
    return state


def test_two_laptops_checking_the_same_step_both_show_in_the_timeline(
        pair: tuple[Laptop, Laptop, str]) -> None:
    a, b, run_id = pair
    by_a = a.engine.check(run_id, "coordinator", actor="Anna")
    by_b = b.engine.check(run_id, "coordinator", actor="Bram")
    exchange(a, b)

    state = same_state(a, b, run_id)
    step = state.step("coordinator")
    assert step is not None and step.status == "done"
    checks = [(r.event_id, r.device_id) for r in state.timeline if r.kind == "step_checked"]
    assert sorted(checks) == sorted([(by_a.id, a.device_id), (by_b.id, b.device_id)])


def test_an_undo_on_one_laptop_reopens_the_step_everywhere(
        pair: tuple[Laptop, Laptop, str]) -> None:
    a, b, run_id = pair
    a.engine.check(run_id, "bezetting", actor="Anna")
    a.clock.advance(seconds=10)
    b.pull(a.export())
    b.clock.advance(seconds=60)
    undo = b.engine.uncheck(run_id, "bezetting", actor="Bram")
    a.clock.advance(seconds=5)
    a.engine.note(run_id, "ondertussen op a", actor="Anna")
    exchange(a, b)

    state = same_state(a, b, run_id)
    step = state.step("bezetting")
    assert step is not None and step.status == "open"
    assert undo.id in [r.event_id for r in state.timeline]


def test_notes_from_two_laptops_interleave_by_clock(pair: tuple[Laptop, Laptop, str]) -> None:
    a, b, run_id = pair
    written = []
    for minute, (laptop, text) in enumerate([(a, "a1"), (b, "b1"), (a, "a2"), (b, "b2")]):
        laptop.clock.moment = T0.replace(minute=10 + minute)
        written.append(laptop.engine.note(run_id, text, actor="Anna").id)
    exchange(a, b)

    state = same_state(a, b, run_id)
    assert [n.text for n in state.notes] == ["a1", "b1", "a2", "b2"]
    assert [r.event_id for r in state.timeline if r.kind == "note_added"] == written


def test_different_decisions_on_two_laptops_are_a_conflict_until_settled(
        pair: tuple[Laptop, Laptop, str]) -> None:
    a, b, run_id = pair
    yes = a.engine.decide(run_id, "rollback-ok", "herstel", actor="Anna", rationale="ping ok")
    no = b.engine.decide(run_id, "rollback-ok", "failover", actor="Bram", rationale="deels")
    exchange(a, b)

    state = same_state(a, b, run_id)
    entries = {d.event_id: d for d in state.decisions}
    assert set(entries) == {yes.id, no.id}  # neither is dropped
    assert entries[yes.id].conflict and entries[no.id].conflict
    assert {r.event_id for r in state.timeline if r.kind == "decision_recorded"} == {yes.id,
                                                                                     no.id}

    a.clock.advance(seconds=120)
    settled = a.engine.decide(run_id, "rollback-ok", "failover", actor="Anna",
                              rationale="besloten door de coördinator")
    assert set(settled.payload["supersedes"]) == {yes.id, no.id}
    exchange(a, b)

    state = same_state(a, b, run_id)
    assert not any(d.conflict for d in state.decisions)
    current = state.current_decision("rollback-ok")
    assert current is not None and current.event_id == settled.id
    assert current.option == "failover"


def test_the_same_decision_on_two_laptops_is_no_conflict(
        pair: tuple[Laptop, Laptop, str]) -> None:
    a, b, run_id = pair
    a.engine.decide(run_id, "rollback-ok", "herstel", actor="Anna")
    b.engine.decide(run_id, "rollback-ok", "herstel", actor="Bram")
    exchange(a, b)

    state = same_state(a, b, run_id)
    assert len(state.decisions) == 2
    assert not any(d.conflict for d in state.decisions)
    current = state.current_decision("rollback-ok")
    assert current is not None and current.option == "herstel"
