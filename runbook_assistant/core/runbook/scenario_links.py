"""What a scenario's injects expect of the runbook it exercises: ids that must be there.

An inject's ``expect=`` names steps of that runbook or ``message:ID`` for its message templates.
The scenario and the runbook are two files, so the check runs where both are known (the library,
for ``validate``); an id that names nothing would leave the reaction "missed" in every debrief.
"""

from __future__ import annotations

import difflib

from runbook_assistant.core.runbook.diagnostics import Findings
from runbook_assistant.core.runbook.model import Diagnostic, Inject, Runbook

MESSAGE_PREFIX = "message:"


def unknown_expectations(inject: Inject, runbook: Runbook) -> list[str]:
    """The ``expect=`` ids of ``inject`` that name no step or message of ``runbook``."""
    step_ids = {s.id for s in runbook.steps}
    message_ids = {m.id for m in runbook.messages}
    return [item for item in inject.expect
            if (item.removeprefix(MESSAGE_PREFIX) not in message_ids
                if item.startswith(MESSAGE_PREFIX) else item not in step_ids)]


def check_expectations(scenario: Runbook, runbook: Runbook, path: str) -> list[Diagnostic]:
    """A warning at each inject of ``scenario`` (the file at ``path``) for every ``expect=`` id
    that ``runbook`` does not have, with the closest id it does have."""
    findings = Findings(path)
    step_ids = [s.id for s in runbook.steps]
    message_ids = [m.id for m in runbook.messages]
    for inject in scenario.injects:
        for item in unknown_expectations(inject, runbook):
            if item.startswith(MESSAGE_PREFIX):
                what, known, wanted = "message template", message_ids, item[len(MESSAGE_PREFIX):]
            else:
                what, known, wanted = "step", step_ids, item
            close = difflib.get_close_matches(wanted, known, n=1)
            prefix = MESSAGE_PREFIX if item.startswith(MESSAGE_PREFIX) else ""
            hint = (f" (did you mean '{prefix}{close[0]}'?)" if close else
                    f" (write a step id, or '{MESSAGE_PREFIX}' and a message id)")
            findings.warning(inject.line, f"inject expects '{item}', but runbook "
                             f"'{runbook.id}' has no {what} with that id{hint}; the debrief "
                             "would count this reaction as missed")
    return findings.items
