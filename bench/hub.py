"""Benchmark of the team hub: many laptops pushing at once, a fresh laptop's full pull, and the
latency of a small push, against a real PostgreSQL and the real service over HTTP.

    python bench/hub.py [--laptops 50] [--events 2000] [--workers 2] [--rounds 200]

Goals: >= 10,000 verified events ingested per second with 50 laptops x 2,000 events pushing
concurrently; a fresh laptop's full pull of those 100,000 events in <= 10 s; a 10-event push from
an up-to-date laptop with p99 <= 100 ms. Each beside a baseline measured in the same run: plain
psycopg ``INSERT ... ON CONFLICT DO NOTHING`` of the same rows (nothing checked, no HTTP), and for
the pull a plain SELECT of the same rows into SQLite.

Needs PostgreSQL's server binaries and the hub extra; the cluster is made in a temporary folder
(as the user 'nobody' when run as root) with fsync on.
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from figures import Figures

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / "tests"),
                str(Path(__file__).resolve().parent.parent / "tests" / "hub")]

from hub_support import HubProcess  # noqa: E402
from pg_cluster import Cluster, find_bindir  # noqa: E402

from runbook_assistant.core.log.chain import EVENT_COLUMNS  # noqa: E402
from runbook_assistant.core.log.events import EventKind  # noqa: E402
from runbook_assistant.core.log.identity import DeviceIdentity  # noqa: E402
from runbook_assistant.core.log.schema import MIGRATIONS  # noqa: E402
from runbook_assistant.core.log.store import RunRecord, Store  # noqa: E402
from runbook_assistant.core.log.verify import verify_store  # noqa: E402
from runbook_assistant.core.sync.hub_client import HubClient  # noqa: E402

TEXT = "# Bench runbook\n\n- [ ] One step {#one}\n"
FIGURES = Figures("hub")


def build_laptop(folder: Path, n: int, events: int) -> tuple[Path, DeviceIdentity]:
    """One laptop's database: a run of its own with ``events`` events."""
    identity = DeviceIdentity.generate()
    db = folder / f"laptop-{n}.sqlite3"
    store = Store.open(db, identity=identity)
    run_id = f"01a2a000-0000-7000-8000-{n:012d}"
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    with store.writing() as w:
        w.insert_run(RunRecord(run_id, "bench", 1, sha, TEXT, f"Bench {n}", "incident", "en",
                               "2026-11-23T05:53:23.000Z", store.device_id))
        w.append(run_id, EventKind.RUN_STARTED, actor="Bench",
                 payload={"runbook_id": "bench", "title": f"Bench {n}", "mode": "incident"})
    done = 1
    while done < events:
        with store.writing() as w:
            for _ in range(min(1000, events - done)):
                w.append(run_id, EventKind.NOTE_ADDED, actor=f"Laptop {n}", step_id="one",
                         payload={"text": f"note {done} from laptop {n}"})
                done += 1
    store.close()
    return db, identity


def push(db: Path, identity: DeviceIdentity, url: str) -> int:
    store = Store.open(db, identity=identity)
    try:
        return HubClient(store, url, timeout=600).push().new_events
    finally:
        store.close()


def bench_push_all(laptops: list[tuple[Path, DeviceIdentity]], url: str) -> tuple[float, int]:
    began = time.perf_counter()
    with ThreadPoolExecutor(len(laptops)) as pool:
        new = sum(pool.map(lambda lp: push(lp[0], lp[1], url), laptops))
    return time.perf_counter() - began, new


def _rows(laptops: list[tuple[Path, DeviceIdentity]]) -> list[list[tuple[object, ...]]]:
    rows = []
    for db, _ in laptops:
        with sqlite3.connect(db) as conn:
            rows.append(conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events").fetchall())
        conn.close()
    return rows


def bench_baseline_insert(database: str, rows: list[list[tuple[object, ...]]]) -> float:
    """Plain psycopg INSERT ... ON CONFLICT DO NOTHING of the same rows, one transaction and one
    connection per laptop, all at once: nothing checked, no HTTP."""
    import psycopg

    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute("CREATE TABLE baseline_events (LIKE events INCLUDING ALL)")
    insert = (f"INSERT INTO baseline_events (org, pos, {', '.join(EVENT_COLUMNS)}) VALUES "
              f"('bench', 0, {', '.join(['%s'] * len(EVENT_COLUMNS))}) ON CONFLICT DO NOTHING")

    def one(laptop_rows: list[tuple[object, ...]]) -> None:
        with psycopg.connect(database) as conn, conn.cursor() as cur:
            cur.executemany(insert, laptop_rows)

    began = time.perf_counter()
    with ThreadPoolExecutor(len(rows)) as pool:
        list(pool.map(one, rows))
    return time.perf_counter() - began


def bench_full_pull(folder: Path, database: str, url: str) -> tuple[float, int]:
    from runbook_assistant.hub.admin import enrol

    identity = DeviceIdentity.generate()
    enrol(database, "bench", identity.public_key_hex, "fresh laptop")
    store = Store.open(folder / "fresh.sqlite3", identity=identity)
    began = time.perf_counter()
    result = HubClient(store, url, timeout=600).pull()
    seconds = time.perf_counter() - began
    report = verify_store(store)
    assert report.ok, report.first_problem
    store.close()
    return seconds, result.new_events


def bench_baseline_pull(folder: Path, database: str) -> float:
    """Plain psycopg SELECT of the organisation's rows into a fresh SQLite file (no checks)."""
    import psycopg

    conn = sqlite3.connect(folder / "baseline-pull.sqlite3", isolation_level=None)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA foreign_keys = OFF")
    began = time.perf_counter()
    with psycopg.connect(database) as pg:
        rows = pg.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE org = 'bench' "
                          "ORDER BY device_id, run_id, seq").fetchall()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(EVENT_COLUMNS))})", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - began
    conn.close()
    return seconds


