"""The core never imports Qt: importing all of it leaves PySide6 out of sys.modules."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import runbook_assistant.core as core


def test_core_imports_no_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages(core.__path__, "runbook_assistant.core.")]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(names) >= 3


EXPORT_ALL = """
import sys
from pathlib import Path
from runbook_assistant.core.export import FORMATS, export_checklist, export_run
from runbook_assistant.core import paths
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.engine import Engine

folder = Path(sys.argv[1])
library = Library([paths.bundled_runbooks_dir()], folder / "cache.sqlite3")
runbook = library.get("network-outage-change")
engine = Engine.open(folder / "runs.sqlite3")
run_id = engine.start_run(runbook, library.source(runbook.id), title="Qt-free",
                          actor="A").run_id
engine.note(run_id, "a note", actor="A")
made = []
for info in FORMATS:
    if info.extension == ".pdf" or info.exercise_only:
        continue
    made.append(export_run(engine, run_id, info.name, folder / f"out-{info.name}{info.extension}"))
made.append(export_checklist(runbook, folder / "checklist.html"))
assert all(p.stat().st_size > 0 for p in made), made
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(len(made), qt)
sys.exit(1 if qt else 0)
"""


def test_every_non_pdf_export_runs_without_qt(tmp_path) -> None:
    """Not only importing: really exporting every non-PDF format loads no Qt at all."""
    result = subprocess.run([sys.executable, "-c", EXPORT_ALL, str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split()[0] == "7"  # report, letter, html, md, csv, json, checklist
