"""Shared test set-up: Qt offscreen, every test kept out of the real home directory, and an
engine on a fresh database whose time a test moves by hand (``clock``, ``db``, ``engine``).

A module or folder that wants another start time overrides ``clock``; the desktop app tests run
on the wall clock unless a module gives them a hand-moved one (``tests/ui/conftest.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hand_clock import HandClock

from runbook_assistant import pdf
from runbook_assistant.core.run.engine import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pdf.register()  # as the CLI and the app do at start-up; Qt loads only when a PDF is drawn

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the user data, cache and config dirs at a fresh folder for every test."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_CONFIG_HOME", "config")):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("RUNBOOK_ASSISTANT_PORTABLE", raising=False)
    yield home


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def clock() -> HandClock | None:
    return HandClock()  # 2026-11-23 09:00 UTC


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "runs.sqlite3"


@pytest.fixture
def engine(db: Path, clock: HandClock | None) -> Iterator[Engine]:
    """An engine on ``db`` reading ``clock`` (None: the wall clock); closed after the test."""
    opened = Engine.open(db, clock=clock)
    yield opened
    opened.close_store()
