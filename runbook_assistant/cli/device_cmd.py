"""``device [--json]``: this laptop's device id, key fingerprint and public key (for enrolment)."""

from __future__ import annotations

import json

import click

from runbook_assistant.cli import cli
from runbook_assistant.core.log.identity import DeviceIdentity


@cli.command("device")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of lines.")
def device_cmd(as_json: bool) -> None:
    """Show this laptop's device id, fingerprint and public key (made on first use).

    An administrator compares the fingerprint before enrolling the laptop on a team hub.
    """
    identity = DeviceIdentity.load_or_create()
    if as_json:
        click.echo(json.dumps({"device_id": identity.device_id,
                               "fingerprint": identity.fingerprint,
                               "public_key": identity.public_key_hex}, ensure_ascii=False))
        return
    click.echo(f"device id:   {identity.device_id}")
    click.echo(f"fingerprint: {identity.fingerprint}")
    click.echo(f"public key:  {identity.public_key_hex}")
