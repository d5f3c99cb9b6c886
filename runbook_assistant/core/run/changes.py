"""``RunChange``: what one committed command (or one re-read) changed in a run.

The desktop app announces every change of a run as one ``RunChange`` on one signal; each panel
looks at ``areas`` to see whether it has anything to show again. The areas are the event kinds'
timeline groups (``core/run/kinds/``): a new kind needs nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass

from runbook_assistant.core.log.events import Event
from runbook_assistant.core.run.kinds import GROUPS, event_type
from runbook_assistant.core.run.state_types import RunState

EVERYTHING = frozenset(GROUPS)


@dataclass(frozen=True)
class RunChange:
    """The run's state after a change, and the event that made it (None: read again, e.g.
    after a merge from another laptop or as time passed)."""

    run_id: str
    state: RunState
    event: Event | None = None

    @property
    def areas(self) -> frozenset[str]:
        """Which parts of the run may look different: the event's group, else all of them."""
        if self.event is None:
            return EVERYTHING
        return frozenset((event_type(self.event.kind).group,))

    def touches(self, *areas: str) -> bool:
        """True when any of ``areas`` may have changed."""
        return not self.areas.isdisjoint(areas)
