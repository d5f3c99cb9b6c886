"""The service impact board: restore order, statuses and durations from the events."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hand_clock import T0, HandClock
from state_builders import Laptop, make_runbook

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.run.services import board_of, service_board

RUNBOOK = """---
id: dienstenbord
title: Dienstenbord
version: 1
lang: nl
services:
  - Loketten
  - Informatienummer 14020
  - E-mail
---

# Dienstenbord

## Begin

- [ ] Vul het dienstenbord in {#bord}
"""


@pytest.fixture
def run_id(engine: Engine) -> str:
    from runbook_assistant.core.runbook.parser import parse_text

    runbook = parse_text(RUNBOOK, "dienstenbord.md").runbook
    assert runbook is not None
    return engine.start_run(runbook, RUNBOOK, title="Storing", actor="Anna").run_id


def minutes(value: float) -> timedelta:
    return timedelta(minutes=value)


def test_down_then_degraded_then_restored(engine: Engine, clock: HandClock, run_id: str) -> None:
    clock.at(10)
    engine.service(run_id, "E-mail", "down", actor="Anna", note="geen verbinding")
    clock.at(55)
    engine.service(run_id, "e-mail", "degraded", actor="Bram")
    clock.at(80)
    engine.service(run_id, "E-mail", "restored", actor="Bram")
    clock.at(120)
    loket, telefoon, mail = board_of(engine.state(run_id))
    assert (mail.service, mail.status, mail.since, mail.by) == ("E-mail", "restored",
                                                                 T0 + minutes(80), "Bram")
    assert mail.down_for == minutes(45) and mail.degraded_for == minutes(25)
    assert mail.out_since == T0 + minutes(10) and mail.restored_at == T0 + minutes(80)
    assert mail.time_to_restore == minutes(70)
    assert [(c.status, c.at, c.actor, c.note) for c in mail.history] == [
        ("down", T0 + minutes(10), "Anna", "geen verbinding"),
        ("degraded", T0 + minutes(55), "Bram", ""),
        ("restored", T0 + minutes(80), "Bram", ""),
    ]
    # Resident-facing first: the runbook's restore order, including services nobody reported.
    assert [r.service for r in (loket, telefoon, mail)] == ["Loketten", "Informatienummer 14020",
                                                            "E-mail"]
    assert (loket.status, loket.since, loket.history, loket.priority) == ("unknown", None, (), 1)


def test_an_outage_counts_until_now_and_stops_when_the_run_closes(
        engine: Engine, clock: HandClock, run_id: str) -> None:
    clock.at(5)
    engine.service(run_id, "Loketten", "down", actor="Anna")
    clock.at(35)
    row = board_of(engine.state(run_id))[0]
    assert row.impaired and row.down_for == minutes(30) and row.time_to_restore is None
    clock.at(40)
    engine.service(run_id, "Loketten", "down", actor="Anna", note="nog steeds")
    clock.at(50)
    engine.close(run_id, actor="Anna")
    clock.at(500)
    row = board_of(engine.state(run_id))[0]
    assert row.since == T0 + minutes(5)  # a repeated report keeps the time it went down
    assert row.note == "nog steeds"
    assert row.down_for == minutes(45)  # until the run closed, not until now


def test_a_service_that_comes_back_and_goes_down_again(engine: Engine, clock: HandClock,
                                                       run_id: str) -> None:
    for minute, status in ((0, "up"), (10, "down"), (20, "up"), (30, "degraded"), (45, "down"),
                           (60, "restored")):
        clock.at(minute)
        engine.service(run_id, "Informatienummer", status, actor="Anna")  # a unique prefix
    clock.at(90)
    row = board_of(engine.state(run_id))[1]
    assert row.service == "Informatienummer 14020"
    assert row.down_for == minutes(10 + 15) and row.degraded_for == minutes(15)
    assert row.out_since == T0 + minutes(10)
    assert row.time_to_restore == minutes(50)  # first outage to being back for good


def test_unknown_service_or_status_is_refused_and_nothing_is_written(
        engine: Engine, run_id: str) -> None:
    with pytest.raises(CommandError, match="unknown service 'Parkeren'") as caught:
        engine.service(run_id, "Parkeren", "down", actor="Anna")
    assert caught.value.hint == "services: Loketten, Informatienummer 14020, E-mail"
    with pytest.raises(CommandError, match="unknown service status 'kapot'") as caught:
        engine.service(run_id, "E-mail", "kapot", actor="Anna")
    assert caught.value.hint == "use one of: up, degraded, down, restored"
    assert [e.kind for e in engine.events(run_id)] == [EventKind.RUN_STARTED]


def test_the_board_is_the_same_whatever_order_events_arrive_in() -> None:
    runbook = make_runbook()
    a, b = Laptop("device-a"), Laptop("device-b")
    a.record(EventKind.RUN_STARTED, 0)
    a.record(EventKind.SERVICE_STATUS_CHANGED, 5,
             payload={"service": "Sociale Zaken", "status": "down"})
    b.record(EventKind.SERVICE_STATUS_CHANGED, 20,
             payload={"service": "Sociale Zaken", "status": "restored"})
    b.record(EventKind.SERVICE_STATUS_CHANGED, 21,
             payload={"service": "Parkeervergunningen", "status": "down"})  # not in the runbook
    events = a.log + b.log
    now = T0 + minutes(30)
    forward = service_board(runbook, events, now=now)
    assert forward == service_board(runbook, list(reversed(events)), now=now)
    assert [(r.service, r.status, r.listed) for r in forward] == [
        ("Publieke Dienstverlening", "unknown", True), ("Sociale Zaken", "restored", True),
        ("Informatienummer 14020", "unknown", True), ("Parkeervergunningen", "down", False)]
    assert forward[1].time_to_restore == minutes(15)
    assert forward[3].down_for == minutes(9)


def test_a_reported_service_is_exactly_the_service_state_of_its_last_report() -> None:
    from runbook_assistant.core.log.ordering import parse_time
    from runbook_assistant.core.run.state import ServiceState, fold

    a = Laptop("device-a")
    a.record(EventKind.RUN_STARTED, 0)
    a.record(EventKind.SERVICE_STATUS_CHANGED, 5, actor="Bram",
             payload={"service": "Sociale Zaken", "status": "down", "note": "storing"})
    last = a.record(EventKind.SERVICE_STATUS_CHANGED, 7, actor="Cem",
                    payload={"service": "Sociale Zaken", "status": "degraded"})
    state = fold(make_runbook(), None, a.log)
    made = next(s for s in state.services if s.name == "Sociale Zaken")
    expected = ServiceState("Sociale Zaken", "degraded", parse_time(last.wall_time), "", "Cem")
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert vars(made) == vars(expected)  # the same fields, in the same order
    assert list(vars(made)) == list(vars(expected))
