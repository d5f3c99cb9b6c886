"""A fixed run for the export tests: fixed clock, fixed device key, fixed ids, so output is
byte-stable and can be compared with golden files."""

from __future__ import annotations

import itertools
import socket
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hand_clock import T0, HandClock

import runbook_assistant.core.run.engine  # noqa: F401  (loads the modules whose ids are patched)
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "export"
RUNBOOK = FIXTURES / "storing-export.md"
EXPORTED_AT = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
INJECTION = "=HYPERLINK(\"http://x\") <script>alert(1)</script> **vet** [link](javascript:x) |\x07"


def fixed_identity(seed: int = 1) -> DeviceIdentity:
    return DeviceIdentity(Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32))


def make_ids_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Event and run ids from a counter, and a fixed host name as the device name."""
    counter = itertools.count(1)

    def fixed_id(millis: int | None = None) -> str:
        return str(uuid.UUID(int=(0x0192F7A0 << 96) | (0x7 << 76) | next(counter)))

    # Patched wherever it was imported by name (engine, store writer, ...).
    for name, module in list(sys.modules.items()):
        if name.startswith("runbook_assistant.core") and hasattr(module, "new_event_id"):
            monkeypatch.setattr(module, "new_event_id", fixed_id)
    monkeypatch.setattr(socket, "gethostname", lambda: "noodlaptop-1")


def open_engine(path: Path, clock: HandClock, seed: int = 1) -> Engine:
    return Engine.open(path, identity=fixed_identity(seed), clock=clock)


def start_run(engine: Engine, clock: HandClock, *, title: str = "Storing kernnetwerk 23 november",
              mode: str = "incident") -> str:
    source = RUNBOOK.read_text(encoding="utf-8")
    runbook = parse_text(source, str(RUNBOOK)).runbook
    assert runbook is not None
    event = engine.start_run(runbook, source, title=title, actor="Anna", mode=mode,
                             participants=[("Anna", "incident-lead"), ("Bram", "netwerk")])
    clock.advance(2)
    return event.run_id


def play_run(engine: Engine, clock: HandClock, run_id: str, *, hostile: bool = False,
             close: bool = True) -> None:
    """A realistic run: checks, a four-eyes step, a decision, services, a message, a late entry,
    report drafts; ``hostile`` puts injection strings into everything people type."""
    evil = INJECTION if hostile else ""
    e = engine
    e.check(run_id, "coordinator", actor="Anna")
    clock.advance(3)
    e.service(run_id, "Publieke Dienstverlening", "down", actor="Anna", note="loketten dicht")
    e.service(run_id, "Sociale Zaken", "degraded", actor="Anna")
    clock.advance(4)
    e.join(run_id, "Chris" + evil, actor="Anna", role="netwerk")
    e.check(run_id, "bezetting", actor="Anna")
    clock.advance(5)
    e.note(run_id, "Switch 2 geeft foutcode E42" + (f"\n{evil}" if hostile else ""), actor="Bram")
    clock.advance(10)
    e.check(run_id, "rollback-uitvoeren", actor="Bram", verified_by="Chris" + evil)
    clock.advance(2)
    e.decide(run_id, "rollback-ok", "failover", actor="Anna",
             rationale="Rollback hielp niet; reserve is gezond" + evil, owner="Anna",
             revisit_by="11:00")
    clock.advance(6)
    e.check(run_id, "failover-schakel", actor="Bram", verified_by="Chris" + evil)
    clock.advance(1)
    e.message_sent(run_id, "msg-stad", actor="Dana" if not hostile else "@Dana",
                   text="Door een storing zijn de loketten gesloten sinds 09:05." + evil,
                   channel="website", audience="inwoners")
    clock.advance(30)
    e.service(run_id, "Publieke Dienstverlening", "restored", actor="Anna")
    e.service(run_id, "Sociale Zaken", "up", actor="Anna")
    clock.advance(5)
    # Typed in afterwards from the paper sheet: it happened at 09:40.
    e.check(run_id, "informeer", actor="Dana", occurred_at=T0 + timedelta(minutes=40))
    clock.advance(5)
    e.draft_report(run_id, "summary", "Het kernnetwerk viel uit; na overschakeling op de reserve "
                   "werkten alle diensten weer." + evil, actor="Anna")
    e.draft_report(run_id, "cause", "Defecte kernswitch; de automatische overschakeling werkte "
                   "niet.", actor="Anna")
    e.draft_report(run_id, "security_incident", "Geen aanwijzingen voor een aanval: logs van de "
                   "firewall bekeken.", actor="Eef")
    e.draft_report(run_id, "measures", "Reserve maandelijks testen.\nContract met de "
                   "leverancier herzien.", actor="Anna")
    clock.advance(1)
    if close:
        e.close(run_id, actor="Anna", summary="Opgelost na failover")
        clock.advance(1)
