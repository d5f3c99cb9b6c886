"""Faults at the edges: two first opens at once, a full disk at open, things that are not
regular files, files created private, library links that lead outside their folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from eventlog_helpers import add_notes, open_store, start_run

from runbook_assistant.core.errors import StoreError, SyncError, VerifyError
from runbook_assistant.core.library.scan import scan
from runbook_assistant.core.log.identity import KEY_FILE_NAME, DeviceIdentity
from runbook_assistant.core.log.store import Store
from runbook_assistant.core.log.verify_sources import verify_file
from runbook_assistant.core.runbook.parser import parse_file
from runbook_assistant.core.sync.bundle import read_bundle

PROBE = Path(__file__).with_name("first_open_probe.py")


@pytest.mark.slow
def test_many_first_opens_of_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    """Eight processes open one new file at the same moment, three times over: before, one of
    them now and then failed as "busy" (``PRAGMA journal_mode`` does not wait)."""
    for round_ in range(3):
        db = tmp_path / f"new-{round_}.sqlite3"
        start_at = time.time() + 1.5  # after every process has started and imported
        probes = [subprocess.Popen([sys.executable, str(PROBE), str(db), str(start_at)],
                                   stdout=subprocess.PIPE, text=True) for _ in range(8)]
        outputs = [p.communicate(timeout=60)[0].strip() for p in probes]
        assert outputs == ["ok"] * 8
        store = Store.open(db, identity=DeviceIdentity.generate())
        assert len(store.devices()) == 9
        store.close()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB file system of its own (tmpfs; root only)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
                          capture_output=True, check=False)
    if done.returncode:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_at_open_says_the_disk_is_full(tiny_disk: Path) -> None:
    identity = DeviceIdentity.generate()
    existing = tiny_disk / "runs.sqlite3"
    store = open_store(existing, identity)
    start_run(store)
    add_notes(store, "run-1", 3)
    store.close()
    _fill(tiny_disk)
    for path in (existing, tiny_disk / "new.sqlite3"):
        with pytest.raises(StoreError, match="the disk is full") as info:
            open_store(path, identity)
        assert "failing" not in (info.value.hint or "")
    os.unlink(tiny_disk / "filler")
    store = open_store(existing, identity)  # room again: nothing was lost
    assert len(store.events("run-1")) == 4
    store.close()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_things_that_are_not_regular_files_are_refused_at_once(fifo: Path) -> None:
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(fifo, identity=DeviceIdentity.generate())
    with pytest.raises(SyncError, match="not a regular file"):
        read_bundle(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(VerifyError, match="not a regular file"):
            verify_file(path)
    result = parse_file(fifo)
    assert result.runbook is None
    assert "not a regular file" in str(result.errors[0])


def test_the_database_key_folder_and_exports_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    identity = DeviceIdentity.load_or_create(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / KEY_FILE_NAME).stat().st_mode) == 0o600
    db = tmp_path / "runs" / "runs.sqlite3"
    store = open_store(db, identity)
    start_run(store)
    for made in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert stat.S_IMODE(made.stat().st_mode) == 0o600, made
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    from runbook_assistant.core.export.atomic import write_text_atomic

    out = tmp_path / "record.csv"
    write_text_atomic(out, ["a,b\n"])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    store.close()


def test_a_library_link_that_leads_outside_its_folder_is_not_followed(tmp_path: Path) -> None:
    library, outside = tmp_path / "library", tmp_path / "elsewhere"
    library.mkdir()
    outside.mkdir()
    (outside / "secret.md").write_text("# Not a runbook of this library\n", encoding="utf-8")
    (library / "inside.md").write_text("# Inside\n", encoding="utf-8")
    (library / "also-inside.md").symlink_to(library / "inside.md")
    (library / "leak.md").symlink_to(outside / "secret.md")
    (library / "folder").symlink_to(outside, target_is_directory=True)
    found = {s.path.name: s for s in scan(library)}
    assert not found["inside.md"].problem and not found["also-inside.md"].problem
    assert found["leak.md"].data is None
    assert "outside the library folder: not followed" in (found["leak.md"].problem or "")
    assert "outside the library folder: not followed" in (found["folder"].problem or "")
