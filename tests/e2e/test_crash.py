"""A writer killed with SIGKILL at random moments loses nothing it reported as recorded."""

from __future__ import annotations

import hashlib
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import RunRecord, Store
from runbook_assistant.core.log.verify import verify_store

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 25

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]


def _new_database(db: Path, folder: Path) -> DeviceIdentity:
    identity = DeviceIdentity.load_or_create(folder)
    store = Store.open(db, identity=identity)
    with store.writing() as w:
        w.insert_run(RunRecord("run-1", "test", 1, hashlib.sha256(b"").hexdigest(), "", "Crash",
                               "exercise", "en", "2026-11-23T05:53:23.000Z", store.device_id))
        w.append("run-1", EventKind.RUN_STARTED, actor="Test", payload={"title": "Crash"})
    store.close()
    return identity


def _start_writer(db: Path, folder: Path, errors: Path) -> subprocess.Popen[str]:
    with errors.open("w") as stream:
        return subprocess.Popen([sys.executable, str(WRITER), str(db), str(folder), "run-1"],
                                stdout=subprocess.PIPE, stderr=stream, text=True)


def _assert_intact(db: Path, identity: DeviceIdentity, reported: list[str]) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    store = Store.open(db, identity=identity)
    stored = [event.id for event in store.all_events()]
    missing = set(reported) - set(stored)
    assert not missing, f"{len(missing)} reported events are gone"
    assert len(stored) > len(reported)  # the run_started event, plus commits not yet printed
    report = verify_store(store)
    assert report.ok, report.problems
    assert sorted(e.seq for e in store.all_events()) == list(range(1, len(stored) + 1))
    store.close()


def test_sigkill_at_random_moments_loses_no_committed_event(tmp_path: Path) -> None:
    db, folder = tmp_path / "log.sqlite3", tmp_path / "laptop"
    identity = _new_database(db, folder)

    rng = random.Random()
    reported: list[str] = []
    for round_ in range(KILLS):
        errors = tmp_path / f"stderr-{round_}.txt"
        writer = _start_writer(db, folder, errors)
        assert writer.stdout is not None
        for _ in range(rng.randint(1, 40)):  # kill after a random number of commits
            line = writer.stdout.readline()
            assert line, errors.read_text()
            reported.append(line.strip())
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
    _assert_intact(db, identity, reported)


DRIVER = Path(__file__).with_name("kill_driver.py")
MANY_KILLS, KILL_SECONDS = 1000, 300


@pytest.mark.slow
def test_a_thousand_sigkills_lose_no_committed_event(tmp_path: Path) -> None:
    """The same, 1,000 times: forked writers (see kill_driver.py) make a kill cost milliseconds.
    Should the machine be too slow for 1,000 in KILL_SECONDS, the count reached is stated."""
    db, folder = tmp_path / "log.sqlite3", tmp_path / "laptop"
    identity = _new_database(db, folder)
    reported_file = tmp_path / "reported.txt"
    done = subprocess.run([sys.executable, str(DRIVER), str(db), str(folder), "run-1",
                           str(MANY_KILLS), str(KILL_SECONDS), str(reported_file)],
                          capture_output=True, text=True, timeout=KILL_SECONDS + 120,
                          check=False)
    assert done.returncode == 0, done.stderr
    kills = int(done.stdout.split("kills:")[1])
    print(f"SIGKILL loop: {kills} kills")  # shown with -s or on failure: the count reached
    assert kills == MANY_KILLS or kills >= 200, f"only {kills} kills in {KILL_SECONDS} s"
    reported = reported_file.read_text(encoding="utf-8").split()
    _assert_intact(db, identity, reported)


def test_two_writers_of_one_laptop_at_once_keep_one_chain(tmp_path: Path) -> None:
    """Two processes (the app and a command, say) append to the same run concurrently."""
    db, folder = tmp_path / "log.sqlite3", tmp_path / "laptop"
    identity = _new_database(db, folder)
    writers = [_start_writer(db, folder, tmp_path / f"stderr-{n}.txt") for n in range(2)]
    reported: list[str] = []
    for _ in range(60):
        for n, writer in enumerate(writers):
            assert writer.stdout is not None
            line = writer.stdout.readline()
            assert line, (tmp_path / f"stderr-{n}.txt").read_text()
            reported.append(line.strip())
    for writer in writers:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        assert writer.stdout is not None
        writer.stdout.close()
    _assert_intact(db, identity, reported)
