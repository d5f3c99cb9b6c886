"""Laptops of one organisation share their runs through the hub; others are refused."""

from __future__ import annotations

import json

import pytest
from hub_support import HubProcess, Laptop, count_rows

from runbook_assistant.core.log.verify import verify_store
from runbook_assistant.core.sync.exchange import collect_bundle
from runbook_assistant.core.sync.hub_client import HubRefused


def test_two_laptops_end_with_both_runs_and_both_verify(hub: HubProcess,
                                                         laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    a.enrol(hub.database, "utrecht")
    b.enrol(hub.database, "utrecht")
    run_a = a.start("Storing A")
    a.note(run_a, "Leverancier gebeld")
    run_b = b.start("Storing B")
    b.note(run_b, "Back-up gestart", count=3)

    for laptop in (a, b):
        assert laptop.client(hub.url).push().receipt is not None
    for laptop in (a, b):
        laptop.client(hub.url).pull()

    both = a.event_ids() | b.event_ids()
    assert a.event_ids() == b.event_ids() == both
    for laptop in (a, b):
        assert {r.run_id for r in laptop.engine.runs()} == {run_a, run_b}
    for laptop in (a, b):
        report = verify_store(laptop.store)
        assert report.ok, report.first_problem
    assert count_rows(hub.database, "events") == len(both)


def test_the_receipt_is_signed_by_the_hub_key_pinned_on_first_contact(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    a.enrol(hub.database, "utrecht")
    a.start()
    client = a.client(hub.url)
    result = client.push()
    health = client.health()
    assert result.receipt is not None and result.receipt.holds(health["hub_key"])
    assert result.receipt.body["device"] == a.device_id
    assert result.receipt.body["org"] == "utrecht"
    assert result.new_events == len(a.event_ids())


def test_a_laptop_not_enrolled_is_refused_and_nothing_of_it_is_stored(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    c = laptops["c"]
    c.start()
    with pytest.raises(HubRefused, match=f"device {c.device_id} .*is not enrolled"):
        c.client(hub.url).push()
    with pytest.raises(HubRefused, match="is not enrolled"):
        c.client(hub.url).pull()
    assert count_rows(hub.database, "events") == 0
    assert count_rows(hub.database, "runs") == 0


def test_a_laptop_of_another_organisation_sees_nothing_of_this_one(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a, other = laptops["a"], laptops["other"]
    a.enrol(hub.database, "utrecht")
    other.enrol(hub.database, "zeist")
    run_a = a.start()
    a.client(hub.url).push()
    run_zeist = other.start("Storing Zeist")
    other.client(hub.url).push()

    pulled = other.client(hub.url).pull()
    assert pulled.imported is not None
    assert {r.id for r in pulled.imported.runs} == {run_zeist}  # its own, nothing of utrecht's
    assert run_a not in {r.run_id for r in other.engine.runs()}
    a.client(hub.url).pull()
    assert {r.run_id for r in a.engine.runs()} == {run_a}


def test_the_same_push_twice_adds_nothing_and_a_repeated_pull_changes_nothing(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    for laptop in (a, b):
        laptop.enrol(hub.database, "utrecht")
    run_id = a.start()
    first = a.client(hub.url).push()
    assert first.new_events > 0
    assert a.client(hub.url).push().receipt is None  # the hub's heads say it has it all
    # Even sent again whole (as after a lost answer), the hub adds nothing.
    client = a.client(hub.url)
    client.runs_to_push = lambda _theirs=None: [run_id]  # type: ignore[method-assign]
    again = client.push()
    assert again.receipt is not None and again.new_events == 0
    for _ in range(2):
        receipt = json.loads(client._post_bundle(collect_bundle(a.store, [run_id])))
        assert receipt["receipt"]["new_events"] == 0
    assert count_rows(hub.database, "events") == len(a.event_ids())

    b.client(hub.url).pull()
    before = b.event_ids()
    state = b.client(hub.url)._state()
    state[b.client(hub.url).url]["cursor"] = 0  # forget the cursor: the whole pull again
    b.client(hub.url)._save_state(state)
    assert b.client(hub.url).pull().new_events == 0
    assert b.event_ids() == before == a.event_ids()


def test_an_up_to_date_laptop_sends_only_its_new_events_checked_from_the_hubs_record(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a, b = laptops["a"], laptops["b"]
    for laptop in (a, b):
        laptop.enrol(hub.database, "utrecht")
    run_id = a.start()
    a.note(run_id, "Melding", count=5)
    a.client(hub.url).push()
    a.note(run_id, "Later", count=2)
    pushed = a.client(hub.url).push()
    assert pushed.receipt is not None
    assert pushed.receipt.body["events_offered"] == 2 and pushed.new_events == 2
    heads = {(d, r): (s, h) for d, r, s, h in pushed.receipt.body["heads"]}
    assert heads[(a.device_id, run_id)][0] == max(e.seq for e in a.store.all_events())
    b.client(hub.url).pull()
    assert b.event_ids() == a.event_ids()
    assert verify_store(b.store).ok


def test_heads_remembered_wrongly_cost_a_second_try_not_a_refusal(
        hub: HubProcess, laptops: dict[str, Laptop]) -> None:
    a = laptops["a"]
    a.enrol(hub.database, "utrecht")
    run_id = a.start()
    client = a.client(hub.url)
    client.push()
    a.note(run_id, "Na de back-up", count=3)
    # As if the hub had held more and then been restored from an older backup: the laptop
    # remembers the hub holding its chain up to the first new note.
    first_new = sorted(a.store.all_events(), key=lambda e: e.seq)[-3]
    state = client._state()
    state[client.url]["heads"] = [[a.device_id, run_id, first_new.seq, first_new.hash]]
    client._save_state(state)
    pushed = client.push()  # refused as sent (it does not follow the hub's record), sent again
    assert pushed.new_events == 3
    assert count_rows(hub.database, "events") == len(a.event_ids())
