"""Laptops and hub processes for the hub tests: real keys, real databases, real HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from hand_clock import HandClock
from pg_cluster import free_port
from waiting import wait_until

from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_text
from runbook_assistant.core.sync.hub_client import HubClient

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "engine" / "storing-test.md"


class HubProcess:
    """``runbook-assistant hub serve`` as its own process, which a test may kill."""

    def __init__(self, database: str, workers: int = 1) -> None:
        self.database = database
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = Path(tempfile.mkdtemp(prefix="runbook-hub-log-")) / "hub.log"

    def start(self) -> HubProcess:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "runbook_assistant", "hub", "serve", "--database",
             self.database, "--port", str(self.port), "--workers", str(self.workers)],
            stdout=subprocess.DEVNULL, stderr=self.log.open("ab"), env={**os.environ})
        def answering() -> bool:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"the hub did not start: {self.log.read_text()}")
            return self.healthy()

        wait_until(answering, "the hub answering /health")
        return self

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/health", timeout=2) as answer:
                return json.loads(answer.read()).get("status") == "ok"
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, whatever it was doing."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


class Laptop:
    """One laptop: its own user data folder (so its own key), database and clock."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.clock = HandClock()
        self.identity = DeviceIdentity.load_or_create(folder / "data")
        self.db = folder / "runs.sqlite3"
        self.engine = Engine.open(self.db, identity=self.identity, clock=self.clock)

    @property
    def store(self) -> Store:
        return self.engine.store

    @property
    def device_id(self) -> str:
        return self.identity.device_id

    def enrol(self, database: str, org: str) -> None:
        from runbook_assistant.hub.admin import enrol

        enrol(database, org, self.identity.public_key_hex, self.folder.name)

    def start(self, title: str = "Storing 18 februari") -> str:
        source = FIXTURE.read_text(encoding="utf-8")
        runbook = parse_text(source, str(FIXTURE)).runbook
        assert runbook is not None
        event = self.engine.start_run(runbook, source, title=title, actor="Anna",
                                      participants=[("Anna", "incident-lead")])
        self.clock.advance(seconds=30)
        return event.run_id

    def note(self, run_id: str, text: str, count: int = 1) -> None:
        for i in range(count):
            self.engine.note(run_id, f"{text} {i}" if count > 1 else text, actor="Anna")
            self.clock.advance(seconds=1)

    def client(self, url: str) -> HubClient:
        return HubClient(self.store, url, timeout=30)

    def event_ids(self) -> set[str]:
        return {e.id for e in self.store.all_events()}

    def close(self) -> None:
        self.engine.close_store()


def event_ids_in(folder: Path) -> set[str]:
    """The events a (closed) laptop's database holds."""
    laptop = Laptop(folder)
    try:
        return laptop.event_ids()
    finally:
        laptop.close()


def count_rows(database: str, table: str) -> int:
    """Rows of ``table`` in every organisation (as the cluster's superuser, who bypasses RLS)."""
    import psycopg

    with psycopg.connect(database) as conn:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert row is not None
        return int(row[0])
