"""Benchmarks of the event log: appending (against raw SQLite on the same disk), verifying and
reading + folding a 100,000-event run.

    python bench/eventlog.py [--dir FOLDER] [--appends N] [--events N]

Goals: Store append p50 at most 1.5x a raw sqlite3 INSERT+COMMIT of the same event-shaped row
(WAL, synchronous=FULL); verify of 100,000 events at most 250 ms; fold of a 100,000-event run at
most 100 ms. ``--json`` prints the figures as one JSON object (see bench/figures.py).
The raw and Store appends are measured interleaved, so both see the same disk and load.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from figures import Figures

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import RunRecord, Store
from runbook_assistant.core.log.verify import verify_store

TEXT = "# Bench runbook\n"
FIGURES = Figures("eventlog")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.99)] * 1000


def _raw(path: Path, event_shaped: bool) -> tuple[sqlite3.Connection, Callable[[int], None]]:
    """A plain sqlite3 connection (WAL, FULL) and one INSERT for it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    if not event_shaped:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        return conn, lambda n: conn.execute("INSERT INTO t (body) VALUES (?)", (f"note {n}",))
    # The same row an append writes, into a table with the same keys and indexes, but no
    # hashing, signing, chain head or reads.
    conn.executescript("""
        CREATE TABLE e (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, run_id TEXT NOT NULL,
            device_id TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, wall_time TEXT,
            actor TEXT, kind TEXT, step_id TEXT, payload TEXT, occurred_at TEXT,
            prev_hash TEXT, hash TEXT, sig TEXT);
        CREATE UNIQUE INDEX e1 ON e (device_id, seq);
        CREATE INDEX e2 ON e (run_id, hlc);
        CREATE INDEX e3 ON e (device_id, run_id, seq);""")
    device = "d" * 36

    def insert(n: int) -> None:
        conn.execute("INSERT INTO e VALUES (NULL, ?, 'run', ?, ?, ?, ?, 'Bench', 'note_added', "
                     "NULL, ?, NULL, ?, ?, ?)",
                     (f"{n:036d}", device, n + 1, f"{n:013d}-000000", "2026-11-23T05:53:23.123Z",
                      f'{{"text":"note {n}"}}', "a" * 64, "b" * 64, "c" * 128))
    return conn, insert


def bench_append(folder: Path, count: int) -> None:
    identity = DeviceIdentity.generate()
    store = Store.open(folder / "append.sqlite3", identity=identity)
    with store.writing() as w:
        w.insert_run(_run(store, "run"))
    raw_small, insert_small = _raw(folder / "raw-small.sqlite3", event_shaped=False)
    raw_event, insert_event = _raw(folder / "raw-event.sqlite3", event_shaped=True)
    timings: dict[str, list[float]] = {"raw": [], "raw_event": [], "store": []}

    def one_raw(conn: sqlite3.Connection, insert: Callable[[int], None], n: int) -> float:
        began = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        insert(n)
        conn.execute("COMMIT")
        return time.perf_counter() - began

    for n in range(count):
        timings["raw"].append(one_raw(raw_small, insert_small, n))
        timings["raw_event"].append(one_raw(raw_event, insert_event, n))
        began = time.perf_counter()
        with store.writing() as w:
            w.append("run", EventKind.NOTE_ADDED, actor="Bench", payload={"text": f"note {n}"})
        timings["store"].append(time.perf_counter() - began)
    raw_small.close()
    raw_event.close()
    store.close()
    raw_p50, raw_p99 = _percentiles(timings["raw"])
    event_p50, event_p99 = _percentiles(timings["raw_event"])
    store_p50, store_p99 = _percentiles(timings["store"])
    print(f"append, {count} single-event transactions each (WAL, synchronous=FULL):")
    print(f"  raw sqlite3 INSERT+COMMIT (small row)  p50 {raw_p50:.3f} ms  p99 {raw_p99:.3f} ms")
    print(f"  raw sqlite3, event row + same indexes  p50 {event_p50:.3f} ms  "
          f"p99 {event_p99:.3f} ms")
    print(f"  Store append (hash, 2 signatures, ...) p50 {store_p50:.3f} ms  "
          f"p99 {store_p99:.3f} ms")
    print(f"  ratio Store / raw small row: p50 {store_p50 / raw_p50:.2f}x, "
          f"p99 {store_p99 / raw_p99:.2f}x; against the event-shaped raw insert: "
          f"p50 {store_p50 / event_p50:.2f}x")
    FIGURES.add("append p50 (raw small-row insert+commit)", raw_p50, "ms")
    FIGURES.add("append p50", store_p50, "ms", baseline=event_p50,
                baseline_name="raw event-shaped insert+commit", goal=1.5, goal_on="ratio")
    FIGURES.add("append p99", store_p99, "ms", baseline=event_p99,
                baseline_name="raw event-shaped insert+commit")


