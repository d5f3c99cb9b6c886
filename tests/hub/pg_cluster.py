"""A throwaway PostgreSQL cluster in a temporary folder (initdb, pg_ctl), for tests and bench.

PostgreSQL refuses to run as root; as root (as CI runs) the cluster is made and run as the
unprivileged user ``nobody`` through ``runuser``, in a folder handed to that user.

A cluster outlives the process that started it (``pg_ctl`` detaches it), so each one has a small
watchdog process: it waits for the end of a pipe the starting process holds open and, once that
process is gone however it ended (an interrupted or killed test run too), stops the cluster and
removes its folder.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def find_bindir() -> Path | None:
    """The folder with initdb and pg_ctl: Debian's versioned folder, pg_config, or PATH."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                            key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit()
                            else 0, reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        folder = Path(out.stdout.strip())
        if (folder / "initdb").exists():
            return folder
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One cluster: ``start()``, ``url(db)``, ``restart()``, ``stop()``."""

    def __init__(self, bindir: Path, *, fsync: bool = False) -> None:
        self.bindir = bindir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="runbook-pg-"))
        self.data = self.root / "data"
        self.fsync = fsync
        self.as_root = os.geteuid() == 0
        if self.as_root:
            runuser = shutil.which("runuser")
            if runuser is None:
                raise RuntimeError("running as root, and runuser (to run PostgreSQL as "
                                   "'nobody') is not installed")
            self._prefix = [runuser, "-u", "nobody", "--"]
            shutil.chown(self.root, "nobody")
            os.chmod(self.root, 0o700)
        else:
            self._prefix = []
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, json.dumps(
                [self._prefix, str(self.bindir / "pg_ctl"), str(self.data), str(self.root)])],
            stdin=subprocess.PIPE, start_new_session=True)  # not hit by a Ctrl-C meant for us

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._prefix, *args], capture_output=True, text=True,
                              cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}\n{done.stderr}")

    def init(self) -> Cluster:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        return self

    def start(self) -> Cluster:
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=200 -c shared_buffers=128MB")
        if not self.fsync:  # tests: durability is PostgreSQL's business, not theirs
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.root / "log"), "-o", options, "-w", "-t", "60", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def destroy(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.stop("immediate")
        for _ in range(3):
            try:
                shutil.rmtree(self.root)
                break
            except OSError:
                time.sleep(0.2)
        if self._watchdog.stdin is not None:
            self._watchdog.stdin.close()  # nothing left for it to do: let it end
        self._watchdog.wait()


# Run by the watchdog: argv[1] is [runuser prefix, pg_ctl, data folder, cluster folder].
_WATCHDOG = """
import json, shutil, subprocess, sys
sys.stdin.buffer.read()  # returns once the process that started the cluster is gone
prefix, pg_ctl, data, root = json.loads(sys.argv[1])
subprocess.run([*prefix, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
               capture_output=True)
shutil.rmtree(root, ignore_errors=True)
"""
