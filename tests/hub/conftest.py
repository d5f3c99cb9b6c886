"""A real PostgreSQL (throwaway cluster) and the real hub service over HTTP on 127.0.0.1.

Skipped, with the reason, only when no PostgreSQL binaries or no ``hub`` extra are installed.
"""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hub_support import HubProcess, Laptop
from pg_cluster import Cluster, find_bindir

_MISSING = [name for name in ("psycopg", "psycopg_pool", "starlette", "uvicorn")
            if importlib.util.find_spec(name) is None]
# These modules import psycopg themselves: without the hub extra they are not collected (the
# other hub tests skip, with the reason, through the ``pg`` fixture below).
collect_ignore = ["test_hub_faults.py", "test_hub_tenancy.py"] if _MISSING else []
_BINDIR = find_bindir()
_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    if _MISSING:
        pytest.skip(f"the hub extra is not installed ({', '.join(_MISSING)} missing): "
                    "pip install -e '.[hub]'")
    if _BINDIR is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql")
    cluster = Cluster(_BINDIR).init().start()
    yield cluster
    cluster.destroy()


@pytest.fixture
def hub_db(pg: Cluster) -> str:
    """A fresh hub database, initialised (schema and hub key)."""
    from runbook_assistant.hub.admin import init

    url = pg.create_database(f"hub{next(_names)}")
    init(url)
    return url


@pytest.fixture
def hub(hub_db: str) -> Iterator[HubProcess]:
    """``runbook-assistant hub serve`` on a free port, answering /health."""
    process = HubProcess(hub_db).start()
    yield process
    process.stop()


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    """Laptops by name, made on first use: each its own user data folder, key and database."""
    made: dict[str, Laptop] = {}

    class Made(dict[str, Laptop]):
        def __missing__(self, name: str) -> Laptop:
            made[name] = self[name] = Laptop(tmp_path / name)
            return made[name]

    yield Made()
    for laptop in made.values():
        laptop.close()
