"""Desktop bundle benchmark: size on disk, compressed size, and start times against the source.

Run with ``python bench/bundle.py [--bundle dist/runbook-assistant] [--runs N]`` after
``build/build.sh``. Prints the bundle's size (files and disk use), its size as .tar.gz and .zip,
and, for the bundle and for the source (``python -m runbook_assistant``) in the same run:
the time of ``--version`` (start-up and exit), of ``self-test`` (the whole smoke test) and to the
main window's first paint (offscreen, as ``bench/startup.py`` measures it). Medians and best of
N runs, after one untimed run each (warm file cache, as on a laptop that ran the app before).
Beside the wall times, the CPU time (user + system) of the ``--version`` and ``self-test``
children, which a busy machine disturbs less. Goals: at most 80 MB in files; the bundle starts no
slower than the source: its first window, and the command line (``--version``: start and exit,
what every command pays before it does anything).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from figures import Figures

try:
    import resource
except ImportError:  # Windows: no CPU times of children
    resource = None  # type: ignore[assignment]

REPO = Path(__file__).resolve().parent.parent
FIGURES = Figures("bundle")
EXE_NAME = "runbook-assistant.exe" if sys.platform == "win32" else "runbook-assistant"
TIMEOUT_S = 60.0


def sizes(folder: Path) -> tuple[int, int]:
    """Total bytes of the files, and bytes of disk they occupy (what ``du`` reports)."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    apparent = sum(p.stat().st_size for p in files)
    if not hasattr(os.stat_result, "st_blocks"):  # Windows: no block counts
        return apparent, apparent
    used = sum(p.stat().st_blocks * 512 for p in files)
    return apparent, used


def compressed(folder: Path, scratch: Path) -> tuple[int, int]:
    """Bytes of the folder packed as .tar.gz (gzip -6, as ``tar czf``) and as .zip (deflate)."""
    tar_path, zip_path = scratch / "bundle.tar.gz", scratch / "bundle.zip"
    with tarfile.open(tar_path, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            # A zip has no symbolic links (they would be stored twice); Windows bundles have none.
            if path.is_file() and not path.is_symlink():
                archive.write(path, Path(folder.name) / path.relative_to(folder))
    return tar_path.stat().st_size, zip_path.stat().st_size


def _children_cpu() -> float:
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Seconds from start to exit of a command that must succeed; its CPU seconds (user +
    system) are appended to ``cpu`` when given."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, timeout=TIMEOUT_S, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        error = done.stderr.decode(errors="replace")
        raise SystemExit(f"{' '.join(command[-2:])} failed:\n{error}")
    if cpu is not None:
        cpu.append(_children_cpu() - cpu_before)
    return elapsed


def first_paint(command: list[str], env: dict[str, str], ready: Path) -> float:
    """Seconds from start to the main window's first paint (the app writes ``ready``)."""
    ready.unlink(missing_ok=True)
    start = time.time()
    proc = subprocess.Popen(command, env={**env, "RUNBOOK_ASSISTANT_READY_FILE": str(ready)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                proc.wait(timeout=0.02)
                raise SystemExit(f"{command[0]} exited with {proc.returncode} before painting")
            except subprocess.TimeoutExpired:
                pass
            try:
                lines = ready.read_text(encoding="utf-8").splitlines()
            except OSError:
                lines = []
            if len(lines) >= 2:
                return float(lines[1]) - start
            if time.time() - start > TIMEOUT_S:
                raise SystemExit(f"{command[0]} did not paint within {TIMEOUT_S:.0f} s")
    finally:
        proc.kill()
        proc.wait()


def timed(measure: Callable[[], float], runs: int) -> list[float]:
    measure()  # untimed: warms the file cache (and the library cache)
    return [measure() for _ in range(runs)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "runbook-assistant")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default="offscreen")
    return FIGURES.main(run, parser)


def run(args: argparse.Namespace) -> None:
    bundle = args.bundle.resolve()
    exe = bundle / EXE_NAME
    if not exe.is_file():
        raise SystemExit(f"no bundle at {bundle}: build it first with build/build.sh")

    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        scratch = Path(tmp)
        apparent, used = sizes(bundle)
        tar_gz, zipped = compressed(bundle, scratch)
        print(f"bundle: {bundle}")
        print(f"size:   {apparent / 1e6:.1f} MB in files, {used / 2**20:.1f} MiB on disk (du)")
        print(f"packed: {tar_gz / 1e6:.1f} MB as .tar.gz, {zipped / 1e6:.1f} MB as .zip")
        FIGURES.add("one-folder bundle, in files", apparent / 1e6, "MB", goal=80)
        FIGURES.add("one-folder bundle, as .zip", zipped / 1e6, "MB")

        env = dict(os.environ, QT_QPA_PLATFORM=args.platform,
                   XDG_DATA_HOME=str(scratch / "data"), XDG_CACHE_HOME=str(scratch / "cache"),
                   XDG_CONFIG_HOME=str(scratch / "config"))
        env.pop("RUNBOOK_ASSISTANT_PORTABLE", None)
        programs = {"source": [sys.executable, "-m", "runbook_assistant"], "bundle": [str(exe)]}
        db = ["--db", str(scratch / "runs.sqlite3")]
        ready = scratch / "ready"
        print(f"start times, {args.runs} runs each, platform {args.platform} "
              "(median / best, seconds):")
        medians: dict[tuple[str, str], float] = {}
        cpu_medians: dict[tuple[str, str], float] = {}
        # Goals: the first window and the command line's start (--version) no slower than the
        # source; the self-test is shown for what it explains.
        for what, command, goal in (("--version", ["--version"], 1.0),
                                    ("self-test", ["self-test"], None),
                                    ("first window", None, 1.0)):
            cells = []
            for name, program in programs.items():
                cpu: list[float] = []
                if command is None:
                    values = timed(lambda p=program: first_paint([*p, *db], env, ready),
                                   args.runs)
                else:
                    values = timed(lambda p=program, c=command, t=cpu: run_once([*p, *c], env, t),
                                   args.runs)
                    cpu_medians[what, name] = statistics.median(cpu[1:])  # not the untimed run
                medians[what, name] = statistics.median(values)
                cells.append(f"{name} {medians[what, name]:.3f} / {min(values):.3f}")
            ratio = medians[what, "bundle"] / medians[what, "source"]
            print(f"  {what:<13} {'   '.join(cells)}   bundle/source {ratio:.2f}")
            FIGURES.add(f"bundle {what}", medians[what, "bundle"], "s",
                        baseline=medians[what, "source"], baseline_name="from source",
                        goal=goal, goal_on="ratio")
        if resource is not None:
            print("CPU time (user + system) of the same runs, median, seconds:")
            for what in ("--version", "self-test"):
                bundle_cpu, source_cpu = cpu_medians[what, "bundle"], cpu_medians[what, "source"]
                print(f"  {what:<13} source {source_cpu:.3f}   bundle {bundle_cpu:.3f}   "
                      f"bundle/source {bundle_cpu / source_cpu:.2f}")
                FIGURES.add(f"bundle {what}, CPU", bundle_cpu, "s", baseline=source_cpu,
                            baseline_name="from source", goal_on="ratio")


if __name__ == "__main__":
    sys.exit(main())
