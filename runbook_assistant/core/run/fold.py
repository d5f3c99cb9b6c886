"""``RunFolder``: folds a run's events, in order, into a ``RunState``.

What each kind of event does to the run is its declaration's ``fold`` (``core/run/kinds/``); the
folder holds what they gather and calls them in order.

Events go in one by one, in fold order (hlc, device_id, seq); ``state(now)`` turns what was gathered
into a ``RunState`` without changing the folder, so the engine can keep one per run and feed it only
the events that arrived since.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.events import Event
from runbook_assistant.core.log.ordering import fold_key, parse_time
from runbook_assistant.core.run.discipline import staffing_shortfall
from runbook_assistant.core.run.kinds import EVENT_TYPES
from runbook_assistant.core.run.snapshot import build_state
from runbook_assistant.core.run.state_types import (
    InjectEntry,
    MessageEntry,
    NoteEntry,
    OverrideEntry,
    RunState,
    ServiceState,
    StaffingGap,
)
from runbook_assistant.core.run.tracks import (
    DecisionRecord,
    PersonTrack,
    StepTrack,
    person_key,
)
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.log.store import RunRecord


# How each kind is taken in: the ``fold`` of its declaration (core/run/kinds/).
_FOLDS = {kind: declared.fold for kind, declared in EVENT_TYPES.items() if declared.fold}


class RunFolder:
    """Gathers a run's events in fold order."""

    def __init__(self, runbook: Runbook, run: RunRecord | None = None) -> None:
        self.runbook = runbook
        self.run = run
        self.run_id: str | None = run.id if run is not None else None
        self.events: list[Event] = []
        self.last_key: tuple[str, str, int] | None = None
        self._seen: set[str] | None = set()  # None: not made yet (see ``seen``)
        self.started: Event | None = None
        self.started_at: datetime | None = None
        self.steps: dict[str, StepTrack] = {s.id: StepTrack() for s in runbook.iter_steps()}
        self.decisions: list[DecisionRecord] = []
        self.notes: list[NoteEntry] = []
        self.people: dict[str, PersonTrack] = {}
        self.services: dict[str, ServiceState] = {}
        self.messages: list[MessageEntry] = []
        self.injects: list[InjectEntry] = []
        self.report: dict[str, str] = {}
        self.timers_fired: dict[tuple[str, str], datetime] = {}
        self.discovered_at: datetime | None = None
        self.discovered_by: str | None = None
        self.overrides: list[OverrideEntry] = []
        self.closed: Event | None = None
        self.closed_at: datetime | None = None
        self._apply = _FOLDS
        # The last state's step states and what they were made of, and the steps whose tracks
        # events changed since: ``build_state`` makes only those (and what moved) again.
        self.prior_build: Any = None
        self.touched: set[str] = set()

    # --- feeding ---------------------------------------------------------------------------------
    @property
    def seen(self) -> set[str]:
        """The ids of the events folded so far (made when first asked for after ``feed_all``)."""
        if self._seen is None:
            self._seen = {e.id for e in self.events}
        return self._seen

    def accepts(self, events: Iterable[Event]) -> bool:
        """True when every new one of ``events`` sorts after all events folded so far."""
        if self.last_key is None:
            return True
        return all(fold_key(e) > self.last_key for e in events if e.id not in self.seen)

    def feed(self, events: Iterable[Event]) -> None:
        """Fold events given in fold order (events already folded are skipped)."""
        seen, run_id, apply, append = self.seen, self.run_id, self._apply, self.events.append
        add, fromiso, touch = seen.add, datetime.fromisoformat, self.touched.add
        # The previous event's clock, held locally: most events have a later clock than the one
        # before, which settles the order without building the (hlc, device, seq) key.
        last = self.events[-1] if self.events else None
        last_hlc = last.hlc if last is not None else ""
        try:
            with gc_paused():  # no cycles among what a fold gathers: see gc_pause.py
                for event in events:
                    event_id = event.id
                    if event_id in seen or (run_id is not None and event.run_id != run_id):
                        continue
                    hlc = event.hlc
                    if hlc <= last_hlc and last is not None and fold_key(event) < fold_key(last):
                        raise ValueError("events must be fed in fold order")
                    add(event_id)
                    append(event)
                    last, last_hlc = event, hlc
                    if event.step_id:
                        touch(event.step_id)
                    fold_in = apply.get(event.kind)
                    if fold_in is not None:
                        # parse_time, inlined for the stored form ("...Z" gives UTC as is)
                        text = event.occurred_at or event.wall_time
                        at = fromiso(text)
                        if at.tzinfo is not UTC:
                            at = parse_time(text)
                        fold_in(self, event, at)
        finally:
            self.last_key = fold_key(last) if last is not None else None

    def feed_all(self, events: list[Event]) -> None:
        """Fold a whole run at once: ``events`` as ``ordered`` gives them (unique, in fold
        order) into a folder that holds none yet; otherwise the same as ``feed``.

        The checks ``feed`` makes per event (seen before? in order?) are ``ordered``'s own, so
        they are made once for the lot, not again per event (a fifth of a long fold's time).
        """
        if self.events:
            self.feed(events)
            return
        run_id, apply, fromiso = self.run_id, self._apply, datetime.fromisoformat
        events = (list(events) if run_id is None  # the folder's own list, as ``feed`` keeps
                  else [e for e in events if e.run_id == run_id])
        self.events = events
        self.prior_build, self.touched = None, set()  # nothing was built from these yet
        self._seen = None  # only a folder fed again needs them: made then
        self.last_key = fold_key(events[-1]) if events else None
        with gc_paused():  # no cycles among what a fold gathers: see gc_pause.py
            for event in events:
                fold_in = apply.get(event.kind)
                if fold_in is not None:
                    text = event.occurred_at or event.wall_time  # as in ``feed``
                    at = fromiso(text)
                    if at.tzinfo is not UTC:
                        at = parse_time(text)
                    fold_in(self, event, at)

    def state(self, now: datetime | None = None) -> RunState:
        """The run's state at clock time ``now`` (what is gathered is left as it is)."""
        return build_state(self, now)

    def remember_build(self, built: Any) -> None:
        """Keep what ``build_state`` made, for the next build to take unchanged steps from."""
        self.prior_build = built
        self.touched = set()

    # --- what the kinds' fold functions use ----------------------------------------------------
    def track(self, event: Event) -> StepTrack | None:
        """The track of the event's step (None: no step, or one the runbook does not have)."""
        return self.steps.get(event.step_id) if event.step_id else None

    def add_person(self, name: str, role: Any, at: datetime) -> None:
        """Someone is in the run (from ``at``), in ``role`` too if one is given."""
        name = name.strip()
        if not name:
            return
        person = self.people.get(person_key(name))
        if person is None:
            person = self.people[person_key(name)] = PersonTrack(name, [], at)
        if role and str(role) not in person.roles:
            person.roles.append(str(role))

    # --- staffing ----------------------------------------------------------------------------
    def shortfall(self) -> tuple[StaffingGap, ...]:
        """Roles with fewer people than the runbook's staffing minimum."""
        return staffing_shortfall(self.runbook, (p.roles for p in self.people.values()))
