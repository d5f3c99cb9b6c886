"""``verify [FILE]``: check the hash chains and signatures of a database, export or bundle.

Exit 0 intact, 1 tampered or a device no trusted path vouches for (the first problem is named),
2 unreadable (or a witness that does not verify), 3 a --witness-hub that cannot be reached.
Never a traceback.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.errors import CoreFailure
from runbook_assistant.cli.output import echo, safe
from runbook_assistant.core import paths
from runbook_assistant.core.errors import RunbookAssistantError, VerifyError
from runbook_assistant.core.log.identity import DeviceIdentity
from runbook_assistant.core.log.proof import LogSource
from runbook_assistant.core.log.verify import VerifyReport
from runbook_assistant.core.log.verify_checks import UNWITNESSED
from runbook_assistant.core.log.verify_sources import (
    hub_witness_source,
    verify_path,
    vouched_by_database,
)
from runbook_assistant.core.sync.hub_client import HubClient, HubUnreachable, pinned_hub_keys

TAMPERED, UNREADABLE, HUB_UNREACHABLE = 1, 2, 3


@cli.command("verify")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--all-signatures", is_flag=True,
              help="Also check every event's own signature, not only each chain's signed head "
                   "(slower: about 0.1 ms per event).")
@click.option("--witness", "witnesses", multiple=True, metavar="FILE",
              type=click.Path(path_type=Path),
              help="Another laptop's database or a sync bundle to hold the file against: what "
                   "the witness holds and the file lacks was cut (may repeat).")
@click.option("--witness-hub", "hub_urls", multiple=True, metavar="URL",
              help="Ask this team hub (signed with this laptop's key; its key pinned here) for "
                   "its signed statement of the chain heads it holds, and hold the file "
                   "against it (may repeat).")
@click.option("--trust", "trusted", multiple=True, metavar="FINGERPRINT",
              help="A device key fingerprint you compared on paper or with that laptop "
                   "(may repeat).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_app
def verify(app: AppContext, file: Path | None, all_signatures: bool,
           witnesses: tuple[Path, ...], hub_urls: tuple[str, ...], trusted: tuple[str, ...],
           as_json: bool) -> None:
    """Check everything a database (default), a JSON export or a sync bundle can prove.

    Every hash, link and signature; every chain's signed head; each device's whole sequence in
    a database; every run record against its signed run_started event; the signed manifest of a
    bundle or export; SQLite's integrity check; what the imports recorded here saw. Per device
    it prints where the log ends (the checkpoint to compare with paper), and flags a device that
    no trusted path vouches for (this laptop's key, a recorded import, --witness, --trust).
    Exit 0 intact, 1 tampered or unvouched (names what is wrong), 2 unreadable.
    """
    target = file or app.database
    try:
        own_database = target.resolve() == app.database.resolve()
        if file is None and not target.exists():
            raise RunbookAssistantError(f"no database at {target}",
                                        "Give a file to check, or --db FILE.")
        asked = [_ask_hub(app, url) for url in hub_urls]
        report = verify_path(target, all_signatures=all_signatures,
                             trusted=_trusted(app, own_database), trusted_fingerprints=trusted,
                             witnesses=[*witnesses, *asked],
                             hub_keys=pinned_hub_keys(app.database))
    except HubUnreachable as exc:
        raise CoreFailure(exc, HUB_UNREACHABLE) from exc
    except RunbookAssistantError as exc:
        raise CoreFailure(exc, UNREADABLE) from exc
    except Exception as exc:  # never a traceback, whatever the file holds
        raise CoreFailure(VerifyError(f"cannot verify {target}: {exc}"), UNREADABLE) from exc
    if as_json:
        click.echo(json.dumps(_as_dict(target, report), ensure_ascii=False, indent=2))
    else:
        _print(target, report)
    if not report.ok:
        first = report.first_problem
        assert first is not None
        if all(p.what == UNWITNESSED for p in report.problems):
            raise CoreFailure(VerifyError(
                f"{safe(target)}: {first.describe()}",
                "Compare the fingerprint with the report's annex or with that laptop, then give "
                "it with --trust FINGERPRINT; or give another laptop's copy with --witness FILE."),
                TAMPERED)
        raise CoreFailure(VerifyError(
            f"{safe(target)} has been tampered with: {first.describe()}",
            "Compare it with a copy from another laptop (--witness FILE) to see what was "
            "recorded."), TAMPERED)


def _ask_hub(app: AppContext, url: str) -> LogSource:
    """The hub's signed statement of what it holds, asked now with this laptop's key."""
    client = HubClient(app.engine.store, url)
    return hub_witness_source(client.witness(), f"team hub {client.url}")


def _trusted(app: AppContext, own_database: bool) -> set[str]:
    """What this laptop vouches for: its own key, and (for another file) every device its own
    database recorded importing."""
    try:
        identity = DeviceIdentity.load(paths.user_data_dir())
    except RunbookAssistantError:
        return set()
    if identity is None:
        return set()
    if own_database:
        return {identity.device_id}  # its statements are in the file itself
    return vouched_by_database(app.database, identity.device_id)


def _print(target: Path, report: VerifyReport) -> None:
    counted = (f"{report.events_checked} event{'s' * (report.events_checked != 1)} in "
               f"{report.chains_checked} chain{'s' * (report.chains_checked != 1)}")
    if report.ok:
        echo(f"intact: {target}: {counted} checked")
    else:
        echo(f"TAMPERED: {target}: {counted} checked, {len(report.problems)} "
             f"problem{'s' * (len(report.problems) != 1)}")
        for problem in report.problems:
            echo(f"  {problem.describe()}")
    if report.signers:
        echo("signed by:")
        for signer in report.signers:
            echo(f"  {signer.device_id}  {signer.fingerprint}  "
                 f"{signer.events} event{'s' * (signer.events != 1)}")
    if report.checkpoints:
        echo("where each log ends (compare with paper or another laptop):")
        for c in report.checkpoints:
            flag = "" if c.trusted is None else ("  seen by a trusted path" if c.trusted else
                                                 "  NEVER SEEN BY A TRUSTED PATH")
            echo(f"  {c.fingerprint}  seq {c.last_seq}  {c.last_time}  head {c.head_hash[:16]}"
                 f"{flag}")


def _as_dict(target: Path, report: VerifyReport) -> dict[str, object]:
    return {
        "file": str(target),
        "kind": report.source_kind,
        "ok": report.ok,
        "events_checked": report.events_checked,
        "chains_checked": report.chains_checked,
        "signatures_checked": report.signatures_checked,
        "all_signatures": report.all_signatures,
        "signers": [s._asdict() for s in report.signers],
        "checkpoints": [asdict(c) for c in report.checkpoints],
        "problems": [{"device_id": p.device_id, "seq": p.seq, "event_id": p.event_id,
                      "what": p.what, "run_id": p.run_id, "text": p.describe()}
                     for p in report.problems],
    }
