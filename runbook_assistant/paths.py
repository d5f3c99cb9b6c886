"""Where things live: bundled runbooks and resources, and the user's data.

One place resolves every path so that a source checkout, an installed wheel and a PyInstaller bundle
behave alike, and so that tests can move everything with ``XDG_DATA_HOME`` or explicit arguments.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "runbook-assistant"
PORTABLE_MARKER = "portable.txt"


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller unpacks data next to the executable's internals
        found.append(Path(frozen) / name)
    found.append(Path(__file__).resolve().parent.parent / name)  # source tree / editable install
    found.append(Path(sys.prefix) / "share" / APP_DIR_NAME / name)  # installed wheel
    return found


def _first_existing(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    return _candidates(name)[0]


def bundled_runbooks_dir() -> Path:
    """The folder of playbooks shipped with the app."""
    return _first_existing("runbooks")


def resources_dir() -> Path:
    """The folder of icons, translations, templates and fonts shipped with the app."""
    return _first_existing("resources")


def _portable_root() -> Path | None:
    """Data beside the executable when portable mode is on (flag, env or marker file)."""
    if os.environ.get("RUNBOOK_ASSISTANT_PORTABLE"):
        return Path(sys.executable).resolve().parent / "data"
    if getattr(sys, "frozen", False):
        exe_dir = Path(sys.executable).resolve().parent
        if (exe_dir / PORTABLE_MARKER).exists():
            return exe_dir / "data"
    return None


def user_data_dir() -> Path:
    """The user's data folder (database, device key, contacts); created on first use."""
    root = _portable_root() or Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    root.mkdir(parents=True, exist_ok=True)
    return root


def default_db_path() -> Path:
    """The default SQLite file holding runs and events."""
    return user_data_dir() / "runbook-assistant.sqlite3"


def cache_db_path() -> Path:
    """The library index (parse cache and full-text search); safe to delete at any time."""
    root = Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))
    if _portable_root() is not None:
        root = user_data_dir() / "cache"
    root.mkdir(parents=True, exist_ok=True)
    return root / "library-index.sqlite3"
