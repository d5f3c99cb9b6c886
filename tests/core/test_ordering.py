"""The one order of a run's events: ``ordered`` against its definition, for events in any order,
with shared clocks and with the same id more than once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import fold_key, ordered


def reference(events: list[Event]) -> list[Event]:
    """The definition: one event per id (the last given, in the place of the first), sorted by
    (hlc, device_id, seq)."""
    return sorted({e.id: e for e in events}.values(), key=fold_key)


events = st.lists(st.builds(
    lambda id_, hlc, device, seq, actor: Event(
        id=f"e{id_}", run_id="r", device_id=f"d{device}", seq=seq, hlc=f"{hlc:013d}-000000",
        wall_time="2026-11-23T09:00:00.000Z", actor=actor, kind=EventKind.NOTE_ADDED),
    st.integers(0, 40), st.integers(0, 6), st.integers(0, 2), st.integers(1, 5),
    st.sampled_from(["Anne", "Bram"])), max_size=60)


@given(events)
def test_ordered_is_the_fold_order_of_the_unique_events(given_events: list[Event]) -> None:
    result = ordered(given_events)
    expected = reference(given_events)
    assert result == expected
    assert all(a is b for a, b in zip(result, expected, strict=True))  # the same objects


@given(events, st.randoms(use_true_random=False))
def test_events_in_any_order_give_the_same_order(given_events: list[Event], rng) -> None:
    shuffled = list(given_events)
    rng.shuffle(shuffled)
    assert ordered(shuffled) == reference(shuffled)
    in_order = reference(given_events)
    assert ordered(in_order) == in_order
