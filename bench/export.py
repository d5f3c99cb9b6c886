"""Benchmark: export a 100,000-event run as HTML, CSV and JSON, and a 10,000-event run as PDF.

    python bench/export.py [--events 100000] [--pdf-events 10000] [--json]

Goals: HTML, CSV, JSON and Markdown of 100,000 events within 0.6 s each with a peak of at most
100 MiB; PDF of 10,000 events within 0.6 s with memory that does not grow with the run. Times
include reading the run from the database (best of three runs; wall clock and CPU time: on a busy
machine the wall clock runs longer).
Peak Python memory is measured in a second pass under tracemalloc (which slows Python down, so
it is not timed); the PDF's peak resident memory (Qt's too) is measured per size in a child
process.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figures import Figures  # noqa: E402

from runbook_assistant.core.export import export_run, load_run  # noqa: E402
from runbook_assistant.core.log.events import EventKind  # noqa: E402
from runbook_assistant.core.log.identity import DeviceIdentity  # noqa: E402
from runbook_assistant.core.log.store import Store  # noqa: E402
from runbook_assistant.core.runbook.parser import parse_text  # noqa: E402

RUNBOOK = ROOT / "runbooks" / "kernnetwerk-failover.md"
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class StepClock:
    """A clock that moves one second per reading: a long night of events."""

    def __init__(self) -> None:
        self.moment = START

    def now(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


def make_run(path: Path, count: int) -> str:
    """A run of ``count`` events on the bundled core-network playbook, written in one go."""
    from runbook_assistant.core.run.engine import Engine

    source = RUNBOOK.read_text(encoding="utf-8")
    runbook = parse_text(source, str(RUNBOOK)).runbook
    assert runbook is not None
    identity = DeviceIdentity.generate()
    engine = Engine.open(path, identity=identity, clock=StepClock())
    run_id = engine.start_run(runbook, source, title="Bench: kernnetwerk", actor="Anna",
                              participants=[("Anna", "incident-lead")]).run_id
    steps = [s.id for s in runbook.iter_steps() if not s.decision]
    services = runbook.services
    with engine.store.writing() as writer:
        for n in range(count - 1):
            step = steps[n % len(steps)]
            kind = n % 4
            if kind == 0:
                writer.append(run_id, EventKind.STEP_CHECKED, actor="Bram", step_id=step)
            elif kind == 1:
                writer.append(run_id, EventKind.STEP_UNCHECKED, actor="Bram", step_id=step)
            elif kind == 2:
                writer.append(run_id, EventKind.NOTE_ADDED, actor="Chris",
                              payload={"text": f"Meting {n}: switch 2 reageert niet, poort "
                                               f"{n % 48} dicht; leverancier gebeld"})
            else:
                writer.append(run_id, EventKind.SERVICE_STATUS_CHANGED, actor="Anna",
                              payload={"service": services[n % len(services)],
                                       "status": ("down", "restored")[n % 2]})
    engine.close_store()
    return run_id


def timed(db: Path, run_id: str, fmt: str, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds for one export, reading the run from the database included (best
    of three: other work on the machine only ever adds time)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3 if fmt != "pdf" else 1):
        store = Store.open(db, identity=DeviceIdentity.generate(), readonly=True)
        try:
            started, cpu = time.perf_counter(), time.process_time()
            export_run(store, run_id, fmt, out, tz=UTC)
            best = min(best, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - cpu)
        finally:
            store.close()
    return best, best_cpu


def phases(db: Path, run_id: str) -> str:
    """Where the time of a big export goes: reading, timeline rows, fold (CPU seconds)."""
    store = Store.open(db, identity=DeviceIdentity.generate(), readonly=True)
    try:
        started = time.process_time()
        data = load_run(store, run_id, tz=UTC)
        read = time.process_time() - started
        started = time.process_time()
        rows = len(data.rows)
        timeline = time.process_time() - started
        started = time.process_time()
        _ = data.state
        folded = time.process_time() - started
    finally:
        store.close()
    return (f"reading {rows} events {read:.2f} s, timeline rows {timeline:.2f} s, "
            f"fold {folded:.2f} s (CPU)")


def peak_python_memory(db: Path, run_id: str, fmt: str, out: Path) -> float:
    store = Store.open(db, identity=DeviceIdentity.generate(), readonly=True)
    try:
        tracemalloc.start()
        export_run(store, run_id, fmt, out, tz=UTC)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak / 2**20
    finally:
        store.close()


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux: VmHWM; elsewhere ru_maxrss)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pdf_child(db: Path, run_id: str, out: Path) -> None:
    """In a child process: one PDF export, then its time and peak resident memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from runbook_assistant.pdf import register
    from runbook_assistant.pdf import writer as pdf

    register()
    pdf.ensure_gui_app()
    pdf.choose_font()
    before = peak_rss_mib()
    seconds, cpu = timed(db, run_id, "pdf", out)
    print(f"{seconds:.3f} {cpu:.3f} {before:.0f} {peak_rss_mib():.0f}")


FIGURES = Figures("export")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--pdf-events", type=int, default=10_000)
    parser.add_argument("--pdf-child", nargs=3, metavar=("DB", "RUN", "OUT"))
    return FIGURES.main(run, parser)


def run(args: argparse.Namespace) -> None:
    if args.pdf_child:
        db, run_id, out = args.pdf_child
        pdf_child(Path(db), run_id, Path(out))
        return
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        started = time.perf_counter()
        big = make_run(tmp / "big.sqlite3", args.events)
        print(f"made a run of {args.events} events in {time.perf_counter() - started:.1f} s")
        print("shared by every format: " + phases(tmp / "big.sqlite3", big))
        for fmt in ("html", "csv", "json", "md"):
            out = tmp / f"big.{fmt}"
            seconds, cpu = timed(tmp / "big.sqlite3", big, fmt, out)
            peak = peak_python_memory(tmp / "big.sqlite3", big, fmt, out)
            size = out.stat().st_size / 2**20
            print(f"{fmt:>5}: {seconds:5.2f} s wall, {cpu:5.2f} s CPU  (goal <= 0.6 s), peak "
                  f"Python memory {peak:6.1f} MiB (goal <= 100), file {size:.1f} MiB")
            FIGURES.add(f"{fmt} export of {args.events} events", seconds, "s", goal=0.6)
            FIGURES.add(f"{fmt} export peak Python memory", peak, "MiB", goal=100)
        print("pdf (one child process per size; peak resident memory includes Qt):")
        for count in (args.pdf_events // 4, args.pdf_events // 2, args.pdf_events):
            db = tmp / f"pdf-{count}.sqlite3"
            run_id = make_run(db, count)
            result = subprocess.run(
                [sys.executable, __file__, "--pdf-child", str(db), run_id,
                 str(tmp / f"pdf-{count}.pdf")], capture_output=True, text=True, check=True)
            seconds, cpu, before, after = result.stdout.split()
            size = (tmp / f"pdf-{count}.pdf").stat().st_size / 2**20
            target = "  (goal <= 0.6 s)" if count == args.pdf_events else ""
            print(f"  {count:>6} events: {float(seconds):5.2f} s wall, {float(cpu):5.2f} s CPU"
                  f"{target}, peak RSS {after} MiB (Qt loaded: {before} MiB), "
                  f"file {size:.1f} MiB")
            if count == args.pdf_events:
                FIGURES.add(f"pdf export of {count} events", float(seconds), "s", goal=0.6)
                FIGURES.add(f"pdf export of {count} events, peak RSS", float(after), "MiB",
                            baseline=float(before), baseline_name="Qt loaded, before")


if __name__ == "__main__":
    sys.exit(main())
