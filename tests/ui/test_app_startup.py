"""What a cold start loads before the window's first frame: Qt's three basic modules and the window,
not click, not the engine, store or library, and not the rest of Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

# Starts the app as the console command does and lists the imported modules at its first paint.
AT_FIRST_PAINT = """
import json, os, sys
from runbook_assistant.ui import main_window

def first_paint(self):
    print(json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)

main_window.MainWindow._after_first_paint = first_paint
from runbook_assistant.cli import main
main(["--db", sys.argv[1]])
"""


def modules_at_first_paint(tmp_path: Path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("RUNBOOK_ASSISTANT_READY_FILE", None)
    result = subprocess.run([sys.executable, "-c", AT_FIRST_PAINT, str(tmp_path / "runs.sqlite3")],
                            capture_output=True, text=True, timeout=120, env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_the_first_frame_needs_neither_click_nor_the_core(tmp_path: Path) -> None:
    loaded = modules_at_first_paint(tmp_path)
    assert "runbook_assistant.ui.main_window" in loaded  # the probe did run at the first paint
    assert "click" not in loaded
    core = {name for name in loaded if name.startswith("runbook_assistant.core.")}
    # Where the database lives, and the PDF seam registered at start-up: both import no more.
    assert core <= {"runbook_assistant.core.errors", "runbook_assistant.core.paths",
                    "runbook_assistant.core.rendering"}
    qt = {name for name in loaded if name.startswith("PySide6.Qt")}
    assert qt == {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}
    assert not {"runbook_assistant.ui.sync_dialogs", "sqlite3", "yaml"} & loaded
