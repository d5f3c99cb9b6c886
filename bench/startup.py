"""Start-up benchmark: process start to the first painted main window, against bare PySide6.

Run with ``python bench/startup.py [--runs N] [--platform offscreen|xcb]``. Both programs run as
fresh subprocesses, measured the same way: from just before ``Popen`` to the moment the main
window's first ``paintEvent`` ran (each writes ``time.time()`` to a file, see
``RUNBOOK_ASSISTANT_READY_FILE``). Prints per-program median and best, and the ratio of medians
(goal ≤ 1.2). The app also reports when its library list was filled and when the database was
ready, both after the first paint. A third figure starts the app without the command line in front
(``run_app`` directly): the difference is what importing the CLI's commands costs a GUI start.
Python's bytecode is cached, as in an installed copy (pip compiles it when installing, the
bundle ships it): a ``PYTHONDONTWRITEBYTECODE`` in the caller's environment would otherwise make
every start compile all of the app's modules, which no user's start does
(``--compile-each-start`` measures that case). When the desktop bundle is built
(``dist/runbook-assistant``, see build/README.md), it is measured the same way, against the source
(``bench/bundle.py`` adds sizes and more timings). Beside these, where the time goes inside one
start (in-process: Qt's modules, the app's UI modules, the window...) explains the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import Figures

REPO = Path(__file__).resolve().parent.parent
TIMEOUT_S = 60.0

DIRECT = r"""
import sys
from pathlib import Path
from runbook_assistant.core import paths
from runbook_assistant.ui.app import run_app
sys.exit(run_app(Path(sys.argv[1]), [paths.bundled_runbooks_dir()]))
"""

BARE = r"""
import os, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer

class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            stamp = time.time()
            with open(os.environ["RUNBOOK_ASSISTANT_READY_FILE"], "w") as out:
                out.write(f"{self.windowTitle()}\n{stamp:.6f}\n")

app = QApplication(sys.argv[:1])
window = Window()
window.setWindowTitle("bare")
window.resize(1280, 800)
window.show()
app.exec()
"""


# Inside one start, what the time goes to (milliseconds, printed as JSON): Qt's three modules, the
# app's UI modules (Qt's enums are made as a module first names them), the QApplication with the
# instance lock, settings, translations and theme, the main window, and showing it to its first
# paint. The bare window pays for the first, third (in part) and last only.
SEGMENTS = r"""
import json, os, sys, time
from pathlib import Path
began = time.perf_counter()
from PySide6 import QtCore, QtGui, QtWidgets
qt = time.perf_counter()
from runbook_assistant.ui import app as ui_app, main_window
ui = time.perf_counter()
stamps = {}
made = main_window.MainWindow.__init__
def init(self, *args, **kwargs):
    stamps["window"] = time.perf_counter()
    made(self, *args, **kwargs)
    stamps["built"] = time.perf_counter()
main_window.MainWindow.__init__ = init
def painted(self):
    end = time.perf_counter()
    print(json.dumps({"Qt modules": qt - began, "UI modules": ui - qt,
                      "application, lock, settings, theme": stamps["window"] - ui,
                      "main window built": stamps["built"] - stamps["window"],
                      "shown to first paint": end - stamps["built"]}), flush=True)
    os._exit(0)
