"""The GUI entry point with no console (``sys.stdout``/``sys.stderr`` None, as in a windowed
PyInstaller build on Windows): it starts, quits and refuses a second window without a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runbook_assistant.ui.instance_lock import InstanceLock

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.e2e


def start_windowed(tmp_path: Path, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"),
               RUNBOOK_ASSISTANT_READY_FILE=str(tmp_path / "ready"),
               OUTCOME=str(tmp_path / "outcome"))
    subprocess.run([sys.executable, str(HERE / "windowed_main.py"), *args], env=env,
                   timeout=120, check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return (tmp_path / "outcome").read_text(encoding="utf-8")


def test_the_app_starts_and_quits_without_a_console(tmp_path: Path) -> None:
    assert start_windowed(tmp_path, "--db", str(tmp_path / "runs.sqlite3")) == "exit 0"
    assert (tmp_path / "runs.sqlite3").exists()


def test_a_second_window_is_refused_without_a_console(tmp_path: Path) -> None:
    db = tmp_path / "runs.sqlite3"
    lock = InstanceLock(db)
    assert lock.acquire()
    try:
        assert start_windowed(tmp_path, "--db", str(db)) == "exit 1"
    finally:
        lock.release()


def test_a_usage_error_without_a_console(tmp_path: Path) -> None:
    assert start_windowed(tmp_path, "--db", str(tmp_path / "no" / "x.sqlite3")) == "exit 2"
