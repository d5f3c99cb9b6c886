"""Steps that send a message (``message=ID``): checking one logs the send.

A step such as "Zet het bericht voor inwoners op de website" names the template it sends. When it
is checked with the text that went out, the engine records the check and a ``message_sent`` in one
transaction, so the report can never say no message was logged while its step was checked. A send
already logged since the step was last checked (from the Messages tab, say) is not logged again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.ordering import parse_time
from runbook_assistant.core.run.state_types import MessageEntry, RunState
from runbook_assistant.core.runbook.model import MessageTemplate, Runbook


def sent_since_last_check(state: RunState, step_id: str, message_id: str) -> MessageEntry | None:
    """The latest send of ``message_id`` logged since ``step_id`` was last checked (or since the
    run began, when it never was); None when there is none."""
    since: datetime | None = None
    for event in state.events:
        if event.kind is EventKind.STEP_CHECKED and event.step_id == step_id:
            since = parse_time(event.occurred_at or event.wall_time)
    sent = [m for m in state.messages if m.message_id == message_id
            and (since is None or m.at >= since)]
    return max(sent, key=lambda m: m.at) if sent else None


def message_to_send(state: RunState, runbook: Runbook, step_id: str) -> MessageTemplate | None:
    """The template checking ``step_id`` should log as sent: the step's ``message=``, unless a
    send of it is already logged since the step was last checked."""
    step = runbook.step(step_id)
    if step is None or step.message is None:
        return None
    template = runbook.message(step.message)
    if template is None or sent_since_last_check(state, step.id, template.id) is not None:
        return None
    return template


def send_payload(runbook: Runbook, step_id: str, text: str, channel: str = "") -> dict[str, Any]:
    """The ``message_sent`` payload logged with the check of a message step; refuses a step that
    sends no message and an empty text."""
    step = runbook.step(step_id)
    template = runbook.message(step.message) if step is not None and step.message else None
    if template is None:
        raise CommandError.of("step_sends_no_message", step=step_id)
    if not text.strip():
        raise CommandError.of("message_text_empty")
    return {"message_id": template.id, "text": text, "step": step_id,
            "channel": channel.strip() or template.channel, "audience": template.audience}
