"""The built desktop bundle (PyInstaller, one folder) works on its own: its self-test passes, also
on a machine without fonts, it lists the bundled library, writes nothing beside its own files,
and keeps its data beside the executable when a portable.txt is there.

Point ``RUNBOOK_ASSISTANT_BUNDLE`` at the bundle folder (``build/build.sh`` makes
``dist/runbook-assistant``); without it these tests are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.log.identity import KEY_FILE_NAME
from runbook_assistant.selftest import STEPS

pytestmark = pytest.mark.e2e

BUNDLE_ENV = "RUNBOOK_ASSISTANT_BUNDLE"
REPO = Path(__file__).resolve().parents[2]
EXE_NAME = "runbook-assistant.exe" if sys.platform == "win32" else "runbook-assistant"
TIMEOUT_S = 120
NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{empty}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = os.environ.get(BUNDLE_ENV)
    if not folder:
        pytest.skip(f"no bundle to test: set {BUNDLE_ENV} to a built bundle folder "
                    "(build/build.sh makes dist/runbook-assistant)")
    path = Path(folder).resolve()
    assert (path / EXE_NAME).is_file(), f"{BUNDLE_ENV}={folder} holds no {EXE_NAME}"
    return path


@pytest.fixture
def env() -> dict[str, str]:
    """Offscreen; the user folders are the per-test ones conftest made (XDG_*)."""
    made = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    made.pop("RUNBOOK_ASSISTANT_PORTABLE", None)
    return made


def _run(exe: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=TIMEOUT_S, check=False)


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def test_the_bundle_passes_its_self_test(bundle: Path, env: dict[str, str]) -> None:
    done = _run(bundle / EXE_NAME, "self-test", env=env)

    assert done.returncode == 0, done.stdout + done.stderr
    for name, _step in STEPS:
        assert f"self-test: ok: {name}: " in done.stdout, name
    assert "self-test: passed" in done.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="hides the system fonts with fontconfig")
def test_pdfs_have_text_on_a_machine_without_fonts(bundle: Path, env: dict[str, str],
                                                   tmp_path: Path) -> None:
    (tmp_path / "no-fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_FONTS_CONF.format(empty=tmp_path / "no-fonts", cache=tmp_path / "fc"),
                    encoding="utf-8")

    done = _run(bundle / EXE_NAME, "self-test", env={**env, "FONTCONFIG_FILE": str(conf)})

    assert done.returncode == 0, done.stdout + done.stderr
    pdf_line = next(line for line in done.stdout.splitlines() if ": pdf: " in line)
    assert "DejaVuSans" in pdf_line  # the font shipped in resources/fonts


def test_the_bundle_lists_the_same_library_as_the_source(bundle: Path,
                                                         env: dict[str, str]) -> None:
    done = _run(bundle / EXE_NAME, "list", "--json", env=env)

    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    source = Library([REPO / "runbooks"], cache_path=None)
    assert sorted(item["id"] for item in listed) == sorted(rb.id for rb in source.runbooks())
    assert all(Path(item["path"]).is_relative_to(bundle) for item in listed)
    assert {item["kind"] for item in listed} <= {"runbook", "exercise"}


@pytest.mark.skipif(sys.platform == "win32",
                    reason="Windows' user folders cannot be moved by the environment, so a run "
                           "would land in the real profile")
def test_the_bundle_writes_nothing_beside_its_own_files(bundle: Path,
                                                        env: dict[str, str]) -> None:
    before = _tree(bundle)

    for args in (("self-test",), ("list",), ("run", "start", "email-outage", "--title", "T",
                                             "--actor", "Anna")):
        done = _run(bundle / EXE_NAME, *args, env=env)
        assert done.returncode == 0, (args, done.stderr)

    assert _tree(bundle) == before


def test_a_portable_copy_keeps_its_data_in_its_own_folder(bundle: Path, env: dict[str, str],
                                                          tmp_path: Path) -> None:
    stick = tmp_path / "usb-stick" / "runbook-assistant"
    stick.mkdir(parents=True)
    shutil.copy2(bundle / EXE_NAME, stick / EXE_NAME)
    try:  # the executable is what counts; its libraries can stay where they are
        (stick / "_internal").symlink_to(bundle / "_internal", target_is_directory=True)
    except OSError:
        shutil.copytree(bundle / "_internal", stick / "_internal")
    (stick / "portable.txt").write_text("", encoding="utf-8")

    done = _run(stick / EXE_NAME, "run", "start", "email-outage", "--title", "T",
                "--actor", "Anna", env=env)

    assert done.returncode == 0, done.stderr
    assert (stick / "data" / "runbook-assistant.sqlite3").is_file()
    assert (stick / "data" / KEY_FILE_NAME).is_file()
    if "XDG_DATA_HOME" in env:
        assert not list(Path(env["XDG_DATA_HOME"]).rglob(KEY_FILE_NAME))
