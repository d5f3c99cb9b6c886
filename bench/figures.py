"""Figures a machine can read: every bench script records what it measured here, beside the
baseline measured in the same run, the ratio and the goal; ``--json`` prints one JSON object.

    figures = Figures("eventlog")
    figures.add("append p50", 0.31, "ms", baseline=0.17, baseline_name="raw insert", goal=1.5,
                goal_on="ratio")
    figures.main(run, parser)      # parses --json; with it, the text goes to stderr

A goal is met when the value (``goal_on="value"``) or the ratio to the baseline
(``goal_on="ratio"``) is at most the goal; ``higher_is_better`` turns that round (events/s).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str | None = None
    ratio: float | None = None
    goal: float | None = None
    goal_on: Literal["value", "ratio"] = "value"
    higher_is_better: bool = False
    met: bool | None = None
    note: str = ""


class Figures:
    """The figures of one bench script."""

    def __init__(self, bench: str) -> None:
        self.bench = bench
        self.figures: list[Figure] = []

    def add(self, name: str, value: float, unit: str, *, baseline: float | None = None,
            baseline_name: str | None = None, goal: float | None = None,
            goal_on: Literal["value", "ratio"] = "value", higher_is_better: bool = False,
            note: str = "") -> Figure:
        """Record one figure; returns it (with its ratio and whether the goal is met)."""
        ratio = value / baseline if baseline else None
        compared = ratio if goal_on == "ratio" else value
        met = None
        if goal is not None and compared is not None:
            met = compared >= goal if higher_is_better else compared <= goal
        figure = Figure(name, round(value, 4), unit, baseline if baseline is None else
                        round(baseline, 4), baseline_name, None if ratio is None else
                        round(ratio, 3), goal, goal_on, higher_is_better, met, note)
        self.figures.append(figure)
        return figure

    def as_dict(self) -> dict[str, Any]:
        return {"bench": self.bench, "python": platform.python_version(),
                "cpus": os.cpu_count(), "load": round(os.getloadavg()[0], 2),
                "figures": [asdict(f) for f in self.figures],
                "all_met": all(f.met is not False for f in self.figures)}

    def main(self, run: Callable[[argparse.Namespace], Any],
             parser: argparse.ArgumentParser, argv: list[str] | None = None) -> int:
        """Parse the arguments (adding ``--json``) and run; with ``--json`` the text goes to
        stderr and stdout carries one JSON object."""
        parser.add_argument("--json", action="store_true",
                            help="print one JSON object with every figure on stdout")
        args = parser.parse_args(argv)
        if not args.json:
            code = run(args)
            return int(code or 0)
        with contextlib.redirect_stdout(sys.stderr):
            code = run(args)
        print(json.dumps(self.as_dict()), flush=True)
        return int(code or 0)
