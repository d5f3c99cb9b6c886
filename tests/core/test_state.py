"""The fold: status, undo, two laptops, branches, progress, staffing, services, closing."""

from __future__ import annotations

from state_builders import START, Laptop, make_runbook

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.state import fold

RUNBOOK = make_runbook()


def run_of(*laptops: Laptop):
    return fold(RUNBOOK, None, [e for laptop in laptops for e in laptop.log])


def test_a_fresh_run_starts_at_the_first_step_with_branches_pending() -> None:
    a = Laptop("dev-a")
    a.start()
    state = run_of(a)
    assert state.current_step_id == "coordinator"
    assert all(s.status == "open" for s in state.steps.values())
    pending = {s.section_id for s in state.sections if s.pending}
    assert pending == {"failover", "herstel"}
    assert state.section("failover").waiting_for == "rollback-ok"
    # opschalen 2 + rollback 2 + communicatie 1 (optional excluded) + afsluiten 1
    assert (state.done, state.total) == (0, 6)
    assert state.title == "Storing 18 februari"
    assert state.started_at == START


def test_check_uncheck_and_skip_set_the_step_status() -> None:
    a = Laptop("dev-a")
    a.start()
    a.check("coordinator", 1, actor="Anna")
    a.skip("bezetting", 2, reason="iedereen is er")
    state = run_of(a)
    assert state.step("coordinator").status == "done"
    assert state.step("coordinator").by == "Anna"
    assert state.step("bezetting").status == "skipped"
    assert state.step("bezetting").reason == "iedereen is er"
    assert state.current_step_id == "rollback-uitvoeren"
    assert (state.done, state.total) == (2, 6)
    a.uncheck("bezetting", 3)
    state = run_of(a)
    assert state.step("bezetting").status == "open"
    assert state.step("bezetting").reason == ""
    assert state.current_step_id == "bezetting"


def test_the_same_step_checked_on_two_laptops_is_done_by_the_first_check() -> None:
    a, b = Laptop("dev-a"), Laptop("dev-b")
    start = a.start()
    b.log.append(start)
    b.check("coordinator", 2, actor="Bram")
    a.check("coordinator", 3, actor="Anna")
    state = run_of(a, b)
    step = state.step("coordinator")
    assert (step.status, step.by) == ("done", "Bram")
    assert len(state.events) == 3  # both checks are kept in the log
    assert [r.actor for r in state.timeline][1:] == ["Bram", "Anna"]


def test_a_check_after_a_reopen_counts_again() -> None:
    a = Laptop("dev-a")
    a.start()
    a.check("coordinator", 1, actor="Anna")
    a.uncheck("coordinator", 2)
    a.check("coordinator", 3, actor="Bram")
    step = run_of(a).step("coordinator")
    assert (step.status, step.by) == ("done", "Bram")


def test_four_eyes_verifier_is_kept() -> None:
    a = Laptop("dev-a")
    a.start()
    a.check("rollback-uitvoeren", 5, actor="Anna", verified_by="B. de Vries")
    step = run_of(a).step("rollback-uitvoeren")
    assert step.verified_by == "B. de Vries"


def test_a_decision_takes_its_branch_and_drops_the_other() -> None:
    a = Laptop("dev-a")
    a.start()
    a.decide("rollback-ok", "failover", 10)
    state = run_of(a)
    assert state.step("rollback-ok").status == "done"
    failover, herstel = state.section("failover"), state.section("herstel")
    assert failover.active and not failover.pending
    assert not herstel.active
    assert not state.step("herstel-diensten").active
    assert state.step("failover-schakel").counts
    # herstel leaves the totals, failover's two steps join them
    assert (state.done, state.total) == (1, 8)
    entry = state.current_decision("rollback-ok")
    assert entry is not None and entry.option == "failover" and not entry.conflict


def test_unchecking_a_decision_reopens_the_choice() -> None:
    a = Laptop("dev-a")
    a.start()
    a.decide("rollback-ok", "failover", 10)
    a.check("failover-schakel", 11, verified_by="Bram")
    a.uncheck("rollback-ok", 12)
    state = run_of(a)
    assert state.step("rollback-ok").status == "open"
    assert state.section("failover").pending and state.section("herstel").pending
    assert state.current_decision("rollback-ok") is None
    assert len(state.decisions) == 1 and state.decisions[0].withdrawn
    # the step checked in the branch keeps its status; it is not counted while pending
    assert state.step("failover-schakel").status == "done"
    assert (state.done, state.total) == (0, 6)
    a.decide("rollback-ok", "herstel", 13)
    state = run_of(a)
    assert state.section("herstel").active and not state.section("failover").active
    assert [d.current for d in state.decisions] == [False, True]


def test_different_decisions_from_two_laptops_are_a_conflict_until_settled() -> None:
    a, b = Laptop("dev-a"), Laptop("dev-b")
    start = a.start()
    b.log.append(start)
    first = a.decide("rollback-ok", "herstel", 10, actor="Anna")
    second = b.decide("rollback-ok", "failover", 11, actor="Bram")
    state = run_of(a, b)
    assert [d.conflict for d in state.decisions] == [True, True]
    assert state.current_decision("rollback-ok").option == "failover"  # last by clock
    assert state.section("failover").active
    # the lead, having both in view, decides again: settled
    a.decide("rollback-ok", "herstel", 20, supersedes=[first.id, second.id])
    state = run_of(a, b)
    assert not any(d.conflict for d in state.decisions)
    assert len(state.decisions) == 3
    assert state.current_decision("rollback-ok").option == "herstel"
    assert state.section("herstel").active and not state.section("failover").active


