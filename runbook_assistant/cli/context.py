"""The object every command receives: global options, and the core objects opened lazily."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from runbook_assistant import paths


@dataclass
class AppContext:
    """Global options plus lazily opened core objects (library, store), shared by all commands."""

    db_path: str | None = None
    libraries: tuple[str, ...] = ()
    lang: str | None = None
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def database(self) -> Path:
        """The SQLite file: ``--db`` or the default in the user data folder."""
        return Path(self.db_path) if self.db_path else paths.default_db_path()

    @property
    def library_dirs(self) -> list[Path]:
        """The bundled folder followed by every ``--library`` folder."""
        return [paths.bundled_runbooks_dir(), *(Path(p) for p in self.libraries)]


pass_app = click.make_pass_decorator(AppContext)
