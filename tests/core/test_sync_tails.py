"""Leaving out what the receiver holds, and putting it back before the checks."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import pytest
from sync_laptops import Laptop

from runbook_assistant.core.errors import SyncError
from runbook_assistant.core.sync.bundle import Bundle
from runbook_assistant.core.sync.exchange import check_bundle, collect_bundle
from runbook_assistant.core.sync.tails import complete_bundle, trim_bundle


@pytest.fixture
def bundle(tmp_path: Path) -> Iterator[Bundle]:
    """One run recorded on two laptops: two chains."""
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    run_id = a.start()
    for i in range(5):
        a.engine.note(run_id, f"a {i}", actor="Anna")
    b.pull(a.export())
    for i in range(4):
        b.engine.note(run_id, f"b {i}", actor="Bram")
    yield collect_bundle(b.store)
    a.close()
    b.close()


def _chains(bundle: Bundle) -> dict[tuple[str, str], list[tuple]]:
    return {(str(k[0]), str(k[1])): list(rows)
            for k, rows in groupby(bundle.events, key=itemgetter(2, 1))}


def test_any_held_prefix_is_left_out_and_put_back_whole(bundle: Bundle) -> None:
    chains = _chains(bundle)
    (first, first_rows), (second, second_rows) = chains.items()
    for cut_a in range(len(first_rows) + 1):
        for cut_b in range(len(second_rows) + 1):
            held_rows = first_rows[:cut_a] + second_rows[:cut_b]
            held = {key: (rows[cut - 1][3], rows[cut - 1][12])
                    for key, rows, cut in ((first, first_rows, cut_a),
                                           (second, second_rows, cut_b)) if cut}
            trimmed = trim_bundle(bundle, held)
            assert len(trimmed.events) == len(bundle.events) - len(held_rows)
            completed = complete_bundle(trimmed, held_rows)
            assert completed.events == bundle.events
            check_bundle(completed, "completed")  # signed over the whole: it holds


def test_a_receiver_that_lacks_what_was_left_out_refuses_the_bundle(bundle: Bundle) -> None:
    chains = _chains(bundle)
    key, rows = next(iter(chains.items()))
    trimmed = trim_bundle(bundle, {key: (rows[2][3], rows[2][12])})
    with pytest.raises(SyncError, match="tampered with"):
        check_bundle(complete_bundle(trimmed, rows[:1]), "short")  # the second event missing


def test_a_held_head_with_another_hash_leaves_nothing_out(bundle: Bundle) -> None:
    key, rows = next(iter(_chains(bundle).items()))
    assert trim_bundle(bundle, {key: (rows[2][3], "0" * 64)}).events == bundle.events
