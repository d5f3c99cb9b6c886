"""Every kind of event, declared once: payload fields, how it folds, its sentence in nl and en.

To add a kind (the recipe in ``docs/architecture.md``): name it in ``EventKind``
(``core/log/events.py``), declare it with ``declare()`` in the module here it belongs with, give
the engine a command that records it, and test the command, the fold and both sentences.
Importing this package loads every declaration and refuses to start with a kind left undeclared.
"""

from __future__ import annotations

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.kinds import exercise, paperwork, people, records, steps
from runbook_assistant.core.run.kinds.declare import (
    EVENT_TYPES,
    GROUPS,
    LANGS,
    EventType,
    TextContext,
    check_payload,
    declare,
    event_type,
    plain_sentence,
)
from runbook_assistant.core.run.kinds.people import approval_text
from runbook_assistant.core.run.kinds.records import report_field_label, service_status_text

__all__ = ["EVENT_TYPES", "GROUPS", "LANGS", "EventType", "TextContext", "approval_text",
           "check_payload",
           "declare", "event_type", "plain_sentence", "report_field_label",
           "service_status_text"]

_MODULES = (exercise, paperwork, people, records, steps)  # imported for their declarations

_undeclared = [str(kind) for kind in EventKind if kind not in EVENT_TYPES]
if _undeclared:
    raise RuntimeError("event kinds without a declaration in core/run/kinds/: "
                       + ", ".join(_undeclared))
