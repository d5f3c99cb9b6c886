"""`sync export` / `sync import` between two simulated laptops (each its own XDG_DATA_HOME)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_support import ok, refused, start_run
from click.testing import CliRunner, Result

from runbook_assistant.cli import cli
from runbook_assistant.core.log.identity import DeviceIdentity

LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "engine"


class CliLaptop:
    """The command line as run on one laptop: its own user data folder (key and database)."""

    def __init__(self, root: Path) -> None:
        self.data = root / "data"
        self.data.mkdir(parents=True)

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--library", str(LIBRARY), *args],
                                  env={"XDG_DATA_HOME": str(self.data)})

    @property
    def fingerprint(self) -> str:
        identity = DeviceIdentity.load(self.data / "runbook-assistant")
        assert identity is not None
        return identity.fingerprint

    def start(self, title: str = "Storing 18 februari") -> str:
        return start_run(self, "storing-test", title=title, participants=())

    def event_ids(self, run_id: str) -> set[str]:
        shown = ok(self("run", "show", run_id, "--json"))
        return {e["id"] for e in json.loads("\n".join(shown))["events"]}


@pytest.fixture
def a(tmp_path: Path) -> CliLaptop:
    return CliLaptop(tmp_path / "a")


@pytest.fixture
def b(tmp_path: Path) -> CliLaptop:
    return CliLaptop(tmp_path / "b")


def test_import_prints_the_new_laptop_run_and_events_then_nothing_new(
        a: CliLaptop, b: CliLaptop, tmp_path: Path) -> None:
    run_id = a.start()
    ok(a("run", "note", run_id, "Leverancier gebeld", "--actor", "Anna"))
    bundle = tmp_path / "stick" / "van-a.sqlite"
    bundle.parent.mkdir()

    exported = ok(a("sync", "export", "-o", str(bundle)))
    assert exported[0] == f"wrote {bundle}: 1 run, 2 events from 1 laptop"
    assert f"made by this laptop: {a.fingerprint}" in exported[1]

    out = "\n".join(ok(b("sync", "import", str(bundle))))
    assert f"made by {a.fingerprint}" in out
    assert f"new laptop: {a.fingerprint}" in out
    assert f"new run: {run_id}  Storing 18 februari" in out
    assert "new events: 2" in out
    assert b.event_ids(run_id) == a.event_ids(run_id)

    again = ok(b("sync", "import", str(bundle)))
    assert again[-1] == "nothing new: everything in the bundle was already here"
    assert b.event_ids(run_id) == a.event_ids(run_id)


def test_events_recorded_on_both_laptops_come_together(a: CliLaptop, b: CliLaptop,
                                                       tmp_path: Path) -> None:
    run_id = a.start()
    ok(b("sync", "import", str(_export(a, tmp_path / "1.sqlite"))))
    note_b = ok(b("run", "note", run_id, "van b", "--actor", "Bram"))[-1]
    note_a = ok(a("run", "note", run_id, "van a", "--actor", "Anna"))[-1]
    ok(a("sync", "import", str(_export(b, tmp_path / "2.sqlite"))))
    ok(b("sync", "import", str(_export(a, tmp_path / "3.sqlite"))))

    assert a.event_ids(run_id) == b.event_ids(run_id)
    assert {note_a, note_b} <= a.event_ids(run_id)
    assert "intact" in ok(b("verify"))[0]


def test_export_of_chosen_runs_only(a: CliLaptop, b: CliLaptop, tmp_path: Path) -> None:
    first, second = a.start("Eerste"), a.start("Tweede")
    bundle = tmp_path / "een.sqlite"
    out = ok(a("sync", "export", "-o", str(bundle), "--run", first[-8:]))
    assert out[0].startswith(f"wrote {bundle}: 1 run,")

    ok(b("sync", "import", str(bundle)))
    listed = "\n".join(ok(b("run", "list")))
    assert first in listed and second not in listed


def test_a_tampered_bundle_is_refused_and_nothing_merged(a: CliLaptop, b: CliLaptop,
                                                        tmp_path: Path) -> None:
    run_id = a.start()
    ok(b("sync", "import", str(_export(a, tmp_path / "1.sqlite"))))
    ok(a("run", "note", run_id, "origineel", "--actor", "Anna"))
    bundle = _export(a, tmp_path / "2.sqlite")
    with sqlite3.connect(bundle) as conn:
        conn.execute("UPDATE events SET payload = '{\"text\":\"vervalst\"}' "
                     "WHERE kind = 'note_added'")
    conn.close()
    before = b.event_ids(run_id)

    result = b("sync", "import", str(bundle))

    refused(result, f"{bundle} has been tampered with: event")
    assert "changed" in result.stderr and "Nothing was merged" in result.stderr
    assert b.event_ids(run_id) == before
    assert "TAMPERED" in a("verify", str(bundle)).stdout


def test_verify_accepts_an_intact_bundle(a: CliLaptop, tmp_path: Path) -> None:
    a.start()
    bundle = _export(a, tmp_path / "b.sqlite")
    assert ok(a("verify", str(bundle)))[0] == f"intact: {bundle}: 1 event in 1 chain checked"


@pytest.mark.parametrize("content", [b"", b"geen bundel", None])
def test_what_is_not_a_bundle_is_refused_in_one_line(b: CliLaptop, tmp_path: Path,
                                                     content: bytes | None) -> None:
    path = tmp_path / "iets.sqlite"
    if content is not None:
        path.write_bytes(content)
    refused(b("sync", "import", str(path)),
            f"{path} not found" if content is None else f"{path} is not a sync bundle")


def test_a_database_is_not_a_bundle(a: CliLaptop, b: CliLaptop) -> None:
    a.start()
    database = a.data / "runbook-assistant" / "runbook-assistant.sqlite3"
    assert database.exists()
    refused(b("sync", "import", str(database)),
            f"{database} is a Runbook Assistant database, not a sync bundle")


def test_export_errors(a: CliLaptop, tmp_path: Path) -> None:
    a.start()
    refused(a("sync", "export", "-o", str(tmp_path / "nergens" / "b.sqlite")),
            "cannot write")
    refused(a("sync", "export", "-o", str(tmp_path / "b.sqlite"), "--run", "onbekend-run"),
            "unknown run")
    assert not (tmp_path / "b.sqlite").exists()
    usage = a("sync", "export")
    assert usage.exit_code == 2 and "-o" in usage.output


def _export(laptop: CliLaptop, path: Path) -> Path:
    ok(laptop("sync", "export", "-o", str(path)))
    return path
