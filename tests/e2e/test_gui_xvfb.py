"""The real app in a real X server (Xvfb): it opens its window, refuses a second start on the
same database, and starts again after being killed (the stale lock does not block)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("Xvfb") is None,
                       reason="Xvfb is not installed (Debian: apt-get install xvfb)"),
]

START_TIMEOUT_S = 60.0


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server on a free display number (Xvfb picks it and reports it on a pipe)."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as reported:
        number = reported.readline().strip()  # written once the server accepts clients
    try:
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)


def app_env(tmp_path: Path, display: str, platform: str = "xcb") -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM=platform,
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"),
               RUNBOOK_ASSISTANT_READY_FILE=str(tmp_path / "ready"))
    env.pop("RUNBOOK_ASSISTANT_PORTABLE", None)
    return env


def start_app(db: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "runbook_assistant", "--db", str(db),
                             "--lang", "en"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_until_painted(proc: subprocess.Popen[str], ready: Path) -> str:
    """The window title the app wrote after its first paint; fails if the app exits first."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            proc.wait(timeout=0.1)  # the pacing of this loop, and a check that it still runs
        except subprocess.TimeoutExpired:
            lines = ready.read_text(encoding="utf-8").splitlines() if ready.exists() else []
            if len(lines) >= 2:
                return lines[0]
            continue
        _out, err = proc.communicate()
        pytest.fail(f"the app exited with {proc.returncode} before painting:\n{err}")
    proc.kill()
    pytest.fail("the app did not paint its window in time")


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
    proc.communicate(timeout=30)


def test_the_app_opens_its_window_in_a_real_x_server(tmp_path: Path, display: str) -> None:
    ready = tmp_path / "ready"
    proc = start_app(tmp_path / "runs.sqlite3", app_env(tmp_path, display))
    try:
        title = wait_until_painted(proc, ready)
        assert "Runbook Assistant" in title
        if shutil.which("xwininfo"):
            tree = subprocess.run(["xwininfo", "-root", "-tree", "-display", display],
                                  capture_output=True, text=True, timeout=30).stdout
            assert "Runbook Assistant" in tree
    finally:
        stop(proc)


def test_a_second_start_is_refused_and_a_killed_app_starts_again(tmp_path: Path,
                                                                 display: str) -> None:
    db = tmp_path / "runs.sqlite3"
    ready = tmp_path / "ready"
    first = start_app(db, app_env(tmp_path, display))
    try:
        wait_until_painted(first, ready)
        # Offscreen: the refusal is printed (a dialog would wait for a click here).
        second = subprocess.run([sys.executable, "-m", "runbook_assistant", "--db", str(db)],
                                env=app_env(tmp_path, display, "offscreen"),
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 1
        assert f"error: Runbook Assistant is already open on {db}" in second.stderr
    finally:
        stop(first, signal.SIGKILL)  # a crash: the lock file stays behind

    assert (tmp_path / "runs.sqlite3.lock").exists()
    ready.unlink()
    again = start_app(db, app_env(tmp_path, display))
    try:
        assert "Runbook Assistant" in wait_until_painted(again, ready)
    finally:
        stop(again)
