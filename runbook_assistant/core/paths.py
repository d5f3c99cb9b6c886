"""Where things live: bundled runbooks and resources, and the user's data.

One place resolves every path so that a source checkout, an installed wheel and a PyInstaller bundle
behave alike, and so that tests can move everything with ``XDG_DATA_HOME`` or explicit arguments.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from runbook_assistant.core.errors import StoreError

APP_DIR_NAME = "runbook-assistant"
PORTABLE_MARKER = "portable.txt"


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller unpacks data next to the executable's internals
        found.append(Path(frozen) / name)
    found.append(Path(__file__).resolve().parents[2] / name)  # source tree / editable install
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


class DataFolderError(StoreError, OSError):
    """The data folder cannot be created; an ``OSError`` too, for callers that fall back."""


_portable_flag = False  # set by ``--portable`` (``set_portable``) before any path is resolved


def set_portable(enabled: bool = True) -> None:
    """Turn portable mode on (or off) for this process, as ``--portable`` does."""
    global _portable_flag
    _portable_flag = enabled


def executable_dir() -> Path:
    """The folder of the running program: the bundle's folder (or the Python interpreter's)."""
    return Path(sys.executable).resolve().parent


def is_portable() -> bool:
    """Portable mode: ``--portable``, ``RUNBOOK_ASSISTANT_PORTABLE`` (not 0/false/no) or a
    ``portable.txt`` file beside the executable of a bundled build."""
    if _portable_flag:
        return True
    setting = os.environ.get("RUNBOOK_ASSISTANT_PORTABLE", "").strip().lower()
    if setting:
        return setting not in ("0", "false", "no", "off")
    return bool(getattr(sys, "frozen", False)) and (executable_dir() / PORTABLE_MARKER).exists()


def _portable_root() -> Path | None:
    """Data beside the executable when portable mode is on (flag, env or marker file)."""
    return executable_dir() / "data" if is_portable() else None


def user_data_dir() -> Path:
    """The user's data folder (database, device key, contacts); created on first use.

    In portable mode that is ``data/`` beside the executable, so a bundle on a USB stick carries
    its data along; otherwise the platform's user data folder. The bundle never writes beside its
    own files unless it is portable, so it runs from a read-only folder.
    """
    root = _portable_root() or Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        code = "data_folder_portable" if _portable_root() else "data_folder"
        raise DataFolderError.of(code, folder=root, why=exc.strerror or exc) from exc
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
