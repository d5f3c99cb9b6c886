"""Timeline rows: one per event, in fold order, each with a sentence in the run's language.

The sentences are the event kinds' own (``core/run/kinds/``). Every export format (Markdown,
HTML, CSV, PDF, the report) renders these rows, so a sentence is written in one place only. A late
entry (typed in afterwards from paper) is flagged and carries both times: when it happened
(``time``) and when it was recorded (``wall_time``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import add, attrgetter, itemgetter
from typing import Any

from runbook_assistant.core.gc_pause import gc_paused
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.log.ordering import ordered, parse_time
from runbook_assistant.core.run.kinds import EVENT_TYPES, TextContext
from runbook_assistant.core.run.kinds.declare import Words, WriteFn
from runbook_assistant.core.runbook.model import Runbook


@dataclass(frozen=True)
class TimelineRow:
    """One line of the timeline."""

    time: datetime  # when it happened (occurred_at for a late entry)
    wall_time: datetime  # when the laptop recorded it
    late: bool
    actor: str
    kind: str
    step_id: str | None
    step_title: str
    text: str
    device_id: str
    event_id: str
    seq: int


def _sentences(lang: str) -> dict[EventKind, tuple[WriteFn, Words]]:
    """Each declared kind's sentence writer with its words in ``lang`` (English if undeclared)."""
    table = _SENTENCES.get(lang)
    if table is None:
        table = _SENTENCES[lang] = {kind: (t.write, t.words.get(lang) or t.words["en"])
                                    for kind, t in EVENT_TYPES.items()}
    return table


_SENTENCES: dict[str, dict[EventKind, tuple[WriteFn, Words]]] = {}


def timeline_rows(runbook: Runbook, events: Iterable[Event], lang: str) -> list[TimelineRow]:
    """One row per event, sorted like the fold, with a sentence in ``lang`` (nl or en)."""
    return rows_in_order(runbook, ordered(events), lang)


def rows_in_order(runbook: Runbook, events: Iterable[Event], lang: str) -> list[TimelineRow]:
    """``timeline_rows`` of events already as ``ordered`` gives them (one row each, as given)."""
    return _rows(runbook, map(_FIELDS, events), lang)


def rows_of_stored(runbook: Runbook, rows: list[tuple[Any, ...]], lang: str) -> list[TimelineRow]:
    """``rows_in_order`` of the events these stored rows hold (``chain.EVENT_COLUMNS``, in fold
    order, checked by the store): the same rows, without making an Event of each."""
    payloads = json.loads("[" + ",".join([row[9] for row in rows]) + "]")
    if len(payloads) != len(rows):  # (the store reads no such row: ``Store.event_rows``)
        raise ValueError("a stored payload is not one JSON value")
    # The kind as stored is its name: the same key to the sentences, the same text in a row.
    return _rows(runbook, map(_STORED_FIELDS, map(add, rows, zip(payloads))), lang)


# What a row is made of, in ``_rows``'s order: from an Event, and from a stored row with its
# parsed payload added at the end.
_FIELDS = attrgetter("step_id", "actor", "kind", "payload", "wall_time", "occurred_at",
                     "device_id", "id", "seq")
_STORED_FIELDS = itemgetter(8, 6, 7, 14, 5, 10, 2, 0, 3)


def _rows(runbook: Runbook, events: Iterable[tuple[Any, ...]], lang: str) -> list[TimelineRow]:
    steps = {s.id: s.title for s in runbook.iter_steps()}
    sentences = _sentences(lang)
    # Few steps and people, many events: per (step, actor) its context, and the sentence of each
    # kind of event without a payload (a writer's sentence depends on nothing else).
    contexts: dict[tuple[str, str], tuple[TextContext, dict[EventKind, str]]] = {}
    kind_names = _KindNames()
    rows: list[TimelineRow] = []
    append, new, fast, fromiso = rows.append, object.__new__, _FAST_ROWS, datetime.fromisoformat
    with gc_paused():  # no cycles among the rows: see gc_pause.py
        for step_id, actor, kind, payload, wall_text, occurred_at, device_id, event_id, seq \
                in events:
            step_title = steps.get(step_id, step_id) if step_id else ""
            sentence = sentences.get(kind)
            if sentence is None:
                text = str(kind)
            else:
                known = contexts.get((step_title, actor))
                if known is None:
                    known = contexts[step_title, actor] = (
                        TextContext(runbook, lang, step_title, actor), {})
                context, plain = known
                empty = type(payload) is dict and not payload
                text = plain.get(kind) if empty else None  # type: ignore[assignment]
                if text is None:
                    write, words = sentence
                    text = write(words, payload, context)
                    if empty:
                        plain[kind] = text
            # parse_time, inlined for the stored form ("...Z" gives UTC as is)
            wall = fromiso(wall_text)
            if wall.tzinfo is not UTC:
                wall = parse_time(wall_text)
            if not fast:
                append(TimelineRow(parse_time(occurred_at) if occurred_at else wall, wall,
                                   occurred_at is not None, actor, kind_names[kind], step_id,
                                   step_title, text, device_id, event_id, seq))
                continue
            row = new(TimelineRow)
            d = row.__dict__  # what the frozen __init__ sets, in the same order
            d["time"] = parse_time(occurred_at) if occurred_at else wall
            d["wall_time"] = wall
            d["late"] = occurred_at is not None
            d["actor"] = actor
            d["kind"] = kind_names[kind]
            d["step_id"] = step_id
            d["step_title"] = step_title
            d["text"] = text
            d["device_id"] = device_id
            d["event_id"] = event_id
            d["seq"] = seq
            append(row)
    return rows


class _KindNames(dict[object, str]):
    """``str(kind)`` of each kind, made once."""

    def __missing__(self, kind: object) -> str:
        name = self[kind] = str(kind)
        return name


# Making a TimelineRow through its frozen ``__init__`` sets each field with
# ``object.__setattr__``, most of the cost of a row; filling the new instance's ``__dict__``
# gives the same object. Only while the fields are the ones filled in ``timeline_rows``.
_FAST_ROWS = (tuple(TimelineRow.__dataclass_fields__) == (
    "time", "wall_time", "late", "actor", "kind", "step_id", "step_title", "text", "device_id",
    "event_id", "seq") and "__slots__" not in TimelineRow.__dict__
    and not hasattr(TimelineRow, "__post_init__"))


def event_text(event: Event, runbook: Runbook, lang: str, *,
               step_title: str | None = None) -> str:
    """The sentence for one event."""
    if step_title is None:
        step = runbook.step(event.step_id) if event.step_id else None
        step_title = step.title if step else (event.step_id or "")
    sentence = _sentences(lang).get(event.kind)
    if sentence is None:
        return str(event.kind)
    write, words = sentence
    return write(words, event.payload, TextContext(runbook, lang, step_title, event.actor))
