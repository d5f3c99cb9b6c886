"""The paperwork after a run: finalising the report, action items.

Their state (report versions, action items with their status) is worked out from the events by
``core/run/paperwork.py``, so these kinds need no fold of their own.
"""

from __future__ import annotations

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.kinds.declare import Payload, TextContext, Words, declare

declare(EventKind.REPORT_FINALISED, fields=("version",), fold=None, replayed=False,
        reaction=False,
        en={"sentence": "Report version {version} finalised"},
        nl={"sentence": "Rapport versie {version} definitief gemaakt"})


def write_action_added(w: Words, p: Payload, c: TextContext) -> str:
    due = w["due"].format(due=p["due"]) if p.get("due") else ""
    return w["sentence"].format(text=p.get("text", ""), owner=p.get("owner", ""), due=due)


# due: YYYY-MM-DD; runbook_id: a runbook the action changes.
declare(EventKind.ACTION_ADDED, fields=("text", "owner", "due?", "runbook_id?"), fold=None,
        write=write_action_added, group="notes", replayed=False, reaction=False,
        en={"sentence": "Action item: {text} (owner {owner}{due})", "due": ", due {due}"},
        nl={"sentence": "Actiepunt: {text} (eigenaar {owner}{due})", "due": ", uiterlijk {due}"})

# action: the event id of the action's action_added; text: its text, for the timeline.
declare(EventKind.ACTION_DONE, fields=("action", "text", "note?"), fold=None, group="notes",
        replayed=False, reaction=False,
        en={"sentence": "Action item done: {text}"}, nl={"sentence": "Actiepunt afgerond: {text}"})
