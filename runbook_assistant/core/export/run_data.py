"""Everything an export needs about one run, read from the store once.

``load_run`` reads the database (do that on the thread that owns the connection); the ``RunData``
it returns holds plain values only, so a format can be rendered on another thread (the desktop
app's progress dialog does) without touching SQLite.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from runbook_assistant.core import formatting
from runbook_assistant.core.errors import ExportError, RunbookAssistantError
from runbook_assistant.core.i18n import LANGS, labels
from runbook_assistant.core.log.events import Event
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.exercise.timing import ExerciseTimeline
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.log.chain import ChainHead
    from runbook_assistant.core.log.identity import DeviceIdentity
    from runbook_assistant.core.log.store import DeviceRecord, RunRecord, Store
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.run.state_types import RunState
    from runbook_assistant.core.run.timeline import TimelineRow


_DEVICE = attrgetter("device_id")
# An event's times and id as stored, from an Event and from a stored row (chain.EVENT_COLUMNS).
_TIMES = attrgetter("occurred_at", "wall_time", "id")
_STORED_TIMES = itemgetter(10, 5, 0)


@dataclass(frozen=True)
class Anchor:
    """One signed chain head of the run, as printed at the end of a report."""

    device_id: str
    fingerprint: str
    device_name: str
    seq: int
    head_hash: str
    events: int  # how many events of this run the device signed
    head_time: str = ""  # when the head event was recorded, as people read it

    @property
    def short_hash(self) -> str:
        return self.head_hash[:16]


@dataclass
class RunData:
    """One run, ready to render: record, runbook, events in fold order, devices, chain heads."""

    record: RunRecord
    runbook: Runbook
    _events: list[Event] | None  # None: made from ``stored_rows`` on first use (``events``)
    devices: list[DeviceRecord]
    chain_heads: list[ChainHead]
    exported_at: datetime
    lang: str
    tz: tzinfo | None = None  # None: the computer's local time zone (load_run: the municipality's)
    # The laptop that exports: it signs the manifest of a JSON export (None: no manifest).
    signer: DeviceIdentity | None = field(default=None, repr=False)
    csv_dialect: str | None = None  # "excel" | "excel-nl"; None: by the export's language
    # The scenario an exercise run played (None: unknown or not in the library): its goals,
    # debrief questions and the reactions its injects expect.
    scenario: Runbook | None = None
    _state: RunState | None = field(default=None, repr=False)
    # The events as stored rows (``Store.event_rows``), when the format writes them as stored
    # (JSON): then no Event or payload object is made unless something asks for ``events``.
    stored_rows: list[tuple[Any, ...]] | None = field(default=None, repr=False)

    @property
    def events(self) -> list[Event]:
        """The run's events in fold order."""
        if self._events is None:
            from runbook_assistant.core.log.chain import rows_to_events

            rows, events = self.stored_rows or [], []
            for start in range(0, len(rows), 1000):  # (the store checked them when reading)
                events += rows_to_events(rows[start:start + 1000])
            self._events, self.stored_rows = events, None
        return self._events

    @property
    def event_count(self) -> int:
        """How many events the run has (without making them)."""
        return len(self._events if self._events is not None else self.stored_rows or [])

    # --- derived, computed once on first use -------------------------------------------------
    @property
    def exercise(self) -> bool:
        return self.record.mode == "exercise"

    @cached_property
    def labels(self) -> dict[str, str]:
        return labels(self.lang)

    @cached_property
    def rows(self) -> list[TimelineRow]:
        """The timeline rows (one per event) in the export's language."""
        from runbook_assistant.core.run.timeline import rows_in_order

        return rows_in_order(self.runbook, self.in_order, self.lang)

    def timeline_chunks(self, size: int = 2000, *, times: bool = False
                        ) -> Iterator[tuple[list[Any], list[TimelineRow]]]:
        """The events in fold order and their timeline rows, ``size`` at a time: Event objects,
        or the stored rows when the run was read as stored rows (``load_run(as_stored=True)``);
        ``times``: instead of the events, each one's ``(occurred_at, wall_time, id)`` as stored.

        Rows are made as the chunks are asked for and not kept, so that writing a long run
        holds one chunk of rows at a time instead of all of them (the cached ``rows`` are used
        when something made them already).
        """
        from runbook_assistant.core.log.ordering import stored_in_fold_order
        from runbook_assistant.core.run.timeline import rows_in_order, rows_of_stored

        made = self.__dict__.get("rows")
        stored = self.stored_rows if self._events is None and made is None else None
        # Read as stored rows (and no exercise clock to read from the events): the rows are
        # made from those, with no Event made (as the store reads them, they are in order).
        if stored is not None and not self.exercise and stored_in_fold_order(stored):
            for start in range(0, len(stored), size):
                chunk = stored[start:start + size]
                yield (list(map(_STORED_TIMES, chunk)) if times else chunk,
                       rows_of_stored(self.runbook, chunk, self.lang))
            return
        events = self.in_order  # what ``timeline_rows`` makes one row each of, in order
        for start in range(0, len(events), size):
            chunk = events[start:start + size]
            yield (list(map(_TIMES, chunk)) if times else chunk,
                   made[start:start + size] if made is not None
                   else rows_in_order(self.runbook, chunk, self.lang))

    @cached_property
    def in_order(self) -> list[Event]:
        """The events as ``ordering.ordered`` gives them (for the fold and the timeline)."""
        from runbook_assistant.core.log.ordering import ordered

        return ordered(self.events)

    @property
    def state(self) -> RunState:
        """The run's state at the moment of export (folded on first use)."""
        if self._state is None:
            from runbook_assistant.core.run.fold import RunFolder

            # ``state.fold``, with the events put in order once for the timeline too
            folder = RunFolder(self.runbook, self.record)
            folder.feed_all(self.in_order)
            self._state = folder.state(self.exported_at)
        return self._state

    @cached_property
    def anchors(self) -> list[Anchor]:
        """Every device's signed chain head in this run, with its fingerprint."""
        events = self.events
        counts = Counter(map(_DEVICE, events))
        # The recorded time of each head's event: the last event with its device and number
        # (nearly always among the last few of the run, so looked for from the end).
        wanted = {(head.device_id, int(head.seq)) for head in self.chain_heads}
        times: dict[tuple[str, int], str] = {}
        for event in reversed(events):
            if not wanted:
                break
            key = (event.device_id, event.seq)
            if key in wanted:
                wanted.discard(key)
                times[key] = event.wall_time
        devices = {d.id: d for d in self.devices}
        result = []
        for head in self.chain_heads:
            device = devices.get(head.device_id)
            wall = times.get((head.device_id, int(head.seq)))
            result.append(Anchor(head.device_id, device.fingerprint if device else "?",
                                 device.name if device else "", int(head.seq), head.hash,
                                 counts.get(head.device_id, 0),
                                 self.date_time(parse_time(wall)) if wall else ""))
        return result

    # --- time as people read it --------------------------------------------------------------
    def local(self, moment: datetime | None) -> datetime | None:
        if moment is None:
            return None
        return moment.astimezone(self.tz) if self.tz is not None else moment.astimezone()

    def hm(self, moment: datetime | None) -> str:
        """``HH:MM`` in the export's time zone ("" for None)."""
        return formatting.clock(moment, tz=self.tz)

    @cached_property
    def exercise_timeline(self) -> ExerciseTimeline | None:
        """How real moments map to exercise time (None for an incident)."""
        if not self.exercise:
            return None
        from runbook_assistant.core.exercise.session import run_timeline

        return run_timeline(self.record, self.events)

    def moment(self, moment: datetime | None, wall: str | None = None) -> str:
        """A row's time as every export shows it: ``HH:MM`` of an incident, ``T+00:12 (14:32)``
        of an exercise (``formatting.exercise_moment``); ``wall``: ``HH:MM`` if already made."""
        if moment is None:
            return ""
        hm = wall if wall is not None else self.hm(moment)
        timeline = self.exercise_timeline
        return formatting.exercise_moment(timeline.seconds(moment), hm) if timeline else hm

    def exercise_at(self, moment: datetime | None) -> str:
        """``T+00:12`` of a moment of an exercise ("" for an incident)."""
        timeline = self.exercise_timeline
        return formatting.exercise_time(timeline.seconds(moment)) if timeline and moment else ""

    def date_time(self, moment: datetime | None) -> str:
        """``2026-11-23 09:05`` in the export's time zone ("" for None)."""
        return formatting.date_time(moment, tz=self.tz)

    def day(self, moment: datetime) -> str:
        """The day as a heading: ``maandag 23 november 2026``."""
        return formatting.long_date(moment, self.lang, tz=self.tz)

    def zone_name(self) -> str:
        """The time zone's name as of the start of the run (``CET``, ``UTC``)."""
        moment = self.state.started_at if self.events else self.exported_at
        local = self.local(moment or self.exported_at)
        return (local.tzname() if local else None) or "UTC"

    def approval(self) -> str:
        """The approval the runbook version ran under, in the export's language and time zone
        (``""``: the run recorded none)."""
        from runbook_assistant.core.run.kinds import approval_text

        return approval_text(self.state.approval, self.lang,
                             lambda text: self.date_time(parse_time(text)) if text else "")

    def header_title(self) -> str:
        """The title line of every page: EXERCISE in front for an exercise run."""
        title = self.record.title
        return f"{self.labels['exercise']} — {title}" if self.exercise else title


