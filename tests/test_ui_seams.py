"""The app reaches the core through its public seams only.

Views read a run through ``Engine.state``/``RunChange`` (``ui/run_ops.py``), never through the
fold's internals or the store; the rules they show come from ``core/run/discipline.py``. A view
that imports the fold or reads the store would show a second truth beside the engine's.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "runbook_assistant" / "ui"

# Modules that hold the engine's and the log's internals.
INTERNAL = (
    "runbook_assistant.core.run.fold",
    "runbook_assistant.core.run.tracks",
    "runbook_assistant.core.run.snapshot",
    "runbook_assistant.core.log.store",
    "runbook_assistant.core.log.chain",
)

# Controllers that hand the engine's store to a core sync function (the CLI does the same);
# they read nothing from it themselves.
STORE_HANDOVER = {"sync_dialogs.py", "hub_sync.py"}


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def test_no_view_imports_the_fold_or_the_store() -> None:
    wrong = [f"{path.name}:{line}: imports {name}"
             for path in sorted(UI.glob("*.py"))
             for line, name in _imports(ast.parse(path.read_text(encoding="utf-8")))
             if name.startswith(INTERNAL)]
    assert not wrong, "\n".join(wrong)


def test_only_the_sync_controllers_hand_on_the_store() -> None:
    wrong = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "store" \
                    and path.name not in STORE_HANDOVER:
                wrong.append(f"{path.name}:{node.lineno}: reads .store")
    assert not wrong, "\n".join(wrong)


def test_the_scan_sees_a_forbidden_import(tmp_path: Path) -> None:
    # The scan itself must be able to fail: a module importing the fold is found.
    source = "from runbook_assistant.core.run.fold import RunFolder\nx = engine.store\n"
    names = [name for _, name in _imports(ast.parse(source))]
    assert any(name.startswith(INTERNAL) for name in names)
