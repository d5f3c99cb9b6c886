"""Engine commands that only exercise runs take: the simulated clock, injects, observer notes.

``Engine`` inherits them; they go through the same command frame (``_record``: one transaction,
checked against the folded state, the event returned only after commit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run import command_checks as checks
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook

CLOCK_ACTIONS = ("speed", "pause", "resume", "jump")


def inject_key(payload: Mapping[str, Any]) -> tuple[int | None, int, str]:
    """What makes two deliveries one inject: its place in the scenario, its time and its text.

    A delivery logged without an index (a log from before indexes) is known by time and text.
    """
    index = payload.get("index")
    return (int(index) if index is not None else None, int(payload.get("offset", 0)),
            str(payload.get("text", "")).strip())


class _AlreadyDelivered(Exception):
    """Raised inside ``deliver_inject``'s transaction when the inject already went out."""


def _exercise_only(state: RunState, code: str) -> None:
    if state.mode != "exercise":
        raise CommandError.of(code, run=state.run_id)


class ExerciseCommands:
    """The exercise-only commands of ``Engine``."""

    if TYPE_CHECKING:  # Engine provides the command frame
        def _record(self, run_id: str, kind: EventKind, *, actor: str,
                    check: Callable[[RunState, Runbook], dict[str, Any]],
                    step_id: str | None = None, occurred_at: datetime | str | None = None,
                    ) -> Event: ...

    def deliver_inject(self, run_id: str, offset: int, text: str, *, actor: str,
                       to: str | None = None, index: int | None = None) -> Event:
        """Log an exercise inject delivered to the players (``index``: its place in the scenario).

        An inject that already went out is not logged again: the earlier delivery is returned.
        This is checked inside the write transaction, so two windows (or a window and a script)
        ticking the same exercise at one moment deliver each inject once.
        """

        earlier: list[Event] = []

        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            payload: dict[str, Any] = {"offset": int(offset),
                                       "text": checks.required(text, "inject text")}
            if to:
                payload["to"] = to
            if index is not None:
                payload["index"] = int(index)
            key = inject_key(payload)
            earlier.extend(e for e in state.events
                           if e.kind is EventKind.INJECT_DELIVERED and inject_key(e.payload) == key)
            if earlier:
                raise _AlreadyDelivered  # rolls the transaction back: nothing is written
            return payload
        try:
            return self._record(run_id, EventKind.INJECT_DELIVERED, actor=actor, check=check)
        except _AlreadyDelivered:
            return earlier[0]

    def exercise_clock(self, run_id: str, *, actor: str, speed: float, offset: float,
                       action: str) -> Event:
        """Record a change of an exercise's simulated clock: from this moment exercise time runs
        from ``offset`` seconds at ``speed`` (0: paused). ``action`` says what the leader did:
        speed, pause, resume or jump. Refused on an incident run."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            _exercise_only(state, "not_an_exercise_clock")
            if action not in CLOCK_ACTIONS:
                raise CommandError.of("unknown_clock_action", action=action,
                                      actions=", ".join(CLOCK_ACTIONS))
            rate, position = float(speed), float(offset)
            # Written this way round, NaN fails the comparisons too.
            if not (0 <= rate < float("inf") and 0 <= position < float("inf")):
                raise CommandError.of("clock_needs_speed")
            if (action == "pause") != (rate == 0) and action != "jump":
                raise CommandError.of("clock_speed_mismatch", action=action, speed=f"{rate:g}")
            return {"speed": rate, "exercise_offset": round(position, 3), "action": action}
        return self._record(run_id, EventKind.EXERCISE_CLOCK, actor=actor, check=check)

    def observe(self, run_id: str, text: str, *, actor: str, step_id: str | None = None) -> Event:
        """An exercise observer's note: a note marked ``observer`` (the debrief lists those apart).
        Refused on an incident run."""
        def check(state: RunState, runbook: Runbook) -> dict[str, Any]:
            _exercise_only(state, "not_an_exercise_observe")
            if step_id is not None:
                checks.step_of(runbook, step_id)
            return {"text": checks.required(text, "observation"), "observer": True}
        return self._record(run_id, EventKind.NOTE_ADDED, actor=actor, step_id=step_id,
                            check=check)
