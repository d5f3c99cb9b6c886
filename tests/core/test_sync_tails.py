"""Leaving out what the receiver holds, and checking only the rest, from what it holds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import pytest
from sync_laptops import Laptop

from runbook_assistant.core.errors import SyncError
from runbook_assistant.core.log.verify import verify_store
from runbook_assistant.core.log.verify_checks import Anchor
from runbook_assistant.core.sync.bundle import Bundle, manifest_message, write_bundle
from runbook_assistant.core.sync.exchange import check_bundle, collect_bundle, import_into
from runbook_assistant.core.sync.merge import StoreTarget
from runbook_assistant.core.sync.tails import Held


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, str]]:
    """One run recorded on two laptops: two chains, both held by b."""
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    run_id = a.start()
    for i in range(5):
        a.engine.note(run_id, f"a {i}", actor="Anna")
    b.pull(a.export())
    for i in range(4):
        b.engine.note(run_id, f"b {i}", actor="Bram")
    yield a, b, run_id
    a.close()
    b.close()


@pytest.fixture
def bundle(laptops: tuple[Laptop, Laptop, str]) -> Bundle:
    return collect_bundle(laptops[1].store)


def _chains(bundle: Bundle) -> dict[tuple[str, str], list[tuple]]:
    return {(str(k[0]), str(k[1])): list(rows)
            for k, rows in groupby(bundle.events, key=itemgetter(2, 1))}


def _held(bundle: Bundle, cuts: dict[tuple[str, str], int]) -> tuple[Bundle, Held]:
    """The bundle without the first ``cuts[chain]`` events of each chain, and a receiver that
    holds exactly those."""
    anchors, kept = {}, []
    for key, rows in _chains(bundle).items():
        cut = cuts.get(key, 0)
        if cut:
            at = rows[cut - 1]
            anchors[key] = Anchor(at[3], at[12], at[4], cut)
        kept += rows[cut:]
    return replace(bundle, events=kept), Held(anchors, {r.id: r for r in bundle.runs})


def test_any_held_prefix_is_left_out_and_the_rest_checked_from_it(bundle: Bundle) -> None:
    (first, first_rows), (second, second_rows) = _chains(bundle).items()
    for cut_a in range(len(first_rows) + 1):
        for cut_b in range(len(second_rows) + 1):
            tail, held = _held(bundle, {first: cut_a, second: cut_b})
            assert len(tail.events) == len(bundle.events) - cut_a - cut_b
            check_bundle(tail, "tail", held)  # signed over the whole runs: it holds


def test_a_receiver_that_lacks_what_was_left_out_refuses_the_bundle(bundle: Bundle) -> None:
    key, rows = next(iter(_chains(bundle).items()))
    tail, _ = _held(bundle, {key: 3})
    short = Held({key: Anchor(rows[0][3], rows[0][12], rows[0][4], 1)})  # holds only the first
    with pytest.raises(SyncError, match=r"tampered with.*does not follow seq"):
        check_bundle(tail, "short", short)
    with pytest.raises(SyncError, match="tampered with"):
        check_bundle(tail, "nothing held")


def test_a_left_out_start_is_counted_against_the_signed_manifest(bundle: Bundle) -> None:
    key = next(iter(_chains(bundle)))
    tail, held = _held(bundle, {key: 3})
    fewer = Held({key: held.anchors[key]._replace(events=2)}, held.runs)
    with pytest.raises(SyncError, match=r"lists .* events; the file holds .* more are held"):
        check_bundle(tail, "miscounted", fewer)


def test_a_changed_event_in_the_tail_or_a_changed_record_of_a_held_run_is_refused(
        laptops: tuple[Laptop, Laptop, str], bundle: Bundle) -> None:
    _, b, _ = laptops
    key = next(iter(_chains(bundle)))
    tail, held = _held(bundle, {key: 2})
    changed = [(*r[:9], '{"text":"vervalst"}', *r[10:]) if r[0] == tail.events[0][0] else r
               for r in tail.events]
    with pytest.raises(SyncError, match="changed"):
        check_bundle(replace(tail, events=changed), "changed", held)
    run = replace(bundle.runs[0], title="Oefening")  # the run_started event is held, not sent
    m = tail.manifest
    forged = replace(tail, runs=[run], manifest=replace(m, sig=b.identity.sign(
        manifest_message(m, [run.id], tail.heads))))
    with pytest.raises(SyncError, match=r"record of run .* was changed.*title 'Oefening'"):
        check_bundle(forged, "retitled", held)


def test_a_chain_sent_from_its_start_is_checked_whole_whatever_is_held(
        laptops: tuple[Laptop, Laptop, str], bundle: Bundle) -> None:
    key = next(iter(_chains(bundle)))
    _, held = _held(bundle, {key: 3})
    check_bundle(bundle, "whole", held)  # rows from the chain's start: the anchor is not used


def test_a_laptop_sends_only_what_the_receiver_lacks_and_the_receiver_merges_it(
        laptops: tuple[Laptop, Laptop, str], tmp_path: Path) -> None:
    a, b, run_id = laptops
    heads = {(str(d), str(r)): (int(s), str(h)) for d, r, s, h in b.store.conn.execute(
        "SELECT device_id, run_id, seq, hash FROM chain_heads")}
    a.pull(b.export())
    for i in range(3):
        a.engine.note(run_id, f"later {i}", actor="Anna")
    tail = collect_bundle(a.store, receiver=heads)
    assert [r[9] for r in tail.events] == [f'{{"text":"later {i}"}}' for i in range(3)]
    assert tail.manifest.event_count == len(a.event_ids())
    path = tmp_path / "tail.sqlite"
    write_bundle(path, tail)
    with StoreTarget(b.store) as target:
        result = import_into(target, path, held=target.held)
    assert result.merged.new_events == 3
    assert b.event_ids() == a.event_ids()
    assert verify_store(b.store).ok


def test_a_receiver_whose_end_this_laptop_does_not_hold_gets_the_chain_whole(
        bundle: Bundle, laptops: tuple[Laptop, Laptop, str]) -> None:
    _, b, _ = laptops
    key, rows = next(iter(_chains(bundle).items()))
    other = collect_bundle(b.store, receiver={key: (rows[2][3], "0" * 64)})
    assert other.events == bundle.events