def test_the_same_choice_on_two_laptops_is_no_conflict() -> None:
    a, b = Laptop("dev-a"), Laptop("dev-b")
    b.log.append(a.start())
    a.decide("rollback-ok", "herstel", 10)
    b.decide("rollback-ok", "herstel", 11)
    state = run_of(a, b)
    assert not any(d.conflict for d in state.decisions)


def test_a_later_decision_on_the_same_laptop_replaces_the_earlier_one() -> None:
    a = Laptop("dev-a")
    a.start()
    a.decide("rollback-ok", "herstel", 10)
    a.decide("rollback-ok", "failover", 11)
    state = run_of(a)
    assert not any(d.conflict for d in state.decisions)
    assert [d.current for d in state.decisions] == [False, True]


def test_optional_steps_count_only_when_done() -> None:
    a = Laptop("dev-a")
    a.start()
    before = run_of(a).section("communicatie")
    a.check("intranet", 3)
    after = run_of(a).section("communicatie")
    assert (before.done, before.total) == (0, 1)
    assert (after.done, after.total) == (1, 2)


def test_staffing_shortfall_follows_participants_and_roles() -> None:
    a = Laptop("dev-a")
    a.start(participants=[{"name": "Anna", "role": "incident-lead"},
                          {"name": "Bram", "role": "netwerk"}])
    state = run_of(a)
    assert [tuple(g) for g in state.shortfall] == [("netwerk", 2, 1)]
    a.record(EventKind.PARTICIPANT_JOINED, 5, payload={"name": "Cem", "role": "netwerk"})
    assert run_of(a).shortfall == ()
    a.record(EventKind.ROLE_ASSIGNED, 6, payload={"name": " anna ", "role": "communicatie"})
    people = {p.name: p.roles for p in run_of(a).participants}
    assert people == {"Anna": ("incident-lead", "communicatie"), "Bram": ("netwerk",),
                      "Cem": ("netwerk",)}


def test_services_show_their_last_status_in_restore_order() -> None:
    a = Laptop("dev-a")
    a.start()
    a.record(EventKind.SERVICE_STATUS_CHANGED, 2, payload={"service": "Sociale Zaken",
                                                           "status": "down"})
    a.record(EventKind.SERVICE_STATUS_CHANGED, 3, payload={"service": "Publieke Dienstverlening",
                                                           "status": "down"})
    a.record(EventKind.SERVICE_STATUS_CHANGED, 30, payload={"service": "Sociale Zaken",
                                                            "status": "restored", "note": "ok"})
    services = run_of(a).services
    assert [(s.name, s.status) for s in services] == [
        ("Publieke Dienstverlening", "down"), ("Sociale Zaken", "restored"),
        ("Informatienummer 14020", "unknown")]
    assert services[1].note == "ok"
    assert services[1].since == START.replace(minute=30)


def test_a_closed_run_keeps_its_summary() -> None:
    a = Laptop("dev-a")
    a.start()
    a.record(EventKind.RUN_CLOSED, 90, actor="Anna", payload={"summary": "Alles hersteld"})
    state = run_of(a)
    assert state.closed and state.closed_by == "Anna" and state.summary == "Alles hersteld"


def test_notes_messages_and_events_of_other_runs() -> None:
    a = Laptop("dev-a")
    a.start()
    a.record(EventKind.NOTE_ADDED, 4, step_id="bezetting", payload={"text": "Bram belt Cem"})
    other = Laptop("dev-x", run_id="another-run")
    other.start()
    from runbook_assistant.core.run.state import fold as fold_fn

    class Run:  # only the fields the fold reads
        id = a.run_id
        runbook_id, title, mode, lang, runbook_version, scenario_id = (
            "netwerkstoring", "Storing", "incident", "nl", 4, None)

    state = fold_fn(RUNBOOK, Run(), a.log + other.log)  # type: ignore[arg-type]
    assert len(state.events) == 2
    assert state.notes[0].text == "Bram belt Cem" and state.notes[0].step_id == "bezetting"


def test_a_note_is_exactly_the_note_entry_its_event_makes() -> None:
    from runbook_assistant.core.log.ordering import parse_time
    from runbook_assistant.core.run.state import NoteEntry

    a = Laptop("device-a")
    a.record(EventKind.RUN_STARTED, 0)
    note = a.record(EventKind.NOTE_ADDED, 3, actor="Bram", step_id="bezetting",
                    payload={"text": "Cem onderweg"}, occurred_minute=1)
    made = fold(make_runbook(), None, a.log).notes[-1]
    expected = NoteEntry("Cem onderweg", "Bram", parse_time(note.occurred_at or ""), note.id,
                         "bezetting", True)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert list(vars(made).items()) == list(vars(expected).items())
