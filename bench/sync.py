"""Benchmark of sync: merging bundles from ten laptops into one database, and importing them again.

    python bench/sync.py [--dir FOLDER] [--laptops N] [--events N]

Goals: merging 10 bundles of 10,000 events each into one database (reading, checking every hash,
link and chain signature, and writing), and importing them all again (which adds nothing), each in
at most 1.3x the baseline measured in the same run: a raw sqlite3 ``INSERT OR IGNORE`` of the same
rows with ``executemany``, one transaction per bundle, into a database with the same schema.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from figures import Figures

from runbook_assistant.core.log.chain import EVENT_COLUMNS
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.schema import MIGRATIONS
from runbook_assistant.core.log.store import RunRecord, Store
from runbook_assistant.core.log.verify import verify_store
from runbook_assistant.core.sync.bundle import read_bundle
from runbook_assistant.core.sync.exchange import check_bundle, export_bundle, import_bundle
from runbook_assistant.core.sync.merge import StoreTarget, SyncBatch

TEXT = "# Bench runbook\n\n- [ ] One step {#one}\n"
RUN_ID = "01a2a000-0000-7000-8000-000000000001"
FIGURES = Figures("sync")


def build_bundles(folder: Path, laptops: int, per_bundle: int) -> list[Path]:
    """``laptops`` laptops on one run (started on the first), each recording until its bundle
    holds ``per_bundle`` events; returns their bundles."""
    began = time.perf_counter()
    bundles: list[Path] = []
    start_bundle: Path | None = None
    for n in range(laptops):
        store = Store.open(folder / f"laptop-{n}.sqlite3", identity=DeviceIdentity.generate())
        if start_bundle is None:
            sha = hashlib.sha256(TEXT.encode()).hexdigest()
            with store.writing() as w:
                w.insert_run(RunRecord(RUN_ID, "bench", 1, sha, TEXT, "Bench", "incident", "en",
                                       "2026-11-23T05:53:23.000Z", store.device_id))
                w.append(RUN_ID, EventKind.RUN_STARTED, actor="Bench",
                         payload={"runbook_id": "bench", "title": "Bench", "mode": "incident"})
            start_bundle = folder / "start.sqlite"
            export_bundle(store, start_bundle)
        else:
            import_bundle(store, start_bundle)
        done = 1  # the run_started event
        while done < per_bundle:
            with store.writing() as w:
                for _ in range(min(1000, per_bundle - done)):
                    w.append(RUN_ID, EventKind.NOTE_ADDED, actor=f"Laptop {n}",
                             step_id="one", payload={"text": f"note {done} from laptop {n}"})
                    done += 1
        bundle = folder / f"bundle-{n}.sqlite"
        export_bundle(store, bundle, [RUN_ID])
        bundles.append(bundle)
        store.close()
    print(f"built {laptops} bundles of {per_bundle} events: {time.perf_counter() - began:.1f} s")
    return bundles


def _import_all(store: Store, bundles: list[Path]) -> tuple[int, float, float]:
    """(new events, wall seconds, CPU seconds) of importing every bundle into ``store``."""
    began, began_cpu = time.perf_counter(), time.process_time()
    new = sum(import_bundle(store, bundle).merged.new_events for bundle in bundles)
    return new, time.perf_counter() - began, time.process_time() - began_cpu


def bench_import(folder: Path, bundles: list[Path], repeat: int) -> tuple[float, float]:
    """Import every bundle into a fresh database, then all again; ``repeat`` times (the machine
    may be busy with other work: the best round is the one least disturbed)."""
    first: list[tuple[float, float]] = []
    second: list[tuple[float, float]] = []
    for n in range(repeat):
        store = Store.open(folder / f"lead-{n}.sqlite3", identity=DeviceIdentity.generate())
        total_events, wall, cpu = _import_all(store, bundles)
        first.append((wall, cpu))
        again, wall, cpu = _import_all(store, bundles)
        second.append((wall, cpu))
        assert again == 0
        report = verify_store(store)
        assert report.ok, report.first_problem
        store.close()

    def figures(rounds: list[tuple[float, float]]) -> str:
        walls = sorted(w for w, _ in rounds)
        return (f"best {walls[0] * 1000:.0f} ms, median {statistics.median(walls) * 1000:.0f} ms"
                f" (CPU time best {min(c for _, c in rounds) * 1000:.0f} ms)")

    print(f"import of {len(bundles)} bundles into a new database, {total_events} new events, "
          f"{repeat} rounds: {figures(first)}; goal <= 2000 ms")
    print(f"import of the same {len(bundles)} bundles again, nothing new: {figures(second)}; "
          "goal <= 1000 ms")
    print(f"  the merged database verifies: {report.events_checked} events in "
          f"{report.chains_checked} chains")
    return min(w for w, _ in first), min(w for w, _ in second)


def bench_phases(folder: Path, bundles: list[Path]) -> None:
    """Where an import's time goes: reading the bundle, checking it, merging it."""
    store = Store.open(folder / "phases.sqlite3", identity=DeviceIdentity.generate())
    read = check = merge = 0.0  # CPU time
    with StoreTarget(store) as target:
        for bundle_path in bundles:
            t0 = time.process_time()
            bundle = read_bundle(bundle_path)
            t1 = time.process_time()
            check_bundle(bundle, bundle_path)
            t2 = time.process_time()
            target.merge(SyncBatch(bundle.runs, bundle.devices, bundle.events, bundle.heads,
                                   image=bundle.image))  # as an import merges
            t3 = time.process_time()
            read, check, merge = read + t1 - t0, check + t2 - t1, merge + t3 - t2
    store.close()
    print(f"  CPU time by phase over all bundles: read {read * 1000:.0f} ms, check (hashes, links, "
          f"signatures, manifest) {check * 1000:.0f} ms, merge (write) {merge * 1000:.0f} ms")


