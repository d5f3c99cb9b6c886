"""The hub as a witness: its signed statement of what it holds catches a log cut at its tail,
saved as a receipt (``sync push --receipt``) or asked at once (``verify --witness-hub``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import Result
from hub_support import HubProcess
from pg_cluster import free_port
from test_hub_cli import CliLaptop, _admin


def _database(laptop: CliLaptop) -> Path:
    """The laptop's database in its user data folder (where the app and the CLI keep it)."""
    (found,) = laptop.data.rglob("runbook-assistant.sqlite3")
    return found


def _enrolled(hub: HubProcess, folder: Path) -> CliLaptop:
    laptop = CliLaptop(folder)
    _admin("hub", "enrol", "--database", hub.database, "--org", "utrecht", "--key",
           laptop.device()["public_key"])
    return laptop


def _cut_copy(a: CliLaptop, run_id: str, copy: Path) -> None:
    """A copy of the laptop's database without its last run (events, head and record): the
    file alone cannot tell."""
    source = sqlite3.connect(_database(a))
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    for trigger in ("events_no_delete",):
        target.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table, column in (("events", "run_id"), ("chain_heads", "run_id"), ("runs", "id")):
        target.execute(f"DELETE FROM {table} WHERE {column} = ?", (run_id,))
    target.commit()
    target.close()


def _seqs(a: CliLaptop, run_id: str) -> tuple[int, int]:
    conn = sqlite3.connect(_database(a))
    try:
        low, high = conn.execute("SELECT min(seq), max(seq) FROM events WHERE run_id = ?",
                                 (run_id,)).fetchone()
        return int(low), int(high)
    finally:
        conn.close()


def _cut(result: Result, run_id: str, last: int) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ")
    assert "this log was cut: the witness" in result.stderr
    assert f"holds its chain in run {run_id} up to seq {last}" in result.stderr
    assert "this file holds none of it" in result.stderr


def test_a_log_cut_at_its_tail_is_caught_by_the_hubs_receipt_and_by_the_hub_itself(
        hub: HubProcess, tmp_path: Path) -> None:
    a = _enrolled(hub, tmp_path / "a")
    a.ok("run", "start", "storing-test", "--title", "Eerste", "--actor", "Anna")
    a.ok("sync", "push", "--hub", hub.url)
    last_run = a.ok("run", "start", "storing-test", "--title", "Tweede", "--actor", "Anna")[-1]
    for i in range(3):
        a.ok("run", "note", last_run, f"Melding {i}", "--actor", "Anna")
    receipt = tmp_path / "receipt.json"
    out = a.ok("sync", "push", "--hub", hub.url, "--receipt", str(receipt))
    assert out[-1].startswith(f"witness statement: {receipt} (2 chains held by the hub, "
                              "signed at ")
    saved = json.loads(receipt.read_text(encoding="utf-8"))
    assert saved["kind"] == "runbook-assistant hub witness" and saved["hub"] == hub.url

    b = _enrolled(hub, tmp_path / "b")  # a run this laptop never pulled is no cut of its log
    b.ok("run", "start", "storing-test", "--title", "Elders", "--actor", "Bram")
    b.ok("sync", "push", "--hub", hub.url)

    # The intact log agrees with both.
    assert a("verify", "--witness", str(receipt)).exit_code == 0
    assert a("verify", "--witness-hub", hub.url).exit_code == 0

    copy = tmp_path / "copy.sqlite3"
    _cut_copy(a, last_run, copy)
    alone = a("verify", str(copy))
    assert alone.exit_code == 0, alone.output  # what only a witness can prove
    _, last = _seqs(a, last_run)
    _cut(a("verify", str(copy), "--witness", str(receipt)), last_run, last)
    _cut(a("verify", str(copy), "--witness-hub", hub.url), last_run, last)


def test_a_hub_statement_is_a_witness_only_with_a_trusted_key_and_intact(
        hub: HubProcess, tmp_path: Path) -> None:
    a = _enrolled(hub, tmp_path / "a")
    a.ok("run", "start", "storing-test", "--title", "Eerste", "--actor", "Anna")
    receipt = tmp_path / "receipt.json"
    a.ok("sync", "push", "--hub", hub.url, "--receipt", str(receipt))

    # Another laptop never met that hub: it has not pinned its key.
    other = CliLaptop(tmp_path / "other")
    other.ok("run", "start", "storing-test", "--title", "Eigen", "--actor", "Bram")
    untrusted = other("verify", str(_database(a)), "--witness", str(receipt))
    assert untrusted.exit_code == 2, untrusted.output
    assert "which this laptop never pinned" in untrusted.stderr
    fingerprint = untrusted.stderr.split("hub key ", 1)[1].split(",", 1)[0]
    trusted = other("verify", str(_database(a)), "--witness", str(receipt), "--trust",
                    fingerprint)
    assert trusted.exit_code == 0, trusted.output  # the hub vouches for the laptops it holds

    saved = json.loads(receipt.read_text(encoding="utf-8"))
    body = json.loads(saved["statement"]["body"])
    body["heads"][0][2] -= 1  # claims less than it signed
    saved["statement"]["body"] = json.dumps(body)
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(saved), encoding="utf-8")
    refused = a("verify", "--witness", str(forged))
    assert refused.exit_code == 2, refused.output
    assert "does not verify itself" in refused.stderr

    unreachable = a("verify", "--witness-hub", f"http://127.0.0.1:{free_port()}")
    assert unreachable.exit_code == 3, unreachable.output
    assert "cannot be reached" in unreachable.stderr


def test_the_hub_records_a_signed_statement_of_each_push_that_added_anything(
        hub: HubProcess, tmp_path: Path) -> None:
    from hub_support import count_rows

    a = _enrolled(hub, tmp_path / "a")
    run_id = a.ok("run", "start", "storing-test", "--title", "Eerste", "--actor", "Anna")[-1]
    a.ok("sync", "push", "--hub", hub.url)
    assert count_rows(hub.database, "witness") == 1
    a.ok("sync", "push", "--hub", hub.url)  # nothing to push: nothing stated
    assert count_rows(hub.database, "witness") == 1
    a.ok("run", "note", run_id, "Later", "--actor", "Anna")
    a.ok("sync", "push", "--hub", hub.url)
    assert count_rows(hub.database, "witness") == 2