def _run(store: Store, run_id: str) -> RunRecord:
    return RunRecord(run_id, "big", 1, hashlib.sha256(TEXT.encode()).hexdigest(), TEXT,
                     "Bench", "incident", "en", "2026-11-23T05:53:23.000Z", store.device_id)


def build_big_run(folder: Path, count: int, step_ids: list[str]) -> Path:
    path = folder / "big.sqlite3"
    store = Store.open(path, identity=DeviceIdentity.generate())
    rng = random.Random(7)
    kinds = [EventKind.STEP_CHECKED, EventKind.STEP_UNCHECKED, EventKind.STEP_SKIPPED,
             EventKind.NOTE_ADDED]
    began = time.perf_counter()
    with store.writing() as w:
        w.insert_run(_run(store, "big"))
        w.append("big", EventKind.RUN_STARTED, actor="Bench",
                 payload={"title": "Bench", "mode": "incident", "runbook_id": "big"})
        for n in range(count - 1):
            kind = rng.choice(kinds)
            payload = ({"reason": "bench"} if kind is EventKind.STEP_SKIPPED else
                       {"text": f"note {n}"} if kind is EventKind.NOTE_ADDED else {})
            w.append("big", kind, actor=rng.choice(["Anne", "Bram", "Carla"]),
                     step_id=rng.choice(step_ids), payload=payload)
    print(f"built a run of {count} events in one transaction: "
          f"{time.perf_counter() - began:.1f} s "
          f"({(time.perf_counter() - began) / count * 1e6:.0f} us per event)")
    store.close()
    return path


def bench_verify_and_fold(folder: Path, count: int) -> None:
    fold_bench = _load_fold_bench()
    runbook = fold_bench.big_runbook() if fold_bench else None
    step_ids = ([s.id for s in runbook.iter_steps() if not s.decision] if runbook
                else [f"s{i}" for i in range(300)])
    path = build_big_run(folder, count, step_ids)
    store = Store.open(path, identity=DeviceIdentity.generate(), readonly=True)
    times, cpu = [], []
    for _ in range(3):
        began, began_cpu = time.perf_counter(), time.process_time()
        report = verify_store(store, gap_free_devices=())
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    assert report.ok, report.problems[:3]
    print(f"verify of {report.events_checked} events ({report.chains_checked} chain, "
          f"{report.signatures_checked} signatures checked): best {min(times) * 1000:.0f} ms, "
          f"worst {max(times) * 1000:.0f} ms; CPU time best {min(cpu) * 1000:.0f} ms "
          "(goal <= 250 ms)")
    FIGURES.add(f"verify of {report.events_checked} events", min(times) * 1000, "ms", goal=250)
    began, began_cpu = time.perf_counter(), time.process_time()
    events = store.events("big")
    read = time.perf_counter() - began
    print(f"read the run's {len(events)} events from the store: {read * 1000:.0f} ms "
          f"(CPU {(time.process_time() - began_cpu) * 1000:.0f} ms)")
    if fold_bench is not None:
        from runbook_assistant.core.run.state import fold

        run = store.run("big")
        best = min(fold_bench._timed(lambda: fold(runbook, run, events)) for _ in range(3))
        print(f"fold of those {len(events)} stored events: {best * 1000:.0f} ms "
              f"(goal <= 100 ms; read + fold {(read + best) * 1000:.0f} ms)")
        FIGURES.add(f"fold of {len(events)} stored events", best * 1000, "ms", goal=100)
        FIGURES.add(f"read {len(events)} events from the store", read * 1000, "ms")
    store.close()


def _load_fold_bench():  # type: ignore[no-untyped-def]
    """bench/fold.py's 300-step runbook and timer, when the state module is there."""
    if importlib.util.find_spec("runbook_assistant.core.run.state") is None:
        return None
    spec = importlib.util.spec_from_file_location("fold_bench", Path(__file__).with_name("fold.py"))
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder for the test databases (default: a temporary folder)")
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--events", type=int, default=100_000)
    return FIGURES.main(run, parser)


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        print(f"python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, in {tmp}, "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        bench_append(Path(tmp), args.appends)
        bench_verify_and_fold(Path(tmp), args.events)


if __name__ == "__main__":
    sys.exit(main())