def bench_small_push(db: Path, identity: DeviceIdentity, url: str, rounds: int
                     ) -> list[float]:
    """10 new events, then a push, ``rounds`` times, from a laptop the hub is up to date with."""
    store = Store.open(db, identity=identity)
    client = HubClient(store, url)
    run_id = store.conn.execute("SELECT id FROM runs").fetchone()[0]
    client.push()
    latencies = []
    for r in range(rounds):
        with store.writing() as w:
            for i in range(10):
                w.append(run_id, EventKind.NOTE_ADDED, actor="Bench", step_id="one",
                         payload={"text": f"round {r} note {i}"})
        began = time.perf_counter()
        assert client.push().new_events == 10
        latencies.append(time.perf_counter() - began)
    store.close()
    return latencies


def bench_baseline_small(database: str, db: Path, rounds: int) -> list[float]:
    import psycopg

    with sqlite3.connect(db) as conn:
        rows = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                            "ORDER BY seq DESC LIMIT ?", (rounds * 10,)).fetchall()
    insert = (f"INSERT INTO baseline_events (org, pos, {', '.join(EVENT_COLUMNS)}) VALUES "
              f"('small', 0, {', '.join(['%s'] * len(EVENT_COLUMNS))}) ON CONFLICT DO NOTHING")
    latencies = []
    with psycopg.connect(database) as pg:
        for r in range(rounds):
            began = time.perf_counter()
            with pg.transaction(), pg.cursor() as cur:
                cur.executemany(insert, rows[r * 10:(r + 1) * 10])
            latencies.append(time.perf_counter() - began)
    return latencies


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--events", type=int, default=2000, help="events per laptop")
    parser.add_argument("--workers", type=int, default=2, help="hub processes")
    parser.add_argument("--rounds", type=int, default=200, help="10-event pushes timed")
    return FIGURES.main(run, parser)


def run(args: argparse.Namespace) -> None:
    from runbook_assistant.hub.admin import enrol, init

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install "
                         "postgresql")
    cluster = Cluster(bindir, fsync=True).init().start()
    hub: HubProcess | None = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            print(f"python {sys.version.split()[0]}, PostgreSQL from {bindir}, load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs, {args.workers} hub "
                  "processes")
            database = cluster.create_database("hubbench")
            init(database)
            began = time.perf_counter()
            laptops = [build_laptop(folder, n, args.events) for n in range(args.laptops)]
            for _, identity in laptops:
                enrol(database, "bench", identity.public_key_hex)
            total = args.laptops * args.events
            print(f"built {args.laptops} laptops x {args.events} events: "
                  f"{time.perf_counter() - began:.1f} s")
            hub = HubProcess(database, workers=args.workers).start()

            seconds, new = bench_push_all(laptops, hub.url)
            assert new == total, (new, total)
            base = bench_baseline_insert(database, _rows(laptops))
            print(f"{args.laptops} laptops pushing {total} events at once: {seconds:.2f} s = "
                  f"{total / seconds:,.0f} verified events/s; baseline (plain INSERT ... ON "
                  f"CONFLICT, unchecked, no HTTP): {base:.2f} s = {total / base:,.0f} events/s; "
                  "goal >= 10,000/s")
            FIGURES.add("push, verified events ingested per second", total / seconds,
                        "events/s", baseline=total / base,
                        baseline_name="plain psycopg INSERT ON CONFLICT", goal=10_000,
                        higher_is_better=True)

            seconds, pulled = bench_full_pull(folder, database, hub.url)
            assert pulled == total, (pulled, total)
            base = bench_baseline_pull(folder, database)
            print(f"fresh laptop, full pull of {pulled} events (checked, merged, verified): "
                  f"{seconds:.2f} s; baseline (plain SELECT into SQLite): {base:.2f} s; "
                  "goal <= 10 s")
            FIGURES.add(f"fresh laptop full pull of {pulled} events", seconds, "s",
                        baseline=base, baseline_name="plain SELECT into SQLite", goal=10)

            latencies = bench_small_push(*laptops[0], hub.url, args.rounds)
            base_lat = bench_baseline_small(database, laptops[0][0], args.rounds)
            p50, p99 = _p(latencies, 0.5) * 1000, _p(latencies, 0.99) * 1000
            b50, b99 = _p(base_lat, 0.5) * 1000, _p(base_lat, 0.99) * 1000
            print(f"10-event push from an up-to-date laptop ({args.events}-event run), "
                  f"{args.rounds} rounds: p50 {p50:.1f} ms, p99 {p99:.1f} ms (mean "
                  f"{statistics.mean(latencies) * 1000:.1f} ms); baseline (plain INSERT ... ON "
                  f"CONFLICT of 10 rows): p50 {b50:.2f} ms, p99 {b99:.2f} ms; goal p99 <= 100 ms")
            FIGURES.add("10-event push p50", p50, "ms", baseline=b50,
                        baseline_name="plain psycopg INSERT ON CONFLICT")
            FIGURES.add("10-event push p99", p99, "ms", baseline=b99,
                        baseline_name="plain psycopg INSERT ON CONFLICT", goal=100)
    finally:
        if hub is not None:
            hub.stop()
        cluster.destroy()


if __name__ == "__main__":
    sys.exit(main())