def bench_raw(folder: Path, bundles: list[Path]) -> tuple[float, float]:
    """Baseline: the same rows, INSERT OR IGNORE with executemany, nothing checked."""
    rows_per_bundle = []
    for bundle in bundles:
        with sqlite3.connect(bundle) as source:
            rows_per_bundle.append(source.execute(
                f"SELECT {', '.join(EVENT_COLUMNS)} FROM events").fetchall())
        source.close()
    conn = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA foreign_keys = OFF")  # no runs or devices rows in the baseline
    insert = (f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
              f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})")
    timings = []
    for _ in range(2):  # first: all new; second: all already there
        began, began_cpu = time.perf_counter(), time.process_time()
        for rows in rows_per_bundle:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(insert, rows)
            conn.execute("COMMIT")
        timings.append((time.perf_counter() - began, time.process_time() - began_cpu))
    conn.close()
    (new, new_cpu), (again, again_cpu) = timings
    print(f"baseline, raw sqlite3 INSERT OR IGNORE executemany of the same rows (one transaction "
          f"a bundle, rows already in memory, nothing checked): {new * 1000:.0f} ms new "
          f"(CPU {new_cpu * 1000:.0f} ms), {again * 1000:.0f} ms again "
          f"(CPU {again_cpu * 1000:.0f} ms)")
    return new, again


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder for the databases and bundles (default: a temporary folder)")
    parser.add_argument("--laptops", type=int, default=10)
    parser.add_argument("--events", type=int, default=10_000, help="events per bundle")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of importing")
    return FIGURES.main(run, parser)


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        print(f"python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, in {tmp}, "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        bundles = build_bundles(folder, args.laptops, args.events)
        merged, again = bench_import(folder, bundles, args.repeat)
        bench_phases(folder, bundles)
        raw_new, raw_again = bench_raw(folder, bundles)
        name = f"{len(bundles)} x {args.events}-event bundles"
        FIGURES.add(f"merge {name}", merged * 1000, "ms", baseline=raw_new * 1000,
                    baseline_name="unchecked INSERT OR IGNORE", goal=1.3, goal_on="ratio")
        FIGURES.add(f"re-import {name}", again * 1000, "ms", baseline=raw_again * 1000,
                    baseline_name="unchecked INSERT OR IGNORE", goal=1.3, goal_on="ratio")


if __name__ == "__main__":
    sys.exit(main())
