"""What every screenshot script shares: an offscreen Qt with throwaway user folders, the --out
option, a clock moved by hand, the language and theme, letting the window settle, and the list
of files written."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def parser(doc: str) -> argparse.ArgumentParser:
    """Options of a screenshot script: ``--out`` (default ``docs/screenshots``)."""
    found = argparse.ArgumentParser(description=doc.splitlines()[0])
    found.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    return found


def offscreen(prefix: str) -> Path:
    """Point Qt offscreen and the user data, cache and config at a fresh folder (returned).

    Call it before the app is imported, so that nothing of the user's own is read or written.
    """
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(tmp / var.lower())
    sys.path.insert(0, str(REPO))
    return tmp


class HandClock:
    """A time source moved by hand: the screenshots never wait."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, minutes: float) -> None:
        self.moment += timedelta(minutes=minutes)

    def at(self, minutes: float) -> None:
        """Set the clock ``minutes`` after where it started."""
        self.moment = self.start + timedelta(minutes=minutes)


def use_look(app: Any, translations: Any, lang: str, scheme: str, scale: float = 1.0) -> None:
    """Language ``lang`` and the ``scheme`` theme at text size ``scale`` (normal: 1.0), as a
    user sets them."""
    from runbook_assistant.ui import theme

    translations.use(lang)
    theme.apply_theme(app, scheme)
    theme.apply_font_scale(app, scale)


def settle() -> None:
    """Let Qt lay out and paint what was just shown."""
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def report(written: list[Path]) -> int:
    """Print the files written (relative to the repository where they are in it); returns 0."""
    for path in written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0
