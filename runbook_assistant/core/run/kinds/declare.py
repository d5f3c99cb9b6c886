"""``EventType``: everything the app knows about one kind of event, declared in one call.

A declaration names the kind, its payload fields, how the fold takes it into the run's state,
and its timeline sentence in English and Dutch (every view, export and CLI line uses that
sentence). The log (``core/log``) stores and verifies any kind in ``EventKind``; everything after
that — state, timeline, filters, debrief, scenario drafts — reads the declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.run.fold import RunFolder

LANGS = ("en", "nl")
# Timeline filter groups (the Timeline tab offers one filter per group).
GROUPS = ("steps", "decisions", "notes", "timers", "services", "messages", "people", "run")

Words = Mapping[str, str]
Payload = Mapping[str, Any]
FoldFn = Callable[["RunFolder", Event, datetime], None]


@dataclass(frozen=True)
class TextContext:
    """What a sentence may name besides the payload: the step's title, who did it, the runbook."""

    runbook: Runbook
    lang: str
    step: str
    actor: str

    def role(self, role: Any) -> str:
        """A role id as the runbook names it."""
        return self.runbook.role_name(str(role)) if role else ""


WriteFn = Callable[[Words, Payload, TextContext], str]


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def plain_sentence(words: Words, payload: Payload, context: TextContext) -> str:
    """The default sentence: ``words[kind]`` filled with the payload, ``{step}`` and ``{actor}``.

    A field the event lacks reads as empty text.
    """
    return words["sentence"].format_map(_Blank(payload, step=context.step, actor=context.actor))


@dataclass(frozen=True)
class EventType:
    """One declared kind of event."""

    kind: EventKind
    fields: tuple[str, ...]  # payload keys; a trailing "?" marks an optional one
    fold: FoldFn | None  # how the run's state takes it in; None: the timeline only shows it
    words: Mapping[str, Words]  # per language; "sentence" is the main one
    write: WriteFn = plain_sentence  # the sentence from the words, the payload and the context
    group: str = "run"  # the timeline filter it falls under (GROUPS)
    reaction: bool = True  # debrief: something the players did (not the clock, not the trainer)
    replayed: bool = True  # a scenario drafted from a run turns it into an inject

    @property
    def required(self) -> frozenset[str]:
        return frozenset(f for f in self.fields if not f.endswith("?"))

    @property
    def allowed(self) -> frozenset[str]:
        return frozenset(f.rstrip("?") for f in self.fields)

    def text(self, payload: Payload, context: TextContext) -> str:
        """The event's sentence in ``context.lang`` (English for a language not declared)."""
        return self.write(self.words.get(context.lang) or self.words["en"], payload, context)


EVENT_TYPES: dict[EventKind, EventType] = {}


def declare(kind: EventKind, *, fields: tuple[str, ...], fold: FoldFn | None,
            en: Words, nl: Words, write: WriteFn = plain_sentence, group: str = "run",
            reaction: bool = True, replayed: bool = True) -> EventType:
    """Declare an event kind (once); the English and Dutch words must have the same keys."""
    if "sentence" not in en or set(en) != set(nl):
        raise ValueError(f"{kind}: English and Dutch words must both give 'sentence' and the "
                         f"same keys (differ in: {sorted(set(en) ^ set(nl))})")
    if group not in GROUPS:
        raise ValueError(f"{kind}: unknown timeline group {group!r}; use one of {GROUPS}")
    if kind in EVENT_TYPES:
        raise ValueError(f"event kind {kind} is declared twice")
    declared = EventType(kind, fields, fold, {"en": en, "nl": nl}, write, group, reaction,
                         replayed)
    EVENT_TYPES[kind] = declared
    return declared


def event_type(kind: EventKind) -> EventType:
    """The declaration of ``kind``."""
    return EVENT_TYPES[kind]


def check_payload(kind: EventKind, payload: Payload) -> None:
    """Refuse (ValueError) a payload that lacks a required field or has an undeclared one.

    The engine calls this before it appends, so a declaration's field list is a promise about
    every event this version writes. Events from other laptops are folded as they are.
    """
    declared = EVENT_TYPES[kind]
    keys = payload.keys()
    missing = declared.required - keys
    extra = keys - declared.allowed
    if missing or extra:
        raise ValueError(f"{kind} payload: missing {sorted(missing)}, undeclared {sorted(extra)}; "
                         f"declare the fields in core/run/kinds/")