main_window.MainWindow._after_first_paint = painted
ui_app.run_app(Path(sys.argv[1]), [])
"""


def segments(env: dict[str, str], db: Path) -> dict[str, float]:
    """Seconds of each part of one start (see SEGMENTS), from a new process."""
    out = subprocess.run([sys.executable, "-c", SEGMENTS, str(db)], env=env, check=True,
                         capture_output=True, text=True, timeout=TIMEOUT_S).stdout
    parts: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return parts


def _read(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def measure(command: list[str], env: dict[str, str], ready: Path,
            wait_loaded: bool = False) -> tuple[float, float | None]:
    """Seconds from Popen to the first paint (and to 'loaded' when asked); kills the process."""
    return measure_all(command, env, ready, wait_loaded)[:2]


def measure_all(command: list[str], env: dict[str, str], ready: Path,
                wait_loaded: bool = False) -> tuple[float, float | None, float | None]:
    """Seconds to the first paint, to 'loaded' (when asked) and to the filled library list."""
    ready.unlink(missing_ok=True)
    start = time.time()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    painted: float | None = None
    loaded: float | None = None
    library: float | None = None
    try:
        while True:
            try:
                proc.wait(timeout=0.02)
                raise SystemExit(f"{command[:3]} exited with {proc.returncode} before painting")
            except subprocess.TimeoutExpired:
                pass
            lines = _read(ready)
            if painted is None and len(lines) >= 2:
                painted = float(lines[1]) - start
            for line in lines[2:]:
                if line.startswith("library "):
                    library = float(line.split()[1]) - start
            if lines and lines[-1].startswith("loaded "):
                loaded = float(lines[-1].split()[1]) - start
            if painted is not None and (loaded is not None or not wait_loaded):
                return painted, loaded, library
            if time.time() - start > TIMEOUT_S:
                raise SystemExit(f"{command[:3]} did not paint within {TIMEOUT_S:.0f} s")
    finally:
        proc.kill()
        proc.wait()


FIGURES = Figures("startup")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--compile-each-start", action="store_true",
                        help="keep the caller's PYTHONDONTWRITEBYTECODE (no bytecode cache)")
    return FIGURES.main(run, parser)


def run(args: argparse.Namespace) -> None:

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        root = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform,
                   XDG_DATA_HOME=str(root / "data"), XDG_CONFIG_HOME=str(root / "config"),
                   XDG_CACHE_HOME=str(root / "cache"),
                   RUNBOOK_ASSISTANT_READY_FILE=str(root / "ready"))
        env.pop("RUNBOOK_ASSISTANT_PORTABLE", None)
        if not args.compile_each_start:  # bytecode as installed; the untimed starts write it
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
        app_cmd = [sys.executable, "-m", "runbook_assistant", "--db", str(root / "runs.sqlite3")]
        bare_cmd = [sys.executable, "-c", BARE]
        direct_cmd = [sys.executable, "-c", DIRECT, str(root / "direct.sqlite3")]
        ready = root / "ready"
        # The desktop bundle too, when one is built (build/build.sh): same measurement.
        bundle_exe = REPO / "dist" / "runbook-assistant" / (
            "runbook-assistant.exe" if sys.platform == "win32" else "runbook-assistant")
        bundle_cmd = [str(bundle_exe), "--db", str(root / "bundle.sqlite3")]
        # Its own folders: a bundle built from other sources would rebuild the shared library
        # index (and settings) at each start, and the source's starts after it too.
        bundle_env = dict(env, XDG_DATA_HOME=str(root / "bundle-data"),
                          XDG_CONFIG_HOME=str(root / "bundle-config"),
                          XDG_CACHE_HOME=str(root / "bundle-cache"))
        bundle_times: list[float] = []

        # One untimed start each: fills the library cache and the OS file cache, as on a laptop
        # that has run the app before.
        measure(app_cmd, env, ready, wait_loaded=True)
        measure(direct_cmd, env, ready, wait_loaded=True)
        measure(bare_cmd, env, ready)
        if bundle_exe.is_file():
            measure(bundle_cmd, bundle_env, ready, wait_loaded=True)

        parts: dict[str, list[float]] = {}
        app_times: list[float] = []
        library_times: list[float] = []
        loaded_times: list[float] = []
        bare_times: list[float] = []
        direct_times: list[float] = []
        for _ in range(args.runs):
            painted, loaded, library = measure_all(app_cmd, env, ready, wait_loaded=True)
            app_times.append(painted)
            if loaded is not None:
                loaded_times.append(loaded)
            if library is not None:
                library_times.append(library)
            direct_times.append(measure(direct_cmd, env, ready, wait_loaded=True)[0])
            bare_times.append(measure(bare_cmd, env, ready)[0])
            for name, seconds in segments(env, root / "segments.sqlite3").items():
                parts.setdefault(name, []).append(seconds)
            if bundle_exe.is_file():
                bundle_times.append(measure(bundle_cmd, bundle_env, ready, wait_loaded=True)[0])

    def line(name: str, values: list[float]) -> str:
        return (f"{name:<38} median {statistics.median(values):.3f} s   "
                f"best {min(values):.3f} s   ({len(values)} runs)")

    print(f"platform: {args.platform}; bytecode: "
          f"{'compiled at each start' if args.compile_each_start else 'cached, as installed'}")
    print(line("bare PySide6 QMainWindow", bare_times))
    print(line("Runbook Assistant, first paint", app_times))
    if library_times:
        print(line("Runbook Assistant, library list filled", library_times))
    if loaded_times:
        print(line("Runbook Assistant, library + db", loaded_times))
    print(line("run_app without the CLI, first paint", direct_times))
    ratio = statistics.median(app_times) / statistics.median(bare_times)
    direct = statistics.median(direct_times) / statistics.median(bare_times)
    print(f"ratio (first paint, medians): {ratio:.2f}  (goal <= 1.2);"
          f" without the CLI: {direct:.2f}")
    print("inside one start (run_app, medians):")
    for name, values in parts.items():
        print(f"  {name:<38} {statistics.median(values) * 1000:6.1f} ms")
        FIGURES.add(f"in-process: {name}", statistics.median(values) * 1000, "ms")
    bare = statistics.median(bare_times)
    FIGURES.add("first painted window", statistics.median(app_times), "s", baseline=bare,
                baseline_name="bare PySide6 QMainWindow", goal=1.2, goal_on="ratio")
    FIGURES.add("first painted window, run_app without the CLI",
                statistics.median(direct_times), "s", baseline=bare,
                baseline_name="bare PySide6 QMainWindow")
    if bundle_times:
        print(line("desktop bundle, first paint", bundle_times))
        versus = statistics.median(bundle_times) / statistics.median(app_times)
        print(f"bundle vs source (first paint, medians): {versus:.2f}  (goal <= 1.0)")
        FIGURES.add("desktop bundle, first painted window", statistics.median(bundle_times), "s",
                    baseline=statistics.median(app_times), baseline_name="from source",
                    goal=1.0, goal_on="ratio")


if __name__ == "__main__":
    sys.exit(main())
