"""Timers at an injected clock time: due, timebox, every; late entries; a closed run."""

from __future__ import annotations

from datetime import timedelta

from state_builders import START, Laptop, make_runbook

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.state import fold

RUNBOOK = make_runbook()


def at(minute: float):
    return START + timedelta(minutes=minute)


def state_at(laptop: Laptop, minute: float):
    return fold(RUNBOOK, None, laptop.log, now=at(minute))


def test_due_counts_from_the_run_start() -> None:
    a = Laptop("dev-a")
    a.start()
    step = state_at(a, 5).step("coordinator")
    assert step.due_at == at(5) and not step.overdue
    late = state_at(a, 6)
    assert late.step("coordinator").overdue_timer == "due"
    assert "coordinator" in late.overdue
    a.check("coordinator", 7)
    assert not state_at(a, 8).step("coordinator").overdue


def test_no_now_means_nothing_is_overdue() -> None:
    a = Laptop("dev-a")
    a.start()
    assert fold(RUNBOOK, None, a.log).overdue == ()


def test_timebox_counts_from_when_the_previous_step_was_done() -> None:
    a = Laptop("dev-a")
    a.start()
    assert state_at(a, 1).step("coordinator").current_since == START
    # nobody has reached the next section yet: its timebox does not run
    assert state_at(a, 1).step("rollback-uitvoeren").current_since is None
    assert not state_at(a, 100).step("rollback-uitvoeren").overdue
    a.check("coordinator", 2)
    a.check("bezetting", 3)
    rollback = state_at(a, 4).step("rollback-uitvoeren")
    assert rollback.current_since == at(3) and rollback.timebox_at == at(33)
    decision = state_at(a, 4).step("rollback-ok")
    assert decision.current_since is None  # the step before it is still open
    a.check("rollback-uitvoeren", 12, verified_by="Bram")
    assert state_at(a, 13).step("rollback-ok").current_since == at(12)
    assert state_at(a, 31).step("rollback-uitvoeren").overdue is False  # done in time


def test_open_step_past_its_timebox_is_overdue() -> None:
    a = Laptop("dev-a")
    a.start()
    a.check("coordinator", 1)
    a.check("bezetting", 1)
    assert state_at(a, 30).step("rollback-uitvoeren").overdue is False
    assert state_at(a, 32).step("rollback-uitvoeren").overdue_timer == "timebox"


def test_a_branch_section_becomes_current_when_its_decision_is_recorded() -> None:
    a = Laptop("dev-a")
    a.start()
    assert state_at(a, 5).step("failover-schakel").current_since is None  # pending
    assert not state_at(a, 500).step("failover-schakel").overdue
    a.decide("rollback-ok", "failover", 40)
    step = state_at(a, 41).step("failover-schakel")
    assert step.current_since == at(40) and step.timebox_at == at(50)
    assert state_at(a, 51).step("failover-schakel").overdue_timer == "timebox"
    assert state_at(a, 41).section("failover").since == at(40)


def test_a_step_in_a_branch_not_taken_is_never_overdue() -> None:
    a = Laptop("dev-a")
    a.start()
    a.decide("rollback-ok", "herstel", 5)
    assert not state_at(a, 500).step("failover-schakel").overdue


def test_every_keeps_reminding_after_the_step_is_done() -> None:
    a = Laptop("dev-a")
    a.start()
    assert state_at(a, 10).step("informeer").next_reminder_at == at(60)
    a.check("informeer", 20)
    state = state_at(a, 70)
    step = state.step("informeer")
    assert step.status == "done" and step.next_reminder_at == at(80)
    assert not step.overdue
    step = state_at(a, 81).step("informeer")
    assert step.overdue_timer == "every"
    a.check("informeer", 85, actor="Bram")  # a second check while done renews the reminder
    step = state_at(a, 90).step("informeer")
    assert step.next_reminder_at == at(145) and not step.overdue
    assert step.by == "Anna"  # still done by the first check


def test_a_skipped_recurring_step_stops_reminding() -> None:
    a = Laptop("dev-a")
    a.start()
    a.skip("informeer", 3, reason="woordvoerder doet dit")
    assert state_at(a, 500).step("informeer").overdue is False


def test_a_late_entry_counts_at_the_time_it_happened() -> None:
    a = Laptop("dev-a")
    a.start()
    # checked on paper at 4 minutes, typed in at 20 minutes
    a.record(EventKind.STEP_CHECKED, 20, step_id="coordinator", occurred_minute=4)
    state = state_at(a, 21)
    step = state.step("coordinator")
    assert step.at == at(4) and step.late
    assert state.step("bezetting").current_since == at(4)
    row = state.timeline[-1]
    assert row.late and row.time == at(4) and row.wall_time == at(20)


def test_a_closed_run_has_nothing_overdue() -> None:
    a = Laptop("dev-a")
    a.start()
    a.record(EventKind.RUN_CLOSED, 10, payload={"summary": ""})
    state = state_at(a, 500)
    assert state.overdue == () and state.closed
