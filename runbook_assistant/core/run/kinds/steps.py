"""Step events: checked, reopened, skipped, decided, and a step's timer going off."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run.discipline import outcome_text
from runbook_assistant.core.run.kinds.declare import Payload, TextContext, Words, declare
from runbook_assistant.core.run.state_types import OverrideEntry
from runbook_assistant.core.run.tracks import DecisionRecord

if TYPE_CHECKING:
    from runbook_assistant.core.run.fold import RunFolder


def fold_checked(folder: RunFolder, event: Event, at: datetime) -> None:
    track = folder.steps.get(event.step_id)  # folder.track, inlined: None for no step
    if track is None:
        return
    payload = event.payload
    if payload.get("override"):  # every override is kept, also one a reopen later undid
        verified = payload.get("verified_by")
        folder.overrides.append(OverrideEntry(
            event.step_id or "", str(payload["override"]), str(payload.get("refused", "")),
            str(payload.get("overridden_by") or event.actor), at, event.id,
            str(verified) if verified else None))
    track.last_check_at = at
    if track.status == "done":
        return  # checked on two laptops: the first check since the step was reopened stays
    track.settle(event, "done", at)
    verified = payload.get("verified_by")
    track.verified_by = str(verified) if verified else None
    outcome = payload.get("outcome")
    track.outcome = str(outcome) if outcome else None


def write_checked(w: Words, p: Payload, c: TextContext) -> str:
    text = w["sentence"].format(step=c.step)
    if p.get("outcome"):
        text += w["outcome"].format(outcome=outcome_text(str(p["outcome"]), c.lang))
    text += w["verified"].format(verifier=p["verified_by"]) if p.get("verified_by") else ""
    if p.get("override"):
        text += w["override"].format(reason=p["override"],
                                     who=p.get("overridden_by") or c.actor)
    return text


# outcome: a check step's outcome (CHECK_OUTCOMES); override: the reason a refused four-eyes or
# staffing rule was set aside, with overridden_by (who) and refused (what the rule refused).
declare(EventKind.STEP_CHECKED,
        fields=("verified_by?", "outcome?", "override?", "overridden_by?", "refused?"),
        fold=fold_checked, write=write_checked, group="steps",
        en={"sentence": "Checked '{step}'", "verified": " (verified by {verifier})",
            "outcome": ": {outcome}", "override": " — OVERRIDE by {who}: {reason}"},
        nl={"sentence": "Afgevinkt: '{step}'", "verified": " (gecontroleerd door {verifier})",
            "outcome": ": {outcome}", "override": " — DOORBROKEN door {who}: {reason}"})


def fold_unchecked(folder: RunFolder, event: Event, at: datetime) -> None:
    track = folder.steps.get(event.step_id)  # folder.track, inlined: None for no step
    if track is None:
        return
    track.status = "open"
    track.by = track.verified_by = track.at = track.event_id = None
    track.reason = ""
    track.late = False
    track.period_start = len(track.decisions)  # the decisions before the reopen are undone


declare(EventKind.STEP_UNCHECKED, fields=(), fold=fold_unchecked, group="steps", replayed=False,
        en={"sentence": "Reopened '{step}'"}, nl={"sentence": "Heropend: '{step}'"})


def fold_skipped(folder: RunFolder, event: Event, at: datetime) -> None:
    track = folder.steps.get(event.step_id)  # folder.track, inlined: None for no step
    if track is None or track.status == "skipped":
        return
    track.settle(event, "skipped", at)
    track.reason = str(event.payload.get("reason", ""))


def write_skipped(w: Words, p: Payload, c: TextContext) -> str:
    reason = str(p.get("reason") or "").strip()
    return w["sentence"].format(step=c.step) + (w["reason"].format(reason=reason)
                                                 if reason else "")


declare(EventKind.STEP_SKIPPED, fields=("reason",), fold=fold_skipped, write=write_skipped,
        group="steps",
        en={"sentence": "Skipped '{step}'", "reason": ": {reason}"},
        nl={"sentence": "Overgeslagen: '{step}'", "reason": " (reden: {reason})"})


def fold_decision(folder: RunFolder, event: Event, at: datetime) -> None:
    track = folder.steps.get(event.step_id)  # folder.track, inlined: None for no step
    if track is None:
        return
    supersedes = frozenset(str(i) for i in event.payload.get("supersedes") or ())
    track.decisions.append(len(folder.decisions))
    folder.decisions.append(DecisionRecord(event, at, supersedes))
    track.settle(event, "done", at)


def write_decision(w: Words, p: Payload, c: TextContext) -> str:
    label = p.get("label") or p.get("option", "")
    text = w["sentence"].format(step=c.step, label=label)
    rationale = str(p.get("rationale") or "").strip()
    if rationale:
        text += f" — {rationale}"
    if p.get("owner") and str(p["owner"]).strip().casefold() != c.actor.strip().casefold():
        text += w["owner"].format(owner=p["owner"])
    if p.get("revisit_by"):
        text += w["revisit"].format(revisit=p["revisit_by"])
    return text


# option: the target section id; supersedes: the decisions on this step the laptop had seen.
declare(EventKind.DECISION_RECORDED,
        fields=("option", "label", "rationale", "owner", "supersedes", "revisit_by?"),
        fold=fold_decision, write=write_decision, group="decisions",
        en={"sentence": "Decided '{step}': {label}", "owner": " (owner {owner})",
            "revisit": " (revisit by {revisit})"},
        nl={"sentence": "Besluit bij '{step}': {label}", "owner": " (eigenaar {owner})",
            "revisit": " (heroverwegen uiterlijk {revisit})"})


def fold_timer(folder: RunFolder, event: Event, at: datetime) -> None:
    if event.step_id:
        folder.timers_fired[(event.step_id, str(event.payload.get("timer", "")))] = at


def write_timer(w: Words, p: Payload, c: TextContext) -> str:
    return w.get(str(p.get("timer", "")), w["sentence"]).format(step=c.step)


# timer: "due" (the sentence) | "timebox" | "every"; the event's step_id names the step.
declare(EventKind.TIMER_FIRED, fields=("timer",), fold=fold_timer, write=write_timer,
        group="timers", reaction=False, replayed=False,
        en={"sentence": "Overdue: '{step}'",
            "timebox": "Timebox exceeded: '{step}'",
            "every": "Reminder: '{step}' is due again"},
        nl={"sentence": "Te laat: '{step}'",
            "timebox": "Langer dan gepland: '{step}'",
            "every": "Herinnering: '{step}' is weer aan de beurt"})
