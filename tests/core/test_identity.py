"""This laptop's identity: key file, device id, fingerprint, signatures."""

from __future__ import annotations

import os
import re
import stat
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from eventlog_helpers import run_with_permissions_enforced

from runbook_assistant.core import paths
from runbook_assistant.core.errors import StoreError
from runbook_assistant.core.log.identity import (
    KEY_FILE_NAME,
    DeviceIdentity,
    device_id_of,
    fingerprint_of,
    key_matches_device,
    verify_signature,
)


def test_made_once_then_loaded(tmp_path: Path) -> None:
    first = DeviceIdentity.load_or_create(tmp_path)
    again = DeviceIdentity.load_or_create(tmp_path)
    assert again.device_id == first.device_id
    assert again.public_key == first.public_key
    assert uuid.UUID(first.device_id)
    key_file = tmp_path / KEY_FILE_NAME
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().startswith("-----BEGIN PRIVATE KEY-----")


def test_default_folder_is_the_user_data_folder() -> None:
    identity = DeviceIdentity.load_or_create()
    assert (paths.user_data_dir() / KEY_FILE_NAME).exists()
    loaded = DeviceIdentity.load(paths.user_data_dir())
    assert loaded is not None and loaded.device_id == identity.device_id


def test_two_laptops_have_different_ids(tmp_path: Path) -> None:
    a = DeviceIdentity.load_or_create(tmp_path / "a")
    b = DeviceIdentity.load_or_create(tmp_path / "b")
    assert a.device_id != b.device_id and a.fingerprint != b.fingerprint


def test_starting_at_once_gives_one_identity(tmp_path: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        ids = set(pool.map(lambda _: DeviceIdentity.load_or_create(tmp_path).device_id, range(16)))
    assert len(ids) == 1
    assert [p.name for p in tmp_path.iterdir()] == [KEY_FILE_NAME]  # no temporary files left


def test_fingerprint_is_short_and_readable_aloud(tmp_path: Path) -> None:
    identity = DeviceIdentity.load_or_create(tmp_path)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}",
                        identity.fingerprint)
    assert fingerprint_of(identity.public_key_hex) == identity.fingerprint


def test_signatures_verify_only_with_the_right_key_and_data(tmp_path: Path) -> None:
    a = DeviceIdentity.load_or_create(tmp_path / "a")
    b = DeviceIdentity.load_or_create(tmp_path / "b")
    sig = a.sign(b"hello")
    assert verify_signature(a.public_key_hex, b"hello", sig)
    assert not verify_signature(a.public_key_hex, b"hellO", sig)
    assert not verify_signature(b.public_key_hex, b"hello", sig)
    assert not verify_signature(a.public_key_hex, b"hello", "zz")
    assert not verify_signature("not hex", b"hello", sig)


def test_device_id_is_bound_to_the_key(tmp_path: Path) -> None:
    a = DeviceIdentity.load_or_create(tmp_path / "a")
    b = DeviceIdentity.load_or_create(tmp_path / "b")
    assert device_id_of(a.public_key) == a.device_id
    assert key_matches_device(a.device_id, a.public_key_hex)
    assert not key_matches_device(a.device_id, b.public_key_hex)
    assert not key_matches_device(a.device_id, "nonsense")


def test_damaged_key_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE_NAME).write_text("garbage")
    with pytest.raises(StoreError, match=r"device key .* is damaged"):
        DeviceIdentity.load_or_create(tmp_path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    done = run_with_permissions_enforced([
        sys.executable, "-c",
        "import sys; from pathlib import Path; "
        "from runbook_assistant.core.errors import StoreError; "
        "from runbook_assistant.core.log.identity import DeviceIdentity\n"
        "try:\n    DeviceIdentity.load_or_create(Path(sys.argv[1]))\n"
        "except StoreError as exc:\n    print(exc.message)", str(folder)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"cannot save the device key in {folder}")
