"""Builders for fold tests: a small runbook and events as laptops would record them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.runbook.model import Option, Role, Runbook, Section, Step

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RUN_ID = "0192f7a0-0000-7000-8000-000000000001"


def _step(step_id: str, title: str, section: str, **kw: Any) -> Step:
    return Step(id=step_id, title=title, section_id=section, **kw)


def make_runbook(lang: str = "nl") -> Runbook:
    """A runbook with a decision, two branches, a common continuation and timers."""
    sections = (
        Section("opschalen", "Opschalen", steps=(
            _step("coordinator", "Stel de coördinator aan", "opschalen", role="incident-lead",
                  due=300),
            _step("bezetting", "Controleer de bezetting", "opschalen"),
        )),
        Section("rollback", "Terugdraaien", steps=(
            _step("rollback-uitvoeren", "Voer de rollback uit", "rollback", four_eyes=True,
                  role="netwerk", timebox=1800),
            _step("rollback-ok", "Is het netwerk bereikbaar?", "rollback", decision=True,
                  options=(Option("Ja", "herstel"), Option("Nee, deels of niet", "failover"))),
        )),
        Section("failover", "Failover", steps=(
            _step("failover-schakel", "Schakel over op de reserve", "failover",
                  four_eyes=True, timebox=600),
            _step("failover-test", "Test de reserve", "failover"),
        )),
        Section("herstel", "Herstel controleren", steps=(
            _step("herstel-diensten", "Controleer alle diensten", "herstel"),
        )),
        Section("communicatie", "Communicatie", steps=(
            _step("informeer", "Informeer de stad", "communicatie", due=1800, every=3600),
            _step("intranet", "Zet een bericht op intranet", "communicatie", optional=True),
        )),
        Section("afsluiten", "Afsluiten", steps=(
            _step("evaluatie", "Plan de evaluatie", "afsluiten"),
        )),
    )
    return Runbook(
        id="netwerkstoring", title="Netwerkstoring na wijziging", version=4, lang=lang,
        roles=(Role("incident-lead", "Coördinator ICT-storing"),
               Role("netwerk", "Netwerkspecialist"), Role("communicatie", "Woordvoerder")),
        staffing=(("netwerk", 2), ("incident-lead", 1)),
        services=("Publieke Dienstverlening", "Sociale Zaken", "Informatienummer 14020"),
        sections=sections,
    )


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


@dataclass
class Laptop:
    """Records events like one device: gap-free seq, HLC that never goes back."""

    device_id: str
    run_id: str = RUN_ID
    seq: int = 0
    last_hlc: tuple[int, int] = (0, 0)
    log: list[Event] = field(default_factory=list)

    def record(self, kind: EventKind, minute: float, *, actor: str = "Anna",
               step_id: str | None = None, payload: dict[str, Any] | None = None,
               occurred_minute: float | None = None) -> Event:
        wall = START + timedelta(minutes=minute)
        millis = int(wall.timestamp() * 1000)
        hlc = (millis, 0) if millis > self.last_hlc[0] else (self.last_hlc[0], self.last_hlc[1] + 1)
        self.last_hlc = hlc
        self.seq += 1
        occurred = (iso(START + timedelta(minutes=occurred_minute))
                    if occurred_minute is not None else None)
        event = Event(id=f"{self.device_id}-{self.seq:06d}", run_id=self.run_id,
                      device_id=self.device_id, seq=self.seq, hlc=f"{hlc[0]:013d}-{hlc[1]:06d}",
                      wall_time=iso(wall), actor=actor, kind=kind, step_id=step_id,
                      payload=payload or {}, occurred_at=occurred)
        self.log.append(event)
        return event

    def start(self, minute: float = 0, participants: list[dict[str, Any]] | None = None,
              mode: str = "incident") -> Event:
        return self.record(EventKind.RUN_STARTED, minute, payload={
            "runbook_id": "netwerkstoring", "runbook_version": 4, "runbook_sha256": "0" * 64,
            "title": "Storing 18 februari", "mode": mode, "lang": "nl",
            "participants": participants or [], "shortfall": []})

    def check(self, step_id: str, minute: float, actor: str = "Anna", **payload: Any) -> Event:
        return self.record(EventKind.STEP_CHECKED, minute, actor=actor, step_id=step_id,
                           payload=payload)

    def uncheck(self, step_id: str, minute: float, actor: str = "Anna") -> Event:
        return self.record(EventKind.STEP_UNCHECKED, minute, actor=actor, step_id=step_id)

    def skip(self, step_id: str, minute: float, reason: str = "niet nodig",
             actor: str = "Anna") -> Event:
        return self.record(EventKind.STEP_SKIPPED, minute, actor=actor, step_id=step_id,
                           payload={"reason": reason})

    def decide(self, step_id: str, option: str, minute: float, actor: str = "Anna",
               supersedes: list[str] | None = None) -> Event:
        payload: dict[str, Any] = {"option": option, "label": option, "rationale": "",
                                   "owner": actor}
        if supersedes is not None:
            payload["supersedes"] = supersedes
        return self.record(EventKind.DECISION_RECORDED, minute, actor=actor, step_id=step_id,
                           payload=payload)
