"""The outsider's attacks on the record: each one, on a database, its copy, its JSON export and
its bundle alike, makes ``verify`` exit 1 naming what is wrong. Only the laptops' keys are out of
reach; the file itself may be changed in any way (append-only triggers dropped).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from attack_support import World, resign_json, resign_sqlite, sql

from runbook_assistant.cli import cli

KINDS = ("database", "copy", "export", "bundle")


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    made = World(tmp_path)
    made.close()
    yield made


def verify(*args: str) -> Result:
    return CliRunner().invoke(cli, ["verify", *args])


def _a(world: World) -> str:
    conn = sqlite3.connect(world.db)
    try:
        return str(conn.execute("SELECT device_id FROM runs WHERE id = ?",
                                (world.run1,)).fetchone()[0])
    finally:
        conn.close()


def _b(world: World) -> str:
    return world.b.device_id


# Each attack: (SQL for a SQLite file, the same change to a JSON export, the run exported).
Sql = Callable[[World], list[tuple[str, tuple[Any, ...]]]]
Edit = Callable[[World, dict[str, Any]], None]


def _delete_run(w: World) -> list[tuple[str, tuple[Any, ...]]]:
    return [("DELETE FROM events WHERE run_id = ?", (w.run1,)),
            ("DELETE FROM chain_heads WHERE run_id = ?", (w.run1,)),
            ("DELETE FROM runs WHERE id = ?", (w.run1,))]


def _delete_run_json(w: World, data: dict[str, Any]) -> None:
    data["events"], data["chain_heads"] = [], []


def _delete_other(w: World) -> list[tuple[str, tuple[Any, ...]]]:
    b = _b(w)
    return [("DELETE FROM events WHERE device_id = ?", (b,)),
            ("DELETE FROM chain_heads WHERE device_id = ?", (b,)),
            ("DELETE FROM runs WHERE device_id = ?", (b,)),
            ("DELETE FROM devices WHERE id = ?", (b,))]


def _delete_other_json(w: World, data: dict[str, Any]) -> None:
    b = _b(w)
    data["events"] = [e for e in data["events"] if e["device_id"] != b]
    data["chain_heads"] = [h for h in data["chain_heads"] if h["device_id"] != b]
    data["devices"] = [d for d in data["devices"] if d["id"] != b]


def _retitle(w: World) -> list[tuple[str, tuple[Any, ...]]]:
    return [("UPDATE runs SET title = 'Geen storing' WHERE id = ?", (w.run1,))]


def _retitle_json(w: World, data: dict[str, Any]) -> None:
    data["run"]["title"] = "Geen storing"


def _relabel(w: World) -> list[tuple[str, tuple[Any, ...]]]:
    return [("UPDATE runs SET mode = 'incident' WHERE id = ?", (w.run2,))]


def _relabel_json(w: World, data: dict[str, Any]) -> None:
    data["mode"] = data["run"]["mode"] = "incident"


def _cut_tail(w: World) -> list[tuple[str, tuple[Any, ...]]]:
    a = _a(w)
    return [("DELETE FROM events WHERE device_id = ? AND seq = "
             "(SELECT max(seq) FROM events WHERE device_id = ?)", (a, a)),
            ("DELETE FROM chain_heads WHERE device_id = ? AND run_id = ?", (a, w.run4))]


def _cut_tail_json(w: World, data: dict[str, Any]) -> None:
    a = _a(w)
    data["events"] = data["events"][:-1]
    data["chain_heads"] = [h for h in data["chain_heads"] if h["device_id"] != a]


def _strip_heads(w: World) -> list[tuple[str, tuple[Any, ...]]]:
    a = _a(w)
    return [("DELETE FROM chain_heads", ()),
            ("DELETE FROM events WHERE device_id = ? AND seq = "
             "(SELECT max(seq) FROM events WHERE device_id = ?)", (a, a))]


def _strip_heads_json(w: World, data: dict[str, Any]) -> None:
    data["chain_heads"] = []
    data["events"] = data["events"][:-1]


ATTACKS: dict[str, tuple[Sql | None, Edit | None, str, tuple[str, ...]]] = {
    # name: (sql, json edit, the run a JSON export holds, words one of which names the damage)
    "a whole run deleted (events, head, runs row)":
        (_delete_run, _delete_run_json, "run1", ("missing", "manifest")),
    "another laptop's whole contribution deleted":
        (_delete_other, _delete_other_json, "run1", ("held its chain", "manifest")),
    "an incident retitled": (_retitle, _retitle_json, "run1", ("title",)),
    "an exercise relabelled as an incident": (_relabel, _relabel_json, "run2", ("mode",)),
    "the whole history re-signed under new keys":
        (None, None, "run1", ("never seen by a trusted path",)),
    "the last event and its head cut off":
        (_cut_tail, _cut_tail_json, "run4", ("missing", "manifest")),
    "every chain head stripped and the last event removed":
        (_strip_heads, _strip_heads_json, "run4", ("missing", "manifest")),
}


def _attacked(world: World, kind: str, attack: str) -> list[str]:
    """Apply the attack to the kind of file; the arguments that verify it."""
    statements, edit, run, _ = ATTACKS[attack]
    if kind == "export":
        path = world.json_of_a(getattr(world, run))
        if edit is None:
            resign_json(path)
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
            edit(world, data)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return ["--db", str(world.db), "verify", str(path)]
    if kind == "bundle":
        path = world.bundle_of_a()
    elif kind == "copy":
        path = world.folder / "copy.sqlite3"
        shutil.copyfile(world.db, path)
    else:
        path = world.db
    if statements is None:
        resign_sqlite(path)
    else:
        for statement, args in statements(world):
            sql(path, statement, args=args)
    if kind == "database":
        return ["--db", str(path), "verify"]
    # This laptop's own database (--db) vouches for the devices it recorded importing.
    return ["--db", str(world.db), "verify", str(path)]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_file_is_intact_before_the_attack(world: World, kind: str) -> None:
    own = ["--db", str(world.db), "verify"]
    if kind == "export":
        args = [*own, str(world.json_of_a(world.run1))]
    elif kind == "bundle":
        args = [*own, str(world.bundle_of_a())]
    elif kind == "copy":
        shutil.copyfile(world.db, world.folder / "copy.sqlite3")
        args = [*own, str(world.folder / "copy.sqlite3")]
    else:
        args = own
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("intact: ")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_each_attack_is_caught_in_every_kind_of_file(world: World, kind: str,
                                                     attack: str) -> None:
    result = CliRunner().invoke(cli, _attacked(world, kind, attack))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: "), result.output
    words = ATTACKS[attack][3]
    assert any(word in result.output for word in words), result.output
    assert "Traceback" not in result.output


def test_a_tail_cut_is_caught_with_another_laptops_copy_as_witness(world: World) -> None:
    """A's last run cut off whole (events, head, record) in a copy: the file alone cannot tell;
    B, which imported A's log, can."""
    copy = world.folder / "copy.sqlite3"
    shutil.copyfile(world.db, copy)
    for statement, args in _delete_last_run(world):
        sql(copy, statement, args=args)
    own = ["--db", str(world.db), "verify", str(copy)]
    alone = CliRunner().invoke(cli, own)
    assert alone.exit_code == 0, alone.output  # what only a witness can prove
    result = CliRunner().invoke(cli, [*own, "--witness", str(world.b.db)])
    assert result.exit_code == 1, result.output
    assert "this log was cut: the witness" in result.stderr
    assert f"holds seq {_first_seq(world)}–" in result.stderr


def _delete_last_run(w: World) -> list[tuple[str, tuple[Any, ...]]]:
    return [("DELETE FROM events WHERE run_id = ?", (w.run4,)),
            ("DELETE FROM chain_heads WHERE run_id = ?", (w.run4,)),
            ("DELETE FROM runs WHERE id = ?", (w.run4,))]


def _first_seq(w: World) -> int:
    conn = sqlite3.connect(w.db)
    try:
        return int(conn.execute("SELECT min(seq) FROM events WHERE run_id = ?",
                                (w.run4,)).fetchone()[0])
    finally:
        conn.close()


def test_the_checkpoint_names_each_device_and_where_its_log_ends(world: World) -> None:
    result = CliRunner().invoke(cli, ["--db", str(world.db), "verify"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.split("where each log ends", 1)[1].splitlines()[1:]
    assert len(lines) == 2 and all("seen by a trusted path" in line for line in lines)
    assert all(" seq " in line and " head " in line for line in lines)
