"""The crisis-discipline attributes of steps and sections: who may verify, how many must be
present, what a timer counts from, and which statement a check step establishes.

``read_needs`` reads ``needs=netwerk:2`` (several as ``needs="netwerk:2 incident-lead:1"``);
``check_gates`` holds the rules over the whole runbook (roles declared, check names unique and
known to the messages that use them). See docs/runbook-format.md, "Four eyes" and "Checks".
"""

from __future__ import annotations

import difflib
import re

from runbook_assistant.core.runbook.diagnostics import Findings
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.core.runbook.placeholders import CHECK_NAME

_NEED = re.compile(r"([a-z0-9][a-z0-9_-]*):([0-9]{1,3})")
CHECK_NAME_RE = re.compile(rf"{CHECK_NAME}\Z")


def read_needs(value: str) -> tuple[tuple[str, int], ...]:
    """``netwerk:2`` or ``"netwerk:2, incident-lead:1"`` → ((role, count), ...); raises
    ``ValueError`` saying what is wrong."""
    result: dict[str, int] = {}
    for part in value.replace(",", " ").split():
        match = _NEED.fullmatch(part)
        if match is None:
            raise ValueError(f"cannot read '{part}' (write role:number, e.g. needs=netwerk:2)")
        count = int(match.group(2))
        if not 1 <= count <= 999:
            raise ValueError(f"'{part}': the number must be 1 to 999")
        result[match.group(1)] = count
    if not result:
        raise ValueError("name at least one role:number, e.g. needs=netwerk:2")
    return tuple(result.items())


def check_gates(runbook: Runbook, findings: Findings) -> None:
    """Rules for ``verifier=``, ``needs=``, ``.needs-staffing``, ``from=``, ``check=``,
    ``message=`` and the ``{check:NAME}`` placeholders of messages."""
    declared = {role.id for role in runbook.roles}
    hint = "which is not declared under 'roles:' in the front matter"
    for section in runbook.sections:
        for role_id, _ in section.needs:
            if role_id not in declared:
                findings.problem(section.line, f"section '{section.id}' needs role "
                                 f"'{role_id}', {hint}")
        if section.needs_staffing and not runbook.staffing:
            findings.warning(section.line, f"section '{section.id}' is marked .needs-staffing, "
                             "but the front matter has no 'staffing:' minimum")
    checks: dict[str, int] = {}
    for step in runbook.iter_steps():
        if step.verifier is not None:
            if step.verifier not in declared:
                findings.problem(step.line, f"step '{step.id}' has verifier '{step.verifier}', "
                                 f"{hint}")
            if not step.four_eyes:
                findings.warning(step.line, f"step '{step.id}' names a verifier but is not "
                                 ".four-eyes: add .four-eyes or remove verifier=")
        for role_id, _ in step.needs:
            if role_id not in declared:
                findings.problem(step.line, f"step '{step.id}' needs role '{role_id}', {hint}")
        if step.needs_staffing and not runbook.staffing:
            findings.warning(step.line, f"step '{step.id}' is marked .needs-staffing, but the "
                             "front matter has no 'staffing:' minimum")
        if step.message is not None:
            _message_step(runbook, step.id, step.message, step.decision, step.line, findings)
        if step.check is not None:
            _check_step(step.id, step.check, step.role, step.decision, step.line, checks,
                        findings)
    for message in runbook.messages:
        for name in message.checks:
            if name not in checks:
                close = difflib.get_close_matches(name, list(checks), n=1)
                tip = (f"did you mean '{{check:{close[0]}}}'?" if close else
                       "add a step with check=" + name + " and the role entitled to it")
                findings.problem(message.line, f"message '{message.id}' uses "
                                 f"'{{check:{name}}}', but no step establishes check "
                                 f"'{name}' ({tip})")


def _message_step(runbook: Runbook, step_id: str, message_id: str, decision: bool, line: int,
                  findings: Findings) -> None:
    if runbook.message(message_id) is None:
        ids = [m.id for m in runbook.messages]
        close = difflib.get_close_matches(message_id, ids, n=1)
        tip = f"did you mean '{close[0]}'?" if close else "messages: " + (", ".join(ids) or
                                                                          "none")
        findings.problem(line, f"step '{step_id}' sends message '{message_id}', which is not a "
                         f"message of this runbook ({tip})")
    if decision:
        findings.problem(line, f"step '{step_id}' is a .decision and sends a message: put the "
                         "message in a step of its own")


def _check_step(step_id: str, name: str, role: str | None, decision: bool, line: int,
                checks: dict[str, int], findings: Findings) -> None:
    if not CHECK_NAME_RE.match(name):
        findings.problem(line, f"step '{step_id}': check name '{name}' must be lower-case "
                         "letters, digits, '-' and '_' (e.g. check=security)")
    if name in checks:
        findings.problem(line, f"step '{step_id}' establishes check '{name}', as does the step "
                         f"on line {checks[name]}: give each check one step")
    else:
        checks[name] = line
    if role is None:
        findings.problem(line, f"check step '{step_id}' has no role: name the role entitled to "
                         "establish it (e.g. role=ciso)")
    if decision:
        findings.problem(line, f"check step '{step_id}' is also a .decision: its outcome is "
                         "one of ruled out / not ruled out / still under investigation; put a "
                         "decision in a step of its own")
