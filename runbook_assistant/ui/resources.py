"""Files shipped with the app for the UI: icons, the stylesheet and translations."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from runbook_assistant.core import paths

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

APP_NAME = "Runbook Assistant"


def translations_dir() -> Path:
    """The folder holding runbook_assistant_<lang>.ts/.qm."""
    return paths.resources_dir() / "translations"


@cache
def stylesheet_template() -> str:
    """The stylesheet with ``$colour`` placeholders (filled in by ``theme.stylesheet``)."""
    try:
        return (paths.resources_dir() / "style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""  # a missing stylesheet leaves the plain Fusion look, never a broken app


def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icon-<name>.svg`` (an empty icon if it is missing)."""
    from PySide6.QtGui import QIcon  # icons are set after the first paint

    path = paths.resources_dir() / f"icon-{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
