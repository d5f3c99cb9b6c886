"""The exercise clock and inject delivery, on a real store with a hand-moved time source."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from exercise_support import T0, HandClock, session, start_drill

from runbook_assistant.core.engine import Engine
from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.events import EventKind
from runbook_assistant.core.exercise import ExerciseEngine, ExerciseSession
from runbook_assistant.core.exercise_time import (
    ClockMark,
    ExerciseTimeline,
    SimulatedClock,
    clock_note,
    parse_clock_note,
    parse_offset,
)


@pytest.fixture
def clock() -> HandClock:
    return HandClock()


@pytest.fixture
def engine(tmp_path: Path, clock: HandClock) -> Iterator[Engine]:
    opened = Engine.open(tmp_path / "runs.sqlite3", clock=clock)
    yield opened
    opened.close_store()


def delivered(engine: Engine, run_id: str) -> list[int]:
    return [e.payload["offset"] for e in engine.events(run_id)
            if e.kind is EventKind.INJECT_DELIVERED]


# --- the simulated clock ---------------------------------------------------------------------
def test_the_clock_follows_its_time_source_at_each_speed() -> None:
    source = HandClock()
    sim = SimulatedClock(source, T0)
    source.advance(2)
    assert sim.position() == 120
    for speed, expected in ((2, 120 + 120), (5, 240 + 300), (10, 540 + 600)):
        sim.apply(sim.with_speed(speed))
        source.advance(1)
        assert sim.position() == expected
    assert sim.now() == T0 + timedelta(seconds=1140)


def test_pause_stops_exercise_time_and_a_speed_button_resumes_it() -> None:
    source = HandClock()
    sim = SimulatedClock(source, T0)
    sim.apply(sim.with_speed(5))
    source.advance(1)
    sim.apply(sim.with_pause())
    source.advance(30)
    assert sim.position() == 300 and sim.paused
    sim.apply(sim.with_speed(2))
    source.advance(1)
    assert sim.position() == 420 and not sim.paused


def test_the_clock_jumps_ahead_but_never_back_even_when_the_source_does() -> None:
    source = HandClock()
    sim = SimulatedClock(source, T0)
    source.advance(10)
    sim.apply(sim.with_position(45 * 60))
    assert sim.position() == 45 * 60
    sim.apply(sim.with_position(60))  # behind: ignored
    assert sim.position() == 45 * 60
    source.advance(-5)  # the laptop's clock is set back
    assert sim.position() == 45 * 60


def test_only_the_four_speeds_exist() -> None:
    sim = SimulatedClock(HandClock(), T0)
    with pytest.raises(CommandError, match="×3"):
        sim.with_speed(3)


@pytest.mark.parametrize(("text", "seconds"), [("T+00:10", 600), ("T+01:30:15", 5415),
                                               ("T+45", 2700), ("01:05", 3900), ("t + 2", 120)])
def test_exercise_times_are_read_like_inject_times(text: str, seconds: int) -> None:
    assert parse_offset(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "T+1:75", "T-00:10"])
def test_unreadable_exercise_times_are_refused(text: str) -> None:
    with pytest.raises(CommandError, match="cannot read the exercise time"):
        parse_offset(text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_clock_notes_read_back_in_either_language(lang: str) -> None:
    running = clock_note(ClockMark(T0, 754.0, 10, False), lang, "jump")
    paused = clock_note(ClockMark(T0, 3600.0, 5, True), lang)
    assert parse_clock_note(running) == (754.0, 10, False)
    assert parse_clock_note(paused) == (3600.0, None, True)
    assert parse_clock_note("Note: the clock in the hall is slow") is None


# --- delivering injects ----------------------------------------------------------------------
def test_injects_are_delivered_when_exercise_time_passes_them(engine: Engine,
                                                              clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    assert [e.payload["to"] for e in sim.tick("Olaf")] == ["net"]
    clock.advance(9)
    assert sim.tick("Olaf") == []
    clock.advance(1)
    assert delivered(engine, run_id) == [0] and [e.payload["offset"]
                                                 for e in sim.tick("Olaf")] == [600]


def test_each_inject_is_delivered_once_even_after_a_restart(tmp_path: Path,
                                                            clock: HandClock) -> None:
    first = Engine.open(tmp_path / "runs.sqlite3", clock=clock)
    run_id = start_drill(first)
    sim = session(first, run_id, clock)
    sim.set_speed(10, "Olaf")
    clock.advance(1.5)  # T+15 at ×10
    sim.tick("Olaf")
    sim.tick("Olaf")
    assert delivered(first, run_id) == [0, 600]
    first.close_store()

    clock.advance(1)  # the laptop restarted; the exercise clock ran on at ×10 meanwhile
    second = Engine.open(tmp_path / "runs.sqlite3", clock=clock)
    again = session(second, run_id, clock)
    assert again.clock.speed == 10 and again.clock.position() == 25 * 60
    assert [e.payload["offset"] for e in again.tick("Olaf")] == [1200]
    assert again.tick("Olaf") == []
    assert delivered(second, run_id) == [0, 600, 1200]
    second.close_store()


def test_a_second_session_on_the_same_run_does_not_deliver_again(engine: Engine,
                                                                 clock: HandClock) -> None:
    run_id = start_drill(engine)
    one, other = session(engine, run_id, clock), session(engine, run_id, clock)
    clock.advance(11)
    assert len(one.tick("Olaf")) == 2
    assert other.tick("Anna") == []


def test_jump_to_next_moves_the_clock_and_delivers_that_inject(engine: Engine,
                                                               clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.tick("Olaf")
    clock.advance(1)
    events = sim.jump_to_next("Olaf")
    assert [e.payload["offset"] for e in events] == [600]
    assert sim.clock.position() == 600
    notes = [e.payload["text"] for e in engine.events(run_id) if e.kind is EventKind.NOTE_ADDED]
    assert notes == ["Exercise clock: ×1 at T+00:10:00 (jumped ahead to the next inject)"]
    while not sim.finished:
        sim.jump_to_next("Olaf")
    assert delivered(engine, run_id) == [0, 600, 1200, 2700]
    with pytest.raises(CommandError, match="every inject"):
        sim.jump_to_next("Olaf")


def test_players_get_the_headline_and_the_leader_keeps_the_note(engine: Engine,
                                                                clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    events = sim.advance_to(20 * 60, "Olaf")
    assert events[-1].payload["text"] == "The alderman calls."
    alderman = sim.injects()[2]
    assert alderman.delivered and "letter within the hour" in alderman.leader_note


def test_a_closed_exercise_delivers_nothing(engine: Engine, clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    engine.close(run_id, actor="Olaf")
    clock.advance(60)
    assert sim.tick("Olaf") == []


def test_an_incident_has_no_exercise_clock(engine: Engine, clock: HandClock) -> None:
    run_id = start_drill(engine, scenario=False)
    with pytest.raises(CommandError, match="not an exercise"):
        session(engine, run_id, clock)


# --- the run in exercise time ----------------------------------------------------------------
def test_timers_run_on_exercise_time(engine: Engine, clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.set_speed(10, "Olaf")
    clock.advance(1)  # ten exercise minutes
    state = sim.state()
    assert state.now == T0 + timedelta(minutes=10)
    assert set(state.overdue) == {"appoint"}  # due 5m passed; freeze (10m) not yet
    assert engine.state(run_id).overdue == ()  # in real time only one minute went by
    engine.check(run_id, "appoint", actor="Anna")
    assert sim.state().step("appoint").at == T0 + timedelta(minutes=10)


def test_the_exercise_engine_shows_that_run_in_exercise_time(engine: Engine,
                                                             clock: HandClock) -> None:
    run_id = start_drill(engine)
    other = start_drill(engine, title="Other drill")
    sim = session(engine, run_id, clock)
    sim.advance_to(3600, "Olaf")
    proxy = ExerciseEngine(engine, sim)
    assert proxy.clock is sim.clock
    assert proxy.state(run_id).now == T0 + timedelta(hours=1)
    assert proxy.state(other).now == clock.now()
    assert proxy.runbook_of(run_id).id == "drill"


def test_the_timeline_maps_real_moments_to_exercise_time(engine: Engine,
                                                         clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    clock.advance(2)
    sim.set_speed(5, "Olaf")  # at T+2
    clock.advance(2)
    sim.pause("Olaf")  # at T+12
    clock.advance(10)
    timeline = ExerciseTimeline.of(engine.events(run_id), T0)
    assert timeline.seconds(T0 + timedelta(minutes=1)) == 60
    assert timeline.seconds(T0 + timedelta(minutes=3)) == 120 + 300
    assert timeline.seconds(clock.now()) == 12 * 60


def test_observations_are_marked_notes(engine: Engine, clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    event = sim.observe("Nobody asked who made the change", "Olaf")
    assert event.payload["text"] == "Observation: Nobody asked who made the change"
    with pytest.raises(CommandError):
        sim.observe("  ", "Olaf")


def test_an_exercise_without_scenario_still_has_a_clock(engine: Engine,
                                                        clock: HandClock) -> None:
    run_id = start_drill(engine)
    bare = ExerciseSession(engine, run_id, None, source=clock)
    clock.advance(5)
    assert bare.tick("Olaf") == [] and bare.injects() == [] and not bare.finished
    assert bare.clock.position() == 300
