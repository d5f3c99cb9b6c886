"""The object every command receives: global options, and the core objects opened lazily."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from runbook_assistant.core import paths

if TYPE_CHECKING:
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.run.engine import Engine


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

    @property
    def library(self) -> Library:
        """The runbook library over ``library_dirs``, indexed in the user's cache folder."""
        if "library" not in self._cache:
            from runbook_assistant.core.library.catalog import Library

            made = Library(self.library_dirs, cache_path=paths.cache_db_path())
            self._cache["library"] = made
            ctx = click.get_current_context(silent=True)
            if ctx is not None:
                ctx.call_on_close(made.close)
        library: Library = self._cache["library"]
        return library

    @property
    def engine(self) -> Engine:
        """The run engine on ``database``; opened on first use, closed when the command ends."""
        if "engine" not in self._cache:
            from runbook_assistant.core.run.engine import Engine

            engine = Engine.open(self.database)
            self._cache["engine"] = engine
            ctx = click.get_current_context(silent=True)
            if ctx is not None:
                ctx.call_on_close(engine.close_store)
        opened: Engine = self._cache["engine"]
        return opened


pass_app = click.make_pass_decorator(AppContext)
