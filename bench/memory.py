"""Memory benchmark: the desktop app's resident memory through a 2-hour exercise at ×10.

A 300-step runbook and a scenario with an inject every five exercise minutes are written to a
temporary library; the main window opens the exercise run, the clock runs at ×10, and the view's
one-second tick (what its QTimer does) is driven on a hand-moved clock: 720 ticks are 12 real
minutes and 2 exercise hours. Between ticks the team checks a step now and then and adds a note,
as a team would. Resident memory (VmRSS) is read after the first real minute and at the end; the
goal is growth of at most 30 MB. The baseline is the same window with the same run open and no
time passing: what the process holds before the exercise starts.

    QT_QPA_PLATFORM=offscreen python bench/memory.py [--ticks 720] [--json]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import Figures
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.engine import Engine

FIGURES = Figures("memory")
SECTIONS, STEPS = 30, 10
T0 = datetime(2026, 11, 27, 19, 30, tzinfo=UTC)


class HandClock:
    """Time that moves only when the bench moves it (engine and views read it)."""

    def __init__(self) -> None:
        self.moment = T0

    def now(self) -> datetime:
        return self.moment


def runbook_text() -> str:
    lines = ["---", "id: bench-300", "title: Bench 300", "version: 1", "lang: en",
             "roles:", "  lead: Incident lead", "---", "", "# Bench 300"]
    for s in range(SECTIONS):
        lines += ["", f"## Section {s} {{#sec{s}}}", ""]
        for i in range(STEPS):
            attrs = " timebox=10m" if i % 3 == 0 else (" due=45m" if i % 7 == 0 else "")
            lines.append(f"- [ ] Step {s}.{i} of the exercise {{#s{s}-{i} role=lead{attrs}}}")
    return "\n".join(lines) + "\n"


def scenario_text() -> str:
    lines = ["---", "id: bench-exercise", "title: Bench exercise", "version: 1", "lang: en",
             "kind: exercise", "runbook: bench-300", "roles:", "  lead: Incident lead", "---",
             "", "# Bench exercise", "", "## Injects {#injects}", ""]
    for minute in range(0, 121, 5):
        lines.append(f"- T+{minute // 60:02d}:{minute % 60:02d} — Inject at minute {minute}: "
                     "the situation changes again. {to=lead}")
    return "\n".join(lines) + "\n"


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("VmRSS not available (this bench reads /proc)")


def run(args: argparse.Namespace) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from runbook_assistant.ui.main_window import MainWindow
    from runbook_assistant.ui.settings import Settings

    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        folder = Path(tmp)
        (folder / "lib").mkdir()
        (folder / "lib" / "bench-300.md").write_text(runbook_text(), encoding="utf-8")
        (folder / "lib" / "bench-exercise.md").write_text(scenario_text(), encoding="utf-8")
        library = Library([folder / "lib"], folder / "index.sqlite3")
        clock = HandClock()
        engine = Engine.open(folder / "runs.sqlite3", clock=clock)
        runbook = library.get("bench-300")
        run_id = engine.start_run(runbook, library.source("bench-300"), title="Bench exercise",
                                  actor="Anna", participants=[("Anna", "lead")],
                                  scenario_id="bench-exercise").run_id
        settings = Settings(folder / "settings.ini")
        settings.actor = "Anna"
        window = MainWindow(settings, database=folder / "runs.sqlite3")
        window.attach_library(library)
        window.attach_engine(engine)
        window.resize(1366, 768)
        window.show()
        view = window.open_run(run_id)
        panel = view.exercise
        panel.set_speed(10)
        app.processEvents()
        gc.collect()
        baseline = rss_mib()
        after_minute = None
        for tick in range(args.ticks):
            clock.moment += timedelta(seconds=1)
            view.timers.tick()
            if tick % 20 == 5:  # now and then the team checks the next step
                QTest.keyClick(view.list, Qt.Key.Key_Space)
                QTest.keyClick(view.list, Qt.Key.Key_Down)
            if tick % 90 == 45:
                engine.note(run_id, f"Situation report {tick}", actor="Anna")
            app.processEvents()
            if tick == 59:
                gc.collect()
                after_minute = rss_mib()
        gc.collect()
        end = rss_mib()
        events = len(engine.events(run_id))
        exercise_minutes = panel.session.clock.position() / 60
        window.close()
        del view, panel, window
        app.processEvents()
        engine.close_store()
        library.close()
    assert after_minute is not None
    growth = end - after_minute
    print(f"{args.ticks} ticks ({args.ticks / 60:.0f} real minutes, {exercise_minutes:.0f} "
          f"exercise minutes at x10), {events} events in the run")
    print(f"resident memory: before {baseline:.1f} MiB, after the first minute "
          f"{after_minute:.1f} MiB, at the end {end:.1f} MiB: growth {growth:+.1f} MiB "
          "(goal <= 30)")
    FIGURES.add("resident memory growth after the first minute", growth, "MiB", goal=30)
    FIGURES.add("resident memory at the end", end, "MiB", baseline=baseline,
                baseline_name="run open, no time passed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=720)
    return FIGURES.main(run, parser)


if __name__ == "__main__":
    sys.exit(main())
