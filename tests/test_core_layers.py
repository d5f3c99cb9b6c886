"""The core's packages import only the layers below them, and the core imports nothing outside it.

The table is the architecture: ``docs/architecture.md`` draws it, each package's ``__init__`` says
it. Imports under ``if TYPE_CHECKING:`` are for type hints only and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "runbook_assistant" / "core"
BASE = "base"  # the modules at the top of core/

ALLOWED: dict[str, set[str]] = {
    # errors.py says its coded refusals in the catalogue's words (a package that imports nothing).
    BASE: {"error_texts"},
    "error_texts": set(),
    "runbook": {BASE},
    "library": {BASE, "runbook"},
    "log": {BASE},
    "run": {BASE, "runbook", "log"},
    "comms": {BASE, "runbook", "run"},
    "exercise": {BASE, "runbook", "library", "log", "run"},
    "sync": {BASE, "log"},
    "export": {BASE, "runbook", "library", "log", "run", "comms", "exercise"},
    # Import writes the format and signs approvals with the device key.
    "authoring": {BASE, "runbook", "log"},
}
OUTSIDE_OK = {"runbook_assistant", "runbook_assistant.__version__"}  # the version string only


def layer_of(path: Path) -> str:
    parts = path.relative_to(CORE).parts
    return parts[0] if len(parts) > 1 else BASE


def imported(tree: ast.Module) -> list[tuple[int, str]]:
    """Every ``runbook_assistant`` module a file imports at run time, with its line."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, name) for line, name in found if name.startswith("runbook_assistant")]


def target_layer(name: str) -> str | None:
    parts = name.split(".")
    if parts[:2] != ["runbook_assistant", "core"]:
        return None
    if len(parts) > 2 and (CORE / parts[2]).is_dir():
        return parts[2]
    return BASE


SOURCES = sorted(CORE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(CORE)))
def test_each_module_imports_only_the_layers_below(path: Path) -> None:
    mine = layer_of(path)
    wrong = []
    for line, name in imported(ast.parse(path.read_text(encoding="utf-8"))):
        layer = target_layer(name)
        if layer is None:
            if name not in OUTSIDE_OK:
                wrong.append(f"{path.name}:{line}: imports {name} from outside the core")
        elif layer != mine and layer not in ALLOWED[mine]:
            wrong.append(f"{path.name}:{line}: {mine} may not import {layer} ({name})")
    assert not wrong, "\n".join(wrong)


def test_every_package_is_in_the_table_and_says_what_it_may_import() -> None:
    packages = {p.name for p in CORE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(ALLOWED) - {BASE}
    for name in packages:
        doc = ast.get_docstring(ast.parse((CORE / name / "__init__.py").read_text()))
        assert doc and "May import" in doc, name


def test_the_top_of_the_core_stays_small() -> None:
    assert len([p for p in CORE.glob("*.py") if p.name != "__init__.py"]) <= 12


def test_the_rule_catches_a_wrong_import(tmp_path: Path) -> None:
    tree = ast.parse("from runbook_assistant.core.run.engine import Engine\n"
                     "if TYPE_CHECKING:\n    from runbook_assistant.core.export import x\n")
    assert [name for _, name in imported(tree)] == ["runbook_assistant.core.run.engine.Engine"]
    assert target_layer("runbook_assistant.core.run.engine.Engine") not in ALLOWED["log"]
