"""Properties of the fold: delivery order does not matter; the last action on a step wins."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from state_builders import START, Laptop, iso, make_runbook

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.state import fold

RUNBOOK = make_runbook()
STEP_IDS = [s.id for s in RUNBOOK.iter_steps()]
ACTIONS = ["check", "uncheck", "skip", "decide", "note", "service", "join"]

action = st.tuples(
    st.integers(min_value=0, max_value=2),  # which laptop
    st.sampled_from(ACTIONS),
    st.sampled_from(STEP_IDS),
    st.sampled_from(["herstel", "failover"]),
    st.integers(min_value=0, max_value=3),  # minutes since that laptop's previous event
)


def record(laptops: list[Laptop], actions: list[tuple[int, str, str, str, int]]) -> list:
    clock = [0.0, 0.0, 0.0]
    for device, kind, step_id, option, gap in actions:
        laptop = laptops[device]
        clock[device] += gap + 0.5
        minute = clock[device]
        if kind == "check":
            laptop.check(step_id, minute, actor=f"P{device}", verified_by="Zoë")
        elif kind == "uncheck":
            laptop.uncheck(step_id, minute)
        elif kind == "skip":
            laptop.skip(step_id, minute)
        elif kind == "decide":
            laptop.decide("rollback-ok", option, minute)
        elif kind == "note":
            laptop.record(EventKind.NOTE_ADDED, minute, payload={"text": step_id})
        elif kind == "service":
            laptop.record(EventKind.SERVICE_STATUS_CHANGED, minute,
                          payload={"service": "Sociale Zaken", "status": option[:4]})
        else:
            laptop.record(EventKind.PARTICIPANT_JOINED, minute,
                          payload={"name": f"N{gap}", "role": "netwerk"})
    return [e for laptop in laptops for e in laptop.log]


@settings(max_examples=150, deadline=None)
@given(actions=st.lists(action, max_size=40), data=st.data())
def test_the_fold_is_the_same_for_any_delivery_order(actions, data) -> None:
    laptops = [Laptop("dev-a"), Laptop("dev-b"), Laptop("dev-c")]
    laptops[0].start()
    events = record(laptops, actions)
    shuffled = data.draw(st.permutations(events))
    duplicated = shuffled + data.draw(st.lists(st.sampled_from(events), max_size=5))
    now = START.replace(hour=12)
    expected = fold(RUNBOOK, None, events, now=now)
    again = fold(RUNBOOK, None, duplicated, now=now)
    assert again == expected
    assert again.timeline == expected.timeline


undo_action = st.tuples(st.integers(min_value=0, max_value=2),
                        st.sampled_from(["check", "uncheck", "skip"]))


@settings(max_examples=150, deadline=None)
@given(sequence=st.lists(undo_action, min_size=1, max_size=30))
def test_a_step_ends_in_the_status_of_its_last_action(sequence) -> None:
    laptops = [Laptop("dev-a"), Laptop("dev-b"), Laptop("dev-c")]
    laptops[0].start()
    for minute, (device, kind) in enumerate(sequence, start=1):
        if kind == "check":
            laptops[device].check("bezetting", minute)
        elif kind == "skip":
            laptops[device].skip("bezetting", minute)
        else:
            laptops[device].uncheck("bezetting", minute)
    state = fold(RUNBOOK, None, [e for laptop in laptops for e in laptop.log])
    expected = {"check": "done", "skip": "skipped", "uncheck": "open"}[sequence[-1][1]]
    assert state.step("bezetting").status == expected


@settings(max_examples=100, deadline=None)
@given(actions=st.lists(action, max_size=30), split=st.integers(min_value=0, max_value=200))
def test_folding_in_two_parts_equals_folding_at_once(actions, split) -> None:
    from runbook_assistant.core.log.ordering import ordered
    from runbook_assistant.core.run.fold import RunFolder

    laptops = [Laptop("dev-a"), Laptop("dev-b"), Laptop("dev-c")]
    laptops[0].start()
    events = ordered(record(laptops, actions))
    folder = RunFolder(RUNBOOK)
    folder.feed(events[:split])
    assert folder.accepts(events[split:])
    folder.feed(events)  # already folded events are skipped
    now = START.replace(hour=12)
    assert folder.state(now) == fold(RUNBOOK, None, events, now=now)


@settings(max_examples=60, deadline=None)
@given(actions=st.lists(action, max_size=30), split=st.integers(min_value=0, max_value=200))
def test_a_run_folded_whole_then_fed_more_equals_folding_at_once(actions, split) -> None:
    from runbook_assistant.core.log.ordering import ordered
    from runbook_assistant.core.run.fold import RunFolder

    laptops = [Laptop("dev-a"), Laptop("dev-b"), Laptop("dev-c")]
    laptops[0].start()
    events = ordered(record(laptops, actions))
    folder = RunFolder(RUNBOOK)
    folder.feed_all(events[:split])  # as ``fold`` does: no per-event checks
    assert folder.accepts(events[split:])
    folder.feed(events)  # what it folded whole is known: skipped
    now = START.replace(hour=12)
    assert folder.state(now) == fold(RUNBOOK, None, events, now=now)
    assert folder.events == events


@settings(max_examples=60, deadline=None)
@given(actions=st.lists(action, min_size=1, max_size=20), pick=st.integers(min_value=0))
def test_an_event_fed_after_a_later_one_is_refused(actions, pick) -> None:
    from runbook_assistant.core.log.ordering import ordered
    from runbook_assistant.core.run.fold import RunFolder

    laptops = [Laptop("dev-a"), Laptop("dev-b"), Laptop("dev-c")]
    laptops[0].start()
    events = ordered(record(laptops, actions))
    assume(len(events) >= 2)
    k = pick % (len(events) - 1)
    folder = RunFolder(RUNBOOK)
    folder.feed([events[k + 1]])
    assert not folder.accepts([events[k]])
    with pytest.raises(ValueError, match="fold order"):
        folder.feed([events[k]])
    folder.feed([events[k + 1]])  # the one already folded is skipped, not refused
    assert folder.events == [events[k + 1]]


moment = st.one_of(st.none(), st.integers(min_value=0, max_value=4 * 60).map(
    lambda m: START + timedelta(minutes=m)))


@settings(max_examples=120, deadline=None)
@given(actions=st.lists(action, max_size=30), data=st.data())
def test_a_state_built_after_each_event_equals_a_fresh_full_build(actions, data) -> None:
    """``build_state`` takes unchanged step states from the folder's previous build: after any
    events, at any clock time (the same one again, another, none), the state is the one a new
    folder builds from all events, and a step that is the same keeps its object."""
    from runbook_assistant.core.log.ordering import ordered
    from runbook_assistant.core.run.fold import RunFolder

    laptops = [Laptop("dev-a"), Laptop("dev-b"), Laptop("dev-c")]
    if data.draw(st.booleans()):
        laptops[0].start()
    events = record(laptops, actions)
    for minute in data.draw(st.lists(st.integers(min_value=1, max_value=60), max_size=2)):
        # the discovery moment and the close change every step's timers
        events.append(laptops[1].record(EventKind.DISCOVERED, minute, payload={
            "at": iso(START - timedelta(minutes=minute))}))
    if data.draw(st.booleans()):
        events.append(laptops[2].record(EventKind.RUN_CLOSED, 50.0))
    events = ordered(events)
    folder = RunFolder(RUNBOOK)
    previous = None
    position = 0
    while position <= len(events):
        step = data.draw(st.integers(min_value=0, max_value=3))  # 0: build again, no event
        folder.feed(events[position:position + step])
        position += max(step, 1)
        now = data.draw(moment)
        state = folder.state(now)
        fresh = RunFolder(RUNBOOK)
        fresh.feed(folder.events)
        assert state == fresh.state(now)
        if previous is not None and step == 0 and now == previous.now:
            assert all(state.steps[s] is previous.steps[s] for s in state.steps)
        previous = state

