"""Exercise events: an inject delivered to the players, the simulated clock changed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from runbook_assistant.core.formatting import format_offset
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run.kinds.declare import Payload, TextContext, Words, declare
from runbook_assistant.core.run.state_types import InjectEntry

if TYPE_CHECKING:
    from runbook_assistant.core.run.fold import RunFolder


def fold_inject(folder: RunFolder, event: Event, at: datetime) -> None:
    p = event.payload
    folder.injects.append(InjectEntry(int(p.get("offset", 0)), str(p.get("text", "")),
                                      p.get("to"), at, event.id))


def write_inject(w: Words, p: Payload, c: TextContext) -> str:
    text = w["sentence"].format(offset=format_offset(int(p.get("offset", 0)), with_seconds=False),
                                text=p.get("text", ""))
    return text + (w["to"].format(role=c.role(p["to"])) if p.get("to") else "")


# offset: seconds into the exercise; to: a role id; index: its place in the scenario.
declare(EventKind.INJECT_DELIVERED, fields=("offset", "text", "to?", "index?"),
        fold=fold_inject, write=write_inject, reaction=False,
        en={"sentence": "Inject T+{offset}: {text}", "to": " (to {role})"},
        nl={"sentence": "Inject T+{offset}: {text}", "to": " (aan {role})"})


def write_clock(w: Words, p: Payload, c: TextContext) -> str:
    action = str(p.get("action", "speed"))
    speed = float(p.get("speed") or 0)
    return w.get(action, w["sentence"]).format(
        speed=f"{speed:g}", offset=format_offset(float(p.get("exercise_offset") or 0)))


# speed: 0 = paused; exercise_offset: seconds at that moment; action: speed | pause | resume |
# jump. Exercise time is derived from these events (core/exercise/timing.py), not folded.
declare(EventKind.EXERCISE_CLOCK, fields=("speed", "exercise_offset", "action"), fold=None,
        write=write_clock, reaction=False, replayed=False,
        en={"sentence": "Exercise clock ×{speed} from T+{offset}",
            "pause": "Exercise clock paused at T+{offset}",
            "resume": "Exercise clock running again at ×{speed} from T+{offset}",
            "jump": "Exercise clock set ahead to T+{offset}"},
        nl={"sentence": "Oefenklok ×{speed} vanaf T+{offset}",
            "pause": "Oefenklok gepauzeerd op T+{offset}",
            "resume": "Oefenklok loopt weer op ×{speed} vanaf T+{offset}",
            "jump": "Oefenklok vooruitgezet naar T+{offset}"})
