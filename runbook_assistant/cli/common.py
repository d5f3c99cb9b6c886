"""What the command modules share: naming a run and a step, the ``--actor`` and ``--at``
options, and how a committed event, JSON and counts are printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import click

from runbook_assistant.cli.json_text import indented
from runbook_assistant.core.errors import CommandError

if TYPE_CHECKING:
    from runbook_assistant.cli.context import AppContext
    from runbook_assistant.core.log.events import Event
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.runbook.model import Runbook

F = TypeVar("F", bound=Callable[..., Any])


def announce(engine: Engine, event: Event, *, sentence_to_stderr: bool = False) -> None:
    """The committed event's sentence (in the run's language), then its id as the last line."""
    # The run modules are imported where used: ``list`` and ``search`` import this module too.
    from runbook_assistant.core.run.timeline import event_text

    record = engine.run_record(event.run_id)
    click.echo(event_text(event, engine.runbook_of(event.run_id), record.lang),
               err=sentence_to_stderr)
    click.echo(event.id)


def echo_json(data: Any) -> None:
    """JSON for scripts: indented, UTF-8 characters as they are."""
    click.echo(indented(data))


def plural(count: int, word: str) -> str:
    """``1 event``, ``2 events``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def run_and_step(app: AppContext, run_ref: str, step: str) -> tuple[Engine, str, str]:
    """The engine, the run id RUN names, and the step id STEP names (an id or a number)."""
    engine = app.engine
    run_id = engine.resolve_run(run_ref)
    return engine, run_id, step_id_of(engine.runbook_of(run_id), step)


def step_id_of(runbook: Runbook, step: str) -> str:
    """A step id from its id or its 1-based number in the runbook."""
    if runbook.step(step) is None and step.isdigit():
        steps = runbook.steps
        number = int(step)
        if 1 <= number <= len(steps):
            return steps[number - 1].id
        raise CommandError(f"there is no step {number}: the runbook has {len(steps)} steps")
    return step


def parse_at(text: str | None, now: datetime | None = None) -> datetime | None:
    """``--at``: ISO 8601 or ``HH:MM`` today, in local time unless an offset is given."""
    if text is None:
        return None
    from runbook_assistant.core.run.discipline import parse_moment

    return parse_moment(text, now or datetime.now().astimezone())


def at_option(func: F) -> F:
    """``--at TIME``: when it happened, for an entry typed in afterwards."""
    return click.option("--at", "at", metavar="TIME", default=None,
                        help="When it happened, for an entry typed in afterwards: "
                             "HH:MM today or ISO 8601 (local time).")(func)


def actor_option(func: F) -> F:
    """``--actor NAME`` (required): who does it."""
    return click.option("--actor", required=True, metavar="NAME",
                        help="Who does it (name or initials).")(func)
