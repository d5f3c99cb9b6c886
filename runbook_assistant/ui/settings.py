"""The app's remembered preferences, declared as data and kept in one INI file (QSettings).

Each setting has a key, a default and a description; ``Settings`` reads and writes them with the
right type and emits ``changed(key)`` so that open windows can follow (theme, language, type size).
Per-run keys (``runs/<run id>/step``) remember where each open run was, so a restart resumes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import platformdirs
from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from runbook_assistant.core import paths

FONT_SCALE_MIN = 0.8
FONT_SCALE_MAX = 2.5
FONT_SCALE_STEP = 0.1


class Setting(NamedTuple):
    """One preference: where it is stored, its default and what it means."""

    key: str
    default: object
    description: str


LANGUAGE = Setting("ui/language", "", "Language of the app: 'nl', 'en' or empty for the system's.")
THEME = Setting("ui/theme", "system", "Colours: 'system' (follow the desktop), 'light' or 'dark'.")
FONT_SCALE = Setting("ui/font_scale", 1.0, "Text size as a factor of the normal size (0.8-2.5).")
ACTOR = Setting("user/actor", "", "The name or initials recorded as who did something.")
EXTRA_FOLDERS = Setting("library/extra_folders", (), "Runbook folders besides the bundled one.")
HUB_URL = Setting("sync/hub_url", "", "The team hub to sync with in the background (empty: none).")
LAST_RUN = Setting("runs/last", "", "The run that was in front when the app closed.")
GEOMETRY = Setting("window/geometry", b"", "Main window position and size.")
SPLITTER = Setting("window/splitter", b"", "Width of the library panel.")

ALL_SETTINGS = (LANGUAGE, THEME, FONT_SCALE, ACTOR, EXTRA_FOLDERS, HUB_URL, LAST_RUN, GEOMETRY,
                SPLITTER)
THEMES = ("system", "light", "dark")
LANGUAGES = ("", "nl", "en")


def default_settings_path() -> Path:
    """The INI file: beside the data in portable mode, else in the user config folder."""
    data = paths.user_data_dir()
    if data != Path(platformdirs.user_data_dir(paths.APP_DIR_NAME, appauthor=False)):
        return data / "settings.ini"  # portable: everything travels on the stick together
    return Path(platformdirs.user_config_dir(paths.APP_DIR_NAME, appauthor=False)) / "settings.ini"


def step_key(run_id: str) -> str:
    """The key remembering the selected step of one run."""
    return f"runs/{run_id}/step"


class Settings(QObject):
    """Typed access to the preferences; ``changed`` carries the key that changed."""

    changed = Signal(str)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or default_settings_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    # --- plain values ------------------------------------------------------------------------
    def _get_str(self, setting: Setting) -> str:
        value = self._qs.value(setting.key, setting.default)
        return value if isinstance(value, str) else str(setting.default)

    def _set(self, setting: Setting | str, value: object) -> None:
        key = setting if isinstance(setting, str) else setting.key
        if self._qs.value(key) == value:
            return
        self._qs.setValue(key, value)
        self._qs.sync()
        self.changed.emit(key)

    @property
    def language(self) -> str:
        value = self._get_str(LANGUAGE)
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._set(LANGUAGE, value if value in LANGUAGES else "")

    @property
    def theme(self) -> str:
        value = self._get_str(THEME)
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set(THEME, value if value in THEMES else "system")

    @property
    def font_scale(self) -> float:
        try:
            value = float(self._qs.value(FONT_SCALE.key, FONT_SCALE.default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0
        return min(FONT_SCALE_MAX, max(FONT_SCALE_MIN, value))

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self._set(FONT_SCALE, round(min(FONT_SCALE_MAX, max(FONT_SCALE_MIN, value)), 2))

    @property
    def actor(self) -> str:
        return self._get_str(ACTOR).strip()

    @actor.setter
    def actor(self, value: str) -> None:
        self._set(ACTOR, value.strip())

    @property
    def extra_folders(self) -> list[Path]:
        import json  # read after the first paint, with the library: not worth importing before

        # Stored as JSON text: an INI list with one item would come back as a bare string.
        raw = self._qs.value(EXTRA_FOLDERS.key, "[]")
        try:
            folders = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            folders = []
        return [Path(f) for f in folders if isinstance(f, str) and f]

    @extra_folders.setter
    def extra_folders(self, folders: list[Path]) -> None:
        import json

        unique = list(dict.fromkeys(str(f) for f in folders))
        self._set(EXTRA_FOLDERS, json.dumps(unique, ensure_ascii=False))

    # --- where each run was ------------------------------------------------------------------
    @property
    def hub_url(self) -> str:
        return self._get_str(HUB_URL).strip()

    @hub_url.setter
    def hub_url(self, value: str) -> None:
        self._set(HUB_URL, value.strip())

    @property
    def last_run(self) -> str:
        return self._get_str(LAST_RUN)

    @last_run.setter
    def last_run(self, run_id: str) -> None:
        self._set(LAST_RUN, run_id)

    def run_step(self, run_id: str) -> str:
        """The step last selected in this run ('' when none)."""
        value = self._qs.value(step_key(run_id), "")
        return value if isinstance(value, str) else ""

    def set_run_step(self, run_id: str, step_id: str) -> None:
        self._set(step_key(run_id), step_id)

    # --- window layout -----------------------------------------------------------------------
    def blob(self, setting: Setting) -> QByteArray:
        value = self._qs.value(setting.key, QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    def set_blob(self, setting: Setting, value: QByteArray) -> None:
        self._qs.setValue(setting.key, value)
        self._qs.sync()
