"""``hub init|enrol|serve``: run a team hub over PostgreSQL (needs the ``hub`` extra).

Exit 0 done; 1 refused or failed (``error:`` says why, e.g. the database cannot be reached or the
extra is not installed).
"""

from __future__ import annotations

from typing import Any

import click

from runbook_assistant.cli import cli
from runbook_assistant.cli.errors import CoreFailure
from runbook_assistant.core.errors import RunbookAssistantError

_DATABASE = click.option("--database", "url", required=True, metavar="postgresql://...",
                         envvar="RUNBOOK_HUB_DATABASE",
                         help="The hub's PostgreSQL database (or RUNBOOK_HUB_DATABASE).")


class HubGroup(click.Group):
    """A missing ``hub`` extra is a clear refusal (core errors end at the top group's boundary)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ImportError as exc:
            raise CoreFailure(RunbookAssistantError(
                f"the hub needs the 'hub' extra ({exc.name} is not installed)",
                "pip install 'runbook-assistant[hub]'")) from exc


@cli.group(cls=HubGroup)
def hub() -> None:
    """Run a team hub: one PostgreSQL database that the laptops of an organisation push their
    signed records to and pull each other's from (see docs/hub.md)."""


@hub.command("init")
@_DATABASE
def init_cmd(url: str) -> None:
    """Create or migrate the hub's tables and make the hub's key (each only once)."""
    from runbook_assistant.hub.admin import init

    result = init(url)
    applied = ", ".join(map(str, result.applied)) or "none (already up to date)"
    click.echo(f"migrations applied: {applied}")
    click.echo(f"hub key fingerprint: {result.hub_fingerprint}  (device {result.hub_device})")


@hub.command("enrol")
@_DATABASE
@click.option("--org", required=True, help="The organisation (municipality), e.g. 'utrecht'.")
@click.option("--key", "public_key", required=True, metavar="HEX",
              help="The laptop's public key, as `runbook-assistant device` shows it.")
@click.option("--name", default="", help="A name for the laptop, e.g. 'laptop CCB 2'.")
def enrol_cmd(url: str, org: str, public_key: str, name: str) -> None:
    """Enrol a laptop into an organisation; compare the fingerprint printed here with the one
    the laptop shows before trusting it."""
    from runbook_assistant.hub.admin import enrol

    done = enrol(url, org, public_key, name)
    verb = "enrolled" if done.new else "already enrolled"
    click.echo(f"{verb}: {done.fingerprint}  device {done.device_id}  in {done.org}")


@hub.command("serve")
@_DATABASE
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Hub processes (they share nothing but the database).")
@click.option("--ssl-certfile", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TLS certificate (PEM); with --ssl-keyfile the hub speaks https.")
@click.option("--ssl-keyfile", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TLS private key (PEM).")
def serve_cmd(url: str, host: str, port: int, workers: int, ssl_certfile: str | None,
              ssl_keyfile: str | None) -> None:
    """Serve the hub over HTTP (uvicorn) until stopped."""
    import os

    import uvicorn

    from runbook_assistant.hub.admin import check_ready

    check_ready(url)  # a clear error now rather than a failing worker
    os.environ["RUNBOOK_HUB_DATABASE"] = url  # the factory reads it, in every worker
    scheme = "https" if ssl_certfile else "http"
    click.echo(f"serving the team hub on {scheme}://{host}:{port} ({workers} "
               f"process{'es' * (workers != 1)}); Ctrl+C stops it")
    uvicorn.run("runbook_assistant.hub.app:app_from_environment", factory=True, host=host,
                port=port, workers=workers, ssl_certfile=ssl_certfile, ssl_keyfile=ssl_keyfile,
                log_level="warning", access_log=False)
