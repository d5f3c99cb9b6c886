"""``verify [FILE]``: check the hash chains and signatures of a database, export or bundle.

Exit 0 intact, 1 tampered (the first bad event is named), 2 unreadable. Never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.context import AppContext
from runbook_assistant.core import paths
from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.verify import VerifyReport
from runbook_assistant.core.log.verify_sources import verify_file

TAMPERED, UNREADABLE = 1, 2


class VerifyFailed(click.ClickException):
    """Exit 1 or 2 with ``error: ...`` (and a hint) on stderr; a ClickException, so that both
    the console entry point and click's own runner give the exit code."""

    def __init__(self, exit_code: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.hint = hint

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.message}", err=True)
        if self.hint:
            click.echo(f"hint: {self.hint}", err=True)


@cli.command("verify")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--all-signatures", is_flag=True,
              help="Also check every event's own signature, not only each chain's signed head "
                   "(slower: about 0.1 ms per event).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_app
def verify(app: AppContext, file: Path | None, all_signatures: bool, as_json: bool) -> None:
    """Check the hash chains of the database (default), a JSON export or a sync bundle.

    Every event's hash is recomputed, every link to the event before it followed, and each
    chain's signed head checked against its laptop's key. Exit 0 intact, 1 tampered (names the
    first bad event and what is wrong), 2 unreadable.

    FILE is a database, a sync bundle (a SQLite file with the same tables) or a JSON export:
    {"events": [...], "devices": [{"id", "public_key"}], "chain_heads": [...]} (chain_heads
    optional; anything else in it is derived from the events and not checked).
    """
    target = file or app.database
    try:
        own_database = target.resolve() == app.database.resolve()
        if file is None and not target.exists():
            raise RunbookAssistantError(f"no database at {target}",
                                        "Give a file to check, or --db FILE.")
        report = verify_file(target, all_signatures=all_signatures,
                             gap_free_devices=_this_laptop() if own_database else ())
    except RunbookAssistantError as exc:
        raise VerifyFailed(UNREADABLE, exc.message, exc.hint) from exc
    except Exception as exc:  # never a traceback, whatever the file holds
        raise VerifyFailed(UNREADABLE, f"cannot verify {target}: {exc}") from exc
    if as_json:
        click.echo(json.dumps(_as_dict(target, report), ensure_ascii=False, indent=2))
    else:
        _print(target, report)
    if not report.ok:
        first = report.first_problem
        assert first is not None
        raise VerifyFailed(TAMPERED, f"{target} has been tampered with: {first.describe()}",
                           "Compare it with a copy from another laptop (a sync bundle or "
                           "export) to see what was recorded.")


def _this_laptop() -> set[str]:
    """This laptop's device id, if it has one: all its events must be in its own database."""
    try:
        identity = DeviceIdentity.load(paths.user_data_dir())
    except RunbookAssistantError:
        return set()
    return {identity.device_id} if identity else set()


def _print(target: Path, report: VerifyReport) -> None:
    counted = (f"{report.events_checked} event{'s' * (report.events_checked != 1)} in "
               f"{report.chains_checked} chain{'s' * (report.chains_checked != 1)}")
    if report.ok:
        click.echo(f"intact: {target}: {counted} checked")
    else:
        click.echo(f"TAMPERED: {target}: {counted} checked, {len(report.problems)} "
                   f"problem{'s' * (len(report.problems) != 1)}")
        for problem in report.problems:
            click.echo(f"  {problem.describe()}")
    if report.signers:
        click.echo("signed by:")
        for signer in report.signers:
            click.echo(f"  {signer.device_id}  {signer.fingerprint}  "
                       f"{signer.events} event{'s' * (signer.events != 1)}")


def _as_dict(target: Path, report: VerifyReport) -> dict[str, object]:
    return {
        "file": str(target),
        "ok": report.ok,
        "events_checked": report.events_checked,
        "chains_checked": report.chains_checked,
        "signatures_checked": report.signatures_checked,
        "all_signatures": report.all_signatures,
        "signers": [s._asdict() for s in report.signers],
        "problems": [{"device_id": p.device_id, "seq": p.seq, "event_id": p.event_id,
                      "what": p.what, "run_id": p.run_id, "text": p.describe()}
                     for p in report.problems],
    }
