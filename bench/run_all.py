"""Run every benchmark with ``--json`` and print one table: figure, value, baseline, ratio, goal.

    python bench/run_all.py [--quick] [--json] [--only NAME ...]

``--quick`` skips the slow scripts (the 1,000-runbook library, the startup and bundle series) and
runs the others at their full sizes. Each script runs in its own process, as a user's command
would. Exit status 1 when a goal is not met or a script failed, so a machine can read it too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# name: (arguments, slow?). Sizes are the ones the goals are stated for.
SCRIPTS: dict[str, tuple[list[str], bool]] = {
    "eventlog": ([], False),
    "fold": ([], False),
    "export": ([], False),
    "sync": ([], False),
    "check_latency": ([], False),
    "editor_typing": ([], False),
    "memory": ([], False),
    "library": ([], True),
    "startup": ([], True),
    "bundle": ([], True),
    "hub": ([], True),
}


def run_script(name: str, extra: list[str]) -> dict[str, Any]:
    """One script's JSON object, or a record of why there is none."""
    script = HERE / f"{name}.py"
    if not script.is_file():
        return {"bench": name, "skipped": "no such script", "figures": []}
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    began = time.perf_counter()
    result = subprocess.run([sys.executable, str(script), "--json", *extra], cwd=REPO, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - began
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        return {"bench": name, "failed": " / ".join(tail) or f"exit {result.returncode}",
                "seconds": round(seconds, 1), "figures": []}
    data: dict[str, Any] = json.loads(lines[-1])
    data["seconds"] = round(seconds, 1)
    return data


def _cell(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def table(results: list[dict[str, Any]]) -> str:
    """The results as one aligned text table."""
    header = ("bench", "figure", "value", "baseline", "ratio", "goal", "met")
    rows: list[tuple[str, ...]] = []
    for result in results:
        if "failed" in result or "skipped" in result:
            rows.append((result["bench"], result.get("failed") or result.get("skipped", ""),
                         "", "", "", "", "FAILED" if "failed" in result else "skipped"))
            continue
        for f in result["figures"]:
            goal = None if f["goal"] is None else (
                f"{'≥' if f['higher_is_better'] else '≤'} {f['goal']:g}"
                + ("×" if f["goal_on"] == "ratio" else f" {f['unit']}"))
            baseline = None if f["baseline"] is None else (
                f"{_cell(f['baseline'], f['unit'])} ({f['baseline_name']})")
            met = {True: "yes", False: "NO", None: ""}[f["met"]]
            rows.append((result["bench"], f["name"], _cell(f["value"], f["unit"]),
                         baseline or "—", _cell(f["ratio"]), goal or "—", met))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    widths[3] = min(widths[3], 44)
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the slow scripts")
    parser.add_argument("--json", action="store_true", help="print all results as JSON")
    parser.add_argument("--only", nargs="+", choices=sorted(SCRIPTS), default=None)
    args = parser.parse_args(argv)
    names = args.only or [n for n, (_, slow) in SCRIPTS.items() if not (args.quick and slow)]
    results = []
    for name in names:
        print(f"running bench/{name}.py ...", file=sys.stderr, flush=True)
        results.append(run_script(name, SCRIPTS[name][0]))
    if args.json:
        print(json.dumps({"load": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
                          "results": results}, indent=1))
    else:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(table(results))
    missed = any(f["met"] is False for r in results for f in r["figures"])
    return 1 if missed or any("failed" in r for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
