"""Benchmarks: fold a 100,000-event run of a 300-step runbook (and its timeline rows); one
engine command end to end on a 300-step run.

    python bench/fold.py [--events N] [--commands N] [--json]

Goal: the fold of 100,000 events at most 100 ms.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta

from figures import Figures

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run.state import fold
from runbook_assistant.core.runbook.model import Option, Runbook, Section, Step

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def big_runbook(sections: int = 30, steps_per_section: int = 10) -> Runbook:
    """A runbook of sections × steps, with one decision between the last two sections."""
    built = []
    for s in range(sections):
        steps = tuple(Step(id=f"s{s}-{i}", title=f"Step {s}.{i}", section_id=f"sec{s}",
                           timebox=900 if i % 3 == 0 else None, every=3600 if i == 5 else None)
                      for i in range(steps_per_section))
        built.append(Section(id=f"sec{s}", title=f"Section {s}", steps=steps))
    decision = Step(id="choose", title="Choose", section_id="sec0", decision=True,
                    options=(Option("A", f"sec{sections - 2}"), Option("B", f"sec{sections - 1}")))
    built[0] = Section(id="sec0", title="Section 0", steps=(*built[0].steps, decision))
    return Runbook(id="big", title="Big", sections=tuple(built))


def make_events(runbook: Runbook, count: int, devices: int = 3) -> list[Event]:
    rng = random.Random(7)
    step_ids = [s.id for s in runbook.iter_steps() if not s.decision]
    kinds = [EventKind.STEP_CHECKED, EventKind.STEP_UNCHECKED, EventKind.STEP_SKIPPED,
             EventKind.NOTE_ADDED]
    seqs = [0] * devices
    events = []
    for n in range(count):
        device = n % devices
        seqs[device] += 1
        wall = START + timedelta(milliseconds=250 * n)
        kind = EventKind.RUN_STARTED if n == 0 else rng.choice(kinds)
        payload: dict = {"title": "bench", "mode": "incident"} if n == 0 else {}
        if kind is EventKind.STEP_SKIPPED:
            payload = {"reason": "bench"}
        elif kind is EventKind.NOTE_ADDED:
            payload = {"text": f"note {n}"}
        events.append(Event(
            id=f"{device}-{seqs[device]}", run_id="bench", device_id=f"dev{device}",
            seq=seqs[device], hlc=f"{int(wall.timestamp() * 1000):013d}-000000",
            wall_time=wall.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", actor="bench",
            kind=kind, step_id=None if n == 0 else rng.choice(step_ids), payload=payload))
    rng.shuffle(events)
    return events


def bench_fold(count: int = 100_000) -> float:
    """Seconds to fold ``count`` events (best of three); prints the figures."""
    runbook = big_runbook()
    events = make_events(runbook, count)
    now = START + timedelta(hours=10)
    best = min(_timed(lambda: fold(runbook, None, events, now=now)) for _ in range(3))
    state = fold(runbook, None, events, now=now)
    rows = _timed(lambda: state.timeline)
    print(f"fold of {count} events over {len(runbook.steps)} steps: {best * 1000:.0f} ms "
          f"(done {state.done}/{state.total}); timeline rows: {rows * 1000:.0f} ms")
    FIGURES.add(f"fold of {count} events", best * 1000, "ms", goal=100)
    FIGURES.add(f"timeline rows of {count} events", rows * 1000, "ms")
    return best


def _timed(work) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began




def runbook_markdown(sections: int = 30, steps_per_section: int = 10) -> str:
    """A 300-step runbook in the app's own Markdown format."""
    lines = ["---", "id: bench", "title: Bench", "version: 1", "lang: en", "---", "", "# Bench"]
    for s in range(sections):
        lines += ["", f"## Section {s} {{#sec{s}}}", ""]
        lines += [f"- [ ] Step {s}.{i} {{#s{s}-{i} timebox=15m}}" for i in range(steps_per_section)]
    return "\n".join(lines) + "\n"


def bench_check(commands: int = 600) -> float:
    """Median milliseconds of one `check` (or `uncheck`) command end to end on a 300-step run.

    The database lives on /dev/shm when there is one, so the figure leaves out the disk's fsync.
    """
    import statistics
    import tempfile
    from pathlib import Path

    from runbook_assistant.core.log.identity import DeviceIdentity
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.runbook.parser import parse_text

    text = runbook_markdown()
    runbook = parse_text(text, "bench.md").runbook
    assert runbook is not None
    folder = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        engine = Engine.open(Path(tmp) / "bench.sqlite3", identity=DeviceIdentity.generate())
        run_id = engine.start_run(runbook, text, title="bench", actor="bench").run_id
        step_ids = [s.id for s in runbook.iter_steps()]
        timings = []
        for n in range(commands):
            step_id = step_ids[(n // 2) % len(step_ids)]
            began = time.perf_counter()
            if n % 2 == 0:
                engine.check(run_id, step_id, actor="bench")
            else:
                engine.uncheck(run_id, step_id, actor="bench")
            timings.append(time.perf_counter() - began)
        fresh = Engine(engine.store)  # no cached fold: reads and folds the whole run
        began = time.perf_counter()
        fresh.check(run_id, step_ids[0], actor="bench")
        cold = time.perf_counter() - began
        engine.close_store()
    median = statistics.median(timings) * 1000
    print(f"check/uncheck on a {len(step_ids)}-step run, {commands} commands: median "
          f"{median:.2f} ms, p95 {sorted(timings)[int(len(timings) * 0.95)] * 1000:.2f} ms; "
          f"first command of a fresh engine ({commands + 1} events): {cold * 1000:.1f} ms")
    FIGURES.add("engine check/uncheck median (no fsync)", median, "ms")
    FIGURES.add("first command of a fresh engine", cold * 1000, "ms")
    return median


FIGURES = Figures("fold")


def _run(args: argparse.Namespace) -> None:
    bench_fold(args.events)
    bench_check(args.commands)


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--events", type=int, default=100_000)
    cli.add_argument("--commands", type=int, default=600)
    sys.exit(FIGURES.main(_run, cli))
