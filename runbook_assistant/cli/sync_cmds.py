"""``sync export`` and ``sync import``: bundles between laptops, checked whole before merging.

``import`` exits 0 when merged (printing what was new), 1 when refused (nothing merged). It never
prompts: a laptop seen for the first time is accepted and named by its key fingerprint.

``push --hub URL`` and ``pull --hub URL`` exchange the same bundles with a team hub: exit 0 done,
1 refused (nothing merged), 3 the hub cannot be reached (nothing changed; work on locally).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.common import plural
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.errors import exit_code_for
from runbook_assistant.core.atomic import atomic_path
from runbook_assistant.core.sync.exchange import (
    ExportResult,
    ImportResult,
    export_bundle,
    import_bundle,
)
from runbook_assistant.core.sync.hub_client import HubClient, HubUnreachable

UNREACHABLE = 3


# A hub that cannot be reached ends the command with its own exit code (docs/cli.md).
exit_code_for(HubUnreachable, UNREACHABLE)


@cli.group()
def sync() -> None:
    """Bring the records of several laptops together, through a file (USB stick, share).

    A bundle carries every event of its runs, signed by the laptops that recorded them.
    """


@sync.command("export")
@click.option("-o", "--output", "output", required=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path),
              help="The bundle to write (a SQLite file; replaced if it exists).")
@click.option("--run", "run_refs", multiple=True, metavar="RUN",
              help="Only this run (may repeat; default: every run).")
@pass_app
def export_cmd(app: AppContext, output: Path, run_refs: tuple[str, ...]) -> None:
    """Write a sync bundle of every run (or of each --run) to FILE."""
    engine = app.engine
    run_ids = [engine.resolve_run(ref) for ref in run_refs] if run_refs else None
    _print_export(export_bundle(engine.store, output, run_ids))


@sync.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def import_cmd(app: AppContext, file: Path) -> None:
    """Check the bundle FILE whole and merge what is new; refuse it (nothing merged) when any
    event, chain or signature does not hold."""
    _print_import(import_bundle(app.engine.store, file))


_HUB = click.option("--hub", "url", required=True, metavar="URL",
                    help="The team hub, e.g. https://hub.example.nl (see docs/hub.md).")


@sync.command("push")
@_HUB
@click.option("--receipt", "receipt_path", metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path),
              help="Also save the hub's signed statement of everything it holds of this "
                   "organisation, after the push: a witness for `verify --witness FILE`.")
@pass_app
def push_cmd(app: AppContext, url: str, receipt_path: Path | None) -> None:
    """Send the team hub every run it lacks part of; print its signed receipt."""
    client = HubClient(app.engine.store, url)
    result = client.push()
    if result.receipt is None:
        click.echo(f"nothing to push: {client.url} has everything of this laptop")
    else:
        body = result.receipt.body
        click.echo(f"pushed to {client.url}: {plural(result.runs, 'run')}, "
                   f"{plural(result.events, 'event')} checked by the hub")
        click.echo(f"new on the hub: {plural(int(body['new_events']), 'event')}")
        click.echo(f"receipt: signed by the hub at {body['received_at']}, "
                   f"organisation {body['org']}")
    if receipt_path is not None:
        statement = client.witness()
        with atomic_path(receipt_path, example="hub-receipt.json") as temp:
            temp.write_text(json.dumps(statement, indent=1, sort_keys=True) + "\n",
                            encoding="utf-8")
        recorded = statement["statement"]
        chains = len(json.loads(recorded["body"]).get("heads") or [])
        click.echo(f"witness statement: {receipt_path} ({plural(chains, 'chain')} held by the "
                   f"hub, signed at {recorded['recorded_at']})")


@sync.command("pull")
@_HUB
@pass_app
def pull_cmd(app: AppContext, url: str) -> None:
    """Merge what the team hub has that this laptop lacks (checked whole, as a bundle)."""
    client = HubClient(app.engine.store, url)
    result = client.pull()
    if result.imported is None or result.imported.nothing_new:
        click.echo(f"nothing new on {client.url}")
        return
    _print_merged(result.imported)


def _print_export(result: ExportResult) -> None:
    m = result.manifest
    events = sum(s.events for s in result.signers)
    click.echo(f"wrote {result.path}: {plural(len(result.runs), 'run')}, "
               f"{plural(events, 'event')} from {plural(len(result.signers), 'laptop')}")
    click.echo(f"made by this laptop: {m.fingerprint}  (device {m.made_by})")
    for run in result.runs:
        click.echo(f"  run {run.id}  {run.title}")
    for signer in result.signers:
        click.echo(f"  laptop {signer.fingerprint}  {signer.device.id}  "
                   f"{plural(signer.events, 'event')}")


def _print_import(result: ImportResult) -> None:
    m, merged = result.manifest, result.merged
    click.echo(f"bundle {result.path}: made by {m.fingerprint} (device {m.made_by}) at "
               f"{m.made_at}, Runbook Assistant {m.app_version}")
    click.echo(f"checked: {plural(merged.events_offered, 'event')} of "
               f"{plural(len(result.signers), 'laptop')}, every chain and signature intact")
    if result.nothing_new:
        click.echo("nothing new: everything in the bundle was already here")
        return
    _print_merged(result)


def _print_merged(result: ImportResult) -> None:
    merged = result.merged
    for signer in result.signers:
        if signer.new:
            click.echo(f"new laptop: {signer.fingerprint}  {signer.device.id}  "
                       f"{signer.device.name or '-'}  first seen now "
                       "(compare this fingerprint with the one that laptop shows)")
    runs = {r.id: r for r in result.runs}
    for run in merged.new_runs:
        click.echo(f"new run: {run.id}  {run.title}")
    click.echo(f"new events: {merged.new_events}")
    for run_id, count in sorted(merged.new_events_by_run.items()):
        title = runs[run_id].title if run_id in runs else ""
        click.echo(f"  run {run_id}  {title}: {plural(count, 'new event')}")
