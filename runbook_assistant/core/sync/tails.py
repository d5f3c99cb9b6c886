"""Sending only what the receiver lacks, and checking only that, from what the receiver holds.

A bundle's manifest is signed over whole runs: every chain head and the number of events. Between
a laptop and a hub most of a run is already on both sides, so the sender leaves out the start of
each chain the receiver holds. The receiver does not put it back: it names, per chain, the last
event it holds before the first one sent (an ``Anchor``: seq, hash, clock value and how many
events it holds up to there) and ``prove`` checks the events sent as the continuation of that
already verified event (hashes, links, clock order, signatures, the signed head) and the
manifest's count as the held events plus the sent ones. A receiver that does not hold what the
sender assumed finds that the first event sent does not follow its own: the bundle is refused
and nothing is merged. The cost of a check is the events sent, not the length of the run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from runbook_assistant.core.log.store import RunRecord
from runbook_assistant.core.log.verify_checks import Anchor
from runbook_assistant.core.sync.bundle import RUN_COLUMNS, Bundle

Chain = tuple[str, str]  # (device id, run id)
_CHAIN = itemgetter(2, 1)


@dataclass(frozen=True)
class Held:
    """What the receiver of a bundle already holds of it, verified: where each chain sent
    continues from, and the records of the runs it has."""

    anchors: dict[Chain, Anchor] = field(default_factory=dict)
    runs: dict[str, RunRecord] = field(default_factory=dict)


def anchor_points(bundle: Bundle) -> dict[Chain, int]:
    """For each chain the bundle names a head of: the seq of the first event it sends of it, or
    one past the head when it sends none. The receiver's anchor is its last event below that."""
    points = {(str(h.device_id), str(h.run_id)): int(h.seq) + 1 for h in bundle.heads}
    for key, chain in groupby(bundle.events, key=_CHAIN):
        first = next(chain)[3]
        if type(first) is int:
            points[(str(key[0]), str(key[1]))] = first
    return points


def held_in_sqlite(conn: sqlite3.Connection, bundle: Bundle) -> Held:
    """What a laptop's database (``conn``) holds of ``bundle``: its own, committed, log."""
    anchors = {}
    for (device, run), before in anchor_points(bundle).items():
        row = conn.execute(
            "SELECT seq, hash, hlc, (SELECT count(*) FROM events c WHERE c.device_id = e.device_id "
            "AND c.run_id = e.run_id AND c.seq <= e.seq) FROM events e WHERE device_id = ? AND "
            "run_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1", (device, run, before)).fetchone()
        if row is not None:
            anchors[(device, run)] = Anchor(*row)
    runs = held_runs(conn.execute(
        f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE id = ?", (r.id,)).fetchone()
        for r in bundle.runs)
    return Held(anchors, runs)


def held_runs(rows: Iterable[tuple[Any, ...] | None]) -> dict[str, RunRecord]:
    records = (RunRecord(*row) for row in rows if row is not None)
    return {r.id: r for r in records}
