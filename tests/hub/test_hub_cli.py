"""The hub from the command line: device, hub init|enrol, sync push|pull --hub."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from hub_support import HubProcess
from pg_cluster import free_port

from runbook_assistant.cli import cli

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "engine"


class CliLaptop:
    """The command line as run on one laptop: its own user data folder (key and database)."""

    def __init__(self, root: Path) -> None:
        self.data = root / "data"
        self.data.mkdir(parents=True)

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--library", str(LIBRARY), *args],
                                  env={"XDG_DATA_HOME": str(self.data)})

    def device(self) -> dict[str, str]:
        result = self("device", "--json")
        assert result.exit_code == 0, result.output
        return dict(json.loads(result.stdout))

    def ok(self, *args: str) -> list[str]:
        result = self(*args)
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()


def _admin(*args: str) -> list[str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_device_shows_the_id_fingerprint_and_key_of_this_laptop(tmp_path: Path) -> None:
    laptop = CliLaptop(tmp_path / "a")
    shown = laptop.device()
    lines = laptop.ok("device")
    assert lines == [f"device id:   {shown['device_id']}",
                     f"fingerprint: {shown['fingerprint']}",
                     f"public key:  {shown['public_key']}"]
    assert laptop.device() == shown  # made once, then the same


def test_two_enrolled_laptops_share_their_runs_and_a_stranger_is_refused(
        hub: HubProcess, tmp_path: Path) -> None:
    a, b, c = (CliLaptop(tmp_path / name) for name in "abc")
    for laptop in (a, b):
        key = laptop.device()
        lines = _admin("hub", "enrol", "--database", hub.database, "--org", "utrecht",
                       "--key", key["public_key"])
        assert lines == [f"enrolled: {key['fingerprint']}  device {key['device_id']}  "
                         "in utrecht"]
    run_a = a.ok("run", "start", "storing-test", "--title", "A", "--actor", "Anna")[-1]
    run_b = b.ok("run", "start", "storing-test", "--title", "B", "--actor", "Bram")[-1]
    for laptop in (a, b):
        out = laptop.ok("sync", "push", "--hub", hub.url)
        assert out[0].startswith(f"pushed to {hub.url}: 1 run")
        assert out[-1].startswith("receipt: signed by the hub at ")
    assert a.ok("sync", "push", "--hub", hub.url) == [
        f"nothing to push: {hub.url} has everything of this laptop"]
    for laptop in (a, b):
        laptop.ok("sync", "pull", "--hub", hub.url)
        listed = "\n".join(laptop.ok("run", "list"))
        assert run_a in listed and run_b in listed
        assert laptop("verify").exit_code == 0
    assert b.ok("sync", "pull", "--hub", hub.url) == [f"nothing new on {hub.url}"]

    c.ok("run", "start", "storing-test", "--title", "C", "--actor", "Cor")
    refused = c("sync", "push", "--hub", hub.url)
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: the hub refused: device ")
    assert "is not enrolled on this hub" in refused.stderr


def test_an_unreachable_hub_exits_3_and_changes_nothing(tmp_path: Path) -> None:
    a = CliLaptop(tmp_path / "a")
    a.ok("run", "start", "storing-test", "--title", "A", "--actor", "Anna")
    url = f"http://127.0.0.1:{free_port()}"
    result = a("sync", "push", "--hub", url)
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"error: the hub at {url} cannot be reached")
    assert "hint: Work goes on locally" in result.stderr
    assert a("sync", "pull", "--hub", "ftp://x").exit_code == 1


def test_hub_init_is_repeatable_and_refuses_a_wrong_key(hub: HubProcess) -> None:
    lines = _admin("hub", "init", "--database", hub.database)
    assert lines[0] == "migrations applied: none (already up to date)"
    assert lines[1].startswith("hub key fingerprint: ")
    result = CliRunner().invoke(cli, ["hub", "enrol", "--database", hub.database, "--org",
                                      "utrecht", "--key", "abc"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: the public key must be 64 hexadecimal characters")
    result = CliRunner().invoke(cli, ["hub", "init", "--database",
                                      f"postgresql://nobody@127.0.0.1:{free_port()}/x"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot connect to the hub database")
