"""``self-test`` passes on a working installation, names what broke otherwise, and never touches
the user's folders; ``--portable`` and ``portable.txt`` keep the data beside the executable."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from runbook_assistant.cli import cli
from runbook_assistant.core import paths
from runbook_assistant.core.log.identity import KEY_FILE_NAME, DeviceIdentity
from runbook_assistant.selftest import STEPS, SelfTestFailed, check_pdf_text

DB_NAME = "runbook-assistant.sqlite3"


def _files_under(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())


def _user_folders() -> list[Path]:
    return [Path(os.environ[name]) for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME",
                                                "XDG_CONFIG_HOME")]


@pytest.fixture
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An executable's folder: ``sys.executable`` points into it; portable mode starts off."""
    folder = tmp_path / "Runbook Assistant"
    folder.mkdir()
    monkeypatch.setattr(sys, "executable", str(folder / "runbook-assistant"))
    monkeypatch.setattr(paths, "_portable_flag", False)  # restored after --portable set it
    return folder


def test_self_test_passes_every_step_and_leaves_the_user_folders_alone(qapp: object) -> None:
    before = {name: os.environ.get(name) for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME",
                                                       "XDG_CONFIG_HOME", "QT_QPA_PLATFORM")}

    result = CliRunner().invoke(cli, ["self-test"])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for name, _step in STEPS:
        assert any(line.startswith(f"self-test: ok: {name}: ") for line in lines), name
    assert lines[-1].startswith("self-test: passed in ")
    assert "0 errors" in next(line for line in lines if ": library: " in line)
    assert _files_under(*_user_folders()) == []  # no database, key, cache or settings made
    assert {name: os.environ.get(name) for name in before} == before


def test_a_broken_bundled_library_fails_the_self_test_by_name(
        tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "runbooks"
    broken.mkdir()
    shutil.copy(fixtures_dir / "broken" / "duplicate-ids.md", broken)
    monkeypatch.setattr(paths, "bundled_runbooks_dir", lambda: broken)

    result = CliRunner().invoke(cli, ["self-test"])

    assert result.exit_code == 1
    assert "self-test: FAILED: library: " in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert _files_under(*_user_folders()) == []


def test_missing_resources_fail_before_anything_is_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "nowhere")

    result = CliRunner().invoke(cli, ["self-test"])

    assert result.exit_code == 1
    assert result.stderr.startswith("self-test: FAILED: resources: ")
    assert "self-test: ok" not in result.output


def test_the_pdf_check_refuses_a_pdf_without_text() -> None:
    no_text = (b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\n2 0 obj\n<< /Length 8 >>\n"
               b"stream\n0 0 m S\n\nendstream\nendobj\n%%EOF\n")
    with pytest.raises(SelfTestFailed, match="no text"):
        check_pdf_text(no_text, "Zelftest")
    with pytest.raises(SelfTestFailed, match="not a PDF"):
        check_pdf_text(b"<html>", "Zelftest")


# --- portable mode ----------------------------------------------------------------------------
def _start_run(*options: str) -> None:
    result = CliRunner().invoke(cli, [*options, "run", "start", "email-outage", "--title",
                                      "Portable", "--actor", "Anna"])
    assert result.exit_code == 0, result.output + result.stderr


def test_portable_option_keeps_database_and_device_key_beside_the_executable(
        app_dir: Path) -> None:
    _start_run("--portable")

    data = app_dir / "data"
    assert (data / DB_NAME).is_file()
    assert (data / KEY_FILE_NAME).is_file()
    assert not any(p.name in (DB_NAME, KEY_FILE_NAME) for p in _files_under(*_user_folders()))


def test_without_portable_mode_the_data_goes_to_the_user_data_folder(app_dir: Path) -> None:
    _start_run()

    assert not (app_dir / "data").exists()
    data_home = Path(os.environ["XDG_DATA_HOME"]) / paths.APP_DIR_NAME
    assert (data_home / DB_NAME).is_file() and (data_home / KEY_FILE_NAME).is_file()


def test_a_marker_file_beside_a_bundled_executable_turns_portable_mode_on(
        app_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.default_db_path().parent == Path(os.environ["XDG_DATA_HOME"]) / paths.APP_DIR_NAME

    (app_dir / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    DeviceIdentity.load_or_create()

    assert paths.default_db_path() == app_dir.resolve() / "data" / DB_NAME
    assert (app_dir / "data" / KEY_FILE_NAME).is_file()
    assert paths.cache_db_path().is_relative_to(app_dir.resolve() / "data")


def test_the_environment_variable_switches_portable_mode_on_and_off(
        app_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNBOOK_ASSISTANT_PORTABLE", "1")
    assert paths.user_data_dir() == app_dir.resolve() / "data"
    monkeypatch.setenv("RUNBOOK_ASSISTANT_PORTABLE", "0")
    assert paths.user_data_dir() == Path(os.environ["XDG_DATA_HOME"]) / paths.APP_DIR_NAME


def test_a_portable_folder_that_cannot_hold_data_is_one_error_line(app_dir: Path) -> None:
    (app_dir / "data").write_text("not a folder", encoding="utf-8")  # as on a read-only stick

    result = CliRunner().invoke(cli, ["--portable", "run", "start", "email-outage", "--title",
                                      "T", "--actor", "Anna"])

    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot create the data folder ")
    assert "portable" in result.stderr and "Traceback" not in result.stderr
