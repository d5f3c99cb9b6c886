"""Simulated laptops for the sync tests: each has its own folder, key, database and clock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hand_clock import T0, HandClock

from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_text
from runbook_assistant.core.sync.exchange import ImportResult, export_bundle, import_bundle

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "engine" / "storing-test.md"


class Laptop:
    """One laptop: identity in ``folder/data`` (its own user data folder), database beside it."""

    def __init__(self, folder: Path, start: datetime = T0) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.clock = HandClock(start)
        self.identity = DeviceIdentity.load_or_create(folder / "data")
        self.db = folder / "runs.sqlite3"
        self.engine = Engine.open(self.db, identity=self.identity, clock=self.clock)
        self._bundles = 0

    @property
    def store(self) -> Store:
        return self.engine.store

    @property
    def device_id(self) -> str:
        return self.identity.device_id

    def start(self, title: str = "Storing 18 februari") -> str:
        source = FIXTURE.read_text(encoding="utf-8")
        runbook = parse_text(source, str(FIXTURE)).runbook
        assert runbook is not None
        event = self.engine.start_run(
            runbook, source, title=title, actor="Anna",
            participants=[("Anna", "incident-lead"), ("Bram", "netwerk")])
        self.clock.advance(seconds=30)
        return event.run_id

    def export(self, run_ids: list[str] | None = None, name: str | None = None) -> Path:
        self._bundles += 1
        path = self.folder / (name or f"bundle-{self._bundles}.sqlite")
        export_bundle(self.store, path, run_ids)
        return path

    def pull(self, bundle: Path) -> ImportResult:
        return import_bundle(self.store, bundle)

    def event_ids(self) -> set[str]:
        return {e.id for e in self.store.all_events()}

    def close(self) -> None:
        self.engine.close_store()