def load_run(source: Engine | Store, run_id: str, *, lang: str | None = None,
             tz: tzinfo | None = None, now: datetime | None = None,
             library: Library | None = None, proof: bool = True,
             as_stored: bool = False) -> RunData:
    """Read one run from an engine or a store (``ExportError`` for an unknown run); an exercise
    run's scenario is looked up in ``library`` when given. ``proof=False``: the events without
    their hashes and signatures (``Store.events``), for a format that only shows them;
    ``as_stored``: the events as stored rows (``RunData.stored_rows``), for one that writes them
    as stored."""
    store: Store = getattr(source, "store", source)
    clock: Any = getattr(source, "clock", None) or getattr(store, "clock", None)
    try:
        record = _record(source, store, run_id)
        runbook = _runbook(source, record)
        # In fold order: (hlc, device_id, seq).
        rows = store.event_rows(record.id, proof=proof) if as_stored else None
        events = None if rows is not None else store.events(record.id, proof=proof)
        signers = ({row[2] for row in rows} if rows is not None
                   else {e.device_id for e in events or ()})
        devices = [d for d in store.devices() if d.id in signers]
        heads = [h for h in store.chain_heads() if h.run_id == record.id]
    except ExportError:
        raise
    except RunbookAssistantError as exc:
        raise ExportError.like(exc) from exc
    if lang is not None and lang not in LANGS:
        raise ExportError.of("import_unknown_lang", lang=lang)
    exported_at = now or (clock.now() if clock is not None else datetime.now(UTC))
    if tz is None:
        # Times as the municipality reads them, its zone named on every export; the computer's
        # own zone only when the municipality's is unknown here.
        from runbook_assistant.core.comms.municipality import load_municipality

        tz = load_municipality().tz()
    return RunData(record=record, runbook=runbook, _events=events, devices=devices,
                   chain_heads=heads, exported_at=exported_at, lang=lang or record.lang or "en",
                   tz=tz, signer=store.identity, scenario=_scenario(library, record),
                   stored_rows=rows)


def _scenario(library: Library | None, record: RunRecord) -> Runbook | None:
    if library is None or not record.scenario_id:
        return None
    try:
        scenario = library.get(record.scenario_id)
    except RunbookAssistantError:  # removed or broken since: the debrief says what it can
        return None
    return scenario if scenario.kind == "exercise" else None


def _record(source: Any, store: Store, run_id: str) -> RunRecord:
    resolve = getattr(source, "resolve_run", None)
    if resolve is not None:
        try:
            run_id = resolve(run_id)
        except RunbookAssistantError as exc:
            raise ExportError.like(exc) from exc
    record = store.run(run_id)
    if record is None:
        raise ExportError.of("unknown_run", run=run_id)
    return record


def _runbook(source: Any, record: RunRecord) -> Runbook:
    """The runbook as it was run (parsed from the text stored with the run)."""
    runbook_of = getattr(source, "runbook_of", None)
    if runbook_of is not None:
        runbook: Runbook = runbook_of(record.id)
        return runbook
    from runbook_assistant.core.runbook.parser import parse_text

    result = parse_text(record.runbook_text, f"{record.runbook_id}.md")
    if result.runbook is None:
        raise ExportError.of("export_runbook_unreadable", run=record.id)
    return result.runbook
