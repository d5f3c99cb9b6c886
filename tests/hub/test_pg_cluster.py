"""The throwaway PostgreSQL clusters of the tests do not outlive a test run that is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pg_cluster import find_bindir
from waiting import wait_until

_STARTER = """
import sys
sys.path.insert(0, sys.argv[1])
from pg_cluster import Cluster, find_bindir
cluster = Cluster(find_bindir()).init().start()
print(cluster.root, flush=True)
sys.stdin.read()  # until killed
"""


@pytest.mark.skipif(find_bindir() is None, reason="no PostgreSQL server binaries")
def test_a_killed_test_run_leaves_no_cluster_running_and_no_folder() -> None:
    starter = subprocess.Popen([sys.executable, "-c", _STARTER, str(Path(__file__).parent)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert starter.stdout is not None
    root = Path(starter.stdout.readline().strip())
    assert (root / "data" / "postmaster.pid").exists()
    pid = int((root / "data" / "postmaster.pid").read_text().split()[0])
    os.kill(starter.pid, signal.SIGKILL)  # as `timeout` or a crash would end a test run
    starter.wait()
    wait_until(lambda: not root.exists() and not _alive(pid),
               "the watchdog stopped the cluster and removed its folder", every=0.1)
    assert not root.exists()
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return ""
