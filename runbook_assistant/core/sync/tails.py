"""Sending only what the receiver lacks, and checking it whole all the same.

A bundle's manifest is signed over whole runs: every chain head and the number of events. Between
a laptop and a hub most of a run is already on both sides, so the sender may leave out the start
of each chain that the receiver holds (``trim_bundle``); the receiver puts those events back from
its own records (``complete_bundle``) and then checks the completed bundle exactly as a bundle
from a file, hashes, links, signatures and manifest. What it put back is its own, already checked
record; if it does not hold what the sender assumed, the check fails and nothing is merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from typing import Any

from runbook_assistant.core.sync.bundle import Bundle

Chain = tuple[str, str]  # (device id, run id)
_CHAIN = itemgetter(2, 1)


def chain_order(row: tuple[Any, ...]) -> tuple[str, str, int]:
    return (str(row[2]), str(row[1]), int(row[3]))


def trim_bundle(bundle: Bundle, held: Mapping[Chain, tuple[int, str]]) -> Bundle:
    """``bundle`` without the start of each chain the receiver holds up to (seq, hash)."""
    kept: list[tuple[Any, ...]] = []
    for key, chain_iter in groupby(bundle.events, key=_CHAIN):
        chain = list(chain_iter)
        end = held.get((str(key[0]), str(key[1])))
        if end is not None:
            at = next((i for i, row in enumerate(chain) if row[3] == end[0]), None)
            if at is not None and chain[at][12] == end[1]:
                chain = chain[at + 1:]
        kept.extend(chain)
    return replace(bundle, events=kept)


def complete_bundle(bundle: Bundle, held_rows: Iterable[tuple[Any, ...]]) -> Bundle:
    """Put back, from ``held_rows`` (the receiver's events of the bundle's runs), the start of
    every chain the bundle names a head of: the events below the first one sent, or up to the
    head when none was sent."""
    sent: dict[Chain, int] = {}
    for key, chain_iter in groupby(bundle.events, key=_CHAIN):
        sent[(str(key[0]), str(key[1]))] = next(chain_iter)[3]
    upto = {(str(h.device_id), str(h.run_id)): int(h.seq) for h in bundle.heads}
    added = []
    for row in held_rows:
        key = (str(row[2]), str(row[1]))
        if key not in upto:
            continue
        first = sent.get(key)
        if (row[3] < first) if first is not None else (row[3] <= upto[key]):
            added.append(tuple(row))
    if not added:
        return bundle
    return replace(bundle, events=sorted([*added, *bundle.events], key=chain_order))
