"""Shared helpers for the event store and verify tests: runs, filled stores, a store on a
hand-moved clock."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from hand_clock import HandClock

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import RunRecord, Store

RUNBOOK_TEXT = "---\nid: test\n---\n# Test runbook\n\n- [ ] Step one\n"
RUNBOOK_SHA = hashlib.sha256(RUNBOOK_TEXT.encode("utf-8")).hexdigest()


LOG_START = datetime(2026, 11, 23, 5, 53, 23, tzinfo=UTC)  # where a store's clock starts


def run_record(store: Store, run_id: str = "run-1") -> RunRecord:
    return RunRecord(id=run_id, runbook_id="test", runbook_version=1, runbook_sha256=RUNBOOK_SHA,
                     runbook_text=RUNBOOK_TEXT, title=f"Run {run_id}", mode="incident",
                     lang="en", created_at="2026-11-23T05:53:23.000Z", device_id=store.device_id)


def start_run(store: Store, run_id: str = "run-1", actor: str = "Anne") -> None:
    """Record a run and its run_started event in one transaction."""
    with store.writing() as w:
        w.insert_run(run_record(store, run_id))
        w.append(run_id, EventKind.RUN_STARTED, actor=actor,
                 payload={"runbook_id": "test", "runbook_sha256": RUNBOOK_SHA,
                          "title": f"Run {run_id}"})


def add_notes(store: Store, run_id: str, count: int, *, per_transaction: int = 1) -> None:
    done = 0
    while done < count:
        with store.writing() as w:
            for _ in range(min(per_transaction, count - done)):
                w.append(run_id, EventKind.NOTE_ADDED, actor="Bram", step_id="step-one",
                         payload={"text": f"note {done} — café"})
                done += 1


def two_laptops_two_runs(store_a: Store, store_b: Store) -> None:
    """Two laptops writing into one file: run-1 (seven events, from both) and run-2 (two)."""
    start_run(store_a)
    add_notes(store_a, "run-1", 2)
    add_notes(store_b, "run-1", 2)
    start_run(store_a, "run-2")
    add_notes(store_b, "run-2", 1)
    add_notes(store_a, "run-1", 2, per_transaction=2)


def open_store(path: Path, identity: DeviceIdentity, clock: HandClock | None = None,
               **kwargs: object) -> Store:
    clock = clock or HandClock(LOG_START)
    return Store.open(path, identity=identity, clock=clock, **kwargs)  # type: ignore[arg-type]


def run_with_permissions_enforced(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` held to file permission bits, even when the tests run as root.

    Root passes permission checks through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; the command
    runs without them. Skips the test when that is not possible here.
    """
    import pytest

    if os.name == "posix" and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        drop = ["--inh-caps=-dac_override,-dac_read_search",
                "--bounding-set=-dac_override,-dac_read_search"]
        if setpriv is None or subprocess.run([setpriv, *drop, "true"],
                                             capture_output=True, check=False).returncode:
            pytest.skip("running as root and cannot drop root's permission override")
        cmd = [setpriv, *drop, *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
