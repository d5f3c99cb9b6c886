"""One instance per database: a second start is refused, a crashed instance's lock never blocks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile

from runbook_assistant.cli import cli
from runbook_assistant.cli.errors import run_cli
from runbook_assistant.core.errors import StoreError
from runbook_assistant.ui.app import run_app
from runbook_assistant.ui.instance_lock import InstanceLock

HOLD_LOCK = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from runbook_assistant.ui.instance_lock import InstanceLock
app = QCoreApplication([])
lock = InstanceLock(Path(sys.argv[1]))
print("locked" if lock.acquire() else "refused", flush=True)
sys.stdin.readline()
"""

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")


def test_a_second_lock_on_the_same_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "runs.sqlite3"
    first, second = InstanceLock(db), InstanceLock(db)
    assert first.acquire()
    assert first.path == tmp_path / "runs.sqlite3.lock"
    assert not second.acquire()
    assert second.held_elsewhere
    first.release()
    assert second.acquire()
    second.release()


def test_a_lock_taken_on_a_thread_while_the_window_is_made_refuses_the_same(
        tmp_path: Path) -> None:
    db = tmp_path / "runs.sqlite3"
    first, second = InstanceLock(db), InstanceLock(db)
    assert first.start_acquiring()()
    assert not second.start_acquiring()()
    assert second.held_elsewhere
    first.release()
    assert second.start_acquiring()()
    second.release()


def test_a_lock_held_by_another_process_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "runs.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert not InstanceLock(db).acquire()
    finally:
        holder.communicate("\n", timeout=30)
    assert InstanceLock(db).acquire()  # released when the other process ended


def dead_pid() -> int:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait(timeout=30)
    return finished.pid


def test_a_stale_lock_with_a_dead_pid_does_not_block(tmp_path: Path) -> None:
    # Write the lock file a crashed instance leaves: Qt's own format, with a PID that is gone.
    sample = QLockFile(str(tmp_path / "sample.lock"))
    assert sample.tryLock(100)
    lines = (tmp_path / "sample.lock").read_text().split("\n")
    sample.unlock()
    lines[0] = str(dead_pid())
    db = tmp_path / "runs.sqlite3"
    (tmp_path / "runs.sqlite3.lock").write_text("\n".join(lines))

    lock = InstanceLock(db)
    assert lock.owner_is_gone()
    assert lock.acquire()
    lock.release()


def test_a_lock_from_another_computer_is_never_broken(tmp_path: Path) -> None:
    db = tmp_path / "runs.sqlite3"
    (tmp_path / "runs.sqlite3.lock").write_text(f"{dead_pid()}\nrunbook-assistant\nother-laptop\n")
    lock = InstanceLock(db)
    assert not lock.owner_is_gone()
    assert not lock.acquire()


def test_the_app_refuses_a_second_start_and_touches_nothing(tmp_path: Path, qapp: Any) -> None:
    db = tmp_path / "runs.sqlite3"
    other = InstanceLock(db)
    assert other.acquire()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError, match=r"already open on .*runs\.sqlite3"):
        run_app(db, [])
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    other.release()


def test_the_command_line_prints_the_refusal_and_exits_1(tmp_path: Path, qapp: Any,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    db = tmp_path / "runs.sqlite3"
    other = InstanceLock(db)
    assert other.acquire()
    code = run_cli(cli, ["--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"error: Runbook Assistant is already open on {db}" in err
    other.release()
