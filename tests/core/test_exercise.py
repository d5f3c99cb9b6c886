"""The exercise clock and inject delivery, on a real store with a hand-moved time source."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from exercise_support import session, start_drill
from hand_clock import T0, HandClock

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.exercise.session import ExerciseEngine, ExerciseSession
from runbook_assistant.core.exercise.timing import (
    ExerciseTimeline,
    SimulatedClock,
    parse_offset,
)
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.engine import Engine


def delivered(engine: Engine, run_id: str) -> list[int]:
    return [e.payload["offset"] for e in engine.events(run_id)
            if e.kind is EventKind.INJECT_DELIVERED]


def clock_changes(engine: Engine, run_id: str) -> list[dict]:
    return [e.payload for e in engine.events(run_id) if e.kind is EventKind.EXERCISE_CLOCK]


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


def test_clock_changes_are_events_with_speed_offset_and_action(engine: Engine,
                                                                clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    clock.advance(1)
    sim.set_speed(10, "Olaf")
    clock.advance(1)
    sim.pause("Olaf")
    sim.resume("Olaf")
    sim.advance_to(3600, "Olaf")
    assert clock_changes(engine, run_id) == [
        {"speed": 10, "exercise_offset": 60, "action": "speed"},
        {"speed": 0, "exercise_offset": 660, "action": "pause"},
        {"speed": 10, "exercise_offset": 660, "action": "resume"},
        {"speed": 10, "exercise_offset": 3600, "action": "jump"}]
    assert [n.text for n in engine.state(run_id).notes] == []  # no notes about the clock


def test_a_note_that_looks_like_a_clock_change_changes_nothing(engine: Engine,
                                                              clock: HandClock) -> None:
    run_id = start_drill(engine)
    engine.note(run_id, "Oefenklok: ×10 op T+01:00:00", actor="Anna")
    engine.note(run_id, "Exercise clock: paused at T+00:00:00", actor="Anna")
    clock.advance(5)
    sim = session(engine, run_id, clock)
    assert sim.clock.position() == 300 and sim.clock.speed == 1 and not sim.clock.paused


def test_the_engine_checks_clock_changes(engine: Engine) -> None:
    run_id = start_drill(engine)
    incident = start_drill(engine, scenario=False)
    with pytest.raises(CommandError, match="not an exercise"):
        engine.exercise_clock(incident, actor="Olaf", speed=10, offset=0, action="speed")
    with pytest.raises(CommandError, match="action 'rewind'"):
        engine.exercise_clock(run_id, actor="Olaf", speed=1, offset=0, action="rewind")
    for speed, offset in ((-1, 0), (1, -5), (float("nan"), 0)):
        with pytest.raises(CommandError, match="0 or more"):
            engine.exercise_clock(run_id, actor="Olaf", speed=speed, offset=offset,
                                  action="speed")
    with pytest.raises(CommandError, match="speed 0"):
        engine.exercise_clock(run_id, actor="Olaf", speed=0, offset=0, action="speed")
    with pytest.raises(CommandError):
        engine.exercise_clock(run_id, actor="Olaf", speed=5, offset=0, action="pause")
    assert clock_changes(engine, run_id) == []


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


def test_each_inject_is_delivered_once_even_after_a_restart(db: Path,
                                                            clock: HandClock) -> None:
    first = Engine.open(db, clock=clock)
    run_id = start_drill(first)
    sim = session(first, run_id, clock)
    sim.set_speed(10, "Olaf")
    clock.advance(1.5)  # T+15 at ×10
    sim.tick("Olaf")
    sim.tick("Olaf")
    assert delivered(first, run_id) == [0, 600]
    first.close_store()

    clock.advance(1)  # the laptop restarted; the exercise clock ran on at ×10 meanwhile
    second = Engine.open(db, clock=clock)
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


def test_the_engine_logs_an_inject_once_and_returns_the_earlier_delivery(
        engine: Engine) -> None:
    run_id = start_drill(engine)
    first = engine.deliver_inject(run_id, 600, "The information number is down.", actor="Olaf",
                                  to="comms", index=1)
    again = engine.deliver_inject(run_id, 600, "The information number is down.", actor="Anna",
                                  to="comms", index=1)
    assert again.id == first.id and again.actor == "Olaf"
    assert delivered(engine, run_id) == [600]
    assert first.payload["index"] == 1


def test_two_windows_racing_on_one_database_deliver_each_inject_once(
        db: Path, clock: HandClock) -> None:
    one_engine = Engine.open(db, clock=clock)
    other_engine = Engine.open(db, clock=clock)
    run_id = start_drill(one_engine)
    one, other = session(one_engine, run_id, clock), session(other_engine, run_id, clock)
    clock.advance(11)
    stale = [i for i in other.pending() if i.offset <= 11 * 60]  # read before one delivers
    sent = one.tick("Olaf")
    late = [other_engine.deliver_inject(run_id, i.offset, i.text, actor="Anna", to=i.to,
                                        index=i.index) for i in stale]
    assert [e.id for e in late] == [e.id for e in sent] and len(sent) == 2
    assert delivered(other_engine, run_id) == [0, 600]
    one_engine.close_store()
    other_engine.close_store()


def test_a_clock_change_in_another_window_reaches_this_one(engine: Engine,
                                                          clock: HandClock) -> None:
    run_id = start_drill(engine)
    one, other = session(engine, run_id, clock), session(engine, run_id, clock)
    one.set_speed(10, "Olaf")
    clock.advance(2)
    assert [i.offset for i in other.injects() if i.offset <= other.clock.position()] == [0, 600,
                                                                                         1200]
    assert other.clock.speed == 10
    one.pause("Olaf")
    other.injects()
    assert other.clock.paused


def test_jump_to_next_moves_the_clock_and_delivers_that_inject(engine: Engine,
                                                               clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.tick("Olaf")
    clock.advance(1)
    events = sim.jump_to_next("Olaf")
    assert [e.payload["offset"] for e in events] == [600]
    assert sim.clock.position() == 600
    assert clock_changes(engine, run_id) == [
        {"speed": 1, "exercise_offset": 600, "action": "jump"}]
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
    assert event.payload == {"text": "Nobody asked who made the change", "observer": True}
    with pytest.raises(CommandError):
        sim.observe("  ", "Olaf")
    incident = start_drill(engine, scenario=False)
    with pytest.raises(CommandError, match="not an exercise"):
        engine.observe(incident, "seen", actor="Olaf")


def test_an_exercise_without_scenario_still_has_a_clock(engine: Engine,
                                                        clock: HandClock) -> None:
    run_id = start_drill(engine)
    bare = ExerciseSession(engine, run_id, None, source=clock)
    clock.advance(5)
    assert bare.tick("Olaf") == [] and bare.injects() == [] and not bare.finished
    assert bare.clock.position() == 300


def test_an_inject_added_to_the_scenario_midway_does_not_resend_the_later_ones(
        engine: Engine, clock: HandClock) -> None:
    run_id = start_drill(engine)
    sim = session(engine, run_id, clock)
    sim.advance_to(20 * 60, "Olaf")
    assert delivered(engine, run_id) == [0, 600, 1200]
    scenario = sim.scenario
    assert scenario is not None
    extra = replace(scenario.injects[0], offset=300, text="The press calls.")
    sim.scenario = replace(scenario, injects=(extra, *scenario.injects))  # the file was edited
    assert [e.payload["text"] for e in sim.tick("Olaf")] == ["The press calls."]
    assert delivered(engine, run_id) == [0, 600, 1200, 300]
    assert [i.delivered for i in sim.injects()] == [True, True, True, True, False]
